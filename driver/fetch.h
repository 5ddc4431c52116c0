/* fetch.h */
#ifndef ATHENA_FETCH_H
#define ATHENA_FETCH_H
#endif

/* info.h */
#ifndef ATHENA_INFO_H
#define ATHENA_INFO_H
#endif

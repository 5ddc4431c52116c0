/* conn.h */
#ifndef ATHENA_CONN_H
#define ATHENA_CONN_H
#endif

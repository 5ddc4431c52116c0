/* exec.h */
#ifndef ATHENA_EXEC_H
#define ATHENA_EXEC_H
#endif

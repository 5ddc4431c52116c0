/* handles.h */
#ifndef ATHENA_HANDLES_H
#define ATHENA_HANDLES_H
#endif

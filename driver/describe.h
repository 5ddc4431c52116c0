/* describe.h */
#ifndef ATHENA_DESCRIBE_H
#define ATHENA_DESCRIBE_H
#endif

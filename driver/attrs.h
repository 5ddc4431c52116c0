/* attrs.h */
#ifndef ATHENA_ATTRS_H
#define ATHENA_ATTRS_H
#endif

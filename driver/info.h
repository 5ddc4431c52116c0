/* info.h - SQLGetInfo and SQLGetFunctions. */
#ifndef ATHENA_INFO_H
#define ATHENA_INFO_H

#include "handles.h"

typedef enum { INFO_STR, INFO_U16, INFO_U32, INFO_ULEN } info_kind;

/* Looks up an information type. For INFO_STR, *str is set (UTF-8, static or
 * owned by the connection); otherwise *num. HY096 for an unknown type. */
SQLRETURN info_get(athena_dbc *d, SQLUSMALLINT type, info_kind *kind, const char **str, SQLULEN *num);
SQLRETURN info_functions(athena_dbc *d, SQLUSMALLINT id, SQLUSMALLINT *supported);

#endif

/* typeinfo.h - SQLGetTypeInfo: the driver's list of Athena types. */
#ifndef ATHENA_TYPEINFO_H
#define ATHENA_TYPEINFO_H

#include "handles.h"

SQLRETURN typeinfo_list(athena_stmt *s, SQLSMALLINT data_type);

#endif

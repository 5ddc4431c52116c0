/* typeinfo.h - SQLGetTypeInfo: the driver's list of Athena types. */
#ifndef ATHENA_TYPEINFO_H
#define ATHENA_TYPEINFO_H

#include "handles.h"

SQLRETURN typeinfo_list(athena_stmt *s, SQLSMALLINT data_type);
/* ODBC 2 applications know the date/time types by their old codes. */
SQLSMALLINT typeinfo_for_version(SQLSMALLINT t, SQLINTEGER odbc_version);

#endif

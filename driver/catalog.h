/* catalog.h - result sets the driver builds itself: SQLGetTypeInfo (and,
 * later, the catalog functions). */
#ifndef ATHENA_CATALOG_H
#define ATHENA_CATALOG_H

#include "handles.h"

SQLRETURN catalog_type_info(athena_stmt *s, SQLSMALLINT data_type);

#endif

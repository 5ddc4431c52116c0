/* fetch.h - binding columns, fetching rows (single or block) and SQLGetData. */
#ifndef ATHENA_FETCH_H
#define ATHENA_FETCH_H

#include "handles.h"

SQLRETURN fetch_bind_col(athena_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER ptr,
                         SQLLEN buflen, SQLLEN *ind);
/* SQLFetch and SQLFetchScroll(SQL_FETCH_NEXT): the next rowset into the
 * bound buffers. row_status/rows_fetched come from the statement's IRD
 * unless overridden (SQLExtendedFetch passes its own). */
SQLRETURN fetch_next(athena_stmt *s, SQLULEN *rows_fetched_override, SQLUSMALLINT *row_status_override);
SQLRETURN fetch_scroll(athena_stmt *s, SQLSMALLINT orientation, SQLLEN offset);
/* SQLExtendedFetch: fetch_scroll with its own row count and status array (either may be NULL). */
SQLRETURN fetch_extended(athena_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *rows,
                         SQLUSMALLINT *status);
SQLRETURN fetch_get_data(athena_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER ptr,
                         SQLLEN buflen, SQLLEN *ind);
void fetch_unbind(athena_stmt *s);
/* SQLSetPos: SQL_POSITION within the current rowset (the only operation of a read-only cursor). */
SQLRETURN fetch_set_pos(athena_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock);

#endif

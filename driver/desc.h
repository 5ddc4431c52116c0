/* desc.h - the descriptor API: SQLGetDescField, SQLSetDescField,
 * SQLGetDescRec, SQLSetDescRec, SQLCopyDesc. String fields travel as UTF-8. */
#ifndef ATHENA_DESC_H
#define ATHENA_DESC_H

#include "handles.h"

/* Reads a field. Numeric and pointer fields are written to value; string
 * fields set *str instead (value untouched). */
SQLRETURN desc_get_field(athena_desc *x, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                         const char **str);
/* Writes a field; string values are UTF-8 (len bytes or SQL_NTS). */
SQLRETURN desc_set_field(athena_desc *x, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                         SQLINTEGER len);
SQLRETURN desc_copy(athena_desc *src, athena_desc *dst);
/* The statement's descriptor kind, for messages and rules. */
bool desc_is_ird(const athena_desc *x);

#endif

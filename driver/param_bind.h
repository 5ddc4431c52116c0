/* param_bind.h - parameters as the application describes them: SQLBindParameter
 * (APD + IPD records), SQLNumParams, SQLDescribeParam; and running a statement
 * with its parameter values (param_exec.c): parameter arrays, data at execution
 * (SQLParamData/SQLPutData). */
#ifndef ATHENA_PARAM_BIND_H
#define ATHENA_PARAM_BIND_H

#include "handles.h"

SQLRETURN param_bind(athena_stmt *s, SQLUSMALLINT num, SQLSMALLINT io_type, SQLSMALLINT ctype,
                     SQLSMALLINT sql_type, SQLULEN column_size, SQLSMALLINT digits, SQLPOINTER value,
                     SQLLEN buffer_length, SQLLEN *ind);
SQLRETURN param_num(athena_stmt *s, SQLSMALLINT *count);
SQLRETURN param_describe(athena_stmt *s, SQLUSMALLINT num, SQLSMALLINT *type, SQLULEN *size,
                         SQLSMALLINT *digits, SQLSMALLINT *nullable);

/* SQLExecute (and SQLExecDirect after the prepare): without markers the plain
 * execute; with markers one query per parameter set. SQL_NEED_DATA when a
 * value is sent at execution. */
SQLRETURN param_execute(athena_stmt *s);
SQLRETURN param_data(athena_stmt *s, SQLPOINTER *token);
SQLRETURN param_put_data(athena_stmt *s, SQLPOINTER data, SQLLEN len);
/* Appends the prepared text with the first parameter set's values written
 * in (NULL for a parameter not bound yet or sent at execution). */
SQLRETURN param_inline_text(athena_stmt *s, strbuf *out);
/* Drops a pending data-at-execution (SQLCancel, SQLFreeStmt, a new prepare). */
void param_run_free(athena_stmt *s);

#endif

/* exec.h - preparing, executing, polling and cancelling queries. */
#ifndef ATHENA_EXEC_H
#define ATHENA_EXEC_H

#include "handles.h"

SQLRETURN exec_prepare(athena_stmt *s, const char *sql, size_t len);
/* HY010 without a prepared statement, 24000 with an open cursor. */
SQLRETURN exec_check_executable(athena_stmt *s);
SQLRETURN exec_execute(athena_stmt *s);
/* Runs sql (the prepared text, or it with the parameter values written in)
 * with the given ExecutionParameters, polls it and opens its result. */
SQLRETURN exec_run(athena_stmt *s, const char *sql, const char *const *params, size_t nparams);
/* Thread-safe: may be called while another thread executes on s. */
SQLRETURN exec_cancel(athena_stmt *s);
/* Closes the cursor if one is open (SQLFreeStmt(SQL_CLOSE)). */
void exec_close_cursor(athena_stmt *s);
/* Opens the cursor over s->rs (set by the caller): a static cursor
 * (SQL_ATTR_CURSOR_TYPE) wraps it in result_scroll.c. On error s->rs is
 * closed. */
SQLRETURN exec_open_cursor(athena_stmt *s);
/* Forgets the result sets SQLMoreResults would open. */
void exec_discard_pending(athena_stmt *s);
/* Closes the cursor and discards the pending result sets (SQLFreeStmt(SQL_CLOSE)). */
void exec_close_all(athena_stmt *s);
/* Opens the result of query qid, which has ended, as the statement's cursor. */
SQLRETURN exec_open_query(athena_stmt *s, const char *qid);
/* SQLCloseCursor: 24000 when no cursor is open. */
SQLRETURN exec_close_open_cursor(athena_stmt *s);
SQLRETURN exec_row_count(athena_stmt *s, SQLLEN *count);
SQLRETURN exec_more_results(athena_stmt *s);

#endif

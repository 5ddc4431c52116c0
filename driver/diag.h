/* diag.h - diagnostic records kept on every handle. */
#ifndef ATHENA_DIAG_H
#define ATHENA_DIAG_H

#include "common.h"
#include "error.h"
#include "sqlstate.h"

typedef struct diag_rec {
    sqlstate_id state;     /* entry of sqlstate.h's table: the ODBC 3 and ODBC 2 SQLSTATEs */
    SQLINTEGER native;
    char *message;         /* full ODBC-style text: "[Athena ODBC][component] text" */
    SQLLEN row_number;     /* SQL_ROW_NUMBER_UNKNOWN unless a row is known */
    SQLINTEGER column_number; /* SQL_COLUMN_NUMBER_UNKNOWN unless known */
} diag_rec;

typedef struct diag_list {
    diag_rec *recs;
    int count;
    int cap;
    SQLRETURN return_code;  /* of the last function called on the handle */
} diag_list;

void diag_clear(diag_list *d);
void diag_free(diag_list *d);

/* Posts the SQLSTATE `id` of sqlstate.h's table. The message is the table's
 * default text, followed by ": " and the formatted detail when fmt is not
 * NULL: diag_set(d, SS_24000, "close the cursor first") gives
 * "Invalid cursor state: close the cursor first". Returns
 * SQL_SUCCESS_WITH_INFO for class 01 states, SQL_NO_DATA for class 02,
 * else SQL_ERROR. */
SQLRETURN diag_set(diag_list *d, sqlstate_id id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Like diag_set, but the formatted text replaces the default text: for
 * messages that already say everything (a connection key's error). */
SQLRETURN diag_set_text(diag_list *d, sqlstate_id id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Posts an internal error with the SQLSTATE diag.c's table gives its code. */
SQLRETURN diag_post_error(diag_list *d, const athena_error *err);
/* Moves the last record of `from` to the end of `to`. */
void diag_move_last(diag_list *from, diag_list *to);
/* Sets row/column of the last record posted. */
void diag_set_position(diag_list *d, SQLLEN row, SQLINTEGER column);
/* The SQLSTATE of a record as an application of that ODBC version sees it:
 * the ODBC 2 state when odbc2 is true (SQL_ATTR_ODBC_VERSION = SQL_OV_ODBC2). */
const char *diag_rec_state(const diag_rec *r, bool odbc2);

/* SQLGetDiagField without the string copying: header fields (rec 0) and
 * record fields. Sets *str for string fields, else *num. Returns
 * SQL_SUCCESS, SQL_NO_DATA (no such record) or SQL_ERROR (bad field). */
SQLRETURN diag_field(const diag_list *d, SQLSMALLINT handle_type, SQLSMALLINT rec, SQLSMALLINT field,
                     SQLLEN row_count, bool odbc2, const char **str, SQLLEN *num);

#endif

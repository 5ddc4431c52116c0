/* diag.h - diagnostic records kept on every handle. */
#ifndef ATHENA_DIAG_H
#define ATHENA_DIAG_H

#include "common.h"
#include "error.h"
#include "sqlstate.h"

typedef struct diag_rec {
    char sqlstate[6];
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

/* Appends a record. Returns SQL_SUCCESS_WITH_INFO for class 01 states,
 * SQL_NO_DATA for class 02, else SQL_ERROR. `component` names the part of
 * the driver or service that speaks ("Athena", "S3", "Driver"...). */
SQLRETURN diag_post(diag_list *d, const char *sqlstate, SQLINTEGER native,
                    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
SQLRETURN diag_post_component(diag_list *d, const char *component, const char *sqlstate,
                              SQLINTEGER native, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Posts the SQLSTATE `id` of sqlstate.h's table. The message is the table's
 * default text, followed by ": " and the formatted detail when fmt is not
 * NULL: diag_set(d, SS_24000, "close the cursor first") gives
 * "Invalid cursor state: close the cursor first". Returns what diag_post
 * returns. */
SQLRETURN diag_set(diag_list *d, sqlstate_id id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Posts an internal error with the SQLSTATE diag.c's table gives its code. */
SQLRETURN diag_post_error(diag_list *d, const athena_error *err);
/* Sets row/column of the last record posted. */
/* Moves the last record of `from` to the end of `to`. */
void diag_move_last(diag_list *from, diag_list *to);
void diag_set_position(diag_list *d, SQLLEN row, SQLINTEGER column);
const char *ae_sqlstate(ae_code code);

/* SQLGetDiagField without the string copying: header fields (rec 0) and
 * record fields. Sets *str for string fields, else *num. Returns
 * SQL_SUCCESS, SQL_NO_DATA (no such record) or SQL_ERROR (bad field). */
SQLRETURN diag_field(const diag_list *d, SQLSMALLINT handle_type, SQLSMALLINT rec, SQLSMALLINT field,
                     SQLLEN row_count, const char **str, SQLLEN *num);

#endif

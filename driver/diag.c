/* diag.c - diagnostic records, and the one table from internal error codes
 * to SQLSTATEs. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static const struct {
    ae_code code;
    sqlstate_id state;
    const char *component;
} ae_table[] = {
    {AE_OK, SS_HY000, "Driver"}, /* never posted */
    {AE_NOMEM, SS_HY001, "Driver"},
    {AE_GENERAL, SS_HY000, "Driver"},
    {AE_CONFIG, SS_HY000, "Driver"},
    {AE_CONFIG_MISSING, SS_HY000, "Driver"},
    {AE_CONNECT, SS_08001, "HTTP"},
    {AE_LINK, SS_08S01, "HTTP"},
    {AE_AUTH, SS_28000, "Athena"},
    {AE_ACCESS_DENIED, SS_42000, "Athena"},
    {AE_INVALID_REQUEST, SS_HY000, "Athena"},
    {AE_SYNTAX, SS_42000, "Athena"},
    {AE_TABLE_NOT_FOUND, SS_42S02, "Athena"},
    {AE_COLUMN_NOT_FOUND, SS_42S22, "Athena"},
    {AE_DIVISION_BY_ZERO, SS_22012, "Athena"},
    {AE_INVALID_CAST, SS_22018, "Athena"},
    {AE_QUERY_FAILED, SS_HY000, "Athena"},
    {AE_CANCELLED, SS_HY008, "Driver"},
    {AE_QUERY_TIMEOUT, SS_HYT00, "Driver"},
    {AE_REQUEST_TIMEOUT, SS_HYT01, "HTTP"},
    {AE_THROTTLED, SS_HY000, "Athena"},
    {AE_SERVER, SS_HY000, "Athena"},
    {AE_NOT_FOUND, SS_HY000, "Athena"},
    {AE_BAD_RESPONSE, SS_08S01, "Athena"},
};

_Static_assert(sizeof ae_table / sizeof ae_table[0] == AE_CODE_COUNT,
               "every ae_code has a SQLSTATE");

void diag_clear(diag_list *d)
{
    for (int i = 0; i < d->count; i++)
        free(d->recs[i].message);
    d->count = 0;
    d->return_code = SQL_SUCCESS;
}

void diag_free(diag_list *d)
{
    diag_clear(d);
    free(d->recs);
    d->recs = NULL;
    d->cap = 0;
}

static SQLRETURN state_return(const char *sqlstate)
{
    if (strncmp(sqlstate, "01", 2) == 0)
        return SQL_SUCCESS_WITH_INFO;
    if (strncmp(sqlstate, "02", 2) == 0)
        return SQL_NO_DATA;
    return SQL_ERROR;
}

static bool room_for_one(diag_list *d)
{
    if (d->count < d->cap)
        return true;
    int cap = d->cap ? d->cap * 2 : 4;
    diag_rec *recs = realloc(d->recs, (size_t)cap * sizeof *recs);
    if (!recs)
        return false;
    d->recs = recs;
    d->cap = cap;
    return true;
}

/* Appends a record whose message is "[vendor][component]" + prefix + the
 * formatted text (prefix may be NULL). */
static SQLRETURN diag_vpost(diag_list *d, const char *component, sqlstate_id id, SQLINTEGER native,
                            const char *prefix, const char *fmt, va_list ap)
{
    const sqlstate_info *info = sqlstate_get(id);
    SQLRETURN rc = state_return(info->state);
    if (!room_for_one(d))
        return rc; /* the record is lost, the return code is not */
    strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s[%s]%s", ATHENA_VENDOR, component, prefix ? prefix : "");
    sb_vprintf(&sb, fmt, ap);
    diag_rec *r = &d->recs[d->count];
    memset(r, 0, sizeof *r);
    r->state = info == sqlstate_get(SS_HY000) ? SS_HY000 : id;
    r->native = native;
    r->message = sb_detach(&sb);
    r->row_number = SQL_ROW_NUMBER_UNKNOWN;
    r->column_number = SQL_COLUMN_NUMBER_UNKNOWN;
    if (!r->message)
        return rc;
    d->count++;
    return rc;
}

static SQLRETURN diag_post_component(diag_list *d, const char *component, sqlstate_id id,
                                     SQLINTEGER native, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static SQLRETURN diag_post_component(diag_list *d, const char *component, sqlstate_id id,
                                     SQLINTEGER native, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    SQLRETURN rc = diag_vpost(d, component, id, native, NULL, fmt, ap);
    va_end(ap);
    return rc;
}

SQLRETURN diag_set(diag_list *d, sqlstate_id id, const char *fmt, ...)
{
    const sqlstate_info *info = sqlstate_get(id);
    if (!fmt)
        return diag_post_component(d, "Driver", id, 0, "%s", info->text);
    strbuf prefix = STRBUF_INIT;
    sb_printf(&prefix, "%s: ", info->text);
    va_list ap;
    va_start(ap, fmt);
    SQLRETURN rc = diag_vpost(d, "Driver", id, 0, prefix.data ? prefix.data : "", fmt, ap);
    va_end(ap);
    sb_free(&prefix);
    return rc;
}

SQLRETURN diag_set_text(diag_list *d, sqlstate_id id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    SQLRETURN rc = diag_vpost(d, "Driver", id, 0, NULL, fmt, ap);
    va_end(ap);
    return rc;
}

SQLRETURN diag_post_error(diag_list *d, const athena_error *err)
{
    ae_code code = ((int)err->code > 0 && err->code < AE_CODE_COUNT) ? err->code : AE_GENERAL;
    const char *msg = err->message[0] ? err->message : "Unknown error";
    if (err->aws_type[0] && !strstr(msg, err->aws_type))
        return diag_post_component(d, ae_table[code].component, ae_table[code].state,
                                   (SQLINTEGER)err->native, "%s: %s", err->aws_type, msg);
    return diag_post_component(d, ae_table[code].component, ae_table[code].state,
                               (SQLINTEGER)err->native, "%s", msg);
}

const char *diag_rec_state(const diag_rec *r, bool odbc2)
{
    const sqlstate_info *info = sqlstate_get(r->state);
    return odbc2 ? info->odbc2 : info->state;
}

void diag_move_last(diag_list *from, diag_list *to)
{
    if (from->count == 0)
        return;
    if (!room_for_one(to))
        return;
    to->recs[to->count++] = from->recs[--from->count];
}

void diag_set_position(diag_list *d, SQLLEN row, SQLINTEGER column)
{
    if (d->count == 0)
        return;
    d->recs[d->count - 1].row_number = row;
    d->recs[d->count - 1].column_number = column;
}

/* ODBC-defined SQLSTATEs have class origin "ODBC 3.0"; the rest come from ISO 9075. */
static const char *origin_of(const char *sqlstate, bool subclass)
{
    static const char *const odbc_states[] = {
        "01S00", "01S01", "01S02", "01S06", "01S07", "07S01", "08S01", "21S01", "21S02", "25S01",
        "25S02", "25S03", "42S01", "42S02", "42S11", "42S12", "42S21", "42S22", "HY095", "HY097",
        "HY098", "HY099", "HY100", "HY101", "HY105", "HY107", "HY109", "HY110", "HY111", "HYT00",
        "HYT01", "IM001", "IM002", "IM003", "IM004", "IM005", "IM006", "IM007", "IM008", "IM010",
        "IM011", "IM012"};
    if (!subclass)
        return (strncmp(sqlstate, "IM", 2) == 0) ? "ODBC 3.0" : "ISO 9075";
    for (size_t i = 0; i < sizeof odbc_states / sizeof odbc_states[0]; i++)
        if (strcmp(sqlstate, odbc_states[i]) == 0)
            return "ODBC 3.0";
    return "ISO 9075";
}

SQLRETURN diag_field(const diag_list *d, SQLSMALLINT handle_type, SQLSMALLINT rec, SQLSMALLINT field,
                     SQLLEN row_count, bool odbc2, const char **str, SQLLEN *num)
{
    *str = NULL;
    *num = 0;
    switch (field) {
    case SQL_DIAG_NUMBER: *num = d->count; return SQL_SUCCESS;
    case SQL_DIAG_RETURNCODE: *num = d->return_code; return SQL_SUCCESS;
    case SQL_DIAG_CURSOR_ROW_COUNT:
    case SQL_DIAG_ROW_COUNT:
        if (handle_type != SQL_HANDLE_STMT)
            return SQL_ERROR;
        *num = row_count;
        return SQL_SUCCESS;
    case SQL_DIAG_DYNAMIC_FUNCTION:
        if (handle_type != SQL_HANDLE_STMT)
            return SQL_ERROR;
        *str = "";
        return SQL_SUCCESS;
    case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
        if (handle_type != SQL_HANDLE_STMT)
            return SQL_ERROR;
        *num = SQL_DIAG_UNKNOWN_STATEMENT;
        return SQL_SUCCESS;
    default:
        break;
    }
    if (rec < 1)
        return SQL_ERROR;
    if (rec > d->count)
        return SQL_NO_DATA;
    const diag_rec *r = &d->recs[rec - 1];
    switch (field) {
    case SQL_DIAG_SQLSTATE: *str = diag_rec_state(r, odbc2); return SQL_SUCCESS;
    case SQL_DIAG_NATIVE: *num = r->native; return SQL_SUCCESS;
    case SQL_DIAG_MESSAGE_TEXT: *str = r->message; return SQL_SUCCESS;
    case SQL_DIAG_CLASS_ORIGIN: *str = origin_of(diag_rec_state(r, false), false); return SQL_SUCCESS;
    case SQL_DIAG_SUBCLASS_ORIGIN: *str = origin_of(diag_rec_state(r, false), true); return SQL_SUCCESS;
    case SQL_DIAG_CONNECTION_NAME: *str = ""; return SQL_SUCCESS;
    case SQL_DIAG_SERVER_NAME: *str = ""; return SQL_SUCCESS;
    case SQL_DIAG_ROW_NUMBER:
        if (handle_type != SQL_HANDLE_STMT)
            return SQL_ERROR;
        *num = r->row_number;
        return SQL_SUCCESS;
    case SQL_DIAG_COLUMN_NUMBER:
        if (handle_type != SQL_HANDLE_STMT)
            return SQL_ERROR;
        *num = r->column_number;
        return SQL_SUCCESS;
    default:
        return SQL_ERROR;
    }
}

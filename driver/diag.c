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
    const char *sqlstate;
    const char *component;
} ae_table[] = {
    {AE_OK, "00000", "Driver"},
    {AE_NOMEM, "HY001", "Driver"},
    {AE_GENERAL, "HY000", "Driver"},
    {AE_CONFIG, "HY000", "Driver"},
    {AE_CONFIG_MISSING, "HY000", "Driver"},
    {AE_CONNECT, "08001", "HTTP"},
    {AE_LINK, "08S01", "HTTP"},
    {AE_AUTH, "28000", "Athena"},
    {AE_ACCESS_DENIED, "42000", "Athena"},
    {AE_INVALID_REQUEST, "HY000", "Athena"},
    {AE_SYNTAX, "42000", "Athena"},
    {AE_TABLE_NOT_FOUND, "42S02", "Athena"},
    {AE_COLUMN_NOT_FOUND, "42S22", "Athena"},
    {AE_DIVISION_BY_ZERO, "22012", "Athena"},
    {AE_INVALID_CAST, "22018", "Athena"},
    {AE_QUERY_FAILED, "HY000", "Athena"},
    {AE_CANCELLED, "HY008", "Driver"},
    {AE_QUERY_TIMEOUT, "HYT00", "Driver"},
    {AE_REQUEST_TIMEOUT, "HYT01", "HTTP"},
    {AE_THROTTLED, "HY000", "Athena"},
    {AE_SERVER, "HY000", "Athena"},
    {AE_NOT_FOUND, "HY000", "Athena"},
    {AE_BAD_RESPONSE, "08S01", "Athena"},
};

_Static_assert(sizeof ae_table / sizeof ae_table[0] == AE_CODE_COUNT,
               "every ae_code has a SQLSTATE");

const char *ae_sqlstate(ae_code code)
{
    if ((int)code < 0 || code >= AE_CODE_COUNT)
        return "HY000";
    return ae_table[code].sqlstate;
}

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

static SQLRETURN diag_vpost(diag_list *d, const char *component, const char *sqlstate,
                            SQLINTEGER native, const char *fmt, va_list ap)
{
    SQLRETURN rc = state_return(sqlstate);
    if (!room_for_one(d))
        return rc; /* the record is lost, the return code is not */
    strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s[%s]", ATHENA_VENDOR, component);
    sb_vprintf(&sb, fmt, ap);
    diag_rec *r = &d->recs[d->count];
    memset(r, 0, sizeof *r);
    snprintf(r->sqlstate, sizeof r->sqlstate, "%.5s", sqlstate);
    r->native = native;
    r->message = sb_detach(&sb);
    r->row_number = SQL_ROW_NUMBER_UNKNOWN;
    r->column_number = SQL_COLUMN_NUMBER_UNKNOWN;
    if (!r->message)
        return rc;
    d->count++;
    return rc;
}

SQLRETURN diag_post(diag_list *d, const char *sqlstate, SQLINTEGER native, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    SQLRETURN rc = diag_vpost(d, "Driver", sqlstate, native, fmt, ap);
    va_end(ap);
    return rc;
}

SQLRETURN diag_set(diag_list *d, sqlstate_id id, const char *fmt, ...)
{
    const sqlstate_info *info = sqlstate_get(id);
    if (!fmt)
        return diag_post(d, info->state, 0, "%s", info->text);
    strbuf detail = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&detail, fmt, ap);
    va_end(ap);
    SQLRETURN rc = diag_post(d, info->state, 0, "%s: %s", info->text, detail.data ? detail.data : "");
    sb_free(&detail);
    return rc;
}

SQLRETURN diag_post_component(diag_list *d, const char *component, const char *sqlstate,
                              SQLINTEGER native, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    SQLRETURN rc = diag_vpost(d, component, sqlstate, native, fmt, ap);
    va_end(ap);
    return rc;
}

SQLRETURN diag_post_error(diag_list *d, const athena_error *err)
{
    ae_code code = ((int)err->code > 0 && err->code < AE_CODE_COUNT) ? err->code : AE_GENERAL;
    const char *msg = err->message[0] ? err->message : "Unknown error";
    if (err->aws_type[0] && !strstr(msg, err->aws_type))
        return diag_post_component(d, ae_table[code].component, ae_table[code].sqlstate,
                                   (SQLINTEGER)err->native, "%s: %s", err->aws_type, msg);
    return diag_post_component(d, ae_table[code].component, ae_table[code].sqlstate,
                               (SQLINTEGER)err->native, "%s", msg);
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
                     SQLLEN row_count, const char **str, SQLLEN *num)
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
    case SQL_DIAG_SQLSTATE: *str = r->sqlstate; return SQL_SUCCESS;
    case SQL_DIAG_NATIVE: *num = r->native; return SQL_SUCCESS;
    case SQL_DIAG_MESSAGE_TEXT: *str = r->message; return SQL_SUCCESS;
    case SQL_DIAG_CLASS_ORIGIN: *str = origin_of(r->sqlstate, false); return SQL_SUCCESS;
    case SQL_DIAG_SUBCLASS_ORIGIN: *str = origin_of(r->sqlstate, true); return SQL_SUCCESS;
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

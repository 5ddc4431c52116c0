/* api_shared.c - entry-point bodies common to the ANSI and W edges. */
#include "api_shared.h"

#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "conn.h"
#include "desc.h"
#include "describe.h"
#include "exec.h"
#include "info.h"
#include "param_bind.h"
#include "sql_escape.h"

void put_small(SQLSMALLINT *out, SQLLEN v)
{
    if (out)
        *out = (SQLSMALLINT)(v > 32767 ? 32767 : v);
}

SQLRETURN api_connect(athena_dbc *d, bool bad, const char *dsn, const char *uid, const char *pwd)
{
    if (bad)
        return SQL_ERROR;
    return conn_connect(d, dsn ? dsn : "", uid, pwd);
}

SQLRETURN api_driver_connect(athena_dbc *d, bool bad, const char *in, size_t in_len, const outstr *out,
                             SQLSMALLINT *out_len, SQLUSMALLINT completion)
{
    if (bad)
        return SQL_ERROR;
    strbuf result = STRBUF_INIT;
    SQLRETURN rc = conn_driver_connect(d, in ? in : "", in ? in_len : 0, completion, &result);
    if (SQL_SUCCEEDED(rc)) {
        SQLLEN total = 0;
        SQLRETURN r2 = out_put(&d->diag, out, sb_str(&result), &total);
        put_small(out_len, total);
        if (r2 != SQL_SUCCESS)
            rc = r2;
    }
    sb_free(&result);
    return rc;
}

SQLRETURN api_prepare(athena_stmt *s, bool bad, const char *sql, size_t len)
{
    if (bad)
        return SQL_ERROR;
    if (!sql)
        return diag_set(&s->diag, SS_HY009, NULL);
    return exec_prepare(s, sql, len);
}

SQLRETURN api_exec_direct(athena_stmt *s, bool bad, const char *sql, size_t len)
{
    SQLRETURN rc = api_prepare(s, bad, sql, len);
    return SQL_SUCCEEDED(rc) ? param_execute(s) : rc;
}

SQLRETURN api_native_sql(athena_dbc *d, bool bad, const char *sql, size_t len, const outstr *out,
                         SQLINTEGER *out_len)
{
    if (bad)
        return SQL_ERROR;
    if (!sql)
        return diag_set(&d->diag, SS_HY009, NULL);
    strbuf native = STRBUF_INIT;
    athena_error ae;
    ae_clear(&ae);
    if (sql_translate(sql, len, &native, &ae) != 0) {
        sb_free(&native);
        return diag_post_error(&d->diag, &ae);
    }
    SQLLEN total = 0;
    SQLRETURN rc = out_put(&d->diag, out, sb_str(&native), &total);
    if (out_len)
        *out_len = (SQLINTEGER)total;
    sb_free(&native);
    return rc;
}

SQLRETURN api_get_connect_attr(athena_dbc *d, SQLINTEGER attr, SQLPOINTER value, const outstr *out,
                               SQLINTEGER *len)
{
    const char *str = NULL;
    SQLRETURN rc = attr_get_connect(d, attr, value, &str);
    if (SQL_SUCCEEDED(rc) && str) {
        SQLLEN total = 0;
        rc = out_put(&d->diag, out, str, &total);
        if (len)
            *len = (SQLINTEGER)total;
    } else if (SQL_SUCCEEDED(rc) && len) {
        *len = attr == SQL_ATTR_PACKET_SIZE ? (SQLINTEGER)sizeof(SQLULEN) : (SQLINTEGER)sizeof(SQLUINTEGER);
    }
    return rc;
}

SQLRETURN api_describe_col(athena_stmt *s, SQLUSMALLINT col, const outstr *name, SQLSMALLINT *name_len,
                           SQLSMALLINT *type, SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    const athena_column *c = describe_column(s, col);
    if (!c)
        return SQL_ERROR;
    SQLLEN total = 0;
    SQLRETURN rc = out_put(&s->diag, name, c->name, &total);
    put_small(name_len, total);
    if (type)
        *type = c->sql_type;
    if (size)
        *size = c->column_size;
    if (digits)
        *digits = c->decimal_digits;
    if (nullable)
        *nullable = c->nullable;
    return rc;
}

SQLRETURN api_col_attribute(athena_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field, const outstr *str_out,
                            SQLSMALLINT *str_len, SQLLEN *num_out)
{
    const char *str = NULL;
    SQLLEN num = 0;
    SQLRETURN rc = describe_attribute(s, col, field, &str, &num);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    if (str) {
        SQLLEN total = 0;
        rc = out_put(&s->diag, str_out, str, &total);
        put_small(str_len, total);
    } else if (num_out) {
        *num_out = num;
    }
    return rc;
}

/* The environment is shared by the driver manager among the connections of
 * every thread: its diagnostics are read under its lock. The diagnostics of
 * other handles belong to the thread that made the call. */
static void env_diag_lock(SQLSMALLINT type, SQLHANDLE h, bool lock)
{
    if (type != SQL_HANDLE_ENV || !env_valid(h))
        return;
    if (lock)
        pthread_mutex_lock(&((athena_env *)h)->lock);
    else
        pthread_mutex_unlock(&((athena_env *)h)->lock);
}

static SQLRETURN get_diag_rec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, const outstr *state,
                              SQLINTEGER *native, const outstr *msg, SQLSMALLINT *msg_len)
{
    diag_list *d = handle_diag(type, h);
    if (!d)
        return SQL_INVALID_HANDLE;
    if (rec < 1 || msg->cap < 0)
        return SQL_ERROR;
    if (rec > d->count)
        return SQL_NO_DATA;
    const diag_rec *r = &d->recs[rec - 1];
    out_put(NULL, state, diag_rec_state(r, handle_odbc2(type, h)), NULL);
    if (native)
        *native = r->native;
    SQLLEN total = 0;
    SQLRETURN rc = out_put(NULL, msg, r->message, &total);
    put_small(msg_len, total);
    return rc;
}

SQLRETURN api_get_diag_rec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, const outstr *state,
                           SQLINTEGER *native, const outstr *msg, SQLSMALLINT *msg_len)
{
    env_diag_lock(type, h, true);
    SQLRETURN rc = get_diag_rec(type, h, rec, state, native, msg, msg_len);
    env_diag_lock(type, h, false);
    return rc;
}

static SQLRETURN get_diag_field(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                                SQLPOINTER info, const outstr *str_out, SQLSMALLINT *info_len)
{
    diag_list *d = handle_diag(type, h);
    if (!d)
        return SQL_INVALID_HANDLE;
    const char *str = NULL;
    SQLLEN num = 0;
    SQLLEN row_count = type == SQL_HANDLE_STMT ? ((athena_stmt *)h)->row_count : 0;
    SQLRETURN rc = diag_field(d, type, rec, field, row_count, handle_odbc2(type, h), &str, &num);
    if (rc != SQL_SUCCESS)
        return rc;
    if (str) {
        if (str_out->buf && str_out->cap < 0)
            return SQL_ERROR;
        SQLLEN total = 0;
        rc = out_put(NULL, str_out, str, &total);
        put_small(info_len, total);
        return rc;
    }
    if (info) {
        switch (field) {
        case SQL_DIAG_NUMBER: case SQL_DIAG_NATIVE: case SQL_DIAG_COLUMN_NUMBER:
        case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
            *(SQLINTEGER *)info = (SQLINTEGER)num;
            break;
        case SQL_DIAG_RETURNCODE:
            *(SQLRETURN *)info = (SQLRETURN)num;
            break;
        default:
            *(SQLLEN *)info = num;
            break;
        }
    }
    return SQL_SUCCESS;
}

SQLRETURN api_get_diag_field(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                             SQLPOINTER info, const outstr *str_out, SQLSMALLINT *info_len)
{
    env_diag_lock(type, h, true);
    SQLRETURN rc = get_diag_field(type, h, rec, field, info, str_out, info_len);
    env_diag_lock(type, h, false);
    return rc;
}

static SQLRETURN take_first_diag(SQLSMALLINT type, SQLHANDLE h, const outstr *state, SQLINTEGER *native,
                                 const outstr *msg, SQLSMALLINT *msg_len)
{
    diag_list *d = handle_diag(type, h);
    if (!d)
        return SQL_INVALID_HANDLE;
    if (d->count == 0)
        return SQL_NO_DATA;
    /* ODBC 2 semantics: each call returns and removes the first record. */
    SQLRETURN rc = get_diag_rec(type, h, 1, state, native, msg, msg_len);
    free(d->recs[0].message);
    memmove(d->recs, d->recs + 1, (size_t)(d->count - 1) * sizeof *d->recs);
    d->count--;
    return rc;
}

SQLRETURN api_error(SQLHENV env, SQLHDBC dbc, SQLHSTMT stmt, const outstr *state, SQLINTEGER *native,
                    const outstr *msg, SQLSMALLINT *msg_len)
{
    SQLSMALLINT type = stmt ? SQL_HANDLE_STMT : dbc ? SQL_HANDLE_DBC : SQL_HANDLE_ENV;
    SQLHANDLE h = stmt ? stmt : dbc ? dbc : env;
    env_diag_lock(type, h, true);
    SQLRETURN rc = take_first_diag(type, h, state, native, msg, msg_len);
    env_diag_lock(type, h, false);
    return rc;
}

SQLRETURN api_get_info(athena_dbc *d, SQLUSMALLINT type, SQLPOINTER value, const outstr *str_out,
                       SQLSMALLINT *len)
{
    info_kind kind = INFO_U32;
    const char *str = NULL;
    SQLULEN num = 0;
    SQLRETURN rc = info_get(d, type, &kind, &str, &num);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    switch (kind) {
    case INFO_STR: {
        SQLLEN total = 0;
        rc = out_put(&d->diag, str_out, str, &total);
        put_small(len, total);
        break;
    }
    case INFO_U16:
        if (value)
            *(SQLUSMALLINT *)value = (SQLUSMALLINT)num;
        put_small(len, sizeof(SQLUSMALLINT));
        break;
    case INFO_U32:
        if (value)
            *(SQLUINTEGER *)value = (SQLUINTEGER)num;
        put_small(len, sizeof(SQLUINTEGER));
        break;
    case INFO_ULEN:
        if (value)
            *(SQLULEN *)value = num;
        put_small(len, sizeof(SQLULEN));
        break;
    }
    return rc;
}

SQLRETURN api_get_desc_field(athena_desc *x, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                             const outstr *str_out, SQLINTEGER *len)
{
    const char *str = NULL;
    SQLRETURN rc = desc_get_field(x, rec, field, value, &str);
    if (rc != SQL_SUCCESS)
        return rc;
    if (str) {
        SQLLEN total = 0;
        rc = out_put(&x->diag, str_out, str, &total);
        if (len)
            *len = (SQLINTEGER)total;
    }
    return rc;
}

SQLRETURN api_get_desc_rec(athena_desc *x, SQLSMALLINT rec, const outstr *name, SQLSMALLINT *name_len,
                           SQLSMALLINT *type, SQLSMALLINT *subtype, SQLLEN *length, SQLSMALLINT *precision,
                           SQLSMALLINT *scale, SQLSMALLINT *nullable)
{
    const char *str = NULL;
    SQLRETURN rc = desc_get_field(x, rec, SQL_DESC_NAME, NULL, &str);
    if (rc != SQL_SUCCESS)
        return rc;
    SQLLEN total = 0;
    rc = out_put(&x->diag, name, str ? str : "", &total);
    put_small(name_len, total);
    const char *ignored;
    SQLLEN oct = 0;
    desc_get_field(x, rec, SQL_DESC_TYPE, type, &ignored);
    desc_get_field(x, rec, SQL_DESC_DATETIME_INTERVAL_CODE, subtype, &ignored);
    desc_get_field(x, rec, SQL_DESC_OCTET_LENGTH, &oct, &ignored);
    if (length)
        *length = oct;
    desc_get_field(x, rec, SQL_DESC_PRECISION, precision, &ignored);
    desc_get_field(x, rec, SQL_DESC_SCALE, scale, &ignored);
    desc_get_field(x, rec, SQL_DESC_NULLABLE, nullable, &ignored);
    return rc;
}

SQLRETURN api_set_desc_rec(athena_desc *x, SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subtype,
                           SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data,
                           SQLLEN *string_length, SQLLEN *indicator)
{
    SQLRETURN rc = desc_set_field(x, rec, SQL_DESC_TYPE, (SQLPOINTER)(intptr_t)type, 0);
    if (SQL_SUCCEEDED(rc) && (type == SQL_DATETIME || type == SQL_INTERVAL))
        rc = desc_set_field(x, rec, SQL_DESC_DATETIME_INTERVAL_CODE, (SQLPOINTER)(intptr_t)subtype, 0);
    if (SQL_SUCCEEDED(rc))
        rc = desc_set_field(x, rec, SQL_DESC_OCTET_LENGTH, (SQLPOINTER)(intptr_t)length, 0);
    if (SQL_SUCCEEDED(rc))
        rc = desc_set_field(x, rec, SQL_DESC_PRECISION, (SQLPOINTER)(intptr_t)precision, 0);
    if (SQL_SUCCEEDED(rc))
        rc = desc_set_field(x, rec, SQL_DESC_SCALE, (SQLPOINTER)(intptr_t)scale, 0);
    if (SQL_SUCCEEDED(rc))
        rc = desc_set_field(x, rec, SQL_DESC_OCTET_LENGTH_PTR, string_length, 0);
    if (SQL_SUCCEEDED(rc))
        rc = desc_set_field(x, rec, SQL_DESC_INDICATOR_PTR, indicator, 0);
    if (SQL_SUCCEEDED(rc))
        rc = desc_set_field(x, rec, SQL_DESC_DATA_PTR, data, 0);
    return rc;
}

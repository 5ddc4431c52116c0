/* api_odbc.c - the ANSI ODBC entry points. Each validates its handle,
 * clears the handle's diagnostics, converts arguments and calls the core. */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "conn.h"
#include "describe.h"
#include "exec.h"
#include "fetch.h"
#include "handles.h"
#include "info.h"
#include "outstr.h"

/* ------------------------------------------------------------ plumbing */

#define STMT_ENTER(h)                           \
    athena_stmt *s = (athena_stmt *)(h);        \
    if (!stmt_valid(s))                         \
        return SQL_INVALID_HANDLE;              \
    pthread_mutex_lock(&s->lock);               \
    diag_clear(&s->diag)

#define STMT_LEAVE(rc)                          \
    do {                                        \
        SQLRETURN rc_ = (rc);                   \
        s->diag.return_code = rc_;              \
        pthread_mutex_unlock(&s->lock);         \
        return rc_;                             \
    } while (0)

#define DBC_ENTER(h)                            \
    athena_dbc *d = (athena_dbc *)(h);          \
    if (!dbc_valid(d))                          \
        return SQL_INVALID_HANDLE;              \
    diag_clear(&d->diag)

#define DBC_LEAVE(rc)                           \
    do {                                        \
        SQLRETURN rc_ = (rc);                   \
        d->diag.return_code = rc_;              \
        return rc_;                             \
    } while (0)

#define ENV_ENTER(h)                            \
    athena_env *e = (athena_env *)(h);          \
    if (!env_valid(e))                          \
        return SQL_INVALID_HANDLE;              \
    diag_clear(&e->diag)

static void put_small(SQLSMALLINT *out, SQLLEN v)
{
    if (out)
        *out = (SQLSMALLINT)(v > 32767 ? 32767 : v);
}

/* A string argument as a NUL-terminated copy (NULL when absent). */
static char *arg_str(const SQLCHAR *s, SQLLEN len, diag_list *diag, bool *bad)
{
    *bad = false;
    if (!s)
        return NULL;
    SQLLEN n = in_len(s, len);
    if (n < 0) {
        diag_post(diag, "HY090", 0, "Invalid string or buffer length %ld", (long)len);
        *bad = true;
        return NULL;
    }
    char *c = str_ndup((const char *)s, (size_t)n);
    if (!c) {
        diag_post(diag, "HY001", 0, "Memory allocation error");
        *bad = true;
    }
    return c;
}

/* ------------------------------------------------------------ handles */

SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE *output)
{
    if (!output)
        return SQL_ERROR;
    switch (type) {
    case SQL_HANDLE_ENV:
        *output = SQL_NULL_HENV;
        return env_alloc((athena_env **)output);
    case SQL_HANDLE_DBC: {
        ENV_ENTER(input);
        *output = SQL_NULL_HDBC;
        SQLRETURN rc = dbc_alloc(e, (athena_dbc **)output);
        e->diag.return_code = rc;
        return rc;
    }
    case SQL_HANDLE_STMT: {
        DBC_ENTER(input);
        *output = SQL_NULL_HSTMT;
        DBC_LEAVE(stmt_alloc(d, (athena_stmt **)output));
    }
    case SQL_HANDLE_DESC: {
        DBC_ENTER(input);
        *output = SQL_NULL_HDESC;
        DBC_LEAVE(desc_alloc(d, (athena_desc **)output));
    }
    default:
        return SQL_ERROR;
    }
}

SQLRETURN SQL_API SQLAllocEnv(SQLHENV *env) { return SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, env); }
SQLRETURN SQL_API SQLAllocConnect(SQLHENV env, SQLHDBC *dbc) { return SQLAllocHandle(SQL_HANDLE_DBC, env, dbc); }
SQLRETURN SQL_API SQLAllocStmt(SQLHDBC dbc, SQLHSTMT *stmt) { return SQLAllocHandle(SQL_HANDLE_STMT, dbc, stmt); }

SQLRETURN SQL_API SQLFreeHandle(SQLSMALLINT type, SQLHANDLE h)
{
    switch (type) {
    case SQL_HANDLE_ENV: {
        ENV_ENTER(h);
        return env_free(e);
    }
    case SQL_HANDLE_DBC: {
        DBC_ENTER(h);
        return dbc_free(d);
    }
    case SQL_HANDLE_STMT: {
        athena_stmt *s = h;
        if (!stmt_valid(s))
            return SQL_INVALID_HANDLE;
        return stmt_free(s);
    }
    case SQL_HANDLE_DESC: {
        athena_desc *x = h;
        if (!desc_valid(x))
            return SQL_INVALID_HANDLE;
        diag_clear(&x->diag);
        return desc_free(x);
    }
    default:
        return SQL_ERROR;
    }
}

SQLRETURN SQL_API SQLFreeEnv(SQLHENV env) { return SQLFreeHandle(SQL_HANDLE_ENV, env); }
SQLRETURN SQL_API SQLFreeConnect(SQLHDBC dbc) { return SQLFreeHandle(SQL_HANDLE_DBC, dbc); }

SQLRETURN SQL_API SQLFreeStmt(SQLHSTMT h, SQLUSMALLINT option)
{
    if (option == SQL_DROP)
        return SQLFreeHandle(SQL_HANDLE_STMT, h);
    STMT_ENTER(h);
    switch (option) {
    case SQL_CLOSE:
        exec_close_cursor(s);
        STMT_LEAVE(SQL_SUCCESS);
    case SQL_UNBIND:
        fetch_unbind(s);
        STMT_LEAVE(SQL_SUCCESS);
    case SQL_RESET_PARAMS:
        desc_reset_records(s->apd);
        STMT_LEAVE(SQL_SUCCESS);
    default:
        STMT_LEAVE(diag_post(&s->diag, "HY092", 0, "Invalid SQLFreeStmt option %u", (unsigned)option));
    }
}

/* ------------------------------------------------------------ attributes */

SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    ENV_ENTER(h);
    return e->diag.return_code = attr_set_env(e, attr, value, len);
}

SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                SQLINTEGER *len)
{
    ENV_ENTER(h);
    return e->diag.return_code = attr_get_env(e, attr, value, buflen, len);
}

SQLRETURN SQL_API SQLSetConnectAttr(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    DBC_ENTER(h);
    DBC_LEAVE(attr_set_connect(d, attr, value, len));
}

SQLRETURN SQL_API SQLGetConnectAttr(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                    SQLINTEGER *len)
{
    DBC_ENTER(h);
    const char *str = NULL;
    SQLRETURN rc = attr_get_connect(d, attr, value, &str);
    if (SQL_SUCCEEDED(rc) && str) {
        SQLLEN total = 0;
        rc = out_str(&d->diag, str, value, buflen, &total);
        if (len)
            *len = (SQLINTEGER)total;
    } else if (SQL_SUCCEEDED(rc) && len) {
        *len = attr == SQL_ATTR_PACKET_SIZE ? (SQLINTEGER)sizeof(SQLULEN) : (SQLINTEGER)sizeof(SQLUINTEGER);
    }
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLSetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    STMT_ENTER(h);
    STMT_LEAVE(attr_set_stmt(s, attr, value, len));
}

SQLRETURN SQL_API SQLGetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                 SQLINTEGER *len)
{
    (void)buflen;
    STMT_ENTER(h);
    if (!value)
        STMT_LEAVE(diag_post(&s->diag, "HY009", 0, "Invalid use of null pointer"));
    SQLRETURN rc = attr_get_stmt(s, attr, value);
    if (SQL_SUCCEEDED(rc) && len)
        *len = sizeof(SQLULEN);
    STMT_LEAVE(rc);
}

/* ------------------------------------------------------------ connecting */

SQLRETURN SQL_API SQLConnect(SQLHDBC h, SQLCHAR *dsn, SQLSMALLINT dsn_len, SQLCHAR *uid,
                             SQLSMALLINT uid_len, SQLCHAR *pwd, SQLSMALLINT pwd_len)
{
    DBC_ENTER(h);
    bool bad1, bad2, bad3;
    char *a = arg_str(dsn, dsn_len, &d->diag, &bad1);
    char *b = arg_str(uid, uid_len, &d->diag, &bad2);
    char *c = arg_str(pwd, pwd_len, &d->diag, &bad3);
    SQLRETURN rc = SQL_ERROR;
    if (!bad1 && !bad2 && !bad3)
        rc = conn_connect(d, a ? a : "", b, c);
    free(a);
    free(b);
    if (c) {
        memset(c, 0, strlen(c));
        free(c);
    }
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLDriverConnect(SQLHDBC h, SQLHWND hwnd, SQLCHAR *in, SQLSMALLINT in_size,
                                   SQLCHAR *out, SQLSMALLINT out_max, SQLSMALLINT *out_len,
                                   SQLUSMALLINT completion)
{
    (void)hwnd;
    DBC_ENTER(h);
    SQLLEN n = in_len(in, in_size);
    if (n < 0)
        DBC_LEAVE(diag_post(&d->diag, "HY090", 0, "Invalid string or buffer length %d", (int)in_size));
    strbuf result = STRBUF_INIT;
    SQLRETURN rc = conn_driver_connect(d, in ? (const char *)in : "", (size_t)n, completion, &result);
    if (SQL_SUCCEEDED(rc)) {
        SQLLEN total = 0;
        SQLRETURN r2 = out_str(&d->diag, sb_str(&result), out, out_max, &total);
        put_small(out_len, total);
        if (r2 != SQL_SUCCESS)
            rc = r2;
    }
    sb_free(&result);
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLDisconnect(SQLHDBC h)
{
    DBC_ENTER(h);
    if (!d->connected)
        DBC_LEAVE(diag_post(&d->diag, "08003", 0, "Connection not open"));
    DBC_LEAVE(conn_disconnect(d));
}

/* ------------------------------------------------------------ executing */

SQLRETURN SQL_API SQLPrepare(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
    STMT_ENTER(h);
    if (!sql)
        STMT_LEAVE(diag_post(&s->diag, "HY009", 0, "Invalid use of null pointer"));
    SQLLEN n = in_len(sql, len);
    if (n < 0)
        STMT_LEAVE(diag_post(&s->diag, "HY090", 0, "Invalid string or buffer length %d", (int)len));
    STMT_LEAVE(exec_prepare(s, (const char *)sql, (size_t)n));
}

SQLRETURN SQL_API SQLExecute(SQLHSTMT h)
{
    STMT_ENTER(h);
    STMT_LEAVE(exec_execute(s));
}

SQLRETURN SQL_API SQLExecDirect(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
    STMT_ENTER(h);
    if (!sql)
        STMT_LEAVE(diag_post(&s->diag, "HY009", 0, "Invalid use of null pointer"));
    SQLLEN n = in_len(sql, len);
    if (n < 0)
        STMT_LEAVE(diag_post(&s->diag, "HY090", 0, "Invalid string or buffer length %d", (int)len));
    STMT_LEAVE(exec_direct(s, (const char *)sql, (size_t)n));
}

SQLRETURN SQL_API SQLCancel(SQLHSTMT h)
{
    athena_stmt *s = h;
    if (!stmt_valid(s))
        return SQL_INVALID_HANDLE;
    /* No statement lock: the executing thread holds it. */
    return exec_cancel(s);
}

SQLRETURN SQL_API SQLNativeSql(SQLHDBC h, SQLCHAR *in, SQLINTEGER in_size, SQLCHAR *out,
                               SQLINTEGER out_max, SQLINTEGER *out_len)
{
    DBC_ENTER(h);
    if (!in)
        DBC_LEAVE(diag_post(&d->diag, "HY009", 0, "Invalid use of null pointer"));
    SQLLEN n = in_len(in, in_size);
    if (n < 0)
        DBC_LEAVE(diag_post(&d->diag, "HY090", 0, "Invalid string or buffer length %d", (int)in_size));
    char *copy = str_ndup((const char *)in, (size_t)n);
    if (!copy)
        DBC_LEAVE(diag_post(&d->diag, "HY001", 0, "Memory allocation error"));
    SQLLEN total = 0;
    SQLRETURN rc = out_str(&d->diag, copy, out, out_max, &total);
    if (out_len)
        *out_len = (SQLINTEGER)total;
    free(copy);
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLNumParams(SQLHSTMT h, SQLSMALLINT *count)
{
    STMT_ENTER(h);
    if (count)
        *count = 0;
    STMT_LEAVE(SQL_SUCCESS);
}

SQLRETURN SQL_API SQLRowCount(SQLHSTMT h, SQLLEN *count)
{
    STMT_ENTER(h);
    STMT_LEAVE(exec_row_count(s, count));
}

SQLRETURN SQL_API SQLMoreResults(SQLHSTMT h)
{
    STMT_ENTER(h);
    STMT_LEAVE(exec_more_results(s));
}

SQLRETURN SQL_API SQLCloseCursor(SQLHSTMT h)
{
    STMT_ENTER(h);
    if (s->state != ST_CURSOR)
        STMT_LEAVE(diag_post(&s->diag, "24000", 0, "Invalid cursor state: no cursor is open"));
    exec_close_cursor(s);
    STMT_LEAVE(SQL_SUCCESS);
}

SQLRETURN SQL_API SQLEndTran(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT completion)
{
    if (completion != SQL_COMMIT && completion != SQL_ROLLBACK)
        return SQL_ERROR;
    if (type == SQL_HANDLE_ENV) {
        ENV_ENTER(h);
        return SQL_SUCCESS;
    }
    if (type == SQL_HANDLE_DBC) {
        DBC_ENTER(h);
        DBC_LEAVE(SQL_SUCCESS); /* Athena has no transactions: nothing to commit or roll back */
    }
    return SQL_INVALID_HANDLE;
}

SQLRETURN SQL_API SQLTransact(SQLHENV env, SQLHDBC dbc, SQLUSMALLINT completion)
{
    if (dbc != SQL_NULL_HDBC)
        return SQLEndTran(SQL_HANDLE_DBC, dbc, (SQLSMALLINT)completion);
    return SQLEndTran(SQL_HANDLE_ENV, env, (SQLSMALLINT)completion);
}

/* ------------------------------------------------------------ results */

SQLRETURN SQL_API SQLNumResultCols(SQLHSTMT h, SQLSMALLINT *count)
{
    STMT_ENTER(h);
    STMT_LEAVE(describe_num_cols(s, count));
}

SQLRETURN SQL_API SQLDescribeCol(SQLHSTMT h, SQLUSMALLINT col, SQLCHAR *name, SQLSMALLINT name_max,
                                 SQLSMALLINT *name_len, SQLSMALLINT *type, SQLULEN *size,
                                 SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    STMT_ENTER(h);
    const athena_column *c = describe_column(s, col);
    if (!c)
        STMT_LEAVE(SQL_ERROR);
    SQLLEN total = 0;
    SQLRETURN rc = out_str(&s->diag, c->name, name, name_max, &total);
    put_small(name_len, total);
    if (type)
        *type = c->sql_type;
    if (size)
        *size = c->column_size;
    if (digits)
        *digits = c->decimal_digits;
    if (nullable)
        *nullable = c->nullable;
    STMT_LEAVE(rc);
}

SQLRETURN SQL_API SQLColAttribute(SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field, SQLPOINTER str_out,
                                  SQLSMALLINT str_max, SQLSMALLINT *str_len, SQLLEN *num_out)
{
    STMT_ENTER(h);
    const char *str = NULL;
    SQLLEN num = 0;
    SQLRETURN rc = describe_attribute(s, col, field, &str, &num);
    if (SQL_SUCCEEDED(rc)) {
        if (str) {
            SQLLEN total = 0;
            rc = out_str(&s->diag, str, str_out, str_max, &total);
            put_small(str_len, total);
        } else if (num_out) {
            *num_out = num;
        }
    }
    STMT_LEAVE(rc);
}

SQLRETURN SQL_API SQLBindCol(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER ptr,
                             SQLLEN buflen, SQLLEN *ind)
{
    STMT_ENTER(h);
    STMT_LEAVE(fetch_bind_col(s, col, ctype, ptr, buflen, ind));
}

SQLRETURN SQL_API SQLFetch(SQLHSTMT h)
{
    STMT_ENTER(h);
    STMT_LEAVE(fetch_next(s, NULL, NULL));
}

SQLRETURN SQL_API SQLFetchScroll(SQLHSTMT h, SQLSMALLINT orientation, SQLLEN offset)
{
    STMT_ENTER(h);
    STMT_LEAVE(fetch_scroll(s, orientation, offset));
}

SQLRETURN SQL_API SQLExtendedFetch(SQLHSTMT h, SQLUSMALLINT orientation, SQLLEN offset,
                                   SQLULEN *rows, SQLUSMALLINT *status)
{
    STMT_ENTER(h);
    if (orientation != SQL_FETCH_NEXT)
        STMT_LEAVE(diag_post(&s->diag, "HY106", 0,
                             "Fetch type out of range: the cursor is forward-only, only SQL_FETCH_NEXT is allowed"));
    (void)offset;
    SQLULEN dummy = 0;
    STMT_LEAVE(fetch_next(s, rows ? rows : &dummy, status));
}

SQLRETURN SQL_API SQLGetData(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER ptr,
                             SQLLEN buflen, SQLLEN *ind)
{
    STMT_ENTER(h);
    STMT_LEAVE(fetch_get_data(s, col, ctype, ptr, buflen, ind));
}

/* ------------------------------------------------------------ diagnostics */

static SQLLEN stmt_row_count(SQLSMALLINT type, SQLHANDLE h)
{
    return type == SQL_HANDLE_STMT ? ((athena_stmt *)h)->row_count : 0;
}

SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLCHAR *state,
                                SQLINTEGER *native, SQLCHAR *msg, SQLSMALLINT msg_max,
                                SQLSMALLINT *msg_len)
{
    diag_list *d = handle_diag(type, h);
    if (!d)
        return SQL_INVALID_HANDLE;
    if (rec < 1)
        return SQL_ERROR;
    if (msg_max < 0)
        return SQL_ERROR;
    if (rec > d->count)
        return SQL_NO_DATA;
    const diag_rec *r = &d->recs[rec - 1];
    if (state)
        memcpy(state, r->sqlstate, 6);
    if (native)
        *native = r->native;
    SQLLEN total = 0;
    bool trunc = out_copy(r->message, (char *)msg, msg_max, &total);
    put_small(msg_len, total);
    return trunc ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}

SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                                  SQLPOINTER info, SQLSMALLINT info_max, SQLSMALLINT *info_len)
{
    diag_list *d = handle_diag(type, h);
    if (!d)
        return SQL_INVALID_HANDLE;
    const char *str = NULL;
    SQLLEN num = 0;
    SQLRETURN rc = diag_field(d, type, rec, field, stmt_row_count(type, h), &str, &num);
    if (rc != SQL_SUCCESS)
        return rc;
    if (str) {
        if (info && info_max < 0)
            return SQL_ERROR;
        SQLLEN total = 0;
        bool trunc = out_copy(str, info, info_max, &total);
        put_small(info_len, total);
        return trunc ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
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

SQLRETURN SQL_API SQLError(SQLHENV env, SQLHDBC dbc, SQLHSTMT stmt, SQLCHAR *state, SQLINTEGER *native,
                           SQLCHAR *msg, SQLSMALLINT msg_max, SQLSMALLINT *msg_len)
{
    SQLSMALLINT type;
    SQLHANDLE h;
    if (stmt) {
        type = SQL_HANDLE_STMT;
        h = stmt;
    } else if (dbc) {
        type = SQL_HANDLE_DBC;
        h = dbc;
    } else {
        type = SQL_HANDLE_ENV;
        h = env;
    }
    diag_list *d = handle_diag(type, h);
    if (!d)
        return SQL_INVALID_HANDLE;
    if (d->count == 0)
        return SQL_NO_DATA;
    /* ODBC 2 semantics: each call returns and removes the first record. */
    SQLRETURN rc = SQLGetDiagRec(type, h, 1, state, native, msg, msg_max, msg_len);
    free(d->recs[0].message);
    memmove(d->recs, d->recs + 1, (size_t)(d->count - 1) * sizeof *d->recs);
    d->count--;
    return rc;
}

/* ------------------------------------------------------------ information */

SQLRETURN SQL_API SQLGetInfo(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT buflen,
                             SQLSMALLINT *len)
{
    DBC_ENTER(h);
    info_kind kind = INFO_U32;
    const char *str = NULL;
    SQLULEN num = 0;
    SQLRETURN rc = info_get(d, type, &kind, &str, &num);
    if (!SQL_SUCCEEDED(rc))
        DBC_LEAVE(rc);
    switch (kind) {
    case INFO_STR: {
        SQLLEN total = 0;
        rc = out_str(&d->diag, str, value, buflen, &total);
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
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLGetFunctions(SQLHDBC h, SQLUSMALLINT id, SQLUSMALLINT *supported)
{
    DBC_ENTER(h);
    if (!supported)
        DBC_LEAVE(diag_post(&d->diag, "HY009", 0, "Invalid use of null pointer"));
    DBC_LEAVE(info_functions(d, id, supported));
}

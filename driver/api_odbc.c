/* api_odbc.c - the ANSI ODBC entry points. Each validates its handle,
 * clears the handle's diagnostics, converts string arguments and calls the
 * core (directly, or through api_shared.c for functions with strings). */
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
#include "typeinfo.h"
#include "desc.h"
#include "api_strings.h"
#include "param_bind.h"
#include "api_shared.h"
#include "catalog.h"

/* ------------------------------------------------------------ handles */

SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE *output)
{
    /* the input handle is checked first: a null output pointer is HY009 on it */
    switch (type) {
    case SQL_HANDLE_ENV:
        if (!output)
            return SQL_ERROR;
        *output = SQL_NULL_HENV;
        return env_alloc((athena_env **)output);
    case SQL_HANDLE_DBC: {
        ENV_ENTER(input);
        SQLRETURN rc;
        if (!output) {
            rc = diag_set(&e->diag, SS_HY009, NULL);
        } else {
            *output = SQL_NULL_HDBC;
            rc = dbc_alloc(e, (athena_dbc **)output);
        }
        ENV_LEAVE(rc);
    }
    case SQL_HANDLE_STMT: {
        DBC_ENTER(input);
        if (!output)
            DBC_LEAVE(diag_set(&d->diag, SS_HY009, NULL));
        *output = SQL_NULL_HSTMT;
        DBC_LEAVE(stmt_alloc(d, (athena_stmt **)output));
    }
    case SQL_HANDLE_DESC: {
        DBC_ENTER(input);
        if (!output)
            DBC_LEAVE(diag_set(&d->diag, SS_HY009, NULL));
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
        SQLRETURN rc = env_free(e);
        if (rc != SQL_SUCCESS)
            ENV_LEAVE(rc); /* connections left: the environment and its lock live on */
        return rc;
    }
    case SQL_HANDLE_DBC: {
        DBC_ENTER(h);
        SQLRETURN rc = dbc_free(d);
        if (rc != SQL_SUCCESS)
            DBC_LEAVE(rc); /* still connected: the connection and its lock live on */
        return rc;
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
        exec_close_all(s);
        STMT_LEAVE(SQL_SUCCESS);
    case SQL_UNBIND:
        fetch_unbind(s);
        STMT_LEAVE(SQL_SUCCESS);
    case SQL_RESET_PARAMS:
        desc_reset_records(s->apd);
        desc_reset_records(&s->ipd_impl);
        STMT_LEAVE(SQL_SUCCESS);
    default:
        STMT_LEAVE(diag_set(&s->diag, SS_HY092, "SQLFreeStmt option %u", (unsigned)option));
    }
}

/* ------------------------------------------------------------ attributes */

SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    ENV_ENTER(h);
    ENV_LEAVE(attr_set_env(e, attr, value, len));
}

SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                SQLINTEGER *len)
{
    ENV_ENTER(h);
    ENV_LEAVE(attr_get_env(e, attr, value, buflen, len));
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
    outstr o = out_ansi(value, buflen);
    DBC_LEAVE(api_get_connect_attr(d, attr, value, &o, len));
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
    STMT_LEAVE(attr_get_stmt(s, attr, value, len));
}

/* ------------------------------------------------------------ connecting */

SQLRETURN SQL_API SQLConnect(SQLHDBC h, SQLCHAR *dsn, SQLSMALLINT dsn_len, SQLCHAR *uid,
                             SQLSMALLINT uid_len, SQLCHAR *pwd, SQLSMALLINT pwd_len)
{
    DBC_ENTER(h);
    bool b1, b2, b3;
    char *a = in_ansi(dsn, dsn_len, NULL, &d->diag, &b1);
    char *b = in_ansi(uid, uid_len, NULL, &d->diag, &b2);
    char *c = in_ansi(pwd, pwd_len, NULL, &d->diag, &b3);
    SQLRETURN rc = api_connect(d, b1 || b2 || b3, a, b, c);
    free(a);
    free(b);
    secret_free(c);
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLDriverConnect(SQLHDBC h, SQLHWND hwnd, SQLCHAR *in, SQLSMALLINT in_size,
                                   SQLCHAR *out, SQLSMALLINT out_max, SQLSMALLINT *out_len,
                                   SQLUSMALLINT completion)
{
    (void)hwnd;
    DBC_ENTER(h);
    bool bad;
    size_t n = 0;
    char *text = in_ansi(in, in_size, &n, &d->diag, &bad);
    outstr o = out_ansi(out, out_max);
    SQLRETURN rc = api_driver_connect(d, bad, text, n, &o, out_len, completion);
    secret_free_n(text, n);
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLDisconnect(SQLHDBC h)
{
    DBC_ENTER(h);
    DBC_LEAVE(conn_disconnect(d));
}

/* ------------------------------------------------------------ executing */

SQLRETURN SQL_API SQLPrepare(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
    STMT_ENTER(h);
    bool bad;
    size_t n = 0;
    char *text = in_ansi(sql, len, &n, &s->diag, &bad);
    SQLRETURN rc = api_prepare(s, bad, text, n);
    free(text);
    STMT_LEAVE(rc);
}

SQLRETURN SQL_API SQLExecute(SQLHSTMT h)
{
    STMT_ENTER(h);
    STMT_LEAVE(param_execute(s));
}

SQLRETURN SQL_API SQLExecDirect(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
    STMT_ENTER(h);
    bool bad;
    size_t n = 0;
    char *text = in_ansi(sql, len, &n, &s->diag, &bad);
    SQLRETURN rc = api_exec_direct(s, bad, text, n);
    free(text);
    STMT_LEAVE(rc);
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
    bool bad;
    size_t n = 0;
    char *text = in_ansi(in, in_size, &n, &d->diag, &bad);
    outstr o = out_ansi(out, out_max);
    SQLRETURN rc = api_native_sql(d, bad, text, n, &o, out_len);
    free(text);
    DBC_LEAVE(rc);
}

/* ------------------------------------------------------------ parameters */

SQLRETURN SQL_API SQLNumParams(SQLHSTMT h, SQLSMALLINT *count)
{
    STMT_ENTER(h);
    STMT_LEAVE(param_num(s, count));
}

SQLRETURN SQL_API SQLBindParameter(SQLHSTMT h, SQLUSMALLINT num, SQLSMALLINT io_type, SQLSMALLINT ctype,
                                   SQLSMALLINT sql_type, SQLULEN column_size, SQLSMALLINT digits,
                                   SQLPOINTER value, SQLLEN buffer_length, SQLLEN *ind)
{
    STMT_ENTER(h);
    STMT_LEAVE(param_bind(s, num, io_type, ctype, sql_type, column_size, digits, value, buffer_length, ind));
}

SQLRETURN SQL_API SQLDescribeParam(SQLHSTMT h, SQLUSMALLINT num, SQLSMALLINT *type, SQLULEN *size,
                                   SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    STMT_ENTER(h);
    STMT_LEAVE(param_describe(s, num, type, size, digits, nullable));
}

SQLRETURN SQL_API SQLParamData(SQLHSTMT h, SQLPOINTER *token)
{
    STMT_ENTER(h);
    STMT_LEAVE(param_data(s, token));
}

SQLRETURN SQL_API SQLPutData(SQLHSTMT h, SQLPOINTER data, SQLLEN len)
{
    STMT_ENTER(h);
    STMT_LEAVE(param_put_data(s, data, len));
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
    STMT_LEAVE(exec_close_open_cursor(s));
}

SQLRETURN SQL_API SQLEndTran(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT completion)
{
    if (type == SQL_HANDLE_ENV) {
        ENV_ENTER(h);
        ENV_LEAVE(conn_end_tran(&e->diag, completion));
    }
    if (type == SQL_HANDLE_DBC) {
        DBC_ENTER(h);
        DBC_LEAVE(conn_end_tran(&d->diag, completion));
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
    outstr o = out_ansi(name, name_max);
    STMT_LEAVE(api_describe_col(s, col, &o, name_len, type, size, digits, nullable));
}

SQLRETURN SQL_API SQLColAttribute(SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field, SQLPOINTER str_out,
                                  SQLSMALLINT str_max, SQLSMALLINT *str_len, SQLLEN *num_out)
{
    STMT_ENTER(h);
    outstr o = out_ansi(str_out, str_max);
    STMT_LEAVE(api_col_attribute(s, col, field, &o, str_len, num_out));
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
    STMT_LEAVE(fetch_extended(s, orientation, offset, rows, status));
}

SQLRETURN SQL_API SQLSetPos(SQLHSTMT h, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock)
{
    STMT_ENTER(h);
    STMT_LEAVE(fetch_set_pos(s, row, op, lock));
}

SQLRETURN SQL_API SQLGetData(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER ptr,
                             SQLLEN buflen, SQLLEN *ind)
{
    STMT_ENTER(h);
    STMT_LEAVE(fetch_get_data(s, col, ctype, ptr, buflen, ind));
}

/* ------------------------------------------------------------ diagnostics */

SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLCHAR *state,
                                SQLINTEGER *native, SQLCHAR *msg, SQLSMALLINT msg_max,
                                SQLSMALLINT *msg_len)
{
    outstr st = out_ansi(state, state ? 6 : 0), m = out_ansi(msg, msg_max);
    return api_get_diag_rec(type, h, rec, &st, native, &m, msg_len);
}

SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                                  SQLPOINTER info, SQLSMALLINT info_max, SQLSMALLINT *info_len)
{
    outstr o = out_ansi(info, info_max);
    return api_get_diag_field(type, h, rec, field, info, &o, info_len);
}

SQLRETURN SQL_API SQLError(SQLHENV env, SQLHDBC dbc, SQLHSTMT stmt, SQLCHAR *state, SQLINTEGER *native,
                           SQLCHAR *msg, SQLSMALLINT msg_max, SQLSMALLINT *msg_len)
{
    outstr st = out_ansi(state, state ? 6 : 0), m = out_ansi(msg, msg_max);
    return api_error(env, dbc, stmt, &st, native, &m, msg_len);
}

/* ------------------------------------------------------------ information */

SQLRETURN SQL_API SQLGetInfo(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT buflen,
                             SQLSMALLINT *len)
{
    DBC_ENTER(h);
    outstr o = out_ansi(value, buflen);
    DBC_LEAVE(api_get_info(d, type, value, &o, len));
}

SQLRETURN SQL_API SQLGetFunctions(SQLHDBC h, SQLUSMALLINT id, SQLUSMALLINT *supported)
{
    DBC_ENTER(h);
    DBC_LEAVE(info_functions(d, id, supported));
}

/* ------------------------------------------------------------ catalog */

SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT h, SQLSMALLINT data_type)
{
    STMT_ENTER(h);
    STMT_LEAVE(typeinfo_list(s, data_type));
}

/* ------------------------------------------------------------ descriptors */

SQLRETURN SQL_API SQLGetDescField(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                  SQLINTEGER buflen, SQLINTEGER *len)
{
    DESC_ENTER(h);
    outstr o = out_ansi(value, buflen);
    DESC_LEAVE(api_get_desc_field(x, rec, field, value, &o, len));
}

SQLRETURN SQL_API SQLSetDescField(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                  SQLINTEGER len)
{
    DESC_ENTER(h);
    DESC_LEAVE(desc_set_field(x, rec, field, value, len));
}

SQLRETURN SQL_API SQLGetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLCHAR *name, SQLSMALLINT name_max,
                                SQLSMALLINT *name_len, SQLSMALLINT *type, SQLSMALLINT *subtype,
                                SQLLEN *length, SQLSMALLINT *precision, SQLSMALLINT *scale,
                                SQLSMALLINT *nullable)
{
    DESC_ENTER(h);
    outstr o = out_ansi(name, name_max);
    DESC_LEAVE(api_get_desc_rec(x, rec, &o, name_len, type, subtype, length, precision, scale, nullable));
}

SQLRETURN SQL_API SQLSetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subtype,
                                SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data,
                                SQLLEN *string_length, SQLLEN *indicator)
{
    DESC_ENTER(h);
    DESC_LEAVE(api_set_desc_rec(x, rec, type, subtype, length, precision, scale, data, string_length,
                                indicator));
}

SQLRETURN SQL_API SQLCopyDesc(SQLHDESC src, SQLHDESC dst)
{
    athena_desc *from = src;
    if (!desc_valid(from))
        return SQL_INVALID_HANDLE;
    DESC_ENTER(dst);
    DESC_LEAVE(desc_copy(from, x));
}

/* ------------------------------------------------------------ catalog functions */

/* Catalog functions: their string arguments converted, then catalog.c. */
static SQLRETURN ansi_catalog(SQLHSTMT h, catalog_fn fn, int n, SQLCHAR *const *str, const SQLSMALLINT *len,
                              SQLUSMALLINT o1, SQLUSMALLINT o2, SQLUSMALLINT o3)
{
    STMT_ENTER(h);
    char *a[CATALOG_MAX_ARGS] = {NULL};
    const SQLUSMALLINT opt[3] = {o1, o2, o3};
    bool bad = false;
    for (int i = 0; i < n && !bad; i++)
        a[i] = in_ansi(str[i], len[i], NULL, &s->diag, &bad);
    SQLRETURN rc = bad ? SQL_ERROR : catalog_call(s, fn, (const char *const *)a, opt);
    for (int i = 0; i < n; i++)
        free(a[i]);
    STMT_LEAVE(rc);
}

SQLRETURN SQL_API SQLTables(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len, SQLCHAR *schema,
                            SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len, SQLCHAR *types,
                            SQLSMALLINT types_len)
{
    SQLCHAR *str[] = {catalog, schema, table, types};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len, types_len};
    return ansi_catalog(h, CF_TABLES, 4, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLColumns(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len, SQLCHAR *schema,
                             SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len, SQLCHAR *column,
                             SQLSMALLINT column_len)
{
    SQLCHAR *str[] = {catalog, schema, table, column};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len, column_len};
    return ansi_catalog(h, CF_COLUMNS, 4, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len, SQLCHAR *schema,
                                 SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len)
{
    SQLCHAR *str[] = {catalog, schema, table};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len};
    return ansi_catalog(h, CF_PRIMARY_KEYS, 3, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT h, SQLCHAR *pk_catalog, SQLSMALLINT pk_catalog_len,
                                 SQLCHAR *pk_schema, SQLSMALLINT pk_schema_len, SQLCHAR *pk_table,
                                 SQLSMALLINT pk_table_len, SQLCHAR *fk_catalog, SQLSMALLINT fk_catalog_len,
                                 SQLCHAR *fk_schema, SQLSMALLINT fk_schema_len, SQLCHAR *fk_table,
                                 SQLSMALLINT fk_table_len)
{
    SQLCHAR *str[] = {pk_catalog, pk_schema, pk_table, fk_catalog, fk_schema, fk_table};
    const SQLSMALLINT len[] = {pk_catalog_len, pk_schema_len, pk_table_len, fk_catalog_len, fk_schema_len, fk_table_len};
    return ansi_catalog(h, CF_FOREIGN_KEYS, 6, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLStatistics(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len, SQLCHAR *schema,
                                SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len,
                                SQLUSMALLINT unique, SQLUSMALLINT reserved)
{
    SQLCHAR *str[] = {catalog, schema, table};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len};
    return ansi_catalog(h, CF_STATISTICS, 3, str, len, unique, reserved, 0);
}

SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT h, SQLUSMALLINT id_type, SQLCHAR *catalog,
                                    SQLSMALLINT catalog_len, SQLCHAR *schema, SQLSMALLINT schema_len,
                                    SQLCHAR *table, SQLSMALLINT table_len, SQLUSMALLINT scope,
                                    SQLUSMALLINT nullable)
{
    SQLCHAR *str[] = {catalog, schema, table};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len};
    return ansi_catalog(h, CF_SPECIAL_COLUMNS, 3, str, len, id_type, scope, nullable);
}

SQLRETURN SQL_API SQLProcedures(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len, SQLCHAR *schema,
                                SQLSMALLINT schema_len, SQLCHAR *procedure, SQLSMALLINT procedure_len)
{
    SQLCHAR *str[] = {catalog, schema, procedure};
    const SQLSMALLINT len[] = {catalog_len, schema_len, procedure_len};
    return ansi_catalog(h, CF_PROCEDURES, 3, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len, SQLCHAR *schema,
                                      SQLSMALLINT schema_len, SQLCHAR *procedure, SQLSMALLINT procedure_len,
                                      SQLCHAR *column, SQLSMALLINT column_len)
{
    SQLCHAR *str[] = {catalog, schema, procedure, column};
    const SQLSMALLINT len[] = {catalog_len, schema_len, procedure_len, column_len};
    return ansi_catalog(h, CF_PROCEDURE_COLUMNS, 4, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len, SQLCHAR *schema,
                                     SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len)
{
    SQLCHAR *str[] = {catalog, schema, table};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len};
    return ansi_catalog(h, CF_TABLE_PRIVILEGES, 3, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len, SQLCHAR *schema,
                                      SQLSMALLINT schema_len, SQLCHAR *table, SQLSMALLINT table_len,
                                      SQLCHAR *column, SQLSMALLINT column_len)
{
    SQLCHAR *str[] = {catalog, schema, table, column};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len, column_len};
    return ansi_catalog(h, CF_COLUMN_PRIVILEGES, 4, str, len, 0, 0, 0);
}

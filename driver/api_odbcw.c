/* api_odbcw.c - the W (UTF-16) ODBC entry points: they convert string
 * arguments between SQLWCHAR and UTF-8 and call the same core as the ANSI
 * ones. Lengths are in characters or bytes exactly as each function's
 * specification says. */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "api_shared.h"
#include "catalog.h"
#include "attrs.h"
#include "wide.h"

SQLRETURN SQL_API SQLConnectW(SQLHDBC h, SQLWCHAR *dsn, SQLSMALLINT dsn_len, SQLWCHAR *uid,
                              SQLSMALLINT uid_len, SQLWCHAR *pwd, SQLSMALLINT pwd_len)
{
    DBC_ENTER(h);
    bool b1, b2, b3;
    size_t pn = 0;
    char *a = w_in(dsn, dsn_len, NULL, &d->diag, &b1);
    char *b = w_in(uid, uid_len, NULL, &d->diag, &b2);
    char *c = w_in(pwd, pwd_len, &pn, &d->diag, &b3);
    SQLRETURN rc = api_connect(d, b1 || b2 || b3, a, b, c);
    free(a);
    free(b);
    secret_free_n(c, pn);
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLDriverConnectW(SQLHDBC h, SQLHWND hwnd, SQLWCHAR *in, SQLSMALLINT in_chars,
                                    SQLWCHAR *out, SQLSMALLINT out_max, SQLSMALLINT *out_len,
                                    SQLUSMALLINT completion)
{
    (void)hwnd;
    DBC_ENTER(h);
    bool bad;
    size_t n = 0;
    char *text = w_in(in, in_chars, &n, &d->diag, &bad);
    outstr o = out_wide(out, out_max);
    SQLRETURN rc = api_driver_connect(d, bad, text, n, &o, out_len, completion);
    secret_free_n(text, n);
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLPrepareW(SQLHSTMT h, SQLWCHAR *sql, SQLINTEGER len)
{
    STMT_ENTER(h);
    bool bad;
    size_t n = 0;
    char *text = w_in(sql, len, &n, &s->diag, &bad);
    SQLRETURN rc = api_prepare(s, bad, text, n);
    free(text);
    STMT_LEAVE(rc);
}

SQLRETURN SQL_API SQLExecDirectW(SQLHSTMT h, SQLWCHAR *sql, SQLINTEGER len)
{
    STMT_ENTER(h);
    bool bad;
    size_t n = 0;
    char *text = w_in(sql, len, &n, &s->diag, &bad);
    SQLRETURN rc = api_exec_direct(s, bad, text, n);
    free(text);
    STMT_LEAVE(rc);
}

SQLRETURN SQL_API SQLNativeSqlW(SQLHDBC h, SQLWCHAR *in, SQLINTEGER in_chars, SQLWCHAR *out,
                                SQLINTEGER out_max, SQLINTEGER *out_len)
{
    DBC_ENTER(h);
    bool bad;
    size_t n = 0;
    char *text = w_in(in, in_chars, &n, &d->diag, &bad);
    outstr o = out_wide(out, out_max);
    SQLRETURN rc = api_native_sql(d, bad, text, n, &o, out_len);
    free(text);
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLDescribeColW(SQLHSTMT h, SQLUSMALLINT col, SQLWCHAR *name, SQLSMALLINT name_max,
                                  SQLSMALLINT *name_len, SQLSMALLINT *type, SQLULEN *size,
                                  SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    STMT_ENTER(h);
    outstr o = out_wide(name, name_max);
    STMT_LEAVE(api_describe_col(s, col, &o, name_len, type, size, digits, nullable));
}

SQLRETURN SQL_API SQLColAttributeW(SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field, SQLPOINTER str_out,
                                   SQLSMALLINT str_max, SQLSMALLINT *str_len, SQLLEN *num_out)
{
    STMT_ENTER(h);
    outstr o = out_wide_bytes(str_out, str_max);
    STMT_LEAVE(api_col_attribute(s, col, field, &o, str_len, num_out));
}

SQLRETURN SQL_API SQLGetDiagRecW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLWCHAR *state,
                                 SQLINTEGER *native, SQLWCHAR *msg, SQLSMALLINT msg_max,
                                 SQLSMALLINT *msg_len)
{
    outstr st = out_wide(state, state ? 6 : 0), m = out_wide(msg, msg_max);
    return api_get_diag_rec(type, h, rec, &st, native, &m, msg_len);
}

SQLRETURN SQL_API SQLGetDiagFieldW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                                   SQLPOINTER info, SQLSMALLINT info_max, SQLSMALLINT *info_len)
{
    outstr o = out_wide_bytes(info, info_max);
    return api_get_diag_field(type, h, rec, field, info, &o, info_len);
}

SQLRETURN SQL_API SQLErrorW(SQLHENV env, SQLHDBC dbc, SQLHSTMT stmt, SQLWCHAR *state, SQLINTEGER *native,
                            SQLWCHAR *msg, SQLSMALLINT msg_max, SQLSMALLINT *msg_len)
{
    outstr st = out_wide(state, state ? 6 : 0), m = out_wide(msg, msg_max);
    return api_error(env, dbc, stmt, &st, native, &m, msg_len);
}

SQLRETURN SQL_API SQLGetInfoW(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT buflen,
                              SQLSMALLINT *len)
{
    DBC_ENTER(h);
    outstr o = out_wide_bytes(value, buflen);
    DBC_LEAVE(api_get_info(d, type, value, &o, len));
}

SQLRETURN SQL_API SQLGetConnectAttrW(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                     SQLINTEGER *len)
{
    DBC_ENTER(h);
    outstr o = out_wide_bytes(value, buflen);
    DBC_LEAVE(api_get_connect_attr(d, attr, value, &o, len));
}

SQLRETURN SQL_API SQLSetConnectAttrW(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    DBC_ENTER(h);
    if (!attr_connect_is_string(attr))
        DBC_LEAVE(attr_set_connect(d, attr, value, len));
    bool bad;
    size_t n = 0;
    SQLLEN chars = len == SQL_NTS ? SQL_NTS : (len < 0 ? len : len / (SQLINTEGER)sizeof(SQLWCHAR));
    char *text = w_in(value, chars, &n, &d->diag, &bad);
    SQLRETURN rc = bad ? SQL_ERROR : attr_set_connect(d, attr, text, (SQLINTEGER)n);
    free(text);
    DBC_LEAVE(rc);
}

SQLRETURN SQL_API SQLGetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                  SQLINTEGER *len)
{
    return SQLGetStmtAttr(h, attr, value, buflen, len);
}

SQLRETURN SQL_API SQLSetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    return SQLSetStmtAttr(h, attr, value, len);
}

SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT h, SQLSMALLINT data_type)
{
    return SQLGetTypeInfo(h, data_type);
}

SQLRETURN SQL_API SQLGetDescFieldW(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                   SQLINTEGER buflen, SQLINTEGER *len)
{
    DESC_ENTER(h);
    outstr o = out_wide_bytes(value, buflen);
    DESC_LEAVE(api_get_desc_field(x, rec, field, value, &o, len));
}

SQLRETURN SQL_API SQLSetDescFieldW(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                   SQLINTEGER len)
{
    return SQLSetDescField(h, rec, field, value, len);
}

SQLRETURN SQL_API SQLGetDescRecW(SQLHDESC h, SQLSMALLINT rec, SQLWCHAR *name, SQLSMALLINT name_max,
                                 SQLSMALLINT *name_len, SQLSMALLINT *type, SQLSMALLINT *subtype,
                                 SQLLEN *length, SQLSMALLINT *precision, SQLSMALLINT *scale,
                                 SQLSMALLINT *nullable)
{
    DESC_ENTER(h);
    outstr o = out_wide(name, name_max);
    DESC_LEAVE(api_get_desc_rec(x, rec, &o, name_len, type, subtype, length, precision, scale, nullable));
}

/* ------------------------------------------------------------ catalog functions */

/* Catalog functions: their string arguments converted, then catalog.c. */
static SQLRETURN wide_catalog(SQLHSTMT h, catalog_fn fn, int n, SQLWCHAR *const *str, const SQLSMALLINT *len,
                              SQLUSMALLINT o1, SQLUSMALLINT o2, SQLUSMALLINT o3)
{
    STMT_ENTER(h);
    char *a[CATALOG_MAX_ARGS] = {NULL};
    const SQLUSMALLINT opt[3] = {o1, o2, o3};
    bool bad = false;
    for (int i = 0; i < n && !bad; i++)
        a[i] = w_in(str[i], len[i], NULL, &s->diag, &bad);
    SQLRETURN rc = bad ? SQL_ERROR : catalog_call(s, fn, (const char *const *)a, opt);
    for (int i = 0; i < n; i++)
        free(a[i]);
    STMT_LEAVE(rc);
}

SQLRETURN SQL_API SQLTablesW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len, SQLWCHAR *schema,
                             SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len, SQLWCHAR *types,
                             SQLSMALLINT types_len)
{
    SQLWCHAR *str[] = {catalog, schema, table, types};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len, types_len};
    return wide_catalog(h, CF_TABLES, 4, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLColumnsW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len, SQLWCHAR *schema,
                              SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len,
                              SQLWCHAR *column, SQLSMALLINT column_len)
{
    SQLWCHAR *str[] = {catalog, schema, table, column};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len, column_len};
    return wide_catalog(h, CF_COLUMNS, 4, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                  SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len)
{
    SQLWCHAR *str[] = {catalog, schema, table};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len};
    return wide_catalog(h, CF_PRIMARY_KEYS, 3, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT h, SQLWCHAR *pk_catalog, SQLSMALLINT pk_catalog_len,
                                  SQLWCHAR *pk_schema, SQLSMALLINT pk_schema_len, SQLWCHAR *pk_table,
                                  SQLSMALLINT pk_table_len, SQLWCHAR *fk_catalog, SQLSMALLINT fk_catalog_len,
                                  SQLWCHAR *fk_schema, SQLSMALLINT fk_schema_len, SQLWCHAR *fk_table,
                                  SQLSMALLINT fk_table_len)
{
    SQLWCHAR *str[] = {pk_catalog, pk_schema, pk_table, fk_catalog, fk_schema, fk_table};
    const SQLSMALLINT len[] = {pk_catalog_len, pk_schema_len, pk_table_len, fk_catalog_len, fk_schema_len, fk_table_len};
    return wide_catalog(h, CF_FOREIGN_KEYS, 6, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                 SQLSMALLINT schema_len, SQLWCHAR *table, SQLSMALLINT table_len,
                                 SQLUSMALLINT unique, SQLUSMALLINT reserved)
{
    SQLWCHAR *str[] = {catalog, schema, table};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len};
    return wide_catalog(h, CF_STATISTICS, 3, str, len, unique, reserved, 0);
}

SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT h, SQLUSMALLINT id_type, SQLWCHAR *catalog,
                                     SQLSMALLINT catalog_len, SQLWCHAR *schema, SQLSMALLINT schema_len,
                                     SQLWCHAR *table, SQLSMALLINT table_len, SQLUSMALLINT scope,
                                     SQLUSMALLINT nullable)
{
    SQLWCHAR *str[] = {catalog, schema, table};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len};
    return wide_catalog(h, CF_SPECIAL_COLUMNS, 3, str, len, id_type, scope, nullable);
}

SQLRETURN SQL_API SQLProceduresW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                 SQLSMALLINT schema_len, SQLWCHAR *procedure, SQLSMALLINT procedure_len)
{
    SQLWCHAR *str[] = {catalog, schema, procedure};
    const SQLSMALLINT len[] = {catalog_len, schema_len, procedure_len};
    return wide_catalog(h, CF_PROCEDURES, 3, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                       SQLWCHAR *schema, SQLSMALLINT schema_len, SQLWCHAR *procedure,
                                       SQLSMALLINT procedure_len, SQLWCHAR *column, SQLSMALLINT column_len)
{
    SQLWCHAR *str[] = {catalog, schema, procedure, column};
    const SQLSMALLINT len[] = {catalog_len, schema_len, procedure_len, column_len};
    return wide_catalog(h, CF_PROCEDURE_COLUMNS, 4, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                      SQLWCHAR *schema, SQLSMALLINT schema_len, SQLWCHAR *table,
                                      SQLSMALLINT table_len)
{
    SQLWCHAR *str[] = {catalog, schema, table};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len};
    return wide_catalog(h, CF_TABLE_PRIVILEGES, 3, str, len, 0, 0, 0);
}

SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                       SQLWCHAR *schema, SQLSMALLINT schema_len, SQLWCHAR *table,
                                       SQLSMALLINT table_len, SQLWCHAR *column, SQLSMALLINT column_len)
{
    SQLWCHAR *str[] = {catalog, schema, table, column};
    const SQLSMALLINT len[] = {catalog_len, schema_len, table_len, column_len};
    return wide_catalog(h, CF_COLUMN_PRIVILEGES, 4, str, len, 0, 0, 0);
}

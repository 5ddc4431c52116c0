/* odbc_catalog.c - the catalog functions through the unixODBC driver
 * manager, against athena-local's sampledb:
 *  - the result columns (names, SQL types, order) of every catalog function;
 *  - SQLTables: every table and view, the special enumerations, the table
 *    type list quoted or not, search patterns (%, _, the escape, case), no
 *    match, SQL_ATTR_METADATA_ID on and off, the W entry point;
 *  - SQLColumns: exact rows of sampledb's tables, partition keys last, a
 *    view's columns, patterns, and for every table of sampledb the same
 *    description as SQLDescribeCol of SELECT *;
 *  - the empty result sets (keys, statistics, procedures, privileges) and
 *    their argument checks;
 *  - the metadata cache: repeated calls make no Athena call (athena-local's
 *    stats), DDL on the connection empties it, MetadataCacheTTL=0 keeps
 *    nothing;
 *  - a catalog that cannot be read: an error naming it, not an empty list. */
#include "odbc_util.h"

#include <sqlucode.h>

/* ------------------------------------------------------------ helpers */

/* The rows of a result as text: the chosen columns (1-based) joined by '|',
 * NULL as "~", rows joined by "; ". Frees nothing; the statement's cursor is
 * closed. */
static char *rows_of(SQLHSTMT st, const int *cols, int ncols)
{
    static char out[65536];
    size_t n = 0;
    out[0] = '\0';
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        if (n && n < sizeof out - 2) {
            out[n++] = ';';
            out[n++] = ' ';
        }
        for (int i = 0; i < ncols; i++) {
            char v[1024];
            SQLLEN ind = 0;
            if (!SQL_SUCCEEDED(SQLGetData(st, (SQLUSMALLINT)cols[i], SQL_C_CHAR, v, sizeof v, &ind)))
                snprintf(v, sizeof v, "(error)");
            else if (ind == SQL_NULL_DATA)
                snprintf(v, sizeof v, "~");
            n += (size_t)snprintf(out + n, n < sizeof out ? sizeof out - n : 0, "%s%s", i ? "|" : "", v);
            if (n >= sizeof out)
                n = sizeof out - 1;
        }
    }
    out[n] = '\0';
    SQLCloseCursor(st);
    return out;
}

static const int T5[] = {1, 2, 3, 4, 5};
static const int T3[] = {3, 4};

/* SQLTables (or SQLColumns) on a fresh statement; the columns `cols` of its rows. */
static const char *catalog_rows(SQLHDBC dbc, bool tables_fn, const char *cat, const char *schema, const char *table,
                                const char *last, const int *cols, int ncols)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLRETURN rc = tables_fn ? SQLTables(st, (SQLCHAR *)cat, SQL_NTS, (SQLCHAR *)schema, SQL_NTS,
                                         (SQLCHAR *)table, SQL_NTS, (SQLCHAR *)last, SQL_NTS)
                             : SQLColumns(st, (SQLCHAR *)cat, SQL_NTS, (SQLCHAR *)schema, SQL_NTS,
                                          (SQLCHAR *)table, SQL_NTS, (SQLCHAR *)last, SQL_NTS);
    const char *r = "(failed)";
    if (SQL_SUCCEEDED(rc))
        r = rows_of(st, cols, ncols);
    else
        show_diag(tables_fn ? "SQLTables" : "SQLColumns", SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return r;
}

#define tables(dbc, c, s, t, types, cols, n) catalog_rows((dbc), true, (c), (s), (t), (types), (cols), (n))
#define columns(dbc, c, s, t, col, cols, n) catalog_rows((dbc), false, (c), (s), (t), (col), (cols), (n))

/* SQLTables of sampledb: views after tables; athena-local gives views the
 * comment Glue gives Athena views, "Presto View". */
#define ALL_TABLES \
    "AwsDataCatalog|sampledb|all_types|TABLE|~; " \
    "AwsDataCatalog|sampledb|elb_logs|TABLE|~; " \
    "AwsDataCatalog|sampledb|impressions|TABLE|~; " \
    "AwsDataCatalog|sampledb|numbers|TABLE|~; " \
    "AwsDataCatalog|sampledb|elb_errors|VIEW|Presto View"

/* SQLColumns of sampledb.all_types: every field (docs/catalog.md). */
#define ALL_TYPES_COLUMNS \
    "AwsDataCatalog|sampledb|all_types|id|4|integer|10|4|0|10|1|~|~|4|~|~|1|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_boolean|-7|boolean|1|1|~|~|1|~|~|-7|~|~|2|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_tinyint|-6|tinyint|3|1|0|10|1|~|~|-6|~|~|3|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_smallint|5|smallint|5|2|0|10|1|~|~|5|~|~|4|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_integer|4|integer|10|4|0|10|1|~|~|4|~|~|5|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_bigint|-5|bigint|19|20|0|10|1|~|~|-5|~|~|6|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_real|7|real|24|4|~|2|1|~|~|7|~|~|7|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_double|8|double|53|8|~|2|1|~|~|8|~|~|8|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_decimal|3|decimal|10|12|2|10|1|~|~|3|~|~|9|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_decimal_wide|3|decimal|38|40|9|10|1|~|~|3|~|~|10|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_varchar|12|varchar|255|1020|~|~|1|~|~|12|~|1020|11|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_varchar10|12|varchar|10|40|~|~|1|~|~|12|~|40|12|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_char|1|char|5|20|~|~|1|~|~|1|~|20|13|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_varbinary|-3|varbinary|255|255|~|~|1|~|~|-3|~|255|14|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_date|91|date|10|6|~|~|1|~|~|9|1|~|15|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_time|92|time|12|6|3|~|1|~|~|9|2|~|16|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_timestamp|93|timestamp|23|16|3|~|1|~|~|9|3|~|17|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_timestamp_tz|12|timestamp with time zone|56|56|~|~|1|~|~|12|~|56|18|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_array_int|12|array|65535|262140|~|~|1|~|~|12|~|262140|19|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_array_varchar|12|array|65535|262140|~|~|1|~|~|12|~|262140|20|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_map|12|map|65535|262140|~|~|1|~|~|12|~|262140|21|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_row|12|row|65535|262140|~|~|1|~|~|12|~|262140|22|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_json|12|json|65535|262140|~|~|1|~|~|12|~|262140|23|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_uuid|12|uuid|36|36|~|~|1|~|~|12|~|36|24|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_ipaddress|12|ipaddress|39|39|~|~|1|~|~|12|~|39|25|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_interval_ym|12|interval year to month|13|13|~|~|1|~|~|12|~|13|26|YES; " \
    "AwsDataCatalog|sampledb|all_types|c_interval_ds|12|interval day to second|26|26|~|~|1|~|~|12|~|26|27|YES"

/* ------------------------------------------------------------ layouts */

typedef struct layout {
    const char *fn;
    int n;
    const char *names[19];
    SQLSMALLINT types[19];
} layout;

#define VC SQL_VARCHAR
#define SM SQL_SMALLINT
#define IN SQL_INTEGER

static const layout layouts[] = {
    {"SQLTables", 5, {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"}, {VC, VC, VC, VC, VC}},
    {"SQLColumns", 18,
     {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
      "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE",
      "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE"},
     {VC, VC, VC, VC, SM, VC, IN, IN, SM, SM, SM, VC, VC, SM, SM, IN, IN, VC}},
    {"SQLPrimaryKeys", 6, {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"},
     {VC, VC, VC, VC, SM, VC}},
    {"SQLForeignKeys", 14,
     {"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM",
      "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME",
      "DEFERRABILITY"},
     {VC, VC, VC, VC, VC, VC, VC, VC, SM, SM, SM, VC, VC, SM}},
    {"SQLStatistics", 13,
     {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE",
      "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION"},
     {VC, VC, VC, SM, VC, VC, SM, SM, VC, VC, IN, IN, VC}},
    {"SQLSpecialColumns", 8,
     {"SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS",
      "PSEUDO_COLUMN"},
     {SM, VC, SM, VC, IN, IN, SM, SM}},
    {"SQLProcedures", 8,
     {"PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "NUM_INPUT_PARAMS", "NUM_OUTPUT_PARAMS",
      "NUM_RESULT_SETS", "REMARKS", "PROCEDURE_TYPE"},
     {VC, VC, VC, IN, IN, IN, VC, SM}},
    {"SQLProcedureColumns", 19,
     {"PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE", "DATA_TYPE",
      "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
      "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE"},
     {VC, VC, VC, VC, SM, SM, VC, IN, IN, SM, SM, SM, VC, VC, SM, SM, IN, IN, VC}},
    {"SQLTablePrivileges", 7,
     {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE"},
     {VC, VC, VC, VC, VC, VC, VC}},
    {"SQLColumnPrivileges", 8,
     {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE"},
     {VC, VC, VC, VC, VC, VC, VC, VC}},
};

/* Calls catalog function i of `layouts` on st; the empty ones on sampledb.all_types. */
static SQLRETURN call_fn(SQLHSTMT st, int i)
{
    SQLCHAR *c = (SQLCHAR *)"AwsDataCatalog", *s = (SQLCHAR *)"sampledb", *t = (SQLCHAR *)"all_types";
    switch (i) {
    case 0: return SQLTables(st, c, SQL_NTS, s, SQL_NTS, t, SQL_NTS, NULL, 0);
    case 1: return SQLColumns(st, c, SQL_NTS, s, SQL_NTS, t, SQL_NTS, NULL, 0);
    case 2: return SQLPrimaryKeys(st, c, SQL_NTS, s, SQL_NTS, t, SQL_NTS);
    case 3: return SQLForeignKeys(st, c, SQL_NTS, s, SQL_NTS, t, SQL_NTS, NULL, 0, NULL, 0, NULL, 0);
    case 4: return SQLStatistics(st, c, SQL_NTS, s, SQL_NTS, t, SQL_NTS, SQL_INDEX_ALL, SQL_QUICK);
    case 5: return SQLSpecialColumns(st, SQL_BEST_ROWID, c, SQL_NTS, s, SQL_NTS, t, SQL_NTS, SQL_SCOPE_SESSION,
                                     SQL_NULLABLE);
    case 6: return SQLProcedures(st, c, SQL_NTS, s, SQL_NTS, NULL, 0);
    case 7: return SQLProcedureColumns(st, c, SQL_NTS, s, SQL_NTS, NULL, 0, NULL, 0);
    case 8: return SQLTablePrivileges(st, c, SQL_NTS, s, SQL_NTS, t, SQL_NTS);
    default: return SQLColumnPrivileges(st, c, SQL_NTS, s, SQL_NTS, t, SQL_NTS, NULL, 0);
    }
}

static void test_layouts(SQLHDBC dbc)
{
    for (int i = 0; i < (int)(sizeof layouts / sizeof layouts[0]); i++) {
        const layout *l = &layouts[i];
        SQLHSTMT st;
        SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
        SQLRETURN rc = call_fn(st, i);
        CHECK_RC(rc, SQL_SUCCESS, l->fn);
        SQLSMALLINT n = 0;
        SQLNumResultCols(st, &n);
        CHECK_INT(n, l->n, l->fn);
        int bad = 0;
        char why[256] = "";
        for (int c = 0; c < l->n && c < n; c++) {
            char name[128];
            SQLSMALLINT len = 0, type = 0, digits = 0, nullable = 0;
            SQLULEN size = 0;
            SQLDescribeCol(st, (SQLUSMALLINT)(c + 1), (SQLCHAR *)name, sizeof name, &len, &type, &size, &digits,
                           &nullable);
            if (strcmp(name, l->names[c]) != 0 || type != l->types[c]) {
                if (!bad++)
                    snprintf(why, sizeof why, " (column %d: %s type %d, want %s type %d)", c + 1, name, type,
                             l->names[c], l->types[c]);
            }
        }
        CHECK(bad == 0, "%s: names, types and order of the result columns%s", l->fn, why);
        if (i >= 2)
            CHECK_RC(SQLFetch(st), SQL_NO_DATA, "Athena has no keys, indexes, procedures or privileges: no row");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

/* ------------------------------------------------------------ SQLTables */

static void test_tables(SQLHDBC dbc)
{
    CHECK_STR(tables(dbc, NULL, NULL, NULL, NULL, T5, 5), ALL_TABLES,
              "every table, then every view (ODBC orders by TABLE_TYPE first)");
    CHECK_STR(tables(dbc, "AwsDataCatalog", "sampledb", "%", NULL, T5, 5), ALL_TABLES, "catalog and schema given");
    CHECK_STR(tables(dbc, "aws%", "SAMPLEDB", NULL, NULL, T5, 5), ALL_TABLES,
              "catalog pattern (ODBC 3), names in any case");
    CHECK_STR(tables(dbc, NULL, "default", NULL, NULL, T5, 5), "", "the empty database: no row");
    CHECK_STR(tables(dbc, NULL, "nope", NULL, NULL, T5, 5), "", "a database that does not exist: no row");
    CHECK_STR(tables(dbc, "NoSuchCatalog", NULL, NULL, NULL, T5, 5), "", "a catalog that does not exist: no row");
    CHECK_STR(tables(dbc, "", NULL, NULL, NULL, T5, 5), "", "catalog \"\": tables without a catalog, none");

    /* the table type list */
    CHECK_STR(tables(dbc, NULL, NULL, NULL, "VIEW", T3, 2), "elb_errors|VIEW", "VIEW");
    CHECK_STR(tables(dbc, NULL, NULL, NULL, "'TABLE'", T3, 2),
              "all_types|TABLE; elb_logs|TABLE; impressions|TABLE; numbers|TABLE", "'TABLE' quoted");
    CHECK_STR(tables(dbc, NULL, NULL, NULL, "'TABLE', 'VIEW'", T3, 2),
              "all_types|TABLE; elb_logs|TABLE; impressions|TABLE; numbers|TABLE; elb_errors|VIEW",
              "'TABLE', 'VIEW'");
    CHECK_STR(tables(dbc, NULL, NULL, NULL, "view,table", T3, 2),
              "all_types|TABLE; elb_logs|TABLE; impressions|TABLE; numbers|TABLE; elb_errors|VIEW",
              "view,table unquoted, lower case");
    CHECK_STR(tables(dbc, NULL, NULL, NULL, "SYSTEM TABLE", T3, 2), "", "a type Athena has not: no row");

    /* patterns */
    CHECK_STR(tables(dbc, NULL, NULL, "elb%", NULL, T3, 2), "elb_logs|TABLE; elb_errors|VIEW", "elb%");
    CHECK_STR(tables(dbc, NULL, NULL, "nu_bers", NULL, T3, 2), "numbers|TABLE", "'_' is any one character");
    CHECK_STR(tables(dbc, NULL, NULL, "nu\\_bers", NULL, T3, 2), "", "'\\_' is '_' itself: no match");
    CHECK_STR(tables(dbc, NULL, NULL, "all\\_types", NULL, T3, 2), "all_types|TABLE", "all\\_types");
    CHECK_STR(tables(dbc, NULL, NULL, "ALL_TYPES", NULL, T3, 2), "all_types|TABLE", "names in any case");
    CHECK_STR(tables(dbc, NULL, "s%", "%s", NULL, T3, 2),
              "all_types|TABLE; elb_logs|TABLE; impressions|TABLE; numbers|TABLE; elb_errors|VIEW", "%s");
    CHECK_STR(tables(dbc, NULL, NULL, "%_%_%_%_%_%_%_%_%_%_%_%x", NULL, T3, 2), "", "many wildcards, no match");
    CHECK_STR(tables(dbc, NULL, NULL, "nope%", NULL, T3, 2), "", "no match");

    /* the enumerations */
    const int cat_only[] = {1, 2, 3, 4, 5};
    CHECK_STR(tables(dbc, SQL_ALL_CATALOGS, "", "", NULL, cat_only, 5), "AwsDataCatalog|~|~|~|~", "SQL_ALL_CATALOGS");
    CHECK_STR(tables(dbc, "", SQL_ALL_SCHEMAS, "", NULL, cat_only, 5), "~|default|~|~|~; ~|sampledb|~|~|~",
              "SQL_ALL_SCHEMAS");
    CHECK_STR(tables(dbc, "", "", "", SQL_ALL_TABLE_TYPES, cat_only, 5), "~|~|~|TABLE|~; ~|~|~|VIEW|~",
              "SQL_ALL_TABLE_TYPES");

    /* SQL_ATTR_METADATA_ID: identifiers, not patterns */
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_TRUE, 0), SQL_SUCCESS, "METADATA_ID on");
    SQLULEN id = 0;
    SQLGetStmtAttr(st, SQL_ATTR_METADATA_ID, &id, 0, NULL);
    CHECK_INT(id, SQL_TRUE, "METADATA_ID reads back");
    CHECK_RC(SQLTables(st, (SQLCHAR *)"AwsDataCatalog", SQL_NTS, (SQLCHAR *)"sampledb", SQL_NTS, (SQLCHAR *)"elb%",
                       SQL_NTS, NULL, 0),
             SQL_SUCCESS, "SQLTables with an identifier");
    CHECK_STR(rows_of(st, T3, 2), "", "METADATA_ID: '%' is no wildcard");
    SQLTables(st, (SQLCHAR *)"AwsDataCatalog", SQL_NTS, (SQLCHAR *)"sampledb", SQL_NTS, (SQLCHAR *)"\"ALL_TYPES\"",
              SQL_NTS, NULL, 0);
    CHECK_STR(rows_of(st, T3, 2), "all_types|TABLE", "METADATA_ID: a quoted identifier");
    SQLTables(st, (SQLCHAR *)"awsdatacatalog", SQL_NTS, (SQLCHAR *)" sampledb ", SQL_NTS, (SQLCHAR *)"nu_bers",
              SQL_NTS, NULL, 0);
    CHECK_STR(rows_of(st, T3, 2), "", "METADATA_ID: '_' is no wildcard");
    SQLTables(st, (SQLCHAR *)"awsdatacatalog", SQL_NTS, (SQLCHAR *)" sampledb ", SQL_NTS, (SQLCHAR *)"all_types ",
              SQL_NTS, NULL, 0);
    CHECK_STR(rows_of(st, T5, 5), "AwsDataCatalog|sampledb|all_types|TABLE|~",
              "METADATA_ID: blanks around an identifier do not count");
    CHECK_RC(SQLTables(st, (SQLCHAR *)"AwsDataCatalog", SQL_NTS, NULL, 0, (SQLCHAR *)"all_types", SQL_NTS, NULL, 0),
             SQL_ERROR, "METADATA_ID: a null schema");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY009", "METADATA_ID: a null schema is refused");
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_FALSE, 0);
    SQLTables(st, NULL, 0, (SQLCHAR *)"sampledb", SQL_NTS, (SQLCHAR *)"elb%", SQL_NTS, NULL, 0);
    CHECK_STR(rows_of(st, T3, 2), "elb_logs|TABLE; elb_errors|VIEW", "METADATA_ID off again: a pattern");

    /* the cursor must be closed first; a bad length */
    SQLTables(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0);
    CHECK_RC(SQLTables(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0), SQL_ERROR, "SQLTables on an open cursor");
    CHECK_STATE(SQL_HANDLE_STMT, st, "24000", "an open cursor");
    /* unixODBC forgets the cursor after the refused call: SQLFreeStmt closes it anyway */
    CHECK_RC(SQLFreeStmt(st, SQL_CLOSE), SQL_SUCCESS, "SQLFreeStmt(SQL_CLOSE)");
    CHECK_RC(SQLTables(st, NULL, 0, (SQLCHAR *)"sampledb", -5, NULL, 0, NULL, 0), SQL_ERROR, "a negative length");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY090", "a negative length");

    /* the W entry point */
    SQLWCHAR wschema[] = {'s', 'a', 'm', 'p', 'l', 'e', 'd', 'b', 0}, wtable[] = {'e', 'l', 'b', '%', 0};
    SQLRETURN rc = SQLTablesW(st, NULL, 0, wschema, SQL_NTS, wtable, 4, NULL, 0);
    if (rc != SQL_SUCCESS)
        show_diag("SQLTablesW", SQL_HANDLE_STMT, st);
    CHECK_RC(rc, SQL_SUCCESS, "SQLTablesW");
    CHECK_STR(rows_of(st, T3, 2), "elb_logs|TABLE; elb_errors|VIEW", "SQLTablesW rows");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* ------------------------------------------------------------ SQLColumns */

static void test_columns(SQLHDBC dbc)
{
    const int all[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    CHECK_STR(columns(dbc, NULL, "sampledb", "all_types", "%", all, 18),
              ALL_TYPES_COLUMNS, "every column of sampledb.all_types, all 18 fields");
    const int name_pos[] = {3, 4, 6, 17};
    CHECK_STR(columns(dbc, NULL, "sampledb", "impressions", NULL, name_pos, 4),
              "impressions|requestbegintime|varchar|1; impressions|adid|varchar|2; "
              "impressions|impressionid|varchar|3; impressions|referrer|varchar|4; "
              "impressions|useragent|varchar|5; impressions|usercookie|varchar|6; impressions|ip|varchar|7; "
              "impressions|number|integer|8; impressions|dt|varchar|9",
              "the partition key comes after the other columns");
    CHECK_STR(columns(dbc, NULL, "sampledb", "elb_errors", NULL, name_pos, 4),
              "elb_errors|request_timestamp|varchar|1; elb_errors|elb_name|varchar|2; "
              "elb_errors|elb_response_code|varchar|3; elb_errors|url|varchar|4",
              "a view lists its columns");
    CHECK_STR(columns(dbc, "AwsDataCatalog", "sampledb", "%", "n%", name_pos, 4),
              "impressions|number|integer|8; numbers|n|bigint|1; numbers|n_text|varchar|2",
              "column pattern over every table, ordered by table then position");
    CHECK_STR(columns(dbc, NULL, NULL, "num%", "%_text", name_pos, 4), "numbers|n_text|varchar|2",
              "patterns for table and column, any database");
    CHECK_STR(columns(dbc, NULL, "sampledb", "numbers", "N\\_TEXT", name_pos, 4), "numbers|n_text|varchar|2",
              "an escaped '_' and upper case");
    CHECK_STR(columns(dbc, NULL, "sampledb", "numbers", "nope", name_pos, 4), "", "no such column: no row");
    CHECK_STR(columns(dbc, "aws%", "sampledb", "numbers", NULL, name_pos, 4), "",
              "SQLColumns' catalog is no pattern: no catalog is named aws%");
    CHECK_STR(columns(dbc, "awsdatacatalog", "sampledb", "numbers", "n", all, 1), "AwsDataCatalog",
              "the catalog in any case, reported as Athena spells it");

    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_TRUE, 0);
    SQLColumns(st, (SQLCHAR *)"AwsDataCatalog", SQL_NTS, (SQLCHAR *)"sampledb", SQL_NTS, (SQLCHAR *)"\"NUMBERS\"",
               SQL_NTS, (SQLCHAR *)"n_text", SQL_NTS);
    CHECK_STR(rows_of(st, name_pos, 4), "numbers|n_text|varchar|2", "METADATA_ID: identifiers");
    SQLColumns(st, (SQLCHAR *)"AwsDataCatalog", SQL_NTS, (SQLCHAR *)"sampledb", SQL_NTS, (SQLCHAR *)"numbers",
               SQL_NTS, (SQLCHAR *)"n%", SQL_NTS);
    CHECK_STR(rows_of(st, name_pos, 4), "", "METADATA_ID: '%' is no wildcard");
    CHECK_RC(SQLColumns(st, (SQLCHAR *)"AwsDataCatalog", SQL_NTS, (SQLCHAR *)"sampledb", SQL_NTS,
                        (SQLCHAR *)"numbers", SQL_NTS, NULL, 0),
             SQL_ERROR, "METADATA_ID: a null column name");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY009", "METADATA_ID: a null column name is refused");
    SQLSetStmtAttr(st, SQL_ATTR_METADATA_ID, (SQLPOINTER)SQL_FALSE, 0);
    SQLWCHAR wtable[] = {'n', 'u', 'm', 'b', 'e', 'r', 's', 0};
    CHECK_RC(SQLColumnsW(st, NULL, 0, NULL, 0, wtable, SQL_NTS, NULL, 0), SQL_SUCCESS, "SQLColumnsW");
    CHECK_STR(rows_of(st, name_pos, 4), "numbers|n|bigint|1; numbers|n_text|varchar|2; numbers|half|double|3",
              "SQLColumnsW rows");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* For every table of sampledb: SQLColumns and SQLDescribeCol/SQLColAttribute
 * of SELECT * describe each column alike. */
static void test_columns_agree_with_results(SQLHDBC dbc)
{
    static const char *const names[] = {"all_types", "elb_logs", "impressions", "numbers", "elb_errors"};
    for (size_t t = 0; t < sizeof names / sizeof names[0]; t++) {
        SQLHSTMT cs, qs;
        SQLAllocHandle(SQL_HANDLE_STMT, dbc, &cs);
        SQLColumns(cs, NULL, 0, (SQLCHAR *)"sampledb", SQL_NTS, (SQLCHAR *)names[t], SQL_NTS, NULL, 0);
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT * FROM sampledb.%s LIMIT 0", names[t]);
        SQLRETURN rc;
        qs = test_exec(dbc, sql, &rc);
        CHECK_RC(rc, SQL_SUCCESS, sql);
        SQLSMALLINT ncols = 0;
        SQLNumResultCols(qs, &ncols);
        int n = 0, bad = 0;
        char why[1400] = "";
        while (SQL_SUCCEEDED(SQLFetch(cs))) {
            n++;
            char cname[256], tname[64], qname[256], qtname[64];
            SQLSMALLINT data_type = 0, digits = 0, radix = 0, qtype = 0, qdigits = 0, qnull = 0, len = 0;
            SQLINTEGER size = 0, octets = 0;
            SQLLEN ind_digits = 0, qoctets = 0, qprec = 0, qradix = 0;
            SQLULEN qsize = 0;
            SQLGetData(cs, 4, SQL_C_CHAR, cname, sizeof cname, NULL);
            SQLGetData(cs, 5, SQL_C_SSHORT, &data_type, 0, NULL);
            SQLGetData(cs, 6, SQL_C_CHAR, tname, sizeof tname, NULL);
            SQLGetData(cs, 7, SQL_C_SLONG, &size, 0, NULL);
            SQLGetData(cs, 8, SQL_C_SLONG, &octets, 0, NULL);
            SQLGetData(cs, 9, SQL_C_SSHORT, &digits, 0, &ind_digits);
            SQLGetData(cs, 10, SQL_C_SSHORT, &radix, 0, NULL);
            SQLDescribeCol(qs, (SQLUSMALLINT)n, (SQLCHAR *)qname, sizeof qname, &len, &qtype, &qsize, &qdigits,
                           &qnull);
            SQLColAttribute(qs, (SQLUSMALLINT)n, SQL_DESC_OCTET_LENGTH, NULL, 0, NULL, &qoctets);
            SQLColAttribute(qs, (SQLUSMALLINT)n, SQL_DESC_PRECISION, NULL, 0, NULL, &qprec);
            SQLColAttribute(qs, (SQLUSMALLINT)n, SQL_DESC_NUM_PREC_RADIX, NULL, 0, NULL, &qradix);
            SQLColAttribute(qs, (SQLUSMALLINT)n, SQL_DESC_TYPE_NAME, qtname, sizeof qtname, NULL, NULL);
            /* approximate numbers (radix 2): COLUMN_SIZE, SQLDescribeCol's size and SQL_DESC_PRECISION
             * all count bits */
            bool same = !strcmp(cname, qname) && data_type == qtype && size == (long)qsize &&
                        (qradix != 2 || qprec == (SQLLEN)qsize) && octets == qoctets &&
                        radix == qradix && (ind_digits == SQL_NULL_DATA ? qdigits == 0 : digits == qdigits);
            if (!same && !bad++)
                snprintf(why, sizeof why,
                         " (%s: SQLColumns %s %s type %d size %d octets %d digits %d radix %d"
                         "SELECT * %s %s type %d size %lu/%ld octets %ld digits %d radix %ld)",
                         names[t], cname, tname, data_type, (int)size, (int)octets,
                         ind_digits == SQL_NULL_DATA ? -1 : digits, radix, qname, qtname, qtype,
                         (unsigned long)qsize, (long)qprec, (long)qoctets, qdigits, (long)qradix);
        }
        CHECK(n == ncols && n > 0 && bad == 0, "sampledb.%s: SQLColumns (%d columns) agrees with SELECT * (%d)%s",
              names[t], n, ncols, why);
        SQLFreeHandle(SQL_HANDLE_STMT, qs);
        SQLFreeHandle(SQL_HANDLE_STMT, cs);
    }
}

/* ------------------------------------------------------------ argument checks of the empty sets */

static void test_empty_set_arguments(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLCHAR *t = (SQLCHAR *)"all_types";
    CHECK_RC(SQLPrimaryKeys(st, NULL, 0, NULL, 0, NULL, 0), SQL_ERROR, "SQLPrimaryKeys without a table");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY009", "SQLPrimaryKeys without a table");
    CHECK_RC(SQLForeignKeys(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0), SQL_ERROR,
             "SQLForeignKeys without either table");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY009", "SQLForeignKeys without either table");
    CHECK_RC(SQLStatistics(st, NULL, 0, NULL, 0, t, SQL_NTS, 7, SQL_QUICK), SQL_ERROR, "SQLStatistics Unique 7");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY100", "SQLStatistics Unique 7");
    CHECK_RC(SQLStatistics(st, NULL, 0, NULL, 0, t, SQL_NTS, SQL_INDEX_UNIQUE, 9), SQL_ERROR,
             "SQLStatistics Reserved 9");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY101", "SQLStatistics Reserved 9");
    CHECK_RC(SQLSpecialColumns(st, 9, NULL, 0, NULL, 0, t, SQL_NTS, SQL_SCOPE_CURROW, SQL_NULLABLE), SQL_ERROR,
             "SQLSpecialColumns IdentifierType 9");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY097", "SQLSpecialColumns IdentifierType 9");
    CHECK_RC(SQLSpecialColumns(st, SQL_ROWVER, NULL, 0, NULL, 0, t, SQL_NTS, 9, SQL_NULLABLE), SQL_ERROR,
             "SQLSpecialColumns Scope 9");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY098", "SQLSpecialColumns Scope 9");
    CHECK_RC(SQLSpecialColumns(st, SQL_ROWVER, NULL, 0, NULL, 0, t, SQL_NTS, SQL_SCOPE_CURROW, 9), SQL_ERROR,
             "SQLSpecialColumns Nullable 9");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY099", "SQLSpecialColumns Nullable 9");
    SQLWCHAR wt[] = {'a', 0};
    CHECK_RC(SQLPrimaryKeysW(st, NULL, 0, NULL, 0, wt, SQL_NTS), SQL_SUCCESS, "SQLPrimaryKeysW");
    CHECK_RC(SQLFetch(st), SQL_NO_DATA, "SQLPrimaryKeysW: no row");
    SQLCloseCursor(st);
    CHECK_RC(SQLStatisticsW(st, NULL, 0, NULL, 0, wt, SQL_NTS, SQL_INDEX_ALL, SQL_ENSURE), SQL_SUCCESS,
             "SQLStatisticsW");
    CHECK_RC(SQLFetch(st), SQL_NO_DATA, "SQLStatisticsW: no row");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* ------------------------------------------------------------ the cache */

static void test_cache(void)
{
    SQLHDBC dbc = test_connect("MetadataCacheTTL=300");
    CHECK(dbc != NULL, "connect with MetadataCacheTTL=300");
    if (!dbc)
        return;
    const int name_pos[] = {3, 4};
    admin("POST", "/_athena_local/stats/reset", NULL, NULL, 0);
    CHECK_STR(columns(dbc, NULL, "sampledb", "numbers", NULL, name_pos, 2), "numbers|n; numbers|n_text; numbers|half",
              "SQLColumns, first time");
    long first = athena_metadata_calls();
    CHECK_INT(first, 3, "first time: ListDataCatalogs, ListDatabases, ListTableMetadata");
    CHECK_STR(columns(dbc, NULL, "sampledb", "numbers", NULL, name_pos, 2), "numbers|n; numbers|n_text; numbers|half",
              "SQLColumns, second time");
    CHECK_STR(tables(dbc, NULL, "sampledb", "numbers", NULL, T3, 2), "numbers|TABLE", "SQLTables of the same table");
    CHECK_INT(athena_metadata_calls(), first, "answered from the cache: no Athena call");

    /* DDL on the connection empties the cache */
    CHECK_STR(tables(dbc, NULL, "sampledb", NULL, "TABLE", T3, 2),
              "all_types|TABLE; elb_logs|TABLE; impressions|TABLE; numbers|TABLE", "sampledb's tables, kept");
    char name[64], sql[160], want[256];
    snprintf(name, sizeof name, "odbc_catalog_%d", (int)getpid());
    snprintf(sql, sizeof sql, "CREATE TABLE %s AS SELECT n FROM numbers WHERE n <= 2", name);
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    CHECK_RC(rc, SQL_SUCCESS, "CTAS");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    snprintf(want, sizeof want, "all_types|TABLE; elb_logs|TABLE; impressions|TABLE; numbers|TABLE; %s|TABLE", name);
    CHECK_STR(tables(dbc, NULL, "sampledb", NULL, "TABLE", T3, 2), want, "after CTAS the new table is listed");
    snprintf(sql, sizeof sql, "DROP TABLE %s", name);
    st = test_exec(dbc, sql, &rc);
    CHECK_RC(rc, SQL_SUCCESS, "DROP TABLE");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    CHECK_STR(tables(dbc, NULL, "sampledb", NULL, "TABLE", T3, 2),
              "all_types|TABLE; elb_logs|TABLE; impressions|TABLE; numbers|TABLE", "after DROP TABLE it is gone");
    test_disconnect(dbc);

    /* MetadataCacheTTL=0: every call asks Athena */
    dbc = test_connect("MetadataCacheTTL=0");
    admin("POST", "/_athena_local/stats/reset", NULL, NULL, 0);
    columns(dbc, NULL, "sampledb", "numbers", NULL, name_pos, 2);
    columns(dbc, NULL, "sampledb", "numbers", NULL, name_pos, 2);
    CHECK_INT(athena_metadata_calls(), 6, "MetadataCacheTTL=0: the same three calls each time");
    test_disconnect(dbc);
}

/* ------------------------------------------------------------ a catalog that cannot be read */

static void test_unreadable_catalog(void)
{
    SQLHDBC dbc = test_connect("MetadataCacheTTL=0;MaxRetries=0");
    CHECK(dbc != NULL, "connect with MaxRetries=0");
    if (!dbc)
        return;
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_INT(admin("POST", "/_athena_local/faults", "fail op=athena:ListDatabases,status=500,count=1", NULL, 0),
              200, "fault: ListDatabases fails once");
    CHECK_RC(SQLTables(st, NULL, 0, NULL, 0, NULL, 0, NULL, 0), SQL_ERROR, "SQLTables when ListDatabases fails");
    char state[6], msg[1024];
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_STR(state, "HY000", "its SQLSTATE");
    CHECK(strstr(msg, "Catalog 'AwsDataCatalog' cannot be read: ") != NULL, "the message names the catalog: %s", msg);
    CHECK_INT(admin("POST", "/_athena_local/faults", "fail op=athena:ListTableMetadata,status=500,count=1", NULL, 0),
              200, "fault: ListTableMetadata fails once");
    CHECK_RC(SQLColumns(st, NULL, 0, (SQLCHAR *)"sampledb", SQL_NTS, NULL, 0, NULL, 0), SQL_ERROR,
             "SQLColumns when ListTableMetadata fails");
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK(strstr(msg, "Catalog 'AwsDataCatalog' cannot be read: ") != NULL, "the message names the catalog: %s", msg);
    admin("DELETE", "/_athena_local/faults", NULL, NULL, 0);
    CHECK_RC(SQLColumns(st, NULL, 0, (SQLCHAR *)"sampledb", SQL_NTS, (SQLCHAR *)"numbers", SQL_NTS, NULL, 0),
             SQL_SUCCESS, "SQLColumns works again");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

/* One catalog call on a catalog that fails: SQL_ERROR, its SQLSTATE and message. */
static void catalog_fails(SQLHDBC dbc, bool tables_fn, const char *cat, const char *want_state, char *msg,
                          size_t msg_size)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLRETURN rc = tables_fn ? SQLTables(st, (SQLCHAR *)cat, SQL_NTS, NULL, 0, NULL, 0, NULL, 0)
                             : SQLColumns(st, (SQLCHAR *)cat, SQL_NTS, (SQLCHAR *)"sampledb", SQL_NTS, NULL, 0, NULL, 0);
    CHECK(rc == SQL_ERROR, "%s on catalog %s: SQL_ERROR (got %d)", tables_fn ? "SQLTables" : "SQLColumns", cat,
          (int)rc);
    char state[6];
    first_diag(SQL_HANDLE_STMT, st, state, msg, msg_size);
    CHECK_STR(state, want_state, "its SQLSTATE");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Catalogs athena-local declares failing (tests/athena-local/README.md, Data
 * catalogs): IAM denies the call, the connector Lambda fails, the caller may
 * not invoke the Lambda (docs/catalog.md, Errors). */
static void test_failing_catalogs(void)
{
    SQLHDBC dbc = test_connect("MetadataCacheTTL=0;MaxRetries=0");
    CHECK(dbc != NULL, "connect with MaxRetries=0");
    if (!dbc)
        return;
    CHECK_INT(admin("POST", "/_athena_local/catalogs", "forbidden=denied;brokenfed=lambda-fail;nolambda=lambda-denied",
                    NULL, 0),
              200, "declare three failing catalogs");
    const int cat_only[] = {1, 2, 3, 4, 5};
    CHECK_STR(tables(dbc, SQL_ALL_CATALOGS, "", "", NULL, cat_only, 5),
              "AwsDataCatalog|~|~|~|~; brokenfed|~|~|~|~; forbidden|~|~|~|~; nolambda|~|~|~|~",
              "SQL_ALL_CATALOGS lists them, sorted");
    CHECK_STR(tables(dbc, NULL, NULL, NULL, NULL, T5, 5), ALL_TABLES, "null arguments: the connection's catalog");
    CHECK_STR(columns(dbc, NULL, "sampledb", "numbers", "n", T5, 5), "AwsDataCatalog|sampledb|numbers|n|-5",
              "SQLColumns with a null catalog");

    char msg[1024];
    catalog_fails(dbc, true, "forbidden", "42000", msg, sizeof msg);
    CHECK_STR(msg,
              "[Athena ODBC][Athena]AccessDeniedException: Catalog 'forbidden' cannot be read: You are not authorized to "
              "perform: athena:ListDatabases on the resource. After your AWS administrator or you have updated your "
              "permissions, please try again.",
              "IAM denies ListDatabases: the message names the catalog");
    catalog_fails(dbc, false, "forbidden", "42000", msg, sizeof msg);
    CHECK_STR(msg,
              "[Athena ODBC][Athena]AccessDeniedException: Catalog 'forbidden' cannot be read: You are not authorized to "
              "perform: athena:ListDatabases on the resource. After your AWS administrator or you have updated your "
              "permissions, please try again.",
              "SQLColumns: the walk's first call (ListDatabases) is denied");
    catalog_fails(dbc, true, "brokenfed", "HY000", msg, sizeof msg);
    CHECK_STR(msg,
              "[Athena ODBC][Athena]MetadataException: Catalog 'brokenfed' cannot be read: Failed to invoke lambda "
              "function due to com.amazonaws.services.lambda.invoke.LambdaFunctionException: Communications link "
              "failure (athena-local: the connector of this catalog fails)",
              "the connector fails");
    catalog_fails(dbc, false, "nolambda", "42000", msg, sizeof msg);
    const char *want = "[Athena ODBC][Athena]MetadataException: Catalog 'nolambda' cannot be read: Failed to invoke "
                       "lambda function due to com.amazonaws.services.lambda.model.AWSLambdaException: User: ";
    CHECK(!strncmp(msg, want, strlen(want)), "the Lambda may not be invoked: %s", msg);
    CHECK(strstr(msg, " is not authorized to perform: lambda:InvokeFunction on resource: "
                      "arn:aws:lambda:us-east-1:123456789012:function:nolambda because") != NULL,
          "the message says which permission is missing: %s", msg);

    CHECK_INT(admin("DELETE", "/_athena_local/catalogs", NULL, NULL, 0), 200, "remove the declared catalogs");
    CHECK_STR(tables(dbc, SQL_ALL_CATALOGS, "", "", NULL, cat_only, 5), "AwsDataCatalog|~|~|~|~",
              "SQL_ALL_CATALOGS: AwsDataCatalog alone again");
    test_disconnect(dbc);
}

int main(void)
{
    SQLHDBC dbc = test_connect("MetadataCacheTTL=0");
    CHECK(dbc != NULL, "connect to athena-local");
    if (!dbc)
        return th_done();
    test_layouts(dbc);
    test_tables(dbc);
    test_columns(dbc);
    test_columns_agree_with_results(dbc);
    test_empty_set_arguments(dbc);
    test_disconnect(dbc);
    test_cache();
    test_unreadable_catalog();
    test_failing_catalogs();
    return th_done();
}

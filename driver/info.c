/* info.c - what the driver says about itself and about Athena: SQLGetInfo
 * and SQLGetFunctions.
 *
 * docs/getinfo.md explains every answer that is not obvious, with the Athena
 * (Trino, engine version 3) behaviour behind it. The scalar-function, interval
 * and CONVERT masks are not here: they come from the escape translator's own
 * tables (sql_escape_info), so the driver never claims a function it cannot
 * translate. tests/odbc/odbc_info.c compares every answer with
 * tests/odbc/expected/getinfo.txt. */
#include "info.h"

#include <string.h>

#include "sql_escape.h"

typedef struct info_entry {
    SQLUSMALLINT type;
    info_kind kind;
    SQLULEN num;
    const char *str;
} info_entry;

#define S(t, v) {t, INFO_STR, 0, v}
#define U16(t, v) {t, INFO_U16, (SQLULEN)(v), NULL}
#define U32(t, v) {t, INFO_U32, (SQLULEN)(v), NULL}

/* Words Athena reserves that ODBC's own list (SQL_ODBC_KEYWORDS) does not
 * have: Trino's reserved keywords (SELECT statements, double-quoted when used
 * as identifiers) and Athena's DDL reserved keywords (back-quoted in DDL).
 * Sorted, no word of the ODBC list. */
#define ATHENA_KEYWORDS                                                                               \
    "ARRAY,BIGINT,BINARY,BOOLEAN,CONF,CUBE,CURRENT_CATALOG,CURRENT_PATH,CURRENT_ROLE,CURRENT_SCHEMA," \
    "DATABASE,DAYOFWEEK,DIV,EXCHANGE,EXTENDED,FLOOR,FOLLOWING,FUNCTION,GROUPING,IF,IMPORT,"           \
    "JSON_ARRAY,JSON_EXISTS,JSON_OBJECT,JSON_QUERY,JSON_TABLE,JSON_VALUE,LATERAL,LESS,LISTAGG,"       \
    "LOCALTIME,LOCALTIMESTAMP,MACRO,MAP,MORE,NORMALIZE,OUT,OVER,PARTIALSCAN,PARTITION,PERCENT,"       \
    "PRECEDING,RANGE,READS,RECURSIVE,REDUCE,REGEXP,RLIKE,ROLLUP,ROW,SKIP,START,TABLESAMPLE,"           \
    "TRANSFORM,TRIGGER,TRUNCATE,UESCAPE,UNBOUNDED,UNIQUEJOIN,UNNEST,UTC_TIMESTAMP,VIEWS,WINDOW"

/* Characters other than letters, digits and '_' that names may contain:
 * Glue names are any UTF-8 string; Athena needs such names double-quoted in
 * SELECT and back-quoted in DDL. The two quote characters are left out. */
#define ATHENA_SPECIAL_CHARACTERS " !#$%&'()*+,-./:;<=>?@[\\]^{|}~"

static const info_entry infos[] = {
    /* ---- driver */
    S(SQL_DRIVER_NAME, ATHENA_DRIVER_NAME),
    S(SQL_DRIVER_VER, ATHENA_DRIVER_VERSION),
    S(SQL_DRIVER_ODBC_VER, "03.80"),
    S(SQL_ODBC_VER, "03.80.0000"), /* the driver manager answers this one itself */
    S(SQL_XOPEN_CLI_YEAR, "1995"),
    U16(SQL_ACTIVE_ENVIRONMENTS, 0),
    U16(SQL_MAX_DRIVER_CONNECTIONS, 0),
    U16(SQL_MAX_CONCURRENT_ACTIVITIES, 0),
    U32(SQL_ASYNC_MODE, SQL_AM_NONE),
    U32(SQL_ASYNC_DBC_FUNCTIONS, SQL_ASYNC_DBC_NOT_CAPABLE),
    U32(SQL_ASYNC_NOTIFICATION, SQL_ASYNC_NOTIFICATION_NOT_CAPABLE),
    U32(SQL_MAX_ASYNC_CONCURRENT_STATEMENTS, 0),
    U32(SQL_DRIVER_AWARE_POOLING_SUPPORTED, SQL_DRIVER_AWARE_POOLING_NOT_CAPABLE),
    U32(SQL_BATCH_ROW_COUNT, 0),
    U32(SQL_BATCH_SUPPORT, 0),
    U32(SQL_PARAM_ARRAY_ROW_COUNTS, SQL_PARC_NO_BATCH),
    U32(SQL_PARAM_ARRAY_SELECTS, SQL_PAS_BATCH),
    U16(SQL_FILE_USAGE, SQL_FILE_NOT_SUPPORTED),
    /* SQLGetData on any unbound column, in any order, on bound columns, and
     * on any row of a block cursor after SQLSetPos(SQL_POSITION) */
    U32(SQL_GETDATA_EXTENSIONS, SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND | SQL_GD_BLOCK),
    U32(SQL_INFO_SCHEMA_VIEWS, SQL_ISV_COLUMNS | SQL_ISV_SCHEMATA | SQL_ISV_TABLES | SQL_ISV_VIEWS),
    U32(SQL_ODBC_INTERFACE_CONFORMANCE, SQL_OIC_CORE),
    U32(SQL_STANDARD_CLI_CONFORMANCE, 0),
    S(SQL_ROW_UPDATES, "N"),
    S(SQL_SEARCH_PATTERN_ESCAPE, "\\"),
    /* cursors: forward-only or static (scrollable, result_scroll.c), read-only, insensitive
     * (a query result is a snapshot); keyset-driven and dynamic requests become static */
    U32(SQL_SCROLL_OPTIONS, SQL_SO_FORWARD_ONLY | SQL_SO_STATIC),
    U32(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, SQL_CA1_NEXT | SQL_CA1_LOCK_NO_CHANGE | SQL_CA1_POS_POSITION),
    U32(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2,
        SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT | SQL_CA2_MAX_ROWS_CATALOG),
    U32(SQL_STATIC_CURSOR_ATTRIBUTES1, SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE |
                                           SQL_CA1_LOCK_NO_CHANGE | SQL_CA1_POS_POSITION),
    U32(SQL_STATIC_CURSOR_ATTRIBUTES2,
        SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT | SQL_CA2_MAX_ROWS_CATALOG),
    U32(SQL_KEYSET_CURSOR_ATTRIBUTES1, 0),
    U32(SQL_KEYSET_CURSOR_ATTRIBUTES2, 0),
    U32(SQL_DYNAMIC_CURSOR_ATTRIBUTES1, 0),
    U32(SQL_DYNAMIC_CURSOR_ATTRIBUTES2, 0),
    U32(SQL_CURSOR_SENSITIVITY, SQL_INSENSITIVE),
    U32(SQL_BOOKMARK_PERSISTENCE, 0),

    /* ---- DBMS product */
    S(SQL_DBMS_NAME, "Amazon Athena"),
    S(SQL_DBMS_VER, "03.00.0000"), /* Athena engine version 3 */

    /* ---- data source */
    S(SQL_ACCESSIBLE_PROCEDURES, "N"),
    S(SQL_ACCESSIBLE_TABLES, "N"), /* Glue lists tables that IAM / Lake Formation may still refuse */
    S(SQL_CATALOG_TERM, "catalog"),
    S(SQL_SCHEMA_TERM, "database"),
    S(SQL_TABLE_TERM, "table"),
    S(SQL_PROCEDURE_TERM, ""), /* no stored procedures */
    S(SQL_COLLATION_SEQ, "UTF-8"),
    U16(SQL_CONCAT_NULL_BEHAVIOR, SQL_CB_NULL),
    U16(SQL_CURSOR_COMMIT_BEHAVIOR, SQL_CB_PRESERVE),
    U16(SQL_CURSOR_ROLLBACK_BEHAVIOR, SQL_CB_PRESERVE),
    S(SQL_DATA_SOURCE_READ_ONLY, "N"),
    U32(SQL_DEFAULT_TXN_ISOLATION, 0),
    S(SQL_DESCRIBE_PARAMETER, "N"),
    S(SQL_MULT_RESULT_SETS, "N"),
    S(SQL_MULTIPLE_ACTIVE_TXN, "Y"),
    S(SQL_NEED_LONG_DATA_LEN, "N"),
    U16(SQL_NULL_COLLATION, SQL_NC_END),
    U16(SQL_TXN_CAPABLE, SQL_TC_NONE),
    U32(SQL_TXN_ISOLATION_OPTION, 0),

    /* ---- supported SQL */
    U32(SQL_AGGREGATE_FUNCTIONS, SQL_AF_ALL | SQL_AF_AVG | SQL_AF_COUNT | SQL_AF_DISTINCT |
                                 SQL_AF_MAX | SQL_AF_MIN | SQL_AF_SUM),
    U32(SQL_ALTER_DOMAIN, 0),
    U32(SQL_ALTER_TABLE, SQL_AT_DROP_COLUMN), /* Iceberg tables; Hive's ADD COLUMNS is not SQL's ADD */
    U16(SQL_CATALOG_LOCATION, SQL_CL_START),
    S(SQL_CATALOG_NAME, "Y"),
    S(SQL_CATALOG_NAME_SEPARATOR, "."),
    U32(SQL_CATALOG_USAGE, SQL_CU_DML_STATEMENTS),
    S(SQL_COLUMN_ALIAS, "Y"),
    U16(SQL_CORRELATION_NAME, SQL_CN_ANY),
    U32(SQL_CREATE_ASSERTION, 0),
    U32(SQL_CREATE_CHARACTER_SET, 0),
    U32(SQL_CREATE_COLLATION, 0),
    U32(SQL_CREATE_DOMAIN, 0),
    U32(SQL_CREATE_SCHEMA, SQL_CS_CREATE_SCHEMA),
    U32(SQL_CREATE_TABLE, SQL_CT_CREATE_TABLE),
    U32(SQL_CREATE_TRANSLATION, 0),
    U32(SQL_CREATE_VIEW, SQL_CV_CREATE_VIEW),
    U32(SQL_DATETIME_LITERALS,
        SQL_DL_SQL92_DATE | SQL_DL_SQL92_TIME | SQL_DL_SQL92_TIMESTAMP | SQL_DL_SQL92_INTERVAL_YEAR |
            SQL_DL_SQL92_INTERVAL_MONTH | SQL_DL_SQL92_INTERVAL_DAY | SQL_DL_SQL92_INTERVAL_HOUR |
            SQL_DL_SQL92_INTERVAL_MINUTE | SQL_DL_SQL92_INTERVAL_SECOND |
            SQL_DL_SQL92_INTERVAL_YEAR_TO_MONTH | SQL_DL_SQL92_INTERVAL_DAY_TO_HOUR |
            SQL_DL_SQL92_INTERVAL_DAY_TO_MINUTE | SQL_DL_SQL92_INTERVAL_DAY_TO_SECOND |
            SQL_DL_SQL92_INTERVAL_HOUR_TO_MINUTE | SQL_DL_SQL92_INTERVAL_HOUR_TO_SECOND |
            SQL_DL_SQL92_INTERVAL_MINUTE_TO_SECOND),
    U32(SQL_DDL_INDEX, 0),
    U32(SQL_DROP_ASSERTION, 0),
    U32(SQL_DROP_CHARACTER_SET, 0),
    U32(SQL_DROP_COLLATION, 0),
    U32(SQL_DROP_DOMAIN, 0),
    U32(SQL_DROP_SCHEMA, SQL_DS_DROP_SCHEMA | SQL_DS_RESTRICT | SQL_DS_CASCADE),
    U32(SQL_DROP_TABLE, SQL_DT_DROP_TABLE),
    U32(SQL_DROP_TRANSLATION, 0),
    U32(SQL_DROP_VIEW, SQL_DV_DROP_VIEW),
    S(SQL_EXPRESSIONS_IN_ORDERBY, "Y"),
    U16(SQL_GROUP_BY, SQL_GB_GROUP_BY_CONTAINS_SELECT),
    U16(SQL_IDENTIFIER_CASE, SQL_IC_LOWER),
    S(SQL_IDENTIFIER_QUOTE_CHAR, "\""),
    U32(SQL_INDEX_KEYWORDS, SQL_IK_NONE),
    U32(SQL_INSERT_STATEMENT, SQL_IS_INSERT_LITERALS | SQL_IS_INSERT_SEARCHED),
    S(SQL_INTEGRITY, "N"),
    S(SQL_KEYWORDS, ATHENA_KEYWORDS),
    S(SQL_LIKE_ESCAPE_CLAUSE, "Y"),
    U16(SQL_NON_NULLABLE_COLUMNS, SQL_NNC_NULL), /* no NOT NULL in Athena's CREATE TABLE */
    U32(SQL_OJ_CAPABILITIES, SQL_OJ_LEFT | SQL_OJ_RIGHT | SQL_OJ_FULL | SQL_OJ_NESTED |
                             SQL_OJ_NOT_ORDERED | SQL_OJ_INNER | SQL_OJ_ALL_COMPARISON_OPS),
    S(SQL_ORDER_BY_COLUMNS_IN_SELECT, "N"),
    S(SQL_OUTER_JOINS, "Y"),
    S(SQL_PROCEDURES, "N"),
    U16(SQL_QUOTED_IDENTIFIER_CASE, SQL_IC_LOWER), /* quoted names are lower-cased too */
    U32(SQL_SCHEMA_USAGE, SQL_SU_DML_STATEMENTS | SQL_SU_TABLE_DEFINITION),
    S(SQL_SPECIAL_CHARACTERS, ATHENA_SPECIAL_CHARACTERS),
    U32(SQL_SQL_CONFORMANCE, SQL_SC_SQL92_ENTRY),
    U32(SQL_SQL92_DATETIME_FUNCTIONS, SQL_SDF_CURRENT_DATE | SQL_SDF_CURRENT_TIME | SQL_SDF_CURRENT_TIMESTAMP),
    U32(SQL_SQL92_FOREIGN_KEY_DELETE_RULE, 0),
    U32(SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, 0),
    U32(SQL_SQL92_GRANT, 0),
    U32(SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, SQL_SNVF_EXTRACT | SQL_SNVF_POSITION),
    U32(SQL_SQL92_PREDICATES, SQL_SP_BETWEEN | SQL_SP_COMPARISON | SQL_SP_EXISTS | SQL_SP_IN |
                              SQL_SP_ISNOTNULL | SQL_SP_ISNULL | SQL_SP_LIKE | SQL_SP_QUANTIFIED_COMPARISON),
    U32(SQL_SQL92_RELATIONAL_JOIN_OPERATORS,
        SQL_SRJO_CROSS_JOIN | SQL_SRJO_EXCEPT_JOIN | SQL_SRJO_FULL_OUTER_JOIN | SQL_SRJO_INNER_JOIN |
            SQL_SRJO_INTERSECT_JOIN | SQL_SRJO_LEFT_OUTER_JOIN | SQL_SRJO_RIGHT_OUTER_JOIN),
    U32(SQL_SQL92_REVOKE, 0),
    U32(SQL_SQL92_ROW_VALUE_CONSTRUCTOR, SQL_SRVC_VALUE_EXPRESSION | SQL_SRVC_NULL),
    U32(SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_LOWER | SQL_SSF_UPPER | SQL_SSF_SUBSTRING | SQL_SSF_TRIM_BOTH |
                                    SQL_SSF_TRIM_LEADING | SQL_SSF_TRIM_TRAILING),
    U32(SQL_SQL92_VALUE_EXPRESSIONS, SQL_SVE_CASE | SQL_SVE_CAST | SQL_SVE_COALESCE | SQL_SVE_NULLIF),
    U32(SQL_SUBQUERIES, SQL_SQ_CORRELATED_SUBQUERIES | SQL_SQ_COMPARISON | SQL_SQ_EXISTS |
                        SQL_SQ_IN | SQL_SQ_QUANTIFIED),
    U32(SQL_UNION, SQL_U_UNION | SQL_U_UNION_ALL),

    /* ---- SQL limits (0: no limit of its own, or unknown) */
    U32(SQL_MAX_BINARY_LITERAL_LEN, 0),
    U16(SQL_MAX_CATALOG_NAME_LEN, 127),
    U32(SQL_MAX_CHAR_LITERAL_LEN, 0),
    U16(SQL_MAX_COLUMN_NAME_LEN, 255),
    U16(SQL_MAX_COLUMNS_IN_GROUP_BY, 0),
    U16(SQL_MAX_COLUMNS_IN_INDEX, 0),
    U16(SQL_MAX_COLUMNS_IN_ORDER_BY, 0),
    U16(SQL_MAX_COLUMNS_IN_SELECT, 0),
    U16(SQL_MAX_COLUMNS_IN_TABLE, 0),
    U16(SQL_MAX_CURSOR_NAME_LEN, 0),
    U16(SQL_MAX_IDENTIFIER_LEN, 255),
    U32(SQL_MAX_INDEX_SIZE, 0),
    U16(SQL_MAX_PROCEDURE_NAME_LEN, 0),
    U32(SQL_MAX_ROW_SIZE, 0),
    S(SQL_MAX_ROW_SIZE_INCLUDES_LONG, "Y"),
    U16(SQL_MAX_SCHEMA_NAME_LEN, 255),
    U32(SQL_MAX_STATEMENT_LEN, 262144),
    U16(SQL_MAX_TABLE_NAME_LEN, 255),
    U16(SQL_MAX_TABLES_IN_SELECT, 0),
    U16(SQL_MAX_USER_NAME_LEN, 0),

    /* ---- ODBC 2.x information types, deprecated in 3.x but still answered */
    U32(SQL_FETCH_DIRECTION, SQL_FD_FETCH_NEXT | SQL_FD_FETCH_FIRST | SQL_FD_FETCH_LAST |
                                 SQL_FD_FETCH_PRIOR | SQL_FD_FETCH_ABSOLUTE | SQL_FD_FETCH_RELATIVE),
    U32(SQL_LOCK_TYPES, SQL_LCK_NO_CHANGE),
    U16(SQL_ODBC_API_CONFORMANCE, SQL_OAC_NONE),
    U16(SQL_ODBC_SAG_CLI_CONFORMANCE, SQL_OSCC_NOT_COMPLIANT),
    U16(SQL_ODBC_SQL_CONFORMANCE, SQL_OSC_MINIMUM),
    U32(SQL_POS_OPERATIONS, SQL_POS_POSITION),
    U32(SQL_POSITIONED_STATEMENTS, 0),
    U32(SQL_SCROLL_CONCURRENCY, SQL_SCCO_READ_ONLY),
    U32(SQL_STATIC_SENSITIVITY, 0),
};

SQLRETURN info_get(athena_dbc *d, SQLUSMALLINT type, info_kind *kind, const char **str, SQLULEN *num)
{
    *str = NULL;
    *num = 0;
    switch (type) {
    case SQL_DATA_SOURCE_NAME:
        *kind = INFO_STR;
        *str = d->cfg.dsn ? d->cfg.dsn : "";
        return SQL_SUCCESS;
    case SQL_SERVER_NAME:
        *kind = INFO_STR;
        *str = d->cfg.region ? d->cfg.region : "";
        return SQL_SUCCESS;
    case SQL_DATABASE_NAME:
        *kind = INFO_STR;
        *str = d->cfg.schema ? d->cfg.schema : "default";
        return SQL_SUCCESS;
    case SQL_USER_NAME:
        /* Athena has no database users; the IAM identity is not known
         * without an extra STS call, and the access key id is no user name */
        *kind = INFO_STR;
        *str = "";
        return SQL_SUCCESS;
    case SQL_DRIVER_HENV:
        *kind = INFO_ULEN;
        *num = (SQLULEN)(uintptr_t)d->env;
        return SQL_SUCCESS;
    case SQL_DRIVER_HDBC:
        *kind = INFO_ULEN;
        *num = (SQLULEN)(uintptr_t)d;
        return SQL_SUCCESS;
    default:
        break;
    }
    /* scalar functions, intervals and CONVERT: from the escape translator's own tables */
    unsigned int mask = 0;
    if (sql_escape_info(type, &mask)) {
        *kind = INFO_U32;
        *num = mask;
        return SQL_SUCCESS;
    }
    for (size_t i = 0; i < ARRAY_LEN(infos); i++) {
        if (infos[i].type == type) {
            *kind = infos[i].kind;
            *str = infos[i].str;
            *num = infos[i].num;
            return SQL_SUCCESS;
        }
    }
    /* SQL_DM_VER, SQL_DRIVER_HSTMT, SQL_DRIVER_HDESC and SQL_DRIVER_HLIB are
     * the driver manager's: it answers them without asking the driver. */
    return diag_set(&d->diag, SS_HY096, "type %u", (unsigned)type);
}

/* The functions the driver exports and that work (each in its ANSI and W
 * form where it has strings). tests/odbc/odbc_info.c checks this list
 * against the driver's dynamic symbol table in both directions. */
static const SQLUSMALLINT implemented[] = {
    SQL_API_SQLALLOCHANDLE, SQL_API_SQLFREEHANDLE, SQL_API_SQLALLOCCONNECT, SQL_API_SQLALLOCENV,
    SQL_API_SQLALLOCSTMT, SQL_API_SQLFREECONNECT, SQL_API_SQLFREEENV, SQL_API_SQLFREESTMT,
    SQL_API_SQLSETENVATTR, SQL_API_SQLGETENVATTR, SQL_API_SQLCONNECT, SQL_API_SQLDRIVERCONNECT,
    SQL_API_SQLDISCONNECT, SQL_API_SQLSETCONNECTATTR, SQL_API_SQLGETCONNECTATTR,
    SQL_API_SQLEXECDIRECT, SQL_API_SQLPREPARE, SQL_API_SQLEXECUTE, SQL_API_SQLNUMRESULTCOLS,
    SQL_API_SQLDESCRIBECOL, SQL_API_SQLCOLATTRIBUTE, SQL_API_SQLBINDCOL, SQL_API_SQLFETCH,
    SQL_API_SQLFETCHSCROLL, SQL_API_SQLEXTENDEDFETCH, SQL_API_SQLGETDATA, SQL_API_SQLSETPOS,
    SQL_API_SQLROWCOUNT, SQL_API_SQLMORERESULTS, SQL_API_SQLCLOSECURSOR, SQL_API_SQLCANCEL,
    SQL_API_SQLENDTRAN, SQL_API_SQLTRANSACT, SQL_API_SQLGETDIAGREC, SQL_API_SQLGETDIAGFIELD,
    SQL_API_SQLERROR, SQL_API_SQLGETINFO, SQL_API_SQLGETFUNCTIONS, SQL_API_SQLSETSTMTATTR,
    SQL_API_SQLGETSTMTATTR, SQL_API_SQLNATIVESQL, SQL_API_SQLNUMPARAMS, SQL_API_SQLGETTYPEINFO,
    SQL_API_SQLGETDESCFIELD, SQL_API_SQLSETDESCFIELD, SQL_API_SQLGETDESCREC, SQL_API_SQLSETDESCREC,
    SQL_API_SQLCOPYDESC, SQL_API_SQLTABLES, SQL_API_SQLCOLUMNS, SQL_API_SQLPRIMARYKEYS,
    SQL_API_SQLFOREIGNKEYS, SQL_API_SQLSTATISTICS, SQL_API_SQLSPECIALCOLUMNS, SQL_API_SQLPROCEDURES,
    SQL_API_SQLPROCEDURECOLUMNS, SQL_API_SQLTABLEPRIVILEGES, SQL_API_SQLCOLUMNPRIVILEGES,
    SQL_API_SQLBINDPARAMETER, SQL_API_SQLDESCRIBEPARAM, SQL_API_SQLPARAMDATA, SQL_API_SQLPUTDATA,
};

static bool is_implemented(SQLUSMALLINT id)
{
    for (size_t i = 0; i < ARRAY_LEN(implemented); i++)
        if (implemented[i] == id)
            return true;
    return false;
}

SQLRETURN info_functions(athena_dbc *d, SQLUSMALLINT id, SQLUSMALLINT *supported)
{
    if (!supported)
        return diag_set(&d->diag, SS_HY009, NULL);
    if (id == SQL_API_ODBC3_ALL_FUNCTIONS) {
        memset(supported, 0, SQL_API_ODBC3_ALL_FUNCTIONS_SIZE * sizeof(SQLUSMALLINT));
        for (size_t i = 0; i < ARRAY_LEN(implemented); i++) {
            SQLUSMALLINT f = implemented[i];
            supported[f >> 4] |= (SQLUSMALLINT)(1u << (f & 0xF));
        }
        return SQL_SUCCESS;
    }
    if (id == SQL_API_ALL_FUNCTIONS) {
        /* ODBC 2: one element per function id below 100 */
        memset(supported, 0, 100 * sizeof(SQLUSMALLINT));
        for (size_t i = 0; i < ARRAY_LEN(implemented); i++)
            if (implemented[i] < 100)
                supported[implemented[i]] = SQL_TRUE;
        return SQL_SUCCESS;
    }
    *supported = is_implemented(id) ? SQL_TRUE : SQL_FALSE;
    return SQL_SUCCESS;
}

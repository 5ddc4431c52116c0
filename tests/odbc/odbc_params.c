/* odbc_params.c - parameters through the driver manager: SELECT ? AS v of
 * every bindable C type into every SQL type (value and Athena type compared
 * with the reviewed golden file expected/params.txt; ATHENA_PARAMS_BLESS=1
 * rewrites it), an injection corpus that must come back verbatim on both
 * paths (literal in the text, ExecutionParameters), markers inside literals,
 * identifiers and comments, 07002, parameter arrays with a failing set,
 * row-wise binding with an offset, data at execution in pieces, and
 * re-execution with new values. */
#include "odbc_util.h"

#include <sys/stat.h>

#ifndef ATHENA_TOP_SRCDIR
#define ATHENA_TOP_SRCDIR "."
#endif
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

typedef struct ctype_case {
    const char *name;
    SQLSMALLINT ctype;
} ctype_case;

typedef struct sqltype_case {
    const char *name;
    SQLSMALLINT sql_type;
    SQLULEN size;
    SQLSMALLINT digits;
    const char *text;       /* the value given as text for this type */
} sqltype_case;

static const sqltype_case sql_types[] = {
    {"VARCHAR", SQL_VARCHAR, 0, 0, "it's ok"},
    {"WVARCHAR", SQL_WVARCHAR, 0, 0, "caf\xc3\xa9"},
    {"BIT", SQL_BIT, 0, 0, "1"},
    {"TINYINT", SQL_TINYINT, 0, 0, "-12"},
    {"SMALLINT", SQL_SMALLINT, 0, 0, "-300"},
    {"INTEGER", SQL_INTEGER, 0, 0, "70000"},
    {"BIGINT", SQL_BIGINT, 0, 0, "-9223372036854775808"},
    {"REAL", SQL_REAL, 0, 0, "1.5"},
    {"DOUBLE", SQL_DOUBLE, 0, 0, "0.1"},
    {"DECIMAL(10,2)", SQL_DECIMAL, 10, 2, "12.34"},
    {"DECIMAL(38,0)", SQL_NUMERIC, 38, 0, "12345678901234567890123456789012345678"},
    {"VARBINARY", SQL_VARBINARY, 0, 0, "CAFE"},
    {"DATE", SQL_TYPE_DATE, 0, 0, "2024-02-29"},
    {"TIME", SQL_TYPE_TIME, 0, 0, "23:59:58"},
    {"TIMESTAMP", SQL_TYPE_TIMESTAMP, 23, 3, "2024-02-29 23:59:58.123"},
    {"GUID", SQL_GUID, 0, 0, "12345678-9abc-def0-1234-56789abcdef0"},
    {"INTERVAL YEAR TO MONTH", SQL_INTERVAL_YEAR_TO_MONTH, 0, 0, "-1-2"},
    {"INTERVAL DAY TO SECOND", SQL_INTERVAL_DAY_TO_SECOND, 0, 3, "3 04:05:06.789"},
    {"INTERVAL MINUTE(4)", SQL_INTERVAL_MINUTE, 4, 0, "1500"},
};

static const ctype_case c_types[] = {
    {"CHAR", SQL_C_CHAR}, {"WCHAR", SQL_C_WCHAR}, {"BINARY", SQL_C_BINARY}, {"BIT", SQL_C_BIT},
    {"STINYINT", SQL_C_STINYINT}, {"UTINYINT", SQL_C_UTINYINT}, {"SSHORT", SQL_C_SSHORT},
    {"USHORT", SQL_C_USHORT}, {"SLONG", SQL_C_SLONG}, {"ULONG", SQL_C_ULONG}, {"SBIGINT", SQL_C_SBIGINT},
    {"UBIGINT", SQL_C_UBIGINT}, {"FLOAT", SQL_C_FLOAT}, {"DOUBLE", SQL_C_DOUBLE}, {"NUMERIC", SQL_C_NUMERIC},
    {"TYPE_DATE", SQL_C_TYPE_DATE}, {"TYPE_TIME", SQL_C_TYPE_TIME}, {"TYPE_TIMESTAMP", SQL_C_TYPE_TIMESTAMP},
    {"GUID", SQL_C_GUID}, {"INTERVAL_YEAR_TO_MONTH", SQL_C_INTERVAL_YEAR_TO_MONTH},
    {"INTERVAL_DAY_TO_SECOND", SQL_C_INTERVAL_DAY_TO_SECOND}, {"INTERVAL_MINUTE", SQL_C_INTERVAL_MINUTE},
    {"DEFAULT", SQL_C_DEFAULT},
};


/* Fills buf with the C value of ctype for SQL type t; returns its length. */
static SQLLEN c_value(SQLSMALLINT ctype, const sqltype_case *t, void *buf)
{
    switch (ctype) {
    case SQL_C_CHAR: strcpy(buf, t->text); return SQL_NTS;
    case SQL_C_WCHAR: return (SQLLEN)(to_w(t->text, buf, 256) * sizeof(SQLWCHAR));
    case SQL_C_BINARY: memcpy(buf, "it's", 4); return 4;
    case SQL_C_BIT: *(unsigned char *)buf = 1; break;
    case SQL_C_STINYINT: *(signed char *)buf = -7; break;
    case SQL_C_UTINYINT: *(unsigned char *)buf = 200; break;
    case SQL_C_SSHORT: *(SQLSMALLINT *)buf = -300; break;
    case SQL_C_USHORT: *(SQLUSMALLINT *)buf = 60000; break;
    case SQL_C_SLONG: *(SQLINTEGER *)buf = -70000; break;
    case SQL_C_ULONG: *(SQLUINTEGER *)buf = 4000000000u; break;
    case SQL_C_SBIGINT: *(SQLBIGINT *)buf = -9223372036854775807LL - 1; break;
    case SQL_C_UBIGINT: *(SQLUBIGINT *)buf = 18446744073709551615ULL; break;
    case SQL_C_FLOAT: *(SQLREAL *)buf = 1.5f; break;
    case SQL_C_DOUBLE: *(SQLDOUBLE *)buf = 0.1; break;
    case SQL_C_NUMERIC: {
        SQL_NUMERIC_STRUCT *n = buf;
        memset(n, 0, sizeof *n);
        n->precision = 5, n->scale = 2, n->sign = 1;
        n->val[0] = 12345 & 0xFF, n->val[1] = 12345 >> 8;
        break;
    }
    case SQL_C_TYPE_DATE: {
        SQL_DATE_STRUCT d = {2024, 2, 29};
        memcpy(buf, &d, sizeof d);
        break;
    }
    case SQL_C_TYPE_TIME: {
        SQL_TIME_STRUCT d = {23, 59, 58};
        memcpy(buf, &d, sizeof d);
        break;
    }
    case SQL_C_TYPE_TIMESTAMP: {
        SQL_TIMESTAMP_STRUCT d = {2024, 2, 29, 23, 59, 58, 123000000};
        memcpy(buf, &d, sizeof d);
        break;
    }
    case SQL_C_GUID: {
        SQLGUID g = {0x12345678, 0x9abc, 0xdef0, {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0}};
        memcpy(buf, &g, sizeof g);
        break;
    }
    case SQL_C_INTERVAL_YEAR_TO_MONTH: {
        SQL_INTERVAL_STRUCT iv = {SQL_IS_YEAR_TO_MONTH, SQL_TRUE, {.year_month = {1, 2}}};
        memcpy(buf, &iv, sizeof iv);
        break;
    }
    case SQL_C_INTERVAL_DAY_TO_SECOND: { /* the fraction counts microseconds (seconds precision 6) */
        SQL_INTERVAL_STRUCT iv = {SQL_IS_DAY_TO_SECOND, SQL_FALSE, {.day_second = {3, 4, 5, 6, 789000}}};
        memcpy(buf, &iv, sizeof iv);
        break;
    }
    case SQL_C_INTERVAL_MINUTE: {
        SQL_INTERVAL_STRUCT iv = {SQL_IS_MINUTE, SQL_FALSE, {.day_second = {0, 0, 1500, 0, 0}}};
        memcpy(buf, &iv, sizeof iv);
        break;
    }
    case SQL_C_DEFAULT:
        return SQL_NTS; /* filled by the caller as the default C type of the SQL type */
    }
    return 0;
}

/* "value|type" of SELECT ? AS v, or "STATE message". */
static void round_trip(SQLHDBC dbc, SQLSMALLINT ctype, const sqltype_case *t, char *out, size_t cap)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    union { char c[1024]; SQLWCHAR w[512]; SQLBIGINT align; } buf;
    memset(&buf, 0, sizeof buf);
    SQLLEN len = c_value(ctype, t, &buf);
    if (ctype == SQL_C_DEFAULT) { /* the default C type of these SQL types */
        switch (t->sql_type) {
        case SQL_VARCHAR: case SQL_DECIMAL: case SQL_NUMERIC: len = c_value(SQL_C_CHAR, t, &buf); break;
        case SQL_WVARCHAR: len = c_value(SQL_C_WCHAR, t, &buf); break;
        case SQL_VARBINARY: len = c_value(SQL_C_BINARY, t, &buf); break;
        case SQL_BIT: len = c_value(SQL_C_BIT, t, &buf); break;
        case SQL_TINYINT: len = c_value(SQL_C_STINYINT, t, &buf); break;
        case SQL_SMALLINT: len = c_value(SQL_C_SSHORT, t, &buf); break;
        case SQL_INTEGER: len = c_value(SQL_C_SLONG, t, &buf); break;
        case SQL_BIGINT: len = c_value(SQL_C_SBIGINT, t, &buf); break;
        case SQL_REAL: len = c_value(SQL_C_FLOAT, t, &buf); break;
        case SQL_DOUBLE: len = c_value(SQL_C_DOUBLE, t, &buf); break;
        case SQL_TYPE_DATE: len = c_value(SQL_C_TYPE_DATE, t, &buf); break;
        case SQL_TYPE_TIME: len = c_value(SQL_C_TYPE_TIME, t, &buf); break;
        case SQL_TYPE_TIMESTAMP: len = c_value(SQL_C_TYPE_TIMESTAMP, t, &buf); break;
        case SQL_GUID: len = c_value(SQL_C_GUID, t, &buf); break;
        case SQL_INTERVAL_YEAR_TO_MONTH: len = c_value(SQL_C_INTERVAL_YEAR_TO_MONTH, t, &buf); break;
        case SQL_INTERVAL_DAY_TO_SECOND: len = c_value(SQL_C_INTERVAL_DAY_TO_SECOND, t, &buf); break;
        case SQL_INTERVAL_MINUTE: len = c_value(SQL_C_INTERVAL_MINUTE, t, &buf); break;
        }
    }
    SQLRETURN rc = SQLBindParameter(st, 1, SQL_PARAM_INPUT, ctype, t->sql_type, t->size, t->digits, &buf,
                                    sizeof buf, &len);
    if (SQL_SUCCEEDED(rc))
        rc = SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS v", SQL_NTS);
    if (!SQL_SUCCEEDED(rc)) {
        char state[6], msg[512];
        first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
        snprintf(out, cap, "%s %s", state, msg);
    } else {
        char val[600] = "", type[64] = "";
        SQLLEN ind = 0;
        SQLColAttribute(st, 1, SQL_DESC_TYPE_NAME, type, sizeof type, NULL, NULL);
        if (SQL_SUCCEEDED(SQLFetch(st)) && SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_CHAR, val, sizeof val, &ind)) &&
            ind == SQL_NULL_DATA)
            strcpy(val, "(null)");
        snprintf(out, cap, "%s|%s", val, type);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_matrix(SQLHDBC dbc)
{
    const char *path = ATHENA_TOP_SRCDIR "/tests/odbc/expected/params.txt";
    bool bless = getenv("ATHENA_PARAMS_BLESS") != NULL;
    FILE *f = fopen(path, bless ? "w" : "r");
    CHECK(f != NULL, "golden file %s", path);
    if (!f)
        return;
    for (size_t c = 0; c < ARRAY_LEN(c_types); c++) {
        for (size_t t = 0; t < ARRAY_LEN(sql_types); t++) {
            char got[1024], line[2048], want[2048] = "";
            round_trip(dbc, c_types[c].ctype, &sql_types[t], got, sizeof got);
            snprintf(line, sizeof line, "%s -> %s: %s", c_types[c].name, sql_types[t].name, got);
            if (bless) {
                fprintf(f, "%s\n", line);
                continue;
            }
            if (fgets(want, sizeof want, f))
                want[strcspn(want, "\n")] = '\0';
            CHECK_STR(line, want, "round trip");
        }
    }
    fclose(f);
}


/* The injection corpus: every value must arrive verbatim and change nothing. */
static char long_value[5001];
static const char *corpus[] = {
    "'", "''", "it's", "'; DROP TABLE x; --", "a' OR '1'='1", "-- comment", "/* c */", "*/ ' /*", ";", "a;b",
    "\\", "\\'", "'\\'", "back\\slash\\n", "\xca\xbc U+02BC", "\xe2\x80\x99 U+2019", "?", "'?'", "??", "a?b",
    "line\nbreak", "tab\there", "\r\n", "emoji \xf0\x9f\x98\x80", "\"quoted\"", "`tick`", "%s%n", "",
    long_value,
};

static void hex_of(const char *s, char *out)
{
    for (; *s; s++, out += 2)
        sprintf(out, "%02X", (unsigned char)*s);
    *out = '\0';
}

static void test_corpus(SQLHDBC dbc)
{
    memset(long_value, 'x', 5000);
    long_value[0] = '\'';
    long_value[2500] = '?';
    long_value[4999] = '\'';
    static char got[20000], sql[20000], hex[12000];
    static SQLWCHAR wval[6000];
    for (size_t i = 0; i < ARRAY_LEN(corpus); i++) {
        const char *v = corpus[i];
        /* 1: in the select list, so the value is written into the text */
        for (int wide = 0; wide < 2; wide++) {
            SQLHSTMT st;
            SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
            SQLLEN len = SQL_NTS;
            if (wide)
                len = (SQLLEN)(to_w(v, wval, ARRAY_LEN(wval)) * sizeof(SQLWCHAR));
            SQLBindParameter(st, 1, SQL_PARAM_INPUT, wide ? SQL_C_WCHAR : SQL_C_CHAR, wide ? SQL_WVARCHAR : SQL_VARCHAR,
                             0, 0, wide ? (SQLPOINTER)wval : (SQLPOINTER)v, 0, &len);
            SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS v, 'end' AS e", SQL_NTS);
            SQLLEN ind = 0;
            got[0] = '\0';
            if (SQL_SUCCEEDED(rc) && SQL_SUCCEEDED(SQLFetch(st)))
                SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, &ind);
            else
                show_diag("corpus", SQL_HANDLE_STMT, st);
            SQLSMALLINT ncols = 0;
            SQLNumResultCols(st, &ncols);
            CHECK(strcmp(got, v) == 0 && ncols == 2, "corpus %zu (%s) comes back verbatim in the select list", i,
                  wide ? "SQL_C_WCHAR" : "SQL_C_CHAR");
            SQLFreeHandle(SQL_HANDLE_STMT, st);
        }
        /* 2: in a WHERE clause, so it travels as an ExecutionParameter (<= 1024 characters) */
        hex_of(v, hex);
        snprintf(sql, sizeof sql, "SELECT count(*) AS n FROM (VALUES 1) AS t(x) WHERE to_utf8(?) = X'%s'", hex);
        SQLHSTMT st;
        SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
        SQLLEN len = SQL_NTS;
        SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 0, 0, (SQLPOINTER)v, 0, &len);
        SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
        got[0] = '\0';
        if (SQL_SUCCEEDED(rc) && SQL_SUCCEEDED(SQLFetch(st)))
            SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, NULL);
        else
            show_diag("corpus where", SQL_HANDLE_STMT, st);
        CHECK_STR(got, "1", "corpus value arrives exactly in a WHERE clause");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

static SQLSMALLINT num_params(SQLHDBC dbc, const char *sql)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSMALLINT n = -1;
    if (SQL_SUCCEEDED(SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS)))
        SQLNumParams(st, &n);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return n;
}

static void test_markers(SQLHDBC dbc)
{
    CHECK_INT(num_params(dbc, "SELECT * FROM t WHERE id = ?"), 1, "one marker");
    CHECK_INT(num_params(dbc, "SELECT '?', \"a?\", `b?` -- ?\n /* ? */ FROM t WHERE a = ? AND b = ?"), 2,
              "? in a literal, quoted identifiers and comments is not a marker");
    CHECK_INT(num_params(dbc, "SELECT 'it''s ?' AS a, ? AS b"), 1, "doubled quote inside a literal");
    CHECK_INT(num_params(dbc, "SELECT 1 AS a -- ?"), 0, "marker in a trailing comment");
    /* the value of a ? inside a literal is not touched */
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    char v[] = "x";
    SQLLEN len = SQL_NTS;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 0, 0, v, 0, &len);
    char got[64] = "";
    if (SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)"SELECT '?' || ? || /* ? */ '?' AS v -- ?", SQL_NTS)) &&
        SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, NULL);
    CHECK_STR(got, "?x?", "only the marker is replaced");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* too few values: 07002 */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 0, 0, v, 0, &len);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS a, ? AS b", SQL_NTS), SQL_ERROR, "two markers, one value");
    CHECK_STATE(SQL_HANDLE_STMT, st, "07002", "marker/value count mismatch");
    /* SQL_RESET_PARAMS forgets the bindings */
    SQLFreeStmt(st, SQL_RESET_PARAMS);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS a", SQL_NTS), SQL_ERROR, "after SQL_RESET_PARAMS");
    CHECK_STATE(SQL_HANDLE_STMT, st, "07002", "no value after SQL_RESET_PARAMS");
    /* a NUL inside a character value is refused, not cut */
    char nul[] = {'a', '\0', 'b'};
    SQLLEN nlen = 3;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 0, 0, nul, 0, &nlen);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS a", SQL_NTS), SQL_ERROR, "NUL in a value");
    CHECK_STATE(SQL_HANDLE_STMT, st, "22018", "NUL in a value");
    /* SQLDescribeParam: what was bound, or varchar */
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 3, 0, nul, 0, &nlen);
    SQLPrepare(st, (SQLCHAR *)"SELECT ? AS a, ? AS b", SQL_NTS);
    SQLSMALLINT type = 0, digits = -1, nullable = -1;
    SQLULEN size = 0;
    CHECK_RC(SQLDescribeParam(st, 1, &type, &size, &digits, &nullable), SQL_SUCCESS, "SQLDescribeParam 1");
    CHECK(type == SQL_VARCHAR && size == 3 && digits == 0 && nullable == SQL_NULLABLE,
          "bound parameter: type %d size %lu digits %d nullable %d", type, (unsigned long)size, digits, nullable);
    CHECK_RC(SQLDescribeParam(st, 2, &type, &size, &digits, &nullable), SQL_SUCCESS, "SQLDescribeParam 2");
    CHECK(type == SQL_VARCHAR && size == 2147483647 && digits == 0, "unbound parameter: varchar(%lu)", (unsigned long)size);
    CHECK_RC(SQLDescribeParam(st, 3, &type, &size, &digits, &nullable), SQL_ERROR, "SQLDescribeParam 3");
    CHECK_STATE(SQL_HANDLE_STMT, st, "07009", "parameter 3 of 2");
    /* an interval parameter: column size 15 with 3 fractional digits is a leading precision of 2 */
    char ivtext[32] = "99 23:59:59.999";
    SQLLEN ivlen = SQL_NTS;
    CHECK_RC(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_INTERVAL_DAY_TO_SECOND, 15, 3, ivtext, 0, &ivlen),
             SQL_SUCCESS, "bind an interval");
    CHECK_RC(SQLDescribeParam(st, 1, &type, &size, &digits, &nullable), SQL_SUCCESS, "SQLDescribeParam interval");
    CHECK(type == SQL_INTERVAL_DAY_TO_SECOND && size == 15 && digits == 3, "interval parameter: type %d size %lu "
          "digits %d", type, (unsigned long)size, digits);
    got[0] = '\0';
    if (SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS a", SQL_NTS)) && SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, NULL);
    CHECK_STR(got, "99 23:59:59.999", "the largest DAY(2) TO SECOND(3) value");
    SQLCloseCursor(st);
    strcpy(ivtext, "100 00:00:00");
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS a", SQL_NTS), SQL_ERROR, "100 days in DAY(2)");
    CHECK_STATE(SQL_HANDLE_STMT, st, "22015", "leading field overflow");
    strcpy(ivtext, "1 00:00:00.0001");
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS a", SQL_NTS), SQL_ERROR, "4 digits in SECOND(3)");
    CHECK_STATE(SQL_HANDLE_STMT, st, "22015", "fraction overflow");
    strcpy(ivtext, "1 day");
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS a", SQL_NTS), SQL_ERROR, "not an interval");
    CHECK_STATE(SQL_HANDLE_STMT, st, "22018", "bad interval text");
    CHECK_RC(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_INTERVAL_DAY_TO_SECOND, 9, 0, ivtext, 0, &ivlen),
             SQL_ERROR, "column size 9 leaves no digit for the days");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY104", "interval column size too small");
    /* a negative interval struct, compared in a WHERE clause (an ExecutionParameter) */
    SQL_INTERVAL_STRUCT iv = {SQL_IS_HOUR_TO_MINUTE, SQL_TRUE, {.day_second = {0, 26, 3, 0, 0}}};
    SQLLEN ivs = 0;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_INTERVAL_HOUR_TO_MINUTE, SQL_INTERVAL_HOUR_TO_MINUTE, 0, 0, &iv, 0,
                     &ivs);
    got[0] = '\0';
    if (SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)"SELECT count(*) FROM (VALUES 1) AS t(x) "
                                    "WHERE ? = INTERVAL '-1 02:03:00' DAY TO SECOND", SQL_NTS)) &&
        SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, NULL);
    CHECK_STR(got, "1", "-26:03 HOUR TO MINUTE equals -1 02:03:00 DAY TO SECOND");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_reexecute(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLINTEGER v = 0;
    SQLLEN len = 0;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &v, 0, &len);
    CHECK_RC(SQLPrepare(st, (SQLCHAR *)"SELECT ? * 2 AS d", SQL_NTS), SQL_SUCCESS, "prepare");
    for (v = 1; v <= 3; v++) {
        SQLINTEGER got = 0;
        if (SQL_SUCCEEDED(SQLExecute(st)) && SQL_SUCCEEDED(SQLFetch(st)))
            SQLGetData(st, 1, SQL_C_SLONG, &got, 0, NULL);
        CHECK_INT(got, v * 2, "re-execution with a new value");
        SQLCloseCursor(st);
    }
    len = SQL_NULL_DATA;
    char got[16] = "";
    SQLLEN ind = 0;
    if (SQL_SUCCEEDED(SQLExecute(st)) && SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, &ind);
    CHECK_INT(ind, SQL_NULL_DATA, "NULL parameter");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Five sets, the third out of range for tinyint: the others still run. */
static void test_arrays(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLINTEGER vals[5] = {1, 2, 1000, 4, 5};
    SQLLEN lens[5] = {0, 0, 0, 0, 0};
    SQLUSMALLINT status[5] = {9, 9, 9, 9, 9};
    SQLULEN processed = 0;
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)5, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_TINYINT, 0, 0, vals, 0, lens);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS v, x FROM (VALUES 1, 2) AS t(x) ORDER BY x", SQL_NTS);
    CHECK_RC(rc, SQL_SUCCESS_WITH_INFO, "one failing set of five");
    CHECK_INT(processed, 5, "five sets processed");
    CHECK(status[0] == SQL_PARAM_SUCCESS && status[1] == SQL_PARAM_SUCCESS && status[2] == SQL_PARAM_ERROR &&
          status[3] == SQL_PARAM_SUCCESS && status[4] == SQL_PARAM_SUCCESS,
          "statuses %u %u %u %u %u", status[0], status[1], status[2], status[3], status[4]);
    char state[6] = "";
    SQLLEN row = 0;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_SQLSTATE, state, sizeof state, NULL);
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_ROW_NUMBER, &row, 0, NULL);
    CHECK(strcmp(state, "22003") == 0 && row == 3, "the failing set's diagnostic: %s row %ld", state, (long)row);
    /* one result set per set that ran, the first open, SQLMoreResults for the next ones */
    char sets[256] = "";
    SQLRETURN more = SQL_SUCCESS;
    for (int k = 0; k < 6 && more == SQL_SUCCESS; k++) {
        SQLLEN count = 99;
        SQLRowCount(st, &count);
        SQLSMALLINT ncols = 0;
        SQLNumResultCols(st, &ncols);
        char one[64];
        snprintf(one, sizeof one, "%s[%d cols, count %ld]", k ? " | " : "", ncols, (long)count);
        strcat(sets, one);
        while (SQL_SUCCEEDED(SQLFetch(st))) {
            SQLINTEGER v = 0, x = 0;
            SQLGetData(st, 1, SQL_C_SLONG, &v, 0, NULL);
            SQLGetData(st, 2, SQL_C_SLONG, &x, 0, NULL);
            snprintf(one, sizeof one, " %d:%d", (int)v, (int)x);
            strcat(sets, one);
        }
        more = SQLMoreResults(st);
    }
    CHECK_STR(sets, "[2 cols, count -1] 1:1 1:2 | [2 cols, count -1] 2:1 2:2 | [2 cols, count -1] 4:1 4:2 | "
              "[2 cols, count -1] 5:1 5:2", "each set's rows, in order; the failing set has no result set");
    CHECK_RC(more, SQL_NO_DATA, "SQLMoreResults after the last set");
    CHECK_RC(SQLMoreResults(st), SQL_NO_DATA, "and again");
    CHECK_RC(SQLFetch(st), SQL_ERROR, "no cursor after SQL_NO_DATA");
    /* SQLCloseCursor discards the sets not reached */
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS v, x FROM (VALUES 1, 2) AS t(x) ORDER BY x", SQL_NTS),
             SQL_SUCCESS_WITH_INFO, "again");
    CHECK_RC(SQLCloseCursor(st), SQL_SUCCESS, "close after the first set");
    CHECK_RC(SQLMoreResults(st), SQL_NO_DATA, "no pending result set after SQLCloseCursor");
    /* SQL_ATTR_PARAM_OPERATION_PTR: ignored sets do not run */
    SQLUSMALLINT ops[5] = {SQL_PARAM_PROCEED, SQL_PARAM_IGNORE, SQL_PARAM_IGNORE, SQL_PARAM_IGNORE, SQL_PARAM_IGNORE};
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_OPERATION_PTR, ops, 0);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS v", SQL_NTS), SQL_SUCCESS, "ignored sets");
    CHECK(processed == 1 && status[0] == SQL_PARAM_SUCCESS && status[2] == SQL_PARAM_UNUSED, "processed %lu, status %u %u",
          (unsigned long)processed, status[0], status[2]);
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* row-wise binding with a bind offset */
    struct rowv { SQLINTEGER id; SQLLEN id_len; char name[8]; SQLLEN name_len; } rows[4] = {
        {0}, {0}, {10, 0, "ten", SQL_NTS}, {20, 0, "twenty", SQL_NTS}};
    SQLLEN offset = 2 * (SQLLEN)sizeof(struct rowv);
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)2, 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, (SQLPOINTER)sizeof(struct rowv), 0);
    SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_OFFSET_PTR, &offset, 0);
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &rows[0].id, 0, &rows[0].id_len);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 8, 0, rows[0].name, 8, &rows[0].name_len);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT CAST(? AS varchar) || ':' || ? AS v", SQL_NTS), SQL_SUCCESS,
             "row-wise sets");
    char got2[32] = "";
    if (SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 1, SQL_C_CHAR, got2, sizeof got2, NULL);
    CHECK_STR(got2, "10:ten", "row-wise binding with an offset: the first set");
    got2[0] = '\0';
    if (SQL_SUCCEEDED(SQLMoreResults(st)) && SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 1, SQL_C_CHAR, got2, sizeof got2, NULL);
    CHECK_STR(got2, "20:twenty", "row-wise binding with an offset: the second set");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Data at execution: a 3,000-character value in 7 pieces, and a NULL. */
static void test_data_at_exec(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLLEN len1 = SQL_LEN_DATA_AT_EXEC(3000), len2 = SQL_DATA_AT_EXEC;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, 3000, 0, (SQLPOINTER)1, 0, &len1);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, (SQLPOINTER)2, 0, &len2);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS s, ? AS n", SQL_NTS), SQL_NEED_DATA, "SQL_NEED_DATA");
    static char want[3001];
    for (int i = 0; i < 3000; i++)
        want[i] = (char)('a' + i % 26);
    want[1000] = '\'';
    SQLPOINTER token = NULL;
    CHECK_RC(SQLParamData(st, &token), SQL_NEED_DATA, "first parameter asked");
    CHECK(token == (SQLPOINTER)1, "token of parameter 1");
    for (int off = 0; off < 3000; off += 450)
        SQLPutData(st, want + off, off + 450 <= 3000 ? 450 : 3000 - off);
    CHECK_RC(SQLParamData(st, &token), SQL_NEED_DATA, "second parameter asked");
    CHECK(token == (SQLPOINTER)2, "token of parameter 2");
    SQLPutData(st, NULL, SQL_NULL_DATA);
    CHECK_RC(SQLParamData(st, &token), SQL_SUCCESS, "executed");
    static char got[4000];
    SQLLEN ind = 0, ind2 = 0;
    SQLINTEGER n = 0;
    if (SQL_SUCCEEDED(SQLFetch(st))) {
        SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, &ind);
        SQLGetData(st, 2, SQL_C_SLONG, &n, 0, &ind2);
    }
    CHECK(strcmp(got, want) == 0 && ind == 3000, "the value sent in pieces comes back whole (%ld)", (long)ind);
    CHECK_INT(ind2, SQL_NULL_DATA, "NULL sent at execution");
    SQLCloseCursor(st);
    /* SQLCancel ends the sequence; a fixed-size value in two pieces is HY019 */
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS s, ? AS n", SQL_NTS), SQL_NEED_DATA, "SQL_NEED_DATA again");
    CHECK_RC(SQLCancel(st), SQL_SUCCESS, "SQLCancel during data at execution");
    CHECK_RC(SQLParamData(st, &token), SQL_ERROR, "SQLParamData after SQLCancel");
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS s, ? AS n", SQL_NTS), SQL_NEED_DATA, "SQL_NEED_DATA");
    SQLParamData(st, &token);
    SQLPutData(st, "a", 1);
    SQLParamData(st, &token);
    SQLINTEGER seven = 7;
    CHECK_RC(SQLPutData(st, &seven, 0), SQL_SUCCESS, "integer sent at execution");
    CHECK_RC(SQLPutData(st, &seven, 0), SQL_ERROR, "an integer in two pieces");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY019", "non-character data in pieces");
    CHECK_RC(SQLParamData(st, &token), SQL_ERROR, "the error ended the sequence");
    /* again, right */
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS s, ? AS n", SQL_NTS), SQL_NEED_DATA, "SQL_NEED_DATA");
    SQLParamData(st, &token);
    SQLPutData(st, "a", 1);
    SQLParamData(st, &token);
    SQLPutData(st, &seven, 0);
    CHECK_RC(SQLParamData(st, &token), SQL_SUCCESS, "executed with 'a' and 7");
    n = 0;
    if (SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 2, SQL_C_SLONG, &n, 0, NULL);
    CHECK_INT(n, 7, "the integer sent at execution");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Which way the values went: the driver's DEBUG log names the ExecutionParameters it sent. */
static void test_paths(void)
{
    char dir[] = "/tmp/athena-params-XXXXXX";
    SQLHDBC dbc = connect_logging(dir, "");
    if (!dbc)
        return;
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    char v[] = "x";
    SQLLEN len = SQL_NTS;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 0, 0, v, 0, &len);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 1 AS a WHERE ? = 'x'", SQL_NTS), SQL_SUCCESS, "marker in WHERE");
    SQLCloseCursor(st);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT ? AS a", SQL_NTS), SQL_SUCCESS, "marker in the select list");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
    char *log = take_log(dir);
    int with = count_of(log, "with 1 ExecutionParameters"), without = count_of(log, "with 0 ExecutionParameters");
    int tags = count_of(log, "query tag:");
    free(log);
    CHECK(with == 1 && without == 1, "one query with ExecutionParameters, one with the value in the text (%d, %d)",
          with, without);
    CHECK_INT(tags, 0, "QueryTagging is off by default");
}

/* QueryTagging=1: every query carries the tag (the DEBUG log shows it) and still runs,
 * after a trailing line comment and with ExecutionParameters. */
static void test_tagging(void)
{
    char dir[] = "/tmp/athena-tag-XXXXXX";
    SQLHDBC dbc = connect_logging(dir, "QueryTagging=1;QueryTagUser={al*/ice}");
    if (!dbc)
        return;
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLINTEGER got = 0, one = 1;
    SQLLEN len = 0;
    if (SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)"SELECT 1 AS a -- trailing", SQL_NTS)) && SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 1, SQL_C_SLONG, &got, 0, NULL);
    CHECK_INT(got, 1, "a tagged query after a trailing comment");
    SQLCloseCursor(st);
    got = 0;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &one, 0, &len);
    if (SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)"SELECT x FROM (VALUES 1) AS t(x) WHERE x = ?", SQL_NTS)) &&
        SQL_SUCCEEDED(SQLFetch(st)))
        SQLGetData(st, 1, SQL_C_SLONG, &got, 0, NULL);
    CHECK_INT(got, 1, "a tagged query with ExecutionParameters");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
    char *log = take_log(dir);
    int tags = count_of(log, "query tag:");
    /* SHA-256 prefixes of the two statements */
    int t1 = count_of(log, "query tag: athena-odbc user=al__ice query_hash=2288c2c8d3145bc8");
    int t2 = count_of(log, "query tag: athena-odbc user=al__ice query_hash=4cf35cf8a1228e88");
    free(log);
    CHECK(tags == 2 && t1 == 1 && t2 == 1, "each query tagged with the user and its hash (%d, %d, %d)", tags, t1, t2);
}

int main(void)
{
    test_paths();
    test_tagging();
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect");
    if (!dbc)
        return th_done();
    test_markers(dbc);
    test_reexecute(dbc);
    test_arrays(dbc);
    test_data_at_exec(dbc);
    test_corpus(dbc);
    test_matrix(dbc);
    test_disconnect(dbc);
    return th_done();
}

/* odbc_escape.c - ODBC escape sequences through the driver manager against
 * athena-local: every scalar function SQLGetInfo claims, run as
 * SELECT {fn ...} with its exact result text; date/time/interval literals,
 * {oj}, {escape}, CONVERT to each type; {call} refused; SQLNativeSql shows the
 * translation; SQL_ATTR_NOSCAN turns it off; SQLGetInfo reports the masks. */
#include "odbc_util.h"

typedef struct fn_case {
    const char *sql;
    const char *want;
} fn_case;

/* Expected values are Trino's answers (athena-local emulates them), as SQL_C_CHAR text:
 * booleans are "1"/"0" and varbinary is upper-case hex, as ODBC converts them. */
static const fn_case cases[] = {
    /* string */
    {"SELECT {fn ASCII('abc')}", "97"},
    {"SELECT {fn BIT_LENGTH('ab\xc3\xa9')}", "32"},
    {"SELECT {fn CHAR(65)}", "A"},
    {"SELECT {fn CHAR_LENGTH('ab\xc3\xa9')}", "3"},
    {"SELECT {fn CHARACTER_LENGTH('abcd')}", "4"},
    {"SELECT {fn CONCAT('ab', 'cd')}", "abcd"},
    {"SELECT {fn INSERT('abcdef', 2, 3, 'XY')}", "aXYef"},
    {"SELECT {fn INSERT('abc', 1, 0, 'Z')}", "Zabc"},
    {"SELECT {fn LCASE('AbC')}", "abc"},
    {"SELECT {fn LEFT('abcdef', 3)}", "abc"},
    {"SELECT {fn LEFT('ab', 5)}", "ab"},
    {"SELECT {fn LENGTH('abc  ')}", "3"},
    {"SELECT {fn LENGTH('  abc')}", "5"},
    {"SELECT {fn LOCATE('b', 'abcabc')}", "2"},
    {"SELECT {fn LOCATE('z', 'abcabc')}", "0"},
    {"SELECT {fn LOCATE('b', 'abcabc', 3)}", "5"},
    {"SELECT {fn LOCATE('b', 'abcabc', 2)}", "2"},
    {"SELECT {fn LOCATE('z', 'abcabc', 3)}", "0"},
    {"SELECT {fn LTRIM('  ab ')}", "ab "},
    {"SELECT {fn OCTET_LENGTH('ab\xc3\xa9')}", "4"},
    {"SELECT {fn POSITION('c' IN 'abcd')}", "3"},
    {"SELECT {fn REPEAT('ab', 3)}", "ababab"},
    {"SELECT {fn REPEAT('ab', 0)}", ""},
    {"SELECT {fn REPLACE('abcabc', 'b', 'XY')}", "aXYcaXYc"},
    {"SELECT {fn RIGHT('abcdef', 2)}", "ef"},
    {"SELECT {fn RIGHT('ab', 5)}", "ab"},
    {"SELECT {fn RTRIM(' ab  ')}", " ab"},
    {"SELECT {fn CONCAT({fn SPACE(3)}, 'x')}", "   x"},
    {"SELECT {fn SUBSTRING('abcdef', 2, 3)}", "bcd"},
    {"SELECT {fn UCASE('abC')}", "ABC"},
    {"SELECT {fn UCASE({fn LTRIM('  x')})}", "X"},
    /* numeric */
    {"SELECT {fn ABS(-7)}", "7"},
    {"SELECT {fn ACOS(1)}", "0.0"},
    {"SELECT {fn ASIN(0)}", "0.0"},
    {"SELECT {fn ATAN(0)}", "0.0"},
    {"SELECT {fn ATAN2(1, 0)}", "0.0"},
    {"SELECT {fn ATAN2(0, 1)}", "1.5707963267948966"},
    {"SELECT {fn CEILING(1.2E0)}", "2.0"},
    {"SELECT {fn COS(0)}", "1.0"},
    {"SELECT {fn COT(1)}", "0.6420926159343306"},
    {"SELECT {fn DEGREES(0)}", "0.0"},
    {"SELECT {fn EXP(0)}", "1.0"},
    {"SELECT {fn FLOOR(-1.5E0)}", "-2.0"},
    {"SELECT {fn LOG(1)}", "0.0"},
    {"SELECT {fn LOG10(1000)}", "3.0"},
    {"SELECT {fn MOD(7, 3)}", "1"},
    {"SELECT {fn MOD(-7, 3)}", "-1"},
    {"SELECT {fn PI()}", "3.141592653589793"},
    {"SELECT {fn POWER(2, 10)}", "1024.0"},
    {"SELECT {fn RADIANS(180)}", "3.141592653589793"},
    {"SELECT {fn RAND()} < 1", "1"},
    {"SELECT {fn ROUND(2.5E0, 0)}", "3.0"},
    {"SELECT {fn ROUND(1234, -2)}", "1200"},
    {"SELECT {fn SIGN(-3)}", "-1"},
    {"SELECT {fn SIN(0)}", "0.0"},
    {"SELECT {fn SQRT(16)}", "4.0"},
    {"SELECT {fn TAN(0)}", "0.0"},
    {"SELECT {fn TRUNCATE(1.99E0, 1)}", "1.9"},
    /* time and date */
    {"SELECT {fn CURDATE()} = current_date", "1"},
    {"SELECT {fn CURRENT_DATE()} = current_date", "1"},
    {"SELECT {fn DAYNAME({d '2024-01-07'})}", "Sunday"},
    {"SELECT {fn DAYOFMONTH({d '2024-01-07'})}", "7"},
    {"SELECT {fn DAYOFWEEK({d '2024-01-07'})}", "1"},
    {"SELECT {fn DAYOFWEEK({d '2024-01-08'})}", "2"},
    {"SELECT {fn DAYOFWEEK({d '2024-01-13'})}", "7"},
    {"SELECT {fn DAYOFYEAR({d '2024-03-01'})}", "61"},
    {"SELECT {fn EXTRACT(YEAR FROM {d '2024-03-01'})}", "2024"},
    {"SELECT {fn HOUR({ts '2024-03-01 13:14:15'})}", "13"},
    {"SELECT {fn MINUTE({t '13:14:15'})}", "14"},
    {"SELECT {fn MONTH({d '2024-03-01'})}", "3"},
    {"SELECT {fn MONTHNAME({d '2024-03-01'})}", "March"},
    {"SELECT {fn QUARTER({d '2024-08-01'})}", "3"},
    {"SELECT {fn SECOND({ts '2024-03-01 13:14:15.678'})}", "15"},
    {"SELECT {fn WEEK({d '2024-01-08'})}", "2"},
    {"SELECT {fn YEAR({ts '2024-03-01 13:14:15'})}", "2024"},
    {"SELECT {fn TIMESTAMPADD(SQL_TSI_FRAC_SECOND, 5000000, {ts '2024-01-01 00:00:00'})}",
     "2024-01-01 00:00:00.005"},
    {"SELECT {fn TIMESTAMPADD(SQL_TSI_SECOND, 90, {ts '2024-01-01 00:00:00'})}", "2024-01-01 00:01:30.000"},
    {"SELECT {fn TIMESTAMPADD(SQL_TSI_MINUTE, -1, {ts '2024-01-01 00:00:00'})}", "2023-12-31 23:59:00.000"},
    {"SELECT {fn TIMESTAMPADD(SQL_TSI_HOUR, 2, {d '2024-01-01'})}", "2024-01-01 02:00:00.000"},
    {"SELECT {fn TIMESTAMPADD(SQL_TSI_DAY, 1, {d '2024-02-28'})}", "2024-02-29 00:00:00.000"},
    {"SELECT {fn TIMESTAMPADD(SQL_TSI_WEEK, 1, {ts '2024-01-01 10:00:00'})}", "2024-01-08 10:00:00.000"},
    {"SELECT {fn TIMESTAMPADD(SQL_TSI_MONTH, 1, {d '2024-01-31'})}", "2024-02-29 00:00:00.000"},
    {"SELECT {fn TIMESTAMPADD(SQL_TSI_QUARTER, 1, {d '2024-01-15'})}", "2024-04-15 00:00:00.000"},
    {"SELECT {fn TIMESTAMPADD(SQL_TSI_YEAR, 1, {d '2024-02-29'})}", "2025-02-28 00:00:00.000"},
    {"SELECT {fn TIMESTAMPDIFF(SQL_TSI_FRAC_SECOND, {ts '2024-01-01 00:00:00'}, {ts '2024-01-01 00:00:00.25'})}",
     "250000000"},
    {"SELECT {fn TIMESTAMPDIFF(SQL_TSI_SECOND, {ts '2024-01-01 00:00:00'}, {ts '2024-01-01 00:01:30'})}", "90"},
    {"SELECT {fn TIMESTAMPDIFF(SQL_TSI_MINUTE, {ts '2024-01-01 00:00:00'}, {ts '2024-01-01 01:30:00'})}", "90"},
    {"SELECT {fn TIMESTAMPDIFF(SQL_TSI_HOUR, {d '2024-01-01'}, {ts '2024-01-02 03:00:00'})}", "27"},
    {"SELECT {fn TIMESTAMPDIFF(SQL_TSI_DAY, {d '2024-01-01'}, {d '2024-03-01'})}", "60"},
    {"SELECT {fn TIMESTAMPDIFF(SQL_TSI_WEEK, {d '2024-01-01'}, {d '2024-01-16'})}", "2"},
    {"SELECT {fn TIMESTAMPDIFF(SQL_TSI_MONTH, {d '2024-01-15'}, {d '2024-03-14'})}", "1"},
    {"SELECT {fn TIMESTAMPDIFF(SQL_TSI_QUARTER, {d '2024-01-01'}, {d '2024-12-31'})}", "3"},
    {"SELECT {fn TIMESTAMPDIFF(SQL_TSI_YEAR, {d '2020-02-29'}, {d '2024-02-28'})}", "3"},
    /* system */
    {"SELECT {fn DATABASE()}", "sampledb"},
    {"SELECT {fn IFNULL(NULL, 'x')}", "x"},
    {"SELECT {fn IFNULL('y', 'x')}", "y"},
    {"SELECT {fn USER()} IS NOT NULL", "1"},
    /* CONVERT to every target type */
    {"SELECT {fn CONVERT('42', SQL_BIGINT)} + 1", "43"},
    {"SELECT {fn CONVERT('42', SQL_INTEGER)} + 1", "43"},
    {"SELECT {fn CONVERT('42', SQL_SMALLINT)} + 1", "43"},
    {"SELECT {fn CONVERT('42', SQL_TINYINT)} + 1", "43"},
    {"SELECT {fn CONVERT('true', SQL_BIT)}", "1"},
    {"SELECT {fn CONVERT(42, SQL_CHAR)}", "42"},
    {"SELECT {fn CONVERT(42, SQL_VARCHAR)}", "42"},
    {"SELECT {fn CONVERT(42, SQL_LONGVARCHAR)}", "42"},
    {"SELECT {fn CONVERT(42, SQL_WCHAR)}", "42"},
    {"SELECT {fn CONVERT(42, SQL_WVARCHAR)}", "42"},
    {"SELECT {fn CONVERT(42, SQL_WLONGVARCHAR)}", "42"},
    {"SELECT {fn CONVERT('12.5', SQL_DOUBLE)}", "12.5"},
    {"SELECT {fn CONVERT('12.5', SQL_FLOAT)}", "12.5"},
    {"SELECT {fn CONVERT('12.5', SQL_REAL)}", "12.5"},
    {"SELECT {fn CONVERT('12.4', SQL_DECIMAL)}", "12"},
    {"SELECT {fn CONVERT('12.345', SQL_DECIMAL(10, 2))}", "12.35"},
    {"SELECT {fn CONVERT('12.345', SQL_NUMERIC(6, 1))}", "12.3"},
    {"SELECT {fn CONVERT('2024-01-07', SQL_DATE)}", "2024-01-07"},
    {"SELECT {fn CONVERT('2024-01-07', SQL_TYPE_DATE)}", "2024-01-07"},
    {"SELECT {fn CONVERT({ts '2024-01-07 10:11:12'}, SQL_TIME)}", "10:11:12.000"},
    {"SELECT {fn CONVERT({ts '2024-01-07 10:11:12'}, SQL_TYPE_TIME)}", "10:11:12.000"},
    {"SELECT {fn CONVERT({d '2024-01-07'}, SQL_TIMESTAMP)}", "2024-01-07 00:00:00.000"},
    {"SELECT {fn CONVERT('2024-01-07 01:02:03', SQL_TYPE_TIMESTAMP)}", "2024-01-07 01:02:03.000"},
    {"SELECT {fn CONVERT('abc', SQL_VARBINARY)}", "616263"},
    {"SELECT {fn CONVERT('abc', SQL_BINARY)}", "616263"},
    {"SELECT {fn CONVERT('abc', SQL_LONGVARBINARY)}", "616263"},
    {"SELECT {fn CONVERT('6f9619ff-8b86-d011-b42d-00c04fc964ff', SQL_GUID)}",
     "6f9619ff-8b86-d011-b42d-00c04fc964ff"},
    /* literals and the other escapes */
    {"SELECT {d '2017-01-02'}", "2017-01-02"},
    {"SELECT {t '01:02:03.456'}", "01:02:03.456"},
    {"SELECT {ts '2017-01-02 01:02:03.456'}", "2017-01-02 01:02:03.456"},
    {"SELECT {d '2017-01-02'} + {INTERVAL '3' MONTH}", "2017-04-02"},
    {"SELECT {ts '2017-01-02 00:00:00.000'} - {INTERVAL '1' DAY}", "2017-01-01 00:00:00.000"},
    {"SELECT {INTERVAL '1-2' YEAR TO MONTH}", "1-2"},
    {"SELECT {INTERVAL -'2' DAY}", "-2 00:00:00.000"},
    {"SELECT {guid '6F9619FF-8B86-D011-B42D-00C04FC964FF'}", "6f9619ff-8b86-d011-b42d-00c04fc964ff"},
    {"SELECT 'a_c' LIKE 'a!_c' {escape '!'}", "1"},
    {"SELECT 'abc' LIKE 'a!_c' {escape '!'}", "0"},
    {"SELECT count(*) FROM {oj (VALUES 1, 2) a(x) LEFT OUTER JOIN (VALUES 1) b(y) ON a.x = b.y}", "2"},
    {"SELECT '{fn UCASE(x)}' || '{d}' -- {fn NOSUCH()}\n", "{fn UCASE(x)}{d}"},
    {"SELECT json_extract_scalar('{\"a\": {\"b\": 7}}', '$.a.b')", "7"},
};

static void test_functions(SQLHDBC dbc)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = test_scalar(dbc, cases[i].sql);
        CHECK(strcmp(got, cases[i].want) == 0, "%s: got \"%s\", want \"%s\"", cases[i].sql, got, cases[i].want);
    }
}

/* Does text have the shape of pattern (9 = a digit, anything else itself)? */
static int shaped(const char *text, const char *pattern)
{
    for (; *pattern; pattern++, text++) {
        if (*pattern == '9' ? !(*text >= '0' && *text <= '9') : *text != *pattern)
            return 0;
    }
    return *text == '\0';
}

/* The current-time functions: a local time or timestamp (no time zone), as
 * ODBC's CURTIME/NOW return, with Athena's millisecond text. */
static void test_current(SQLHDBC dbc)
{
    static const struct {
        const char *sql;
        SQLSMALLINT type;
        const char *shape;
    } now[] = {
        {"SELECT {fn CURTIME()}", SQL_TYPE_TIME, "99:99:99.999"},
        {"SELECT {fn CURRENT_TIME()}", SQL_TYPE_TIME, "99:99:99.999"},
        {"SELECT {fn CURRENT_TIME(3)}", SQL_TYPE_TIME, "99:99:99.999"},
        {"SELECT {fn NOW()}", SQL_TYPE_TIMESTAMP, "9999-99-99 99:99:99.999"},
        {"SELECT {fn CURRENT_TIMESTAMP()}", SQL_TYPE_TIMESTAMP, "9999-99-99 99:99:99.999"},
        {"SELECT {fn CURRENT_TIMESTAMP(3)}", SQL_TYPE_TIMESTAMP, "9999-99-99 99:99:99.999"},
        {"SELECT {fn CURDATE()}", SQL_TYPE_DATE, "9999-99-99"},
        {"SELECT {fn CURRENT_DATE()}", SQL_TYPE_DATE, "9999-99-99"},
    };
    for (size_t i = 0; i < sizeof now / sizeof now[0]; i++) {
        SQLRETURN rc;
        SQLHSTMT st = test_exec(dbc, now[i].sql, &rc);
        CHECK_RC(rc, SQL_SUCCESS, now[i].sql);
        SQLSMALLINT type = 0;
        SQLDescribeCol(st, 1, NULL, 0, NULL, &type, NULL, NULL, NULL);
        CHECK_INT(type, now[i].type, now[i].sql);
        char buf[64] = "";
        SQLLEN ind = 0;
        CHECK_RC(SQLFetch(st), SQL_SUCCESS, now[i].sql);
        SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
        CHECK(shaped(buf, now[i].shape), "%s: \"%s\" has the shape %s", now[i].sql, buf, now[i].shape);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

static void expect_error(SQLHDBC dbc, const char *sql, const char *state, const char *msg_part)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    char got[6], msg[2048];
    first_diag(SQL_HANDLE_STMT, st, got, msg, sizeof msg);
    CHECK_RC(rc, SQL_ERROR, sql);
    CHECK(strcmp(got, state) == 0, "%s: SQLSTATE %s, want %s", sql, got, state);
    CHECK(strstr(msg, msg_part) != NULL, "%s: message has \"%s\": %s", sql, msg_part, msg);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_errors(SQLHDBC dbc)
{
    expect_error(dbc, "{call my_proc(1)}", "42000",
                 "Athena has no stored procedures: the {call ...} escape at position 1 cannot be executed");
    expect_error(dbc, "{?= call my_proc(?)}", "42000",
                 "Athena has no stored procedures: the {?= call ...} escape at position 1 cannot be executed");
    expect_error(dbc, "SELECT {fn NOSUCH(1)}", "42000",
                 "Unknown scalar function 'NOSUCH' in a {fn} escape (escape sequence at position 8)");
    expect_error(dbc, "SELECT {fn UCASE('a')", "42000",
                 "Unterminated escape sequence: the '{' at position 8 has no matching '}'");
    expect_error(dbc, "SELECT {fn LEFT('a')}", "42000",
                 "Scalar function LEFT takes 2 arguments, not 1 (escape sequence at position 8)");

    /* SQLPrepare translates too, and reports the error there */
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLPrepare(st, (SQLCHAR *)"SELECT {x}", SQL_NTS), SQL_ERROR, "SQLPrepare of a bad escape");
    CHECK_STATE(SQL_HANDLE_STMT, st, "42000", "SQLPrepare bad escape state");
    CHECK_RC(SQLPrepare(st, (SQLCHAR *)"SELECT {fn UCASE('ab')}", SQL_NTS), SQL_SUCCESS, "SQLPrepare of an escape");
    CHECK_RC(SQLExecute(st), SQL_SUCCESS, "SQLExecute of the prepared escape");
    char buf[32] = "";
    SQLLEN ind = 0;
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch the prepared escape");
    SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    CHECK_STR(buf, "AB", "prepared escape result");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_native_sql(SQLHDBC dbc)
{
    char out[512];
    SQLINTEGER len = -1;
    const char *in = "SELECT {fn UCASE({fn LTRIM(x)})}, {d '2017-01-02'} FROM t -- {d}";
    const char *want = "SELECT upper(trim(LEADING ' ' FROM x)), DATE '2017-01-02' FROM t -- {d}";
    SQLRETURN rc = SQLNativeSql(dbc, (SQLCHAR *)in, SQL_NTS, (SQLCHAR *)out, sizeof out, &len);
    CHECK_RC(rc, SQL_SUCCESS, "SQLNativeSql");
    CHECK_STR(out, want, "SQLNativeSql shows the translation");
    CHECK_INT(len, (long long)strlen(want), "SQLNativeSql length");

    rc = SQLNativeSql(dbc, (SQLCHAR *)"SELECT {fn NOSUCH()}", SQL_NTS, (SQLCHAR *)out, sizeof out, &len);
    CHECK_RC(rc, SQL_ERROR, "SQLNativeSql of a bad escape");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "42000", "SQLNativeSql bad escape state");

    rc = SQLNativeSql(dbc, (SQLCHAR *)"{call p}", SQL_NTS, (SQLCHAR *)out, sizeof out, &len);
    CHECK_RC(rc, SQL_ERROR, "SQLNativeSql of {call}");
}

static void test_noscan(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_NOSCAN, (SQLPOINTER)SQL_NOSCAN_ON, 0), SQL_SUCCESS, "SQL_NOSCAN_ON");
    /* sent as it is: Athena does not know the escape */
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT {fn UCASE('ab')}", SQL_NTS);
    CHECK_RC(rc, SQL_ERROR, "with NOSCAN the escape reaches Athena untranslated");
    char state[6], msg[1024];
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK(strstr(msg, "Athena has no") == NULL && strstr(msg, "escape sequence at") == NULL,
          "the error is Athena's, not the translator's: %s", msg);
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 'x{y}'", SQL_NTS), SQL_SUCCESS, "NOSCAN plain statement");
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_NOSCAN, (SQLPOINTER)SQL_NOSCAN_OFF, 0), SQL_SUCCESS, "SQL_NOSCAN_OFF");
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT {fn UCASE('ab')}", SQL_NTS), SQL_SUCCESS,
             "scanning again after NOSCAN_OFF");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_getinfo(SQLHDBC dbc)
{
    static const struct {
        SQLUSMALLINT type;
        SQLUINTEGER want;
        const char *what;
    } infos[] = {
        {SQL_STRING_FUNCTIONS,
         SQL_FN_STR_ASCII | SQL_FN_STR_BIT_LENGTH | SQL_FN_STR_CHAR | SQL_FN_STR_CHAR_LENGTH |
             SQL_FN_STR_CHARACTER_LENGTH | SQL_FN_STR_CONCAT | SQL_FN_STR_INSERT | SQL_FN_STR_LCASE |
             SQL_FN_STR_LEFT | SQL_FN_STR_LENGTH | SQL_FN_STR_LOCATE | SQL_FN_STR_LOCATE_2 | SQL_FN_STR_LTRIM |
             SQL_FN_STR_OCTET_LENGTH | SQL_FN_STR_POSITION | SQL_FN_STR_REPEAT | SQL_FN_STR_REPLACE |
             SQL_FN_STR_RIGHT | SQL_FN_STR_RTRIM | SQL_FN_STR_SPACE | SQL_FN_STR_SUBSTRING | SQL_FN_STR_UCASE,
         "SQL_STRING_FUNCTIONS"},
        {SQL_NUMERIC_FUNCTIONS,
         SQL_FN_NUM_ABS | SQL_FN_NUM_ACOS | SQL_FN_NUM_ASIN | SQL_FN_NUM_ATAN | SQL_FN_NUM_ATAN2 |
             SQL_FN_NUM_CEILING | SQL_FN_NUM_COS | SQL_FN_NUM_COT | SQL_FN_NUM_EXP | SQL_FN_NUM_FLOOR |
             SQL_FN_NUM_LOG | SQL_FN_NUM_MOD | SQL_FN_NUM_SIGN | SQL_FN_NUM_SIN | SQL_FN_NUM_SQRT | SQL_FN_NUM_TAN |
             SQL_FN_NUM_PI | SQL_FN_NUM_RAND | SQL_FN_NUM_DEGREES | SQL_FN_NUM_LOG10 | SQL_FN_NUM_POWER |
             SQL_FN_NUM_RADIANS | SQL_FN_NUM_ROUND | SQL_FN_NUM_TRUNCATE,
         "SQL_NUMERIC_FUNCTIONS"},
        {SQL_TIMEDATE_FUNCTIONS,
         SQL_FN_TD_NOW | SQL_FN_TD_CURDATE | SQL_FN_TD_DAYOFMONTH | SQL_FN_TD_DAYOFWEEK | SQL_FN_TD_DAYOFYEAR |
             SQL_FN_TD_MONTH | SQL_FN_TD_QUARTER | SQL_FN_TD_WEEK | SQL_FN_TD_YEAR | SQL_FN_TD_CURTIME |
             SQL_FN_TD_HOUR | SQL_FN_TD_MINUTE | SQL_FN_TD_SECOND | SQL_FN_TD_TIMESTAMPADD |
             SQL_FN_TD_TIMESTAMPDIFF | SQL_FN_TD_DAYNAME | SQL_FN_TD_MONTHNAME | SQL_FN_TD_CURRENT_DATE |
             SQL_FN_TD_CURRENT_TIME | SQL_FN_TD_CURRENT_TIMESTAMP | SQL_FN_TD_EXTRACT,
         "SQL_TIMEDATE_FUNCTIONS"},
        {SQL_SYSTEM_FUNCTIONS, SQL_FN_SYS_DBNAME | SQL_FN_SYS_IFNULL | SQL_FN_SYS_USERNAME, "SQL_SYSTEM_FUNCTIONS"},
        {SQL_CONVERT_FUNCTIONS, SQL_FN_CVT_CAST | SQL_FN_CVT_CONVERT, "SQL_CONVERT_FUNCTIONS"},
        {SQL_TIMEDATE_ADD_INTERVALS,
         SQL_FN_TSI_FRAC_SECOND | SQL_FN_TSI_SECOND | SQL_FN_TSI_MINUTE | SQL_FN_TSI_HOUR | SQL_FN_TSI_DAY |
             SQL_FN_TSI_WEEK | SQL_FN_TSI_MONTH | SQL_FN_TSI_QUARTER | SQL_FN_TSI_YEAR,
         "SQL_TIMEDATE_ADD_INTERVALS"},
        {SQL_TIMEDATE_DIFF_INTERVALS,
         SQL_FN_TSI_FRAC_SECOND | SQL_FN_TSI_SECOND | SQL_FN_TSI_MINUTE | SQL_FN_TSI_HOUR | SQL_FN_TSI_DAY |
             SQL_FN_TSI_WEEK | SQL_FN_TSI_MONTH | SQL_FN_TSI_QUARTER | SQL_FN_TSI_YEAR,
         "SQL_TIMEDATE_DIFF_INTERVALS"},
        {SQL_CONVERT_CHAR,
         SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR | SQL_CVT_WCHAR | SQL_CVT_WVARCHAR |
             SQL_CVT_WLONGVARCHAR,
         "SQL_CONVERT_CHAR"},
        {SQL_CONVERT_DATE,
         SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR | SQL_CVT_WCHAR | SQL_CVT_WVARCHAR |
             SQL_CVT_WLONGVARCHAR | SQL_CVT_DATE | SQL_CVT_TIMESTAMP,
         "SQL_CONVERT_DATE"},
        {SQL_CONVERT_LONGVARCHAR, 0, "SQL_CONVERT_LONGVARCHAR"},
    };
    for (size_t i = 0; i < sizeof infos / sizeof infos[0]; i++) {
        SQLUINTEGER v = 0xdeadbeef;
        SQLSMALLINT len = 0;
        SQLRETURN rc = SQLGetInfo(dbc, infos[i].type, &v, sizeof v, &len);
        CHECK_RC(rc, SQL_SUCCESS, infos[i].what);
        CHECK_INT(v, infos[i].want, infos[i].what);
    }
}

int main(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != SQL_NULL_HDBC, "connect");
    if (!dbc)
        return th_done();
    test_functions(dbc);
    test_current(dbc);
    test_errors(dbc);
    test_native_sql(dbc);
    test_noscan(dbc);
    test_getinfo(dbc);
    test_disconnect(dbc);
    return th_done();
}

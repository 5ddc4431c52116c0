/* test_param_scan.c - the parameter marker scanner (markers outside string
 * literals, quoted identifiers and comments; which ones sit in a WHERE
 * clause; the first keyword) and the literals values become. */
#include <string.h>

#include "harness.h"
#include "param_interval.h"
#include "param_literal.h"
#include "param_scan.h"

static size_t count(const char *sql) { return param_count_markers(sql, strlen(sql)); }

/* The literal, or the SQLSTATE; c_prec and leading are the interval
 * precisions (of the C struct's fraction, of the parameter's leading field). */
static const char *lit_iv(SQLSMALLINT ctype, const void *data, size_t len, SQLSMALLINT c_prec, SQLSMALLINT sql_type,
                          SQLULEN size, SQLSMALLINT prec, SQLSMALLINT scale, SQLSMALLINT leading)
{
    static char out[256];
    strbuf sb = STRBUF_INIT;
    param_value v = {ctype, data, len, false, c_prec};
    param_target t = {sql_type, size, prec, scale, leading};
    param_error err;
    if (param_literal(&v, &t, &sb, &err) != 0)
        snprintf(out, sizeof out, "%s", sqlstate_get(err.state)->state);
    else
        snprintf(out, sizeof out, "%s", sb_str(&sb));
    sb_free(&sb);
    return out;
}

static const char *lit(SQLSMALLINT ctype, const void *data, size_t len, SQLSMALLINT sql_type, SQLULEN size,
                       SQLSMALLINT prec, SQLSMALLINT scale)
{
    return lit_iv(ctype, data, len, 0, sql_type, size, prec, scale, 0);
}

#define TEXT(s) SQL_C_CHAR, (s), strlen(s)

int main(void)
{
    CHECK_INT(count("SELECT 1"), 0, "no marker");
    CHECK_INT(count("SELECT ?, ?"), 2, "two markers");
    CHECK_INT(count("SELECT '?', 'it''s ?', \"?\", \"a\"\"?\", `?` FROM t"), 0, "quoted ? are not markers");
    CHECK_INT(count("SELECT 1 -- ?\n, ? /* ? */"), 1, "comments");
    CHECK_INT(count("SELECT '?"), 0, "an unterminated literal runs to the end");
    CHECK_INT(count("SELECT /* ? "), 0, "an unterminated comment runs to the end");
    CHECK_INT(count("SELECT ? -- ?"), 1, "a trailing line comment");
    CHECK_INT(count("SELECT ?/*?*/?"), 2, "markers around a comment");
    CHECK_INT(count("SELECT 1 - -? "), 1, "minus signs are not a comment");
    CHECK_INT(param_count_markers("?\0?", 3), 2, "explicit length");

    param_scan_result r;
    const char *sql = "  select a, ? FROM t WHERE x = ? AND y IN (SELECT ? FROM u) GROUP BY ? HAVING ? "
                      "ORDER BY (SELECT 1 WHERE ?)";
    CHECK_INT(param_scan(sql, strlen(sql), &r), 0, "scan");
    CHECK_INT(r.count, 6, "six markers");
    CHECK_STR(r.first_word, "SELECT", "first keyword, upper case");
    CHECK(r.count == 6 && !r.markers[0].in_where && r.markers[1].in_where && r.markers[2].in_where &&
          !r.markers[3].in_where && !r.markers[4].in_where && r.markers[5].in_where,
          "WHERE clauses: the select list no, WHERE yes, a subquery in WHERE yes, GROUP BY/HAVING no, "
          "a WHERE inside ORDER BY yes");
    CHECK(r.count == 6 && sql[r.markers[0].pos] == '?' && r.markers[0].pos == 12, "positions");
    param_scan_free(&r);
    CHECK_INT(param_scan("-- c\n/* d */ WITH x AS (SELECT 1) SELECT ?", 43, &r), 0, "scan 2");
    CHECK_STR(r.first_word, "WITH", "first keyword after comments");
    param_scan_free(&r);

    /* literals */
    CHECK_STR(lit(TEXT("it's"), SQL_VARCHAR, 0, 0, 0), "CAST('it''s' AS varchar)", "quotes doubled");
    CHECK_STR(lit(TEXT("a\\'b"), SQL_VARCHAR, 0, 0, 0), "CAST('a\\''b' AS varchar)", "backslashes kept as they are");
    CHECK_STR(lit(TEXT("?"), SQL_VARCHAR, 0, 0, 0), "CAST('?' AS varchar)", "a ? value");
    CHECK_STR(lit(SQL_C_CHAR, "a\0b", 3, SQL_VARCHAR, 0, 0, 0), "22018", "a NUL is refused");
    CHECK_STR(lit(TEXT("\xff"), SQL_VARCHAR, 0, 0, 0), "22018", "invalid UTF-8 is refused");
    CHECK_STR(lit(TEXT("abcd"), SQL_VARCHAR, 3, 0, 0), "22001", "longer than the column size");
    CHECK_STR(lit(TEXT("\xc3\xa9\xc3\xa9\xc3\xa9"), SQL_VARCHAR, 3, 0, 0), "CAST('\xc3\xa9\xc3\xa9\xc3\xa9' AS varchar)",
              "the column size counts characters");
    CHECK_STR(lit(TEXT(" 1.2e2 "), SQL_INTEGER, 0, 0, 0), "CAST(120 AS integer)", "exponent");
    CHECK_STR(lit(TEXT("12.5"), SQL_INTEGER, 0, 0, 0), "22001", "fraction into an integer");
    CHECK_STR(lit(TEXT("abc"), SQL_INTEGER, 0, 0, 0), "22018", "not a number");
    CHECK_STR(lit(TEXT("128"), SQL_TINYINT, 0, 0, 0), "22003", "tinyint range");
    CHECK_STR(lit(TEXT("-9223372036854775808"), SQL_BIGINT, 0, 0, 0), "CAST(-9223372036854775807 - 1 AS bigint)",
              "the smallest bigint");
    CHECK_STR(lit(TEXT("9223372036854775808"), SQL_BIGINT, 0, 0, 0), "22003", "bigint range");
    CHECK_STR(lit(TEXT("-000.0100"), SQL_DECIMAL, 0, 0, 0), "DECIMAL '-0.01'", "decimal normalised");
    CHECK_STR(lit(TEXT("1.5"), SQL_DECIMAL, 5, 5, 2), "CAST(DECIMAL '1.5' AS decimal(5,2))", "decimal(5,2)");
    CHECK_STR(lit(TEXT("1234"), SQL_DECIMAL, 5, 5, 2), "22003", "too many whole digits");
    CHECK_STR(lit(TEXT("0.125"), SQL_DECIMAL, 5, 5, 2), "22001", "too many fractional digits");
    CHECK_STR(lit(TEXT("0.1"), SQL_DOUBLE, 0, 0, 0), "CAST(0.1e0 AS double)", "double");
    CHECK_STR(lit(TEXT("1e999"), SQL_DOUBLE, 0, 0, 0), "22003", "double overflow");
    CHECK_STR(lit(TEXT("1"), SQL_BIT, 0, 0, 0), "true", "bit");
    CHECK_STR(lit(TEXT("2"), SQL_BIT, 0, 0, 0), "22003", "bit 2");
    CHECK_STR(lit(TEXT("2024-02-30"), SQL_TYPE_DATE, 0, 0, 0), "22008", "no 30 February");
    CHECK_STR(lit(TEXT("2024-2-3"), SQL_TYPE_DATE, 0, 0, 0), "22018", "date format");
    CHECK_STR(lit(TEXT("2024-02-29 01:02:03.5"), SQL_TYPE_TIMESTAMP, 0, 0, 0), "TIMESTAMP '2024-02-29 01:02:03.500'",
              "timestamp, milliseconds");
    CHECK_STR(lit(TEXT("2024-02-29 01:02:03.0001"), SQL_TYPE_TIMESTAMP, 0, 0, 0), "22008",
              "a fraction finer than milliseconds without the precision asked");
    CHECK_STR(lit(TEXT("2024-02-29 01:02:03.0001"), SQL_TYPE_TIMESTAMP, 0, 6, 0),
              "TIMESTAMP '2024-02-29 01:02:03.000100'", "timestamp(6)");
    CHECK_STR(lit(TEXT("0aFf"), SQL_VARBINARY, 0, 0, 0), "X'0AFF'", "hex text to varbinary");
    CHECK_STR(lit(SQL_C_BINARY, "\x00\x01", 2, SQL_VARBINARY, 0, 0, 0), "X'0001'", "bytes to varbinary");
    CHECK_STR(lit(SQL_C_BINARY, "", 0, SQL_VARBINARY, 0, 0, 0), "X''", "no bytes");
    SQLDOUBLE d = 1.0 / 0.0;
    CHECK_STR(lit(SQL_C_DOUBLE, &d, 0, SQL_DOUBLE, 0, 0, 0), "CAST(infinity() AS double)", "infinity");
    SQL_DATE_STRUCT ds = {2023, 2, 29};
    CHECK_STR(lit(SQL_C_TYPE_DATE, &ds, 0, SQL_TYPE_DATE, 0, 0, 0), "22008", "29 February 2023");

    /* intervals: struct or text, checked against the parameter's fields */
    SQL_INTERVAL_STRUCT iv;
    memset(&iv, 0, sizeof iv);
    iv.interval_type = SQL_IS_YEAR_TO_MONTH;
    iv.intval.year_month.year = 1, iv.intval.year_month.month = 2;
#define IV(ct, st, lead, sp) lit_iv((ct), &iv, 0, 6, (st), 0, (sp), 0, (lead))
    CHECK_STR(IV(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_YEAR_TO_MONTH, 0, 0),
              "INTERVAL '1-2' YEAR TO MONTH", "year to month");
    CHECK_STR(IV(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_MONTH, 0, 0), "INTERVAL '1-2' YEAR TO MONTH",
              "14 months as a MONTH parameter");
    CHECK_STR(IV(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_YEAR, 0, 0), "22015", "2 months cut by YEAR");
    CHECK_STR(IV(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_MONTH, 1, 0), "22015", "14 > one leading digit");
    CHECK_STR(IV(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_DAY, 0, 0), "07006", "year-month to day-time");
    CHECK_STR(IV(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_VARCHAR, 0, 0), "CAST('1-2' AS varchar)", "to varchar");
    iv.intval.year_month.month = 12;
    CHECK_STR(IV(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_INTERVAL_YEAR_TO_MONTH, 0, 0), "22015", "month 12");
    memset(&iv, 0, sizeof iv);
    iv.interval_type = SQL_IS_DAY_TO_SECOND;
    iv.interval_sign = SQL_TRUE;
    iv.intval.day_second.day = 3, iv.intval.day_second.hour = 4, iv.intval.day_second.minute = 5;
    iv.intval.day_second.second = 6, iv.intval.day_second.fraction = 789000;
    CHECK_STR(IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND, 0, 3),
              "INTERVAL -'3 04:05:06.789' DAY TO SECOND", "negative day to second");
    CHECK_STR(IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND, 0, 2), "22015",
              "3 fractional digits into a seconds precision of 2");
    CHECK_STR(IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_MINUTE, 0, 0), "22015", "seconds cut");
    CHECK_STR(IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_VARCHAR, 0, 0), "CAST('-3 04:05:06.789' AS varchar)",
              "day to second as text");
    CHECK_STR(IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_YEAR, 0, 0), "07006", "day-time to year-month");
    iv.intval.day_second.fraction = 789001;
    CHECK_STR(IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_DAY_TO_SECOND, 0, 6), "22015",
              "microseconds: Athena counts milliseconds");
    iv.intval.day_second.fraction = 0, iv.intval.day_second.second = 0, iv.intval.day_second.minute = 0;
    CHECK_STR(IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_HOUR, 1, 0), "22015", "76 hours > 1 leading digit");
    CHECK_STR(IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTERVAL_HOUR, 3, 0), "INTERVAL -'3 04:00:00' DAY TO SECOND",
              "76 hours");
    iv.interval_sign = SQL_FALSE;
    iv.intval.day_second.hour = 0;
    CHECK_STR(IV(SQL_C_INTERVAL_DAY, SQL_INTEGER, 0, 0), "CAST(3 AS integer)", "one field to an integer");
    CHECK_STR(IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_INTEGER, 0, 0), "07006", "several fields to an integer");
    iv.intval.day_second.minute = 60;
    CHECK_STR(IV(SQL_C_INTERVAL_HOUR_TO_MINUTE, SQL_INTERVAL_HOUR_TO_MINUTE, 0, 0), "22015", "minute 60");
#define IVT(text, st, lead, sp) lit_iv(TEXT(text), 0, (st), 0, (sp), 0, (lead))
    CHECK_STR(IVT(" -1-11 ", SQL_INTERVAL_YEAR_TO_MONTH, 0, 0), "INTERVAL -'1-11' YEAR TO MONTH", "text y-m");
    CHECK_STR(IVT("1-12", SQL_INTERVAL_YEAR_TO_MONTH, 0, 0), "22015", "text month 12");
    CHECK_STR(IVT("1 2", SQL_INTERVAL_YEAR_TO_MONTH, 0, 0), "22018", "not y-m text");
    CHECK_STR(IVT("100", SQL_INTERVAL_DAY, 0, 0), "INTERVAL '100 00:00:00' DAY TO SECOND", "text days");
    CHECK_STR(IVT("100", SQL_INTERVAL_DAY, 2, 0), "22015", "100 days > 2 leading digits");
    CHECK_STR(IVT("+26:03", SQL_INTERVAL_HOUR_TO_MINUTE, 0, 0), "INTERVAL '1 02:03:00' DAY TO SECOND",
              "text hour to minute");
    CHECK_STR(IVT("90.25", SQL_INTERVAL_SECOND, 0, 3), "INTERVAL '0 00:01:30.250' DAY TO SECOND", "text seconds");
    CHECK_STR(IVT("1 02:03:04.5", SQL_INTERVAL_DAY_TO_SECOND, 0, 1), "INTERVAL '1 02:03:04.500' DAY TO SECOND",
              "text day to second");
    CHECK_STR(IVT("1 02:03", SQL_INTERVAL_DAY_TO_SECOND, 0, 0), "22018", "a field missing");
    CHECK_STR(IVT("1 24:00:00", SQL_INTERVAL_DAY_TO_SECOND, 0, 0), "22015", "hour 24");
    CHECK_STR(IVT("5'; DROP", SQL_INTERVAL_DAY, 0, 0), "22018", "text that is not an interval");
    CHECK_STR(IVT("9999999999999", SQL_INTERVAL_DAY, 0, 0), "22018", "too many digits");
    CHECK_INT(param_interval_leading(SQL_INTERVAL_DAY_TO_SECOND, 15, 3), 2, "column size 15 with 3 digits: p=2");
    CHECK_INT(param_interval_leading(SQL_INTERVAL_YEAR_TO_MONTH, 3, 0), -1, "column size too small");
    return th_done();
}

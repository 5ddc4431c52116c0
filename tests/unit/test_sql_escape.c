/* test_sql_escape.c - ODBC escape sequences -> Athena SQL: the exact text of
 * every escape and every scalar function, nesting, literals and comments left
 * alone, every error with its message, and the SQLGetInfo bitmasks. */
#include <sql.h>
#include <sqlext.h>

#include "harness.h"
#include "sql_escape.h"

/* in translates to want. */
static void ok(const char *in, const char *want)
{
    strbuf out = STRBUF_INIT;
    athena_error err;
    ae_clear(&err);
    int rc = sql_translate(in, strlen(in), &out, &err);
    const char *got = rc == 0 ? sb_str(&out) : err.message;
    th_report(rc == 0 && strcmp(got, want) == 0, __FILE__, __LINE__, "%s -> got %s\"%s\", want \"%s\"", in,
              rc == 0 ? "" : "error ", got, want);
    sb_free(&out);
}

/* in fails with AE_SYNTAX and exactly this message; out is left as it was. */
static void bad(const char *in, const char *msg)
{
    strbuf out = STRBUF_INIT;
    sb_appends(&out, "kept");
    athena_error err;
    ae_clear(&err);
    int rc = sql_translate(in, strlen(in), &out, &err);
    th_report(rc == -1 && err.code == AE_SYNTAX && strcmp(err.message, msg) == 0, __FILE__, __LINE__,
              "%s -> rc %d code %d \"%s\", want \"%s\"", in, rc, (int)err.code, err.message, msg);
    th_report(strcmp(sb_str(&out), "kept") == 0 && out.len == 4, __FILE__, __LINE__,
              "%s: output untouched after the error: \"%s\"", in, sb_str(&out));
    sb_free(&out);
}

static void test_literals(void)
{
    ok("{d '2017-01-02'}", "DATE '2017-01-02'");
    ok("{D'2017-01-02'}", "DATE '2017-01-02'");
    ok("{ d\t'2017-1-2'\n}", "DATE '2017-1-2'");
    ok("{t '01:02:03'}", "TIME '01:02:03'");
    ok("{T '01:02:03.456'}", "TIME '01:02:03.456'");
    ok("{ts '2017-01-02 01:02:03.456'}", "TIMESTAMP '2017-01-02 01:02:03.456'");
    ok("{Ts '2017-01-02 01:02:03'}", "TIMESTAMP '2017-01-02 01:02:03'");
    ok("SELECT * FROM t WHERE d > {d '2017-01-02'} AND ts < {ts '2017-01-02 00:00:00'}",
       "SELECT * FROM t WHERE d > DATE '2017-01-02' AND ts < TIMESTAMP '2017-01-02 00:00:00'");
    ok("{guid '6F9619FF-8B86-D011-B42D-00C04FC964FF'}", "UUID '6F9619FF-8B86-D011-B42D-00C04FC964FF'");
    ok("SELECT 1 WHERE 'a_' LIKE 'x\\_%' {escape '\\'}", "SELECT 1 WHERE 'a_' LIKE 'x\\_%' ESCAPE '\\'");
    ok("x LIKE '!%' {ESCAPE '!'}", "x LIKE '!%' ESCAPE '!'");
    ok("{INTERVAL '3' MONTH}", "INTERVAL '3' MONTH");
    ok("{interval -'3' day}", "INTERVAL -'3' DAY");
    ok("{INTERVAL + '1' HOUR}", "INTERVAL '1' HOUR");
    ok("{INTERVAL '163-11' YEAR(3) TO MONTH}", "INTERVAL '163-11' YEAR TO MONTH");
    ok("{INTERVAL '1 02:03:04.5' DAY TO SECOND(2)}", "INTERVAL '1 02:03:04.5' DAY TO SECOND");
    ok("{INTERVAL '10:20' hour to minute}", "INTERVAL '10:20' HOUR TO MINUTE");
    ok("{INTERVAL '1.5' SECOND(2, 1)}", "INTERVAL '1.5' SECOND");
}

static void test_oj(void)
{
    ok("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.x = b.x}", "SELECT * FROM a LEFT OUTER JOIN b ON a.x = b.x");
    ok("SELECT * FROM {OJ   a RIGHT OUTER JOIN b ON (a.x = b.x)  } WHERE 1 = 1",
       "SELECT * FROM a RIGHT OUTER JOIN b ON (a.x = b.x) WHERE 1 = 1");
    ok("SELECT * FROM {oj a LEFT OUTER JOIN {oj b LEFT OUTER JOIN c ON b.y = c.y} ON a.x = b.x}",
       "SELECT * FROM a LEFT OUTER JOIN b LEFT OUTER JOIN c ON b.y = c.y ON a.x = b.x");
    ok("FROM {oj a FULL OUTER JOIN b ON {fn UCASE(a.x)} = b.x AND b.d = {d '2020-02-29'}}",
       "FROM a FULL OUTER JOIN b ON upper(a.x) = b.x AND b.d = DATE '2020-02-29'");
    ok("FROM {oj a LEFT OUTER JOIN b ON a.x = '}' -- }\n}", "FROM a LEFT OUTER JOIN b ON a.x = '}' -- }\n");
}

/* Every scalar function the driver claims, with its exact translation. */
static void test_functions(void)
{
    static const char *const cases[][2] = {
        /* string */
        {"{fn ASCII('a')}", "codepoint(CAST('a' AS varchar(1)))"},
        {"{fn BIT_LENGTH('ab')}", "(length(to_utf8('ab')) * 8)"},
        {"{fn CHAR(65)}", "chr(65)"},
        {"{fn CHAR_LENGTH(s)}", "length(s)"},
        {"{fn CHARACTER_LENGTH(s)}", "length(s)"},
        {"{fn CONCAT('a', 'b')}", "concat('a', 'b')"},
        {"{fn INSERT('abcdef', 2, 3, 'XY')}",
         "concat(substr('abcdef', 1, (2) - 1), 'XY', substr('abcdef', (2) + (3)))"},
        {"{fn LCASE(s)}", "lower(s)"},
        {"{fn LEFT(s, 3)}", "substr(s, 1, 3)"},
        {"{fn LENGTH(s)}", "length(trim(TRAILING ' ' FROM s))"},
        {"{fn LOCATE('b', s)}", "strpos(s, 'b')"},
        {"{fn LOCATE('b', s, 3)}",
         "CASE WHEN strpos(substr(s, 3), 'b') > 0 THEN strpos(substr(s, 3), 'b') + (3) - 1 ELSE 0 END"},
        {"{fn LTRIM(s)}", "trim(LEADING ' ' FROM s)"},
        {"{fn OCTET_LENGTH(s)}", "length(to_utf8(s))"},
        {"{fn POSITION('b' IN s)}", "position('b' IN s)"},
        {"{fn REPEAT('ab', 3)}", "replace(lpad('', 3, '*'), '*', 'ab')"},
        {"{fn REPLACE(s, 'a', 'b')}", "replace(s, 'a', 'b')"},
        {"{fn RIGHT(s, 2)}", "reverse(substr(reverse(s), 1, 2))"},
        {"{fn RTRIM(s)}", "trim(TRAILING ' ' FROM s)"},
        {"{fn SPACE(3)}", "lpad('', 3, ' ')"},
        {"{fn SUBSTRING(s, 2, 3)}", "substr(s, 2, 3)"},
        {"{fn SUBSTRING(s, 2)}", "substr(s, 2)"},
        {"{fn SUBSTRING(s FROM 2 FOR 3)}", "substring(s FROM 2 FOR 3)"},
        {"{fn UCASE(s)}", "upper(s)"},
        /* numeric */
        {"{fn ABS(-1)}", "abs(-1)"},
        {"{fn ACOS(1)}", "acos(1)"},
        {"{fn ASIN(1)}", "asin(1)"},
        {"{fn ATAN(1)}", "atan(1)"},
        {"{fn ATAN2(0.75, 0.5)}", "atan2(0.5, 0.75)"},
        {"{fn CEILING(1.2)}", "ceiling(1.2)"},
        {"{fn COS(0)}", "cos(0)"},
        {"{fn COT(1)}", "(1 / tan(1))"},
        {"{fn DEGREES(1)}", "degrees(1)"},
        {"{fn EXP(1)}", "exp(1)"},
        {"{fn FLOOR(1.5)}", "floor(1.5)"},
        {"{fn LOG(10)}", "ln(10)"},
        {"{fn LOG10(100)}", "log10(100)"},
        {"{fn MOD(7, 3)}", "mod(7, 3)"},
        {"{fn PI()}", "pi()"},
        {"{fn PI}", "pi()"},
        {"{fn POWER(2, 10)}", "power(2, 10)"},
        {"{fn RADIANS(180)}", "radians(180)"},
        {"{fn RAND()}", "rand()"},
        {"{fn ROUND(2.5, 0)}", "round(2.5, 0)"},
        {"{fn SIGN(-3)}", "sign(-3)"},
        {"{fn SIN(0)}", "sin(0)"},
        {"{fn SQRT(16)}", "sqrt(16)"},
        {"{fn TAN(0)}", "tan(0)"},
        {"{fn TRUNCATE(1.99, 1)}", "truncate(1.99, 1)"},
        /* time and date */
        {"{fn CURDATE()}", "current_date"},
        {"{fn CURRENT_DATE()}", "current_date"},
        {"{fn CURRENT_DATE}", "current_date"},
        {"{fn CURTIME()}", "localtime"},
        {"{fn CURRENT_TIME()}", "localtime"},
        {"{fn CURRENT_TIME(3)}", "localtime(3)"},
        {"{fn CURRENT_TIMESTAMP()}", "localtimestamp"},
        {"{fn CURRENT_TIMESTAMP(3)}", "localtimestamp(3)"},
        {"{fn NOW()}", "localtimestamp"},
        {"{fn DAYNAME(d)}", "date_format(d, '%W')"},
        {"{fn DAYOFMONTH(d)}", "day_of_month(d)"},
        {"{fn DAYOFWEEK(d)}", "(day_of_week(d) % 7 + 1)"},
        {"{fn DAYOFYEAR(d)}", "day_of_year(d)"},
        {"{fn EXTRACT(YEAR FROM d)}", "extract(YEAR FROM d)"},
        {"{fn HOUR(t)}", "hour(t)"},
        {"{fn MINUTE(t)}", "minute(t)"},
        {"{fn MONTH(d)}", "month(d)"},
        {"{fn MONTHNAME(d)}", "date_format(d, '%M')"},
        {"{fn QUARTER(d)}", "quarter(d)"},
        {"{fn SECOND(t)}", "second(t)"},
        {"{fn WEEK(d)}", "week(d)"},
        {"{fn YEAR(d)}", "year(d)"},
        /* system */
        {"{fn DATABASE()}", "current_schema"},
        {"{fn IFNULL(a, 0)}", "coalesce(a, 0)"},
        {"{fn USER()}", "current_user"},
        {"{fn USER}", "current_user"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ok(cases[i][0], cases[i][1]);
}

static void test_timestampadd(void)
{
    static const char *const units[][2] = {
        {"SECOND", "second"}, {"MINUTE", "minute"},   {"HOUR", "hour"},
        {"DAY", "day"},       {"WEEK", "week"},       {"MONTH", "month"},
        {"QUARTER", "quarter"}, {"YEAR", "year"},
    };
    char in[256], want[256];
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        snprintf(in, sizeof in, "{fn TIMESTAMPADD(SQL_TSI_%s, 2, ts)}", units[i][0]);
        snprintf(want, sizeof want, "date_add('%s', 2, CAST(ts AS timestamp))", units[i][1]);
        ok(in, want);
        snprintf(in, sizeof in, "{fn TIMESTAMPDIFF(SQL_TSI_%s, a, b)}", units[i][0]);
        snprintf(want, sizeof want, "date_diff('%s', CAST(a AS timestamp), CAST(b AS timestamp))", units[i][1]);
        ok(in, want);
    }
    ok("{fn TIMESTAMPADD(SQL_TSI_FRAC_SECOND, 5000000, ts)}",
       "date_add('millisecond', (5000000) / 1000000, CAST(ts AS timestamp))");
    ok("{fn TIMESTAMPDIFF(SQL_TSI_FRAC_SECOND, a, b)}",
       "(date_diff('millisecond', CAST(a AS timestamp), CAST(b AS timestamp)) * 1000000)");
    /* case and the bare interval name */
    ok("{fn timestampadd(sql_tsi_day, 1, {d '2024-01-01'})}",
       "date_add('day', 1, CAST(DATE '2024-01-01' AS timestamp))");
    ok("{fn TIMESTAMPDIFF(MONTH, a, b)}", "date_diff('month', CAST(a AS timestamp), CAST(b AS timestamp))");
}

static void test_convert(void)
{
    static const char *const types[][2] = {
        {"SQL_BIGINT", "bigint"},       {"SQL_BINARY", "varbinary"},     {"SQL_BIT", "boolean"},
        {"SQL_CHAR", "varchar"},        {"SQL_DATE", "date"},            {"SQL_DECIMAL", "decimal"},
        {"SQL_DOUBLE", "double"},       {"SQL_FLOAT", "double"},         {"SQL_GUID", "uuid"},
        {"SQL_INTEGER", "integer"},     {"SQL_LONGVARBINARY", "varbinary"}, {"SQL_LONGVARCHAR", "varchar"},
        {"SQL_NUMERIC", "decimal"},     {"SQL_REAL", "real"},            {"SQL_SMALLINT", "smallint"},
        {"SQL_TIME", "time"},           {"SQL_TIMESTAMP", "timestamp"},  {"SQL_TINYINT", "tinyint"},
        {"SQL_TYPE_DATE", "date"},      {"SQL_TYPE_TIME", "time"},       {"SQL_TYPE_TIMESTAMP", "timestamp"},
        {"SQL_VARBINARY", "varbinary"}, {"SQL_VARCHAR", "varchar"},      {"SQL_WCHAR", "varchar"},
        {"SQL_WLONGVARCHAR", "varchar"}, {"SQL_WVARCHAR", "varchar"},
    };
    char in[128], want[128];
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        snprintf(in, sizeof in, "{fn CONVERT(x, %s)}", types[i][0]);
        snprintf(want, sizeof want, "CAST(x AS %s)", types[i][1]);
        ok(in, want);
    }
    ok("{fn convert( {fn UCASE(x)} , sql_varchar )}", "CAST(upper(x) AS varchar)");
    ok("{fn CONVERT('12.345', SQL_DECIMAL(10, 2))}", "CAST('12.345' AS decimal(10,2))");
    ok("{fn CONVERT(x, SQL_NUMERIC(5))}", "CAST(x AS decimal(5))");
    ok("{fn CONVERT(x, INTEGER)}", "CAST(x AS integer)");
}

static void test_nesting_and_spacing(void)
{
    ok("SELECT {fn UCASE({fn LTRIM(x)})} FROM t", "SELECT upper(trim(LEADING ' ' FROM x)) FROM t");
    ok("{fn CONCAT({fn LEFT({fn UCASE(a)}, 2)}, {fn RIGHT(b, {fn LENGTH(c)})})}",
       "concat(substr(upper(a), 1, 2), reverse(substr(reverse(b), 1, length(trim(TRAILING ' ' FROM c)))))");
    ok("SELECT {fn DAYOFWEEK({d '2024-01-07'})}", "SELECT (day_of_week(DATE '2024-01-07') % 7 + 1)");
    ok("{fn IFNULL({fn CONVERT(x, SQL_INTEGER)}, (SELECT max(n) FROM t WHERE k IN (1, 2)))}",
       "coalesce(CAST(x AS integer), (SELECT max(n) FROM t WHERE k IN (1, 2)))");
    ok("{fn CONCAT(ARRAY[1, 2][1], 'x')}", "concat(ARRAY[1, 2][1], 'x')");
    ok("{fn CONCAT(a, transform(arr, x -> x + 1)[1])}", "concat(a, transform(arr, x -> x + 1)[1])");
    ok("{FN ucase(x)}", "upper(x)");
    ok("{ \t fn \n Ucase \t ( \n x \n ) \r\n }", "upper(x)");
    ok("SELECT{fn PI()}FROM t", "SELECT pi()FROM t");
    ok("SELECT{fn PI()}", "SELECT pi()");
    ok("SELECT x{d '2017-01-02'}", "SELECT x DATE '2017-01-02'");
    ok("SELECT {fn CURDATE()}x", "SELECT current_date x");
    ok("x={d '2017-01-02'}", "x=DATE '2017-01-02'");
    ok("{d '2017-01-02'}{d '2017-01-03'}", "DATE '2017-01-02'DATE '2017-01-03'");
}

static void test_untouched(void)
{
    const char *same[] = {
        "SELECT '{fn UCASE(x)}', '{d ''2017-01-02''}', \"{oj}\", \"a\"\"{\" FROM t",
        "SELECT 1 -- {call p}\n, 2 /* {fn X( */, 3",
        "SELECT json_extract('{\"a\": {\"b\": [1, 2]}}', '$.a')",
        "SELECT `{fn x}` FROM t",
        "SELECT * FROM t MATCH_RECOGNIZE (ORDER BY x PATTERN (A{2,3} B{,2} {- C -} D{3}) DEFINE A AS true)",
        "SELECT x -> x + 1, MAP(ARRAY['a'], ARRAY[1]), ROW(1, 'x')",
        "SELECT 'unterminated {fn",
        "SELECT \"unterminated {d",
        "SELECT 1 /* unterminated {d",
        "SELECT '}' }",
        "SELECT '\xc3\xa9 \xe2\x82\xac' -- \xff\xfe",
        "",
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        ok(same[i], same[i]);

    ok("SELECT {fn CONCAT('a}b', 'c,d')}", "SELECT concat('a}b', 'c,d')");
    ok("{fn UCASE(x /* ) , } */)}", "upper(x /* ) , } */)");
    ok("{fn UCASE(x -- ),}\n)}", "upper(x -- ),}\n)");
    ok("{fn CONCAT(a -- first\n, b)}", "concat(a -- first\n, b)");
    ok("{fn UCASE(\"a,b\")}", "upper(\"a,b\")");
    ok("{fn UCASE('it''s, {d}')}", "upper('it''s, {d}')");

    /* byte for byte, including a NUL and bytes after it */
    const char raw[] = "SELECT 'a\0b' {";
    strbuf out = STRBUF_INIT;
    athena_error err;
    ae_clear(&err);
    CHECK_INT(sql_translate(raw, 12, &out, &err), 0, "text with a NUL and no escape");
    CHECK_INT(out.len, 12, "all 12 bytes copied");
    CHECK_MEM(out.data, raw, 12, "the same 12 bytes");
    sb_reset(&out);
    CHECK_INT(sql_translate(NULL, 0, &out, &err), 0, "NULL text of length 0");
    CHECK_STR(sb_str(&out), "", "nothing appended");
    /* appends */
    sb_appends(&out, "pre ");
    CHECK_INT(sql_translate("{d '2017-01-02'}", 16, &out, &err), 0, "appending translation");
    CHECK_STR(sb_str(&out), "pre DATE '2017-01-02'", "appended after what out held");
    sb_free(&out);
    /* only len bytes are read */
    out = (strbuf)STRBUF_INIT;
    CHECK_INT(sql_translate("{fn PI()} trailing", 9, &out, &err), 0, "length-limited text");
    CHECK_STR(sb_str(&out), "pi()", "only the first 9 bytes");
    sb_free(&out);
}

static void test_parameters(void)
{
    ok("SELECT {fn UCASE(?)} WHERE x = ?", "SELECT upper(?) WHERE x = ?");
    ok("{fn LOCATE(?, 'abc')}", "strpos('abc', ?)");
    ok("{fn INSERT('abc', 1, 2, ?)}", "concat(substr('abc', 1, (1) - 1), ?, substr('abc', (1) + (2)))");
    ok("{fn TIMESTAMPADD(SQL_TSI_DAY, ?, ?)}", "date_add('day', ?, CAST(? AS timestamp))");
    ok("{fn LOCATE('?', 'a?c', 2)}",
       "CASE WHEN strpos(substr('a?c', 2), '?') > 0 THEN strpos(substr('a?c', 2), '?') + (2) - 1 ELSE 0 END");
    bad("{fn INSERT(?, 1, 2, 'x')}",
        "Scalar function INSERT repeats its argument 1 in Athena SQL, so that argument cannot hold a parameter "
        "marker (escape sequence at position 1)");
    bad("SELECT {fn LOCATE('b', 'abcb', ?)}",
        "Scalar function LOCATE repeats its argument 3 in Athena SQL, so that argument cannot hold a parameter "
        "marker (escape sequence at position 8)");
    bad("{fn LOCATE({fn UCASE(?)}, 'abcb', 1)}",
        "Scalar function LOCATE repeats its argument 1 in Athena SQL, so that argument cannot hold a parameter "
        "marker (escape sequence at position 1)");
}

static void test_errors(void)
{
    const char *unterm = "Unterminated escape sequence: the '{' at position 8 has no matching '}'";
    bad("SELECT {fn UCASE(x)", unterm);
    bad("SELECT {fn UCASE(x) ", unterm);
    bad("SELECT {fn UCASE", unterm);
    bad("SELECT {fn ", unterm);
    bad("SELECT {d '2017-01-02'", unterm);
    bad("SELECT {d '2017-01-02", unterm);
    bad("SELECT {oj a LEFT OUTER JOIN b ON a.x = b.x", unterm);
    bad("SELECT {oj a LEFT OUTER JOIN b ON a.x = '}'", unterm);
    bad("SELECT {INTERVAL '3'", unterm);
    bad("SELECT { ", unterm);
    bad("{", "Unterminated escape sequence: the '{' at position 1 has no matching '}'");
    bad("SELECT {}", "Empty escape sequence '{}' (escape sequence at position 8)");
    bad("SELECT { }", "Empty escape sequence '{}' (escape sequence at position 8)");
    bad("SELECT {x 1}", "Unknown escape sequence '{x' (escape sequence at position 8)");
    bad("SELECT {vendor(Microsoft), product(ODBC) fn PI()}",
        "Unknown escape sequence '{vendor' (escape sequence at position 8)");
    bad("{fn NOSUCH(1)}", "Unknown scalar function 'NOSUCH' in a {fn} escape (escape sequence at position 1)");
    bad("{fn soundex('a')}", "Unknown scalar function 'soundex' in a {fn} escape (escape sequence at position 1)");
    bad("{fn DIFFERENCE('a', 'b')}",
        "Unknown scalar function 'DIFFERENCE' in a {fn} escape (escape sequence at position 1)");
    bad("{fn LEFT('a')}", "Scalar function LEFT takes 2 arguments, not 1 (escape sequence at position 1)");
    bad("{fn UCASE()}", "Scalar function UCASE takes 1 argument, not 0 (escape sequence at position 1)");
    bad("{fn UCASE(a, b)}", "Scalar function UCASE takes 1 argument, not 2 (escape sequence at position 1)");
    bad("{fn LOCATE('a')}", "Scalar function LOCATE takes 2 or 3 arguments, not 1 (escape sequence at position 1)");
    bad("{fn SUBSTRING(a, 1, 2, 3)}",
        "Scalar function SUBSTRING takes 1, 2 or 3 arguments, not 4 (escape sequence at position 1)");
    bad("{fn PI(1)}", "Scalar function PI takes 0 arguments, not 1 (escape sequence at position 1)");
    bad("{fn CONCAT('a', )}", "Scalar function CONCAT has an empty argument 2 (escape sequence at position 1)");
    bad("{fn CONCAT(, 'a')}", "Scalar function CONCAT has an empty argument 1 (escape sequence at position 1)");
    bad("{fn UCASE}", "Malformed {fn UCASE} escape: expected '(' after the function name (escape sequence at "
                      "position 1)");
    bad("{fn UCASE x}", "Malformed {fn UCASE} escape: expected '(' after the function name (escape sequence at "
                        "position 1)");
    bad("{fn UCASE(x}", "Malformed {fn UCASE} escape: missing ')' (escape sequence at position 1)");
    bad("{fn}", "Malformed {fn} escape: no function name (escape sequence at position 1)");
    bad("{fn UCASE(x) y}", "Malformed {fn UCASE} escape: expected '}' at its end (escape sequence at position 1)");
    bad("{fn RAND(1)}", "RAND with a seed is not supported: Athena's rand() cannot be seeded (escape sequence at "
                        "position 1)");
    bad("{fn CONVERT(x, SQL_NOSUCH)}", "CONVERT to unknown type 'SQL_NOSUCH' (escape sequence at position 1)");
    bad("{fn CONVERT(x, SQL_INTEGER(3))}",
        "CONVERT to unknown type 'SQL_INTEGER(3)' (escape sequence at position 1)");
    bad("{fn CONVERT(x, SQL_DECIMAL(10, 2, 1))}",
        "CONVERT to unknown type 'SQL_DECIMAL(10, 2, 1)' (escape sequence at position 1)");
    bad("{fn CONVERT(x, SQL_INTERVAL_DAY)}",
        "CONVERT to SQL_INTERVAL_DAY is not supported: Athena cannot cast to an interval (escape sequence at "
        "position 1)");
    bad("{fn CONVERT(x, 'varchar')}", "CONVERT expects an SQL type such as SQL_VARCHAR as its second argument, "
                                      "not ''varchar'' (escape sequence at position 1)");
    bad("{fn TIMESTAMPADD(SQL_TSI_CENTURY, 1, x)}",
        "TIMESTAMPADD expects an interval such as SQL_TSI_DAY as its first argument, not 'SQL_TSI_CENTURY' "
        "(escape sequence at position 1)");
    bad("{fn TIMESTAMPDIFF(SQL_TSI_DAY + 1, a, b)}",
        "TIMESTAMPDIFF expects an interval such as SQL_TSI_DAY as its first argument, not 'SQL_TSI_DAY + 1' "
        "(escape sequence at position 1)");
    bad("{d '2017-1-2x'}", "Malformed {d} escape: expected 'yyyy-mm-dd' (escape sequence at position 1)");
    bad("{d 2017}", "Malformed {d} escape: expected 'yyyy-mm-dd' (escape sequence at position 1)");
    bad("{d '2017-01-02' x}", "Malformed {d} escape: expected '}' at its end (escape sequence at position 1)");
    bad("{ts '2017-01-02'}",
        "Malformed {ts} escape: expected 'yyyy-mm-dd hh:mm:ss[.f]' (escape sequence at position 1)");
    bad("{t '25'}", "Malformed {t} escape: expected 'hh:mm:ss[.f]' (escape sequence at position 1)");
    bad("{guid '6F9619FF-8B86-D011-B42D'}",
        "Malformed {guid} escape: expected 'nnnnnnnn-nnnn-nnnn-nnnn-nnnnnnnnnnnn' (escape sequence at position 1)");
    bad("{escape ''}", "Malformed {escape} escape: expected one character in quotes (escape sequence at position 1)");
    bad("{INTERVAL '3' FORTNIGHT}", "Malformed {INTERVAL} escape: expected YEAR, MONTH, DAY, HOUR, MINUTE or SECOND "
                                   "(escape sequence at position 1)");
    bad("{INTERVAL '3' MONTH TO DAY}",
        "Malformed {INTERVAL} escape: MONTH TO DAY is not an interval qualifier (escape sequence at position 1)");
    bad("{INTERVAL '3' SECOND TO MINUTE}",
        "Malformed {INTERVAL} escape: SECOND TO MINUTE is not an interval qualifier (escape sequence at position 1)");
    bad("{INTERVAL 3 DAY}", "Malformed {INTERVAL} escape: expected the value in quotes (escape sequence at position 1)");
    bad("{INTERVAL '3' DAY(x)}", "Malformed {INTERVAL} escape: bad precision after DAY (escape sequence at position 1)");
    bad("{oj }", "Malformed {oj} escape: no join in it (escape sequence at position 1)");

    /* stored procedures */
    bad("{call p(1)}", "Athena has no stored procedures: the {call ...} escape at position 1 cannot be executed");
    bad("SELECT 1; {CALL p}",
        "Athena has no stored procedures: the {call ...} escape at position 11 cannot be executed");
    bad("{?= call p(?)}",
        "Athena has no stored procedures: the {?= call ...} escape at position 1 cannot be executed");
    bad("{ ? = CALL p}",
        "Athena has no stored procedures: the {?= call ...} escape at position 1 cannot be executed");
    bad("{?x}", "Malformed escape sequence: '{?' must begin '{?= call' (escape sequence at position 1)");

    /* positions count characters, and name the escape that is wrong */
    bad("SELECT '\xc3\xa9', {x}", "Unknown escape sequence '{x' (escape sequence at position 13)");
    bad("{fn UCASE({fn NOSUCH(x)})}",
        "Unknown scalar function 'NOSUCH' in a {fn} escape (escape sequence at position 11)");
    bad("SELECT {d '2017-01-02'}, {fn LEFT(x)}",
        "Scalar function LEFT takes 2 arguments, not 1 (escape sequence at position 26)");

    /* nesting has a limit instead of exhausting the stack */
    char deep[2000] = "";
    for (int i = 0; i < 100; i++)
        strcat(deep, "{fn UCASE(");
    strcat(deep, "x");
    for (int i = 0; i < 100; i++)
        strcat(deep, ")}");
    strbuf out = STRBUF_INIT;
    athena_error err;
    ae_clear(&err);
    CHECK_INT(sql_translate(deep, strlen(deep), &out, &err), -1, "100 nested escapes are refused");
    CHECK_STR(err.message, "Escape sequences nested too deeply (escape sequence at position 641)",
              "the nesting error names the 65th escape");
    sb_free(&out);
    char fine[1000] = "";
    char want[1000] = "";
    for (int i = 0; i < 60; i++) {
        strcat(fine, "{fn UCASE(");
        strcat(want, "upper(");
    }
    strcat(fine, "x");
    strcat(want, "x");
    for (int i = 0; i < 60; i++) {
        strcat(fine, ")}");
        strcat(want, ")");
    }
    ok(fine, want);
}

static void test_info(void)
{
    unsigned int m = 0;
    CHECK(sql_escape_info(SQL_STRING_FUNCTIONS, &m), "SQL_STRING_FUNCTIONS known");
    CHECK_INT(m, SQL_FN_STR_ASCII | SQL_FN_STR_BIT_LENGTH | SQL_FN_STR_CHAR | SQL_FN_STR_CHAR_LENGTH |
                     SQL_FN_STR_CHARACTER_LENGTH | SQL_FN_STR_CONCAT | SQL_FN_STR_INSERT | SQL_FN_STR_LCASE |
                     SQL_FN_STR_LEFT | SQL_FN_STR_LENGTH | SQL_FN_STR_LOCATE | SQL_FN_STR_LOCATE_2 |
                     SQL_FN_STR_LTRIM | SQL_FN_STR_OCTET_LENGTH | SQL_FN_STR_POSITION | SQL_FN_STR_REPEAT |
                     SQL_FN_STR_REPLACE | SQL_FN_STR_RIGHT | SQL_FN_STR_RTRIM | SQL_FN_STR_SPACE |
                     SQL_FN_STR_SUBSTRING | SQL_FN_STR_UCASE,
              "string functions: all but SOUNDEX and DIFFERENCE");
    CHECK((m & (SQL_FN_STR_SOUNDEX | SQL_FN_STR_DIFFERENCE)) == 0, "SOUNDEX and DIFFERENCE not claimed");
    CHECK(sql_escape_info(SQL_NUMERIC_FUNCTIONS, &m), "SQL_NUMERIC_FUNCTIONS known");
    CHECK_INT(m, SQL_FN_NUM_ABS | SQL_FN_NUM_ACOS | SQL_FN_NUM_ASIN | SQL_FN_NUM_ATAN | SQL_FN_NUM_ATAN2 |
                     SQL_FN_NUM_CEILING | SQL_FN_NUM_COS | SQL_FN_NUM_COT | SQL_FN_NUM_EXP | SQL_FN_NUM_FLOOR |
                     SQL_FN_NUM_LOG | SQL_FN_NUM_MOD | SQL_FN_NUM_SIGN | SQL_FN_NUM_SIN | SQL_FN_NUM_SQRT |
                     SQL_FN_NUM_TAN | SQL_FN_NUM_PI | SQL_FN_NUM_RAND | SQL_FN_NUM_DEGREES | SQL_FN_NUM_LOG10 |
                     SQL_FN_NUM_POWER | SQL_FN_NUM_RADIANS | SQL_FN_NUM_ROUND | SQL_FN_NUM_TRUNCATE,
              "all numeric functions");
    CHECK(sql_escape_info(SQL_TIMEDATE_FUNCTIONS, &m), "SQL_TIMEDATE_FUNCTIONS known");
    CHECK_INT(m, SQL_FN_TD_NOW | SQL_FN_TD_CURDATE | SQL_FN_TD_DAYOFMONTH | SQL_FN_TD_DAYOFWEEK |
                     SQL_FN_TD_DAYOFYEAR | SQL_FN_TD_MONTH | SQL_FN_TD_QUARTER | SQL_FN_TD_WEEK | SQL_FN_TD_YEAR |
                     SQL_FN_TD_CURTIME | SQL_FN_TD_HOUR | SQL_FN_TD_MINUTE | SQL_FN_TD_SECOND |
                     SQL_FN_TD_TIMESTAMPADD | SQL_FN_TD_TIMESTAMPDIFF | SQL_FN_TD_DAYNAME | SQL_FN_TD_MONTHNAME |
                     SQL_FN_TD_CURRENT_DATE | SQL_FN_TD_CURRENT_TIME | SQL_FN_TD_CURRENT_TIMESTAMP |
                     SQL_FN_TD_EXTRACT,
              "all time and date functions");
    CHECK(sql_escape_info(SQL_SYSTEM_FUNCTIONS, &m), "SQL_SYSTEM_FUNCTIONS known");
    CHECK_INT(m, SQL_FN_SYS_DBNAME | SQL_FN_SYS_IFNULL | SQL_FN_SYS_USERNAME, "system functions");
    CHECK(sql_escape_info(SQL_CONVERT_FUNCTIONS, &m), "SQL_CONVERT_FUNCTIONS known");
    CHECK_INT(m, SQL_FN_CVT_CAST | SQL_FN_CVT_CONVERT, "CAST and CONVERT");
    const unsigned int all_tsi = SQL_FN_TSI_FRAC_SECOND | SQL_FN_TSI_SECOND | SQL_FN_TSI_MINUTE | SQL_FN_TSI_HOUR |
                                 SQL_FN_TSI_DAY | SQL_FN_TSI_WEEK | SQL_FN_TSI_MONTH | SQL_FN_TSI_QUARTER |
                                 SQL_FN_TSI_YEAR;
    CHECK(sql_escape_info(SQL_TIMEDATE_ADD_INTERVALS, &m), "SQL_TIMEDATE_ADD_INTERVALS known");
    CHECK_INT(m, all_tsi, "every TIMESTAMPADD interval");
    CHECK(sql_escape_info(SQL_TIMEDATE_DIFF_INTERVALS, &m), "SQL_TIMEDATE_DIFF_INTERVALS known");
    CHECK_INT(m, all_tsi, "every TIMESTAMPDIFF interval");

    const unsigned int strs = SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR | SQL_CVT_WCHAR |
                              SQL_CVT_WVARCHAR | SQL_CVT_WLONGVARCHAR;
    const unsigned int nums = SQL_CVT_BIT | SQL_CVT_TINYINT | SQL_CVT_SMALLINT | SQL_CVT_INTEGER | SQL_CVT_BIGINT |
                              SQL_CVT_REAL | SQL_CVT_FLOAT | SQL_CVT_DOUBLE | SQL_CVT_DECIMAL | SQL_CVT_NUMERIC;
    const unsigned int bins = SQL_CVT_BINARY | SQL_CVT_VARBINARY | SQL_CVT_LONGVARBINARY;
    static const unsigned short numeric_types[] = {SQL_CONVERT_BIT, SQL_CONVERT_TINYINT, SQL_CONVERT_SMALLINT,
                                                   SQL_CONVERT_INTEGER, SQL_CONVERT_BIGINT, SQL_CONVERT_REAL,
                                                   SQL_CONVERT_DOUBLE, SQL_CONVERT_DECIMAL};
    for (size_t i = 0; i < sizeof numeric_types / sizeof numeric_types[0]; i++) {
        m = 0;
        CHECK(sql_escape_info(numeric_types[i], &m), "SQL_CONVERT_ numeric type %u known", numeric_types[i]);
        CHECK_INT(m, nums | strs, "a number converts to numbers and strings");
    }
    CHECK(sql_escape_info(SQL_CONVERT_VARCHAR, &m), "SQL_CONVERT_VARCHAR");
    CHECK_INT(m, nums | strs | bins | SQL_CVT_DATE | SQL_CVT_TIME | SQL_CVT_TIMESTAMP | SQL_CVT_GUID,
              "varchar converts to everything but intervals");
    CHECK(sql_escape_info(SQL_CONVERT_WVARCHAR, &m), "SQL_CONVERT_WVARCHAR");
    CHECK_INT(m, nums | strs | bins | SQL_CVT_DATE | SQL_CVT_TIME | SQL_CVT_TIMESTAMP | SQL_CVT_GUID,
              "wvarchar as varchar");
    CHECK(sql_escape_info(SQL_CONVERT_CHAR, &m), "SQL_CONVERT_CHAR");
    CHECK_INT(m, strs, "char converts to strings");
    CHECK(sql_escape_info(SQL_CONVERT_WCHAR, &m), "SQL_CONVERT_WCHAR");
    CHECK_INT(m, strs, "wchar converts to strings");
    CHECK(sql_escape_info(SQL_CONVERT_VARBINARY, &m), "SQL_CONVERT_VARBINARY");
    CHECK_INT(m, bins, "varbinary converts to binaries");
    CHECK(sql_escape_info(SQL_CONVERT_DATE, &m), "SQL_CONVERT_DATE");
    CHECK_INT(m, strs | SQL_CVT_DATE | SQL_CVT_TIMESTAMP, "date");
    CHECK(sql_escape_info(SQL_CONVERT_TIME, &m), "SQL_CONVERT_TIME");
    CHECK_INT(m, strs | SQL_CVT_TIME | SQL_CVT_TIMESTAMP, "time");
    CHECK(sql_escape_info(SQL_CONVERT_TIMESTAMP, &m), "SQL_CONVERT_TIMESTAMP");
    CHECK_INT(m, strs | SQL_CVT_DATE | SQL_CVT_TIME | SQL_CVT_TIMESTAMP, "timestamp");
    static const unsigned short never[] = {SQL_CONVERT_BINARY, SQL_CONVERT_LONGVARBINARY, SQL_CONVERT_LONGVARCHAR,
                                           SQL_CONVERT_WLONGVARCHAR, SQL_CONVERT_NUMERIC, SQL_CONVERT_FLOAT,
                                           SQL_CONVERT_INTERVAL_DAY_TIME, SQL_CONVERT_INTERVAL_YEAR_MONTH,
                                           SQL_CONVERT_GUID};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
        m = 123;
        CHECK(sql_escape_info(never[i], &m), "SQL_CONVERT_ type %u known", never[i]);
        CHECK_INT(m, 0, "a type the driver never reports converts to nothing");
    }
    m = 77;
    CHECK(!sql_escape_info(SQL_DRIVER_NAME, &m), "other info types are not ours");
    CHECK_INT(m, 77, "mask untouched for other info types");
    CHECK(!sql_escape_info(SQL_AGGREGATE_FUNCTIONS, &m), "SQL_AGGREGATE_FUNCTIONS is not ours");

    /* every CONVERT target a source claims is one CONVERT accepts */
    static const struct {
        unsigned int bit;
        const char *kw;
    } targets[] = {
        {SQL_CVT_CHAR, "SQL_CHAR"}, {SQL_CVT_NUMERIC, "SQL_NUMERIC"}, {SQL_CVT_DECIMAL, "SQL_DECIMAL"},
        {SQL_CVT_INTEGER, "SQL_INTEGER"}, {SQL_CVT_SMALLINT, "SQL_SMALLINT"}, {SQL_CVT_FLOAT, "SQL_FLOAT"},
        {SQL_CVT_REAL, "SQL_REAL"}, {SQL_CVT_DOUBLE, "SQL_DOUBLE"}, {SQL_CVT_VARCHAR, "SQL_VARCHAR"},
        {SQL_CVT_LONGVARCHAR, "SQL_LONGVARCHAR"}, {SQL_CVT_BINARY, "SQL_BINARY"},
        {SQL_CVT_VARBINARY, "SQL_VARBINARY"}, {SQL_CVT_BIT, "SQL_BIT"}, {SQL_CVT_TINYINT, "SQL_TINYINT"},
        {SQL_CVT_BIGINT, "SQL_BIGINT"}, {SQL_CVT_DATE, "SQL_DATE"}, {SQL_CVT_TIME, "SQL_TIME"},
        {SQL_CVT_TIMESTAMP, "SQL_TIMESTAMP"}, {SQL_CVT_LONGVARBINARY, "SQL_LONGVARBINARY"},
        {SQL_CVT_WCHAR, "SQL_WCHAR"}, {SQL_CVT_WLONGVARCHAR, "SQL_WLONGVARCHAR"}, {SQL_CVT_WVARCHAR, "SQL_WVARCHAR"},
        {SQL_CVT_GUID, "SQL_GUID"},
    };
    unsigned int claimed = 0;
    sql_escape_info(SQL_CONVERT_VARCHAR, &claimed);
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        if (!(claimed & targets[i].bit))
            continue;
        char in[64];
        snprintf(in, sizeof in, "{fn CONVERT(x, %s)}", targets[i].kw);
        strbuf out = STRBUF_INIT;
        athena_error err;
        CHECK_INT(sql_translate(in, strlen(in), &out, &err), 0, in);
        sb_free(&out);
    }
}

/* Many threads translating at once share nothing. */
#include <pthread.h>
static void *worker(void *arg)
{
    int *fails = arg;
    for (int i = 0; i < 2000; i++) {
        strbuf out = STRBUF_INIT;
        athena_error err;
        const char *in = "SELECT {fn UCASE({fn LTRIM(x)})}, {d '2017-01-02'} FROM {oj a LEFT OUTER JOIN b ON a.x=b.x}";
        if (sql_translate(in, strlen(in), &out, &err) != 0 ||
            strcmp(sb_str(&out), "SELECT upper(trim(LEADING ' ' FROM x)), DATE '2017-01-02' FROM a LEFT OUTER JOIN b "
                                 "ON a.x=b.x") != 0)
            (*fails)++;
        sb_free(&out);
    }
    return NULL;
}

static void test_threads(void)
{
    pthread_t t[4];
    int fails[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, &fails[i]);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    CHECK_INT(fails[0] + fails[1] + fails[2] + fails[3], 0, "4 threads x 2000 translations all exact");
}

int main(void)
{
    test_literals();
    test_oj();
    test_functions();
    test_timestampadd();
    test_convert();
    test_nesting_and_spacing();
    test_untouched();
    test_parameters();
    test_errors();
    test_info();
    test_threads();
    return th_done();
}

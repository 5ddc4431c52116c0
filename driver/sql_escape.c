/* sql_escape.c - ODBC escape sequences translated into Athena (Trino) SQL.
 *
 * The text is walked once, left to right. String literals ('...' with ''),
 * quoted identifiers ("..." with "", `...`), -- line comments and block
 * comments are copied unchanged. A '{' followed (after blanks) by a letter
 * or '?' opens an escape; any other '{' (Trino's row pattern quantifiers
 * such as A{2,3} and {- ... -}) is copied with its matching '}'.
 *
 * {fn} arguments are translated recursively (escapes nest), split on the
 * commas that are not inside parentheses, brackets or literals, trimmed, and
 * substituted into the function's template ($1, $2, ...). The tables below
 * are also what sql_escape_info() reports, so SQLGetInfo never claims a
 * function the translator does not know. */
#include "sql_escape.h"

#include <sql.h>
#include <sqlext.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MAX_FN_ARGS 8
#define MAX_NESTING 64

/* ------------------------------------------------------------------ tables */

enum fn_group { G_STRING, G_NUMERIC, G_TIMEDATE, G_SYSTEM, G_CONVERT };

enum fn_kind {
    K_TEMPLATE, /* tmpl with $1..$n */
    K_RAW,      /* one argument copied inside tmpl(...): EXTRACT(x FROM y), POSITION(a IN b) */
    K_CONVERT,  /* CONVERT(value, SQL_type) */
    K_TSADD,    /* TIMESTAMPADD(SQL_TSI_x, n, ts) */
    K_TSDIFF,   /* TIMESTAMPDIFF(SQL_TSI_x, ts1, ts2) */
    K_REFUSE    /* known ODBC form that Athena cannot do: tmpl is the reason */
};

#define F_NOPARENS 1 /* may be written without "()" */

typedef struct fn_map {
    const char *name;
    int nargs;
    unsigned char group;
    unsigned char kind;
    unsigned char flags;
    unsigned int bit;
    const char *tmpl;
} fn_map;

#define T(name, n, g, bit, tmpl) {name, n, g, K_TEMPLATE, 0, bit, tmpl}
#define T0(name, g, bit, tmpl) {name, 0, g, K_TEMPLATE, F_NOPARENS, bit, tmpl}

static const fn_map functions[] = {
    /* string */
    T("ASCII", 1, G_STRING, SQL_FN_STR_ASCII, "codepoint(CAST($1 AS varchar(1)))"),
    T("BIT_LENGTH", 1, G_STRING, SQL_FN_STR_BIT_LENGTH, "(length(to_utf8($1)) * 8)"),
    T("CHAR", 1, G_STRING, SQL_FN_STR_CHAR, "chr($1)"),
    T("CHAR_LENGTH", 1, G_STRING, SQL_FN_STR_CHAR_LENGTH, "length($1)"),
    T("CHARACTER_LENGTH", 1, G_STRING, SQL_FN_STR_CHARACTER_LENGTH, "length($1)"),
    T("CONCAT", 2, G_STRING, SQL_FN_STR_CONCAT, "concat($1, $2)"),
    T("INSERT", 4, G_STRING, SQL_FN_STR_INSERT,
      "concat(substr($1, 1, ($2) - 1), $4, substr($1, ($2) + ($3)))"),
    T("LCASE", 1, G_STRING, SQL_FN_STR_LCASE, "lower($1)"),
    T("LEFT", 2, G_STRING, SQL_FN_STR_LEFT, "substr($1, 1, $2)"),
    T("LENGTH", 1, G_STRING, SQL_FN_STR_LENGTH, "length(trim(TRAILING ' ' FROM $1))"),
    T("LOCATE", 2, G_STRING, SQL_FN_STR_LOCATE_2, "strpos($2, $1)"),
    T("LOCATE", 3, G_STRING, SQL_FN_STR_LOCATE,
      "CASE WHEN strpos(substr($2, $3), $1) > 0 THEN strpos(substr($2, $3), $1) + ($3) - 1 ELSE 0 END"),
    T("LTRIM", 1, G_STRING, SQL_FN_STR_LTRIM, "trim(LEADING ' ' FROM $1)"),
    T("OCTET_LENGTH", 1, G_STRING, SQL_FN_STR_OCTET_LENGTH, "length(to_utf8($1))"),
    {"POSITION", 1, G_STRING, K_RAW, 0, SQL_FN_STR_POSITION, "position"},
    T("REPEAT", 2, G_STRING, SQL_FN_STR_REPEAT, "replace(lpad('', $2, '*'), '*', $1)"),
    T("REPLACE", 3, G_STRING, SQL_FN_STR_REPLACE, "replace($1, $2, $3)"),
    T("RIGHT", 2, G_STRING, SQL_FN_STR_RIGHT, "reverse(substr(reverse($1), 1, $2))"),
    T("RTRIM", 1, G_STRING, SQL_FN_STR_RTRIM, "trim(TRAILING ' ' FROM $1)"),
    T("SPACE", 1, G_STRING, SQL_FN_STR_SPACE, "lpad('', $1, ' ')"),
    {"SUBSTRING", 1, G_STRING, K_RAW, 0, SQL_FN_STR_SUBSTRING, "substring"},
    T("SUBSTRING", 2, G_STRING, SQL_FN_STR_SUBSTRING, "substr($1, $2)"),
    T("SUBSTRING", 3, G_STRING, SQL_FN_STR_SUBSTRING, "substr($1, $2, $3)"),
    T("UCASE", 1, G_STRING, SQL_FN_STR_UCASE, "upper($1)"),

    /* numeric */
    T("ABS", 1, G_NUMERIC, SQL_FN_NUM_ABS, "abs($1)"),
    T("ACOS", 1, G_NUMERIC, SQL_FN_NUM_ACOS, "acos($1)"),
    T("ASIN", 1, G_NUMERIC, SQL_FN_NUM_ASIN, "asin($1)"),
    T("ATAN", 1, G_NUMERIC, SQL_FN_NUM_ATAN, "atan($1)"),
    /* ODBC: ATAN2(x, y), x first; Trino: atan2(y, x). */
    T("ATAN2", 2, G_NUMERIC, SQL_FN_NUM_ATAN2, "atan2($2, $1)"),
    T("CEILING", 1, G_NUMERIC, SQL_FN_NUM_CEILING, "ceiling($1)"),
    T("COS", 1, G_NUMERIC, SQL_FN_NUM_COS, "cos($1)"),
    T("COT", 1, G_NUMERIC, SQL_FN_NUM_COT, "(1 / tan($1))"),
    T("DEGREES", 1, G_NUMERIC, SQL_FN_NUM_DEGREES, "degrees($1)"),
    T("EXP", 1, G_NUMERIC, SQL_FN_NUM_EXP, "exp($1)"),
    T("FLOOR", 1, G_NUMERIC, SQL_FN_NUM_FLOOR, "floor($1)"),
    T("LOG", 1, G_NUMERIC, SQL_FN_NUM_LOG, "ln($1)"),
    T("LOG10", 1, G_NUMERIC, SQL_FN_NUM_LOG10, "log10($1)"),
    T("MOD", 2, G_NUMERIC, SQL_FN_NUM_MOD, "mod($1, $2)"),
    T0("PI", G_NUMERIC, SQL_FN_NUM_PI, "pi()"),
    T("POWER", 2, G_NUMERIC, SQL_FN_NUM_POWER, "power($1, $2)"),
    T("RADIANS", 1, G_NUMERIC, SQL_FN_NUM_RADIANS, "radians($1)"),
    T("RAND", 0, G_NUMERIC, SQL_FN_NUM_RAND, "rand()"),
    {"RAND", 1, G_NUMERIC, K_REFUSE, 0, 0,
     "RAND with a seed is not supported: Athena's rand() cannot be seeded"},
    T("ROUND", 2, G_NUMERIC, SQL_FN_NUM_ROUND, "round($1, $2)"),
    T("SIGN", 1, G_NUMERIC, SQL_FN_NUM_SIGN, "sign($1)"),
    T("SIN", 1, G_NUMERIC, SQL_FN_NUM_SIN, "sin($1)"),
    T("SQRT", 1, G_NUMERIC, SQL_FN_NUM_SQRT, "sqrt($1)"),
    T("TAN", 1, G_NUMERIC, SQL_FN_NUM_TAN, "tan($1)"),
    T("TRUNCATE", 2, G_NUMERIC, SQL_FN_NUM_TRUNCATE, "truncate($1, $2)"),

    /* time and date */
    T0("CURDATE", G_TIMEDATE, SQL_FN_TD_CURDATE, "current_date"),
    T0("CURRENT_DATE", G_TIMEDATE, SQL_FN_TD_CURRENT_DATE, "current_date"),
    T0("CURTIME", G_TIMEDATE, SQL_FN_TD_CURTIME, "localtime"),
    T0("CURRENT_TIME", G_TIMEDATE, SQL_FN_TD_CURRENT_TIME, "localtime"),
    T("CURRENT_TIME", 1, G_TIMEDATE, SQL_FN_TD_CURRENT_TIME, "localtime($1)"),
    T0("CURRENT_TIMESTAMP", G_TIMEDATE, SQL_FN_TD_CURRENT_TIMESTAMP, "localtimestamp"),
    T("CURRENT_TIMESTAMP", 1, G_TIMEDATE, SQL_FN_TD_CURRENT_TIMESTAMP, "localtimestamp($1)"),
    T("DAYNAME", 1, G_TIMEDATE, SQL_FN_TD_DAYNAME, "date_format($1, '%W')"),
    T("DAYOFMONTH", 1, G_TIMEDATE, SQL_FN_TD_DAYOFMONTH, "day_of_month($1)"),
    /* ODBC: 1 = Sunday ... 7 = Saturday; Trino: 1 = Monday ... 7 = Sunday. */
    T("DAYOFWEEK", 1, G_TIMEDATE, SQL_FN_TD_DAYOFWEEK, "(day_of_week($1) % 7 + 1)"),
    T("DAYOFYEAR", 1, G_TIMEDATE, SQL_FN_TD_DAYOFYEAR, "day_of_year($1)"),
    {"EXTRACT", 1, G_TIMEDATE, K_RAW, 0, SQL_FN_TD_EXTRACT, "extract"},
    T("HOUR", 1, G_TIMEDATE, SQL_FN_TD_HOUR, "hour($1)"),
    T("MINUTE", 1, G_TIMEDATE, SQL_FN_TD_MINUTE, "minute($1)"),
    T("MONTH", 1, G_TIMEDATE, SQL_FN_TD_MONTH, "month($1)"),
    T("MONTHNAME", 1, G_TIMEDATE, SQL_FN_TD_MONTHNAME, "date_format($1, '%M')"),
    T0("NOW", G_TIMEDATE, SQL_FN_TD_NOW, "localtimestamp"),
    T("QUARTER", 1, G_TIMEDATE, SQL_FN_TD_QUARTER, "quarter($1)"),
    T("SECOND", 1, G_TIMEDATE, SQL_FN_TD_SECOND, "second($1)"),
    {"TIMESTAMPADD", 3, G_TIMEDATE, K_TSADD, 0, SQL_FN_TD_TIMESTAMPADD, NULL},
    {"TIMESTAMPDIFF", 3, G_TIMEDATE, K_TSDIFF, 0, SQL_FN_TD_TIMESTAMPDIFF, NULL},
    T("WEEK", 1, G_TIMEDATE, SQL_FN_TD_WEEK, "week($1)"),
    T("YEAR", 1, G_TIMEDATE, SQL_FN_TD_YEAR, "year($1)"),

    /* system */
    T0("DATABASE", G_SYSTEM, SQL_FN_SYS_DBNAME, "current_schema"),
    T("IFNULL", 2, G_SYSTEM, SQL_FN_SYS_IFNULL, "coalesce($1, $2)"),
    T0("USER", G_SYSTEM, SQL_FN_SYS_USERNAME, "current_user"),

    /* conversion */
    {"CONVERT", 2, G_CONVERT, K_CONVERT, 0, SQL_FN_CVT_CONVERT, NULL},
};

/* TIMESTAMPADD / TIMESTAMPDIFF intervals. $2 and $3 are the 2nd and 3rd
 * arguments. Dates, times and timestamps are all brought to timestamp first,
 * as ODBC defines the result as a timestamp (a date's time is midnight, a
 * time's date is today). SQL_TSI_FRAC_SECOND counts nanoseconds; Athena's
 * timestamps hold milliseconds. */
typedef struct tsi_map {
    const char *name; /* without the SQL_TSI_ prefix */
    unsigned int bit;
    const char *add;
    const char *diff;
} tsi_map;

#define TSI(name, bit, unit)                                                                     \
    {name, bit, "date_add('" unit "', $2, CAST($3 AS timestamp))",                               \
     "date_diff('" unit "', CAST($2 AS timestamp), CAST($3 AS timestamp))"}

static const tsi_map intervals[] = {
    {"FRAC_SECOND", SQL_FN_TSI_FRAC_SECOND, "date_add('millisecond', ($2) / 1000000, CAST($3 AS timestamp))",
     "(date_diff('millisecond', CAST($2 AS timestamp), CAST($3 AS timestamp)) * 1000000)"},
    TSI("SECOND", SQL_FN_TSI_SECOND, "second"),
    TSI("MINUTE", SQL_FN_TSI_MINUTE, "minute"),
    TSI("HOUR", SQL_FN_TSI_HOUR, "hour"),
    TSI("DAY", SQL_FN_TSI_DAY, "day"),
    TSI("WEEK", SQL_FN_TSI_WEEK, "week"),
    TSI("MONTH", SQL_FN_TSI_MONTH, "month"),
    TSI("QUARTER", SQL_FN_TSI_QUARTER, "quarter"),
    TSI("YEAR", SQL_FN_TSI_YEAR, "year"),
};

/* Athena type classes, for CONVERT targets and the SQL_CONVERT_<type> masks. */
enum type_class {
    TC_NONE, TC_BOOLEAN, TC_TINYINT, TC_SMALLINT, TC_INTEGER, TC_BIGINT, TC_REAL, TC_DOUBLE,
    TC_DECIMAL, TC_VARCHAR, TC_CHAR, TC_VARBINARY, TC_DATE, TC_TIME, TC_TIMESTAMP, TC_UUID,
    TC_COUNT
};

/* CONVERT(value, SQL_xxx) -> CAST(value AS athena). SQL_CHAR becomes varchar,
 * not char: Trino's bare char is char(1) and would cut the value. */
typedef struct cvt_target {
    const char *name; /* without the SQL_ prefix */
    unsigned int bit; /* SQL_CVT_xxx */
    unsigned char tc;
    const char *athena;
    bool precision; /* accepts (p) or (p,s) */
} cvt_target;

static const cvt_target cvt_targets[] = {
    {"BIGINT", SQL_CVT_BIGINT, TC_BIGINT, "bigint", false},
    {"BINARY", SQL_CVT_BINARY, TC_VARBINARY, "varbinary", false},
    {"BIT", SQL_CVT_BIT, TC_BOOLEAN, "boolean", false},
    {"CHAR", SQL_CVT_CHAR, TC_VARCHAR, "varchar", false},
    {"DATE", SQL_CVT_DATE, TC_DATE, "date", false},
    {"DECIMAL", SQL_CVT_DECIMAL, TC_DECIMAL, "decimal", true},
    {"DOUBLE", SQL_CVT_DOUBLE, TC_DOUBLE, "double", false},
    {"FLOAT", SQL_CVT_FLOAT, TC_DOUBLE, "double", false},
    {"GUID", SQL_CVT_GUID, TC_UUID, "uuid", false},
    {"INTEGER", SQL_CVT_INTEGER, TC_INTEGER, "integer", false},
    {"LONGVARBINARY", SQL_CVT_LONGVARBINARY, TC_VARBINARY, "varbinary", false},
    {"LONGVARCHAR", SQL_CVT_LONGVARCHAR, TC_VARCHAR, "varchar", false},
    {"NUMERIC", SQL_CVT_NUMERIC, TC_DECIMAL, "decimal", true},
    {"REAL", SQL_CVT_REAL, TC_REAL, "real", false},
    {"SMALLINT", SQL_CVT_SMALLINT, TC_SMALLINT, "smallint", false},
    {"TIME", SQL_CVT_TIME, TC_TIME, "time", false},
    {"TIMESTAMP", SQL_CVT_TIMESTAMP, TC_TIMESTAMP, "timestamp", false},
    {"TINYINT", SQL_CVT_TINYINT, TC_TINYINT, "tinyint", false},
    {"TYPE_DATE", SQL_CVT_DATE, TC_DATE, "date", false},
    {"TYPE_TIME", SQL_CVT_TIME, TC_TIME, "time", false},
    {"TYPE_TIMESTAMP", SQL_CVT_TIMESTAMP, TC_TIMESTAMP, "timestamp", false},
    {"VARBINARY", SQL_CVT_VARBINARY, TC_VARBINARY, "varbinary", false},
    {"VARCHAR", SQL_CVT_VARCHAR, TC_VARCHAR, "varchar", false},
    {"WCHAR", SQL_CVT_WCHAR, TC_VARCHAR, "varchar", false},
    {"WLONGVARCHAR", SQL_CVT_WLONGVARCHAR, TC_VARCHAR, "varchar", false},
    {"WVARCHAR", SQL_CVT_WVARCHAR, TC_VARCHAR, "varchar", false},
};

/* SQL_CONVERT_<type>: the class of the data the driver reports as that SQL
 * type (TC_NONE: the driver never reports it, so no conversions from it). */
static const struct {
    unsigned short info;
    unsigned char tc;
} cvt_sources[] = {
    {SQL_CONVERT_BIGINT, TC_BIGINT},      {SQL_CONVERT_BINARY, TC_NONE},
    {SQL_CONVERT_BIT, TC_BOOLEAN},        {SQL_CONVERT_CHAR, TC_CHAR},
    {SQL_CONVERT_DATE, TC_DATE},          {SQL_CONVERT_DECIMAL, TC_DECIMAL},
    {SQL_CONVERT_DOUBLE, TC_DOUBLE},      {SQL_CONVERT_FLOAT, TC_NONE},
    {SQL_CONVERT_INTEGER, TC_INTEGER},    {SQL_CONVERT_LONGVARCHAR, TC_NONE},
    {SQL_CONVERT_NUMERIC, TC_NONE},       {SQL_CONVERT_REAL, TC_REAL},
    {SQL_CONVERT_SMALLINT, TC_SMALLINT},  {SQL_CONVERT_TIME, TC_TIME},
    {SQL_CONVERT_TIMESTAMP, TC_TIMESTAMP}, {SQL_CONVERT_TINYINT, TC_TINYINT},
    {SQL_CONVERT_VARBINARY, TC_VARBINARY}, {SQL_CONVERT_VARCHAR, TC_VARCHAR},
    {SQL_CONVERT_LONGVARBINARY, TC_NONE}, {SQL_CONVERT_WCHAR, TC_CHAR},
    {SQL_CONVERT_WLONGVARCHAR, TC_NONE},  {SQL_CONVERT_WVARCHAR, TC_VARCHAR},
    {SQL_CONVERT_INTERVAL_DAY_TIME, TC_NONE}, {SQL_CONVERT_INTERVAL_YEAR_MONTH, TC_NONE},
    {SQL_CONVERT_GUID, TC_NONE},
};

#define TCB(c) (1u << (c))
#define TC_NUMBERS (TCB(TC_BOOLEAN) | TCB(TC_TINYINT) | TCB(TC_SMALLINT) | TCB(TC_INTEGER) | \
                    TCB(TC_BIGINT) | TCB(TC_REAL) | TCB(TC_DOUBLE) | TCB(TC_DECIMAL))

/* Which casts Trino performs: castable[from] is a set of target classes. */
static unsigned int castable(unsigned char from)
{
    switch (from) {
    case TC_BOOLEAN: case TC_TINYINT: case TC_SMALLINT: case TC_INTEGER: case TC_BIGINT:
    case TC_REAL: case TC_DOUBLE: case TC_DECIMAL:
        return TC_NUMBERS | TCB(TC_VARCHAR);
    case TC_VARCHAR:
        return TC_NUMBERS | TCB(TC_VARCHAR) | TCB(TC_VARBINARY) | TCB(TC_DATE) | TCB(TC_TIME) |
               TCB(TC_TIMESTAMP) | TCB(TC_UUID);
    case TC_CHAR:
        return TCB(TC_VARCHAR);
    case TC_VARBINARY:
        return TCB(TC_VARBINARY);
    case TC_DATE:
        return TCB(TC_DATE) | TCB(TC_TIMESTAMP) | TCB(TC_VARCHAR);
    case TC_TIME:
        return TCB(TC_TIME) | TCB(TC_TIMESTAMP) | TCB(TC_VARCHAR);
    case TC_TIMESTAMP:
        return TCB(TC_DATE) | TCB(TC_TIME) | TCB(TC_TIMESTAMP) | TCB(TC_VARCHAR);
    default:
        return 0;
    }
}

/* ------------------------------------------------------------ the scanner */

typedef struct scanner {
    const char *s;
    size_t len;
    athena_error *err;
} scanner;

enum scan_mode { MODE_TOP, MODE_ARG, MODE_BODY };
enum stop_kind { STOP_EOF, STOP_COMMA, STOP_RPAREN, STOP_RBRACE };

typedef struct seg_info {
    unsigned markers;  /* '?' parameter markers copied (outside literals and comments) */
    bool tail_comment; /* the last thing copied, blanks aside, was a -- comment */
    int stop;          /* why the scan stopped */
} seg_info;

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool is_word(char c)
{
    return is_alpha(c) || is_digit(c) || c == '_';
}

static char up(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Case-insensitive: does s[0..n) equal the upper-case word w? */
static bool word_is(const char *s, size_t n, const char *w)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (w[i] == '\0' || up(s[i]) != w[i])
            return false;
    return w[i] == '\0';
}

/* 1-based character position of byte offset off. */
static unsigned long char_pos(const scanner *sc, size_t off)
{
    unsigned long n = 1;
    for (size_t i = 0; i < off && i < sc->len; i++)
        if (((unsigned char)sc->s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static size_t skip_blanks(const scanner *sc, size_t p)
{
    while (p < sc->len && is_blank(sc->s[p]))
        p++;
    return p;
}

static size_t read_word(const scanner *sc, size_t p)
{
    while (p < sc->len && is_word(sc->s[p]))
        p++;
    return p;
}

/* p is at an opening quote q; returns the offset just after the closing
 * quote (a doubled quote is part of the text), or len if unterminated. */
static size_t quoted_end(const scanner *sc, size_t p, bool *closed)
{
    char q = sc->s[p];
    p++;
    while (p < sc->len) {
        if (sc->s[p] == q) {
            if (q != '`' && p + 1 < sc->len && sc->s[p + 1] == q) {
                p += 2;
                continue;
            }
            *closed = true;
            return p + 1;
        }
        p++;
    }
    *closed = false;
    return sc->len;
}

static int translate_escape(scanner *sc, size_t *pos, strbuf *out, int depth, unsigned *markers);

/* Does the '{' at p open an ODBC escape (as opposed to a row pattern brace)? */
static bool opens_escape(const scanner *sc, size_t p)
{
    p = skip_blanks(sc, p + 1);
    if (p >= sc->len)
        return true; /* unterminated: reported by translate_escape */
    char c = sc->s[p];
    return is_alpha(c) || c == '?' || c == '}';
}

static void append_sep(strbuf *out, const char *next, size_t next_len)
{
    /* keep a replacement from gluing onto a preceding word: x{fn ...} */
    if (out->len && next_len && is_word(out->data[out->len - 1]) && is_word(next[0]))
        sb_appendc(out, ' ');
}

/* Copies and translates text from *pos until the end of input (MODE_TOP),
 * an unmatched '}' (MODE_BODY, MODE_ARG), or an unmatched ',' or ')'
 * (MODE_ARG). The stopping character is not consumed. */
static int scan_segment(scanner *sc, size_t *pos, strbuf *out, int mode, int depth, seg_info *info)
{
    const char *s = sc->s;
    size_t len = sc->len;
    size_t p = *pos;
    size_t run = p; /* start of the bytes not yet copied */
    int nest = 0;   /* ( [ and non-escape { */

    info->markers = 0;
    info->tail_comment = false;
    info->stop = STOP_EOF;

#define FLUSH()                                   \
    do {                                          \
        if (p > run)                              \
            sb_append(out, s + run, p - run);     \
        run = p;                                  \
    } while (0)

    while (p < len) {
        char c = s[p];
        if (c == '\'' || c == '"' || c == '`') {
            bool closed;
            p = quoted_end(sc, p, &closed);
            info->tail_comment = false;
            continue;
        }
        if (c == '-' && p + 1 < len && s[p + 1] == '-') {
            while (p < len && s[p] != '\n')
                p++;
            if (p < len)
                p++;
            info->tail_comment = true;
            continue;
        }
        if (c == '/' && p + 1 < len && s[p + 1] == '*') {
            p += 2;
            while (p < len && !(s[p] == '*' && p + 1 < len && s[p + 1] == '/'))
                p++;
            p = p < len ? p + 2 : len;
            info->tail_comment = false;
            continue;
        }
        if (c == '{') {
            if (opens_escape(sc, p)) {
                FLUSH();
                unsigned m = 0;
                if (translate_escape(sc, &p, out, depth + 1, &m) < 0)
                    return -1;
                info->markers += m;
                info->tail_comment = false;
                run = p;
                /* keep the replacement from gluing onto a following word */
                if (p < len && is_word(s[p]) && out->len && is_word(out->data[out->len - 1]))
                    sb_appendc(out, ' ');
                continue;
            }
            nest++;
        } else if (c == '(' || c == '[') {
            nest++;
        } else if (c == '}' || c == ')' || c == ']') {
            if (nest > 0) {
                nest--;
            } else if ((c == '}' && mode != MODE_TOP) || (c == ')' && mode == MODE_ARG)) {
                info->stop = c == '}' ? STOP_RBRACE : STOP_RPAREN;
                break;
            }
        } else if (c == ',' && nest == 0 && mode == MODE_ARG) {
            info->stop = STOP_COMMA;
            break;
        } else if (c == '?') {
            info->markers++;
        }
        if (!is_blank(c))
            info->tail_comment = false;
        p++;
    }
    FLUSH();
#undef FLUSH
    *pos = p;
    return 0;
}

/* --------------------------------------------------------------- escapes */

static int fail(scanner *sc, size_t at, const char *fmt, const char *a, const char *b)
{
    char what[512];
    snprintf(what, sizeof what, fmt, a ? a : "", b ? b : "");
    return ae_set(sc->err, AE_SYNTAX, 0, "%s (escape sequence at position %lu)", what, char_pos(sc, at));
}

static int unterminated(scanner *sc, size_t at)
{
    return ae_set(sc->err, AE_SYNTAX, 0,
                  "Unterminated escape sequence: the '{' at position %lu has no matching '}'",
                  char_pos(sc, at));
}

/* Trims blanks from both ends of b; if the text ended with a -- comment,
 * keeps the line break that ends it. */
static void trim_buf(strbuf *b, bool tail_comment)
{
    size_t start = 0, end = b->len;
    if (!b->data)
        return;
    while (start < end && is_blank(b->data[start]))
        start++;
    while (end > start && is_blank(b->data[end - 1]))
        end--;
    if (start)
        memmove(b->data, b->data + start, end - start);
    b->len = end - start;
    b->data[b->len] = '\0';
    if (tail_comment && b->len)
        sb_appendc(b, '\n');
}

/* Expects a string literal at p (after blanks); sets [*lit, *lit_end) to the
 * literal with its quotes and returns the offset after it, or 0 on error. */
static size_t expect_literal(scanner *sc, size_t p, size_t *lit, size_t *lit_end)
{
    p = skip_blanks(sc, p);
    if (p >= sc->len || sc->s[p] != '\'')
        return 0;
    bool closed;
    size_t e = quoted_end(sc, p, &closed);
    if (!closed)
        return 0;
    *lit = p;
    *lit_end = e;
    return e;
}

/* After blanks, expects the '}' that closes the escape opened at start. */
static int expect_close(scanner *sc, size_t *p, size_t start, const char *kw)
{
    size_t q = skip_blanks(sc, *p);
    if (q >= sc->len)
        return unterminated(sc, start);
    if (sc->s[q] != '}')
        return fail(sc, start, "Malformed {%s} escape: expected '}' at its end", kw, NULL);
    *p = q + 1;
    return 0;
}

/* Digits: n exactly (or lo..hi when lo < hi). Returns the new offset or 0. */
static size_t digits(const char *s, size_t p, size_t end, int lo, int hi)
{
    int n = 0;
    while (p < end && is_digit(s[p]) && n < hi) {
        p++;
        n++;
    }
    if (n < lo || (p < end && is_digit(s[p])))
        return 0;
    return p;
}

static size_t date_shape(const char *s, size_t p, size_t end)
{
    if (!(p = digits(s, p, end, 4, 4)) || p >= end || s[p] != '-')
        return 0;
    if (!(p = digits(s, p + 1, end, 1, 2)) || p >= end || s[p] != '-')
        return 0;
    return digits(s, p + 1, end, 1, 2);
}

static size_t time_shape(const char *s, size_t p, size_t end)
{
    if (!(p = digits(s, p, end, 1, 2)) || p >= end || s[p] != ':')
        return 0;
    if (!(p = digits(s, p + 1, end, 1, 2)) || p >= end || s[p] != ':')
        return 0;
    if (!(p = digits(s, p + 1, end, 1, 2)))
        return 0;
    if (p < end && s[p] == '.')
        p = digits(s, p + 1, end, 1, 12);
    return p;
}

static bool guid_shape(const char *s, size_t p, size_t end)
{
    static const int groups[] = {8, 4, 4, 4, 12};
    for (int g = 0; g < 5; g++) {
        for (int i = 0; i < groups[g]; i++, p++)
            if (p >= end || !is_hex(s[p]))
                return false;
        if (g < 4) {
            if (p >= end || s[p] != '-')
                return false;
            p++;
        }
    }
    return p == end;
}

/* {d '...'} {t '...'} {ts '...'} {guid '...'} {escape '...'} */
static int literal_escape(scanner *sc, size_t *pos, size_t start, strbuf *out, const char *kw)
{
    size_t lit, lit_end;
    size_t p = expect_literal(sc, *pos, &lit, &lit_end);
    static const struct {
        const char *kw, *prefix, *shape;
    } forms[] = {
        {"d", "DATE ", "'yyyy-mm-dd'"},
        {"t", "TIME ", "'hh:mm:ss[.f]'"},
        {"ts", "TIMESTAMP ", "'yyyy-mm-dd hh:mm:ss[.f]'"},
        {"guid", "UUID ", "'nnnnnnnn-nnnn-nnnn-nnnn-nnnnnnnnnnnn'"},
        {"escape", "ESCAPE ", "one character in quotes"},
    };
    size_t f = 0;
    while (strcmp(forms[f].kw, kw) != 0)
        f++;
    if (!p) {
        size_t q = skip_blanks(sc, *pos);
        if (q >= sc->len || (sc->s[q] == '\'' && expect_literal(sc, q, &lit, &lit_end) == 0))
            return unterminated(sc, start);
        return fail(sc, start, "Malformed {%s} escape: expected %s", kw, forms[f].shape);
    }
    const char *s = sc->s;
    size_t a = lit + 1, e = lit_end - 1;
    bool ok = true;
    if (f == 0) {
        ok = date_shape(s, a, e) == e;
    } else if (f == 1) {
        ok = time_shape(s, a, e) == e;
    } else if (f == 2) {
        size_t d = date_shape(s, a, e);
        ok = d && d < e && s[d] == ' ' && time_shape(s, d + 1, e) == e;
    } else if (f == 3) {
        ok = guid_shape(s, a, e);
    } else {
        ok = e > a;
    }
    if (!ok)
        return fail(sc, start, "Malformed {%s} escape: expected %s", kw, forms[f].shape);
    if (expect_close(sc, &p, start, kw) < 0)
        return -1;
    append_sep(out, forms[f].prefix, strlen(forms[f].prefix));
    sb_appends(out, forms[f].prefix);
    sb_append(out, s + lit, lit_end - lit);
    *pos = p;
    return 0;
}

/* {INTERVAL [+|-] 'value' field[(p)] [TO field[(p)]]} */
static const char *const interval_fields[] = {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"};

static int interval_field(scanner *sc, size_t *p, size_t start)
{
    size_t q = skip_blanks(sc, *p);
    size_t e = read_word(sc, q);
    for (int i = 0; i < 6; i++) {
        if (word_is(sc->s + q, e - q, interval_fields[i])) {
            /* an optional precision, (p) or (p, s), which Trino does not take */
            size_t r = skip_blanks(sc, e);
            if (r < sc->len && sc->s[r] == '(') {
                r = skip_blanks(sc, r + 1);
                size_t d = read_word(sc, r);
                bool ok = d > r;
                for (size_t k = r; k < d; k++)
                    ok = ok && is_digit(sc->s[k]);
                r = skip_blanks(sc, d);
                if (ok && r < sc->len && sc->s[r] == ',') {
                    r = skip_blanks(sc, r + 1);
                    d = read_word(sc, r);
                    ok = d > r;
                    for (size_t k = r; k < d; k++)
                        ok = ok && is_digit(sc->s[k]);
                    r = skip_blanks(sc, d);
                }
                if (!ok || r >= sc->len || sc->s[r] != ')')
                    return fail(sc, start, "Malformed {INTERVAL} escape: bad precision after %s",
                                interval_fields[i], NULL);
                e = r + 1;
            }
            *p = e;
            return i;
        }
    }
    if (q >= sc->len)
        return unterminated(sc, start);
    return fail(sc, start, "Malformed {INTERVAL} escape: expected YEAR, MONTH, DAY, HOUR, MINUTE or SECOND",
                NULL, NULL);
}

static int interval_escape(scanner *sc, size_t *pos, size_t start, strbuf *out)
{
    size_t p = skip_blanks(sc, *pos);
    char sign = 0;
    if (p < sc->len && (sc->s[p] == '+' || sc->s[p] == '-')) {
        sign = sc->s[p];
        p++;
    }
    size_t lit, lit_end;
    size_t q = expect_literal(sc, p, &lit, &lit_end);
    if (!q) {
        size_t r = skip_blanks(sc, p);
        if (r >= sc->len || sc->s[r] == '\'')
            return unterminated(sc, start);
        return fail(sc, start, "Malformed {INTERVAL} escape: expected the value in quotes", NULL, NULL);
    }
    int from = interval_field(sc, &q, start);
    if (from < 0)
        return -1;
    int to = -1;
    size_t r = skip_blanks(sc, q);
    size_t e = read_word(sc, r);
    if (word_is(sc->s + r, e - r, "TO")) {
        q = e;
        to = interval_field(sc, &q, start);
        if (to < 0)
            return -1;
        /* YEAR TO MONTH, or within DAY .. SECOND, from the larger to the smaller */
        bool ok = (from == 0 && to == 1) || (from >= 2 && to > from);
        if (!ok)
            return fail(sc, start, "Malformed {INTERVAL} escape: %s TO %s is not an interval qualifier",
                        interval_fields[from], interval_fields[to]);
    }
    if (expect_close(sc, &q, start, "INTERVAL") < 0)
        return -1;
    append_sep(out, "I", 1);
    sb_appends(out, "INTERVAL ");
    if (sign == '-')
        sb_appendc(out, '-');
    sb_append(out, sc->s + lit, lit_end - lit);
    sb_appendc(out, ' ');
    sb_appends(out, interval_fields[from]);
    if (to >= 0) {
        sb_appends(out, " TO ");
        sb_appends(out, interval_fields[to]);
    }
    *pos = q;
    return 0;
}

/* {oj ...}: the join text itself. */
static int oj_escape(scanner *sc, size_t *pos, size_t start, strbuf *out, int depth, unsigned *markers)
{
    strbuf body = STRBUF_INIT;
    seg_info info;
    size_t p = *pos;
    if (scan_segment(sc, &p, &body, MODE_BODY, depth, &info) < 0) {
        sb_free(&body);
        return -1;
    }
    if (info.stop != STOP_RBRACE) {
        sb_free(&body);
        return unterminated(sc, start);
    }
    trim_buf(&body, info.tail_comment);
    if (!body.len) {
        sb_free(&body);
        return fail(sc, start, "Malformed {oj} escape: no join in it", NULL, NULL);
    }
    append_sep(out, body.data, body.len);
    sb_append(out, body.data, body.len);
    if (body.oom)
        out->oom = true;
    sb_free(&body);
    *markers += info.markers;
    *pos = p + 1;
    return 0;
}

/* Substitutes $1..$9 in tmpl. An argument used more than once must not hold
 * a parameter marker: the statement would then have more markers than the
 * application binds. */
static int expand(scanner *sc, size_t start, const char *name, const char *tmpl, strbuf *args,
                  const seg_info *infos, int nargs, strbuf *out)
{
    for (int k = 0; k < nargs; k++) {
        int uses = 0;
        for (const char *t = tmpl; *t; t++)
            if (t[0] == '$' && t[1] == '1' + k)
                uses++;
        if (uses > 1 && infos[k].markers) {
            char n[16];
            snprintf(n, sizeof n, "%d", k + 1);
            return fail(sc, start,
                        "Scalar function %s repeats its argument %s in Athena SQL, so that argument cannot "
                        "hold a parameter marker",
                        name, n);
        }
    }
    strbuf r = STRBUF_INIT;
    for (const char *t = tmpl; *t; t++) {
        if (t[0] == '$' && t[1] >= '1' && t[1] <= '9') {
            int k = t[1] - '1';
            if (k < nargs && args[k].len)
                sb_append(&r, args[k].data, args[k].len);
            t++;
        } else {
            sb_appendc(&r, *t);
        }
    }
    append_sep(out, sb_str(&r), r.len);
    sb_append(out, r.data ? r.data : "", r.len);
    if (r.oom)
        out->oom = true;
    sb_free(&r);
    return 0;
}

/* The keyword argument of CONVERT and TIMESTAMPADD/DIFF: upper-cased, with
 * the given prefix removed if present. Returns false if it is not a word. */
static bool keyword_arg(const strbuf *a, const char *prefix, char *kw, size_t kw_size, size_t *word_len)
{
    size_t n = 0, i = 0, plen = strlen(prefix);
    const char *s = sb_str(a);
    bool has = a->len > plen;
    for (size_t k = 0; has && k < plen; k++)
        if (up(s[k]) != prefix[k])
            has = false;
    if (has)
        i = plen;
    while (i < a->len && is_word(s[i]) && n + 1 < kw_size)
        kw[n++] = up(s[i++]);
    kw[n] = '\0';
    *word_len = i;
    return n > 0;
}

static int convert_fn(scanner *sc, size_t start, strbuf *args, strbuf *out)
{
    char kw[32];
    size_t wl;
    const char *s = sb_str(&args[1]);
    if (!keyword_arg(&args[1], "SQL_", kw, sizeof kw, &wl))
        return fail(sc, start, "CONVERT expects an SQL type such as SQL_VARCHAR as its second argument, not '%s'",
                    s, NULL);
    const cvt_target *t = NULL;
    for (size_t i = 0; i < sizeof cvt_targets / sizeof cvt_targets[0]; i++)
        if (strcmp(cvt_targets[i].name, kw) == 0)
            t = &cvt_targets[i];
    if (!t) {
        if (strncmp(kw, "INTERVAL", 8) == 0)
            return fail(sc, start, "CONVERT to %s is not supported: Athena cannot cast to an interval", s, NULL);
        return fail(sc, start, "CONVERT to unknown type '%s'", s, NULL);
    }
    /* optional (p) or (p, s) for DECIMAL and NUMERIC */
    char params[40] = "";
    size_t i = wl;
    while (i < args[1].len && is_blank(s[i]))
        i++;
    if (i < args[1].len) {
        long v[2] = {0, 0};
        int nv = 0;
        bool ok = t->precision && s[i] == '(';
        if (ok) {
            i++;
            for (;;) {
                while (i < args[1].len && is_blank(s[i]))
                    i++;
                if (i >= args[1].len || !is_digit(s[i]) || nv == 2) {
                    ok = false;
                    break;
                }
                long x = 0;
                while (i < args[1].len && is_digit(s[i]) && x < 1000)
                    x = x * 10 + (s[i++] - '0');
                v[nv++] = x;
                while (i < args[1].len && is_blank(s[i]))
                    i++;
                if (i < args[1].len && s[i] == ',') {
                    i++;
                    continue;
                }
                ok = i + 1 == args[1].len && s[i] == ')';
                break;
            }
        }
        if (!ok)
            return fail(sc, start, "CONVERT to unknown type '%s'", s, NULL);
        if (nv == 1)
            snprintf(params, sizeof params, "(%ld)", v[0]);
        else
            snprintf(params, sizeof params, "(%ld,%ld)", v[0], v[1]);
    }
    append_sep(out, "C", 1);
    sb_appends(out, "CAST(");
    sb_append(out, sb_str(&args[0]), args[0].len);
    sb_printf(out, " AS %s%s)", t->athena, params);
    return 0;
}

static int timestamp_fn(scanner *sc, size_t start, const fn_map *f, strbuf *args, const seg_info *infos,
                        strbuf *out)
{
    char kw[32];
    size_t wl;
    const tsi_map *m = NULL;
    if (keyword_arg(&args[0], "SQL_TSI_", kw, sizeof kw, &wl) && wl == args[0].len)
        for (size_t i = 0; i < sizeof intervals / sizeof intervals[0]; i++)
            if (strcmp(intervals[i].name, kw) == 0)
                m = &intervals[i];
    if (!m)
        return fail(sc, start, "%s expects an interval such as SQL_TSI_DAY as its first argument, not '%s'",
                    f->name, sb_str(&args[0]));
    return expand(sc, start, f->name, f->kind == K_TSADD ? m->add : m->diff, args, infos, 3, out);
}

/* Lists the argument counts name accepts: "1", "2 or 3". */
static void arg_counts(const char *name, char *buf, size_t size)
{
    int counts[8], n = 0;
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        if (strcmp(functions[i].name, name) == 0 && n < 8)
            counts[n++] = functions[i].nargs;
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t l = strlen(buf);
        snprintf(buf + l, size - l, "%s%d", i == 0 ? "" : i == n - 1 ? " or " : ", ", counts[i]);
    }
}

static int fn_escape(scanner *sc, size_t *pos, size_t start, strbuf *out, int depth, unsigned *markers)
{
    const char *s = sc->s;
    size_t p = skip_blanks(sc, *pos);
    size_t ne = read_word(sc, p);
    char name[40];
    if (ne == p) {
        if (p >= sc->len)
            return unterminated(sc, start);
        return fail(sc, start, "Malformed {fn} escape: no function name", NULL, NULL);
    }
    size_t nl = ne - p < sizeof name - 1 ? ne - p : sizeof name - 1;
    for (size_t i = 0; i < nl; i++)
        name[i] = up(s[p + i]);
    name[nl] = '\0';

    const fn_map *any = NULL;
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        if (strcmp(functions[i].name, name) == 0 && ne - p == nl)
            any = &functions[i];
    if (!any) {
        char shown[40];
        snprintf(shown, sizeof shown, "%.*s", (int)(ne - p > 32 ? 32 : ne - p), s + p);
        return fail(sc, start, "Unknown scalar function '%s' in a {fn} escape", shown, NULL);
    }

    strbuf args[MAX_FN_ARGS];
    seg_info infos[MAX_FN_ARGS];
    int nargs = 0, rc = 0;
    bool parens = false;
    for (int i = 0; i < MAX_FN_ARGS; i++)
        sb_init(&args[i]);

    p = skip_blanks(sc, ne);
    if (p < sc->len && s[p] == '(') {
        parens = true;
        p++;
        for (;;) {
            strbuf a = STRBUF_INIT;
            seg_info info;
            if (scan_segment(sc, &p, &a, MODE_ARG, depth, &info) < 0) {
                sb_free(&a);
                rc = -1;
                goto done;
            }
            if (info.stop == STOP_EOF) {
                sb_free(&a);
                rc = unterminated(sc, start);
                goto done;
            }
            if (info.stop == STOP_RBRACE) {
                sb_free(&a);
                rc = fail(sc, start, "Malformed {fn %s} escape: missing ')'", name, NULL);
                goto done;
            }
            trim_buf(&a, info.tail_comment);
            if (nargs == MAX_FN_ARGS) {
                sb_free(&a);
                rc = fail(sc, start, "Scalar function %s has too many arguments", name, NULL);
                goto done;
            }
            args[nargs] = a;
            infos[nargs] = info;
            nargs++;
            p++; /* the ',' or ')' */
            if (info.stop == STOP_RPAREN)
                break;
        }
        if (nargs == 1 && args[0].len == 0)
            nargs = 0;
        for (int i = 0; i < nargs; i++) {
            if (args[i].len == 0) {
                char n[16];
                snprintf(n, sizeof n, "%d", i + 1);
                rc = fail(sc, start, "Scalar function %s has an empty argument %s", name, n);
                goto done;
            }
        }
    } else if (p >= sc->len) {
        rc = unterminated(sc, start);
        goto done;
    } else if (s[p] != '}') {
        rc = fail(sc, start, "Malformed {fn %s} escape: expected '(' after the function name", name, NULL);
        goto done;
    }

    const fn_map *f = NULL;
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        if (strcmp(functions[i].name, name) == 0 && functions[i].nargs == nargs)
            f = &functions[i];
    if (!parens && !(f && (f->flags & F_NOPARENS))) {
        rc = fail(sc, start, "Malformed {fn %s} escape: expected '(' after the function name", name, NULL);
        goto done;
    }
    if (!f) {
        char counts[64], msg[160];
        arg_counts(name, counts, sizeof counts);
        snprintf(msg, sizeof msg, "Scalar function %s takes %s argument%s, not %d", name, counts,
                 strcmp(counts, "1") == 0 ? "" : "s", nargs);
        rc = fail(sc, start, "%s", msg, NULL);
        goto done;
    }
    char fn_kw[48];
    snprintf(fn_kw, sizeof fn_kw, "fn %s", name);
    if (expect_close(sc, &p, start, fn_kw) < 0) {
        rc = -1;
        goto done;
    }

    switch (f->kind) {
    case K_TEMPLATE:
        rc = expand(sc, start, f->name, f->tmpl, args, infos, nargs, out);
        break;
    case K_RAW:
        append_sep(out, f->tmpl, strlen(f->tmpl));
        sb_appends(out, f->tmpl);
        sb_appendc(out, '(');
        sb_append(out, sb_str(&args[0]), args[0].len);
        sb_appendc(out, ')');
        break;
    case K_CONVERT:
        rc = convert_fn(sc, start, args, out);
        break;
    case K_TSADD:
    case K_TSDIFF:
        rc = timestamp_fn(sc, start, f, args, infos, out);
        break;
    default:
        rc = fail(sc, start, "%s", f->tmpl, NULL);
        break;
    }
    if (rc == 0) {
        for (int i = 0; i < nargs; i++) {
            *markers += infos[i].markers;
            if (args[i].oom)
                out->oom = true;
        }
        *pos = p;
    }
done:
    for (int i = 0; i < MAX_FN_ARGS; i++)
        sb_free(&args[i]);
    return rc;
}

/* At the '{' of *pos: translates one escape and moves *pos past its '}'. */
static int translate_escape(scanner *sc, size_t *pos, strbuf *out, int depth, unsigned *markers)
{
    const char *s = sc->s;
    size_t start = *pos;
    if (depth > MAX_NESTING)
        return fail(sc, start, "Escape sequences nested too deeply", NULL, NULL);
    size_t p = skip_blanks(sc, start + 1);
    if (p >= sc->len)
        return unterminated(sc, start);
    if (s[p] == '}')
        return fail(sc, start, "Empty escape sequence '{}'", NULL, NULL);
    if (s[p] == '?') {
        p = skip_blanks(sc, p + 1);
        if (p < sc->len && s[p] == '=') {
            p = skip_blanks(sc, p + 1);
            size_t e = read_word(sc, p);
            if (word_is(s + p, e - p, "CALL"))
                return ae_set(sc->err, AE_SYNTAX, 0,
                              "Athena has no stored procedures: the {?= call ...} escape at position %lu "
                              "cannot be executed",
                              char_pos(sc, start));
        }
        return fail(sc, start, "Malformed escape sequence: '{?' must begin '{?= call'", NULL, NULL);
    }
    size_t e = read_word(sc, p);
    const char *kw = s + p;
    size_t kwl = e - p;
    *pos = e;
    if (word_is(kw, kwl, "D"))
        return literal_escape(sc, pos, start, out, "d");
    if (word_is(kw, kwl, "T"))
        return literal_escape(sc, pos, start, out, "t");
    if (word_is(kw, kwl, "TS"))
        return literal_escape(sc, pos, start, out, "ts");
    if (word_is(kw, kwl, "GUID"))
        return literal_escape(sc, pos, start, out, "guid");
    if (word_is(kw, kwl, "ESCAPE"))
        return literal_escape(sc, pos, start, out, "escape");
    if (word_is(kw, kwl, "FN"))
        return fn_escape(sc, pos, start, out, depth, markers);
    if (word_is(kw, kwl, "OJ"))
        return oj_escape(sc, pos, start, out, depth, markers);
    if (word_is(kw, kwl, "INTERVAL"))
        return interval_escape(sc, pos, start, out);
    if (word_is(kw, kwl, "CALL"))
        return ae_set(sc->err, AE_SYNTAX, 0,
                      "Athena has no stored procedures: the {call ...} escape at position %lu cannot be executed",
                      char_pos(sc, start));
    char shown[40];
    snprintf(shown, sizeof shown, "%.*s", (int)(kwl > 32 ? 32 : kwl), kw);
    return fail(sc, start, "Unknown escape sequence '{%s'", shown, NULL);
}

/* ------------------------------------------------------------------ API */

int sql_translate(const char *sql, size_t len, strbuf *out, athena_error *err)
{
    size_t before = out->len;
    if (!sql)
        len = 0;
    if (len == 0 || !memchr(sql, '{', len)) {
        if (len)
            sb_append(out, sql, len);
        else
            sb_append(out, "", 0);
        if (out->oom)
            return ae_set(err, AE_NOMEM, 0, "Out of memory translating the SQL text");
        return 0;
    }
    scanner sc = {sql, len, err};
    size_t pos = 0;
    seg_info info;
    if (scan_segment(&sc, &pos, out, MODE_TOP, 0, &info) < 0 || out->oom) {
        if (out->oom)
            ae_set(err, AE_NOMEM, 0, "Out of memory translating the SQL text");
        if (out->data && out->len > before) {
            out->len = before;
            out->data[before] = '\0';
        }
        return -1;
    }
    return 0;
}

bool sql_escape_info(unsigned short info_type, unsigned int *mask)
{
    unsigned int m = 0;
    int group = -1;
    switch (info_type) {
    case SQL_STRING_FUNCTIONS: group = G_STRING; break;
    case SQL_NUMERIC_FUNCTIONS: group = G_NUMERIC; break;
    case SQL_TIMEDATE_FUNCTIONS: group = G_TIMEDATE; break;
    case SQL_SYSTEM_FUNCTIONS: group = G_SYSTEM; break;
    case SQL_CONVERT_FUNCTIONS: group = G_CONVERT; m = SQL_FN_CVT_CAST; break;
    case SQL_TIMEDATE_ADD_INTERVALS:
    case SQL_TIMEDATE_DIFF_INTERVALS:
        for (size_t i = 0; i < sizeof intervals / sizeof intervals[0]; i++)
            m |= intervals[i].bit;
        *mask = m;
        return true;
    default:
        break;
    }
    if (group >= 0) {
        for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
            if (functions[i].group == group && functions[i].kind != K_REFUSE)
                m |= functions[i].bit;
        *mask = m;
        return true;
    }
    for (size_t i = 0; i < sizeof cvt_sources / sizeof cvt_sources[0]; i++) {
        if (cvt_sources[i].info == info_type) {
            unsigned int to = castable(cvt_sources[i].tc);
            for (size_t k = 0; k < sizeof cvt_targets / sizeof cvt_targets[0]; k++)
                if (to & TCB(cvt_targets[k].tc))
                    m |= cvt_targets[k].bit;
            *mask = m;
            return true;
        }
    }
    return false;
}

/* athena_types.c - Athena's column types and what ODBC reports for them.
 *
 * Two jobs: recognise a type name as Athena (Trino) or Hive DDL spells it,
 * and fill the ODBC view of a column (ODBC 3.8 appendix D: column size,
 * decimal digits, display size, transfer octet length). docs/types.md
 * holds the same table in prose; keep the two in step. */
#include "athena_types.h"
#include "wide.h"

#include <limits.h>
#include <string.h>

/* Defaults when no options are given (docs/configuration.md). */
#define DEFAULT_STRING_COLUMN_LENGTH 255
#define DEFAULT_COMPLEX_COLUMN_LENGTH 65535

/* Longest IANA zone id ("America/Argentina/ComodRivadavia"); offsets such
 * as "+05:30" and "UTC" are shorter. */
#define MAX_ZONE_LEN 32

static const char *const type_names[AT_TYPE_COUNT] = {
    [AT_UNKNOWN] = "unknown",
    [AT_BOOLEAN] = "boolean",
    [AT_TINYINT] = "tinyint",
    [AT_SMALLINT] = "smallint",
    [AT_INTEGER] = "integer",
    [AT_BIGINT] = "bigint",
    [AT_REAL] = "real",
    [AT_DOUBLE] = "double",
    [AT_DECIMAL] = "decimal",
    [AT_VARCHAR] = "varchar",
    [AT_CHAR] = "char",
    [AT_VARBINARY] = "varbinary",
    [AT_DATE] = "date",
    [AT_TIME] = "time",
    [AT_TIME_TZ] = "time with time zone",
    [AT_TIMESTAMP] = "timestamp",
    [AT_TIMESTAMP_TZ] = "timestamp with time zone",
    [AT_INTERVAL_YM] = "interval year to month",
    [AT_INTERVAL_DS] = "interval day to second",
    [AT_ARRAY] = "array",
    [AT_MAP] = "map",
    [AT_ROW] = "row",
    [AT_JSON] = "json",
    [AT_UUID] = "uuid",
    [AT_IPADDRESS] = "ipaddress",
};

const char *type_name_of(athena_type t)
{
    if ((int)t < 0 || t >= AT_TYPE_COUNT)
        return type_names[AT_UNKNOWN];
    return type_names[t];
}

/* ---------------------------------------------------------------- parsing */

static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c; }
static bool is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
static const char *skip_ws(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return s;
}

/* Reads one word (lower-cased, truncated to cap-1) and returns the position after it. */
static const char *read_word(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    s = skip_ws(s);
    while (is_word_char(*s)) {
        if (n + 1 < cap)
            out[n++] = lower(*s);
        s++;
    }
    out[n] = '\0';
    return s;
}

/* Reads "(n)" or "(n, m)" after a type word. Returns how many integers were
 * read (0 when there is no parenthesis or its content is not numeric, as
 * in "array(integer)"). */
static int read_params(const char *s, long *a, long *b, const char **after)
{
    const char *p = skip_ws(s);
    long v[2] = {0, 0};
    int n = 0;
    if (after)
        *after = s;
    if (*p != '(')
        return 0;
    p++;
    for (;;) {
        p = skip_ws(p);
        if (*p < '0' || *p > '9')
            return 0;
        long x = 0;
        while (*p >= '0' && *p <= '9') {
            if (x > (LONG_MAX - 9) / 10)
                return 0;
            x = x * 10 + (*p - '0');
            p++;
        }
        if (n < 2)
            v[n] = x;
        n++;
        p = skip_ws(p);
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p != ')' || n > 2)
            return 0;
        p++;
        break;
    }
    *a = v[0];
    *b = v[1];
    if (after)
        *after = p;
    return n;
}

/* True if the words after s are exactly "with time zone". */
static bool with_time_zone(const char *s)
{
    char w[16];
    s = read_word(s, w, sizeof w);
    if (strcmp(w, "with") != 0)
        return false;
    s = read_word(s, w, sizeof w);
    if (strcmp(w, "time") != 0)
        return false;
    read_word(s, w, sizeof w);
    return strcmp(w, "zone") == 0;
}

athena_type type_from_name(const char *name)
{
    char w[32];
    const char *rest;
    if (!name)
        return AT_UNKNOWN;
    rest = read_word(name, w, sizeof w);
    if (!w[0])
        return AT_UNKNOWN;
    switch (w[0]) {
    case 'a':
        if (!strcmp(w, "array"))
            return AT_ARRAY;
        break;
    case 'b':
        if (!strcmp(w, "boolean"))
            return AT_BOOLEAN;
        if (!strcmp(w, "bigint"))
            return AT_BIGINT;
        if (!strcmp(w, "binary"))
            return AT_VARBINARY;
        break;
    case 'c':
        if (!strcmp(w, "char") || !strcmp(w, "character"))
            return AT_CHAR;
        break;
    case 'd':
        if (!strcmp(w, "double"))
            return AT_DOUBLE;
        if (!strcmp(w, "decimal") || !strcmp(w, "dec"))
            return AT_DECIMAL;
        if (!strcmp(w, "date"))
            return AT_DATE;
        break;
    case 'f':
        if (!strcmp(w, "float"))
            return AT_REAL;
        break;
    case 'i':
        if (!strcmp(w, "integer") || !strcmp(w, "int"))
            return AT_INTEGER;
        if (!strcmp(w, "ipaddress"))
            return AT_IPADDRESS;
        if (!strcmp(w, "interval")) {
            char w2[16];
            read_word(rest, w2, sizeof w2);
            if (!strcmp(w2, "year") || !strcmp(w2, "month"))
                return AT_INTERVAL_YM;
            if (!strcmp(w2, "day") || !strcmp(w2, "hour") || !strcmp(w2, "minute") ||
                !strcmp(w2, "second"))
                return AT_INTERVAL_DS;
            return AT_UNKNOWN;
        }
        break;
    case 'j':
        if (!strcmp(w, "json"))
            return AT_JSON;
        break;
    case 'm':
        if (!strcmp(w, "map"))
            return AT_MAP;
        break;
    case 'n':
        if (!strcmp(w, "numeric"))
            return AT_DECIMAL;
        break;
    case 'r':
        if (!strcmp(w, "real"))
            return AT_REAL;
        if (!strcmp(w, "row"))
            return AT_ROW;
        break;
    case 's':
        if (!strcmp(w, "smallint"))
            return AT_SMALLINT;
        if (!strcmp(w, "string"))
            return AT_VARCHAR;
        if (!strcmp(w, "struct"))
            return AT_ROW;
        break;
    case 't':
        if (!strcmp(w, "tinyint"))
            return AT_TINYINT;
        if (!strcmp(w, "time") || !strcmp(w, "timestamp")) {
            long a, b;
            const char *after;
            bool ts = w[4] != '\0';
            read_params(rest, &a, &b, &after);
            if (with_time_zone(after))
                return ts ? AT_TIMESTAMP_TZ : AT_TIME_TZ;
            return ts ? AT_TIMESTAMP : AT_TIME;
        }
        break;
    case 'u':
        if (!strcmp(w, "uuid"))
            return AT_UUID;
        if (!strcmp(w, "unknown"))
            return AT_UNKNOWN;
        break;
    case 'v':
        if (!strcmp(w, "varchar"))
            return AT_VARCHAR;
        if (!strcmp(w, "varbinary"))
            return AT_VARBINARY;
        break;
    default:
        break;
    }
    return AT_UNKNOWN;
}

/* ------------------------------------------------------------- describing */

/* Fractional seconds precision of time/timestamp types: "(p)" in the name
 * wins, else ColumnInfo's Precision when it is a plausible 0..12, else 3
 * (Athena's millisecond default; Hive DDL "timestamp" carries no precision). */
static int fraction_precision(const athena_column *col, bool have_param, long param)
{
    if (have_param)
        return param > 12 ? 12 : (int)param;
    if (col->precision > 0 && col->precision <= 12)
        return col->precision;
    return 3;
}

static void set_char_type(athena_column *col, const type_options *opt, bool fixed, long size,
                          int max_bytes_per_char)
{
    bool w = opt && opt->use_wchar;
    if (size < 1)
        size = 1;
    col->sql_type = fixed ? (w ? SQL_WCHAR : SQL_CHAR) : (w ? SQL_WVARCHAR : SQL_VARCHAR);
    col->verbose_type = col->sql_type;
    col->datetime_sub = 0;
    col->column_size = (SQLULEN)size;
    col->decimal_digits = 0;
    col->octet_length = (SQLLEN)size * (w ? (SQLLEN)w_unit() : (SQLLEN)max_bytes_per_char);
    /* SQL_C_CHAR text is UTF-8 and an ANSI application counts its characters
     * in bytes: the display size is the octet length, so a client that sizes
     * its buffer from it (isql, PDO_ODBC, ruby-odbc) gets the whole value. */
    col->display_size = w ? (SQLLEN)size : col->octet_length;
    col->num_prec_radix = 0;
    col->unsigned_attr = true;
    col->literal_prefix = "'";
    col->literal_suffix = "'";
    col->searchable = SQL_PRED_SEARCHABLE;
}

static void set_fixed(athena_column *col, SQLSMALLINT sql_type, SQLULEN size, SQLSMALLINT digits,
                      SQLLEN display, SQLLEN octets, SQLINTEGER radix)
{
    col->sql_type = sql_type;
    col->verbose_type = sql_type;
    col->datetime_sub = 0;
    col->column_size = size;
    col->decimal_digits = digits;
    col->display_size = display;
    col->octet_length = octets;
    col->num_prec_radix = radix;
    col->unsigned_attr = false;
    col->literal_prefix = "";
    col->literal_suffix = "";
    col->searchable = SQL_PRED_BASIC;
}

static void set_literal(athena_column *col, const char *prefix, const char *suffix)
{
    col->literal_prefix = prefix;
    col->literal_suffix = suffix;
}

/* Hive's bare "decimal" is decimal(10,0); precision 1..38, scale 0..p. */
static void describe_decimal(athena_column *col, int nparams, long a, long b)
{
    long p, s;
    if (nparams >= 1) {
        p = a;
        s = nparams >= 2 ? b : 0;
    } else if (col->precision > 0) {
        p = col->precision;
        s = col->scale;
    } else {
        p = 10;
        s = 0;
    }
    if (p < 1)
        p = 1;
    if (p > 38)
        p = 38;
    if (s < 0)
        s = 0;
    if (s > p)
        s = p;
    if (col->precision <= 0 && nparams >= 1) {
        col->precision = (int)p;
        col->scale = (int)s;
    }
    set_fixed(col, SQL_DECIMAL, (SQLULEN)p, (SQLSMALLINT)s, p + 2, p + 2, 10);
}

/* boolean and the numbers. */
static void describe_number(athena_column *col, int nparams, long a, long b)
{
    switch (col->type) {
    case AT_BOOLEAN:
        set_fixed(col, SQL_BIT, 1, 0, 1, 1, 0);
        col->unsigned_attr = true; /* not numeric in ODBC's sense */
        break;
    case AT_TINYINT: set_fixed(col, SQL_TINYINT, 3, 0, 4, 1, 10); break;
    case AT_SMALLINT: set_fixed(col, SQL_SMALLINT, 5, 0, 6, 2, 10); break;
    case AT_INTEGER: set_fixed(col, SQL_INTEGER, 10, 0, 11, 4, 10); break;
    /* Transfer octet length 20: appendix D's table for SQL_BIGINT. */
    case AT_BIGINT: set_fixed(col, SQL_BIGINT, 19, 0, 20, 20, 10); break;
    /* Approximate numbers: NUM_PREC_RADIX 2, so the column size counts the
     * bits of the significand (24, 53), the same figure SQLColumns,
     * SQLGetTypeInfo and SQL_DESC_PRECISION give. Display size: Athena's
     * text carries up to 9 (17) significant digits, the digits that give
     * back the same number: "-1.00025285E-36" is 15 characters,
     * "-2.2250738585072014E-308" 24. */
    case AT_REAL: set_fixed(col, SQL_REAL, 24, 0, 15, 4, 2); break;
    case AT_DOUBLE: set_fixed(col, SQL_DOUBLE, 53, 0, 24, 8, 2); break;
    default: describe_decimal(col, nparams, a, b); break;
    }
}

/* varchar, char and varbinary. */
static void describe_string(athena_column *col, const type_options *opt, long string_len, int nparams, long a)
{
    long n = nparams >= 1 ? a : col->precision;
    switch (col->type) {
    case AT_VARCHAR:
        if (n <= 0 || n >= 2147483647L)
            n = string_len;
        set_char_type(col, opt, false, n, 4);
        break;
    case AT_CHAR:
        if (n <= 0 || n >= 2147483647L)
            n = nparams >= 1 || col->precision > 0 ? string_len : 1; /* bare "char" is char(1) */
        set_char_type(col, opt, true, n, 4);
        break;
    default:
        /* varbinary: Athena says 1073741824; we report StringColumnLength so
         * that applications sizing buffers from ColumnSize stay sane. */
        set_fixed(col, SQL_VARBINARY, (SQLULEN)string_len, 0, string_len * 2, string_len, 0);
        col->unsigned_attr = true;
        set_literal(col, "X'", "'");
        break;
    }
}

/* date, time and timestamp (without time zone): ODBC's datetime types. */
static void describe_datetime(athena_column *col, int nparams, long a)
{
    int p = fraction_precision(col, nparams >= 1, a);
    SQLULEN size;
    switch (col->type) {
    case AT_DATE:
        set_fixed(col, SQL_TYPE_DATE, 10, 0, 10, 6, 0);
        col->datetime_sub = SQL_CODE_DATE;
        set_literal(col, "DATE '", "'");
        break;
    case AT_TIME:
        size = p > 0 ? (SQLULEN)(9 + p) : 8;
        set_fixed(col, SQL_TYPE_TIME, size, (SQLSMALLINT)p, (SQLLEN)size, 6, 0);
        col->datetime_sub = SQL_CODE_TIME;
        set_literal(col, "TIME '", "'");
        break;
    default:
        size = p > 0 ? (SQLULEN)(20 + p) : 19;
        set_fixed(col, SQL_TYPE_TIMESTAMP, size, (SQLSMALLINT)p, (SQLLEN)size, 16, 0);
        col->datetime_sub = SQL_CODE_TIMESTAMP;
        set_literal(col, "TIMESTAMP '", "'");
        break;
    }
    col->verbose_type = SQL_DATETIME;
    col->unsigned_attr = true;
}

/* The types ODBC has no type for, carried as text: with time zone,
 * intervals, uuid, ipaddress, array, row, map, json and unknown names. */
static void describe_as_text(athena_column *col, const type_options *opt, long string_len, long complex_len,
                             int nparams, long a)
{
    SQLSMALLINT searchable = SQL_PRED_BASIC; /* comparable with = in Athena, no LIKE */
    switch (col->type) {
    case AT_TIME_TZ: {
        /* "01:02:03.456 America/Los_Angeles": hh:mm:ss[.f] + space + zone */
        int p = fraction_precision(col, nparams >= 1, a);
        set_char_type(col, opt, false, (p > 0 ? 9 + p : 8) + 1 + MAX_ZONE_LEN, 1);
        col->literal_prefix = "TIME '";
        break;
    }
    case AT_TIMESTAMP_TZ: {
        int p = fraction_precision(col, nparams >= 1, a);
        set_char_type(col, opt, false, (p > 0 ? 20 + p : 19) + 1 + MAX_ZONE_LEN, 1);
        col->literal_prefix = "TIMESTAMP '";
        break;
    }
    case AT_INTERVAL_YM:
        /* months are an int: "-178956970-8"; 13 leaves room for "-Y-11" */
        set_char_type(col, opt, false, 13, 1);
        set_literal(col, "INTERVAL '", "' YEAR TO MONTH");
        break;
    case AT_INTERVAL_DS:
        /* milliseconds are a long: "-106751991167 07:12:55.808" */
        set_char_type(col, opt, false, 26, 1);
        set_literal(col, "INTERVAL '", "' DAY TO SECOND");
        break;
    case AT_UUID:
        set_char_type(col, opt, false, 36, 1);
        col->literal_prefix = "UUID '";
        break;
    case AT_IPADDRESS:
        set_char_type(col, opt, false, 39, 1);
        col->literal_prefix = "IPADDRESS '";
        break;
    case AT_ARRAY:
    case AT_ROW:
        set_char_type(col, opt, false, complex_len, 4);
        set_literal(col, "", ""); /* no literal: built with ARRAY[...], ROW(...) */
        break;
    case AT_MAP:
    case AT_JSON:
        set_char_type(col, opt, false, complex_len, 4);
        if (col->type == AT_JSON)
            set_literal(col, "JSON '", "'");
        else
            set_literal(col, "", "");
        searchable = SQL_PRED_NONE;
        break;
    default:
        set_char_type(col, opt, false, string_len, 4);
        searchable = SQL_PRED_NONE;
        break;
    }
    col->searchable = searchable;
}

void type_describe(athena_column *col, const type_options *opt)
{
    long string_len = opt && opt->string_column_length > 0 ? opt->string_column_length
                                                            : DEFAULT_STRING_COLUMN_LENGTH;
    long complex_len = opt && opt->complex_type_column_length > 0 ? opt->complex_type_column_length
                                                                  : DEFAULT_COMPLEX_COLUMN_LENGTH;
    long a = 0, b = 0;
    char w[32];
    const char *rest = read_word(col->type_name, w, sizeof w);
    int nparams = read_params(rest, &a, &b, NULL);
    col->type = type_from_name(col->type_name);

    switch (col->type) {
    case AT_BOOLEAN: case AT_TINYINT: case AT_SMALLINT: case AT_INTEGER: case AT_BIGINT:
    case AT_REAL: case AT_DOUBLE: case AT_DECIMAL:
        describe_number(col, nparams, a, b);
        break;
    case AT_VARCHAR: case AT_CHAR: case AT_VARBINARY:
        describe_string(col, opt, string_len, nparams, a);
        break;
    case AT_DATE: case AT_TIME: case AT_TIMESTAMP:
        describe_datetime(col, nparams, a);
        break;
    default:
        describe_as_text(col, opt, string_len, complex_len, nparams, a);
        break;
    }
}

SQLLEN type_desc_precision(const athena_column *col)
{
    switch (col->sql_type) {
    case SQL_TYPE_TIME:
    case SQL_TYPE_TIMESTAMP: return col->decimal_digits;
    case SQL_TYPE_DATE: return 0;
    default: return (SQLLEN)col->column_size;
    }
}

bool sql_type_is_char_or_binary(SQLSMALLINT t)
{
    switch (t) {
    case SQL_CHAR: case SQL_VARCHAR: case SQL_LONGVARCHAR: case SQL_WCHAR: case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR: case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY:
        return true;
    default:
        return false;
    }
}

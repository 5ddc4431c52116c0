/* test_types.c - Athena/Hive type names and the ODBC attributes reported
 * for them (ODBC appendix D; docs/types.md). */
#include "harness.h"

#include "athena_types.h"
#include "convert.h"

static void test_names(void)
{
    static const struct {
        const char *name;
        athena_type want;
    } cases[] = {
        {"boolean", AT_BOOLEAN}, {"BOOLEAN", AT_BOOLEAN}, {"tinyint", AT_TINYINT},
        {"smallint", AT_SMALLINT}, {"integer", AT_INTEGER}, {"int", AT_INTEGER}, {"INT", AT_INTEGER},
        {"bigint", AT_BIGINT}, {"real", AT_REAL}, {"float", AT_REAL}, {"double", AT_DOUBLE},
        {"double precision", AT_DOUBLE}, {"decimal", AT_DECIMAL}, {"decimal(10,2)", AT_DECIMAL},
        {"DECIMAL(38, 0)", AT_DECIMAL}, {"numeric(5,1)", AT_DECIMAL}, {"varchar", AT_VARCHAR},
        {"varchar(10)", AT_VARCHAR}, {"string", AT_VARCHAR}, {"STRING", AT_VARCHAR},
        {"char", AT_CHAR}, {"char(5)", AT_CHAR}, {"varbinary", AT_VARBINARY}, {"binary", AT_VARBINARY},
        {"date", AT_DATE}, {"time", AT_TIME}, {"time(3)", AT_TIME},
        {"time with time zone", AT_TIME_TZ}, {"time(6) with time zone", AT_TIME_TZ},
        {"timestamp", AT_TIMESTAMP}, {"timestamp(6)", AT_TIMESTAMP}, {"TIMESTAMP(9)", AT_TIMESTAMP},
        {"timestamp without time zone", AT_TIMESTAMP},
        {"timestamp with time zone", AT_TIMESTAMP_TZ}, {"timestamp(3) with time zone", AT_TIMESTAMP_TZ},
        {"Timestamp With Time Zone", AT_TIMESTAMP_TZ},
        {"interval year to month", AT_INTERVAL_YM}, {"interval day to second", AT_INTERVAL_DS},
        {"INTERVAL DAY TO SECOND", AT_INTERVAL_DS},
        {"array", AT_ARRAY}, {"array(integer)", AT_ARRAY}, {"array<int>", AT_ARRAY},
        {"array<struct<a:int>>", AT_ARRAY}, {"map", AT_MAP}, {"map(varchar, integer)", AT_MAP},
        {"map<string,int>", AT_MAP}, {"row", AT_ROW}, {"row(x integer, y varchar)", AT_ROW},
        {"struct<a:int,b:string>", AT_ROW}, {"json", AT_JSON}, {"uuid", AT_UUID},
        {"ipaddress", AT_IPADDRESS}, {"unknown", AT_UNKNOWN}, {"", AT_UNKNOWN},
        {"hyperloglog", AT_UNKNOWN}, {"  integer  ", AT_INTEGER}, {"interval", AT_UNKNOWN},
        {"varchar2", AT_UNKNOWN},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        CHECK_INT(type_from_name(cases[i].name), cases[i].want, cases[i].name);
    CHECK_INT(type_from_name(NULL), AT_UNKNOWN, "NULL name");

    static const char *const canon[AT_TYPE_COUNT] = {
        "unknown", "boolean", "tinyint", "smallint", "integer", "bigint", "real", "double", "decimal",
        "varchar", "char", "varbinary", "date", "time", "time with time zone", "timestamp",
        "timestamp with time zone", "interval year to month", "interval day to second", "array", "map",
        "row", "json", "uuid", "ipaddress"};
    for (int t = 0; t < AT_TYPE_COUNT; t++) {
        CHECK_STR(type_name_of((athena_type)t), canon[t], "canonical name");
        CHECK_INT(type_from_name(canon[t]), t, canon[t]);
    }
    CHECK_STR(type_name_of(AT_TYPE_COUNT), "unknown", "out of range");
}

typedef struct want {
    const char *type_name;
    int precision, scale;
    athena_type type;
    SQLSMALLINT sql_type, verbose, sub;
    SQLULEN size;
    SQLSMALLINT digits;
    SQLLEN display, octets;
    SQLINTEGER radix;
    bool is_unsigned;
    const char *prefix, *suffix;
    SQLSMALLINT searchable;
    SQLSMALLINT default_ctype;
    SQLLEN desc_precision;
} want;

static void check_one(const want *w, const type_options *opt, const char *optname)
{
    athena_column col;
    char what[160];
    memset(&col, 0, sizeof col);
    snprintf(col.type_name, sizeof col.type_name, "%s", w->type_name);
    col.precision = w->precision;
    col.scale = w->scale;
    type_describe(&col, opt);
    snprintf(what, sizeof what, "%s [%s] type", w->type_name, optname);
    CHECK_INT(col.type, w->type, what);
    snprintf(what, sizeof what, "%s [%s] sql_type", w->type_name, optname);
    CHECK_INT(col.sql_type, w->sql_type, what);
    snprintf(what, sizeof what, "%s [%s] verbose_type", w->type_name, optname);
    CHECK_INT(col.verbose_type, w->verbose, what);
    snprintf(what, sizeof what, "%s [%s] datetime_sub", w->type_name, optname);
    CHECK_INT(col.datetime_sub, w->sub, what);
    snprintf(what, sizeof what, "%s [%s] column_size", w->type_name, optname);
    CHECK_INT(col.column_size, w->size, what);
    snprintf(what, sizeof what, "%s [%s] decimal_digits", w->type_name, optname);
    CHECK_INT(col.decimal_digits, w->digits, what);
    snprintf(what, sizeof what, "%s [%s] display_size", w->type_name, optname);
    CHECK_INT(col.display_size, w->display, what);
    snprintf(what, sizeof what, "%s [%s] octet_length", w->type_name, optname);
    CHECK_INT(col.octet_length, w->octets, what);
    snprintf(what, sizeof what, "%s [%s] num_prec_radix", w->type_name, optname);
    CHECK_INT(col.num_prec_radix, w->radix, what);
    snprintf(what, sizeof what, "%s [%s] unsigned", w->type_name, optname);
    CHECK_INT(col.unsigned_attr, w->is_unsigned, what);
    snprintf(what, sizeof what, "%s [%s] literal prefix", w->type_name, optname);
    CHECK_STR(col.literal_prefix, w->prefix, what);
    snprintf(what, sizeof what, "%s [%s] literal suffix", w->type_name, optname);
    CHECK_STR(col.literal_suffix, w->suffix, what);
    snprintf(what, sizeof what, "%s [%s] searchable", w->type_name, optname);
    CHECK_INT(col.searchable, w->searchable, what);
    snprintf(what, sizeof what, "%s [%s] default C type", w->type_name, optname);
    CHECK_INT(ctype_default(&col), w->default_ctype, what);
    snprintf(what, sizeof what, "%s [%s] SQL_DESC_PRECISION", w->type_name, optname);
    CHECK_INT(type_desc_precision(&col), w->desc_precision, what);
}

#define CH SQL_C_CHAR
#define VC SQL_VARCHAR
#define SRCH SQL_PRED_SEARCHABLE
#define BASIC SQL_PRED_BASIC
#define NONE SQL_PRED_NONE

static void test_describe_defaults(void)
{
    /* Options: StringColumnLength 255, ComplexTypeColumnLength 65535, no WCHAR. */
    type_options opt = {255, 65535, false};
    static const want cases[] = {
        /* name, prec, scale, type, sql, verbose, sub, size, digits, display, octets, radix, unsigned, prefix, suffix, searchable, ctype, desc prec */
        {"boolean", 0, 0, AT_BOOLEAN, SQL_BIT, SQL_BIT, 0, 1, 0, 1, 1, 0, true, "", "", BASIC, SQL_C_BIT, 1},
        {"tinyint", 3, 0, AT_TINYINT, SQL_TINYINT, SQL_TINYINT, 0, 3, 0, 4, 1, 10, false, "", "", BASIC, SQL_C_STINYINT, 3},
        {"smallint", 5, 0, AT_SMALLINT, SQL_SMALLINT, SQL_SMALLINT, 0, 5, 0, 6, 2, 10, false, "", "", BASIC, SQL_C_SSHORT, 5},
        {"integer", 10, 0, AT_INTEGER, SQL_INTEGER, SQL_INTEGER, 0, 10, 0, 11, 4, 10, false, "", "", BASIC, SQL_C_SLONG, 10},
        {"int", 0, 0, AT_INTEGER, SQL_INTEGER, SQL_INTEGER, 0, 10, 0, 11, 4, 10, false, "", "", BASIC, SQL_C_SLONG, 10},
        {"bigint", 19, 0, AT_BIGINT, SQL_BIGINT, SQL_BIGINT, 0, 19, 0, 20, 20, 10, false, "", "", BASIC, SQL_C_SBIGINT, 19},
        /* radix 2: the column size is the significand's bits, as SQLColumns and SQL_DESC_PRECISION say;
         * display: sign, 9 (17) digits, point, E, sign, 2 (3) digits of Athena's round-trip text */
        {"float", 17, 0, AT_REAL, SQL_REAL, SQL_REAL, 0, 24, 0, 15, 4, 2, false, "", "", BASIC, SQL_C_FLOAT, 24},
        {"real", 0, 0, AT_REAL, SQL_REAL, SQL_REAL, 0, 24, 0, 15, 4, 2, false, "", "", BASIC, SQL_C_FLOAT, 24},
        {"double", 17, 0, AT_DOUBLE, SQL_DOUBLE, SQL_DOUBLE, 0, 53, 0, 24, 8, 2, false, "", "", BASIC, SQL_C_DOUBLE, 53},
        {"decimal", 10, 2, AT_DECIMAL, SQL_DECIMAL, SQL_DECIMAL, 0, 10, 2, 12, 12, 10, false, "", "", BASIC, CH, 10},
        {"decimal", 38, 10, AT_DECIMAL, SQL_DECIMAL, SQL_DECIMAL, 0, 38, 10, 40, 40, 10, false, "", "", BASIC, CH, 38},
        {"decimal(5,1)", 0, 0, AT_DECIMAL, SQL_DECIMAL, SQL_DECIMAL, 0, 5, 1, 7, 7, 10, false, "", "", BASIC, CH, 5},
        {"decimal(7)", 0, 0, AT_DECIMAL, SQL_DECIMAL, SQL_DECIMAL, 0, 7, 0, 9, 9, 10, false, "", "", BASIC, CH, 7},
        {"decimal", 0, 0, AT_DECIMAL, SQL_DECIMAL, SQL_DECIMAL, 0, 10, 0, 12, 12, 10, false, "", "", BASIC, CH, 10},
        {"varchar", 2147483647, 0, AT_VARCHAR, VC, VC, 0, 255, 0, 1020, 1020, 0, true, "'", "'", SRCH, CH, 255},
        {"varchar", 10, 0, AT_VARCHAR, VC, VC, 0, 10, 0, 40, 40, 0, true, "'", "'", SRCH, CH, 10},
        {"varchar(20)", 0, 0, AT_VARCHAR, VC, VC, 0, 20, 0, 80, 80, 0, true, "'", "'", SRCH, CH, 20},
        {"string", 0, 0, AT_VARCHAR, VC, VC, 0, 255, 0, 1020, 1020, 0, true, "'", "'", SRCH, CH, 255},
        {"char", 5, 0, AT_CHAR, SQL_CHAR, SQL_CHAR, 0, 5, 0, 20, 20, 0, true, "'", "'", SRCH, CH, 5},
        {"char(3)", 0, 0, AT_CHAR, SQL_CHAR, SQL_CHAR, 0, 3, 0, 12, 12, 0, true, "'", "'", SRCH, CH, 3},
        {"varbinary", 1073741824, 0, AT_VARBINARY, SQL_VARBINARY, SQL_VARBINARY, 0, 255, 0, 510, 255, 0, true, "X'", "'", BASIC, SQL_C_BINARY, 255},
        {"binary", 0, 0, AT_VARBINARY, SQL_VARBINARY, SQL_VARBINARY, 0, 255, 0, 510, 255, 0, true, "X'", "'", BASIC, SQL_C_BINARY, 255},
        {"date", 0, 0, AT_DATE, SQL_TYPE_DATE, SQL_DATETIME, SQL_CODE_DATE, 10, 0, 10, 6, 0, true, "DATE '", "'", BASIC, SQL_C_TYPE_DATE, 0},
        {"time", 3, 0, AT_TIME, SQL_TYPE_TIME, SQL_DATETIME, SQL_CODE_TIME, 12, 3, 12, 6, 0, true, "TIME '", "'", BASIC, SQL_C_TYPE_TIME, 3},
        {"time(0)", 0, 0, AT_TIME, SQL_TYPE_TIME, SQL_DATETIME, SQL_CODE_TIME, 8, 0, 8, 6, 0, true, "TIME '", "'", BASIC, SQL_C_TYPE_TIME, 0},
        {"timestamp", 3, 0, AT_TIMESTAMP, SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 23, 3, 23, 16, 0, true, "TIMESTAMP '", "'", BASIC, SQL_C_TYPE_TIMESTAMP, 3},
        {"timestamp", 0, 0, AT_TIMESTAMP, SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 23, 3, 23, 16, 0, true, "TIMESTAMP '", "'", BASIC, SQL_C_TYPE_TIMESTAMP, 3},
        {"timestamp", 6, 0, AT_TIMESTAMP, SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 26, 6, 26, 16, 0, true, "TIMESTAMP '", "'", BASIC, SQL_C_TYPE_TIMESTAMP, 6},
        {"timestamp(9)", 3, 0, AT_TIMESTAMP, SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 29, 9, 29, 16, 0, true, "TIMESTAMP '", "'", BASIC, SQL_C_TYPE_TIMESTAMP, 9},
        {"timestamp(0)", 0, 0, AT_TIMESTAMP, SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 19, 0, 19, 16, 0, true, "TIMESTAMP '", "'", BASIC, SQL_C_TYPE_TIMESTAMP, 0},
        {"time with time zone", 3, 0, AT_TIME_TZ, VC, VC, 0, 45, 0, 45, 45, 0, true, "TIME '", "'", BASIC, CH, 45},
        {"timestamp with time zone", 3, 0, AT_TIMESTAMP_TZ, VC, VC, 0, 56, 0, 56, 56, 0, true, "TIMESTAMP '", "'", BASIC, CH, 56},
        {"timestamp(6) with time zone", 0, 0, AT_TIMESTAMP_TZ, VC, VC, 0, 59, 0, 59, 59, 0, true, "TIMESTAMP '", "'", BASIC, CH, 59},
        {"interval year to month", 0, 0, AT_INTERVAL_YM, VC, VC, 0, 13, 0, 13, 13, 0, true, "INTERVAL '", "' YEAR TO MONTH", BASIC, CH, 13},
        {"interval day to second", 0, 0, AT_INTERVAL_DS, VC, VC, 0, 26, 0, 26, 26, 0, true, "INTERVAL '", "' DAY TO SECOND", BASIC, CH, 26},
        {"array", 0, 0, AT_ARRAY, VC, VC, 0, 65535, 0, 262140, 262140, 0, true, "", "", BASIC, CH, 65535},
        {"array<int>", 0, 0, AT_ARRAY, VC, VC, 0, 65535, 0, 262140, 262140, 0, true, "", "", BASIC, CH, 65535},
        {"map", 0, 0, AT_MAP, VC, VC, 0, 65535, 0, 262140, 262140, 0, true, "", "", NONE, CH, 65535},
        {"row", 0, 0, AT_ROW, VC, VC, 0, 65535, 0, 262140, 262140, 0, true, "", "", BASIC, CH, 65535},
        {"struct<a:int>", 0, 0, AT_ROW, VC, VC, 0, 65535, 0, 262140, 262140, 0, true, "", "", BASIC, CH, 65535},
        {"json", 0, 0, AT_JSON, VC, VC, 0, 65535, 0, 262140, 262140, 0, true, "JSON '", "'", NONE, CH, 65535},
        {"uuid", 0, 0, AT_UUID, VC, VC, 0, 36, 0, 36, 36, 0, true, "UUID '", "'", BASIC, CH, 36},
        {"ipaddress", 0, 0, AT_IPADDRESS, VC, VC, 0, 39, 0, 39, 39, 0, true, "IPADDRESS '", "'", BASIC, CH, 39},
        {"unknown", 0, 0, AT_UNKNOWN, VC, VC, 0, 255, 0, 1020, 1020, 0, true, "'", "'", NONE, CH, 255},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        check_one(&cases[i], &opt, "defaults");
}

static void test_describe_options(void)
{
    /* StringColumnLength 1000, ComplexTypeColumnLength 4096, WCHAR on. */
    type_options opt = {1000, 4096, true};
    static const want cases[] = {
        {"varchar", 2147483647, 0, AT_VARCHAR, SQL_WVARCHAR, SQL_WVARCHAR, 0, 1000, 0, 1000, 2000, 0, true, "'", "'", SRCH, SQL_C_WCHAR, 1000},
        {"varchar", 10, 0, AT_VARCHAR, SQL_WVARCHAR, SQL_WVARCHAR, 0, 10, 0, 10, 20, 0, true, "'", "'", SRCH, SQL_C_WCHAR, 10},
        {"char", 4, 0, AT_CHAR, SQL_WCHAR, SQL_WCHAR, 0, 4, 0, 4, 8, 0, true, "'", "'", SRCH, SQL_C_WCHAR, 4},
        {"varbinary", 1073741824, 0, AT_VARBINARY, SQL_VARBINARY, SQL_VARBINARY, 0, 1000, 0, 2000, 1000, 0, true, "X'", "'", BASIC, SQL_C_BINARY, 1000},
        {"array", 0, 0, AT_ARRAY, SQL_WVARCHAR, SQL_WVARCHAR, 0, 4096, 0, 4096, 8192, 0, true, "", "", BASIC, SQL_C_WCHAR, 4096},
        {"json", 0, 0, AT_JSON, SQL_WVARCHAR, SQL_WVARCHAR, 0, 4096, 0, 4096, 8192, 0, true, "JSON '", "'", NONE, SQL_C_WCHAR, 4096},
        {"uuid", 0, 0, AT_UUID, SQL_WVARCHAR, SQL_WVARCHAR, 0, 36, 0, 36, 72, 0, true, "UUID '", "'", BASIC, SQL_C_WCHAR, 36},
        {"timestamp with time zone", 3, 0, AT_TIMESTAMP_TZ, SQL_WVARCHAR, SQL_WVARCHAR, 0, 56, 0, 56, 112, 0, true, "TIMESTAMP '", "'", BASIC, SQL_C_WCHAR, 56},
        {"unknown", 0, 0, AT_UNKNOWN, SQL_WVARCHAR, SQL_WVARCHAR, 0, 1000, 0, 1000, 2000, 0, true, "'", "'", NONE, SQL_C_WCHAR, 1000},
        /* non-character types are unaffected by UseWCharForStringTypes */
        {"integer", 10, 0, AT_INTEGER, SQL_INTEGER, SQL_INTEGER, 0, 10, 0, 11, 4, 10, false, "", "", BASIC, SQL_C_SLONG, 10},
        {"decimal", 10, 2, AT_DECIMAL, SQL_DECIMAL, SQL_DECIMAL, 0, 10, 2, 12, 12, 10, false, "", "", BASIC, CH, 10},
        {"date", 0, 0, AT_DATE, SQL_TYPE_DATE, SQL_DATETIME, SQL_CODE_DATE, 10, 0, 10, 6, 0, true, "DATE '", "'", BASIC, SQL_C_TYPE_DATE, 0},
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        check_one(&cases[i], &opt, "wchar,1000,4096");

    /* No options at all: the documented defaults. */
    static const want nulls[] = {
        {"string", 0, 0, AT_VARCHAR, VC, VC, 0, 255, 0, 1020, 1020, 0, true, "'", "'", SRCH, CH, 255},
        {"map", 0, 0, AT_MAP, VC, VC, 0, 65535, 0, 262140, 262140, 0, true, "", "", NONE, CH, 65535},
    };
    for (size_t i = 0; i < ARRAY_LEN(nulls); i++)
        check_one(&nulls[i], NULL, "no options");
}

static void test_decimal_from_name(void)
{
    /* Hive DDL types carry their parameters in the name only; the column
     * then gets them as its precision and scale. */
    athena_column col;
    memset(&col, 0, sizeof col);
    strcpy(col.type_name, "decimal(12,4)");
    type_describe(&col, NULL);
    CHECK_INT(col.precision, 12, "precision taken from the name");
    CHECK_INT(col.scale, 4, "scale taken from the name");
    CHECK_INT(col.column_size, 12, "column size 12");
    CHECK_INT(col.decimal_digits, 4, "decimal digits 4");
}

int main(void)
{
    test_names();
    test_describe_defaults();
    test_describe_options();
    test_decimal_from_name();
    return th_done();
}

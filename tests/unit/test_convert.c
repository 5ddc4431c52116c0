/* test_convert.c - Athena's text values to every SQL_C_* type.
 *
 * Part one is the whole conversion table: every Athena type (one typical
 * value each) against every C type, with the exact value or SQLSTATE the
 * ODBC appendix D tables give. The rest goes through the rules one by one:
 * character data to numbers, bits, dates and intervals, SQL_NUMERIC_STRUCT
 * bytes, truncation and SQLGetData pieces with exact lengths, UTF-16 with
 * surrogate pairs, NULL handling. */
#include "harness.h"

#include <math.h>
#include <time.h>

#include "convert.h"
#include "utf.h"

/* ------------------------------------------------------------- fixtures */

static athena_column make_col(const char *type_name, int precision, int scale, bool wchar)
{
    athena_column col;
    type_options opt = {255, 65535, wchar};
    memset(&col, 0, sizeof col);
    snprintf(col.type_name, sizeof col.type_name, "%s", type_name);
    col.precision = precision;
    col.scale = scale;
    type_describe(&col, &opt);
    return col;
}

static const SQLSMALLINT ctypes[] = {
    SQL_C_CHAR, SQL_C_WCHAR, SQL_C_BIT, SQL_C_STINYINT, SQL_C_UTINYINT, SQL_C_TINYINT,
    SQL_C_SSHORT, SQL_C_USHORT, SQL_C_SHORT, SQL_C_SLONG, SQL_C_ULONG, SQL_C_LONG,
    SQL_C_SBIGINT, SQL_C_UBIGINT, SQL_C_FLOAT, SQL_C_DOUBLE, SQL_C_NUMERIC,
    SQL_C_TYPE_DATE, SQL_C_TYPE_TIME, SQL_C_TYPE_TIMESTAMP, SQL_C_DATE, SQL_C_TIME, SQL_C_TIMESTAMP,
    SQL_C_BINARY, SQL_C_GUID,
    SQL_C_INTERVAL_YEAR, SQL_C_INTERVAL_MONTH, SQL_C_INTERVAL_DAY, SQL_C_INTERVAL_HOUR,
    SQL_C_INTERVAL_MINUTE, SQL_C_INTERVAL_SECOND, SQL_C_INTERVAL_YEAR_TO_MONTH,
    SQL_C_INTERVAL_DAY_TO_HOUR, SQL_C_INTERVAL_DAY_TO_MINUTE, SQL_C_INTERVAL_DAY_TO_SECOND,
    SQL_C_INTERVAL_HOUR_TO_MINUTE, SQL_C_INTERVAL_HOUR_TO_SECOND, SQL_C_INTERVAL_MINUTE_TO_SECOND,
    SQL_C_DEFAULT,
};
#define NCT (sizeof ctypes / sizeof ctypes[0])
static const char *const ctype_names[] = {
    "CHAR", "WCHAR", "BIT", "STINYINT", "UTINYINT", "TINYINT", "SSHORT", "USHORT", "SHORT", "SLONG",
    "ULONG", "LONG", "SBIGINT", "UBIGINT", "FLOAT", "DOUBLE", "NUMERIC", "TYPE_DATE", "TYPE_TIME",
    "TYPE_TIMESTAMP", "DATE", "TIME", "TIMESTAMP", "BINARY", "GUID", "INTERVAL_YEAR",
    "INTERVAL_MONTH", "INTERVAL_DAY", "INTERVAL_HOUR", "INTERVAL_MINUTE", "INTERVAL_SECOND",
    "INTERVAL_YEAR_TO_MONTH", "INTERVAL_DAY_TO_HOUR", "INTERVAL_DAY_TO_MINUTE",
    "INTERVAL_DAY_TO_SECOND", "INTERVAL_HOUR_TO_MINUTE", "INTERVAL_HOUR_TO_SECOND",
    "INTERVAL_MINUTE_TO_SECOND", "DEFAULT"};

static char today_str[32];

/* SQL_C_WCHAR output (native UTF-16 units, maybe unaligned) to UTF-8 with
 * the driver's own converter (utf.c, tested in test_utf). */
static void wchars_to_utf8(const unsigned char *b, size_t units, char *out)
{
    uint16_t *w = malloc(units * 2 + 2);
    size_t len = 0;
    char *s = w ? (memcpy(w, b, units * 2), utf16_to_utf8(w, units, &len)) : NULL;
    memcpy(out, s ? s : "", len + 1);
    free(s);
    free(w);
}

static void hex(const unsigned char *b, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", b[i]);
    out[2 * n] = 0;
}

static void numeric_str(const SQL_NUMERIC_STRUCT *ns, char *out)
{
    unsigned __int128 v = 0;
    char digits[64];
    int k = 0;
    for (int i = 15; i >= 0; i--)
        v = (v << 8) | ns->val[i];
    do {
        digits[k++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    int o = sprintf(out, "%d,%d,%d,", ns->precision, ns->scale, ns->sign);
    while (k)
        out[o++] = digits[--k];
    out[o] = 0;
}

/* Renders what a conversion produced into `out`. */
static void render(SQLSMALLINT ct, const athena_column *col, cv_status st, const void *buf,
                   SQLLEN len, char *out)
{
    char val[600];
    sqlstate_id id;
    const char *state = cv_state(st, &id) ? sqlstate_get(id)->state : NULL;
    if (st == CV_NULL) {
        strcpy(out, len == SQL_NULL_DATA ? "NULL" : "NULL-BADIND");
        return;
    }
    if (state && st != CV_TRUNCATED && st != CV_FRACTIONAL) {
        strcpy(out, state);
        return;
    }
    if (ct == SQL_C_DEFAULT)
        ct = ctype_default(col);
    SQLLEN size = -1;
    switch (ct) {
    case SQL_C_CHAR:
        snprintf(val, sizeof val, "%s", (const char *)buf);
        if ((SQLLEN)strlen(val) != len && st == CV_OK)
            strcpy(val, "BADLEN");
        break;
    case SQL_C_WCHAR: {
        size_t units = 0;
        const unsigned char *b = buf;
        while (b[2 * units] || b[2 * units + 1])
            units++;
        wchars_to_utf8(b, units, val);
        if ((SQLLEN)(units * 2) != len && st == CV_OK)
            strcpy(val, "BADLEN");
        break;
    }
    case SQL_C_BINARY:
        hex(buf, (size_t)len, val);
        break;
    case SQL_C_BIT: case SQL_C_UTINYINT:
        sprintf(val, "%u", *(const unsigned char *)buf); size = 1; break;
    case SQL_C_STINYINT: case SQL_C_TINYINT:
        sprintf(val, "%d", *(const signed char *)buf); size = 1; break;
    case SQL_C_SSHORT: case SQL_C_SHORT:
        sprintf(val, "%d", *(const short *)buf); size = 2; break;
    case SQL_C_USHORT:
        sprintf(val, "%u", *(const unsigned short *)buf); size = 2; break;
    case SQL_C_SLONG: case SQL_C_LONG:
        sprintf(val, "%d", *(const int *)buf); size = 4; break;
    case SQL_C_ULONG:
        sprintf(val, "%u", *(const unsigned *)buf); size = 4; break;
    case SQL_C_SBIGINT:
        sprintf(val, "%lld", *(const long long *)buf); size = 8; break;
    case SQL_C_UBIGINT:
        sprintf(val, "%llu", *(const unsigned long long *)buf); size = 8; break;
    case SQL_C_FLOAT:
        sprintf(val, "%.9g", *(const float *)buf); size = 4; break;
    case SQL_C_DOUBLE:
        sprintf(val, "%.17g", *(const double *)buf); size = 8; break;
    case SQL_C_NUMERIC:
        numeric_str(buf, val); size = (SQLLEN)sizeof(SQL_NUMERIC_STRUCT); break;
    case SQL_C_TYPE_DATE: case SQL_C_DATE: {
        const SQL_DATE_STRUCT *d = buf;
        sprintf(val, "%04d-%02u-%02u", d->year, d->month, d->day);
        size = 6;
        break;
    }
    case SQL_C_TYPE_TIME: case SQL_C_TIME: {
        const SQL_TIME_STRUCT *t = buf;
        sprintf(val, "%02u:%02u:%02u", t->hour, t->minute, t->second);
        size = 6;
        break;
    }
    case SQL_C_TYPE_TIMESTAMP: case SQL_C_TIMESTAMP: {
        const SQL_TIMESTAMP_STRUCT *t = buf;
        char date[48];
        sprintf(date, "%04d-%02u-%02u", t->year, t->month, t->day);
        sprintf(val, "%s %02u:%02u:%02u.%09u", strcmp(date, today_str) ? date : "TODAY", t->hour,
                t->minute, t->second, (unsigned)t->fraction);
        size = 16;
        break;
    }
    case SQL_C_GUID: {
        const SQLGUID *g = buf;
        sprintf(val, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x", (unsigned)g->Data1, g->Data2,
                g->Data3, g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4], g->Data4[5],
                g->Data4[6], g->Data4[7]);
        size = 16;
        break;
    }
    default: {
        const SQL_INTERVAL_STRUCT *iv = buf;
        char sign = iv->interval_sign == SQL_TRUE ? '-' : iv->interval_sign == SQL_FALSE ? '+' : '?';
        if ((int)iv->interval_type != ct - SQL_C_INTERVAL_YEAR + SQL_IS_YEAR)
            strcpy(val, "BADTYPE");
        else if (iv->interval_type == SQL_IS_YEAR || iv->interval_type == SQL_IS_MONTH ||
                 iv->interval_type == SQL_IS_YEAR_TO_MONTH)
            sprintf(val, "%c%u-%u", sign, (unsigned)iv->intval.year_month.year,
                    (unsigned)iv->intval.year_month.month);
        else
            sprintf(val, "%c%u %u:%u:%u.%u", sign, (unsigned)iv->intval.day_second.day,
                    (unsigned)iv->intval.day_second.hour, (unsigned)iv->intval.day_second.minute,
                    (unsigned)iv->intval.day_second.second, (unsigned)iv->intval.day_second.fraction);
        size = (SQLLEN)sizeof(SQL_INTERVAL_STRUCT);
        break;
    }
    }
    if (size >= 0 && len != size)
        snprintf(val, sizeof val, "BADLEN %ld", (long)len);
    if (state)
        snprintf(out, 640, "%s %s", state, val);
    else
        snprintf(out, 640, "%s", val);
}

/* Converts (bound-column style) and renders. */
static void conv(const athena_column *col, const char *text, SQLSMALLINT ct, char *out)
{
    unsigned char buf[512];
    SQLLEN len = -12345;
    cv_target t;
    memset(buf, 0, sizeof buf);
    memset(&t, 0, sizeof t);
    t.ctype = ct;
    t.ptr = buf;
    t.buflen = 256;
    t.octet_len = &len;
    t.ind = &len;
    cv_status st = convert_value(col, text, text ? strlen(text) : 0, &t, NULL);
    render(ct, col, st, buf, len, out);
}

/* ------------------------------------------------------ the whole table */

#define R07 "07006"
#define E18 "22018"
#define E03 "22003"
#define E15 "22015"
#define NUM11(x) x, x, x, x, x, x, x, x, x, x, x
#define INTV13(x) x, x, x, x, x, x, x, x, x, x, x, x, x
#define DATES6(x) x, x, x, x, x, x

typedef struct row {
    const char *type_name;
    int precision, scale;
    const char *value; /* NULL: SQL NULL */
    const char *want[NCT];
} row;

/* Columns: CHAR WCHAR BIT STINYINT UTINYINT TINYINT SSHORT USHORT SHORT
 * SLONG ULONG LONG SBIGINT UBIGINT FLOAT DOUBLE NUMERIC TYPE_DATE TYPE_TIME
 * TYPE_TIMESTAMP DATE TIME TIMESTAMP BINARY GUID (13 intervals) DEFAULT. */
static const row table[] = {
    {"boolean", 0, 0, "true",
     {"1", "1", "1", NUM11("1"), "1", "1", "38,0,1,1", DATES6(R07), "01", R07, INTV13(R07), "1"}},
    {"tinyint", 3, 0, "-128",
     {"-128", "-128", E03, "-128", E03, "-128", "-128", E03, "-128", "-128", E03, "-128", "-128", E03,
      "-128", "-128", "3,0,0,128", DATES6(R07), "80", R07, INTV13(E15), "-128"}},
    {"smallint", 5, 0, "12345",
     {"12345", "12345", E03, E03, E03, E03, "12345", "12345", "12345", "12345", "12345", "12345",
      "12345", "12345", "12345", "12345", "5,0,1,12345", DATES6(R07), "3930", R07, INTV13(E15),
      "12345"}},
    {"integer", 10, 0, "-7",
     {"-7", "-7", E03, "-7", E03, "-7", "-7", E03, "-7", "-7", E03, "-7", "-7", E03, "-7", "-7",
      "10,0,0,7", DATES6(R07), "f9ffffff", R07,
      "-7-0", "-0-7", "-7 0:0:0.0", "-0 7:0:0.0", "-0 0:7:0.0", "-0 0:0:7.0",
      E15, E15, E15, E15, E15, E15, E15, "-7"}},
    {"bigint", 19, 0, "9223372036854775807",
     {"9223372036854775807", "9223372036854775807", E03, E03, E03, E03, E03, E03, E03, E03, E03, E03,
      "9223372036854775807", "9223372036854775807", "9.22337204e+18", "9.2233720368547758e+18",
      "19,0,1,9223372036854775807", DATES6(R07), "ffffffffffffff7f", R07, INTV13(E15),
      "9223372036854775807"}},
    {"float", 17, 0, "0.5",
     {"0.5", "0.5", "01S07 0", NUM11("01S07 0"), "0.5", "0.5", "01S07 38,0,1,0", DATES6(R07),
      "0000003f", R07, INTV13(R07), "0.5"}},
    {"double", 17, 0, "1.0E10",
     {"1.0E10", "1.0E10", E03, E03, E03, E03, E03, E03, E03, E03, E03, E03, "10000000000",
      "10000000000", "1e+10", "10000000000", "38,0,1,10000000000", DATES6(R07), "000000205fa00242",
      R07, INTV13(R07), "10000000000"}},
    {"decimal", 10, 2, "12.50",
     {"12.50", "12.50", E03, NUM11("01S07 12"), "12.5", "12.5", "01S07 10,0,1,12", DATES6(R07),
      "0a0201e2040000000000000000000000000000", R07,
      "01S07 +12-0", "01S07 +0-12", "01S07 +12 0:0:0.0", "01S07 +0 12:0:0.0", "01S07 +0 0:12:0.0",
      "+0 0:0:12.500000", E15, E15, E15, E15, E15, E15, E15, "12.50"}},
    {"varchar", 2147483647, 0, "h\xc3\xa9llo",
     {"h\xc3\xa9llo", "h\xc3\xa9llo", E18, NUM11(E18), E18, E18, E18, DATES6(E18), "68c3a96c6c6f",
      E18, INTV13(E18), "h\xc3\xa9llo"}},
    {"char", 5, 0, "ab   ",
     {"ab   ", "ab   ", E18, NUM11(E18), E18, E18, E18, DATES6(E18), "6162202020", E18, INTV13(E18),
      "ab   "}},
    {"varbinary", 1073741824, 0, "31 32 33",
     {"313233", "313233", R07, NUM11(R07), R07, R07, R07, DATES6(R07), "313233", R07, INTV13(R07),
      "313233"}},
    {"date", 0, 0, "2017-01-02",
     {"2017-01-02", "2017-01-02", R07, NUM11(R07), R07, R07, R07, "2017-01-02", R07,
      "2017-01-02 00:00:00.000000000", "2017-01-02", R07, "2017-01-02 00:00:00.000000000",
      "e10701000200", R07, INTV13(R07), "2017-01-02"}},
    {"time", 3, 0, "01:02:03.456",
     {"01:02:03.456", "01:02:03.456", R07, NUM11(R07), R07, R07, R07, R07, "01S07 01:02:03",
      "TODAY 01:02:03.456000000", R07, "01S07 01:02:03", "TODAY 01:02:03.456000000", "010002000300",
      R07, INTV13(R07), "01S07 01:02:03"}},
    {"time with time zone", 3, 0, "01:02:03.456 America/Los_Angeles",
     {"01:02:03.456 America/Los_Angeles", "01:02:03.456 America/Los_Angeles", E18, NUM11(E18), E18,
      E18, E18, E18, "01S07 01:02:03", "TODAY 01:02:03.456000000", E18, "01S07 01:02:03",
      "TODAY 01:02:03.456000000",
      "30313a30323a30332e34353620416d65726963612f4c6f735f416e67656c6573", E18, INTV13(E18),
      "01:02:03.456 America/Los_Angeles"}},
    {"timestamp", 3, 0, "2017-01-01 12:34:56.789",
     {"2017-01-01 12:34:56.789", "2017-01-01 12:34:56.789", R07, NUM11(R07), R07, R07, R07,
      "01S07 2017-01-01", "01S07 12:34:56", "2017-01-01 12:34:56.789000000", "01S07 2017-01-01",
      "01S07 12:34:56", "2017-01-01 12:34:56.789000000", "e107010001000c0022003800402f072f", R07,
      INTV13(R07), "2017-01-01 12:34:56.789000000"}},
    {"timestamp with time zone", 3, 0, "2017-01-01 00:00:00.000 UTC",
     {"2017-01-01 00:00:00.000 UTC", "2017-01-01 00:00:00.000 UTC", E18, NUM11(E18), E18, E18, E18,
      "2017-01-01", "00:00:00", "2017-01-01 00:00:00.000000000", "2017-01-01", "00:00:00",
      "2017-01-01 00:00:00.000000000", "323031372d30312d30312030303a30303a30302e30303020555443", E18,
      INTV13(E18), "2017-01-01 00:00:00.000 UTC"}},
    {"interval year to month", 0, 0, "1-2",
     {"1-2", "1-2", E18, NUM11(E18), E18, E18, E18, DATES6(E18), "312d32", E18,
      "01S07 +1-0", "+0-14", E18, E18, E18, E18, "+1-2", E18, E18, E18, E18, E18, E18, "1-2"}},
    {"interval day to second", 0, 0, "2 03:04:05.678",
     {"2 03:04:05.678", "2 03:04:05.678", E18, NUM11(E18), E18, E18, E18, DATES6(E18),
      "322030333a30343a30352e363738", E18,
      E18, E18, "01S07 +2 0:0:0.0", "01S07 +0 51:0:0.0", E15, E15, E18, "01S07 +2 3:0:0.0",
      "01S07 +2 3:4:0.0", "+2 3:4:5.678000", "01S07 +0 51:4:0.0", "+0 51:4:5.678000", E15,
      "2 03:04:05.678"}},
    {"array", 0, 0, "[1, 2, 3]",
     {"[1, 2, 3]", "[1, 2, 3]", E18, NUM11(E18), E18, E18, E18, DATES6(E18), "5b312c20322c20335d",
      E18, INTV13(E18), "[1, 2, 3]"}},
    {"map", 0, 0, "{a=1, b=2}",
     {"{a=1, b=2}", "{a=1, b=2}", E18, NUM11(E18), E18, E18, E18, DATES6(E18),
      "7b613d312c20623d327d", E18, INTV13(E18), "{a=1, b=2}"}},
    {"row", 0, 0, "{x=1, y=abc}",
     {"{x=1, y=abc}", "{x=1, y=abc}", E18, NUM11(E18), E18, E18, E18, DATES6(E18),
      "7b783d312c20793d6162637d", E18, INTV13(E18), "{x=1, y=abc}"}},
    {"json", 0, 0, "{\"a\":1}",
     {"{\"a\":1}", "{\"a\":1}", E18, NUM11(E18), E18, E18, E18, DATES6(E18), "7b2261223a317d", E18,
      INTV13(E18), "{\"a\":1}"}},
    {"uuid", 0, 0, "12345678-9abc-def0-1234-56789abcdef0",
     {"12345678-9abc-def0-1234-56789abcdef0", "12345678-9abc-def0-1234-56789abcdef0", E18, NUM11(E18),
      E18, E18, E18, DATES6(E18),
      "31323334353637382d396162632d646566302d313233342d353637383961626364656630",
      "12345678-9abc-def0-1234-56789abcdef0", INTV13(E18), "12345678-9abc-def0-1234-56789abcdef0"}},
    {"ipaddress", 0, 0, "192.168.0.1",
     {"192.168.0.1", "192.168.0.1", E18, NUM11(E18), E18, E18, E18, DATES6(E18),
      "3139322e3136382e302e31", E18, INTV13(E18), "192.168.0.1"}},
    {"unknown", 0, 0, NULL,
     {"NULL", "NULL", "NULL", NUM11("NULL"), "NULL", "NULL", "NULL", DATES6("NULL"), "NULL", "NULL",
      INTV13("NULL"), "NULL"}},
};

static void test_table(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    sprintf(today_str, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    int cells = 0;
    for (size_t r = 0; r < ARRAY_LEN(table); r++) {
        athena_column col = make_col(table[r].type_name, table[r].precision, table[r].scale, false);
        for (size_t c = 0; c < NCT; c++) {
            char got[700], what[200];
            conv(&col, table[r].value, ctypes[c], got);
            snprintf(what, sizeof what, "%s '%s' -> SQL_C_%s", table[r].type_name,
                     table[r].value ? table[r].value : "NULL", ctype_names[c]);
            CHECK_STR(got, table[r].want[c], what);
            /* convert_allowed agrees with the table */
            bool restricted = strcmp(table[r].want[c], R07) == 0;
            CHECK(convert_allowed(&col, ctypes[c]) == !restricted, "convert_allowed %s", what);
            cells++;
        }
    }
    CHECK_INT(cells, 25 * 39, "every Athena type against every C type");
    CHECK_INT(AT_TYPE_COUNT, 25, "the table covers all 25 Athena types");
}

/* ------------------------------------------------------------ helpers */

typedef struct res {
    cv_status st;
    SQLLEN len;
    unsigned char buf[256];
} res;

static res run(const athena_column *col, const char *text, SQLSMALLINT ct, SQLLEN buflen,
               cv_piece *piece)
{
    res r;
    cv_target t;
    memset(&r, 0xAB, sizeof r);
    memset(&t, 0, sizeof t);
    t.ctype = ct;
    t.ptr = r.buf;
    t.buflen = buflen;
    t.octet_len = &r.len;
    t.ind = &r.len;
    r.st = convert_value(col, text, text ? strlen(text) : 0, &t, piece);
    return r;
}

static res run_t(const athena_column *col, const char *text, cv_target *t)
{
    res r;
    memset(&r, 0xAB, sizeof r);
    t->ptr = r.buf;
    t->octet_len = &r.len;
    t->ind = &r.len;
    r.st = convert_value(col, text, text ? strlen(text) : 0, t, NULL);
    return r;
}

static const char *cstr(const athena_column *col, const char *text, SQLSMALLINT ct)
{
    static char out[700];
    conv(col, text, ct, out);
    return out;
}

/* ------------------------------------------------- character to numbers */

static void test_char_to_numbers(void)
{
    athena_column v = make_col("varchar", 2147483647, 0, false);
    CHECK_STR(cstr(&v, "  42  ", SQL_C_SLONG), "42", "spaces around a number are ignored");
    CHECK_STR(cstr(&v, "4.7", SQL_C_SLONG), "01S07 4", "fraction truncated with 01S07");
    CHECK_STR(cstr(&v, "-4.7", SQL_C_SLONG), "01S07 -4", "negative fraction truncated toward zero");
    CHECK_STR(cstr(&v, "+5", SQL_C_SSHORT), "5", "plus sign");
    CHECK_STR(cstr(&v, "1e3", SQL_C_SLONG), "1000", "exponent");
    CHECK_STR(cstr(&v, "1.5E1", SQL_C_SLONG), "15", "exponent with fraction");
    CHECK_STR(cstr(&v, "1250e-2", SQL_C_SLONG), "01S07 12", "negative exponent");
    CHECK_STR(cstr(&v, "0.000", SQL_C_SLONG), "0", "zero with zero fraction");
    CHECK_STR(cstr(&v, "300", SQL_C_STINYINT), E03, "out of range 22003");
    CHECK_STR(cstr(&v, "127", SQL_C_STINYINT), "127", "tinyint max");
    CHECK_STR(cstr(&v, "-129", SQL_C_STINYINT), E03, "below tinyint min");
    CHECK_STR(cstr(&v, "255", SQL_C_UTINYINT), "255", "utinyint max");
    CHECK_STR(cstr(&v, "256", SQL_C_UTINYINT), E03, "above utinyint max");
    CHECK_STR(cstr(&v, "-32768", SQL_C_SSHORT), "-32768", "short min");
    CHECK_STR(cstr(&v, "65535", SQL_C_USHORT), "65535", "ushort max");
    CHECK_STR(cstr(&v, "-2147483648", SQL_C_SLONG), "-2147483648", "long min");
    CHECK_STR(cstr(&v, "2147483648", SQL_C_SLONG), E03, "long max + 1");
    CHECK_STR(cstr(&v, "4294967295", SQL_C_ULONG), "4294967295", "ulong max");
    CHECK_STR(cstr(&v, "-9223372036854775808", SQL_C_SBIGINT), "-9223372036854775808", "bigint min");
    CHECK_STR(cstr(&v, "-9223372036854775809", SQL_C_SBIGINT), E03, "below bigint min");
    CHECK_STR(cstr(&v, "18446744073709551615", SQL_C_UBIGINT), "18446744073709551615", "ubigint max");
    CHECK_STR(cstr(&v, "18446744073709551616", SQL_C_UBIGINT), E03, "ubigint max + 1");
    CHECK_STR(cstr(&v, "-0.5", SQL_C_ULONG), "01S07 0", "-0.5 truncates to 0 for unsigned");
    CHECK_STR(cstr(&v, "-1", SQL_C_ULONG), E03, "negative to unsigned");
    CHECK_STR(cstr(&v, "1" "000000000000000000000000000000000000000000000", SQL_C_SBIGINT), E03,
              "46-digit number");
    CHECK_STR(cstr(&v, "abc", SQL_C_SLONG), E18, "not a number 22018");
    CHECK_STR(cstr(&v, "", SQL_C_SLONG), E18, "empty string 22018");
    CHECK_STR(cstr(&v, "1 2", SQL_C_SLONG), E18, "inner space 22018");
    CHECK_STR(cstr(&v, "0x10", SQL_C_SLONG), E18, "hex is not a numeric literal");
    CHECK_STR(cstr(&v, "1e", SQL_C_DOUBLE), E18, "dangling exponent");
    CHECK_STR(cstr(&v, ".", SQL_C_DOUBLE), E18, "lone point");
    CHECK_STR(cstr(&v, ".5", SQL_C_DOUBLE), "0.5", "leading point");
    CHECK_STR(cstr(&v, "NaN", SQL_C_SLONG), E03, "NaN to integer 22003");
    CHECK_STR(cstr(&v, "Infinity", SQL_C_SBIGINT), E03, "Infinity to integer 22003");
    CHECK_STR(cstr(&v, "NaN", SQL_C_DOUBLE), "nan", "NaN to double");
    CHECK_STR(cstr(&v, "-Infinity", SQL_C_DOUBLE), "-inf", "-Infinity to double");
    CHECK_STR(cstr(&v, "Infinity", SQL_C_FLOAT), "inf", "Infinity to float");
    CHECK_STR(cstr(&v, "NaN", SQL_C_NUMERIC), E03, "NaN to numeric 22003");
    CHECK_STR(cstr(&v, "1e400", SQL_C_DOUBLE), E03, "beyond double 22003");
    CHECK_STR(cstr(&v, "3.5e38", SQL_C_FLOAT), E03, "beyond float 22003");
    CHECK_STR(cstr(&v, "3.5e38", SQL_C_DOUBLE), "3.5e+38", "fits double");
    CHECK_STR(cstr(&v, "0.1", SQL_C_DOUBLE), "0.10000000000000001", "0.1 rounds like strtod");
    CHECK_STR(cstr(&v, "0.1", SQL_C_FLOAT), "0.100000001", "0.1 as float");
    CHECK_STR(cstr(&v, "1e-400", SQL_C_DOUBLE), "0", "underflow to zero");
    CHECK_STR(cstr(&v, "-0.0", SQL_C_DOUBLE), "-0", "negative zero");
    CHECK_STR(cstr(&v, "123456789012345678901234567890123456789012345678901234567890", SQL_C_DOUBLE),
              "1.2345678901234567e+59", "60 significant digits");
    CHECK_STR(cstr(&v, "9007199254740993", SQL_C_DOUBLE), "9007199254740992",
              "2^53+1 rounds to even");
    CHECK_STR(cstr(&v, "9007199254740993.0000000000000000000000000000000000000000001", SQL_C_DOUBLE),
              "9007199254740994", "digits past the 40th still break the tie");

    athena_column d = make_col("double", 17, 0, false);
    CHECK_STR(cstr(&d, "NaN", SQL_C_SLONG), E03, "double NaN to integer 22003");
    CHECK_STR(cstr(&d, "-Infinity", SQL_C_SSHORT), E03, "double -Infinity to integer 22003");
    CHECK_STR(cstr(&d, "NaN", SQL_C_FLOAT), "nan", "double NaN to float");
    CHECK_STR(cstr(&d, "Infinity", SQL_C_DOUBLE), "inf", "double Infinity");
    CHECK_STR(cstr(&d, "1.0E-4", SQL_C_DOUBLE), "0.0001", "Java exponent form");
    CHECK_STR(cstr(&d, "1.7976931348623157E308", SQL_C_DOUBLE), "1.7976931348623157e+308", "DBL_MAX");
    CHECK_STR(cstr(&d, "1.7976931348623157E308", SQL_C_FLOAT), E03, "DBL_MAX to float 22003");
    CHECK_STR(cstr(&d, "-2.5", SQL_C_SLONG), "01S07 -2", "double to integer truncates");
    CHECK_STR(cstr(&d, "garbage", SQL_C_DOUBLE), E18, "bad double text 22018");
    athena_column r = make_col("real", 17, 0, false);
    CHECK_STR(cstr(&r, "3.4028235E38", SQL_C_FLOAT), "3.40282347e+38", "FLT_MAX");
    CHECK_STR(cstr(&r, "1.0E-45", SQL_C_FLOAT), "1.40129846e-45", "denormal float");
    athena_column i = make_col("integer", 10, 0, false);
    CHECK_STR(cstr(&i, "x", SQL_C_SLONG), E18, "bad integer text 22018");
}

static void test_bits(void)
{
    athena_column v = make_col("varchar", 2147483647, 0, false);
    CHECK_STR(cstr(&v, "true", SQL_C_BIT), "1", "true");
    CHECK_STR(cstr(&v, " FALSE ", SQL_C_BIT), "0", "FALSE with spaces");
    CHECK_STR(cstr(&v, "1", SQL_C_BIT), "1", "1");
    CHECK_STR(cstr(&v, "0", SQL_C_BIT), "0", "0");
    CHECK_STR(cstr(&v, "1.0", SQL_C_BIT), "1", "1.0 is exactly 1");
    CHECK_STR(cstr(&v, "0.5", SQL_C_BIT), "01S07 0", "0 < x < 1: 01S07");
    CHECK_STR(cstr(&v, "1.5", SQL_C_BIT), "01S07 1", "1 < x < 2: 01S07");
    CHECK_STR(cstr(&v, "2", SQL_C_BIT), E03, "2: 22003");
    CHECK_STR(cstr(&v, "-1", SQL_C_BIT), E03, "negative: 22003");
    CHECK_STR(cstr(&v, "-0.5", SQL_C_BIT), E03, "negative fraction: 22003");
    CHECK_STR(cstr(&v, "-0", SQL_C_BIT), "0", "minus zero is 0");
    CHECK_STR(cstr(&v, "yes", SQL_C_BIT), E18, "not a number: 22018");
    CHECK_STR(cstr(&v, "true", SQL_C_SLONG), E18, "true is not a number for integers");
    athena_column b = make_col("boolean", 0, 0, false);
    CHECK_STR(cstr(&b, "false", SQL_C_CHAR), "0", "false as char");
    CHECK_STR(cstr(&b, "false", SQL_C_DOUBLE), "0", "false as double");
    CHECK_STR(cstr(&b, "false", SQL_C_BINARY), "00", "false as binary");
    CHECK_STR(cstr(&b, "maybe", SQL_C_BIT), E18, "bad boolean text");
    athena_column i = make_col("integer", 10, 0, false);
    CHECK_STR(cstr(&i, "1", SQL_C_BIT), "1", "integer 1");
    CHECK_STR(cstr(&i, "0", SQL_C_BIT), "0", "integer 0");
    CHECK_STR(cstr(&i, "2", SQL_C_BIT), E03, "integer 2");
    athena_column dc = make_col("decimal", 5, 2, false);
    CHECK_STR(cstr(&dc, "1.00", SQL_C_BIT), "1", "decimal 1.00");
    CHECK_STR(cstr(&dc, "1.25", SQL_C_BIT), "01S07 1", "decimal 1.25");
    athena_column d = make_col("double", 17, 0, false);
    CHECK_STR(cstr(&d, "0.25", SQL_C_BIT), "01S07 0", "double 0.25");
    CHECK_STR(cstr(&d, "NaN", SQL_C_BIT), E03, "double NaN");
}

/* ------------------------------------------------------ SQL_NUMERIC_STRUCT */

static void test_numeric_struct(void)
{
    athena_column dc = make_col("decimal", 10, 2, false);
    cv_target t;
    char out[700];
    res r;

    memset(&t, 0, sizeof t);
    t.ctype = SQL_C_NUMERIC;
    t.precision = 10;
    t.scale = 2;
    r = run_t(&dc, "12.50", &t);
    CHECK_INT(r.st, CV_OK, "12.50 at scale 2");
    SQL_NUMERIC_STRUCT ns;
    memcpy(&ns, r.buf, sizeof ns);
    static const unsigned char want[19] = {10, 2, 1, 0xe2, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    CHECK_MEM(r.buf, want, 19, "exact struct bytes: precision 10, scale 2, sign 1, val 1250 little-endian");
    CHECK_INT(r.len, 19, "length is sizeof(SQL_NUMERIC_STRUCT)");

    r = run_t(&dc, "-0.10", &t);
    render(SQL_C_NUMERIC, &dc, r.st, r.buf, r.len, out);
    CHECK_STR(out, "10,2,0,10", "-0.10: sign 0, val 10");

    t.scale = 1;
    r = run_t(&dc, "12.55", &t);
    render(SQL_C_NUMERIC, &dc, r.st, r.buf, r.len, out);
    CHECK_STR(out, "01S07 10,1,1,125", "12.55 at scale 1 truncates (no rounding), 01S07");

    t.scale = 0;
    r = run_t(&dc, "-0.40", &t);
    render(SQL_C_NUMERIC, &dc, r.st, r.buf, r.len, out);
    CHECK_STR(out, "01S07 10,0,1,0", "-0.40 at scale 0 is +0 with 01S07");

    t.precision = 3;
    t.scale = 2;
    r = run_t(&dc, "12.50", &t);
    CHECK_INT(r.st, CV_ERR_RANGE, "1250 needs 4 digits: precision 3 is 22003");
    t.precision = 4;
    r = run_t(&dc, "12.50", &t);
    CHECK_INT(r.st, CV_OK, "precision 4 holds 1250");

    t.precision = 5;
    t.scale = -1;
    r = run_t(&dc, "1250.00", &t);
    render(SQL_C_NUMERIC, &dc, r.st, r.buf, r.len, out);
    CHECK_STR(out, "5,-1,1,125", "negative scale");

    t.precision = 0;
    t.scale = 0;
    r = run_t(&dc, "99999999.99", &t);
    render(SQL_C_NUMERIC, &dc, r.st, r.buf, r.len, out);
    CHECK_STR(out, "01S07 10,0,1,99999999", "precision 0 means the column's (10)");

    athena_column big = make_col("decimal", 38, 0, false);
    t.precision = 38;
    t.scale = 0;
    r = run_t(&big, "12345678901234567890123456789012345678", &t);
    static const unsigned char bigval[16] = {0x4e, 0xf3, 0x38, 0xde, 0x50, 0x90, 0x49, 0xc4,
                                             0x13, 0x33, 0x02, 0xf0, 0xf6, 0xb0, 0x49, 0x09};
    CHECK_INT(r.st, CV_OK, "38 digits fit");
    CHECK_MEM(r.buf + 3, bigval, 16, "38-digit value bytes");
    r = run_t(&big, "-99999999999999999999999999999999999999", &t);
    render(SQL_C_NUMERIC, &big, r.st, r.buf, r.len, out);
    CHECK_STR(out, "38,0,0,99999999999999999999999999999999999999", "largest 38-digit negative");
    r = run_t(&big, "100000000000000000000000000000000000000", &t);
    CHECK_INT(r.st, CV_ERR_RANGE, "39 digits: 22003");

    athena_column d = make_col("double", 17, 0, false);
    t.precision = 10;
    t.scale = 4;
    r = run_t(&d, "1.0E-4", &t);
    render(SQL_C_NUMERIC, &d, r.st, r.buf, r.len, out);
    CHECK_STR(out, "10,4,1,1", "1.0E-4 at scale 4");
    r = run_t(&d, "1.5E-5", &t);
    render(SQL_C_NUMERIC, &d, r.st, r.buf, r.len, out);
    CHECK_STR(out, "01S07 10,4,1,0", "1.5E-5 at scale 4 truncates to 0");
    athena_column v = make_col("varchar", 2147483647, 0, false);
    r = run_t(&v, "x", &t);
    CHECK_INT(r.st, CV_ERR_CHAR, "text to numeric 22018");
}

/* ------------------------------------------------------------- datetimes */

static void test_datetimes(void)
{
    athena_column v = make_col("varchar", 2147483647, 0, false);
    CHECK_STR(cstr(&v, "2017-02-30", SQL_C_TYPE_DATE), "22007", "2017-02-30 is an invalid date: 22007");
    CHECK_STR(cstr(&v, "2017-13-01", SQL_C_TYPE_DATE), "22007", "month 13: 22007");
    CHECK_STR(cstr(&v, "2017-00-10", SQL_C_TYPE_DATE), "22007", "month 0: 22007");
    CHECK_STR(cstr(&v, "2016-02-29", SQL_C_TYPE_DATE), "2016-02-29", "leap day");
    CHECK_STR(cstr(&v, "1900-02-29", SQL_C_TYPE_DATE), "22007", "1900 is not a leap year");
    CHECK_STR(cstr(&v, "2000-02-29", SQL_C_TYPE_DATE), "2000-02-29", "2000 is a leap year");
    CHECK_STR(cstr(&v, "abc", SQL_C_TYPE_DATE), E18, "not a date at all: 22018");
    CHECK_STR(cstr(&v, "2017-01", SQL_C_TYPE_DATE), E18, "incomplete date: 22018");
    CHECK_STR(cstr(&v, "  2017-01-05  ", SQL_C_TYPE_DATE), "2017-01-05", "spaces ignored");
    CHECK_STR(cstr(&v, "2017-01-05 00:00:00", SQL_C_TYPE_DATE), "2017-01-05", "timestamp, zero time");
    CHECK_STR(cstr(&v, "2017-01-05 00:00:00.001", SQL_C_TYPE_DATE), "01S07 2017-01-05",
              "timestamp, nonzero time: 01S07");
    CHECK_STR(cstr(&v, "2017-01-05T10:00:00", SQL_C_TYPE_TIMESTAMP), "2017-01-05 10:00:00.000000000",
              "ISO T separator");
    CHECK_STR(cstr(&v, "10:11:12", SQL_C_TYPE_DATE), E18, "time to date: 22018");
    CHECK_STR(cstr(&v, "10:11:12", SQL_C_TYPE_TIME), "10:11:12", "time");
    CHECK_STR(cstr(&v, "10:11:12.5", SQL_C_TYPE_TIME), "01S07 10:11:12", "time with fraction: 01S07");
    CHECK_STR(cstr(&v, "25:00:00", SQL_C_TYPE_TIME), "22007", "hour 25: 22007");
    CHECK_STR(cstr(&v, "10:60:00", SQL_C_TYPE_TIME), "22007", "minute 60: 22007");
    CHECK_STR(cstr(&v, "2017-01-05 10:11:12", SQL_C_TYPE_TIME), "10:11:12", "timestamp to time");
    CHECK_STR(cstr(&v, "2017-01-05", SQL_C_TYPE_TIME), E18, "date to time: 22018");
    CHECK_STR(cstr(&v, "2017-01-05", SQL_C_TYPE_TIMESTAMP), "2017-01-05 00:00:00.000000000",
              "date to timestamp: time 0");
    CHECK_STR(cstr(&v, "10:11:12", SQL_C_TYPE_TIMESTAMP), "TODAY 10:11:12.000000000",
              "time to timestamp: today's date");
    CHECK_STR(cstr(&v, "2023-04-11 20:58:43.130000", SQL_C_TYPE_TIMESTAMP),
              "2023-04-11 20:58:43.130000000", "timestamp(6) fraction in nanoseconds");
    CHECK_STR(cstr(&v, "2023-04-11 20:58:43.123456789", SQL_C_TYPE_TIMESTAMP),
              "2023-04-11 20:58:43.123456789", "timestamp(9) fraction");
    CHECK_STR(cstr(&v, "2023-04-11 20:58:43.123456789100", SQL_C_TYPE_TIMESTAMP),
              "01S07 2023-04-11 20:58:43.123456789", "timestamp(12) with digits past ns: 01S07");
    CHECK_STR(cstr(&v, "2023-04-11 20:58:43.123456789000", SQL_C_TYPE_TIMESTAMP),
              "2023-04-11 20:58:43.123456789", "zeros past ns are no truncation");
    CHECK_STR(cstr(&v, "2017-01-01 00:00:00 UTC", SQL_C_TYPE_TIMESTAMP), E18,
              "a zone on plain varchar text: 22018");
    CHECK_STR(cstr(&v, "40000-01-01", SQL_C_TYPE_DATE), "22008", "year beyond SQLSMALLINT: 22008");
    CHECK_STR(cstr(&v, "2017-01-01 1:2:3", SQL_C_TYPE_TIMESTAMP), "2017-01-01 01:02:03.000000000",
              "one-digit time fields");

    athena_column tz = make_col("timestamp with time zone", 3, 0, false);
    CHECK_STR(cstr(&tz, "2017-01-01 00:00:00.000 America/Los_Angeles", SQL_C_TYPE_TIMESTAMP),
              "2017-01-01 00:00:00.000000000", "zone name dropped: the wall-clock time");
    CHECK_STR(cstr(&tz, "2017-06-01 10:20:30.400 +05:30", SQL_C_TYPE_TIMESTAMP),
              "2017-06-01 10:20:30.400000000", "offset dropped");
    CHECK_STR(cstr(&tz, "2017-06-01 10:20:30.400+05:30", SQL_C_TYPE_TIMESTAMP),
              "2017-06-01 10:20:30.400000000", "attached offset dropped");
    CHECK_STR(cstr(&tz, "2017-06-01 10:20:30.400 ", SQL_C_TYPE_TIMESTAMP),
              "2017-06-01 10:20:30.400000000", "no zone at all");
    CHECK_STR(cstr(&tz, "2017-06-31 10:20:30.400 UTC", SQL_C_TYPE_TIMESTAMP), "22007", "June 31st");
    athena_column ttz = make_col("time with time zone", 3, 0, false);
    CHECK_STR(cstr(&ttz, "01:02:03.000+05:30", SQL_C_TYPE_TIME), "01:02:03", "time with offset");

    athena_column dt = make_col("date", 0, 0, false);
    CHECK_STR(cstr(&dt, "2017-1x", SQL_C_TYPE_DATE), "22007", "bad date column text: 22007");
    CHECK_STR(cstr(&dt, "2017-01-01 00:00:00", SQL_C_TYPE_DATE), "22007", "a timestamp is not a date value");
    athena_column tm = make_col("time", 3, 0, false);
    CHECK_STR(cstr(&tm, "01:02:03.000", SQL_C_TYPE_TIME), "01:02:03", "zero fraction: no 01S07");
    CHECK_STR(cstr(&tm, "bad", SQL_C_TYPE_TIME), "22007", "bad time column text: 22007");
    athena_column ts = make_col("timestamp", 3, 0, false);
    CHECK_STR(cstr(&ts, "2017-01-01 00:00:00.000", SQL_C_TYPE_DATE), "2017-01-01", "midnight: no 01S07");
    CHECK_STR(cstr(&ts, "2017-01-01 00:00:00.500", SQL_C_TYPE_DATE), "01S07 2017-01-01",
              "fraction only is still a nonzero time");
    CHECK_STR(cstr(&ts, "2017-01-01 00:00:01.000", SQL_C_TYPE_TIME), "00:00:01", "timestamp to time, zero fraction");
    CHECK_STR(cstr(&ts, "2017-01-01", SQL_C_TYPE_TIMESTAMP), "22007", "timestamp column without time: 22007");
}

/* ------------------------------------------------------------- intervals */

static void test_intervals(void)
{
    athena_column v = make_col("varchar", 2147483647, 0, false);
    CHECK_STR(cstr(&v, "INTERVAL '1-2' YEAR TO MONTH", SQL_C_INTERVAL_YEAR_TO_MONTH), "+1-2", "literal");
    CHECK_STR(cstr(&v, "interval -'3' day", SQL_C_INTERVAL_DAY), "-3 0:0:0.0", "negative literal");
    CHECK_STR(cstr(&v, "INTERVAL '-3' DAY", SQL_C_INTERVAL_DAY), "-3 0:0:0.0", "sign inside the quotes");
    CHECK_STR(cstr(&v, "INTERVAL '3' DAY", SQL_C_INTERVAL_HOUR), "+0 72:0:0.0", "days to hours");
    CHECK_STR(cstr(&v, "INTERVAL '1:30' HOUR TO MINUTE", SQL_C_INTERVAL_MINUTE), "+0 0:90:0.0",
              "hour to minute into minutes");
    CHECK_STR(cstr(&v, "INTERVAL '1:30:15.25' HOUR(2) TO SECOND(3)", SQL_C_INTERVAL_HOUR_TO_SECOND),
              "+0 1:30:15.250000", "precisions in the qualifier");
    CHECK_STR(cstr(&v, "INTERVAL '1' YEAR", SQL_C_INTERVAL_DAY), E18, "year-month into day-time: 22018");
    CHECK_STR(cstr(&v, "INTERVAL '1' FORTNIGHT", SQL_C_INTERVAL_DAY), E18, "bad qualifier");
    CHECK_STR(cstr(&v, "INTERVAL '1-2' YEAR", SQL_C_INTERVAL_YEAR), E18, "string does not match its qualifier");
    CHECK_STR(cstr(&v, "5", SQL_C_INTERVAL_DAY), "+5 0:0:0.0", "bare single field");
    CHECK_STR(cstr(&v, "-1-2", SQL_C_INTERVAL_YEAR_TO_MONTH), "-1-2", "Athena's negative year-month");
    CHECK_STR(cstr(&v, "-1 01:00:00.000", SQL_C_INTERVAL_DAY_TO_SECOND), "-1 1:0:0.0",
              "Athena's negative day-second");
    CHECK_STR(cstr(&v, "100", SQL_C_INTERVAL_YEAR), E15, "3 digits with leading precision 2: 22015");
    CHECK_STR(cstr(&v, "1-12", SQL_C_INTERVAL_YEAR_TO_MONTH), E18, "month 12 is not valid");
    CHECK_STR(cstr(&v, "1 24:00:00", SQL_C_INTERVAL_DAY_TO_SECOND), E18, "hour 24 is not valid");
    CHECK_STR(cstr(&v, "99999999999999999999999", SQL_C_INTERVAL_DAY), E15, "huge leading field: 22015");
    CHECK_STR(cstr(&v, "-0-0", SQL_C_INTERVAL_YEAR_TO_MONTH), "+0-0", "zero has no sign");
    CHECK_STR(cstr(&v, "abc", SQL_C_INTERVAL_MONTH), E18, "not an interval");
    /* a huge number is an interval value only for a single-field target */
    CHECK_STR(cstr(&v, "99999999999999999999", SQL_C_INTERVAL_DAY_TO_SECOND), E18,
              "huge number into a multi-field interval: not an interval value, 22018");
    CHECK_STR(cstr(&v, "99999999999999999999", SQL_C_INTERVAL_YEAR_TO_MONTH), E18,
              "huge number into year to month: 22018");
    CHECK_STR(cstr(&v, "99999999999999999999-1", SQL_C_INTERVAL_YEAR_TO_MONTH), E15,
              "huge year of a year-month value: 22015");
    /* seconds-value ::= seconds-integer-value [.[seconds-fraction]] */
    CHECK_STR(cstr(&v, "5.", SQL_C_INTERVAL_SECOND), "+0 0:0:5.0", "seconds ending in a period");
    CHECK_STR(cstr(&v, "INTERVAL '5.' SECOND", SQL_C_INTERVAL_SECOND), "+0 0:0:5.0", "literal '5.' SECOND");
    CHECK_STR(cstr(&v, "1 02:03:04.", SQL_C_INTERVAL_DAY_TO_SECOND), "+1 2:3:4.0", "day to second ending in a period");
    CHECK_STR(cstr(&v, ".5", SQL_C_INTERVAL_SECOND), E18, "seconds need their integer part");
    CHECK_STR(cstr(&v, "5.", SQL_C_INTERVAL_MINUTE), E18, "a period after minutes is not an interval");

    cv_target t;
    res r;
    char out[700];
    memset(&t, 0, sizeof t);
    t.ctype = SQL_C_INTERVAL_YEAR;
    t.interval_precision = 3;
    r = run_t(&v, "100", &t);
    render(SQL_C_INTERVAL_YEAR, &v, r.st, r.buf, r.len, out);
    CHECK_STR(out, "+100-0", "leading precision 3 holds 100");

    athena_column ds = make_col("interval day to second", 0, 0, false);
    memset(&t, 0, sizeof t);
    t.ctype = SQL_C_INTERVAL_HOUR_TO_SECOND;
    t.fraction_precision = 3;
    r = run_t(&ds, "2 03:04:05.678", &t);
    render(SQL_C_INTERVAL_HOUR_TO_SECOND, &ds, r.st, r.buf, r.len, out);
    CHECK_STR(out, "+0 51:4:5.678", "seconds precision 3: fraction in milliseconds");
    t.fraction_precision = 2;
    r = run_t(&ds, "2 03:04:05.678", &t);
    render(SQL_C_INTERVAL_HOUR_TO_SECOND, &ds, r.st, r.buf, r.len, out);
    CHECK_STR(out, "01S07 +0 51:4:5.67", "seconds precision 2 truncates: 01S07");
    t.ctype = SQL_C_INTERVAL_MINUTE_TO_SECOND;
    t.interval_precision = 4;
    t.fraction_precision = 0;
    r = run_t(&ds, "2 03:04:05.000", &t);
    render(SQL_C_INTERVAL_MINUTE_TO_SECOND, &ds, r.st, r.buf, r.len, out);
    CHECK_STR(out, "+0 0:3064:5.0", "leading precision 4 holds 3064 minutes");

    /* exact numerics to intervals */
    athena_column dc = make_col("decimal", 10, 7, false);
    CHECK_STR(cstr(&dc, "1.5000000", SQL_C_INTERVAL_SECOND), "+0 0:0:1.500000", "1.5 seconds");
    CHECK_STR(cstr(&dc, "0.0000005", SQL_C_INTERVAL_SECOND), "01S07 +0 0:0:0.0",
              "half a microsecond at precision 6: 01S07");
    CHECK_STR(cstr(&dc, "-0.5000000", SQL_C_INTERVAL_DAY), "01S07 +0 0:0:0.0",
              "-0.5 days truncates to an unsigned zero");
    CHECK_STR(cstr(&dc, "2.2500000", SQL_C_INTERVAL_YEAR), "01S07 +2-0", "2.25 years");
    memset(&t, 0, sizeof t);
    t.ctype = SQL_C_INTERVAL_SECOND;
    t.fraction_precision = 3;
    r = run_t(&dc, "1.5000000", &t);
    render(SQL_C_INTERVAL_SECOND, &dc, r.st, r.buf, r.len, out);
    CHECK_STR(out, "+0 0:0:1.500", "fraction precision 3");
    athena_column in = make_col("integer", 10, 0, false);
    CHECK_STR(cstr(&in, "100", SQL_C_INTERVAL_DAY), E15, "100 days with leading precision 2: 22015");
    CHECK_STR(cstr(&in, "99", SQL_C_INTERVAL_DAY), "+99 0:0:0.0", "99 days");
    CHECK_STR(cstr(&in, "5", SQL_C_INTERVAL_DAY_TO_HOUR), E15, "number to a two-field interval: 22015");
    CHECK_STR(cstr(&in, "x", SQL_C_INTERVAL_DAY), E18, "bad integer text: 22018");
}

/* ------------------------------------------------------------------- GUID */

static void test_guid(void)
{
    athena_column u = make_col("uuid", 0, 0, false);
    CHECK_STR(cstr(&u, "{12345678-9ABC-DEF0-1234-56789ABCDEF0}", SQL_C_GUID),
              "12345678-9abc-def0-1234-56789abcdef0", "braces and upper case");
    CHECK_STR(cstr(&u, "12345678-9abc-def0-1234", SQL_C_GUID), E18, "too short");
    CHECK_STR(cstr(&u, "1234567g-9abc-def0-1234-56789abcdef0", SQL_C_GUID), E18, "bad hex digit");
    CHECK_STR(cstr(&u, "12345678x9abc-def0-1234-56789abcdef0", SQL_C_GUID), E18, "bad separator");
    res r = run(&u, "00000001-0002-0003-0405-060708090a0b", SQL_C_GUID, 0, NULL);
    SQLGUID g;
    memcpy(&g, r.buf, sizeof g);
    CHECK(g.Data1 == 1 && g.Data2 == 2 && g.Data3 == 3 && g.Data4[0] == 4 && g.Data4[7] == 0x0b,
          "GUID fields hold the numbers written in the text");
    CHECK_INT(r.len, 16, "GUID length 16");
}

/* ------------------------------------------------ truncation and pieces */

static void test_char_truncation(void)
{
    athena_column v = make_col("varchar", 2147483647, 0, false);
    res r;

    r = run(&v, "abcdefghij", SQL_C_CHAR, 4, NULL);
    CHECK_INT(r.st, CV_TRUNCATED, "bound column truncated: 01004");
    CHECK_STR((char *)r.buf, "abc", "3 bytes and a NUL");
    CHECK_INT(r.len, 10, "full length reported");

    r = run(&v, "abcdefghij", SQL_C_CHAR, 11, NULL);
    CHECK_INT(r.st, CV_OK, "exact fit");
    CHECK_STR((char *)r.buf, "abcdefghij", "whole value");

    r = run(&v, "abcdefghij", SQL_C_CHAR, 10, NULL);
    CHECK_INT(r.st, CV_TRUNCATED, "byte length == BufferLength truncates");
    CHECK_STR((char *)r.buf, "abcdefghi", "9 bytes");

    r = run(&v, "abc", SQL_C_CHAR, 0, NULL);
    CHECK_INT(r.st, CV_TRUNCATED, "no room even for the NUL: 01004");
    CHECK_INT(r.len, 3, "length still reported");
    CHECK_INT(r.buf[0], 0xAB, "nothing written");

    r = run(&v, "", SQL_C_CHAR, 1, NULL);
    CHECK_INT(r.st, CV_OK, "empty string into 1 byte");
    CHECK_INT(r.buf[0], 0, "just the NUL");
    CHECK_INT(r.len, 0, "length 0");

    r = run(&v, "abc", SQL_C_CHAR, -1, NULL);
    CHECK_INT(r.st, CV_ERR_BUFFER, "negative buffer length: HY090");

    /* a bound column is never cut inside a UTF-8 character */
    const char *u = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" "b"; /* a é € 😀 b: 11 bytes */
    r = run(&v, u, SQL_C_CHAR, 3, NULL);
    CHECK_STR((char *)r.buf, "a", "bound: é does not fit in 2 bytes: only 'a'");
    CHECK_INT(r.len, 11, "length 11");

    /* SQLGetData pieces fill the buffer: BufferLength - 1 bytes each, even
     * inside a UTF-8 sequence; the pieces join into the value */
    cv_piece p;
    memset(&p, 0, sizeof p);
    r = run(&v, u, SQL_C_CHAR, 5, &p);
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "a\xc3\xa9\xe2") && r.len == 11,
          "piece 1: a, é and the first byte of €; 11 left");
    r = run(&v, u, SQL_C_CHAR, 5, &p);
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "\x82\xac\xf0\x9f") && r.len == 7,
          "piece 2: the rest of €, half of the emoji; 7 left");
    r = run(&v, u, SQL_C_CHAR, 5, &p);
    CHECK(r.st == CV_OK && !strcmp((char *)r.buf, "\x98\x80" "b") && r.len == 3,
          "piece 3: the rest of the emoji and b; 3 left, done");
    r = run(&v, u, SQL_C_CHAR, 5, &p);
    CHECK_INT(r.st, CV_NO_DATA, "then SQL_NO_DATA");

    /* a 4-byte character through a 3-byte buffer still makes progress */
    memset(&p, 0, sizeof p);
    const char *want4[] = {"\xf0\x9f", "\x98\x80", "b"};
    const SQLLEN lens4[] = {5, 3, 1};
    for (int i = 0; i < 3; i++) {
        r = run(&v, "\xf0\x9f\x98\x80" "b", SQL_C_CHAR, 3, &p);
        CHECK(r.st == (i < 2 ? CV_TRUNCATED : CV_OK) && !strcmp((char *)r.buf, want4[i]) && r.len == lens4[i],
              "2-byte pieces of an emoji: piece %d, %ld left", i + 1, (long)lens4[i]);
    }
    CHECK_INT(run(&v, "\xf0\x9f\x98\x80" "b", SQL_C_CHAR, 3, &p).st, CV_NO_DATA, "then SQL_NO_DATA");

    /* ASCII pieces with exact remaining lengths */
    memset(&p, 0, sizeof p);
    const char *want[] = {"abc", "def", "ghi", "j"};
    const SQLLEN lens[] = {10, 7, 4, 1};
    for (int i = 0; i < 4; i++) {
        r = run(&v, "abcdefghij", SQL_C_CHAR, 4, &p);
        CHECK(r.st == (i < 3 ? CV_TRUNCATED : CV_OK) && !strcmp((char *)r.buf, want[i]) && r.len == lens[i],
              "piece %d: \"%s\" with %ld remaining", i + 1, want[i], (long)lens[i]);
    }
    CHECK_INT(run(&v, "abcdefghij", SQL_C_CHAR, 4, &p).st, CV_NO_DATA, "SQL_NO_DATA after the last piece");

    /* a zero-length buffer asks only for the length and does not advance */
    memset(&p, 0, sizeof p);
    r = run(&v, "xyz", SQL_C_CHAR, 0, &p);
    CHECK(r.st == CV_TRUNCATED && r.len == 3 && p.offset == 0, "length probe: 3, offset stays 0");
    r = run(&v, "xyz", SQL_C_CHAR, 10, &p);
    CHECK(r.st == CV_OK && !strcmp((char *)r.buf, "xyz"), "then the whole value");

    /* empty value in pieces: once, then SQL_NO_DATA */
    memset(&p, 0, sizeof p);
    r = run(&v, "", SQL_C_CHAR, 10, &p);
    CHECK(r.st == CV_OK && r.len == 0 && r.buf[0] == 0, "empty value");
    CHECK_INT(run(&v, "", SQL_C_CHAR, 10, &p).st, CV_NO_DATA, "empty value then SQL_NO_DATA");

    /* character data as SQL_C_BINARY: its bytes, in pieces, no NUL */
    memset(&p, 0, sizeof p);
    r = run(&v, "hello", SQL_C_BINARY, 3, &p);
    CHECK(r.st == CV_TRUNCATED && !memcmp(r.buf, "hel", 3) && r.buf[3] == 0xAB && r.len == 5,
          "binary piece 1: 3 bytes, 5 left, no terminator");
    r = run(&v, "hello", SQL_C_BINARY, 3, &p);
    CHECK(r.st == CV_OK && !memcmp(r.buf, "lo", 2) && r.len == 2, "binary piece 2: 2 bytes");
    CHECK_INT(run(&v, "hello", SQL_C_BINARY, 3, &p).st, CV_NO_DATA, "binary then SQL_NO_DATA");
    r = run(&v, "", SQL_C_BINARY, 0, NULL);
    CHECK(r.st == CV_OK && r.len == 0, "empty binary into a zero-length buffer is no truncation");
}

static void wide_str(const unsigned char *buf, char *out)
{
    size_t units = 0;
    while (buf[2 * units] || buf[2 * units + 1])
        units++;
    wchars_to_utf8(buf, units, out);
}

static void test_wchar(void)
{
    athena_column v = make_col("varchar", 2147483647, 0, false);
    res r;
    char s[256];
    const char *emoji = "a\xf0\x9f\x98\x80" "b"; /* a 😀 b */

    r = run(&v, emoji, SQL_C_WCHAR, 64, NULL);
    CHECK_INT(r.st, CV_OK, "emoji fits");
    CHECK_INT(r.len, 8, "4 UTF-16 units = 8 bytes");
    static const unsigned char units[10] = {'a', 0, 0x3d, 0xd8, 0x00, 0xde, 'b', 0, 0, 0};
    CHECK_MEM(r.buf, units, 10, "a, D83D DE00 surrogate pair, b, NUL");

    /* a bound column is never cut between the halves of a pair */
    r = run(&v, emoji, SQL_C_WCHAR, 6, NULL); /* room for 2 units + NUL */
    wide_str(r.buf, s);
    CHECK(r.st == CV_TRUNCATED && !strcmp(s, "a") && r.len == 8, "bound: 'a' (the pair does not fit), 8 bytes");

    /* SQLGetData pieces fill the buffer, splitting the pair between pieces */
    cv_piece p;
    memset(&p, 0, sizeof p);
    r = run(&v, emoji, SQL_C_WCHAR, 6, &p);
    static const unsigned char w1[6] = {'a', 0, 0x3d, 0xd8, 0, 0};
    CHECK(r.st == CV_TRUNCATED && !memcmp(r.buf, w1, 6) && r.len == 8, "piece 1: 'a' and D83D, 8 bytes left");
    r = run(&v, emoji, SQL_C_WCHAR, 6, &p);
    static const unsigned char w2[6] = {0x00, 0xde, 'b', 0, 0, 0};
    CHECK(r.st == CV_OK && !memcmp(r.buf, w2, 6) && r.len == 4, "piece 2: DE00 and 'b', 4 bytes left, done");
    CHECK_INT(run(&v, emoji, SQL_C_WCHAR, 6, &p).st, CV_NO_DATA, "then SQL_NO_DATA");

    /* one SQLWCHAR per piece: the pair takes two pieces */
    memset(&p, 0, sizeof p);
    static const uint16_t one[4] = {'a', 0xD83D, 0xDE00, 'b'};
    for (int i = 0; i < 4; i++) {
        r = run(&v, emoji, SQL_C_WCHAR, 4, &p);
        uint16_t got[2];
        memcpy(got, r.buf, sizeof got);
        CHECK(r.st == (i < 3 ? CV_TRUNCATED : CV_OK) && got[0] == one[i] && got[1] == 0 && r.len == 8 - 2 * i,
              "1-unit piece %d: %04X, %d bytes left", i + 1, (unsigned)one[i], 8 - 2 * i);
        if (i == 1) {
            /* a buffer with room for the NUL only keeps the low half pending */
            r = run(&v, emoji, SQL_C_WCHAR, 2, &p);
            CHECK(r.st == CV_TRUNCATED && r.len == 4 && r.buf[0] == 0 && r.buf[1] == 0,
                  "room for the NUL only: nothing but the NUL, 4 bytes left");
        }
    }
    CHECK_INT(run(&v, emoji, SQL_C_WCHAR, 4, &p).st, CV_NO_DATA, "then SQL_NO_DATA");

    r = run(&v, "abc", SQL_C_WCHAR, 1, NULL);
    CHECK(r.st == CV_TRUNCATED && r.len == 6 && r.buf[0] == 0xAB, "1 byte holds no SQLWCHAR: nothing written");
    r = run(&v, "abc", SQL_C_WCHAR, 7, NULL); /* odd: 3 units */
    wide_str(r.buf, s);
    CHECK(r.st == CV_TRUNCATED && !strcmp(s, "ab") && r.len == 6, "odd buffer length rounds down");
    r = run(&v, "caf\xc3\xa9 \xe2\x82\xac", SQL_C_WCHAR, 64, NULL);
    wide_str(r.buf, s);
    CHECK(r.st == CV_OK && !strcmp(s, "caf\xc3\xa9 \xe2\x82\xac") && r.len == 12, "BMP characters");
    r = run(&v, "x\xff\xc3y", SQL_C_WCHAR, 64, NULL);
    wide_str(r.buf, s);
    CHECK(r.st == CV_OK && !strcmp(s, "x\xef\xbf\xbd\xef\xbf\xbdy") && r.len == 8,
          "invalid UTF-8 becomes U+FFFD per bad byte");
    r = run(&v, "\xed\xa0\x80", SQL_C_WCHAR, 64, NULL);
    CHECK_INT(r.len, 6, "an encoded surrogate is invalid: three U+FFFD");
    r = run(&v, "\xc0\xaf", SQL_C_WCHAR, 64, NULL);
    CHECK_INT(r.len, 4, "an overlong sequence is invalid: two U+FFFD");
    r = run(&v, "\xf4\x90\x80\x80", SQL_C_WCHAR, 64, NULL);
    CHECK_INT(r.len, 8, "above U+10FFFF is invalid: four U+FFFD");
    r = run(&v, "\xe1\x80\x41", SQL_C_WCHAR, 64, NULL);
    wide_str(r.buf, s);
    CHECK(r.st == CV_OK && !strcmp(s, "\xef\xbf\xbd" "A") && r.len == 4,
          "a cut 3-byte sequence is one U+FFFD (its maximal subpart), then A");

    athena_column vb = make_col("varbinary", 1073741824, 0, false);
    memset(&p, 0, sizeof p);
    r = run(&vb, "0a ff", SQL_C_WCHAR, 8, &p); /* 3 units of room: one byte (2 digits) */
    wide_str(r.buf, s);
    CHECK(r.st == CV_TRUNCATED && !strcmp(s, "0A") && r.len == 8, "binary as WCHAR hex: whole bytes only");
    r = run(&vb, "0a ff", SQL_C_WCHAR, 8, &p);
    wide_str(r.buf, s);
    CHECK(r.st == CV_OK && !strcmp(s, "FF") && r.len == 4, "second byte");
}

static void test_binary(void)
{
    athena_column vb = make_col("varbinary", 1073741824, 0, false);
    res r;
    cv_piece p;

    r = run(&vb, "31 32 33", SQL_C_CHAR, 64, NULL);
    CHECK(r.st == CV_OK && !strcmp((char *)r.buf, "313233") && r.len == 6, "binary to char: 2 hex digits per byte");
    r = run(&vb, "de ad be ef", SQL_C_CHAR, 64, NULL);
    CHECK_STR((char *)r.buf, "DEADBEEF", "upper-case hex digits");
    r = run(&vb, "", SQL_C_CHAR, 64, NULL);
    CHECK(r.st == CV_OK && r.len == 0 && r.buf[0] == 0, "empty varbinary");

    memset(&p, 0, sizeof p);
    r = run(&vb, "31 32 33 34", SQL_C_CHAR, 4, &p); /* room 3: one whole byte */
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "31") && r.len == 8, "hex piece 1: \"31\", 8 left");
    r = run(&vb, "31 32 33 34", SQL_C_CHAR, 6, &p);
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "3233") && r.len == 6, "hex piece 2: \"3233\", 6 left");
    r = run(&vb, "31 32 33 34", SQL_C_CHAR, 6, &p);
    CHECK(r.st == CV_OK && !strcmp((char *)r.buf, "34") && r.len == 2, "hex piece 3: \"34\", 2 left");
    CHECK_INT(run(&vb, "31 32 33 34", SQL_C_CHAR, 6, &p).st, CV_NO_DATA, "hex then SQL_NO_DATA");

    memset(&p, 0, sizeof p);
    r = run(&vb, "31 32 33 34", SQL_C_BINARY, 3, &p);
    CHECK(r.st == CV_TRUNCATED && !memcmp(r.buf, "123", 3) && r.len == 4, "bytes piece 1: 3 of 4");
    r = run(&vb, "31 32 33 34", SQL_C_BINARY, 3, &p);
    CHECK(r.st == CV_OK && r.buf[0] == '4' && r.len == 1, "bytes piece 2: the last byte");
    CHECK_INT(run(&vb, "31 32 33 34", SQL_C_BINARY, 3, &p).st, CV_NO_DATA, "bytes then SQL_NO_DATA");

    r = run(&vb, "31 32 33", SQL_C_BINARY, 2, NULL);
    CHECK(r.st == CV_TRUNCATED && !memcmp(r.buf, "12", 2) && r.len == 3, "bound binary truncated: 01004, full length");
    r = run(&vb, "3x 32", SQL_C_BINARY, 64, NULL);
    CHECK_INT(r.st, CV_ERR_CHAR, "malformed varbinary text: 22018");
    r = run(&vb, "313", SQL_C_CHAR, 64, NULL);
    CHECK_INT(r.st, CV_ERR_CHAR, "odd digit count: 22018");

    /* fixed-size values as SQL_C_BINARY: all or nothing */
    athena_column in = make_col("integer", 10, 0, false);
    r = run(&in, "-7", SQL_C_BINARY, 3, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "4-byte integer into 3 bytes: 22003");
    r = run(&in, "-7", SQL_C_BINARY, 4, NULL);
    CHECK(r.st == CV_OK && r.len == 4, "4 bytes fit");
    athena_column dt = make_col("date", 0, 0, false);
    r = run(&dt, "2017-01-02", SQL_C_BINARY, 5, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "date into 5 bytes: 22003");
}

static void test_number_and_datetime_to_char(void)
{
    res r;
    athena_column in = make_col("integer", 10, 0, false);
    r = run(&in, "12345", SQL_C_CHAR, 5, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "5 whole digits into 5 bytes: 22003");
    r = run(&in, "12345", SQL_C_CHAR, 6, NULL);
    CHECK(r.st == CV_OK && !strcmp((char *)r.buf, "12345"), "fits in 6");
    athena_column dc = make_col("decimal", 10, 2, false);
    r = run(&dc, "-12.50", SQL_C_CHAR, 4, NULL);
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "-12") && r.len == 6,
          "fraction digits truncated: 01004 with the full length");
    r = run(&dc, "-12.50", SQL_C_CHAR, 3, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "whole part does not fit: 22003");
    r = run(&dc, "-12.50", SQL_C_WCHAR, 8, NULL); /* 4 characters */
    CHECK(r.st == CV_TRUNCATED && r.len == 12, "WCHAR: 3 whole characters fit in 4");
    r = run(&dc, "-12.50", SQL_C_WCHAR, 6, NULL); /* 3 characters */
    CHECK_INT(r.st, CV_ERR_RANGE, "WCHAR: whole part needs 4 characters: 22003");
    athena_column d = make_col("double", 17, 0, false);
    r = run(&d, "1.0E10", SQL_C_CHAR, 64, NULL);
    CHECK_STR((char *)r.buf, "1.0E10", "double text as Athena sends it");
    r = run(&d, "1.0E10", SQL_C_CHAR, 6, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "exponent form is never cut: 22003");
    r = run(&d, "0.25", SQL_C_CHAR, 3, NULL);
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "0.") && r.len == 4, "0.25 in 3 bytes: \"0.\"");
    r = run(&d, "NaN", SQL_C_CHAR, 3, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "NaN in 3 bytes: 22003");

    athena_column b = make_col("boolean", 0, 0, false);
    r = run(&b, "true", SQL_C_CHAR, 1, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "bit into 1 byte: 22003");
    r = run(&b, "true", SQL_C_CHAR, 2, NULL);
    CHECK(r.st == CV_OK && !strcmp((char *)r.buf, "1") && r.len == 1, "bit into 2 bytes");
    r = run(&b, "true", SQL_C_WCHAR, 2, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "bit into 1 SQLWCHAR: 22003");

    athena_column dt = make_col("date", 0, 0, false);
    r = run(&dt, "2017-01-02", SQL_C_CHAR, 10, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "date into 10 bytes: 22003");
    r = run(&dt, "2017-01-02", SQL_C_CHAR, 11, NULL);
    CHECK(r.st == CV_OK && r.len == 10, "date into 11 bytes");
    r = run(&dt, "2017-01-02", SQL_C_WCHAR, 20, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "date into 10 SQLWCHARs: 22003");
    r = run(&dt, "2017-01-02", SQL_C_WCHAR, 22, NULL);
    CHECK(r.st == CV_OK && r.len == 20, "date into 11 SQLWCHARs: 20 bytes");
    athena_column tm = make_col("time", 3, 0, false);
    r = run(&tm, "01:02:03.456", SQL_C_CHAR, 9, NULL);
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "01:02:03") && r.len == 12,
          "time into 9 bytes: fraction truncated, 01004");
    r = run(&tm, "01:02:03.456", SQL_C_CHAR, 8, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "time into 8 bytes: 22003");
    athena_column ts = make_col("timestamp", 3, 0, false);
    r = run(&ts, "2017-01-01 12:34:56.789", SQL_C_CHAR, 20, NULL);
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "2017-01-01 12:34:56") && r.len == 23,
          "timestamp into 20 bytes: 01004");
    r = run(&ts, "2017-01-01 12:34:56.789", SQL_C_CHAR, 19, NULL);
    CHECK_INT(r.st, CV_ERR_RANGE, "timestamp into 19 bytes: 22003");

    /* pieces of a number: the 22003 test applies to the first piece only */
    cv_piece p;
    memset(&p, 0, sizeof p);
    r = run(&dc, "123.45", SQL_C_CHAR, 5, &p);
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "123.") && r.len == 6, "number piece 1");
    r = run(&dc, "123.45", SQL_C_CHAR, 2, &p);
    CHECK(r.st == CV_TRUNCATED && !strcmp((char *)r.buf, "4") && r.len == 2, "number piece 2");
    r = run(&dc, "123.45", SQL_C_CHAR, 2, &p);
    CHECK(r.st == CV_OK && !strcmp((char *)r.buf, "5") && r.len == 1, "number piece 3");
}

static void test_null_and_indicators(void)
{
    athena_column v = make_col("varchar", 2147483647, 0, false);
    cv_target t;
    SQLLEN len = 77, ind = 77;
    char buf[16] = "unchanged";
    memset(&t, 0, sizeof t);
    t.ctype = SQL_C_CHAR;
    t.ptr = buf;
    t.buflen = sizeof buf;
    t.octet_len = &len;
    t.ind = &ind;
    CHECK_INT(convert_value(&v, NULL, 0, &t, NULL), CV_NULL, "NULL");
    CHECK_INT(ind, SQL_NULL_DATA, "indicator SQL_NULL_DATA");
    CHECK_INT(len, 77, "separate length untouched for NULL");
    CHECK_STR(buf, "unchanged", "buffer untouched for NULL");

    CHECK_INT(convert_value(&v, "abc", 3, &t, NULL), CV_OK, "value with separate pointers");
    CHECK_INT(len, 3, "length in the length buffer");
    CHECK_INT(ind, 0, "indicator 0 for a value");

    t.ind = NULL;
    CHECK_INT(convert_value(&v, NULL, 0, &t, NULL), CV_ERR_NULL_NO_IND, "NULL without indicator: 22002");
    sqlstate_id id;
    CHECK(cv_state(CV_ERR_NULL_NO_IND, &id) && id == SS_22002, "22002");

    t.ind = &ind;
    cv_piece p;
    memset(&p, 0, sizeof p);
    CHECK_INT(convert_value(&v, NULL, 0, &t, &p), CV_NULL, "NULL through SQLGetData");
    CHECK_INT(convert_value(&v, NULL, 0, &t, &p), CV_NO_DATA, "then SQL_NO_DATA");

    /* fixed-size types return once */
    athena_column in = make_col("integer", 10, 0, false);
    memset(&p, 0, sizeof p);
    res r = run(&in, "5", SQL_C_SLONG, 0, &p);
    CHECK(r.st == CV_OK && r.len == 4, "fixed type through SQLGetData");
    CHECK_INT(run(&in, "5", SQL_C_SLONG, 0, &p).st, CV_NO_DATA, "fixed type then SQL_NO_DATA");
    CHECK_INT(run(&in, "5", SQL_C_CHAR, 10, &p).st, CV_NO_DATA, "another C type after that: still SQL_NO_DATA");
    memset(&p, 0, sizeof p);
    r = run(&in, "x", SQL_C_SLONG, 0, &p);
    CHECK(r.st == CV_ERR_CHAR && !p.finished && !p.started, "an error leaves the piece state alone");

    /* a NULL data pointer: only the length is written */
    memset(&t, 0, sizeof t);
    t.ctype = SQL_C_CHAR;
    t.buflen = 0;
    t.octet_len = &len;
    len = 0;
    CHECK_INT(convert_value(&v, "abcdef", 6, &t, NULL), CV_OK, "NULL pointer: no data, no truncation");
    CHECK_INT(len, 6, "length written");
    t.ctype = SQL_C_SLONG;
    CHECK_INT(convert_value(&in, "12", 2, &t, NULL), CV_OK, "NULL pointer, fixed type");
    CHECK_INT(len, 4, "fixed length written");

    /* SQL_C_DEFAULT follows the column */
    athena_column w = make_col("varchar", 10, 0, true);
    r = run(&w, "hi", SQL_C_DEFAULT, 64, NULL);
    CHECK(r.st == CV_OK && r.len == 4 && r.buf[0] == 'h' && r.buf[1] == 0, "SQL_C_DEFAULT of SQL_WVARCHAR is SQL_C_WCHAR");

    /* unknown C type */
    CHECK_INT(run(&v, "x", 12345, 10, NULL).st, CV_ERR_RESTRICTED, "unknown C type: 07006");
    CHECK(!convert_allowed(&v, 12345), "unknown C type not allowed");
}

static void test_status_strings(void)
{
    static const struct {
        cv_status st;
        const char *state;
    } s[] = {
        {CV_OK, NULL}, {CV_NULL, NULL}, {CV_NO_DATA, NULL}, {CV_TRUNCATED, "01004"},
        {CV_FRACTIONAL, "01S07"}, {CV_ERR_NULL_NO_IND, "22002"}, {CV_ERR_RANGE, "22003"},
        {CV_ERR_CHAR, "22018"}, {CV_ERR_DATETIME, "22007"}, {CV_ERR_DT_OVERFLOW, "22008"},
        {CV_ERR_INTERVAL, "22015"}, {CV_ERR_RESTRICTED, "07006"}, {CV_ERR_BUFFER, "HY090"},
    };
    for (size_t i = 0; i < ARRAY_LEN(s); i++) {
        sqlstate_id id = SS_COUNT;
        bool posts = cv_state(s[i].st, &id);
        CHECK_STR(posts ? sqlstate_get(id)->state : NULL, s[i].state, "SQLSTATE");
    }
    sqlstate_id id;
    CHECK(cv_state(CV_TRUNCATED, &id) && strcmp(sqlstate_get(id)->text, "String data, right truncated") == 0,
          "01004 text");
    CHECK(cv_state(CV_ERR_RESTRICTED, &id) &&
              strcmp(sqlstate_get(id)->text, "Restricted data type attribute violation") == 0,
          "07006 text");
}

int main(void)
{
    test_table();
    test_char_to_numbers();
    test_bits();
    test_numeric_struct();
    test_datetimes();
    test_intervals();
    test_guid();
    test_char_truncation();
    test_wchar();
    test_binary();
    test_number_and_datetime_to_char();
    test_null_and_indicators();
    test_status_strings();
    return th_done();
}

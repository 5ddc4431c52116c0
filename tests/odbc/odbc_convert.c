/* odbc_convert.c - every cell of ODBC's SQL-to-C conversion table, through
 * the unixODBC driver manager, checked against a golden file.
 *
 * For every column and row of sampledb.all_types and every C type (the ODBC 3
 * codes, the ODBC 2 codes, SQL_C_DEFAULT and the thirteen interval types) the
 * program calls SQLGetData and renders one line per cell:
 *
 *     column|row|C type|return code|SQLSTATE|value
 *
 * then does the same for a set of character values (interval literals,
 * numeric, date and time text with every error class), for small buffers
 * (truncation, 22003), for SQLGetData in pieces, for SQLBindCol (with the
 * SQLSTATEs attributed to columns through SQL_DIAG_COLUMN_NUMBER), for
 * SQL_C_NUMERIC with the ARD's precision and scale (bound and through
 * SQL_ARD_TYPE) and for interval types with the ARD's leading and seconds
 * precision. The whole output is compared, line by line, with
 * tests/odbc/expected/convert.txt: one "ok"/"not ok" per line, and a
 * "not ok" for every missing or extra line.
 *
 * ATHENA_CONVERT_BLESS=1 rewrites the golden file from this run (keeping its
 * header comment). ATHENA_CONVERT_GOLDEN=path reads or writes another file. */
#include "odbc_util.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <time.h>

#ifndef ATHENA_TOP_SRCDIR
#define ATHENA_TOP_SRCDIR "."
#endif

#define ALL_TYPES_SQL "SELECT * FROM sampledb.all_types ORDER BY id"
#define BUF_SIZE 1024
#define SENTINEL 0xAB
#define MAX_COLS 32

/* ------------------------------------------------------------ the output */

static char **lines;
static size_t nlines, lines_cap;

static void emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void emit(const char *fmt, ...)
{
    char tmp[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (nlines == lines_cap) {
        lines_cap = lines_cap ? lines_cap * 2 : 4096;
        lines = realloc(lines, lines_cap * sizeof *lines);
        if (!lines)
            abort();
    }
    lines[nlines] = strdup(tmp);
    if (!lines[nlines])
        abort();
    nlines++;
}

/* A growing text buffer for one rendered value. */
typedef struct vbuf {
    char s[4096];
    size_t n;
} vbuf;

static void vb_add(vbuf *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void vb_add(vbuf *v, const char *fmt, ...)
{
    if (v->n >= sizeof v->s - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(v->s + v->n, sizeof v->s - v->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        v->n += (size_t)k < sizeof v->s - v->n ? (size_t)k : sizeof v->s - v->n - 1;
}

/* ------------------------------------------------------------ the C types */

typedef struct ctdef {
    SQLSMALLINT code;
    const char *name;
} ctdef;

#define CT(x) {x, #x}
static const ctdef CTYPES[] = {
    CT(SQL_C_CHAR), CT(SQL_C_WCHAR), CT(SQL_C_BIT),
    CT(SQL_C_STINYINT), CT(SQL_C_UTINYINT), CT(SQL_C_TINYINT),
    CT(SQL_C_SSHORT), CT(SQL_C_USHORT), CT(SQL_C_SHORT),
    CT(SQL_C_SLONG), CT(SQL_C_ULONG), CT(SQL_C_LONG),
    CT(SQL_C_SBIGINT), CT(SQL_C_UBIGINT),
    CT(SQL_C_FLOAT), CT(SQL_C_DOUBLE), CT(SQL_C_NUMERIC),
    CT(SQL_C_TYPE_DATE), CT(SQL_C_TYPE_TIME), CT(SQL_C_TYPE_TIMESTAMP),
    CT(SQL_C_DATE), CT(SQL_C_TIME), CT(SQL_C_TIMESTAMP),
    CT(SQL_C_BINARY), CT(SQL_C_GUID), CT(SQL_C_DEFAULT),
    CT(SQL_C_INTERVAL_YEAR), CT(SQL_C_INTERVAL_MONTH), CT(SQL_C_INTERVAL_DAY),
    CT(SQL_C_INTERVAL_HOUR), CT(SQL_C_INTERVAL_MINUTE), CT(SQL_C_INTERVAL_SECOND),
    CT(SQL_C_INTERVAL_YEAR_TO_MONTH), CT(SQL_C_INTERVAL_DAY_TO_HOUR),
    CT(SQL_C_INTERVAL_DAY_TO_MINUTE), CT(SQL_C_INTERVAL_DAY_TO_SECOND),
    CT(SQL_C_INTERVAL_HOUR_TO_MINUTE), CT(SQL_C_INTERVAL_HOUR_TO_SECOND),
    CT(SQL_C_INTERVAL_MINUTE_TO_SECOND),
};
#define N_CTYPES (sizeof CTYPES / sizeof CTYPES[0])

static const char *ctname(SQLSMALLINT c)
{
    for (size_t i = 0; i < N_CTYPES; i++)
        if (CTYPES[i].code == c)
            return CTYPES[i].name;
    return "?";
}

static bool is_interval(SQLSMALLINT c) { return c >= SQL_C_INTERVAL_YEAR && c <= SQL_C_INTERVAL_MINUTE_TO_SECOND; }

/* Size of a fixed-size C type, 0 for CHAR/WCHAR/BINARY. */
static size_t fixed_size(SQLSMALLINT c)
{
    switch (c) {
    case SQL_C_BIT: case SQL_C_STINYINT: case SQL_C_UTINYINT: case SQL_C_TINYINT: return 1;
    case SQL_C_SSHORT: case SQL_C_USHORT: case SQL_C_SHORT: return 2;
    case SQL_C_SLONG: case SQL_C_ULONG: case SQL_C_LONG: return 4;
    case SQL_C_SBIGINT: case SQL_C_UBIGINT: return 8;
    case SQL_C_FLOAT: return sizeof(SQLREAL);
    case SQL_C_DOUBLE: return sizeof(SQLDOUBLE);
    case SQL_C_NUMERIC: return sizeof(SQL_NUMERIC_STRUCT);
    case SQL_C_TYPE_DATE: case SQL_C_DATE: return sizeof(SQL_DATE_STRUCT);
    case SQL_C_TYPE_TIME: case SQL_C_TIME: return sizeof(SQL_TIME_STRUCT);
    case SQL_C_TYPE_TIMESTAMP: case SQL_C_TIMESTAMP: return sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_C_GUID: return sizeof(SQLGUID);
    default: return is_interval(c) ? sizeof(SQL_INTERVAL_STRUCT) : 0;
    }
}

/* The default C type of an SQL type (appendix D, "Default C Data Types"),
 * worked out here independently of the driver. */
static SQLSMALLINT default_ctype(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_BIT: return SQL_C_BIT;
    case SQL_TINYINT: return SQL_C_STINYINT;
    case SQL_SMALLINT: return SQL_C_SSHORT;
    case SQL_INTEGER: return SQL_C_SLONG;
    case SQL_BIGINT: return SQL_C_SBIGINT;
    case SQL_REAL: return SQL_C_FLOAT;
    case SQL_FLOAT: case SQL_DOUBLE: return SQL_C_DOUBLE;
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: return SQL_C_BINARY;
    case SQL_TYPE_DATE: return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME: return SQL_C_TYPE_TIME;
    case SQL_TYPE_TIMESTAMP: return SQL_C_TYPE_TIMESTAMP;
    case SQL_GUID: return SQL_C_GUID;
    case SQL_WCHAR: case SQL_WVARCHAR: case SQL_WLONGVARCHAR: return SQL_C_WCHAR;
    default: return SQL_C_CHAR; /* character, SQL_DECIMAL, SQL_NUMERIC */
    }
}

static const char *rc_name(SQLRETURN rc)
{
    static char other[32];
    switch (rc) {
    case SQL_SUCCESS: return "SQL_SUCCESS";
    case SQL_SUCCESS_WITH_INFO: return "SQL_SUCCESS_WITH_INFO";
    case SQL_ERROR: return "SQL_ERROR";
    case SQL_NO_DATA: return "SQL_NO_DATA";
    case SQL_INVALID_HANDLE: return "SQL_INVALID_HANDLE";
    default: snprintf(other, sizeof other, "rc=%d", (int)rc); return other;
    }
}

/* The SQLSTATEs of all diagnostic records of a statement, comma-separated, "-" if none. */
static void states_of(SQLHSTMT st, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (SQLSMALLINT i = 1; i < 20; i++) {
        SQLCHAR state[6];
        SQLINTEGER native;
        SQLSMALLINT len;
        SQLCHAR msg[512];
        if (!SQL_SUCCEEDED(SQLGetDiagRec(SQL_HANDLE_STMT, st, i, state, &native, msg, sizeof msg, &len)))
            break;
        n += (size_t)snprintf(out + n, size - n, "%s%s", n ? "," : "", (char *)state);
        if (n >= size)
            break;
    }
    if (!out[0])
        snprintf(out, size, "-");
}

/* ------------------------------------------------------- rendering values */

/* Text as it appears in the golden file, without quotes: printable ASCII
 * and valid UTF-8 as they are; backslash, quote, control characters and
 * invalid bytes escaped. */
static void vb_text_body(vbuf *v, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c == '\\' || c == '"') {
            vb_add(v, "\\%c", c);
            i++;
        } else if (c == '\t') {
            vb_add(v, "\\t");
            i++;
        } else if (c == '\n') {
            vb_add(v, "\\n");
            i++;
        } else if (c == '\r') {
            vb_add(v, "\\r");
            i++;
        } else if (c < 0x20 || c == 0x7f) {
            vb_add(v, "\\x%02x", c);
            i++;
        } else if (c < 0x80) {
            vb_add(v, "%c", c);
            i++;
        } else {
            size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
            bool ok = need > 0 && i + need <= n;
            for (size_t k = 1; ok && k < need; k++)
                ok = (s[i + k] & 0xC0) == 0x80;
            if (ok) {
                vb_add(v, "%.*s", (int)need, (const char *)s + i);
                i += need;
            } else {
                vb_add(v, "\\x%02x", c);
                i++;
            }
        }
    }
}

static void vb_text(vbuf *v, const unsigned char *s, size_t n)
{
    vb_add(v, "\"");
    vb_text_body(v, s, n);
    vb_add(v, "\"");
}

/* UTF-16 units decoded to UTF-8 and shown as vb_text; a surrogate without
 * its other half (a piece may end between the two) is shown as \uXXXX. */
static void vb_wtext(vbuf *v, const unsigned char *b, size_t units)
{
    vb_add(v, "\"");
    for (size_t i = 0; i < units; i++) {
        uint16_t u;
        memcpy(&u, b + 2 * i, 2);
        uint32_t cp = u;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units) {
            uint16_t lo;
            memcpy(&lo, b + 2 * (i + 1), 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + (((uint32_t)u - 0xD800) << 10) + (lo - 0xDC00);
                i++;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            vb_add(v, "\\u%04X", (unsigned)cp);
            continue;
        }
        unsigned char u8[4];
        size_t k = 0;
        if (cp < 0x80) {
            u8[k++] = (unsigned char)cp;
        } else if (cp < 0x800) {
            u8[k++] = (unsigned char)(0xC0 | (cp >> 6));
            u8[k++] = (unsigned char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            u8[k++] = (unsigned char)(0xE0 | (cp >> 12));
            u8[k++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            u8[k++] = (unsigned char)(0x80 | (cp & 0x3F));
        } else {
            u8[k++] = (unsigned char)(0xF0 | (cp >> 18));
            u8[k++] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
            u8[k++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
            u8[k++] = (unsigned char)(0x80 | (cp & 0x3F));
        }
        vb_text_body(v, u8, k);
    }
    vb_add(v, "\"");
}

static void vb_hex(vbuf *v, const unsigned char *b, size_t n)
{
    vb_add(v, "x'");
    for (size_t i = 0; i < n; i++)
        vb_add(v, "%02x", b[i]);
    vb_add(v, "'");
}

static bool sentinel_from(const unsigned char *buf, size_t from, size_t size)
{
    for (size_t i = from; i < size; i++)
        if (buf[i] != SENTINEL)
            return false;
    return true;
}

/* True if y-m-d is the local date now (asked at render time, right after the
 * conversion, so a run that crosses midnight does not fail). */
static bool is_today(int y, unsigned m, unsigned d)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return y == tm.tm_year + 1900 && m == (unsigned)tm.tm_mon + 1 && d == (unsigned)tm.tm_mday;
}

static void render_fixed(vbuf *v, SQLSMALLINT ct, const unsigned char *buf)
{
    switch (ct) {
    case SQL_C_BIT: case SQL_C_UTINYINT: vb_add(v, "%u", (unsigned)buf[0]); break;
    case SQL_C_STINYINT: case SQL_C_TINYINT: vb_add(v, "%d", (int)(signed char)buf[0]); break;
    case SQL_C_SSHORT: case SQL_C_SHORT: { SQLSMALLINT x; memcpy(&x, buf, sizeof x); vb_add(v, "%d", (int)x); break; }
    case SQL_C_USHORT: { SQLUSMALLINT x; memcpy(&x, buf, sizeof x); vb_add(v, "%u", (unsigned)x); break; }
    case SQL_C_SLONG: case SQL_C_LONG: { int32_t x; memcpy(&x, buf, sizeof x); vb_add(v, "%ld", (long)x); break; }
    case SQL_C_ULONG: { uint32_t x; memcpy(&x, buf, sizeof x); vb_add(v, "%lu", (unsigned long)x); break; }
    case SQL_C_SBIGINT: { int64_t x; memcpy(&x, buf, sizeof x); vb_add(v, "%lld", (long long)x); break; }
    case SQL_C_UBIGINT: { uint64_t x; memcpy(&x, buf, sizeof x); vb_add(v, "%llu", (unsigned long long)x); break; }
    case SQL_C_FLOAT: { SQLREAL x; memcpy(&x, buf, sizeof x); vb_add(v, "%.17g", (double)x); break; }
    case SQL_C_DOUBLE: { SQLDOUBLE x; memcpy(&x, buf, sizeof x); vb_add(v, "%.17g", x); break; }
    case SQL_C_NUMERIC: {
        SQL_NUMERIC_STRUCT ns;
        memcpy(&ns, buf, sizeof ns);
        vb_add(v, "precision=%u scale=%d sign=%u val=", (unsigned)ns.precision, (int)ns.scale, (unsigned)ns.sign);
        for (int i = 0; i < SQL_MAX_NUMERIC_LEN; i++)
            vb_add(v, "%02x", ns.val[i]);
        /* the mantissa in decimal: 128-bit little-endian magnitude */
        uint32_t w[4];
        for (int i = 0; i < 4; i++)
            w[i] = (uint32_t)ns.val[4 * i] | (uint32_t)ns.val[4 * i + 1] << 8 |
                   (uint32_t)ns.val[4 * i + 2] << 16 | (uint32_t)ns.val[4 * i + 3] << 24;
        char digits[48];
        int nd = 0;
        do {
            uint64_t rem = 0;
            for (int i = 3; i >= 0; i--) {
                uint64_t cur = (rem << 32) | w[i];
                w[i] = (uint32_t)(cur / 10);
                rem = cur % 10;
            }
            digits[nd++] = (char)('0' + rem);
        } while (w[0] | w[1] | w[2] | w[3]);
        vb_add(v, " mantissa=");
        while (nd)
            vb_add(v, "%c", digits[--nd]);
        break;
    }
    case SQL_C_TYPE_DATE: case SQL_C_DATE: {
        SQL_DATE_STRUCT d;
        memcpy(&d, buf, sizeof d);
        vb_add(v, "year=%d month=%u day=%u", (int)d.year, (unsigned)d.month, (unsigned)d.day);
        break;
    }
    case SQL_C_TYPE_TIME: case SQL_C_TIME: {
        SQL_TIME_STRUCT t;
        memcpy(&t, buf, sizeof t);
        vb_add(v, "hour=%u minute=%u second=%u", (unsigned)t.hour, (unsigned)t.minute, (unsigned)t.second);
        break;
    }
    case SQL_C_TYPE_TIMESTAMP: case SQL_C_TIMESTAMP: {
        SQL_TIMESTAMP_STRUCT t;
        memcpy(&t, buf, sizeof t);
        if (is_today(t.year, t.month, t.day))
            vb_add(v, "year,month,day=today");
        else
            vb_add(v, "year=%d month=%u day=%u", (int)t.year, (unsigned)t.month, (unsigned)t.day);
        vb_add(v, " hour=%u minute=%u second=%u fraction=%lu", (unsigned)t.hour, (unsigned)t.minute,
               (unsigned)t.second, (unsigned long)t.fraction);
        break;
    }
    case SQL_C_GUID: {
        SQLGUID g;
        memcpy(&g, buf, sizeof g);
        vb_add(v, "Data1=%08lx Data2=%04x Data3=%04x Data4=", (unsigned long)g.Data1, (unsigned)g.Data2,
               (unsigned)g.Data3);
        for (int i = 0; i < 8; i++)
            vb_add(v, "%02x", g.Data4[i]);
        break;
    }
    default:
        if (is_interval(ct)) {
            static const char *const names[] = {"?", "SQL_IS_YEAR", "SQL_IS_MONTH", "SQL_IS_DAY", "SQL_IS_HOUR",
                                                "SQL_IS_MINUTE", "SQL_IS_SECOND", "SQL_IS_YEAR_TO_MONTH",
                                                "SQL_IS_DAY_TO_HOUR", "SQL_IS_DAY_TO_MINUTE", "SQL_IS_DAY_TO_SECOND",
                                                "SQL_IS_HOUR_TO_MINUTE", "SQL_IS_HOUR_TO_SECOND",
                                                "SQL_IS_MINUTE_TO_SECOND"};
            SQL_INTERVAL_STRUCT is;
            memcpy(&is, buf, sizeof is);
            unsigned t = (unsigned)is.interval_type;
            vb_add(v, "type=%s sign=%d", t <= 13 ? names[t] : "?", (int)is.interval_sign);
            if (t == SQL_IS_YEAR || t == SQL_IS_MONTH || t == SQL_IS_YEAR_TO_MONTH)
                vb_add(v, " year=%lu month=%lu", (unsigned long)is.intval.year_month.year,
                       (unsigned long)is.intval.year_month.month);
            else
                vb_add(v, " day=%lu hour=%lu minute=%lu second=%lu fraction=%lu",
                       (unsigned long)is.intval.day_second.day, (unsigned long)is.intval.day_second.hour,
                       (unsigned long)is.intval.day_second.minute, (unsigned long)is.intval.day_second.second,
                       (unsigned long)is.intval.day_second.fraction);
        } else {
            vb_add(v, "(unrendered C type %d)", (int)ct);
        }
    }
}

/* Renders what one conversion left in buf (of size bufsize, of which the
 * driver was told buflen) and *ind. ct is the C type after SQL_C_DEFAULT
 * was resolved; truncated: 01004 was reported. Checks that nothing beyond
 * the value was written and that the length matches what was written. */
static void render(vbuf *v, SQLSMALLINT ct, const unsigned char *buf, size_t bufsize, SQLLEN buflen, SQLLEN ind,
                   bool ind_given, bool truncated)
{
    if (ind_given && ind == SQL_NULL_DATA) {
        vb_add(v, "NULL");
        if (!sentinel_from(buf, 0, bufsize))
            vb_add(v, " BUFFER-WRITTEN");
        return;
    }
    if (ind_given) {
        if (ind == SQL_NO_TOTAL)
            vb_add(v, "len=SQL_NO_TOTAL ");
        else
            vb_add(v, "len=%ld ", (long)ind);
    }
    size_t fs = fixed_size(ct);
    if (fs) {
        render_fixed(v, ct, buf);
        if (!sentinel_from(buf, fs, bufsize))
            vb_add(v, " OVERRUN");
        return;
    }
    if (ct == SQL_C_BINARY) {
        size_t got = ind_given && ind >= 0 ? (size_t)ind : 0;
        if (got > (size_t)buflen)
            got = (size_t)buflen;
        vb_hex(v, buf, got);
        if (!sentinel_from(buf, got, bufsize))
            vb_add(v, " OVERRUN");
        return;
    }
    size_t unit = ct == SQL_C_WCHAR ? 2 : 1;
    if (buflen < (SQLLEN)unit) {
        /* no room for a terminator: nothing may be written */
        vb_add(v, "(nothing written)");
        if (!sentinel_from(buf, 0, bufsize))
            vb_add(v, " BUFFER-WRITTEN");
        return;
    }
    /* the string ends at the first NUL unit */
    size_t units = 0, max_units = (size_t)buflen / unit;
    bool term = false;
    for (; units < max_units; units++) {
        bool zero = unit == 1 ? buf[units] == 0 : (buf[2 * units] == 0 && buf[2 * units + 1] == 0);
        if (zero) {
            term = true;
            break;
        }
    }
    if (unit == 1)
        vb_text(v, buf, units);
    else
        vb_wtext(v, buf, units);
    if (!term)
        vb_add(v, " NOT-TERMINATED");
    else if (!sentinel_from(buf, (units + 1) * unit, bufsize))
        vb_add(v, " OVERRUN");
    if (ind_given && ind >= 0 && (truncated ? (size_t)ind <= units * unit : (size_t)ind != units * unit))
        vb_add(v, " LEN-MISMATCH");
}

/* ------------------------------------------------------------ result sets */

typedef struct colinfo {
    char name[64];
    SQLSMALLINT sql_type;
} colinfo;

static SQLSMALLINT describe(SQLHSTMT st, colinfo *cols)
{
    SQLSMALLINT n = 0;
    SQLNumResultCols(st, &n);
    if (n > MAX_COLS)
        n = MAX_COLS;
    for (SQLSMALLINT c = 1; c <= n; c++) {
        SQLSMALLINT len, digits, nullable;
        SQLULEN size;
        cols[c].name[0] = '\0';
        SQLDescribeCol(st, (SQLUSMALLINT)c, (SQLCHAR *)cols[c].name, sizeof cols[c].name, &len, &cols[c].sql_type,
                       &size, &digits, &nullable);
    }
    return n;
}

static SQLHSTMT run_query(SQLHDBC dbc, const char *sql)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    if (!SQL_SUCCEEDED(rc)) {
        show_diag(sql, SQL_HANDLE_STMT, st);
        CHECK(0, "query failed: %s", sql);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        return SQL_NULL_HSTMT;
    }
    return st;
}

/* One SQLGetData call rendered as one line. */
static void get_cell(SQLHSTMT st, SQLUSMALLINT col, const colinfo *ci, const char *colname, long row,
                     SQLSMALLINT ct, const char *label, SQLLEN buflen, bool with_ind)
{
    union {
        unsigned char b[BUF_SIZE];
        SQLDOUBLE align_d;
        SQLBIGINT align_i;
    } u;
    memset(u.b, SENTINEL, sizeof u.b);
    SQLLEN ind = -12345;
    SQLRETURN rc = SQLGetData(st, col, ct, u.b, buflen, with_ind ? &ind : NULL);
    char states[128];
    states_of(st, states, sizeof states);
    vbuf v = {.n = 0};
    if (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
        SQLSMALLINT eff = ct == SQL_C_DEFAULT ? default_ctype(ci->sql_type) : ct;
        if (ct == SQL_C_DEFAULT)
            vb_add(&v, "as %s ", ctname(eff));
        render(&v, eff, u.b, sizeof u.b, buflen, ind, with_ind, strstr(states, "01004") != NULL);
    } else {
        vb_add(&v, "-");
    }
    emit("%s|%ld|%s|%s|%s|%s", colname, row, label, rc_name(rc), states, v.s);
}

/* Section 1: every column x every row x every C type, through SQLGetData.
 * One execution per C type: each cell is read once, by the first call. */
static void section_getdata(SQLHDBC dbc, const char *sql, const char *fixed_colname, SQLUSMALLINT only_col)
{
    for (size_t k = 0; k < N_CTYPES; k++) {
        SQLHSTMT st = run_query(dbc, sql);
        if (!st)
            return;
        colinfo cols[MAX_COLS + 1];
        SQLSMALLINT n = describe(st, cols);
        long row = 0;
        while (SQL_SUCCEEDED(SQLFetch(st))) {
            row++;
            for (SQLSMALLINT c = 1; c <= n; c++) {
                if (only_col && c != only_col)
                    continue;
                get_cell(st, (SQLUSMALLINT)c, &cols[c], fixed_colname ? fixed_colname : cols[c].name, row,
                         CTYPES[k].code, CTYPES[k].name, BUF_SIZE, true);
            }
        }
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

/* ------------------------------------------------- character values (text) */

/* Character data holding numbers, dates, times, timestamps, GUIDs and
 * interval literals: every SQLSTATE of the character table. */
static const char *const TEXTS[] = {
    "INTERVAL '1-2' YEAR TO MONTH",
    "INTERVAL -'3' DAY",
    "INTERVAL '3 04:05:06.789' DAY TO SECOND",
    "INTERVAL '100' YEAR(3)",
    "interval '-1:30' hour to minute",
    "INTERVAL '7.25' SECOND",
    "INTERVAL '1' MONTH",
    "INTERVAL '26:03' HOUR TO MINUTE",
    "INTERVAL '1-2' DAY",
    "1-2",
    "-1-6",
    "2 03:04:05.678",
    "12:34",
    "  42  ",
    "-1.5",
    "1.9",
    "0.5",
    "-0.5",
    "-0",
    "+7",
    ".5",
    "5.",
    "1e3",
    "256",
    "65536",
    "-129",
    "99999999999999999999",
    "18446744073709551615",
    "1.0E400",
    "1e-400",
    "NaN",
    "-Infinity",
    "123456789012345678901234567890123456789",
    "1,5",
    "0x10",
    "1e",
    "",
    "true",
    "FALSE",
    "2017-01-02",
    "  2017-01-02  ",
    "2017-02-30",
    "1900-02-29",
    "99999-01-01",
    "2017-1-2",
    "2017-01-02T03:04:05.123456789",
    "2017-01-02 03:04:05.1234567891",
    "2017-01-02 00:00:00",
    "2017-01-02 00:00:00 UTC",
    "12:34:56",
    "12:34:56.5",
    "24:00:00",
    "1999-12-31 23:59:60",
    "{123E4567-E89B-12D3-A456-426614174000}",
    "123e4567-e89b-12d3-a456-42661417400",
    "123e4567e89b12d3a456426614174000",
};
#define N_TEXTS (sizeof TEXTS / sizeof TEXTS[0])

static char *texts_sql(void)
{
    static char sql[16384];
    size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT s FROM (VALUES ");
    for (size_t i = 0; i < N_TEXTS; i++) {
        n += (size_t)snprintf(sql + n, sizeof sql - n, "%s(%zu, '", i ? ", " : "", i + 1);
        for (const char *p = TEXTS[i]; *p; p++) {
            if (*p == '\'')
                sql[n++] = '\'';
            sql[n++] = *p;
        }
        n += (size_t)snprintf(sql + n, sizeof sql - n, "')");
    }
    snprintf(sql + n, sizeof sql - n, ") AS t(n, s) ORDER BY n");
    return sql;
}

/* --------------------------------------------- buffer lengths and pieces */

static long col_index(const colinfo *cols, SQLSMALLINT n, const char *name)
{
    for (SQLSMALLINT c = 1; c <= n; c++)
        if (!strcmp(cols[c].name, name))
            return c;
    return 0;
}

/* Section 3: SQL_C_CHAR, SQL_C_WCHAR and SQL_C_BINARY with small buffers,
 * and the fixed types as SQL_C_BINARY with buffers around their size. */
static void section_buffers(SQLHDBC dbc)
{
    static const char *const cols_sel[] = {"c_boolean", "c_tinyint", "c_integer", "c_bigint", "c_real",
                                           "c_double", "c_decimal", "c_decimal_wide", "c_varchar", "c_varchar10",
                                           "c_char", "c_varbinary", "c_date", "c_time", "c_timestamp",
                                           "c_timestamp_tz", "c_uuid", "c_interval_ds"};
    static const struct { SQLSMALLINT ct; SQLLEN len; } sizes[] = {
        {SQL_C_CHAR, 0}, {SQL_C_CHAR, 1}, {SQL_C_CHAR, 2}, {SQL_C_CHAR, 3}, {SQL_C_CHAR, 5}, {SQL_C_CHAR, 9},
        {SQL_C_CHAR, 10}, {SQL_C_CHAR, 11}, {SQL_C_CHAR, 12}, {SQL_C_CHAR, 19}, {SQL_C_CHAR, 20},
        {SQL_C_CHAR, 21}, {SQL_C_CHAR, 24}, {SQL_C_CHAR, 37},
        {SQL_C_WCHAR, 0}, {SQL_C_WCHAR, 1}, {SQL_C_WCHAR, 2}, {SQL_C_WCHAR, 4}, {SQL_C_WCHAR, 6},
        {SQL_C_WCHAR, 18}, {SQL_C_WCHAR, 20}, {SQL_C_WCHAR, 22}, {SQL_C_WCHAR, 40}, {SQL_C_WCHAR, 48},
        {SQL_C_BINARY, 0}, {SQL_C_BINARY, 1}, {SQL_C_BINARY, 5}, {SQL_C_BINARY, 6}, {SQL_C_BINARY, 15},
        {SQL_C_BINARY, 16}, {SQL_C_BINARY, 18}, {SQL_C_BINARY, 19},
    };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        SQLHSTMT st = run_query(dbc, ALL_TYPES_SQL " LIMIT 7");
        if (!st)
            return;
        colinfo cols[MAX_COLS + 1];
        SQLSMALLINT n = describe(st, cols);
        char label[64];
        snprintf(label, sizeof label, "%s[%ld]", ctname(sizes[k].ct), (long)sizes[k].len);
        long row = 0;
        while (SQL_SUCCEEDED(SQLFetch(st))) {
            row++;
            for (size_t i = 0; i < sizeof cols_sel / sizeof cols_sel[0]; i++) {
                long c = col_index(cols, n, cols_sel[i]);
                if (!c) {
                    CHECK(0, "all_types has a column %s", cols_sel[i]);
                    continue;
                }
                get_cell(st, (SQLUSMALLINT)c, &cols[c], cols_sel[i], row, sizes[k].ct, label, sizes[k].len, true);
            }
        }
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

/* Section 4: SQLGetData in pieces until SQL_NO_DATA. */
static void pieces(SQLHDBC dbc, const char *colname, long want_row, SQLSMALLINT ct, SQLLEN buflen)
{
    SQLHSTMT st = run_query(dbc, ALL_TYPES_SQL);
    if (!st)
        return;
    colinfo cols[MAX_COLS + 1];
    SQLSMALLINT n = describe(st, cols);
    long c = col_index(cols, n, colname);
    for (long row = 1; row <= want_row; row++)
        if (!SQL_SUCCEEDED(SQLFetch(st))) {
            CHECK(0, "fetch row %ld for pieces", row);
            SQLFreeHandle(SQL_HANDLE_STMT, st);
            return;
        }
    for (int piece = 1; piece <= 40; piece++) {
        char label[64];
        snprintf(label, sizeof label, "%s[%ld]#%d", ctname(ct), (long)buflen, piece);
        get_cell(st, (SQLUSMALLINT)c, &cols[c], colname, want_row, ct, label, buflen, true);
        const char *last = lines[nlines - 1];
        if (strstr(last, "|SQL_NO_DATA|") || strstr(last, "|SQL_ERROR|"))
            break;
        if (piece == 40)
            emit("%s|%ld|%s[%ld]#stuck|no SQL_NO_DATA after 40 calls|-|-", colname, want_row, ctname(ct), (long)buflen);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void section_pieces(SQLHDBC dbc)
{
    pieces(dbc, "c_varchar", 6, SQL_C_CHAR, 8);
    pieces(dbc, "c_varchar", 6, SQL_C_WCHAR, 8);
    pieces(dbc, "c_varchar", 6, SQL_C_BINARY, 7);
    pieces(dbc, "c_varchar10", 6, SQL_C_WCHAR, 4);
    pieces(dbc, "c_varchar10", 6, SQL_C_CHAR, 4);
    pieces(dbc, "c_char", 6, SQL_C_CHAR, 3);
    pieces(dbc, "c_varbinary", 6, SQL_C_BINARY, 4);
    pieces(dbc, "c_varbinary", 6, SQL_C_CHAR, 5);
    pieces(dbc, "c_varbinary", 6, SQL_C_WCHAR, 10);
    pieces(dbc, "c_decimal_wide", 2, SQL_C_CHAR, 32);
    pieces(dbc, "c_decimal_wide", 2, SQL_C_CHAR, 30);
    pieces(dbc, "c_double", 9, SQL_C_CHAR, 8);
    pieces(dbc, "c_timestamp", 1, SQL_C_CHAR, 21);
    pieces(dbc, "c_json", 6, SQL_C_CHAR, 10);
    pieces(dbc, "c_varchar", 5, SQL_C_CHAR, 8);
    pieces(dbc, "c_integer", 1, SQL_C_SLONG, 0);
    pieces(dbc, "c_date", 1, SQL_C_TYPE_DATE, 0);
    pieces(dbc, "c_boolean", 4, SQL_C_BIT, 0);
}

/* Section 5: NULL without an indicator (22002) and values without one. */
static void section_no_indicator(SQLHDBC dbc)
{
    static const SQLSMALLINT cts[] = {SQL_C_CHAR, SQL_C_SLONG, SQL_C_DEFAULT};
    for (size_t k = 0; k < sizeof cts / sizeof cts[0]; k++) {
        SQLHSTMT st = run_query(dbc, ALL_TYPES_SQL " LIMIT 4");
        if (!st)
            return;
        colinfo cols[MAX_COLS + 1];
        SQLSMALLINT n = describe(st, cols);
        char label[64];
        snprintf(label, sizeof label, "%s(no indicator)", ctname(cts[k]));
        long row = 0;
        while (SQL_SUCCEEDED(SQLFetch(st))) {
            row++;
            if (row != 1 && row != 4)
                continue;
            for (SQLSMALLINT c = 1; c <= n; c++)
                get_cell(st, (SQLUSMALLINT)c, &cols[c], cols[c].name, row, cts[k], label, BUF_SIZE, false);
        }
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

/* ------------------------------------------------------------- binding */

typedef struct bindspec {
    const char *label;
    SQLSMALLINT ct;
    SQLLEN buflen;
    bool ard;             /* set the ARD fields below with SQLSetDescField, data pointer last */
    SQLSMALLINT precision, scale;
    SQLINTEGER interval_precision;
    const char *const *only; /* NULL: every column */
} bindspec;

static bool listed(const char *const *only, const char *name)
{
    if (!only)
        return true;
    for (; *only; only++)
        if (!strcmp(*only, name))
            return true;
    return false;
}

/* Binds every (listed) column with bs and fetches every row; the SQLSTATEs
 * of the fetch are attributed to columns by SQL_DIAG_COLUMN_NUMBER. */
static void bind_run(SQLHDBC dbc, const char *sql, const char *fixed_colname, const bindspec *bs)
{
    SQLHSTMT st = run_query(dbc, sql);
    if (!st)
        return;
    colinfo cols[MAX_COLS + 1];
    SQLSMALLINT n = describe(st, cols);
    static union {
        unsigned char b[BUF_SIZE];
        SQLDOUBLE align_d;
        SQLBIGINT align_i;
    } bufs[MAX_COLS + 1];
    static SQLLEN inds[MAX_COLS + 1];
    bool bound[MAX_COLS + 1] = {false};
    SQLHDESC ard = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, &ard, 0, NULL);
    for (SQLSMALLINT c = 1; c <= n; c++) {
        const char *name = fixed_colname ? fixed_colname : cols[c].name;
        if (!listed(bs->only, name))
            continue;
        SQLRETURN rc = SQLBindCol(st, (SQLUSMALLINT)c, bs->ct, bufs[c].b, bs->buflen, &inds[c]);
        if (!SQL_SUCCEEDED(rc)) {
            show_diag("SQLBindCol", SQL_HANDLE_STMT, st);
            CHECK(0, "SQLBindCol %s %s", name, bs->label);
            continue;
        }
        if (bs->ard) {
            bool ok = true;
            if (bs->ct == SQL_C_NUMERIC)
                ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_TYPE, (SQLPOINTER)(intptr_t)bs->ct, 0));
            ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_PRECISION, (SQLPOINTER)(intptr_t)bs->precision, 0));
            ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_SCALE, (SQLPOINTER)(intptr_t)bs->scale, 0));
            if (is_interval(bs->ct))
                ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_DATETIME_INTERVAL_PRECISION,
                                                         (SQLPOINTER)(intptr_t)bs->interval_precision, 0));
            ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_INDICATOR_PTR, &inds[c], 0));
            ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_OCTET_LENGTH_PTR, &inds[c], 0));
            ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_DATA_PTR, bufs[c].b, 0));
            CHECK(ok, "ARD fields of %s for %s", name, bs->label);
        }
        bound[c] = true;
    }
    long row = 0;
    for (;;) {
        for (SQLSMALLINT c = 1; c <= n; c++) {
            memset(bufs[c].b, SENTINEL, sizeof bufs[c].b);
            inds[c] = -12345;
        }
        SQLRETURN rc = SQLFetch(st);
        if (rc == SQL_NO_DATA)
            break;
        row++;
        if (row > 100) {
            CHECK(0, "fetch loop of %s does not end", bs->label);
            break;
        }
        /* the diagnostics of this fetch, by column */
        char col_states[MAX_COLS + 1][64];
        char any_states[64] = "";
        for (SQLSMALLINT c = 0; c <= n; c++)
            col_states[c][0] = '\0';
        for (SQLSMALLINT i = 1; i < 64; i++) {
            SQLCHAR state[6];
            SQLINTEGER native;
            SQLSMALLINT len;
            SQLCHAR msg[256];
            if (!SQL_SUCCEEDED(SQLGetDiagRec(SQL_HANDLE_STMT, st, i, state, &native, msg, sizeof msg, &len)))
                break;
            SQLINTEGER colno = 0;
            SQLGetDiagField(SQL_HANDLE_STMT, st, i, SQL_DIAG_COLUMN_NUMBER, &colno, 0, NULL);
            char *dst = colno >= 1 && colno <= n ? col_states[colno] : any_states;
            size_t used = strlen(dst);
            snprintf(dst + used, 64 - used, "%s%s", used ? "," : "", (char *)state);
        }
        for (SQLSMALLINT c = 1; c <= n; c++) {
            if (!bound[c])
                continue;
            char states[160];
            snprintf(states, sizeof states, "%s%s%s", col_states[c], col_states[c][0] && any_states[0] ? "," : "",
                     any_states);
            if (!states[0])
                snprintf(states, sizeof states, "-");
            /* a column whose conversion failed has no value; the others of the row do */
            bool err = col_states[c][0] && strncmp(col_states[c], "01", 2) != 0;
            vbuf v = {.n = 0};
            if (err) {
                vb_add(&v, "-");
            } else {
                SQLSMALLINT eff = bs->ct == SQL_C_DEFAULT ? default_ctype(cols[c].sql_type) : bs->ct;
                if (bs->ct == SQL_C_DEFAULT)
                    vb_add(&v, "as %s ", ctname(eff));
                render(&v, eff, bufs[c].b, sizeof bufs[c].b, bs->buflen, inds[c], true,
                       strstr(col_states[c], "01004") != NULL);
            }
            emit("%s|%ld|%s|%s|%s|%s", fixed_colname ? fixed_colname : cols[c].name, row, bs->label, rc_name(rc),
                 states, v.s);
        }
        if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO && rc != SQL_ERROR) {
            CHECK(0, "fetch of %s returned %s", bs->label, rc_name(rc));
            break;
        }
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static const char *const NUMERIC_COLS[] = {"c_boolean", "c_tinyint", "c_smallint", "c_integer", "c_bigint",
                                           "c_real", "c_double", "c_decimal", "c_decimal_wide", "c_varchar", NULL};
static const char *const INTERVAL_COLS[] = {"c_interval_ym", "c_interval_ds", "c_decimal", "c_integer",
                                            "c_varchar", NULL};

static const struct { SQLSMALLINT precision, scale; } NUMERIC_ARD[] = {
    {10, 2}, {38, 9}, {5, 3}, {19, 0}, {3, 1}, {18, -2},
};
#define N_NUMERIC_ARD (sizeof NUMERIC_ARD / sizeof NUMERIC_ARD[0])

/* Section 6: SQLBindCol for a subset of the C types (all_types: rows 1-8;
 * the character values: the types that read numbers, dates and intervals),
 * SQL_C_NUMERIC with the ARD's precision and scale and the interval types
 * with the ARD's leading and seconds precision. */
static void section_bind(SQLHDBC dbc)
{
    static const char BIND_SQL[] = ALL_TYPES_SQL " LIMIT 8";
    static const bindspec plain[] = {
        {"bind:SQL_C_CHAR", SQL_C_CHAR, 300, false, 0, 0, 0, NULL},
        {"bind:SQL_C_WCHAR", SQL_C_WCHAR, 600, false, 0, 0, 0, NULL},
        {"bind:SQL_C_CHAR[6]", SQL_C_CHAR, 6, false, 0, 0, 0, NULL},
        {"bind:SQL_C_SBIGINT", SQL_C_SBIGINT, 0, false, 0, 0, 0, NULL},
        {"bind:SQL_C_DOUBLE", SQL_C_DOUBLE, 0, false, 0, 0, 0, NULL},
        {"bind:SQL_C_TYPE_TIMESTAMP", SQL_C_TYPE_TIMESTAMP, 0, false, 0, 0, 0, NULL},
        {"bind:SQL_C_BINARY", SQL_C_BINARY, 300, false, 0, 0, 0, NULL},
        {"bind:SQL_C_DEFAULT", SQL_C_DEFAULT, 600, false, 0, 0, 0, NULL},
        {"bind:SQL_C_GUID", SQL_C_GUID, 0, false, 0, 0, 0, NULL},
        {"bind:SQL_C_INTERVAL_DAY_TO_SECOND", SQL_C_INTERVAL_DAY_TO_SECOND, 0, false, 0, 0, 0, NULL},
    };
    for (size_t k = 0; k < sizeof plain / sizeof plain[0]; k++)
        bind_run(dbc, BIND_SQL, NULL, &plain[k]);
    static const bindspec text_plain[] = {
        {"bind:SQL_C_SLONG", SQL_C_SLONG, 0, false, 0, 0, 0, NULL},
        {"bind:SQL_C_TYPE_TIMESTAMP", SQL_C_TYPE_TIMESTAMP, 0, false, 0, 0, 0, NULL},
    };
    for (size_t k = 0; k < sizeof text_plain / sizeof text_plain[0]; k++)
        bind_run(dbc, texts_sql(), "text", &text_plain[k]);
    bindspec num_default = {"bind:SQL_C_NUMERIC", SQL_C_NUMERIC, 0, false, 0, 0, 0, NUMERIC_COLS};
    bind_run(dbc, BIND_SQL, NULL, &num_default);
    for (size_t k = 0; k < N_NUMERIC_ARD; k++) {
        char label[64];
        snprintf(label, sizeof label, "bind:SQL_C_NUMERIC(ard precision=%d scale=%d)", NUMERIC_ARD[k].precision,
                 NUMERIC_ARD[k].scale);
        bindspec bs = {label, SQL_C_NUMERIC, 0, true, NUMERIC_ARD[k].precision, NUMERIC_ARD[k].scale, 0,
                       NUMERIC_COLS};
        bind_run(dbc, BIND_SQL, NULL, &bs);
        bs.only = NULL;
        bind_run(dbc, texts_sql(), "text", &bs);
    }
    static const struct { SQLSMALLINT ct; SQLINTEGER lead; SQLSMALLINT frac; } ivs[] = {
        {SQL_C_INTERVAL_YEAR, 9, 0}, {SQL_C_INTERVAL_MONTH, 9, 0}, {SQL_C_INTERVAL_DAY, 4, 0},
        {SQL_C_INTERVAL_HOUR, 6, 0}, {SQL_C_INTERVAL_MINUTE, 9, 0}, {SQL_C_INTERVAL_SECOND, 9, 3},
        {SQL_C_INTERVAL_DAY_TO_SECOND, 4, 3}, {SQL_C_INTERVAL_DAY_TO_SECOND, 1, 9},
        {SQL_C_INTERVAL_HOUR_TO_SECOND, 3, 1}, {SQL_C_INTERVAL_MINUTE_TO_SECOND, 8, 2},
    };
    for (size_t k = 0; k < sizeof ivs / sizeof ivs[0]; k++) {
        char label[96];
        snprintf(label, sizeof label, "bind:%s(ard interval precision=%d precision=%d)", ctname(ivs[k].ct),
                 (int)ivs[k].lead, (int)ivs[k].frac);
        bindspec bs = {label, ivs[k].ct, 0, true, ivs[k].frac, 0, ivs[k].lead, INTERVAL_COLS};
        bind_run(dbc, BIND_SQL, NULL, &bs);
        bs.only = NULL;
        bind_run(dbc, texts_sql(), "text", &bs);
    }
}

/* Section 7: SQLGetData(SQL_ARD_TYPE) with the ARD record's type, precision and scale. */
static void ard_type_run(SQLHDBC dbc, const char *label, SQLSMALLINT ct, SQLSMALLINT precision, SQLSMALLINT scale,
                         SQLINTEGER interval_precision, const char *const *only)
{
    SQLHSTMT st = run_query(dbc, ALL_TYPES_SQL);
    if (!st)
        return;
    colinfo cols[MAX_COLS + 1];
    SQLSMALLINT n = describe(st, cols);
    SQLHDESC ard = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, &ard, 0, NULL);
    for (SQLSMALLINT c = 1; c <= n; c++) {
        if (!listed(only, cols[c].name))
            continue;
        bool ok = SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_CONCISE_TYPE, (SQLPOINTER)(intptr_t)ct, 0));
        ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_PRECISION, (SQLPOINTER)(intptr_t)precision, 0));
        ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_SCALE, (SQLPOINTER)(intptr_t)scale, 0));
        if (is_interval(ct))
            ok = ok && SQL_SUCCEEDED(SQLSetDescField(ard, c, SQL_DESC_DATETIME_INTERVAL_PRECISION,
                                                     (SQLPOINTER)(intptr_t)interval_precision, 0));
        CHECK(ok, "ARD record of %s for %s", cols[c].name, label);
    }
    long row = 0;
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        row++;
        for (SQLSMALLINT c = 1; c <= n; c++) {
            if (!listed(only, cols[c].name))
                continue;
            union {
                unsigned char b[BUF_SIZE];
                SQLDOUBLE align_d;
            } u;
            memset(u.b, SENTINEL, sizeof u.b);
            SQLLEN ind = -12345;
            SQLRETURN rc = SQLGetData(st, (SQLUSMALLINT)c, SQL_ARD_TYPE, u.b, BUF_SIZE, &ind);
            char states[128];
            states_of(st, states, sizeof states);
            vbuf v = {.n = 0};
            if (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO)
                render(&v, ct, u.b, sizeof u.b, BUF_SIZE, ind, true, strstr(states, "01004") != NULL);
            else
                vb_add(&v, "-");
            emit("%s|%ld|%s|%s|%s|%s", cols[c].name, row, label, rc_name(rc), states, v.s);
        }
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void section_ard_type(SQLHDBC dbc)
{
    static const char *const DATETIME_COLS[] = {"c_date", "c_time", "c_timestamp", "c_timestamp_tz", NULL};
    for (size_t k = 0; k < N_NUMERIC_ARD; k += 2) {
        char label[96];
        snprintf(label, sizeof label, "SQL_ARD_TYPE:SQL_C_NUMERIC(precision=%d scale=%d)", NUMERIC_ARD[k].precision,
                 NUMERIC_ARD[k].scale);
        ard_type_run(dbc, label, SQL_C_NUMERIC, NUMERIC_ARD[k].precision, NUMERIC_ARD[k].scale, 0, NUMERIC_COLS);
    }
    ard_type_run(dbc, "SQL_ARD_TYPE:SQL_C_INTERVAL_YEAR(interval precision=9)", SQL_C_INTERVAL_YEAR, 0, 0, 9,
                 INTERVAL_COLS);
    ard_type_run(dbc, "SQL_ARD_TYPE:SQL_C_INTERVAL_MINUTE_TO_SECOND(interval precision=8 precision=3)",
                 SQL_C_INTERVAL_MINUTE_TO_SECOND, 3, 0, 8, INTERVAL_COLS);
    ard_type_run(dbc, "SQL_ARD_TYPE:SQL_C_TYPE_TIMESTAMP", SQL_C_TYPE_TIMESTAMP, 0, 0, 0, DATETIME_COLS);
}

/* ------------------------------------------------- golden file comparison */

static const char *golden_path(void)
{
    const char *p = getenv("ATHENA_CONVERT_GOLDEN");
    return p && *p ? p : ATHENA_TOP_SRCDIR "/tests/odbc/expected/convert.txt";
}

/* The key of a line: its first three fields (column|row|C type). */
static size_t key_len(const char *s)
{
    int bars = 0;
    for (size_t i = 0; s[i]; i++)
        if (s[i] == '|' && ++bars == 3)
            return i;
    return strlen(s);
}

static int cmp_key(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    size_t nx = key_len(x), ny = key_len(y);
    int c = memcmp(x, y, nx < ny ? nx : ny);
    if (c)
        return c;
    return nx < ny ? -1 : nx > ny;
}

static const char DEFAULT_HEADER[] =
    "# Golden output of tests/odbc/odbc_convert: column|row|C type|return code|SQLSTATE|value\n"
    "# Regenerate with ATHENA_CONVERT_BLESS=1 (this header is kept), then review every changed line.\n";

static int bless(void)
{
    const char *path = golden_path();
    size_t len = 0;
    char *old = th_read_file(path, &len);
    FILE *f = fopen(path, "wb");
    if (!f) {
        CHECK(0, "cannot write %s", path);
        free(old);
        return th_done();
    }
    /* keep the header comment of the existing file */
    bool header = false;
    if (old) {
        for (char *p = old; *p == '#';) {
            char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p + 1) : strlen(p);
            fwrite(p, 1, n, f);
            header = true;
            p += n;
        }
    }
    if (!header)
        fputs(DEFAULT_HEADER, f);
    for (size_t i = 0; i < nlines; i++)
        fprintf(f, "%s\n", lines[i]);
    fclose(f);
    free(old);
    CHECK(1, "blessed %zu lines into %s", nlines, path);
    return th_done();
}

static void compare(void)
{
    const char *path = golden_path();
    size_t len = 0;
    char *text = th_read_file(path, &len);
    if (!text) {
        CHECK(0, "golden file %s is missing (ATHENA_CONVERT_BLESS=1 writes it)", path);
        return;
    }
    char **want = NULL;
    size_t nwant = 0, cap = 0;
    for (char *p = text; *p;) {
        char *e = strchr(p, '\n');
        if (e)
            *e = '\0';
        if (*p && *p != '#') {
            if (nwant == cap) {
                cap = cap ? cap * 2 : 4096;
                want = realloc(want, cap * sizeof *want);
            }
            want[nwant++] = p;
        }
        if (!e)
            break;
        p = e + 1;
    }
    /* duplicate keys in the output would make the comparison ambiguous */
    char **got = malloc((nlines ? nlines : 1) * sizeof *got);
    memcpy(got, lines, nlines * sizeof *got);
    qsort(got, nlines, sizeof *got, cmp_key);
    qsort(want, nwant, sizeof *want, cmp_key);
    for (size_t i = 1; i < nlines; i++)
        if (cmp_key(&got[i - 1], &got[i]) == 0)
            CHECK(0, "duplicate output key: %s", got[i]);
    size_t i = 0, j = 0;
    while (i < nlines || j < nwant) {
        int c = i >= nlines ? 1 : j >= nwant ? -1 : cmp_key(&got[i], &want[j]);
        if (c == 0) {
            CHECK(strcmp(got[i], want[j]) == 0, "%s%s%s", got[i], strcmp(got[i], want[j]) ? "  # expected: " : "",
                  strcmp(got[i], want[j]) ? want[j] : "");
            i++;
            j++;
        } else if (c < 0) {
            CHECK(0, "extra line (not in the golden file): %s", got[i]);
            i++;
        } else {
            CHECK(0, "missing line (in the golden file, not produced): %s", want[j]);
            j++;
        }
    }
    free(got);
    free(want);
    free(text);
}

int main(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect to %s", test_dsn());
    if (!dbc)
        return th_done();

    section_getdata(dbc, ALL_TYPES_SQL, NULL, 0);
    section_getdata(dbc, texts_sql(), "text", 0);
    section_buffers(dbc);
    section_pieces(dbc);
    section_no_indicator(dbc);
    section_bind(dbc);
    section_ard_type(dbc);
    test_disconnect(dbc);

    const char *b = getenv("ATHENA_CONVERT_BLESS");
    int status;
    if (b && *b && strcmp(b, "0") != 0) {
        status = bless();
    } else {
        compare();
        status = th_done();
    }
    for (size_t i = 0; i < nlines; i++)
        free(lines[i]);
    free(lines);
    return status;
}

/* param_literal.c - C parameter values -> Athena SQL literals (see
 * param_literal.h). Every value first becomes one of a few intermediate
 * forms (text, an exact decimal, a double, a date/time, bytes), then the
 * literal of the target SQL type is written from that form. */
#include "param_literal.h"

#include "param_interval.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int param_fail(param_error *err, sqlstate_id st, const char *fmt, ...)
{
    err->state = st;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->detail, sizeof err->detail, fmt, ap);
    va_end(ap);
    return -1;
}

static int oom(param_error *err) { return param_fail(err, SS_HY001, "building a parameter literal"); }

/* ------------------------------------------------------------ C types */

size_t param_ctype_size(SQLSMALLINT ctype)
{
    switch (ctype) {
    case SQL_C_BIT: case SQL_C_STINYINT: case SQL_C_UTINYINT: case SQL_C_TINYINT: return 1;
    case SQL_C_SSHORT: case SQL_C_USHORT: case SQL_C_SHORT: return sizeof(SQLSMALLINT);
    case SQL_C_SLONG: case SQL_C_ULONG: case SQL_C_LONG: return sizeof(SQLINTEGER);
    case SQL_C_SBIGINT: case SQL_C_UBIGINT: return sizeof(SQLBIGINT);
    case SQL_C_FLOAT: return sizeof(SQLREAL);
    case SQL_C_DOUBLE: return sizeof(SQLDOUBLE);
    case SQL_C_NUMERIC: return sizeof(SQL_NUMERIC_STRUCT);
    case SQL_C_TYPE_DATE: case SQL_C_DATE: return sizeof(SQL_DATE_STRUCT);
    case SQL_C_TYPE_TIME: case SQL_C_TIME: return sizeof(SQL_TIME_STRUCT);
    case SQL_C_TYPE_TIMESTAMP: case SQL_C_TIMESTAMP: return sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_C_GUID: return sizeof(SQLGUID);
    default: return param_is_interval(ctype) ? sizeof(SQL_INTERVAL_STRUCT) : 0;
    }
}

bool param_ctype_known(SQLSMALLINT ctype)
{
    return ctype == SQL_C_CHAR || ctype == SQL_C_WCHAR || ctype == SQL_C_BINARY || param_ctype_size(ctype) > 0;
}

bool param_sqltype_known(SQLSMALLINT t)
{
    switch (t) {
    case SQL_CHAR: case SQL_VARCHAR: case SQL_LONGVARCHAR: case SQL_WCHAR: case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR: case SQL_BIT: case SQL_TINYINT: case SQL_SMALLINT: case SQL_INTEGER:
    case SQL_BIGINT: case SQL_REAL: case SQL_FLOAT: case SQL_DOUBLE: case SQL_DECIMAL: case SQL_NUMERIC:
    case SQL_TYPE_DATE: case SQL_TYPE_TIME: case SQL_TYPE_TIMESTAMP: case SQL_DATE: case SQL_TIME:
    case SQL_TIMESTAMP: case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: case SQL_GUID:
        return true;
    default:
        return param_is_interval(t);
    }
}

/* ------------------------------------------------------------ intermediate forms */

typedef enum { K_TEXT, K_DECIMAL, K_DOUBLE, K_DATE, K_TIME, K_TIMESTAMP, K_BYTES, K_GUID, K_INTERVAL } kind;

typedef struct value {
    kind k;
    const char *text;       /* K_TEXT (UTF-8, len bytes), K_BYTES (len bytes) */
    size_t len;
    char dec[96];           /* K_DECIMAL: [-]digits[.digits], no exponent */
    double dbl;             /* K_DOUBLE */
    bool is_float;          /* K_DOUBLE from SQL_C_FLOAT */
    int y, mo, d, h, mi, s; /* K_DATE/K_TIME/K_TIMESTAMP */
    unsigned long frac;     /* nanoseconds */
    SQLGUID guid;
    param_ival iv;          /* K_INTERVAL, read as C type itype */
    SQLSMALLINT itype;
} value;

static bool utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        uint32_t v, min;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xE0) == 0xC0) len = 2, v = c & 0x1F, min = 0x80;
        else if ((c & 0xF0) == 0xE0) len = 3, v = c & 0x0F, min = 0x800;
        else if ((c & 0xF8) == 0xF0) len = 4, v = c & 0x07, min = 0x10000;
        else return false;
        if (i + len > n)
            return false;
        for (size_t j = 1; j < len; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
            v = (v << 6) | (s[i + j] & 0x3F);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

/* Exact decimal text of a SQL_NUMERIC_STRUCT (little-endian 128-bit value). */
static int numeric_text(const SQL_NUMERIC_STRUCT *n, char *out, size_t cap, param_error *err)
{
    unsigned char v[SQL_MAX_NUMERIC_LEN];
    memcpy(v, n->val, sizeof v);
    char digits[64];
    size_t nd = 0;
    bool zero;
    do { /* repeated division by 10 of the 128-bit little-endian value */
        unsigned rem = 0;
        zero = true;
        for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; i--) {
            unsigned cur = (rem << 8) | v[i];
            v[i] = (unsigned char)(cur / 10);
            rem = cur % 10;
            if (v[i])
                zero = false;
        }
        digits[nd++] = (char)('0' + rem);
    } while (!zero);
    int scale = n->scale;
    if (scale < -38 || scale > 38)
        return param_fail(err, SS_22003, "SQL_NUMERIC_STRUCT scale %d is out of range", scale);
    char buf[128];
    size_t o = 0;
    if (n->sign == 0)
        buf[o++] = '-';
    if (scale <= 0) {
        for (size_t i = nd; i > 0; i--)
            buf[o++] = digits[i - 1];
        for (int i = 0; i < -scale; i++)
            buf[o++] = '0';
    } else {
        while ((int)nd <= scale)
            digits[nd++] = '0';
        for (size_t i = nd; i > 0; i--) {
            buf[o++] = digits[i - 1];
            if ((int)(i - 1) == scale)
                buf[o++] = '.';
        }
    }
    buf[o] = '\0';
    if (o >= cap)
        return param_fail(err, SS_22003, "numeric value too long");
    memcpy(out, buf, o + 1);
    return 0;
}

/* Parses a numeric literal (spaces around, sign, digits, '.', exponent) into
 * the exact form [-]int[.frac] without redundant zeros. 0, 1 = not a
 * number, 2 = too many digits. */
static int parse_decimal(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    char digits[80];
    size_t nd = 0;
    long point = -1, ndig_all = 0;
    bool any = false;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            any = true;
            if (nd == 0 && s[i] == '0') { /* leading zero */
                ndig_all++;
                continue;
            }
            if (nd >= sizeof digits - 1)
                return 2;
            digits[nd++] = s[i];
            ndig_all++;
        } else if (s[i] == '.' && point < 0) {
            point = ndig_all;
        } else {
            break;
        }
    }
    if (!any)
        return 1;
    long exp = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        if (i >= n)
            return 1;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            exp = exp * 10 + (s[i] - '0');
            if (exp > 1000)
                return 2;
        }
        if (eneg)
            exp = -exp;
    }
    if (i != n)
        return 1;
    /* value = 0.digits... placed: the decimal point is after (int digits) */
    long leading_zeros = ndig_all - (long)nd; /* zeros skipped before the first significant digit */
    long intdigits = (point < 0 ? ndig_all : point) - leading_zeros + exp; /* significant digits before the point */
    char buf[256];
    size_t o = 0;
    if (nd == 0) {
        snprintf(out, cap, "0");
        return 0;
    }
    if (intdigits > 90 || intdigits < -90)
        return 2;
    if (neg)
        buf[o++] = '-';
    if (intdigits <= 0) {
        buf[o++] = '0';
        buf[o++] = '.';
        for (long k = 0; k < -intdigits; k++)
            buf[o++] = '0';
        for (size_t k = 0; k < nd; k++)
            buf[o++] = digits[k];
    } else {
        for (long k = 0; k < intdigits; k++)
            buf[o++] = (size_t)k < nd ? digits[k] : '0';
        if ((long)nd > intdigits) {
            buf[o++] = '.';
            for (size_t k = (size_t)intdigits; k < nd; k++)
                buf[o++] = digits[k];
        }
    }
    /* drop trailing fractional zeros */
    if (memchr(buf, '.', o)) {
        while (buf[o - 1] == '0')
            o--;
        if (buf[o - 1] == '.')
            o--;
    }
    buf[o] = '\0';
    if (o >= cap)
        return 2;
    memcpy(out, buf, o + 1);
    return 0;
}

static int shortest_double(double d, bool is_float, char *out, size_t cap)
{
    for (int p = is_float ? 6 : 15; p <= 17; p++) {
        snprintf(out, cap, "%.*g", p, d);
        if (is_float ? (float)strtod(out, NULL) == (float)d : strtod(out, NULL) == d)
            break;
    }
    return 0;
}

/* Reads the application's value into an intermediate form. */
static int read_value(const param_value *pv, value *v, param_error *err)
{
    memset(v, 0, sizeof *v);
    const void *p = pv->data;
    char tmp[64];
    switch (pv->ctype) {
    case SQL_C_CHAR:
        if (memchr(p, '\0', pv->len))
            return param_fail(err, SS_22018, "the value holds a NUL character, which Athena SQL text cannot carry");
        if (!utf8_valid(p, pv->len))
            return param_fail(err, SS_22018, "the value is not valid UTF-8");
        v->k = K_TEXT, v->text = p, v->len = pv->len;
        return 0;
    case SQL_C_BINARY:
        v->k = K_BYTES, v->text = p, v->len = pv->len;
        return 0;
    case SQL_C_BIT: {
        unsigned char b = *(const unsigned char *)p;
        v->k = K_DECIMAL;
        snprintf(v->dec, sizeof v->dec, "%u", (unsigned)b);
        return 0;
    }
    case SQL_C_STINYINT: case SQL_C_TINYINT: snprintf(tmp, sizeof tmp, "%d", (int)*(const signed char *)p); break;
    case SQL_C_UTINYINT: snprintf(tmp, sizeof tmp, "%u", (unsigned)*(const unsigned char *)p); break;
    case SQL_C_SSHORT: case SQL_C_SHORT: snprintf(tmp, sizeof tmp, "%d", (int)*(const SQLSMALLINT *)p); break;
    case SQL_C_USHORT: snprintf(tmp, sizeof tmp, "%u", (unsigned)*(const SQLUSMALLINT *)p); break;
    case SQL_C_SLONG: case SQL_C_LONG: snprintf(tmp, sizeof tmp, "%ld", (long)*(const SQLINTEGER *)p); break;
    case SQL_C_ULONG: snprintf(tmp, sizeof tmp, "%lu", (unsigned long)*(const SQLUINTEGER *)p); break;
    case SQL_C_SBIGINT: snprintf(tmp, sizeof tmp, "%lld", (long long)*(const SQLBIGINT *)p); break;
    case SQL_C_UBIGINT: snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)*(const SQLUBIGINT *)p); break;
    case SQL_C_NUMERIC:
        v->k = K_DECIMAL;
        if (numeric_text(p, tmp, sizeof tmp, err) != 0)
            return -1;
        if (parse_decimal(tmp, strlen(tmp), v->dec, sizeof v->dec) != 0)
            return param_fail(err, SS_22003, "numeric value out of range");
        return 0;
    case SQL_C_FLOAT: case SQL_C_DOUBLE:
        v->k = K_DOUBLE;
        v->is_float = pv->ctype == SQL_C_FLOAT;
        v->dbl = v->is_float ? (double)*(const SQLREAL *)p : *(const SQLDOUBLE *)p;
        return 0;
    case SQL_C_TYPE_DATE: case SQL_C_DATE: {
        const SQL_DATE_STRUCT *d = p;
        v->k = K_DATE, v->y = d->year, v->mo = d->month, v->d = d->day;
        return 0;
    }
    case SQL_C_TYPE_TIME: case SQL_C_TIME: {
        const SQL_TIME_STRUCT *t = p;
        v->k = K_TIME, v->h = t->hour, v->mi = t->minute, v->s = t->second;
        return 0;
    }
    case SQL_C_TYPE_TIMESTAMP: case SQL_C_TIMESTAMP: {
        const SQL_TIMESTAMP_STRUCT *t = p;
        v->k = K_TIMESTAMP, v->y = t->year, v->mo = t->month, v->d = t->day;
        v->h = t->hour, v->mi = t->minute, v->s = t->second, v->frac = t->fraction;
        return 0;
    }
    case SQL_C_GUID:
        v->k = K_GUID;
        memcpy(&v->guid, p, sizeof v->guid);
        return 0;
    default:
        if (param_is_interval(pv->ctype)) {
            v->k = K_INTERVAL, v->itype = pv->ctype;
            return param_ival_from_struct(pv->ctype, p, pv->c_precision, &v->iv, err);
        }
        return param_fail(err, SS_07006, "C type %d cannot be a parameter", (int)pv->ctype);
    }
    v->k = K_DECIMAL;
    snprintf(v->dec, sizeof v->dec, "%s", tmp);
    return 0;
}

/* ------------------------------------------------------------ writers */

static bool quote_text(strbuf *out, const char *prefix, const char *s, size_t n)
{
    bool ok = sb_appends(out, prefix) && sb_appendc(out, '\'');
    const char *end = s + n;
    while (ok && s < end) {
        const char *q = memchr(s, '\'', (size_t)(end - s));
        size_t run = q ? (size_t)(q - s) + 1 : (size_t)(end - s);
        ok = sb_append(out, s, run) && (!q || sb_appendc(out, '\''));
        s += run;
    }
    return ok && sb_appendc(out, '\'');
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int check_date(const value *v, param_error *err)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (v->y < 1 || v->y > 9999 || v->mo < 1 || v->mo > 12 || v->d < 1 ||
        v->d > mdays[v->mo - 1] + (v->mo == 2 && leap(v->y)))
        return param_fail(err, SS_22008, "%04d-%02d-%02d is not a valid date", v->y, v->mo, v->d);
    return 0;
}

static int check_time(const value *v, param_error *err)
{
    if (v->h < 0 || v->h > 23 || v->mi < 0 || v->mi > 59 || v->s < 0 || v->s > 59 || v->frac > 999999999UL)
        return param_fail(err, SS_22008, "%02d:%02d:%02d.%09lu is not a valid time", v->h, v->mi, v->s, v->frac);
    return 0;
}

/* Parses 'YYYY-MM-DD', 'hh:mm:ss[.f]' or 'YYYY-MM-DD hh:mm:ss[.f]' (spaces around
 * allowed) as the kind asked for; a timestamp also takes a date alone. */
static int parse_datetime(const value *src, kind want, value *v, param_error *err)
{
    char buf[64];
    size_t n = src->len;
    const char *s = src->text;
    while (n && (*s == ' ')) s++, n--;
    while (n && s[n - 1] == ' ') n--;
    if (n >= sizeof buf)
        return param_fail(err, SS_22018, "the text is not a date or time value");
    memcpy(buf, s, n);
    buf[n] = '\0';
    memset(v, 0, sizeof *v);
    v->k = want;
    int pos = 0;
    char *p = buf;
    if (want != K_TIME) {
        if (sscanf(p, "%4d-%2d-%2d%n", &v->y, &v->mo, &v->d, &pos) != 3 || pos != 10)
            return param_fail(err, SS_22018, "'%s' is not a date (yyyy-mm-dd)", buf);
        p += pos;
        if (want == K_DATE || *p == '\0')
            return *p ? param_fail(err, SS_22018, "'%s' is not a date (yyyy-mm-dd)", buf) : 0;
        if (*p != ' ' && *p != 'T')
            return param_fail(err, SS_22018, "'%s' is not a timestamp", buf);
        p++;
    }
    if (sscanf(p, "%2d:%2d:%2d%n", &v->h, &v->mi, &v->s, &pos) != 3 || pos != 8)
        return param_fail(err, SS_22018, "'%s' is not a %s", buf, want == K_TIME ? "time (hh:mm:ss)" : "timestamp");
    p += pos;
    if (*p == '.') {
        p++;
        int nd = 0;
        unsigned long f = 0;
        while (*p >= '0' && *p <= '9') {
            if (nd < 9)
                f = f * 10 + (unsigned long)(*p - '0'), nd++;
            else if (*p != '0')
                return param_fail(err, SS_22008, "'%s' has more than 9 fractional digits", buf);
            p++;
        }
        if (nd == 0)
            return param_fail(err, SS_22018, "'%s' is not a time", buf);
        while (nd++ < 9)
            f *= 10;
        v->frac = f;
    }
    if (*p)
        return param_fail(err, SS_22018, "'%s' is not a %s", buf, want == K_TIME ? "time" : "timestamp");
    return 0;
}

/* Writes hh:mm:ss and the fraction: `digits` digits (-1: as many as needed, at least 3). */
static bool put_time(strbuf *out, const value *v, int digits)
{
    bool ok = sb_printf(out, "%02d:%02d:%02d", v->h, v->mi, v->s);
    if (digits < 0) {
        if (v->frac == 0)
            return ok;
        digits = 9;
        unsigned long f = v->frac;
        while (digits > 3 && f % 10 == 0)
            f /= 10, digits--;
    }
    if (digits == 0)
        return ok;
    char fr[16];
    snprintf(fr, sizeof fr, "%09lu", v->frac);
    return ok && sb_appendc(out, '.') && sb_append(out, fr, (size_t)digits);
}

static int frac_fits(const value *v, int digits, param_error *err)
{
    if (digits < 0 || digits >= 9)
        return 0;
    unsigned long unit = 1;
    for (int i = digits; i < 9; i++)
        unit *= 10;
    if (v->frac % unit)
        return param_fail(err, SS_22008, "the fractional seconds need more than the parameter's %d digits", digits);
    return 0;
}

/* Integer targets: the decimal form, range-checked. */
static int write_integer(const value *v, const param_target *t, strbuf *out, param_error *err)
{
    const char *dec = v->dec;
    const char *dot = strchr(dec, '.');
    if (dot)
        return param_fail(err, SS_22001, "%s has fractional digits the integer parameter cannot hold", dec);
    errno = 0;
    char *end;
    long long n = strtoll(dec, &end, 10);
    long long lo, hi;
    const char *name;
    switch (t->sql_type) {
    case SQL_TINYINT: lo = -128, hi = 127, name = "tinyint"; break;
    case SQL_SMALLINT: lo = -32768, hi = 32767, name = "smallint"; break;
    case SQL_INTEGER: lo = -2147483647LL - 1, hi = 2147483647LL, name = "integer"; break;
    default: lo = INT64_MIN, hi = INT64_MAX, name = "bigint"; break;
    }
    if (errno == ERANGE || *end || n < lo || n > hi)
        return param_fail(err, SS_22003, "%s is out of the range of %s", dec, name);
    if (n == INT64_MIN)
        return sb_appends(out, "CAST(-9223372036854775807 - 1 AS bigint)") ? 0 : oom(err);
    return sb_printf(out, "CAST(%lld AS %s)", n, name) ? 0 : oom(err);
}

static int write_decimal(const value *v, const param_target *t, strbuf *out, param_error *err)
{
    const char *dec = v->dec;
    if (t->precision <= 0)
        return sb_printf(out, "DECIMAL '%s'", dec) ? 0 : oom(err);
    const char *dot = strchr(dec, '.');
    const char *digits = dec[0] == '-' ? dec + 1 : dec;
    size_t intd = dot ? (size_t)(dot - digits) : strlen(digits);
    size_t fracd = dot ? strlen(dot + 1) : 0;
    if (intd == 1 && digits[0] == '0')
        intd = 0;
    if (fracd > (size_t)t->scale)
        return param_fail(err, SS_22001, "%s has more fractional digits than the parameter's scale %d", dec,
                    (int)t->scale);
    if ((long)intd > (long)t->precision - t->scale)
        return param_fail(err, SS_22003, "%s does not fit decimal(%d,%d)", dec, (int)t->precision, (int)t->scale);
    return sb_printf(out, "CAST(DECIMAL '%s' AS decimal(%d,%d))", dec, (int)t->precision, (int)t->scale)
        ? 0 : oom(err);
}

static int write_double(const value *v, const param_target *t, strbuf *out, param_error *err)
{
    double d = v->dbl;
    bool real = t->sql_type == SQL_REAL;
    const char *type = real ? "real" : "double";
    if (isnan(d))
        return sb_printf(out, "CAST(nan() AS %s)", type) ? 0 : oom(err);
    if (isinf(d))
        return sb_printf(out, "CAST(%sinfinity() AS %s)", d < 0 ? "-" : "", type) ? 0 : oom(err);
    if (real && fabs(d) > FLT_MAX)
        return param_fail(err, SS_22003, "%g is out of the range of real", d);
    char num[64];
    shortest_double(d, real || v->is_float, num, sizeof num);
    /* an exponent makes the literal a double in Athena SQL */
    if (!strchr(num, 'e'))
        strcat(num, "e0");
    return sb_printf(out, "CAST(%s AS %s)", num, type) ? 0 : oom(err);
}

static int to_decimal_form(value *v, param_error *err)
{
    if (v->k == K_DECIMAL)
        return 0;
    if (v->k == K_DOUBLE) {
        if (!isfinite(v->dbl))
            return param_fail(err, SS_22003, "%g has no exact numeric value", v->dbl);
        char num[64];
        shortest_double(v->dbl, v->is_float, num, sizeof num);
        v->k = K_DECIMAL;
        if (parse_decimal(num, strlen(num), v->dec, sizeof v->dec) != 0)
            return param_fail(err, SS_22003, "%s is out of range", num);
        return 0;
    }
    if (v->k == K_TEXT) {
        int r = parse_decimal(v->text, v->len, v->dec, sizeof v->dec);
        if (r == 1)
            return param_fail(err, SS_22018, "the text is not a number");
        if (r == 2)
            return param_fail(err, SS_22003, "the number has too many digits");
        v->k = K_DECIMAL;
        return 0;
    }
    return param_fail(err, SS_07006, "this C type does not convert to a numeric SQL type");
}

static int write_number(value *v, const param_target *t, strbuf *out, param_error *err)
{
    SQLSMALLINT st = t->sql_type;
    if (st == SQL_REAL || st == SQL_FLOAT || st == SQL_DOUBLE) {
        if (v->k != K_DOUBLE) {
            if (to_decimal_form(v, err) != 0)
                return -1;
            errno = 0;
            v->dbl = strtod(v->dec, NULL);
            v->is_float = false;
            if (errno == ERANGE && fabs(v->dbl) > 1)
                return param_fail(err, SS_22003, "%s is out of the range of double", v->dec);
        }
        return write_double(v, t, out, err);
    }
    if (to_decimal_form(v, err) != 0)
        return -1;
    if (st == SQL_BIT) {
        if (strcmp(v->dec, "0") == 0 || strcmp(v->dec, "1") == 0)
            return sb_appends(out, v->dec[0] == '1' ? "true" : "false") ? 0 : oom(err);
        bool between = v->dec[0] != '-' && (strncmp(v->dec, "0.", 2) == 0 || strncmp(v->dec, "1.", 2) == 0);
        return param_fail(err, between ? SS_22001 : SS_22003, "%s is not 0 or 1", v->dec);
    }
    if (st == SQL_DECIMAL || st == SQL_NUMERIC)
        return write_decimal(v, t, out, err);
    return write_integer(v, t, out, err);
}

static bool guid_text(strbuf *out, const SQLGUID *g)
{
    return sb_printf(out, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x", (unsigned)g->Data1, (unsigned)g->Data2,
                     (unsigned)g->Data3, g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4],
                     g->Data4[5], g->Data4[6], g->Data4[7]);
}

static int write_char(value *v, const param_target *t, strbuf *out, param_error *err)
{
    strbuf tmp = STRBUF_INIT;
    const char *s = v->text;
    size_t n = v->len;
    bool ok = true;
    switch (v->k) {
    case K_TEXT:
        break;
    case K_BYTES:
        if (memchr(s, '\0', n) || !utf8_valid((const unsigned char *)s, n))
            return param_fail(err, SS_22018, "the bytes are not UTF-8 text without NUL characters");
        break;
    case K_DECIMAL: s = v->dec, n = strlen(s); break;
    case K_DOUBLE: {
        if (isnan(v->dbl)) ok = sb_appends(&tmp, "NaN");
        else if (isinf(v->dbl)) ok = sb_appends(&tmp, v->dbl < 0 ? "-Infinity" : "Infinity");
        else {
            char num[64];
            shortest_double(v->dbl, v->is_float, num, sizeof num);
            ok = sb_appends(&tmp, num);
        }
        break;
    }
    case K_DATE: case K_TIMESTAMP:
        if (check_date(v, err) != 0 || (v->k == K_TIMESTAMP && check_time(v, err) != 0))
            return -1;
        ok = sb_printf(&tmp, "%04d-%02d-%02d", v->y, v->mo, v->d) &&
             (v->k == K_DATE || (sb_appendc(&tmp, ' ') && put_time(&tmp, v, -1)));
        break;
    case K_TIME:
        if (check_time(v, err) != 0)
            return -1;
        ok = put_time(&tmp, v, -1);
        break;
    case K_GUID:
        ok = guid_text(&tmp, &v->guid);
        break;
    case K_INTERVAL: {
        char text[96];
        param_ival_text(&v->iv, v->itype, text, sizeof text); /* the C type's own fields: never cut */
        ok = sb_appends(&tmp, text);
        break;
    }
    }
    if (tmp.len) {
        s = sb_str(&tmp);
        n = tmp.len;
    }
    if (ok && t->column_size > 0 && utf8_chars(s, n) > t->column_size) {
        sb_free(&tmp);
        return param_fail(err, SS_22001, "the value has more than the parameter's %lu characters",
                    (unsigned long)t->column_size);
    }
    /* varchar without a length: the parameter's type does not depend on the value's length */
    ok = ok && sb_appends(out, "CAST(") && quote_text(out, "", s, n) && sb_appends(out, " AS varchar)");
    sb_free(&tmp);
    return ok ? 0 : oom(err);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int write_binary(const value *v, const param_target *t, strbuf *out, param_error *err)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t nbytes = v->k == K_BYTES ? v->len : v->len / 2;
    if (v->k == K_TEXT) {
        if (v->len % 2)
            return param_fail(err, SS_22018, "hexadecimal text needs an even number of digits");
        for (size_t i = 0; i < v->len; i++)
            if (hexval(v->text[i]) < 0)
                return param_fail(err, SS_22018, "the text is not hexadecimal digits");
    } else if (v->k != K_BYTES) {
        return param_fail(err, SS_07006, "this C type does not convert to a binary SQL type");
    }
    if (t->column_size > 0 && nbytes > t->column_size)
        return param_fail(err, SS_22001, "%zu bytes are more than the parameter's %lu", nbytes,
                    (unsigned long)t->column_size);
    if (!sb_reserve(out, 3 + nbytes * 2))
        return oom(err);
    sb_appends(out, "X'");
    for (size_t i = 0; i < nbytes; i++) {
        unsigned char b = v->k == K_BYTES ? (unsigned char)v->text[i]
                                          : (unsigned char)(hexval(v->text[2 * i]) * 16 + hexval(v->text[2 * i + 1]));
        char two[2] = {hex[b >> 4], hex[b & 15]};
        sb_append(out, two, 2);
    }
    sb_appendc(out, '\'');
    return 0;
}

static int write_datetime(value *v, const param_target *t, strbuf *out, param_error *err)
{
    SQLSMALLINT st = t->sql_type;
    kind want = (st == SQL_TYPE_DATE || st == SQL_DATE) ? K_DATE
              : (st == SQL_TYPE_TIME || st == SQL_TIME) ? K_TIME : K_TIMESTAMP;
    value parsed;
    if (v->k == K_TEXT) {
        if (parse_datetime(v, want, &parsed, err) != 0)
            return -1;
        v = &parsed;
    } else if (v->k != K_DATE && v->k != K_TIME && v->k != K_TIMESTAMP) {
        return param_fail(err, SS_07006, "this C type does not convert to a date or time SQL type");
    } else if ((want == K_DATE && v->k == K_TIME) || (want == K_TIME && v->k == K_DATE) ||
               (want == K_TIMESTAMP && v->k == K_TIME)) {
        return param_fail(err, SS_07006, "a %s value does not convert to a %s parameter",
                    v->k == K_TIME ? "time" : "date", want == K_DATE ? "date" : want == K_TIME ? "time" : "timestamp");
    }
    if (v->k != K_TIME && check_date(v, err) != 0)
        return -1;
    if (v->k != K_DATE && check_time(v, err) != 0)
        return -1;
    int digits = t->precision > 0 ? t->precision : -1;
    if (digits > 9)
        digits = 9;
    if (want == K_DATE) {
        if (v->k == K_TIMESTAMP && (v->h || v->mi || v->s || v->frac))
            return param_fail(err, SS_22008, "the timestamp has a time of day a date parameter cannot hold");
        return sb_printf(out, "DATE '%04d-%02d-%02d'", v->y, v->mo, v->d) ? 0 : oom(err);
    }
    if (frac_fits(v, digits, err) != 0)
        return -1;
    bool ok;
    if (want == K_TIME) {
        ok = sb_appends(out, "TIME '") && put_time(out, v, digits) && sb_appendc(out, '\'');
    } else {
        if (digits < 0)
            digits = 3; /* Athena's timestamps count milliseconds */
        if (frac_fits(v, digits, err) != 0)
            return -1;
        ok = sb_printf(out, "TIMESTAMP '%04d-%02d-%02d ", v->y, v->mo, v->d) && put_time(out, v, digits) &&
             sb_appendc(out, '\'');
    }
    return ok ? 0 : oom(err);
}

static int write_guid(const value *v, strbuf *out, param_error *err)
{
    if (v->k == K_TEXT) {
        static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
        if (v->len != sizeof shape - 1)
            return param_fail(err, SS_22018, "the text is not a GUID");
        for (size_t i = 0; i < v->len; i++)
            if (shape[i] == '-' ? v->text[i] != '-' : hexval(v->text[i]) < 0)
                return param_fail(err, SS_22018, "the text is not a GUID");
        return quote_text(out, "UUID ", v->text, v->len) ? 0 : oom(err);
    }
    if (v->k != K_GUID)
        return param_fail(err, SS_07006, "this C type does not convert to SQL_GUID");
    return sb_appends(out, "UUID '") && guid_text(out, &v->guid) && sb_appendc(out, '\'') ? 0 : oom(err);
}

int param_literal(const param_value *pv, const param_target *t, strbuf *out, param_error *err)
{
    if (pv->is_null)
        return sb_appends(out, "NULL") ? 0 : oom(err);
    value v;
    if (read_value(pv, &v, err) != 0)
        return -1;
    switch (t->sql_type) {
    case SQL_CHAR: case SQL_VARCHAR: case SQL_LONGVARCHAR: case SQL_WCHAR: case SQL_WVARCHAR: case SQL_WLONGVARCHAR:
        return write_char(&v, t, out, err);
    case SQL_BIT: case SQL_TINYINT: case SQL_SMALLINT: case SQL_INTEGER: case SQL_BIGINT:
    case SQL_REAL: case SQL_FLOAT: case SQL_DOUBLE: case SQL_DECIMAL: case SQL_NUMERIC:
        if (v.k == K_INTERVAL && v.itype <= SQL_INTERVAL_SECOND) { /* one field: its number */
            param_ival_text(&v.iv, v.itype, v.dec, sizeof v.dec);
            v.k = K_TEXT, v.text = v.dec, v.len = strlen(v.dec);
        }
        if (v.k == K_BYTES || v.k == K_DATE || v.k == K_TIME || v.k == K_TIMESTAMP || v.k == K_GUID ||
            v.k == K_INTERVAL)
            return param_fail(err, SS_07006, "this C type does not convert to a numeric SQL type");
        return write_number(&v, t, out, err);
    case SQL_TYPE_DATE: case SQL_TYPE_TIME: case SQL_TYPE_TIMESTAMP: case SQL_DATE: case SQL_TIME: case SQL_TIMESTAMP:
        return write_datetime(&v, t, out, err);
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY:
        return write_binary(&v, t, out, err);
    case SQL_GUID:
        return write_guid(&v, out, err);
    default:
        if (param_is_interval(t->sql_type)) {
            if (v.k == K_TEXT && param_ival_from_text(t->sql_type, v.text, v.len, &v.iv, err) != 0)
                return -1;
            if (v.k != K_TEXT && v.k != K_INTERVAL)
                return param_fail(err, SS_07006, "this C type does not convert to an interval SQL type");
            return param_ival_literal(&v.iv, t, out, err);
        }
        return param_fail(err, SS_HY004, "SQL type %d has no Athena literal", (int)t->sql_type);
    }
}

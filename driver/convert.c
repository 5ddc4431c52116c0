/* convert.c - Athena's text values to every SQL_C_* type.
 *
 * The rules are ODBC 3.8 appendix D, "Converting Data from SQL to C Data
 * Types", applied to the SQL type each column reports (athena_types.c):
 * SQL_BIT, the exact numerics, SQL_REAL/SQL_DOUBLE, SQL_DECIMAL,
 * SQL_(W)CHAR/SQL_(W)VARCHAR (which also carries the Athena types ODBC has
 * no type for: time/timestamp with time zone, intervals, array, map, row,
 * json, uuid, ipaddress), SQL_VARBINARY and the three datetime types.
 * docs/types.md lists every rule and every choice made where the appendix
 * leaves room.
 *
 * Nothing here allocates: numbers are parsed into a fixed-size decimal
 * form, SQL_C_WCHAR output is transcoded from the UTF-8 source as it is
 * written, and SQLGetData pieces restart from offsets kept in cv_piece. */
#include "convert.h"
#include "utf.h"
#include "wide.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

_Static_assert(sizeof(SQLWCHAR) == 2, "SQLWCHAR must be UTF-16 code units");

/* ------------------------------------------------------------ diagnostics */

bool cv_state(cv_status s, sqlstate_id *id)
{
    switch (s) {
    case CV_TRUNCATED: *id = SS_01004; return true;
    case CV_FRACTIONAL: *id = SS_01S07; return true;
    case CV_ERR_NULL_NO_IND: *id = SS_22002; return true;
    case CV_ERR_RANGE: *id = SS_22003; return true;
    case CV_ERR_CHAR: *id = SS_22018; return true;
    case CV_ERR_DATETIME: *id = SS_22007; return true;
    case CV_ERR_DT_OVERFLOW: *id = SS_22008; return true;
    case CV_ERR_INTERVAL: *id = SS_22015; return true;
    case CV_ERR_RESTRICTED: *id = SS_07006; return true;
    case CV_ERR_BUFFER: *id = SS_HY090; return true;
    case CV_OK:
    case CV_NULL:
    case CV_NO_DATA:
    default: return false;
    }
}

/* ------------------------------------------------------- kinds and C types */

typedef enum src_kind {
    SK_CHAR, SK_BIT, SK_EXACT, SK_APPROX, SK_BINARY, SK_DATE, SK_TIME, SK_TIMESTAMP
} src_kind;

static src_kind kind_of(const athena_column *col)
{
    switch (col->sql_type) {
    case SQL_BIT: return SK_BIT;
    case SQL_TINYINT: case SQL_SMALLINT: case SQL_INTEGER: case SQL_BIGINT:
    case SQL_DECIMAL: case SQL_NUMERIC: return SK_EXACT;
    case SQL_REAL: case SQL_FLOAT: case SQL_DOUBLE: return SK_APPROX;
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: return SK_BINARY;
    case SQL_TYPE_DATE: return SK_DATE;
    case SQL_TYPE_TIME: return SK_TIME;
    case SQL_TYPE_TIMESTAMP: return SK_TIMESTAMP;
    default: return SK_CHAR;
    }
}

#define IV(c, code) {c, c, CT_INTERVAL, sizeof(SQL_INTERVAL_STRUCT), SQL_INTERVAL, code}
static const ctype_info ctypes[] = {
    {SQL_C_CHAR, SQL_C_CHAR, CT_CHAR, 0, SQL_C_CHAR, 0},
    {SQL_C_WCHAR, SQL_C_WCHAR, CT_WCHAR, 0, SQL_C_WCHAR, 0},
    {SQL_C_BINARY, SQL_C_BINARY, CT_BINARY, 0, SQL_C_BINARY, 0},
    {SQL_C_BIT, SQL_C_BIT, CT_BIT, 1, SQL_C_BIT, 0},
    {SQL_C_TINYINT, SQL_C_STINYINT, CT_INT, 1, SQL_C_TINYINT, 0},
    {SQL_C_STINYINT, SQL_C_STINYINT, CT_INT, 1, SQL_C_STINYINT, 0},
    {SQL_C_UTINYINT, SQL_C_UTINYINT, CT_INT, 1, SQL_C_UTINYINT, 0},
    {SQL_C_SHORT, SQL_C_SSHORT, CT_INT, 2, SQL_C_SHORT, 0},
    {SQL_C_SSHORT, SQL_C_SSHORT, CT_INT, 2, SQL_C_SSHORT, 0},
    {SQL_C_USHORT, SQL_C_USHORT, CT_INT, 2, SQL_C_USHORT, 0},
    {SQL_C_LONG, SQL_C_SLONG, CT_INT, 4, SQL_C_LONG, 0},
    {SQL_C_SLONG, SQL_C_SLONG, CT_INT, 4, SQL_C_SLONG, 0},
    {SQL_C_ULONG, SQL_C_ULONG, CT_INT, 4, SQL_C_ULONG, 0},
    {SQL_C_SBIGINT, SQL_C_SBIGINT, CT_INT, 8, SQL_C_SBIGINT, 0},
    {SQL_C_UBIGINT, SQL_C_UBIGINT, CT_INT, 8, SQL_C_UBIGINT, 0},
    {SQL_C_FLOAT, SQL_C_FLOAT, CT_FLOAT, sizeof(SQLREAL), SQL_C_FLOAT, 0},
    {SQL_C_DOUBLE, SQL_C_DOUBLE, CT_FLOAT, sizeof(SQLDOUBLE), SQL_C_DOUBLE, 0},
    {SQL_C_NUMERIC, SQL_C_NUMERIC, CT_NUMERIC, sizeof(SQL_NUMERIC_STRUCT), SQL_C_NUMERIC, 0},
    {SQL_C_DATE, SQL_C_TYPE_DATE, CT_DATE, sizeof(SQL_DATE_STRUCT), SQL_DATETIME, SQL_CODE_DATE},
    {SQL_C_TYPE_DATE, SQL_C_TYPE_DATE, CT_DATE, sizeof(SQL_DATE_STRUCT), SQL_DATETIME, SQL_CODE_DATE},
    {SQL_C_TIME, SQL_C_TYPE_TIME, CT_TIME, sizeof(SQL_TIME_STRUCT), SQL_DATETIME, SQL_CODE_TIME},
    {SQL_C_TYPE_TIME, SQL_C_TYPE_TIME, CT_TIME, sizeof(SQL_TIME_STRUCT), SQL_DATETIME, SQL_CODE_TIME},
    {SQL_C_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, CT_TIMESTAMP, sizeof(SQL_TIMESTAMP_STRUCT), SQL_DATETIME,
     SQL_CODE_TIMESTAMP},
    {SQL_C_TYPE_TIMESTAMP, SQL_C_TYPE_TIMESTAMP, CT_TIMESTAMP, sizeof(SQL_TIMESTAMP_STRUCT), SQL_DATETIME,
     SQL_CODE_TIMESTAMP},
    {SQL_C_GUID, SQL_C_GUID, CT_GUID, sizeof(SQLGUID), SQL_C_GUID, 0},
    IV(SQL_C_INTERVAL_YEAR, SQL_CODE_YEAR),
    IV(SQL_C_INTERVAL_MONTH, SQL_CODE_MONTH),
    IV(SQL_C_INTERVAL_DAY, SQL_CODE_DAY),
    IV(SQL_C_INTERVAL_HOUR, SQL_CODE_HOUR),
    IV(SQL_C_INTERVAL_MINUTE, SQL_CODE_MINUTE),
    IV(SQL_C_INTERVAL_SECOND, SQL_CODE_SECOND),
    IV(SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_CODE_YEAR_TO_MONTH),
    IV(SQL_C_INTERVAL_DAY_TO_HOUR, SQL_CODE_DAY_TO_HOUR),
    IV(SQL_C_INTERVAL_DAY_TO_MINUTE, SQL_CODE_DAY_TO_MINUTE),
    IV(SQL_C_INTERVAL_DAY_TO_SECOND, SQL_CODE_DAY_TO_SECOND),
    IV(SQL_C_INTERVAL_HOUR_TO_MINUTE, SQL_CODE_HOUR_TO_MINUTE),
    IV(SQL_C_INTERVAL_HOUR_TO_SECOND, SQL_CODE_HOUR_TO_SECOND),
    IV(SQL_C_INTERVAL_MINUTE_TO_SECOND, SQL_CODE_MINUTE_TO_SECOND),
};
#undef IV

const ctype_info *ctype_find(SQLSMALLINT ctype)
{
    for (size_t i = 0; i < sizeof ctypes / sizeof ctypes[0]; i++)
        if (ctypes[i].ctype == ctype)
            return &ctypes[i];
    return NULL;
}

SQLSMALLINT ctype_concise(SQLSMALLINT verbose, SQLSMALLINT code)
{
    if (verbose != SQL_DATETIME && verbose != SQL_INTERVAL)
        return verbose;
    for (size_t i = 0; i < sizeof ctypes / sizeof ctypes[0]; i++)
        if (ctypes[i].verbose == verbose && ctypes[i].code == code && ctypes[i].ctype == ctypes[i].canon)
            return ctypes[i].ctype;
    return 0;
}

SQLSMALLINT ctype_default_of(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_BIT: return SQL_C_BIT;
    case SQL_TINYINT: return SQL_C_STINYINT;
    case SQL_SMALLINT: return SQL_C_SSHORT;
    case SQL_INTEGER: return SQL_C_SLONG;
    case SQL_BIGINT: return SQL_C_SBIGINT;
    case SQL_REAL: return SQL_C_FLOAT;
    case SQL_FLOAT:
    case SQL_DOUBLE: return SQL_C_DOUBLE;
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR: return SQL_C_WCHAR;
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY: return SQL_C_BINARY;
    case SQL_TYPE_DATE:
    case SQL_DATE: return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME:
    case SQL_TIME: return SQL_C_TYPE_TIME;
    case SQL_TYPE_TIMESTAMP:
    case SQL_TIMESTAMP: return SQL_C_TYPE_TIMESTAMP;
    case SQL_GUID: return SQL_C_GUID;
    default: /* an interval's C type has its code; character types, decimal and numeric: SQL_C_CHAR */
        return sql_type >= SQL_INTERVAL_YEAR && sql_type <= SQL_INTERVAL_MINUTE_TO_SECOND ? sql_type : SQL_C_CHAR;
    }
}

SQLSMALLINT ctype_default(const athena_column *col)
{
    return ctype_default_of(col->sql_type);
}

SQLLEN ctype_element_size(const athena_column *col, SQLSMALLINT ctype, SQLLEN buflen)
{
    const ctype_info *c = ctype_find(ctype == SQL_C_DEFAULT ? ctype_default(col) : ctype);
    return c && c->size ? c->size : buflen;
}

/* The ODBC 3 form of a known C type, ctype itself otherwise. */
static SQLSMALLINT canon_ctype(SQLSMALLINT ctype)
{
    const ctype_info *c = ctype_find(ctype);
    return c ? c->canon : ctype;
}

static bool ctype_is(SQLSMALLINT ctype, ctype_kind kind)
{
    const ctype_info *c = ctype_find(ctype);
    return c && c->kind == kind;
}

static bool is_interval_ctype(SQLSMALLINT c) { return ctype_is(c, CT_INTERVAL); }
static bool is_int_ctype(SQLSMALLINT c) { return ctype_is(c, CT_INT); }

static bool kind_allows(src_kind k, SQLSMALLINT ct)
{
    bool numeric_src = k == SK_CHAR || k == SK_BIT || k == SK_EXACT || k == SK_APPROX;
    if (ct == SQL_C_CHAR || ct == SQL_C_WCHAR || ct == SQL_C_BINARY)
        return true;
    if (is_int_ctype(ct) || ct == SQL_C_NUMERIC || ct == SQL_C_FLOAT || ct == SQL_C_DOUBLE ||
        ct == SQL_C_BIT)
        return numeric_src;
    if (is_interval_ctype(ct))
        return k == SK_CHAR || k == SK_EXACT;
    switch (ct) {
    case SQL_C_TYPE_DATE: return k == SK_CHAR || k == SK_DATE || k == SK_TIMESTAMP;
    case SQL_C_TYPE_TIME: return k == SK_CHAR || k == SK_TIME || k == SK_TIMESTAMP;
    case SQL_C_TYPE_TIMESTAMP:
        return k == SK_CHAR || k == SK_DATE || k == SK_TIME || k == SK_TIMESTAMP;
    case SQL_C_GUID: return k == SK_CHAR;
    default: return false;
    }
}

static SQLSMALLINT resolve_ctype(const athena_column *col, SQLSMALLINT ct)
{
    if (ct == SQL_C_DEFAULT)
        ct = ctype_default(col);
    return canon_ctype(ct);
}

bool convert_allowed(const athena_column *col, SQLSMALLINT ctype)
{
    return kind_allows(kind_of(col), resolve_ctype(col, ctype));
}

/* ------------------------------------------------------------ small tools */

static void set_len(const cv_target *t, SQLLEN n)
{
    if (t->octet_len)
        *t->octet_len = n;
    if (t->ind && t->ind != t->octet_len)
        *t->ind = 0;
}

static void finish(cv_piece *piece)
{
    if (piece) {
        piece->started = true;
        piece->finished = true;
    }
}

static cv_status put_fixed(const cv_target *t, cv_piece *piece, const void *v, size_t size,
                           cv_status st)
{
    if (t->ptr)
        memcpy(t->ptr, v, size);
    set_len(t, (SQLLEN)size);
    finish(piece);
    return st;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && is_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && is_space((*s)[*n - 1]))
        (*n)--;
}

static bool ieq(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (n != m)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != lit[i])
            return false;
    }
    return true;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static unsigned digits_u64(uint64_t v)
{
    unsigned d = 1;
    while (v >= 10) {
        v /= 10;
        d++;
    }
    return d;
}

/* -------------------------------------------------- 128-bit magnitudes */

typedef struct u128 {
    uint32_t w[4]; /* little-endian 32-bit limbs */
} u128;

static bool u128_mul_add(u128 *x, uint32_t m, uint32_t a)
{
    uint64_t carry = a;
    for (int i = 0; i < 4; i++) {
        uint64_t v = (uint64_t)x->w[i] * m + carry;
        x->w[i] = (uint32_t)v;
        carry = v >> 32;
    }
    return carry == 0;
}

static uint32_t u128_divmod(u128 *x, uint32_t d)
{
    uint64_t rem = 0;
    for (int i = 3; i >= 0; i--) {
        uint64_t cur = (rem << 32) | x->w[i];
        x->w[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

static bool u128_fits_u64(const u128 *x) { return x->w[2] == 0 && x->w[3] == 0; }
static uint64_t u128_u64(const u128 *x) { return ((uint64_t)x->w[1] << 32) | x->w[0]; }
static bool u128_is_zero(const u128 *x) { return !(x->w[0] | x->w[1] | x->w[2] | x->w[3]); }

static int u128_cmp(const u128 *a, const u128 *b)
{
    for (int i = 3; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/* ------------------------------------------------------- decimal numbers */

#define DN_MAXDIG 40

enum { DN_FINITE, DN_NAN, DN_INF };

/* value = (-1)^neg * D * 10^exp (+ a nonzero remainder below 10^exp if
 * sticky), D being the ndig digits in dig (no leading or trailing zeros). */
typedef struct decnum {
    int kind;
    bool neg;
    int ndig;
    unsigned char dig[DN_MAXDIG];
    long long exp;
    bool sticky;
} decnum;

/* Parses a numeric literal ([sign] digits [. digits] [e [sign] digits]),
 * NaN, Infinity or Inf, ignoring surrounding spaces. */
static bool parse_decnum(const char *s, size_t n, decnum *d)
{
    memset(d, 0, sizeof *d);
    trim(&s, &n);
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        d->neg = s[i] == '-';
        i++;
    }
    if (ieq(s + i, n - i, "nan")) {
        d->kind = DN_NAN;
        return true;
    }
    if (ieq(s + i, n - i, "infinity") || ieq(s + i, n - i, "inf")) {
        d->kind = DN_INF;
        return true;
    }
    bool any = false;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        unsigned v = (unsigned)(s[i] - '0');
        any = true;
        if (d->ndig == 0 && v == 0) {
            /* leading zero */
        } else if (d->ndig < DN_MAXDIG) {
            d->dig[d->ndig++] = (unsigned char)v;
        } else {
            d->exp++;
            if (v)
                d->sticky = true;
        }
        i++;
    }
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            unsigned v = (unsigned)(s[i] - '0');
            any = true;
            if (d->ndig == 0 && v == 0) {
                d->exp--;
            } else if (d->ndig < DN_MAXDIG) {
                d->dig[d->ndig++] = (unsigned char)v;
                d->exp--;
            } else if (v) {
                d->sticky = true;
            }
            i++;
        }
    }
    if (!any)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            eneg = s[i] == '-';
            i++;
        }
        if (i >= n || s[i] < '0' || s[i] > '9')
            return false;
        long long e = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (e < 1000000000LL)
                e = e * 10 + (s[i] - '0');
            i++;
        }
        d->exp += eneg ? -e : e;
    }
    if (i != n)
        return false;
    while (d->ndig > 0 && d->dig[d->ndig - 1] == 0) {
        d->ndig--;
        d->exp++;
    }
    if (d->ndig == 0 && !d->sticky)
        d->exp = 0;
    return true;
}

static bool dn_is_zero(const decnum *d) { return d->kind == DN_FINITE && d->ndig == 0 && !d->sticky; }

/* |value| * 10^shift split into its whole part (*mag) and whether a
 * nonzero fraction was cut off. False when the whole part needs more than
 * 128 bits. */
static bool dn_whole(const decnum *d, long long shift, u128 *mag, bool *frac)
{
    memset(mag, 0, sizeof *mag);
    *frac = false;
    if (d->ndig == 0) {
        *frac = d->sticky;
        return true;
    }
    long long e = d->exp + shift;
    long long whole = (long long)d->ndig + e; /* digits left of the point */
    if (whole > 39)
        return false;
    if (whole <= 0) {
        *frac = true;
        return true;
    }
    long long used = whole < d->ndig ? whole : d->ndig;
    for (long long i = 0; i < used; i++)
        if (!u128_mul_add(mag, 10, d->dig[i]))
            return false;
    for (long long i = used; i < whole; i++)
        if (!u128_mul_add(mag, 10, 0))
            return false;
    *frac = used < d->ndig || d->sticky;
    return true;
}

/* Writes the value as "<digits>e<exp>" (no decimal point, so the locale's
 * radix character never matters) and lets strtod/strtof round it. */
static cv_status dn_to_double(const decnum *d, bool single, double *out)
{
    if (d->kind == DN_NAN) {
        *out = d->neg ? -NAN : NAN;
        return CV_OK;
    }
    if (d->kind == DN_INF) {
        *out = d->neg ? -INFINITY : INFINITY;
        return CV_OK;
    }
    if (d->ndig == 0) {
        *out = d->neg ? -0.0 : 0.0;
        return CV_OK;
    }
    char buf[DN_MAXDIG + 32];
    size_t k = 0;
    if (d->neg)
        buf[k++] = '-';
    for (int i = 0; i < d->ndig; i++)
        buf[k++] = (char)('0' + d->dig[i]);
    /* a sticky remainder below the last digit: append a nonzero digit so
     * that ties round correctly */
    long long e = d->exp;
    if (d->sticky) {
        buf[k++] = '1';
        e--;
    }
    buf[k++] = 'e';
    long long ae = e < 0 ? -e : e;
    if (e < 0)
        buf[k++] = '-';
    char tmp[24];
    int tn = 0;
    do {
        tmp[tn++] = (char)('0' + ae % 10);
        ae /= 10;
    } while (ae && tn < 20);
    while (tn)
        buf[k++] = tmp[--tn];
    buf[k] = '\0';
    errno = 0;
    if (single) {
        float f = strtof(buf, NULL);
        if (isinf(f))
            return CV_ERR_RANGE;
        *out = f;
    } else {
        double v = strtod(buf, NULL);
        if (isinf(v))
            return CV_ERR_RANGE;
        *out = v;
    }
    return CV_OK;
}

/* --------------------------------------------------- reading the source */

/* "true"/"false" (Athena's boolean text), also "1"/"0". */
static int parse_bool_text(const char *s, size_t n)
{
    trim(&s, &n);
    if (ieq(s, n, "true") || (n == 1 && s[0] == '1'))
        return 1;
    if (ieq(s, n, "false") || (n == 1 && s[0] == '0'))
        return 0;
    return -1;
}

/* The source value as a decimal number, for the numeric C types. */
static cv_status source_number(src_kind k, const char *s, size_t n, bool allow_bool, decnum *d)
{
    if (k == SK_BIT || allow_bool) {
        int b = parse_bool_text(s, n);
        if (b >= 0) {
            memset(d, 0, sizeof *d);
            if (b) {
                d->ndig = 1;
                d->dig[0] = 1;
            }
            return CV_OK;
        }
        if (k == SK_BIT)
            return CV_ERR_CHAR;
    }
    if (!parse_decnum(s, n, d))
        return CV_ERR_CHAR;
    return CV_OK;
}

/* -------------------------------------------------------- numeric targets */

static cv_status to_integer(const decnum *d, SQLSMALLINT ct, const cv_target *t, cv_piece *piece)
{
    if (d->kind != DN_FINITE)
        return CV_ERR_RANGE;
    u128 mag;
    bool frac;
    if (!dn_whole(d, 0, &mag, &frac) || !u128_fits_u64(&mag))
        return CV_ERR_RANGE;
    uint64_t m = u128_u64(&mag);
    bool neg = d->neg && m != 0;
    cv_status st = frac ? CV_FRACTIONAL : CV_OK;
    bool is_signed;
    uint64_t pos_max;
    size_t size;
    switch (ct) {
    case SQL_C_STINYINT: is_signed = true; pos_max = 127; size = 1; break;
    case SQL_C_UTINYINT: is_signed = false; pos_max = 255; size = 1; break;
    case SQL_C_SSHORT: is_signed = true; pos_max = 32767; size = 2; break;
    case SQL_C_USHORT: is_signed = false; pos_max = 65535; size = 2; break;
    case SQL_C_SLONG: is_signed = true; pos_max = 2147483647ULL; size = 4; break;
    case SQL_C_ULONG: is_signed = false; pos_max = 4294967295ULL; size = 4; break;
    case SQL_C_SBIGINT: is_signed = true; pos_max = 9223372036854775807ULL; size = 8; break;
    default: is_signed = false; pos_max = UINT64_MAX; size = 8; break;
    }
    if (neg) {
        if (!is_signed || m > pos_max + 1)
            return CV_ERR_RANGE;
    } else if (m > pos_max) {
        return CV_ERR_RANGE;
    }
    union {
        signed char sc; unsigned char uc; short ss; unsigned short us;
        int32_t sl; uint32_t ul; int64_t sb; uint64_t ub;
    } v;
    int64_t sv = neg ? (m == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)m) : (int64_t)m;
    switch (ct) {
    case SQL_C_STINYINT: v.sc = (signed char)sv; break;
    case SQL_C_UTINYINT: v.uc = (unsigned char)m; break;
    case SQL_C_SSHORT: v.ss = (short)sv; break;
    case SQL_C_USHORT: v.us = (unsigned short)m; break;
    case SQL_C_SLONG: v.sl = (int32_t)sv; break;
    case SQL_C_ULONG: v.ul = (uint32_t)m; break;
    case SQL_C_SBIGINT: v.sb = sv; break;
    default: v.ub = m; break;
    }
    return put_fixed(t, piece, &v, size, st);
}

static cv_status to_bit(const decnum *d, const cv_target *t, cv_piece *piece)
{
    if (d->kind != DN_FINITE)
        return CV_ERR_RANGE;
    if (dn_is_zero(d)) {
        unsigned char b = 0;
        return put_fixed(t, piece, &b, 1, CV_OK);
    }
    if (d->neg)
        return CV_ERR_RANGE;
    u128 mag;
    bool frac;
    if (!dn_whole(d, 0, &mag, &frac) || !u128_fits_u64(&mag) || u128_u64(&mag) >= 2)
        return CV_ERR_RANGE;
    unsigned char b = (unsigned char)u128_u64(&mag);
    return put_fixed(t, piece, &b, 1, frac ? CV_FRACTIONAL : CV_OK);
}

static cv_status to_float(const decnum *d, bool single, const cv_target *t, cv_piece *piece)
{
    double v;
    cv_status st = dn_to_double(d, single, &v);
    if (st != CV_OK)
        return st;
    if (single) {
        float f = (float)v;
        return put_fixed(t, piece, &f, sizeof f, CV_OK);
    }
    return put_fixed(t, piece, &v, sizeof v, CV_OK);
}

/* Default precision of SQL_C_NUMERIC when the ARD gives none: the
 * column's own precision for exact numerics, else 38. */
static int column_numeric_precision(const athena_column *col)
{
    switch (col->sql_type) {
    case SQL_TINYINT: return 3;
    case SQL_SMALLINT: return 5;
    case SQL_INTEGER: return 10;
    case SQL_BIGINT: return 19;
    case SQL_DECIMAL:
    case SQL_NUMERIC: return col->column_size > 0 && col->column_size <= 38 ? (int)col->column_size : 38;
    default: return 38;
    }
}

static cv_status make_numeric(const decnum *d, int prec, int scale, SQL_NUMERIC_STRUCT *ns)
{
    if (d->kind != DN_FINITE)
        return CV_ERR_RANGE;
    if (prec < 1)
        prec = 1;
    if (prec > 38)
        prec = 38;
    if (scale < -128)
        scale = -128;
    if (scale > 127)
        scale = 127;
    u128 mag;
    bool frac;
    if (!dn_whole(d, scale, &mag, &frac))
        return CV_ERR_RANGE;
    u128 lim;
    memset(&lim, 0, sizeof lim);
    lim.w[0] = 1;
    for (int i = 0; i < prec; i++)
        u128_mul_add(&lim, 10, 0); /* 10^38 fits in 128 bits */
    if (u128_cmp(&mag, &lim) >= 0)
        return CV_ERR_RANGE;
    memset(ns, 0, sizeof *ns);
    ns->precision = (SQLCHAR)prec;
    ns->scale = (SQLSCHAR)scale;
    ns->sign = (d->neg && !u128_is_zero(&mag)) ? 0 : 1;
    for (int i = 0; i < 16; i++)
        ns->val[i] = (SQLCHAR)(mag.w[i / 4] >> (8 * (i % 4)));
    return frac ? CV_FRACTIONAL : CV_OK;
}

static cv_status to_numeric(const decnum *d, const athena_column *col, const cv_target *t,
                            cv_piece *piece)
{
    SQL_NUMERIC_STRUCT ns;
    int prec = t->precision > 0 ? t->precision : column_numeric_precision(col);
    cv_status st = make_numeric(d, prec, t->scale, &ns);
    if (st != CV_OK && st != CV_FRACTIONAL)
        return st;
    return put_fixed(t, piece, &ns, sizeof ns, st);
}

/* -------------------------------------------------------------- datetimes */

typedef struct dt_value {
    bool has_date, has_time;
    long year;
    int month, day, hour, minute, second;
    uint32_t nanos;      /* first nine fraction digits */
    bool extra_frac;     /* nonzero digits beyond the ninth */
} dt_value;

enum { DT_OK = 0, DT_SYNTAX = 1, DT_VALUE = 2, DT_OVERFLOW = 3 };

static bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int days_in_month(long y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : dm[m - 1];
}

/* Reads 1..max digits. */
static bool read_num(const char *s, size_t n, size_t *i, int min, int max, long *v)
{
    long x = 0;
    int k = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9' && k < max) {
        x = x * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    if (k < min)
        return false;
    *v = x;
    return true;
}

static int parse_date_part(const char *s, size_t n, size_t *i, dt_value *v)
{
    long y, mo, d;
    bool neg = false;
    if (*i < n && (s[*i] == '-' || s[*i] == '+')) {
        neg = s[*i] == '-';
        (*i)++;
    }
    if (!read_num(s, n, i, 4, 6, &y) || *i >= n || s[*i] != '-')
        return DT_SYNTAX;
    (*i)++;
    if (!read_num(s, n, i, 1, 2, &mo) || *i >= n || s[*i] != '-')
        return DT_SYNTAX;
    (*i)++;
    if (!read_num(s, n, i, 1, 2, &d))
        return DT_SYNTAX;
    v->has_date = true;
    v->year = neg ? -y : y;
    v->month = (int)mo;
    v->day = (int)d;
    return DT_OK;
}

static int parse_time_part(const char *s, size_t n, size_t *i, dt_value *v)
{
    long h, mi, se;
    if (!read_num(s, n, i, 1, 2, &h) || *i >= n || s[*i] != ':')
        return DT_SYNTAX;
    (*i)++;
    if (!read_num(s, n, i, 1, 2, &mi) || *i >= n || s[*i] != ':')
        return DT_SYNTAX;
    (*i)++;
    if (!read_num(s, n, i, 1, 2, &se))
        return DT_SYNTAX;
    v->has_time = true;
    v->hour = (int)h;
    v->minute = (int)mi;
    v->second = (int)se;
    v->nanos = 0;
    v->extra_frac = false;
    if (*i < n && s[*i] == '.') {
        (*i)++;
        int k = 0;
        size_t start = *i;
        while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
            if (k < 9)
                v->nanos = v->nanos * 10 + (uint32_t)(s[*i] - '0');
            else if (s[*i] != '0')
                v->extra_frac = true;
            k++;
            (*i)++;
        }
        if (*i == start)
            return DT_SYNTAX;
        for (; k < 9; k++)
            v->nanos *= 10;
    }
    return DT_OK;
}

static int check_dt(const dt_value *v)
{
    if (v->has_date) {
        if (v->month < 1 || v->month > 12 || v->day < 1 || v->day > days_in_month(v->year, v->month))
            return DT_VALUE;
        if (v->year < -32768 || v->year > 32767)
            return DT_OVERFLOW;
    }
    if (v->has_time && (v->hour > 23 || v->minute > 59 || v->second > 59))
        return DT_VALUE;
    return DT_OK;
}

/* A date, a time or a timestamp ("T" accepted between the two), with
 * surrounding spaces ignored. With allow_zone, a time zone after the value
 * is accepted and ignored ("... UTC", "... America/Los_Angeles",
 * "...+05:30", "...Z"): the value keeps its wall-clock fields. */
static int parse_datetime(const char *s, size_t n, bool allow_zone, dt_value *v)
{
    memset(v, 0, sizeof *v);
    trim(&s, &n);
    size_t i = 0;
    /* a time starts with 1-2 digits and ':' */
    size_t j = 0;
    while (j < n && j < 3 && s[j] >= '0' && s[j] <= '9')
        j++;
    bool time_only = j >= 1 && j <= 2 && j < n && s[j] == ':';
    int rc;
    if (time_only) {
        rc = parse_time_part(s, n, &i, v);
    } else {
        rc = parse_date_part(s, n, &i, v);
        if (rc == DT_OK && i < n && (s[i] == ' ' || s[i] == 'T')) {
            size_t save = i;
            i++;
            while (s[save] == ' ' && i < n && s[i] == ' ')
                i++;
            if (i < n && s[i] >= '0' && s[i] <= '9')
                rc = parse_time_part(s, n, &i, v);
            else
                i = save;
        }
    }
    if (rc != DT_OK)
        return rc;
    if (i < n) {
        if (!allow_zone)
            return DT_SYNTAX;
        if (s[i] == ' ') {
            while (i < n && s[i] == ' ')
                i++;
            if (i >= n)
                return DT_SYNTAX;
        } else if (s[i] != '+' && s[i] != '-' && s[i] != 'Z') {
            return DT_SYNTAX;
        }
        for (; i < n; i++)
            if ((unsigned char)s[i] <= ' ' && s[i] != ' ')
                return DT_SYNTAX;
    }
    return check_dt(v);
}

static cv_status dt_error(src_kind k, int rc)
{
    if (rc == DT_OVERFLOW)
        return CV_ERR_DT_OVERFLOW;
    if (k == SK_CHAR && rc == DT_SYNTAX)
        return CV_ERR_CHAR;
    return CV_ERR_DATETIME;
}

static void today(dt_value *v)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    v->year = tm.tm_year + 1900;
    v->month = tm.tm_mon + 1;
    v->day = tm.tm_mday;
}

static bool zone_allowed(const athena_column *col)
{
    return col->type == AT_TIMESTAMP_TZ || col->type == AT_TIME_TZ;
}

/* Reads the source as a datetime; what it must contain depends on kind. */
static cv_status source_datetime(const athena_column *col, src_kind k, const char *s, size_t n,
                                 dt_value *v)
{
    int rc = parse_datetime(s, n, k == SK_CHAR && zone_allowed(col), v);
    if (rc != DT_OK)
        return dt_error(k, rc);
    bool ok = k == SK_CHAR || (k == SK_DATE && v->has_date && !v->has_time) ||
              (k == SK_TIME && !v->has_date && v->has_time) ||
              (k == SK_TIMESTAMP && v->has_date && v->has_time);
    return ok ? CV_OK : CV_ERR_DATETIME;
}

static cv_status to_date(const athena_column *col, src_kind k, const char *s, size_t n,
                         const cv_target *t, cv_piece *piece)
{
    dt_value v;
    cv_status st = source_datetime(col, k, s, n, &v);
    if (st != CV_OK)
        return st;
    if (!v.has_date)
        return k == SK_CHAR ? CV_ERR_CHAR : CV_ERR_DATETIME;
    SQL_DATE_STRUCT d;
    d.year = (SQLSMALLINT)v.year;
    d.month = (SQLUSMALLINT)v.month;
    d.day = (SQLUSMALLINT)v.day;
    bool cut = v.has_time && (v.hour || v.minute || v.second || v.nanos || v.extra_frac);
    return put_fixed(t, piece, &d, sizeof d, cut ? CV_FRACTIONAL : CV_OK);
}

static cv_status to_time(const athena_column *col, src_kind k, const char *s, size_t n,
                         const cv_target *t, cv_piece *piece)
{
    dt_value v;
    cv_status st = source_datetime(col, k, s, n, &v);
    if (st != CV_OK)
        return st;
    if (!v.has_time)
        return k == SK_CHAR ? CV_ERR_CHAR : CV_ERR_DATETIME;
    SQL_TIME_STRUCT tm;
    tm.hour = (SQLUSMALLINT)v.hour;
    tm.minute = (SQLUSMALLINT)v.minute;
    tm.second = (SQLUSMALLINT)v.second;
    bool cut = v.nanos || v.extra_frac;
    return put_fixed(t, piece, &tm, sizeof tm, cut ? CV_FRACTIONAL : CV_OK);
}

static void fill_timestamp(const dt_value *v, SQL_TIMESTAMP_STRUCT *ts)
{
    ts->year = (SQLSMALLINT)v->year;
    ts->month = (SQLUSMALLINT)v->month;
    ts->day = (SQLUSMALLINT)v->day;
    ts->hour = (SQLUSMALLINT)v->hour;
    ts->minute = (SQLUSMALLINT)v->minute;
    ts->second = (SQLUSMALLINT)v->second;
    ts->fraction = v->nanos;
}

static cv_status to_timestamp(const athena_column *col, src_kind k, const char *s, size_t n,
                              const cv_target *t, cv_piece *piece)
{
    dt_value v;
    cv_status st = source_datetime(col, k, s, n, &v);
    if (st != CV_OK)
        return st;
    if (!v.has_date)
        today(&v);
    if (!v.has_time) {
        v.hour = v.minute = v.second = 0;
        v.nanos = 0;
    }
    SQL_TIMESTAMP_STRUCT ts;
    fill_timestamp(&v, &ts);
    return put_fixed(t, piece, &ts, sizeof ts, v.extra_frac ? CV_FRACTIONAL : CV_OK);
}

/* -------------------------------------------------------------- intervals */

enum { F_YEAR, F_MONTH, F_DAY, F_HOUR, F_MINUTE, F_SECOND };

typedef struct ival {
    bool ym;
    bool neg;
    uint64_t months;   /* year-month: the whole value in months */
    uint64_t secs;     /* day-time: whole seconds */
    uint32_t nanos;    /* day-time: first nine fraction digits */
    bool extra_frac;   /* day-time: nonzero fraction digits beyond nine */
} ival;

enum { IV_OK = 0, IV_SYNTAX = 1, IV_OVERFLOW = 2 };

static void qualifier_of(SQLSMALLINT ct, int *lead, int *trail)
{
    static const signed char q[13][2] = {
        {F_YEAR, F_YEAR}, {F_MONTH, F_MONTH}, {F_DAY, F_DAY}, {F_HOUR, F_HOUR},
        {F_MINUTE, F_MINUTE}, {F_SECOND, F_SECOND}, {F_YEAR, F_MONTH}, {F_DAY, F_HOUR},
        {F_DAY, F_MINUTE}, {F_DAY, F_SECOND}, {F_HOUR, F_MINUTE}, {F_HOUR, F_SECOND},
        {F_MINUTE, F_SECOND}};
    int i = ct - SQL_C_INTERVAL_YEAR;
    *lead = q[i][0];
    *trail = q[i][1];
}

/* Parses an interval string ("[sign]1-2", "[sign]3 04:05:06.7", ...) laid
 * out for the qualifier lead..trail. A field too large to hold is
 * IV_OVERFLOW only when the whole text has that layout: text that is not an
 * interval at all stays IV_SYNTAX (22018, not 22015). The seconds may end
 * in a period without fraction digits ("5."), as ODBC's seconds-value
 * allows. */
static int parse_interval_string(const char *s, size_t n, int lead, int trail, ival *iv)
{
    static const int maxv[6] = {0, 11, 0, 23, 59, 59};
    uint64_t f[6] = {0, 0, 0, 0, 0, 0};
    bool overflow = false;
    memset(iv, 0, sizeof *iv);
    trim(&s, &n);
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) {
        iv->neg = s[i] == '-';
        i++;
    }
    for (int fld = lead; fld <= trail; fld++) {
        if (fld > lead) {
            char sep = fld == F_MONTH ? '-' : fld == F_HOUR ? ' ' : ':';
            if (i >= n || s[i] != sep)
                return IV_SYNTAX;
            i++;
        }
        size_t start = i;
        uint64_t x = 0;
        bool over = false;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (x > (UINT64_MAX - 9) / 10)
                over = true;
            else
                x = x * 10 + (uint64_t)(s[i] - '0');
            i++;
        }
        if (i == start)
            return IV_SYNTAX;
        if (fld > lead && (i - start > 2 || x > (uint64_t)maxv[fld]))
            return IV_SYNTAX;
        if (over)
            overflow = true;
        f[fld] = x;
    }
    if (trail == F_SECOND && i < n && s[i] == '.') {
        i++;
        int k = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (k < 9)
                iv->nanos = iv->nanos * 10 + (uint32_t)(s[i] - '0');
            else if (s[i] != '0')
                iv->extra_frac = true;
            k++;
            i++;
        }
        for (; k < 9; k++)
            iv->nanos *= 10;
    }
    if (i != n)
        return IV_SYNTAX;
    if (overflow)
        return IV_OVERFLOW;
    iv->ym = lead <= F_MONTH;
    if (iv->ym) {
        if (f[F_YEAR] > (UINT64_MAX - 11) / 12)
            return IV_OVERFLOW;
        iv->months = f[F_YEAR] * 12 + f[F_MONTH];
    } else {
        static const uint64_t unit[6] = {0, 0, 86400, 3600, 60, 1};
        uint64_t tot = 0;
        for (int fld = F_DAY; fld <= F_SECOND; fld++) {
            if (f[fld] > (UINT64_MAX - tot) / unit[fld])
                return IV_OVERFLOW;
            tot += f[fld] * unit[fld];
        }
        iv->secs = tot;
    }
    return IV_OK;
}

static int field_word(const char *s, size_t n)
{
    static const char *const names[6] = {"year", "month", "day", "hour", "minute", "second"};
    for (int i = 0; i < 6; i++)
        if (ieq(s, n, names[i]))
            return i;
    return -1;
}

/* Skips "(digits[,digits])" if present. */
static bool skip_field_precision(const char *s, size_t n, size_t *i)
{
    if (*i >= n || s[*i] != '(')
        return true;
    (*i)++;
    size_t start = *i;
    while (*i < n && ((s[*i] >= '0' && s[*i] <= '9') || s[*i] == ',' || s[*i] == ' '))
        (*i)++;
    if (*i == start || *i >= n || s[*i] != ')')
        return false;
    (*i)++;
    return true;
}

static size_t read_alpha(const char *s, size_t n, size_t i)
{
    while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        i++;
    return i;
}

/* INTERVAL [sign] '<string>' <qualifier>, as in SQL and ODBC's interval
 * literals. Returns IV_SYNTAX if s is not such a literal. */
static int parse_interval_literal(const char *s, size_t n, ival *iv)
{
    size_t i = 0, e;
    e = read_alpha(s, n, i);
    if (!ieq(s, e, "interval"))
        return IV_SYNTAX;
    i = e;
    while (i < n && s[i] == ' ')
        i++;
    bool neg = false;
    if (i < n && (s[i] == '-' || s[i] == '+')) {
        neg = s[i] == '-';
        i++;
        while (i < n && s[i] == ' ')
            i++;
    }
    if (i >= n || s[i] != '\'')
        return IV_SYNTAX;
    size_t qs = ++i;
    while (i < n && s[i] != '\'')
        i++;
    if (i >= n)
        return IV_SYNTAX;
    size_t qe = i++;
    while (i < n && s[i] == ' ')
        i++;
    e = read_alpha(s, n, i);
    int lead = field_word(s + i, e - i), trail;
    if (lead < 0)
        return IV_SYNTAX;
    i = e;
    if (!skip_field_precision(s, n, &i))
        return IV_SYNTAX;
    trail = lead;
    size_t save = i;
    while (i < n && s[i] == ' ')
        i++;
    e = read_alpha(s, n, i);
    if (ieq(s + i, e - i, "to")) {
        i = e;
        while (i < n && s[i] == ' ')
            i++;
        e = read_alpha(s, n, i);
        trail = field_word(s + i, e - i);
        if (trail < 0)
            return IV_SYNTAX;
        i = e;
        if (!skip_field_precision(s, n, &i))
            return IV_SYNTAX;
    } else {
        i = save;
    }
    while (i < n && s[i] == ' ')
        i++;
    if (i != n || trail < lead || (lead <= F_MONTH) != (trail <= F_MONTH))
        return IV_SYNTAX;
    int rc = parse_interval_string(s + qs, qe - qs, lead, trail, iv);
    if (rc == IV_OK && neg)
        iv->neg = !iv->neg;
    return rc;
}

/* Fits an interval value into the C interval type ct. */
static cv_status put_interval(const ival *iv, SQLSMALLINT ct, const cv_target *t, cv_piece *piece)
{
    int lead, trail;
    qualifier_of(ct, &lead, &trail);
    bool ym = lead <= F_MONTH;
    if (ym != iv->ym)
        return CV_ERR_CHAR;
    int lp = t->interval_precision > 0 ? t->interval_precision : 2;
    int fp = t->fraction_precision > 0 ? t->fraction_precision : 6;
    if (fp > 9)
        fp = 9;
    SQL_INTERVAL_STRUCT is;
    memset(&is, 0, sizeof is);
    is.interval_type = (SQLINTERVAL)(ct - SQL_C_INTERVAL_YEAR + SQL_IS_YEAR);
    bool cut = false;
    uint64_t leadv;
    bool zero;
    if (ym) {
        if (lead == F_YEAR) {
            leadv = iv->months / 12;
            is.intval.year_month.year = (SQLUINTEGER)leadv;
            if (trail == F_MONTH)
                is.intval.year_month.month = (SQLUINTEGER)(iv->months % 12);
            else
                cut = iv->months % 12 != 0;
        } else {
            leadv = iv->months;
            is.intval.year_month.month = (SQLUINTEGER)leadv;
        }
        zero = is.intval.year_month.year == 0 && is.intval.year_month.month == 0;
    } else {
        static const uint64_t unit[6] = {0, 0, 86400, 3600, 60, 1};
        uint64_t rem = iv->secs % unit[lead];
        SQLUINTEGER fields[6] = {0, 0, 0, 0, 0, 0};
        leadv = iv->secs / unit[lead];
        fields[lead] = (SQLUINTEGER)leadv;
        for (int fld = lead + 1; fld <= trail; fld++) {
            fields[fld] = (SQLUINTEGER)(rem / unit[fld]);
            rem %= unit[fld];
        }
        if (rem)
            cut = true;
        uint32_t frac = 0;
        if (trail == F_SECOND) {
            uint32_t div = 1;
            for (int k = fp; k < 9; k++)
                div *= 10;
            frac = iv->nanos / div;
            if (iv->nanos % div || iv->extra_frac)
                cut = true;
        } else if (iv->nanos || iv->extra_frac) {
            cut = true;
        }
        is.intval.day_second.day = fields[F_DAY];
        is.intval.day_second.hour = fields[F_HOUR];
        is.intval.day_second.minute = fields[F_MINUTE];
        is.intval.day_second.second = fields[F_SECOND];
        is.intval.day_second.fraction = frac;
        zero = leadv == 0 && !(fields[F_HOUR] | fields[F_MINUTE] | fields[F_SECOND] | frac);
    }
    if (leadv > 0xFFFFFFFFULL || (leadv > 0 && (int)digits_u64(leadv) > lp))
        return CV_ERR_INTERVAL;
    /* a value that truncates to zero carries no sign */
    is.interval_sign = (iv->neg && !zero) ? SQL_TRUE : SQL_FALSE;
    return put_fixed(t, piece, &is, sizeof is, cut ? CV_FRACTIONAL : CV_OK);
}

static cv_status char_to_interval(const athena_column *col, const char *s, size_t n, SQLSMALLINT ct,
                                  const cv_target *t, cv_piece *piece)
{
    ival iv;
    int lead, trail;
    qualifier_of(ct, &lead, &trail);
    trim(&s, &n);
    int rc = parse_interval_literal(s, n, &iv);
    if (rc == IV_SYNTAX && !(n >= 8 && ieq(s, 8, "interval"))) {
        /* a bare interval string: laid out for the target first, then as
         * Athena prints intervals (Y-M, D HH:MM:SS.fff) */
        rc = parse_interval_string(s, n, lead, trail, &iv);
        if (rc == IV_SYNTAX) {
            bool ym = lead <= F_MONTH;
            if (col->type == AT_INTERVAL_YM)
                ym = true;
            else if (col->type == AT_INTERVAL_DS)
                ym = false;
            rc = ym ? parse_interval_string(s, n, F_YEAR, F_MONTH, &iv)
                    : parse_interval_string(s, n, F_DAY, F_SECOND, &iv);
        }
    }
    if (rc == IV_OVERFLOW)
        return CV_ERR_INTERVAL;
    if (rc != IV_OK)
        return CV_ERR_CHAR;
    return put_interval(&iv, ct, t, piece);
}

/* Exact numeric to a single-field interval (appendix D, SQL to C: Numeric). */
static cv_status number_to_interval(const decnum *d, SQLSMALLINT ct, const cv_target *t,
                                    cv_piece *piece)
{
    int lead, trail;
    qualifier_of(ct, &lead, &trail);
    if (lead != trail || d->kind != DN_FINITE)
        return CV_ERR_INTERVAL;
    ival iv;
    memset(&iv, 0, sizeof iv);
    iv.neg = d->neg;
    iv.ym = lead <= F_MONTH;
    u128 mag;
    bool frac;
    if (lead == F_SECOND) {
        if (!dn_whole(d, 9, &mag, &frac))
            return CV_ERR_INTERVAL;
        iv.nanos = u128_divmod(&mag, 1000000000u);
        iv.extra_frac = frac;
    } else {
        if (!dn_whole(d, 0, &mag, &frac))
            return CV_ERR_INTERVAL;
        if (frac)
            iv.nanos = 1; /* marks the fraction as cut */
    }
    if (!u128_fits_u64(&mag))
        return CV_ERR_INTERVAL;
    uint64_t v = u128_u64(&mag);
    if (v > 0xFFFFFFFFULL)
        return CV_ERR_INTERVAL;
    static const uint64_t unit[6] = {12, 1, 86400, 3600, 60, 1};
    if (iv.ym) {
        iv.months = v * unit[lead];
    } else {
        iv.secs = v * unit[lead];
    }
    if (lead != F_SECOND && frac) {
        /* put_interval reports 01S07 for a fraction below the trailing
         * field; for year-month it has no fraction field, so do it here */
        if (iv.ym) {
            iv.nanos = 0;
            cv_status st = put_interval(&iv, ct, t, piece);
            return st == CV_OK ? CV_FRACTIONAL : st;
        }
    }
    return put_interval(&iv, ct, t, piece);
}

/* ------------------------------------------------------------------- GUID */

static cv_status char_to_guid(const char *s, size_t n, const cv_target *t, cv_piece *piece)
{
    trim(&s, &n);
    if (n == 38 && s[0] == '{' && s[37] == '}') {
        s++;
        n -= 2;
    }
    if (n != 36)
        return CV_ERR_CHAR;
    unsigned char b[16];
    size_t k = 0;
    for (size_t i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return CV_ERR_CHAR;
            i++;
            continue;
        }
        int hi = hexval((unsigned char)s[i]), lo = hexval((unsigned char)s[i + 1]);
        if (hi < 0 || lo < 0)
            return CV_ERR_CHAR;
        b[k++] = (unsigned char)(hi * 16 + lo);
        i += 2;
    }
    SQLGUID g;
    g.Data1 = ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
    g.Data2 = (unsigned short)((b[4] << 8) | b[5]);
    g.Data3 = (unsigned short)((b[6] << 8) | b[7]);
    memcpy(g.Data4, b + 8, 8);
    return put_fixed(t, piece, &g, sizeof g, CV_OK);
}

/* ----------------------------------------------------- character output */

/* One SQLWCHAR of the driver manager's size (w_unit: 2, or 4 under iODBC). */
static void put_wchar(void *base, size_t idx, uint32_t u)
{
    if (w_unit() == sizeof(uint32_t)) {
        memcpy((char *)base + idx * sizeof u, &u, sizeof u);
    } else {
        uint16_t h = (uint16_t)u;
        memcpy((char *)base + idx * sizeof h, &h, sizeof h);
    }
}

/* Athena's varbinary text ("31 32 33"): the next byte at or after *pos. */
static bool next_hex_byte(const char *s, size_t n, size_t *pos, unsigned char *b)
{
    size_t i = *pos;
    while (i < n && s[i] == ' ')
        i++;
    if (i + 1 >= n)
        return false;
    int hi = hexval((unsigned char)s[i]), lo = hexval((unsigned char)s[i + 1]);
    if (hi < 0 || lo < 0)
        return false;
    *b = (unsigned char)(hi * 16 + lo);
    *pos = i + 2;
    return true;
}

/* Bytes left in varbinary text from pos; false if the text is malformed. */
static bool hex_count(const char *s, size_t n, size_t pos, size_t *count)
{
    size_t c = 0;
    for (;;) {
        while (pos < n && s[pos] == ' ')
            pos++;
        if (pos >= n)
            break;
        unsigned char b;
        if (!next_hex_byte(s, n, &pos, &b))
            return false;
        c++;
    }
    *count = c;
    return true;
}

typedef enum { OS_TEXT, OS_HEXBIN } out_src;

/* SQL_C_CHAR output of UTF-8 text: up to room of its rem bytes and a NUL.
 * A bound column (not a piece) ends at a character boundary; a piece fills
 * the buffer. Returns the bytes written before the NUL. */
static size_t copy_text(const cv_target *t, bool is_piece, const char *s, size_t rem, size_t room)
{
    size_t w = rem < room ? rem : room;
    if (w < rem && !is_piece) {
        int back = 0;
        while (w > 0 && back < 3 && ((unsigned char)s[w] & 0xC0) == 0x80) {
            w--;
            back++;
        }
    }
    memcpy(t->ptr, s, w);
    ((char *)t->ptr)[w] = '\0';
    return w;
}

/* The hex form of `bytes` bytes of varbinary text from *pos, then a NUL,
 * in characters or SQLWCHARs. Returns the characters written before the NUL. */
static size_t copy_hex(const cv_target *t, bool wide, const char *s, size_t n, size_t *pos, size_t bytes)
{
    static const char hexd[] = "0123456789ABCDEF";
    size_t w = 0;
    for (size_t i = 0; i < bytes; i++) {
        unsigned char b = 0;
        next_hex_byte(s, n, pos, &b);
        if (wide) {
            put_wchar(t->ptr, w++, (uint16_t)hexd[b >> 4]);
            put_wchar(t->ptr, w++, (uint16_t)hexd[b & 15]);
        } else {
            ((char *)t->ptr)[w++] = hexd[b >> 4];
            ((char *)t->ptr)[w++] = hexd[b & 15];
        }
    }
    if (wide)
        put_wchar(t->ptr, w, 0);
    else
        ((char *)t->ptr)[w] = '\0';
    return w;
}

/* After writing output: CV_OK when the value fitted, else CV_TRUNCATED,
 * with where the next SQLGetData piece starts recorded in piece. */
static cv_status end_piece(cv_piece *piece, bool fits, size_t out_off, size_t src_pos, uint16_t next_low)
{
    if (fits) {
        finish(piece);
        return CV_OK;
    }
    if (piece) {
        piece->offset = out_off;
        piece->src_offset = src_pos;
        piece->started = true;
        piece->low = next_low;
    }
    return CV_TRUNCATED;
}

/* SQL_C_CHAR / SQL_C_WCHAR output of text (or of the hex form of a
 * varbinary). `keep` > 0: if the value must be truncated and the buffer
 * holds no more than `keep` characters, the result is 22003 (the whole
 * digits of a number, "yyyy-mm-dd" of a date...). */
static cv_status emit_chars(const cv_target *t, cv_piece *piece, bool wide, out_src k,
                            const char *s, size_t n, size_t keep)
{
    size_t unit = wide ? w_unit() : 1;
    bool wide32 = unit == sizeof(uint32_t); /* iODBC: one unit per code point */
    size_t src = piece ? piece->src_offset : 0;
    size_t out_off = piece ? piece->offset : 0;
    size_t rem;
    if (t->buflen < 0)
        return CV_ERR_BUFFER;
    if (src > n)
        src = n;
    uint16_t pending = piece && wide ? piece->low : 0; /* returned first, before src */
    if (k == OS_TEXT) {
        rem = wide ? w_units_of(s + src, n - src) + (pending ? 1 : 0) : n - src;
    } else {
        size_t nb;
        if (!hex_count(s, n, src, &nb))
            return CV_ERR_CHAR;
        rem = nb * 2;
    }
    SQLLEN rem_bytes = (SQLLEN)(rem * unit);
    size_t cap = (size_t)t->buflen / unit; /* characters, NUL included */
    bool fits = rem < cap;
    if (!t->ptr) {
        set_len(t, rem_bytes);
        return CV_OK;
    }
    if (!fits && keep > 0 && out_off == 0 && cap <= keep)
        return CV_ERR_RANGE;
    if (cap == 0) {
        set_len(t, rem_bytes);
        return CV_TRUNCATED;
    }
    size_t room = cap - 1, w = 0, pos = src;
    uint16_t next_low = 0;
    if (k == OS_TEXT && !wide) {
        w = copy_text(t, piece != NULL, s + src, rem, room);
        pos = src + w;
    } else if (k == OS_TEXT) {
        const unsigned char *u = (const unsigned char *)s;
        if (pending) {
            if (w < room)
                put_wchar(t->ptr, w++, pending);
            else
                next_low = pending; /* no room at all: still pending */
        }
        while (pos < n) {
            uint32_t cp;
            uint16_t units[2];
            size_t len = utf8_decode(u + pos, n - pos, &cp);
            size_t need = wide32 ? 1 : utf16_encode(cp, units);
            if (w + need > room) {
                if (piece && need == 2 && w + 1 == room) {
                    /* the buffer ends between the halves of the pair: the
                     * high half now, the low half starts the next piece */
                    put_wchar(t->ptr, w++, units[0]);
                    next_low = units[1];
                    pos += len;
                }
                break;
            }
            if (wide32)
                put_wchar(t->ptr, w++, cp);
            else
                for (size_t i = 0; i < need; i++)
                    put_wchar(t->ptr, w++, units[i]);
            pos += len;
        }
        put_wchar(t->ptr, w, 0);
    } else {
        w = copy_hex(t, wide, s, n, &pos, (rem < room ? rem : room) / 2);
    }
    set_len(t, rem_bytes);
    return end_piece(piece, fits, out_off + w * unit, pos, next_low);
}

/* SQL_C_BINARY output of text bytes or of varbinary's bytes. */
static cv_status emit_bytes(const cv_target *t, cv_piece *piece, out_src k, const char *s, size_t n)
{
    size_t src = piece ? piece->src_offset : 0;
    size_t out_off = piece ? piece->offset : 0;
    size_t rem;
    if (t->buflen < 0)
        return CV_ERR_BUFFER;
    if (src > n)
        src = n;
    if (k == OS_TEXT) {
        rem = n - src;
    } else if (!hex_count(s, n, src, &rem)) {
        return CV_ERR_CHAR;
    }
    if (!t->ptr) {
        set_len(t, (SQLLEN)rem);
        return CV_OK;
    }
    size_t w = rem < (size_t)t->buflen ? rem : (size_t)t->buflen;
    size_t pos = src;
    if (k == OS_TEXT) {
        memcpy(t->ptr, s + src, w);
        pos += w;
    } else {
        for (size_t i = 0; i < w; i++)
            next_hex_byte(s, n, &pos, (unsigned char *)t->ptr + i);
    }
    set_len(t, (SQLLEN)rem);
    return end_piece(piece, rem <= (size_t)t->buflen, out_off + w, pos, 0);
}

/* Length of a number's text that truncation must keep: up to the decimal
 * point; all of it in exponent form or for NaN/Infinity. */
static size_t whole_len(const char *s, size_t n)
{
    if (memchr(s, 'e', n) || memchr(s, 'E', n))
        return n;
    const char *dot = memchr(s, '.', n);
    if (!dot)
        return n;
    return dot > s ? (size_t)(dot - s) : 1;
}

static cv_status to_chars(const athena_column *col, src_kind k, const char *s, size_t n, bool wide,
                          const cv_target *t, cv_piece *piece)
{
    (void)col;
    switch (k) {
    case SK_BIT: {
        int b = parse_bool_text(s, n);
        if (b < 0)
            return CV_ERR_CHAR;
        return emit_chars(t, piece, wide, OS_TEXT, b ? "1" : "0", 1, 1);
    }
    case SK_EXACT:
    case SK_APPROX:
        return emit_chars(t, piece, wide, OS_TEXT, s, n, whole_len(s, n));
    case SK_BINARY:
        return emit_chars(t, piece, wide, OS_HEXBIN, s, n, 0);
    case SK_DATE:
        return emit_chars(t, piece, wide, OS_TEXT, s, n, 10);
    case SK_TIME:
        return emit_chars(t, piece, wide, OS_TEXT, s, n, 8);
    case SK_TIMESTAMP:
        return emit_chars(t, piece, wide, OS_TEXT, s, n, 19);
    case SK_CHAR:
    default:
        return emit_chars(t, piece, wide, OS_TEXT, s, n, 0);
    }
}

/* SQL_C_BINARY of a fixed-size value: its C representation (the value of
 * the column's default C type; SQL_NUMERIC_STRUCT for decimals). */
static cv_status to_binary_fixed(const athena_column *col, src_kind k, const char *s, size_t n,
                                 const cv_target *t, cv_piece *piece)
{
    union {
        SQL_NUMERIC_STRUCT ns;
        SQL_DATE_STRUCT d;
        SQL_TIME_STRUCT tm;
        SQL_TIMESTAMP_STRUCT ts;
        unsigned char raw[32];
    } v;
    SQLLEN got = 0;
    cv_target tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.ptr = &v;
    tmp.buflen = sizeof v;
    tmp.octet_len = &got;
    cv_status st;
    if (t->buflen < 0)
        return CV_ERR_BUFFER;
    switch (k) {
    case SK_BIT:
    case SK_EXACT:
    case SK_APPROX: {
        decnum d;
        st = source_number(k, s, n, false, &d);
        if (st != CV_OK)
            return st;
        if (k == SK_BIT)
            st = to_bit(&d, &tmp, NULL);
        else if (k == SK_APPROX)
            st = to_float(&d, col->sql_type == SQL_REAL, &tmp, NULL);
        else if (col->sql_type == SQL_DECIMAL || col->sql_type == SQL_NUMERIC) {
            tmp.precision = (SQLSMALLINT)column_numeric_precision(col);
            tmp.scale = col->decimal_digits;
            st = to_numeric(&d, col, &tmp, NULL);
        } else {
            SQLSMALLINT ct = col->sql_type == SQL_TINYINT ? SQL_C_STINYINT
                           : col->sql_type == SQL_SMALLINT ? SQL_C_SSHORT
                           : col->sql_type == SQL_INTEGER ? SQL_C_SLONG : SQL_C_SBIGINT;
            st = to_integer(&d, ct, &tmp, NULL);
        }
        break;
    }
    case SK_DATE: st = to_date(col, k, s, n, &tmp, NULL); break;
    case SK_TIME: st = to_time(col, k, s, n, &tmp, NULL); break;
    case SK_TIMESTAMP: st = to_timestamp(col, k, s, n, &tmp, NULL); break;
    default: return CV_ERR_RESTRICTED;
    }
    if (st != CV_OK && st != CV_FRACTIONAL)
        return st;
    /* the binary image is the value as the source type holds it: a time's
     * fraction dropped by SQL_TIME_STRUCT is not a truncation of the bytes */
    if (t->ptr && t->buflen < got)
        return CV_ERR_RANGE;
    return put_fixed(t, piece, &v, (size_t)got, CV_OK);
}

/* ----------------------------------------------------------------- driver */

cv_status convert_value(const athena_column *col, const char *text, size_t len, const cv_target *t,
                        cv_piece *piece)
{
    if (piece && piece->finished)
        return CV_NO_DATA;
    src_kind k = kind_of(col);
    SQLSMALLINT ct = resolve_ctype(col, t->ctype);
    if (!kind_allows(k, ct))
        return CV_ERR_RESTRICTED;
    if (!text) {
        if (!t->ind)
            return CV_ERR_NULL_NO_IND;
        *t->ind = SQL_NULL_DATA;
        finish(piece);
        return CV_NULL;
    }
    switch (ct) {
    case SQL_C_CHAR:
        return to_chars(col, k, text, len, false, t, piece);
    case SQL_C_WCHAR:
        return to_chars(col, k, text, len, true, t, piece);
    case SQL_C_BINARY:
        if (k == SK_CHAR)
            return emit_bytes(t, piece, OS_TEXT, text, len);
        if (k == SK_BINARY)
            return emit_bytes(t, piece, OS_HEXBIN, text, len);
        return to_binary_fixed(col, k, text, len, t, piece);
    case SQL_C_TYPE_DATE:
        return to_date(col, k, text, len, t, piece);
    case SQL_C_TYPE_TIME:
        return to_time(col, k, text, len, t, piece);
    case SQL_C_TYPE_TIMESTAMP:
        return to_timestamp(col, k, text, len, t, piece);
    case SQL_C_GUID:
        return char_to_guid(text, len, t, piece);
    default:
        break;
    }
    if (is_interval_ctype(ct)) {
        if (k == SK_CHAR)
            return char_to_interval(col, text, len, ct, t, piece);
        decnum d;
        cv_status st = source_number(k, text, len, false, &d);
        if (st != CV_OK)
            return st;
        return number_to_interval(&d, ct, t, piece);
    }
    /* the numeric C types */
    decnum d;
    cv_status st = source_number(k, text, len, ct == SQL_C_BIT && k == SK_CHAR, &d);
    if (st != CV_OK)
        return st;
    if (is_int_ctype(ct))
        return to_integer(&d, ct, t, piece);
    switch (ct) {
    case SQL_C_BIT: return to_bit(&d, t, piece);
    case SQL_C_FLOAT: return to_float(&d, true, t, piece);
    case SQL_C_DOUBLE: return to_float(&d, false, t, piece);
    case SQL_C_NUMERIC: return to_numeric(&d, col, t, piece);
    default: return CV_ERR_RESTRICTED;
    }
}

/* page_decode.c - one pass over a GetQueryResults answer, in place.
 *
 * The answer is walked once, left to right. Strings are unescaped inside
 * the page buffer (an escape never expands) and NUL-terminated where their
 * closing quote was; every datum becomes a (pointer, length) cell. The only
 * allocations are the page's reusable cells and columns arrays, which grow
 * geometrically and are kept across pages.
 *
 * Decisions:
 * - Keys may come in any order; unknown keys are skipped whatever their
 *   value (objects and arrays included, up to PD_MAX_DEPTH levels).
 * - `{}` and `{"VarCharValue": null}` are NULL; `""` is the empty string.
 * - `\uXXXX` escapes become UTF-8; a surrogate pair becomes one 4-byte
 *   sequence; a lone surrogate (either half) becomes U+FFFD rather than
 *   failing the whole page (Athena's strings are UTF-8 and cannot hold one,
 *   so this only matters for hostile input).
 * - Raw control characters (< 0x20) inside strings are rejected as JSON
 *   requires, and so is ill-formed UTF-8 (a JSON text is UTF-8; a page that
 *   is not is a broken answer, not data to repair). The check runs only on
 *   strings that held a byte >= 0x80, noted while they are scanned.
 * - A row with fewer datums than the widest row gets NULL cells. A row
 *   wider than all before it re-lays the earlier rows (widths grow
 *   geometrically, so this is linear overall), and the cells array is
 *   bounded by the answer's size so hostile raggedness cannot explode it.
 * - Integers (UpdateCount, Precision, Scale) must be JSON integers that
 *   fit; a fraction, an exponent or an overflow is an error.
 * - null is accepted where an optional value is expected (NextToken,
 *   UpdateCount, ColumnInfo fields, a datum); any other type mismatch is
 *   an error. */
#include "page_decode.h"
#include "utf.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PD_MAX_DEPTH 64

typedef struct pd_ctx {
    char *base;
    char *p;
    char *end;
    athena_error *err;
    size_t cell_limit;
} pd_ctx;

void pd_page_init(pd_page *p)
{
    memset(p, 0, sizeof *p);
}

void pd_page_free(pd_page *p)
{
    free(p->cells);
    free(p->columns);
    memset(p, 0, sizeof *p);
}

static int fail(pd_ctx *c, const char *what)
{
    size_t at = (size_t)(c->p - c->base);
    return ae_set(c->err, AE_BAD_RESPONSE, 0,
                  "Unusable GetQueryResults answer: %s at byte %zu of %zu", what, at,
                  (size_t)(c->end - c->base));
}

static inline void skip_ws(pd_ctx *c)
{
    char *p = c->p, *end = c->end;
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    c->p = p;
}

/* Skips whitespace, then consumes `ch` or fails. */
static inline int expect(pd_ctx *c, char ch, const char *what)
{
    skip_ws(c);
    if (c->p >= c->end)
        return fail(c, "the answer ends early");
    if (*c->p != ch)
        return fail(c, what);
    c->p++;
    return 0;
}

/* Next significant character, or 0 at the end. */
static inline char peek(pd_ctx *c)
{
    skip_ws(c);
    return c->p < c->end ? *c->p : 0;
}

/* --------------------------------------------------------------- strings */

static inline int hexval(unsigned char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    ch |= 0x20;
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    return -1;
}

static int hex4(const char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval((unsigned char)s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
/* True if any byte of v is '"', '\\' or below 0x20. */
static inline bool swar_special(uint64_t v)
{
    uint64_t q = v ^ (ONES * '"');
    uint64_t b = v ^ (ONES * '\\');
    uint64_t t = ((q - ONES) & ~q) | ((b - ONES) & ~b) | ((v - ONES * 0x20) & ~v);
    return (t & HIGHS) != 0;
}

/* The end of a parsed string [start, stop): a string holding bytes above
 * 0x7F must be valid UTF-8 (a JSON text is), else the page is refused rather
 * than handing the application bytes no conversion can trust. */
static int string_done(pd_ctx *c, char *start, char *stop, char *next, bool ascii, char **out,
                       size_t *outlen)
{
    size_t n = (size_t)(stop - start);
    if (!ascii && !utf8_valid(start, n)) {
        c->p = start;
        return fail(c, "invalid UTF-8 in a string");
    }
    *stop = '\0';
    *out = start;
    *outlen = n;
    c->p = next;
    return 0;
}

/* c->p is at the opening quote. Unescapes in place, NUL-terminates, and
 * leaves c->p after the closing quote. */
static int parse_string(pd_ctx *c, char **out, size_t *outlen)
{
    char *p = c->p + 1;
    char *end = c->end;
    char *start = p;
    uint64_t seen = 0; /* OR of the bytes passed: their high bits say "not ASCII" */
    /* fast path: no escapes */
    for (;;) {
        while (end - p >= 8) {
            uint64_t v;
            memcpy(&v, p, 8);
            if (swar_special(v))
                break;
            seen |= v;
            p += 8;
        }
        if (p >= end) {
            c->p = p;
            return fail(c, "a string is not terminated");
        }
        unsigned char ch = (unsigned char)*p;
        if (ch == '"')
            return string_done(c, start, p, p + 1, (seen & HIGHS) == 0, out, outlen);
        if (ch == '\\')
            break;
        if (ch < 0x20) {
            c->p = p;
            return fail(c, "a control character inside a string");
        }
        seen |= ch;
        p++;
    }
    /* slow path: unescape from the first backslash on */
    char *w = p;
    while (p < end) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '"')
            return string_done(c, start, w, p + 1, false, out, outlen); /* escapes: check all */
        if (ch < 0x20) {
            c->p = p;
            return fail(c, "a control character inside a string");
        }
        if (ch != '\\') {
            *w++ = (char)ch;
            p++;
            continue;
        }
        if (end - p < 2)
            break;
        switch (p[1]) {
        case '"': *w++ = '"'; p += 2; break;
        case '\\': *w++ = '\\'; p += 2; break;
        case '/': *w++ = '/'; p += 2; break;
        case 'b': *w++ = '\b'; p += 2; break;
        case 'f': *w++ = '\f'; p += 2; break;
        case 'n': *w++ = '\n'; p += 2; break;
        case 'r': *w++ = '\r'; p += 2; break;
        case 't': *w++ = '\t'; p += 2; break;
        case 'u': {
            int cp;
            if (end - p < 6 || (cp = hex4(p + 2)) < 0) {
                c->p = p;
                return fail(c, "a bad \\u escape");
            }
            p += 6;
            int lo;
            if (utf16_is_high((uint32_t)cp) && end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
                (lo = hex4(p + 2)) >= 0 && utf16_is_low((uint32_t)lo)) {
                cp = (int)utf16_join((uint32_t)cp, (uint32_t)lo);
                p += 6;
            }
            w += utf8_encode((uint32_t)cp, w); /* a lone surrogate becomes U+FFFD */
            break;
        }
        default:
            c->p = p;
            return fail(c, "an unknown escape sequence");
        }
    }
    c->p = end;
    return fail(c, "a string is not terminated");
}

/* Parses a string value or null (-> *out = NULL). */
static int parse_string_or_null(pd_ctx *c, char **out, size_t *outlen, const char *what);

/* ------------------------------------------------------- numbers, literals */

static int match_literal(pd_ctx *c, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n) != 0)
        return fail(c, "an invalid literal");
    c->p += n;
    return 0;
}

static inline bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

static int skip_number(pd_ctx *c)
{
    char *p = c->p, *end = c->end;
    if (p < end && *p == '-')
        p++;
    if (p >= end || !is_digit(*p)) {
        c->p = p;
        return fail(c, "an invalid number");
    }
    if (*p == '0')
        p++;
    else
        while (p < end && is_digit(*p))
            p++;
    if (p < end && *p == '.') {
        p++;
        if (p >= end || !is_digit(*p)) {
            c->p = p;
            return fail(c, "an invalid number");
        }
        while (p < end && is_digit(*p))
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || !is_digit(*p)) {
            c->p = p;
            return fail(c, "an invalid number");
        }
        while (p < end && is_digit(*p))
            p++;
    }
    c->p = p;
    return 0;
}

/* A JSON integer that fits in long long; *isnull for null. */
static int parse_int(pd_ctx *c, long long *v, bool *isnull, const char *what)
{
    char ch = peek(c);
    *isnull = false;
    if (ch == 'n') {
        *isnull = true;
        *v = 0;
        return match_literal(c, "null");
    }
    if (ch != '-' && !is_digit(ch))
        return fail(c, what);
    char *p = c->p, *end = c->end;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    if (p >= end || !is_digit(*p)) {
        c->p = p;
        return fail(c, "an invalid number");
    }
    if (*p == '0' && p + 1 < end && is_digit(p[1])) {
        c->p = p;
        return fail(c, "an invalid number");
    }
    unsigned long long x = 0;
    unsigned long long lim = neg ? (unsigned long long)LLONG_MAX + 1ULL : (unsigned long long)LLONG_MAX;
    while (p < end && is_digit(*p)) {
        unsigned d = (unsigned)(*p - '0');
        if (x > (lim - d) / 10) {
            c->p = p;
            return fail(c, "a number too large");
        }
        x = x * 10 + d;
        p++;
    }
    if (p < end && (*p == '.' || *p == 'e' || *p == 'E')) {
        c->p = p;
        return fail(c, "a number that is not an integer");
    }
    c->p = p;
    *v = neg ? (x == (unsigned long long)LLONG_MAX + 1ULL ? LLONG_MIN : -(long long)x) : (long long)x;
    return 0;
}

static int parse_bool(pd_ctx *c, bool *v, const char *what)
{
    char ch = peek(c);
    if (ch == 't') {
        *v = true;
        return match_literal(c, "true");
    }
    if (ch == 'f') {
        *v = false;
        return match_literal(c, "false");
    }
    if (ch == 'n') {
        *v = false;
        return match_literal(c, "null");
    }
    return fail(c, what);
}

/* ------------------------------------------------------------ generic skip */

static int skip_value(pd_ctx *c, int depth)
{
    char ch = peek(c);
    if (depth > PD_MAX_DEPTH)
        return fail(c, "nesting deeper than 64 levels");
    switch (ch) {
    case '"': {
        char *s;
        size_t n;
        return parse_string(c, &s, &n);
    }
    case '{':
        c->p++;
        if (peek(c) == '}') {
            c->p++;
            return 0;
        }
        for (;;) {
            char *k;
            size_t kn;
            if (peek(c) != '"')
                return fail(c, "an object key was expected");
            if (parse_string(c, &k, &kn) || expect(c, ':', "':' was expected after a key") ||
                skip_value(c, depth + 1))
                return -1;
            ch = peek(c);
            if (ch == ',') {
                c->p++;
                continue;
            }
            if (ch == '}') {
                c->p++;
                return 0;
            }
            return fail(c, ch ? "',' or '}' was expected in an object" : "the answer ends early");
        }
    case '[':
        c->p++;
        if (peek(c) == ']') {
            c->p++;
            return 0;
        }
        for (;;) {
            if (skip_value(c, depth + 1))
                return -1;
            ch = peek(c);
            if (ch == ',') {
                c->p++;
                continue;
            }
            if (ch == ']') {
                c->p++;
                return 0;
            }
            return fail(c, ch ? "',' or ']' was expected in an array" : "the answer ends early");
        }
    case 't': return match_literal(c, "true");
    case 'f': return match_literal(c, "false");
    case 'n': return match_literal(c, "null");
    case 0: return fail(c, "the answer ends early");
    default:
        if (ch == '-' || is_digit(ch))
            return skip_number(c);
        return fail(c, "a value was expected");
    }
}

static int parse_string_or_null(pd_ctx *c, char **out, size_t *outlen, const char *what)
{
    char ch = peek(c);
    if (ch == '"')
        return parse_string(c, out, outlen);
    if (ch == 'n') {
        *out = NULL;
        *outlen = 0;
        return match_literal(c, "null");
    }
    return fail(c, what);
}

/* Object iteration: call obj_begin, then obj_next until it returns 0
 * (end of object) or -1; on 1, key and klen name the member whose value is
 * next. */
static int obj_begin(pd_ctx *c, const char *what)
{
    return expect(c, '{', what);
}

static int obj_next(pd_ctx *c, bool first, char **key, size_t *klen)
{
    char ch = peek(c);
    if (first) {
        if (ch == '}') {
            c->p++;
            return 0;
        }
    } else {
        if (ch == '}') {
            c->p++;
            return 0;
        }
        if (ch != ',')
            return fail(c, ch ? "',' or '}' was expected in an object" : "the answer ends early");
        c->p++;
        ch = peek(c);
    }
    if (ch != '"')
        return fail(c, ch ? "an object key was expected" : "the answer ends early");
    if (parse_string(c, key, klen) || expect(c, ':', "':' was expected after a key"))
        return -1;
    return 1;
}

/* Array iteration, same protocol: 1 = an element follows. */
static int arr_next(pd_ctx *c, bool first)
{
    char ch = peek(c);
    if (ch == ']') {
        c->p++;
        return 0;
    }
    if (!first) {
        if (ch != ',')
            return fail(c, ch ? "',' or ']' was expected in an array" : "the answer ends early");
        c->p++;
        if (!peek(c))
            return fail(c, "the answer ends early");
    } else if (!ch) {
        return fail(c, "the answer ends early");
    }
    return 1;
}

#define KEY_IS(k, n, lit) ((n) == sizeof(lit) - 1 && memcmp((k), (lit), sizeof(lit) - 1) == 0)

/* ------------------------------------------------------------------ cells */

static int ensure_cells(pd_ctx *c, pd_page *pg, size_t need)
{
    if (need <= pg->cells_cap)
        return 0;
    if (need > c->cell_limit)
        return fail(c, "rows so ragged that their cells outgrow the answer");
    size_t cap = pg->cells_cap ? pg->cells_cap : 256;
    while (cap < need)
        cap *= 2;
    pd_cell *n = realloc(pg->cells, cap * sizeof *n);
    if (!n)
        return ae_set(c->err, AE_NOMEM, 0, "Memory allocation error (%zu result cells)", cap);
    pg->cells = n;
    pg->cells_cap = cap;
    return 0;
}

static inline void null_cells(pd_cell *cells, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        cells[i].ptr = NULL;
        cells[i].len = 0;
    }
}

/* Datum j of row r does not fit the current width *rw: widen, moving the
 * rows before it. Row 0 alone needs no move. */
static int widen(pd_ctx *c, pd_page *pg, size_t r, size_t j, size_t *rw)
{
    size_t old = *rw;
    size_t nw = j + 1;
    if (r > 0 && old * 2 > nw)
        nw = old * 2;
    if (nw > c->cell_limit || (r + 1) > c->cell_limit / nw)
        return fail(c, "rows so ragged that their cells outgrow the answer");
    if (ensure_cells(c, pg, (r + 1) * nw))
        return -1;
    for (size_t rr = r; rr > 0; rr--) {
        size_t count = rr == r ? j : old;
        memmove(pg->cells + rr * nw, pg->cells + rr * old, count * sizeof(pd_cell));
        if (rr != r)
            null_cells(pg->cells, rr * nw + old, rr * nw + nw);
    }
    if (r > 0)
        null_cells(pg->cells, old, nw); /* row 0's new tail */
    *rw = nw;
    return 0;
}

static int parse_datum(pd_ctx *c, pd_cell *cell, int depth)
{
    static const char fast[] = "{\"VarCharValue\":\"";
    cell->ptr = NULL;
    cell->len = 0;
    char ch = peek(c);
    if (ch == 'n')
        return match_literal(c, "null");
    if (ch != '{')
        return fail(c, "a datum must be an object");
    if ((size_t)(c->end - c->p) > sizeof fast - 1 && memcmp(c->p, fast, sizeof fast - 1) == 0) {
        char *s;
        size_t n;
        c->p += sizeof fast - 2; /* at the value's opening quote */
        if (parse_string(c, &s, &n))
            return -1;
        cell->ptr = s;
        cell->len = n;
        if (peek(c) == '}') {
            c->p++;
            return 0;
        }
        /* more members follow: continue generically */
        char *k;
        size_t kn;
        int rc;
        while ((rc = obj_next(c, false, &k, &kn)) == 1) {
            if (KEY_IS(k, kn, "VarCharValue")) {
                if (parse_string_or_null(c, &s, &n, "VarCharValue must be a string"))
                    return -1;
                cell->ptr = s;
                cell->len = n;
            } else if (skip_value(c, depth + 1)) {
                return -1;
            }
        }
        return rc;
    }
    c->p++;
    char *k;
    size_t kn;
    int rc;
    bool first = true;
    while ((rc = obj_next(c, first, &k, &kn)) == 1) {
        first = false;
        if (KEY_IS(k, kn, "VarCharValue")) {
            char *s;
            size_t n;
            if (parse_string_or_null(c, &s, &n, "VarCharValue must be a string"))
                return -1;
            cell->ptr = s;
            cell->len = n;
        } else if (skip_value(c, depth + 1)) {
            return -1;
        }
    }
    return rc;
}

/* "Data": [datum, ...] of row r. */
static int parse_data(pd_ctx *c, pd_page *pg, size_t r, size_t *rw, size_t *j, int depth)
{
    if (expect(c, '[', "Data must be an array"))
        return -1;
    *j = 0;
    int rc;
    bool first = true;
    while ((rc = arr_next(c, first)) == 1) {
        first = false;
        if (*j >= *rw && widen(c, pg, r, *j, rw))
            return -1;
        if (parse_datum(c, &pg->cells[r * *rw + *j], depth + 1))
            return -1;
        (*j)++;
    }
    return rc;
}

static int parse_rows(pd_ctx *c, pd_page *pg, int depth)
{
    size_t rw = 0, maxw = 0, r = 0;
    if (expect(c, '[', "Rows must be an array"))
        return -1;
    int rc;
    bool first = true;
    while ((rc = arr_next(c, first)) == 1) {
        first = false;
        size_t j = 0;
        if (peek(c) != '{')
            return fail(c, "a row must be an object");
        if (rw && r + 1 > c->cell_limit / rw)
            return fail(c, "rows so ragged that their cells outgrow the answer");
        if (ensure_cells(c, pg, (r + 1) * rw))
            return -1;
        static const char fast[] = "{\"Data\":";
        if ((size_t)(c->end - c->p) > sizeof fast - 1 && memcmp(c->p, fast, sizeof fast - 1) == 0) {
            c->p += sizeof fast - 1;
            if (parse_data(c, pg, r, &rw, &j, depth + 1))
                return -1;
            char *k;
            size_t kn;
            int orc;
            while ((orc = obj_next(c, false, &k, &kn)) == 1) {
                if (KEY_IS(k, kn, "Data")) {
                    if (parse_data(c, pg, r, &rw, &j, depth + 1))
                        return -1;
                } else if (skip_value(c, depth + 1)) {
                    return -1;
                }
            }
            if (orc < 0)
                return -1;
        } else {
            c->p++;
            char *k;
            size_t kn;
            int orc;
            bool f = true;
            while ((orc = obj_next(c, f, &k, &kn)) == 1) {
                f = false;
                if (KEY_IS(k, kn, "Data")) {
                    if (parse_data(c, pg, r, &rw, &j, depth + 1))
                        return -1;
                } else if (skip_value(c, depth + 1)) {
                    return -1;
                }
            }
            if (orc < 0)
                return -1;
        }
        if (j > maxw)
            maxw = j;
        null_cells(pg->cells, r * rw + j, r * rw + rw);
        r++;
    }
    if (rc < 0)
        return -1;
    /* A page whose rows carry no datums still gets one NULL cell per row,
     * so pd_cell_at(p, r, 0) is always valid for r < nrows. */
    size_t width = maxw ? maxw : 1;
    if (r > 0 && rw == 0) {
        if (ensure_cells(c, pg, r))
            return -1;
        null_cells(pg->cells, 0, r);
        rw = 1;
    }
    if (rw != width && r > 0) {
        for (size_t rr = 1; rr < r; rr++)
            memmove(pg->cells + rr * width, pg->cells + rr * rw, width * sizeof(pd_cell));
    }
    pg->nrows = r;
    pg->ncols = maxw;
    pg->row_width = r > 0 ? width : maxw;
    return 0;
}

/* ---------------------------------------------------------------- columns */

/* Copies at most cap-1 bytes without cutting a UTF-8 sequence. */
static void copy_field(char *dst, size_t cap, const char *s, size_t n, bool lower)
{
    if (!s)
        n = 0;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (lower && ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        dst[i] = ch;
    }
    dst[n] = '\0';
}

/* The string keys of a ColumnInfo entry and where each goes. */
typedef struct column_text_field {
    const char *key;
    size_t offset, size;
    bool lower;          /* type names are compared lower-case */
    const char *error;
} column_text_field;

#define TEXT_FIELD(key, member, lower) \
    {key, offsetof(athena_column, member), sizeof(((athena_column *)0)->member), lower, key " must be a string"}

static const column_text_field text_fields[] = {
    TEXT_FIELD("Name", name, false),
    TEXT_FIELD("Label", label, false),
    TEXT_FIELD("Type", type_name, true),
    TEXT_FIELD("CatalogName", catalog_name, false),
    TEXT_FIELD("SchemaName", schema_name, false),
    TEXT_FIELD("TableName", table_name, false),
};

static const column_text_field *text_field(const char *k, size_t kn)
{
    for (size_t i = 0; i < sizeof text_fields / sizeof text_fields[0]; i++)
        if (strlen(text_fields[i].key) == kn && memcmp(k, text_fields[i].key, kn) == 0)
            return &text_fields[i];
    return NULL;
}

static int parse_column(pd_ctx *c, athena_column *col, int depth)
{
    memset(col, 0, sizeof *col);
    col->nullable = SQL_NULLABLE_UNKNOWN;
    if (obj_begin(c, "a ColumnInfo entry must be an object"))
        return -1;
    char *k;
    size_t kn;
    int rc;
    bool first = true;
    while ((rc = obj_next(c, first, &k, &kn)) == 1) {
        first = false;
        char *s;
        size_t n;
        long long v;
        bool isnull;
        const column_text_field *tf = text_field(k, kn);
        if (tf) {
            if (parse_string_or_null(c, &s, &n, tf->error))
                return -1;
            copy_field((char *)col + tf->offset, tf->size, s, n, tf->lower);
        } else if (KEY_IS(k, kn, "Precision") || KEY_IS(k, kn, "Scale")) {
            bool prec = k[0] == 'P';
            if (parse_int(c, &v, &isnull, prec ? "Precision must be a number" : "Scale must be a number"))
                return -1;
            if (v < INT_MIN || v > INT_MAX)
                return fail(c, "a Precision or Scale out of range");
            if (prec)
                col->precision = (int)v;
            else
                col->scale = (int)v;
        } else if (KEY_IS(k, kn, "Nullable")) {
            if (parse_string_or_null(c, &s, &n, "Nullable must be a string"))
                return -1;
            if (s && n == 8 && !memcmp(s, "NOT_NULL", 8))
                col->nullable = SQL_NO_NULLS;
            else if (s && n == 8 && !memcmp(s, "NULLABLE", 8))
                col->nullable = SQL_NULLABLE;
            else
                col->nullable = SQL_NULLABLE_UNKNOWN;
        } else if (KEY_IS(k, kn, "CaseSensitive")) {
            if (parse_bool(c, &col->case_sensitive, "CaseSensitive must be true or false"))
                return -1;
        } else if (skip_value(c, depth + 1)) {
            return -1;
        }
    }
    if (rc < 0)
        return -1;
    if (!col->label[0])
        memcpy(col->label, col->name, sizeof col->label);
    return 0;
}

static int parse_column_info(pd_ctx *c, pd_page *pg, int depth)
{
    pg->ncolumns = 0;
    if (expect(c, '[', "ColumnInfo must be an array"))
        return -1;
    int rc;
    bool first = true;
    while ((rc = arr_next(c, first)) == 1) {
        first = false;
        if (pg->ncolumns == pg->columns_cap) {
            size_t cap = pg->columns_cap ? pg->columns_cap * 2 : 16;
            athena_column *n = realloc(pg->columns, cap * sizeof *n);
            if (!n)
                return ae_set(c->err, AE_NOMEM, 0, "Memory allocation error (%zu columns)", cap);
            pg->columns = n;
            pg->columns_cap = cap;
        }
        if (parse_column(c, &pg->columns[pg->ncolumns], depth + 1))
            return -1;
        pg->ncolumns++;
    }
    return rc;
}

static int parse_metadata(pd_ctx *c, pd_page *pg, int depth)
{
    if (obj_begin(c, "ResultSetMetadata must be an object"))
        return -1;
    char *k;
    size_t kn;
    int rc;
    bool first = true;
    while ((rc = obj_next(c, first, &k, &kn)) == 1) {
        first = false;
        if (KEY_IS(k, kn, "ColumnInfo")) {
            if (parse_column_info(c, pg, depth + 1))
                return -1;
        } else if (skip_value(c, depth + 1)) {
            return -1;
        }
    }
    return rc;
}

static int parse_result_set(pd_ctx *c, pd_page *pg, bool want_columns, int depth)
{
    if (obj_begin(c, "ResultSet must be an object"))
        return -1;
    char *k;
    size_t kn;
    int rc;
    bool first = true;
    while ((rc = obj_next(c, first, &k, &kn)) == 1) {
        first = false;
        if (KEY_IS(k, kn, "Rows")) {
            if (parse_rows(c, pg, depth + 1))
                return -1;
        } else if (want_columns && KEY_IS(k, kn, "ResultSetMetadata")) {
            if (parse_metadata(c, pg, depth + 1))
                return -1;
        } else if (skip_value(c, depth + 1)) {
            return -1;
        }
    }
    return rc;
}

static int parse_top(pd_ctx *c, pd_page *pg, bool want_columns)
{
    if (obj_begin(c, "the answer is not a JSON object"))
        return -1;
    char *k;
    size_t kn;
    int rc;
    bool first = true;
    while ((rc = obj_next(c, first, &k, &kn)) == 1) {
        first = false;
        if (KEY_IS(k, kn, "ResultSet")) {
            if (parse_result_set(c, pg, want_columns, 2))
                return -1;
        } else if (KEY_IS(k, kn, "NextToken")) {
            char *s;
            size_t n;
            if (parse_string_or_null(c, &s, &n, "NextToken must be a string"))
                return -1;
            pg->next_token = s;
        } else if (KEY_IS(k, kn, "UpdateCount")) {
            long long v;
            bool isnull;
            if (parse_int(c, &v, &isnull, "UpdateCount must be a number"))
                return -1;
            pg->has_update_count = !isnull;
            pg->update_count = v;
        } else if (skip_value(c, 2)) {
            return -1;
        }
    }
    if (rc < 0)
        return -1;
    skip_ws(c);
    if (c->p != c->end)
        return fail(c, "text after the end of the JSON object");
    return 0;
}

int page_decode(char *json, size_t len, pd_page *page, bool want_columns, athena_error *err)
{
    pd_ctx c;
    c.base = json;
    c.p = json;
    c.end = json + len;
    c.err = err;
    /* Every datum takes at least 3 bytes ("{}," ); twice the answer's
     * length bounds what legitimate raggedness can need. */
    c.cell_limit = len > SIZE_MAX / 4 ? SIZE_MAX / 2 : 2 * len + 64;
    page->nrows = 0;
    page->ncols = 0;
    page->row_width = 0;
    page->next_token = NULL;
    page->has_update_count = false;
    page->update_count = 0;
    page->ncolumns = 0;
    if (!json || len == 0) {
        ae_set(err, AE_BAD_RESPONSE, 0, "Unusable GetQueryResults answer: it is empty");
        return -1;
    }
    if (parse_top(&c, page, want_columns) != 0) {
        page->nrows = 0;
        page->ncols = 0;
        page->row_width = 0;
        page->next_token = NULL;
        page->has_update_count = false;
        page->ncolumns = 0;
        return -1;
    }
    return 0;
}

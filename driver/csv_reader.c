/* csv_reader.c - Athena's result CSV, parsed incrementally (csv_reader.h).
 * Bytes are appended to one buffer; a record is parsed only once its line
 * end (outside quotes) has arrived, so splits anywhere are the same as no
 * split. Scanning resumes where it stopped, so a long record that spans many
 * blocks is scanned once. */
#include "csv_reader.h"
#include "utf.h"

#include <stdlib.h>
#include <string.h>

struct csv_reader {
    size_t ncols;
    pd_cell *cells;
    char *buf;
    size_t len, cap;
    size_t start;               /* first byte of the record not yet handed out */
    size_t scan;                /* where the search for its line end resumes */
    bool in_quote;              /* quote state at scan */
    bool failed;
    unsigned long long records; /* complete records handed out */
    unsigned long long offset;  /* file offset of buf[0] */
    /* csv_reader_hold: the records handed out stay where they are; a feed
     * that needs room moves the unfinished record to another buffer and
     * keeps the old one (retired) until the hold ends */
    bool holding;
    struct retired { char *buf; size_t cap; } *retired;
    size_t nretired, retired_cap;
    char *spare;                /* a retired buffer kept for reuse */
    size_t spare_cap;
};

void csv_reader_hold(csv_reader *r, bool on)
{
    for (size_t i = 0; i < r->nretired; i++) {
        if (!r->spare || r->retired[i].cap > r->spare_cap) {
            free(r->spare);
            r->spare = r->retired[i].buf;
            r->spare_cap = r->retired[i].cap;
        } else {
            free(r->retired[i].buf);
        }
    }
    r->nretired = 0;
    r->holding = on;
}

/* Holding, with no room left: the unfinished record [start, len) moves to
 * a buffer of cap bytes (the spare if it is large enough) and the current
 * one is retired, so the cells handed out keep pointing at their text. */
static int move_to_new_buffer(csv_reader *r, size_t cap, athena_error *err)
{
    if (r->nretired == r->retired_cap) {
        size_t n = r->retired_cap ? r->retired_cap * 2 : 4;
        struct retired *rb = realloc(r->retired, n * sizeof *rb);
        if (!rb)
            return ae_set(err, AE_NOMEM, 0, "Memory allocation error");
        r->retired = rb;
        r->retired_cap = n;
    }
    char *nb;
    if (r->spare && r->spare_cap >= cap) {
        nb = r->spare;
        cap = r->spare_cap;
        r->spare = NULL;
    } else if (!(nb = malloc(cap))) {
        return ae_set(err, AE_NOMEM, 0, "Memory allocation error");
    }
    size_t keep = r->len - r->start;
    memcpy(nb, r->buf + r->start, keep);
    r->retired[r->nretired].buf = r->buf;
    r->retired[r->nretired++].cap = r->cap;
    r->buf = nb;
    r->cap = cap;
    r->len = keep;
    r->scan -= r->start;
    r->offset += r->start;
    r->start = 0;
    return 0;
}

csv_reader *csv_reader_new(size_t ncols)
{
    if (ncols == 0)
        return NULL;
    csv_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->ncols = ncols;
    r->cells = calloc(ncols, sizeof *r->cells);
    if (!r->cells) {
        free(r);
        return NULL;
    }
    return r;
}

void csv_reader_free(csv_reader *r)
{
    if (!r)
        return;
    csv_reader_hold(r, false);
    free(r->retired);
    free(r->spare);
    free(r->cells);
    free(r->buf);
    free(r);
}

int csv_reader_feed(csv_reader *r, const char *data, size_t len, athena_error *err)
{
    /* drop what was handed out; keep the unfinished record (holding: only
     * when there is no room left, by moving it to another buffer) */
    if (r->start > 0 && !r->holding) {
        memmove(r->buf, r->buf + r->start, r->len - r->start);
        r->len -= r->start;
        r->scan -= r->start;
        r->offset += r->start;
        r->start = 0;
    }
    if (len > r->cap - r->len) {
        size_t used = r->len - r->start;
        size_t cap = r->cap ? r->cap : 4096;
        while (cap - used < len) {
            if (cap > ((size_t)-1) / 2)
                return ae_set(err, AE_NOMEM, 0, "Memory allocation error");
            cap *= 2;
        }
        if (r->start > 0) { /* holding: the records handed out stay where they are */
            if (move_to_new_buffer(r, cap, err) != 0)
                return -1;
        } else {
            char *nb = realloc(r->buf, cap);
            if (!nb)
                return ae_set(err, AE_NOMEM, 0, "Memory allocation error");
            r->buf = nb;
            r->cap = cap;
        }
    }
    if (len)
        memcpy(r->buf + r->len, data, len);
    r->len += len;
    return 0;
}

/* Finds the LF that ends the record at r->start: its index in *end, or
 * false when it has not arrived yet (the scan state is kept). */
static bool find_record_end(csv_reader *r, size_t *end)
{
    const char *b = r->buf;
    size_t i = r->scan, n = r->len;
    bool q = r->in_quote;
    while (i < n) {
        if (q) {
            const char *p = memchr(b + i, '"', n - i);
            if (!p) {
                i = n;
                break;
            }
            i = (size_t)(p - b) + 1;
            q = false;
        } else {
            char c = b[i++];
            if (c == '"') {
                q = true;
            } else if (c == '\n') {
                *end = i - 1;
                r->scan = i;
                r->in_quote = false;
                return true;
            }
        }
    }
    r->scan = i;
    r->in_quote = q;
    return false;
}

static int malformed(csv_reader *r, athena_error *err, size_t at, const char *what)
{
    r->failed = true;
    return ae_set(err, AE_BAD_RESPONSE, 0, "The result file is not valid Athena CSV: %s in record %llu (byte %llu)",
                  what, r->records + 1, r->offset + (unsigned long long)at);
}

/* Splits the record [start, end) into cells, unescaping quoted values in
 * place; end is the index of its LF. */
static int parse_record(csv_reader *r, size_t end, athena_error *err)
{
    char *b = r->buf;
    char *p = b + r->start, *e = b + end;
    size_t f = 0;
    for (;;) {
        if (f == r->ncols)
            return malformed(r, err, (size_t)(p - b), "more fields than columns");
        pd_cell *c = &r->cells[f++];
        if (p < e && *p == '"') {
            char *s = p + 1, *out = s, *val = s;
            for (;;) {
                char *qt = memchr(s, '"', (size_t)(e - s));
                if (!qt) /* cannot happen: the scan saw the quotes balanced */
                    return malformed(r, err, (size_t)(s - b), "unterminated quoted value");
                size_t n = (size_t)(qt - s);
                if (out != s)
                    memmove(out, s, n);
                out += n;
                if (qt + 1 < e && qt[1] == '"') {
                    *out++ = '"';
                    s = qt + 2;
                    continue;
                }
                s = qt + 1;
                break;
            }
            p = s;
            if (p < e && *p != ',')
                return malformed(r, err, (size_t)(p - b), "a quote inside a value that is not doubled");
            if (!utf8_valid(val, (size_t)(out - val)))
                return malformed(r, err, (size_t)(val - b), "invalid UTF-8 in a value");
            *out = '\0'; /* out <= the closing quote, already read */
            c->ptr = val;
            c->len = (size_t)(out - val);
        } else {
            if (p < e && *p != ',')
                return malformed(r, err, (size_t)(p - b), "a value that is not quoted");
            c->ptr = NULL;
            c->len = 0;
        }
        if (p == e)
            break;
        p++; /* the comma */
    }
    if (f != r->ncols)
        return malformed(r, err, end, "fewer fields than columns");
    return 0;
}

int csv_reader_next(csv_reader *r, const pd_cell **row, athena_error *err)
{
    if (r->failed)
        return ae_set(err, AE_BAD_RESPONSE, 0, "The result file is not valid Athena CSV");
    size_t end;
    if (!find_record_end(r, &end))
        return 0;
    if (parse_record(r, end, err) != 0)
        return -1;
    r->start = end + 1;
    r->records++;
    *row = r->cells;
    return 1;
}

int csv_reader_finish(csv_reader *r, athena_error *err)
{
    if (r->failed)
        return ae_set(err, AE_BAD_RESPONSE, 0, "The result file is not valid Athena CSV");
    if (r->start < r->len)
        return malformed(r, err, r->len, r->in_quote ? "the file ends inside a quoted value"
                                                     : "the file ends without a line end");
    return 0;
}

unsigned long long csv_reader_records(const csv_reader *r)
{
    return r->records;
}

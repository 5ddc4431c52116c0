/* result_scroll.c - the static (scrollable) cursor: a result source wrapper
 * that reads its inner source forward only as far as asked and keeps every
 * row it has read, so that any row can be read again by number. The first
 * rows stay in a memory window of a fixed size; rows beyond it go to an
 * unlinked temporary file and are read back by offset. Memory: the window,
 * one row's scratch buffer and 8 bytes per row (its offset). Forward-only
 * cursors never use this file. */
#include "result_source.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strbuf.h"

/* A row is stored as, per column, a 4-byte length (NULL_LEN = SQL NULL)
 * followed by that many bytes and a NUL. */
#define NULL_LEN UINT32_MAX
#define DEFAULT_WINDOW (8u * 1024 * 1024)

typedef struct scroll_rs {
    result_source base;
    result_source *inner;
    size_t window;        /* bytes of rows kept in memory */
    strbuf mem;           /* the rows in the window */
    int fd;               /* spool file, -1 until the window is full */
    uint64_t file_len;
    uint64_t *off;        /* row k starts at off[k]; off[nrows] = end. < mem.len: memory */
    size_t nrows, cap;
    bool spilled;         /* rows from off[first_file] on are in the file */
    size_t first_file;
    bool at_end;          /* the inner source has no more rows */
    strbuf scratch;       /* serialised row / a row read back from the file */
    pd_cell *cells;
    size_t next;          /* next_row's position */
} scroll_rs;

static size_t window_bytes(void)
{
    /* ATHENA_ODBC_SCROLL_WINDOW (bytes): for tests that need the spool file */
    const char *e = getenv("ATHENA_ODBC_SCROLL_WINDOW");
    if (e && *e) {
        char *end;
        unsigned long long v = strtoull(e, &end, 10);
        if (*end == '\0')
            return (size_t)v;
    }
    return DEFAULT_WINDOW;
}

static bool serialise(strbuf *out, const pd_cell *row, size_t n)
{
    sb_reset(out);
    for (size_t i = 0; i < n; i++) {
        uint32_t len = row[i].ptr ? (uint32_t)row[i].len : NULL_LEN;
        if (!sb_append(out, (const char *)&len, sizeof len))
            return false;
        if (row[i].ptr && !sb_append(out, row[i].ptr, row[i].len + 1))
            return false;
    }
    return true;
}

static int open_spool(scroll_rs *r, athena_error *err)
{
    const char *dir = getenv("TMPDIR");
    strbuf path = STRBUF_INIT;
    if (!sb_printf(&path, "%s/athenaodbc-scroll-XXXXXX", dir && *dir ? dir : "/tmp"))
        return ae_set(err, AE_NOMEM, 0, "out of memory");
    r->fd = mkstemp(path.data);
    int e = errno;
    if (r->fd >= 0)
        unlink(path.data); /* the file lives as long as the descriptor */
    sb_free(&path);
    if (r->fd < 0)
        return ae_set(err, AE_GENERAL, 0, "cannot create the scrollable cursor's temporary file: %s",
                      strerror(e));
    return 0;
}

static int write_all(int fd, const char *p, size_t n, uint64_t at, athena_error *err)
{
    while (n > 0) {
        ssize_t w = pwrite(fd, p, n, (off_t)at);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return ae_set(err, AE_GENERAL, 0, "cannot write the scrollable cursor's temporary file: %s",
                          w < 0 ? strerror(errno) : "no space");
        p += w;
        n -= (size_t)w;
        at += (uint64_t)w;
    }
    return 0;
}

/* Reads one more row from the inner source and stores it. 1 = stored,
 * 0 = the inner source is at its end, -1 = error. */
static int pull_row(scroll_rs *r, athena_error *err)
{
    const pd_cell *row;
    int got = r->inner->next_row(r->inner, &row, err);
    if (got <= 0) {
        if (got == 0)
            r->at_end = true;
        return got;
    }
    if (r->nrows + 2 > r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 1024;
        uint64_t *off = realloc(r->off, cap * sizeof *off);
        if (!off)
            return ae_set(err, AE_NOMEM, 0, "out of memory");
        r->off = off;
        r->cap = cap;
    }
    if (!serialise(&r->scratch, row, r->base.ncolumns))
        return ae_set(err, AE_NOMEM, 0, "out of memory");
    uint64_t start = r->off[r->nrows];
    if (!r->spilled && r->mem.len + r->scratch.len > r->window) {
        if (open_spool(r, err) < 0)
            return -1;
        r->spilled = true;
        r->first_file = r->nrows;
        start = 0;
        r->off[r->nrows] = 0;
    }
    if (r->spilled) {
        if (write_all(r->fd, r->scratch.data, r->scratch.len, start, err) < 0)
            return -1;
        r->file_len = start + r->scratch.len;
    } else if (!sb_append(&r->mem, r->scratch.data, r->scratch.len)) {
        return ae_set(err, AE_NOMEM, 0, "out of memory");
    }
    r->nrows++;
    r->off[r->nrows] = start + r->scratch.len;
    return 1;
}

static int decode(scroll_rs *r, const char *p)
{
    for (size_t i = 0; i < r->base.ncolumns; i++) {
        uint32_t len;
        memcpy(&len, p, sizeof len);
        p += sizeof len;
        if (len == NULL_LEN) {
            r->cells[i].ptr = NULL;
            r->cells[i].len = 0;
        } else {
            r->cells[i].ptr = p;
            r->cells[i].len = len;
            p += (size_t)len + 1;
        }
    }
    return 1;
}

int result_scroll_row(result_source *rs, size_t k, const pd_cell **row, athena_error *err)
{
    scroll_rs *r = (scroll_rs *)rs;
    while (k >= r->nrows) {
        if (r->at_end)
            return 0;
        int got = pull_row(r, err);
        if (got <= 0)
            return got;
    }
    *row = r->cells;
    if (!r->spilled || k < r->first_file)
        return decode(r, r->mem.data + r->off[k]);
    size_t n = (size_t)(r->off[k + 1] - r->off[k]);
    sb_reset(&r->scratch);
    if (!sb_reserve(&r->scratch, n))
        return ae_set(err, AE_NOMEM, 0, "out of memory");
    size_t done = 0;
    while (done < n) {
        ssize_t g = pread(r->fd, r->scratch.data + done, n - done, (off_t)(r->off[k] + done));
        if (g < 0 && errno == EINTR)
            continue;
        if (g <= 0)
            return ae_set(err, AE_GENERAL, 0, "cannot read the scrollable cursor's temporary file: %s",
                          g < 0 ? strerror(errno) : "short file");
        done += (size_t)g;
    }
    return decode(r, r->scratch.data);
}

long long result_scroll_count(result_source *rs, athena_error *err)
{
    scroll_rs *r = (scroll_rs *)rs;
    while (!r->at_end)
        if (pull_row(r, err) < 0)
            return -1;
    return (long long)r->nrows;
}

long long result_scroll_known_count(const result_source *rs)
{
    const scroll_rs *r = (const scroll_rs *)rs;
    return r->at_end ? (long long)r->nrows : -1;
}

static int scroll_next_row(result_source *self, const pd_cell **row, athena_error *err)
{
    scroll_rs *r = (scroll_rs *)self;
    int got = result_scroll_row(self, r->next, row, err);
    if (got == 1)
        r->next++;
    return got;
}

static void scroll_close(result_source *self)
{
    scroll_rs *r = (scroll_rs *)self;
    if (r->inner)
        r->inner->close(r->inner);
    if (r->fd >= 0)
        close(r->fd);
    sb_free(&r->mem);
    sb_free(&r->scratch);
    free(r->off);
    free(r->cells);
    free(r);
}

result_source *result_scroll_open(result_source *inner, athena_error *err)
{
    scroll_rs *r = calloc(1, sizeof *r);
    if (!r || !(r->cells = calloc(inner->ncolumns ? inner->ncolumns : 1, sizeof *r->cells)) ||
        !(r->off = calloc(1024, sizeof *r->off))) {
        if (r) {
            free(r->cells);
            free(r);
        }
        ae_set(err, AE_NOMEM, 0, "out of memory");
        return NULL;
    }
    r->cap = 1024;
    r->fd = -1;
    r->inner = inner;
    r->window = window_bytes();
    r->base.columns = inner->columns;
    r->base.ncolumns = inner->ncolumns;
    r->base.has_update_count = inner->has_update_count;
    r->base.update_count = inner->update_count;
    r->base.next_row = scroll_next_row;
    r->base.close = scroll_close;
    r->base.scrollable = true;
    return &r->base;
}

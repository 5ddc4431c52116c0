/* fuzz_csv_reader.c - libFuzzer target for the incremental CSV reader.
 *
 * Input: byte 0 picks the number of columns (1..8), byte 1 the block size
 * (1..256); the rest is the file. The file is read twice, in one block and
 * in blocks of that size; both reads must hand out the same rows, cell for
 * cell, and end the same way (clean, or an error after the same number of
 * records). Every cell must be NUL-terminated in place; a NULL has length 0.
 *
 * Build and run: tests/fuzz/run-fuzz.sh [seconds] */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"

#define MAXROWS 4096

typedef struct digest {
    size_t rows;
    int rc;                   /* 0 clean, -1 error */
    unsigned long long err_records;
    uint64_t hash[MAXROWS];   /* one hash per row */
} digest;

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ULL;
    return h;
}

static void read_file(const uint8_t *data, size_t size, size_t ncols, size_t block, digest *d)
{
    csv_reader *r = csv_reader_new(ncols);
    if (!r)
        abort();
    athena_error err;
    memset(d, 0, sizeof *d);
    size_t from = 0;
    for (;;) {
        size_t n = size - from < block ? size - from : block;
        if (csv_reader_feed(r, (const char *)data + from, n, &err) != 0)
            abort();
        from += n;
        const pd_cell *row;
        int got;
        while ((got = csv_reader_next(r, &row, &err)) == 1) {
            uint64_t h = 14695981039346656037ULL;
            for (size_t c = 0; c < ncols; c++) {
                if (row[c].ptr) {
                    if (row[c].ptr[row[c].len] != '\0')
                        abort();
                    h = mix(h, &row[c].len, sizeof row[c].len);
                    h = mix(h, row[c].ptr, row[c].len);
                } else {
                    if (row[c].len != 0)
                        abort();
                    h = mix(h, "N", 1);
                }
            }
            if (d->rows < MAXROWS)
                d->hash[d->rows] = h;
            d->rows++;
        }
        if (got < 0) {
            d->rc = -1;
            break;
        }
        if (from == size) {
            d->rc = csv_reader_finish(r, &err);
            break;
        }
    }
    d->err_records = csv_reader_records(r);
    csv_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t ncols = (size_t)(data[0] % 8) + 1;
    size_t block = (size_t)data[1] + 1;
    static digest a, b;
    read_file(data + 2, size - 2, ncols, size, &a);
    read_file(data + 2, size - 2, ncols, block, &b);
    if (a.rows != b.rows || a.rc != b.rc || a.err_records != b.err_records)
        abort();
    size_t n = a.rows < MAXROWS ? a.rows : MAXROWS;
    if (memcmp(a.hash, b.hash, n * sizeof a.hash[0]) != 0)
        abort();
    return 0;
}

/* bench_page_decode.c - how fast one GetQueryResults page is decoded.
 *
 * Builds a page like AWS sends (compact JSON, 1,000 rows x 10 columns:
 * integers, names, timestamps, doubles, decimals, booleans, dates, some
 * NULLs, an occasional escape, ColumnInfo and a NextToken), checks that
 * page_decode and Jansson read the same cells, then decodes it repeatedly
 * with each and prints CPU per cell and throughput.
 *
 * Usage: bench_page_decode [seconds per decoder, default 1] */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "page_decode.h"
#include "strbuf.h"

#define ROWS 1000
#define COLS 10

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void datum(strbuf *sb, const char *v, bool first)
{
    if (!first)
        sb_appendc(sb, ',');
    if (!v) {
        sb_appends(sb, "{}");
        return;
    }
    sb_appends(sb, "{\"VarCharValue\":\"");
    sb_appends(sb, v);
    sb_appends(sb, "\"}");
}

static void build_page(strbuf *sb)
{
    static const char *names[] = {"alice", "bob", "carol", "dave", "eve", "mallory", "trent", "peggy"};
    static const char *cols[COLS][2] = {
        {"id", "bigint"}, {"name", "varchar"}, {"created", "timestamp"}, {"score", "double"},
        {"price", "decimal"}, {"active", "boolean"}, {"day", "date"}, {"city", "varchar"},
        {"qty", "integer"}, {"note", "varchar"}};
    char v[64];
    unsigned seed = 12345;
    sb_appends(sb, "{\"UpdateCount\":0,\"ResultSet\":{\"Rows\":[{\"Data\":[");
    for (int c = 0; c < COLS; c++)
        datum(sb, cols[c][0], c == 0);
    sb_appends(sb, "]}");
    for (int r = 1; r < ROWS; r++) {
        sb_appends(sb, ",{\"Data\":[");
        seed = seed * 1103515245u + 12345u;
        sprintf(v, "%d", 100000 + r);
        datum(sb, v, true);
        datum(sb, names[seed % 8], false);
        sprintf(v, "2023-04-%02d %02d:%02d:%02d.%03d", 1 + r % 28, r % 24, r % 60, (r * 7) % 60, r % 1000);
        datum(sb, v, false);
        sprintf(v, "%d.%d", r % 977, r % 10);
        datum(sb, v, false);
        sprintf(v, "%d.%02d", r * 3, r % 100);
        datum(sb, v, false);
        datum(sb, (seed >> 8) & 1 ? "true" : "false", false);
        sprintf(v, "2017-%02d-%02d", 1 + r % 12, 1 + r % 28);
        datum(sb, v, false);
        datum(sb, r % 7 == 0 ? NULL : "Seattle", false);
        sprintf(v, "%d", r % 50);
        datum(sb, v, false);
        datum(sb, r % 50 == 0 ? "say \\\"hi\\\" \\u00e9" : r % 3 ? "ok" : "", false);
        sb_appends(sb, "]}");
    }
    sb_appends(sb, "],\"ResultSetMetadata\":{\"ColumnInfo\":[");
    for (int c = 0; c < COLS; c++)
        sb_printf(sb,
                  "%s{\"CatalogName\":\"hive\",\"SchemaName\":\"\",\"TableName\":\"\",\"Name\":\"%s\","
                  "\"Label\":\"%s\",\"Type\":\"%s\",\"Precision\":%d,\"Scale\":%d,\"Nullable\":\"UNKNOWN\","
                  "\"CaseSensitive\":%s}",
                  c ? "," : "", cols[c][0], cols[c][0], cols[c][1],
                  !strcmp(cols[c][1], "varchar") ? 2147483647 : 19, !strcmp(cols[c][1], "decimal") ? 2 : 0,
                  !strcmp(cols[c][1], "varchar") ? "true" : "false");
    sb_appends(sb, "]}},\"NextToken\":\"AU2E5Ed7JIZHcVeHHzbjPmYaDUeo7hHyvWkBpgI3xYyrg0Oq1SJQNyvnHzvz8lg7kTMgzG"
                   "7qPdBMCRKJxLKAaC2FbG0ZdHoyOA==\"}");
}

/* Walks the Jansson DOM the way a DOM-based pager would. */
static size_t walk_jansson(json_t *root, const char **cells, size_t *lens)
{
    json_t *rows = json_object_get(json_object_get(root, "ResultSet"), "Rows");
    size_t n = 0;
    for (size_t r = 0; r < json_array_size(rows); r++) {
        json_t *data = json_object_get(json_array_get(rows, r), "Data");
        for (size_t c = 0; c < json_array_size(data); c++) {
            json_t *v = json_object_get(json_array_get(data, c), "VarCharValue");
            if (cells) {
                cells[n] = v ? json_string_value(v) : NULL;
                lens[n] = v ? json_string_length(v) : 0;
            } else if (v) {
                lens[0] += json_string_length(v);
            }
            n++;
        }
    }
    return n;
}

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 1.0;
    if (seconds <= 0)
        seconds = 1.0;
    strbuf page = STRBUF_INIT;
    build_page(&page);
    size_t len = page.len;
    char *work = malloc(len);
    pd_page pg;
    athena_error err;
    pd_page_init(&pg);

    /* both decoders must see the same cells */
    memcpy(work, page.data, len);
    if (page_decode(work, len, &pg, true, &err) != 0) {
        fprintf(stderr, "page_decode failed: %s\n", err.message);
        return 1;
    }
    json_error_t jerr;
    json_t *root = json_loadb(page.data, len, 0, &jerr);
    if (!root) {
        fprintf(stderr, "jansson failed: %s\n", jerr.text);
        return 1;
    }
    const char **jc = calloc(ROWS * COLS, sizeof *jc);
    size_t *jl = calloc(ROWS * COLS, sizeof *jl);
    size_t ncells = walk_jansson(root, jc, jl);
    if (ncells != ROWS * COLS || pg.nrows != ROWS || pg.ncols != COLS || pg.ncolumns != COLS) {
        fprintf(stderr, "shape mismatch: jansson %zu cells, page_decode %zu x %zu\n", ncells, pg.nrows, pg.ncols);
        return 1;
    }
    for (size_t i = 0; i < ncells; i++) {
        const pd_cell *c = pd_cell_at(&pg, i / COLS, i % COLS);
        if ((c->ptr == NULL) != (jc[i] == NULL) || c->len != jl[i] || (c->ptr && memcmp(c->ptr, jc[i], c->len))) {
            fprintf(stderr, "cell %zu differs\n", i);
            return 1;
        }
    }
    json_decref(root);
    free(jc);
    free(jl);

    /* the copy each decode needs (decoding is in place) */
    long iters = 0;
    double t0 = now_s(), t1;
    do {
        memcpy(work, page.data, len);
        iters++;
        t1 = now_s();
    } while (t1 - t0 < seconds / 4);
    double copy_ns = (t1 - t0) / (double)iters * 1e9;

    /* page_decode, steady state (later pages: no ColumnInfo wanted) */
    size_t sink = 0;
    iters = 0;
    t0 = now_s();
    do {
        memcpy(work, page.data, len);
        page_decode(work, len, &pg, false, &err);
        sink += pg.nrows + pd_cell_at(&pg, pg.nrows - 1, 0)->len;
        iters++;
        t1 = now_s();
    } while (t1 - t0 < seconds);
    double pd_ns = (t1 - t0) / (double)iters * 1e9 - copy_ns;
    long pd_iters = iters;

    /* page_decode of a first page (ColumnInfo too) */
    iters = 0;
    t0 = now_s();
    do {
        memcpy(work, page.data, len);
        page_decode(work, len, &pg, true, &err);
        sink += pg.ncolumns;
        iters++;
        t1 = now_s();
    } while (t1 - t0 < seconds / 2);
    double pd1_ns = (t1 - t0) / (double)iters * 1e9 - copy_ns;

    /* Jansson: json_loadb + walking Rows/Data */
    iters = 0;
    t0 = now_s();
    do {
        json_t *j = json_loadb(page.data, len, 0, &jerr);
        size_t total = 0;
        walk_jansson(j, NULL, &total);
        sink += total;
        json_decref(j);
        iters++;
        t1 = now_s();
    } while (t1 - t0 < seconds);
    double js_ns = (t1 - t0) / (double)iters * 1e9;
    long js_iters = iters;

    double cells = ROWS * COLS;
    printf("page: %zu bytes, %d rows x %d columns (%.0f cells)\n", len, ROWS, COLS, cells);
    printf("memcpy of the page (excluded below): %.1f us\n", copy_ns / 1e3);
    printf("page_decode            : %8.1f us/page  %6.1f ns/cell  %7.0f MB/s  (%ld runs)\n", pd_ns / 1e3,
           pd_ns / cells, (double)len / (pd_ns / 1e9) / 1e6, pd_iters);
    printf("page_decode + columns  : %8.1f us/page  %6.1f ns/cell  %7.0f MB/s\n", pd1_ns / 1e3, pd1_ns / cells,
           (double)len / (pd1_ns / 1e9) / 1e6);
    printf("jansson load + walk    : %8.1f us/page  %6.1f ns/cell  %7.0f MB/s  (%ld runs)\n", js_ns / 1e3,
           js_ns / cells, (double)len / (js_ns / 1e9) / 1e6, js_iters);
    printf("page_decode is %.1fx faster than jansson (checksum %zu)\n", js_ns / pd_ns, sink % 1000);
    pd_page_free(&pg);
    free(work);
    sb_free(&page);
    return 0;
}

/* test_csv_reader.c - Athena's result CSV read incrementally: the same rows
 * whatever the block boundaries, and a clear error for malformed input. */
#include "harness.h"

#include "csv_reader.h"

/* Three columns; every case Athena's writer produces: quotes, commas, line
 * ends (LF and CRLF) inside values, empty string vs NULL, multi-byte UTF-8
 * (2, 3 and 4 bytes), a value that is only a quote, a NULL row. */
static const char nasty[] =
    "\"id\",\"text\",\"note\"\n"
    "\"1\",\"plain\",\"\"\n"
    "\"2\",,\"null in the middle\"\n"
    "\"3\",\"a,b\",\"say \"\"hi\"\"\"\n"
    "\"4\",\"line1\nline2\",\"crlf\r\nend\"\n"
    "\"5\",\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\",\"\"\"\"\n"
    ",,\n"
    "\"7\",\"\"\"\"\"\",\"\n\"\n"
    "\"8\",\",\",\"\"\"a\"\",\"\"b\"\"\"\n";

static const char *const want[][3] = {
    {"id", "text", "note"},
    {"1", "plain", ""},
    {"2", NULL, "null in the middle"},
    {"3", "a,b", "say \"hi\""},
    {"4", "line1\nline2", "crlf\r\nend"},
    {"5", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", "\""},
    {NULL, NULL, NULL},
    {"7", "\"\"", "\n"},
    {"8", ",", "\"a\",\"b\""},
};
#define NWANT (sizeof want / sizeof want[0])

/* Feeds the sample in the pieces cut at cuts[0..ncuts) and compares every
 * row with want; returns the number of mismatches (0 = all equal). */
static int read_split(const char *data, size_t len, const size_t *cuts, size_t ncuts, char *why, size_t whylen)
{
    csv_reader *r = csv_reader_new(3);
    athena_error err;
    ae_clear(&err);
    size_t row = 0, from = 0;
    int bad = 0;
    for (size_t k = 0; k <= ncuts && !bad; k++) {
        size_t to = k < ncuts ? cuts[k] : len;
        if (csv_reader_feed(r, data + from, to - from, &err) != 0) {
            snprintf(why, whylen, "feed failed: %s", err.message);
            bad = 1;
            break;
        }
        from = to;
        const pd_cell *cells;
        int got;
        while ((got = csv_reader_next(r, &cells, &err)) == 1) {
            if (row >= NWANT) {
                snprintf(why, whylen, "extra row %zu", row);
                bad = 1;
                break;
            }
            for (size_t c = 0; c < 3; c++) {
                const char *w = want[row][c];
                const pd_cell *x = &cells[c];
                bool same = w ? (x->ptr && x->len == strlen(w) && memcmp(x->ptr, w, x->len) == 0 && x->ptr[x->len] == '\0')
                              : x->ptr == NULL && x->len == 0;
                if (!same) {
                    snprintf(why, whylen, "row %zu cell %zu differs", row, c);
                    bad = 1;
                }
            }
            row++;
        }
        if (got < 0) {
            snprintf(why, whylen, "error: %s", err.message);
            bad = 1;
        }
    }
    if (!bad && csv_reader_finish(r, &err) != 0) {
        snprintf(why, whylen, "finish: %s", err.message);
        bad = 1;
    }
    if (!bad && row != NWANT) {
        snprintf(why, whylen, "%zu rows, want %zu", row, (size_t)NWANT);
        bad = 1;
    }
    if (!bad && csv_reader_records(r) != NWANT) {
        snprintf(why, whylen, "records() = %llu", csv_reader_records(r));
        bad = 1;
    }
    csv_reader_free(r);
    return bad;
}

static void test_splits(void)
{
    size_t len = sizeof nasty - 1;
    char why[1200] = "";
    CHECK(read_split(nasty, len, NULL, 0, why, sizeof why) == 0, "whole sample in one block: %s", why);
    /* every single split position */
    int fails = 0;
    char first[1200] = "";
    for (size_t i = 0; i <= len; i++) {
        size_t cut = i;
        if (read_split(nasty, len, &cut, 1, why, sizeof why) != 0 && fails++ == 0)
            snprintf(first, sizeof first, "at %zu: %s", i, why);
    }
    CHECK(fails == 0, "every one of the %zu split positions gives the same rows (%d failed) %s", len + 1, fails, first);
    /* every pair of split positions: boundaries inside quotes, inside the
     * 4-byte character, between CR and LF, on both sides of a doubled quote */
    fails = 0;
    for (size_t i = 0; i <= len; i++)
        for (size_t j = i; j <= len; j++) {
            size_t cuts[2] = {i, j};
            if (read_split(nasty, len, cuts, 2, why, sizeof why) != 0 && fails++ == 0)
                snprintf(first, sizeof first, "at %zu,%zu: %s", i, j, why);
        }
    CHECK(fails == 0, "every pair of split positions gives the same rows (%d failed) %s", fails, first);
    /* one byte at a time */
    size_t *cuts = malloc(len * sizeof *cuts);
    for (size_t i = 0; i < len; i++)
        cuts[i] = i + 1;
    CHECK(read_split(nasty, len, cuts, len, why, sizeof why) == 0, "one byte per block: %s", why);
    free(cuts);
}

/* Reads all of data (one block) with ncols columns; returns the result of
 * the first failing call, or 0, and the message. */
static int read_all(const char *data, size_t ncols, unsigned long long *rows, athena_error *err)
{
    csv_reader *r = csv_reader_new(ncols);
    ae_clear(err);
    int rc = csv_reader_feed(r, data, strlen(data), err);
    const pd_cell *cells;
    int got = 0;
    while (rc == 0 && (got = csv_reader_next(r, &cells, err)) == 1)
        ;
    if (rc == 0 && got < 0)
        rc = -1;
    if (rc == 0)
        rc = csv_reader_finish(r, err);
    *rows = csv_reader_records(r);
    csv_reader_free(r);
    return rc;
}

static void bad(const char *data, size_t ncols, unsigned long long rows_before, const char *msg, const char *what)
{
    athena_error err;
    unsigned long long rows = 0;
    CHECK_INT(read_all(data, ncols, &rows, &err), -1, what);
    CHECK_INT(err.code, AE_BAD_RESPONSE, "AE_BAD_RESPONSE");
    CHECK_INT(rows, rows_before, "no row handed out from the bad record on");
    CHECK_STR(err.message, msg, "message");
}

static void test_malformed(void)
{
    bad("\"a\",\"b\"\n\"1\",\"x\n", 2, 1,
        "The result file is not valid Athena CSV: the file ends inside a quoted value in record 2 (byte 15)",
        "file ends inside a quoted value");
    bad("\"a\"\n\"1\"", 1, 1,
        "The result file is not valid Athena CSV: the file ends without a line end in record 2 (byte 7)",
        "file ends without LF");
    bad("\"a\",\"b\"\n\"1\"x,\"y\"\n", 2, 1,
        "The result file is not valid Athena CSV: a quote inside a value that is not doubled in record 2 (byte 11)",
        "stray quote");
    bad("\"a\"\n\"1\"x\"\n\"2\"\n", 1, 1,
        "The result file is not valid Athena CSV: the file ends inside a quoted value in record 2 (byte 14)",
        "stray quote that opens a value to the end of the file");
    bad("\"a\",\"b\"\n\"1\",\"x\xff\"\n", 2, 1,
        "The result file is not valid Athena CSV: invalid UTF-8 in a value in record 2 (byte 13)", "invalid UTF-8");
    bad("\"a\"\n\"\"\"\xc3\"\n", 1, 1,
        "The result file is not valid Athena CSV: invalid UTF-8 in a value in record 2 (byte 5)",
        "a cut sequence after a doubled quote");
    bad("\"a\",\"b\"\n1,\"y\"\n", 2, 1,
        "The result file is not valid Athena CSV: a value that is not quoted in record 2 (byte 8)", "unquoted value");
    bad("\"a\",\"b\"\n\"1\",\"2\",\"3\"\n", 2, 1,
        "The result file is not valid Athena CSV: more fields than columns in record 2 (byte 16)", "too many fields");
    bad("\"a\",\"b\"\n\"1\"\n", 2, 1,
        "The result file is not valid Athena CSV: fewer fields than columns in record 2 (byte 11)", "too few fields");
    bad("\"a\",\"b\"\n,,\n", 2, 1,
        "The result file is not valid Athena CSV: more fields than columns in record 2 (byte 10)",
        "three NULLs for two columns");

    /* after an error the reader stays failed */
    csv_reader *r = csv_reader_new(1);
    athena_error err;
    ae_clear(&err);
    const pd_cell *cells;
    csv_reader_feed(r, "x\n\"ok\"\n", 7, &err);
    CHECK_INT(csv_reader_next(r, &cells, &err), -1, "bad first record");
    CHECK_INT(csv_reader_next(r, &cells, &err), -1, "the next call fails too, no row after the bad one");
    CHECK_INT(csv_reader_finish(r, &err), -1, "finish fails too");
    csv_reader_free(r);
}

static void test_edges(void)
{
    athena_error err;
    unsigned long long rows;
    CHECK_INT(read_all("", 2, &rows, &err), 0, "empty file");
    CHECK_INT(rows, 0, "no records");
    CHECK_INT(read_all("\n\n\"\"\n", 1, &rows, &err), 0, "one column: empty lines are NULL rows");
    CHECK_INT(rows, 3, "three records");
    CHECK(csv_reader_new(0) == NULL, "zero columns refused");

    /* cells are NUL-terminated in place, NULL vs empty kept apart */
    csv_reader *r = csv_reader_new(2);
    ae_clear(&err);
    const pd_cell *c;
    csv_reader_feed(r, "\"\",\n", 4, &err);
    CHECK_INT(csv_reader_next(r, &c, &err), 1, "a row");
    CHECK(c[0].ptr != NULL && c[0].len == 0 && c[0].ptr[0] == '\0', "\"\" is the empty string");
    CHECK(c[1].ptr == NULL && c[1].len == 0, "nothing is NULL");
    CHECK_INT(csv_reader_next(r, &c, &err), 0, "needs more input");
    /* a large record arriving in many small blocks */
    csv_reader_feed(r, "\"", 1, &err);
    int got = 0;
    for (int i = 0; i < 100000; i++) {
        csv_reader_feed(r, "ab\"\"", 4, &err);
        got |= csv_reader_next(r, &c, &err);
    }
    CHECK_INT(got, 0, "no row while the quoted value is open");
    csv_reader_feed(r, "\",\"z\"\n", 6, &err);
    CHECK_INT(csv_reader_next(r, &c, &err), 1, "the long record");
    CHECK_INT(c[0].len, 300000, "its value unescaped: 100000 x ab\"");
    CHECK(memcmp(c[0].ptr, "ab\"ab\"", 6) == 0 && memcmp(c[0].ptr + 299997, "ab\"", 3) == 0, "its text");
    CHECK_STR(c[1].ptr, "z", "the next cell");
    CHECK_INT(csv_reader_finish(r, &err), 0, "clean end");
    csv_reader_free(r);
}

/* While the reader holds its rows, the cells of every record handed out
 * stay valid across feeds, including feeds that need more room than the
 * buffer has (the unfinished record moves, the records handed out stay);
 * the next hold releases them. */
static void test_hold(void)
{
    enum { N = 3000 };
    athena_error err;
    ae_clear(&err);
    csv_reader *r = csv_reader_new(2);
    csv_reader_hold(r, true);
    pd_cell kept[N][2];
    int got = 0, fed = 0;
    char line[64];
    while (got < N) {
        /* one record in two feeds, cut inside the quoted value */
        int n = snprintf(line, sizeof line, "\"%d\",\"value %d, held\"\n", fed, fed);
        fed++;
        csv_reader_feed(r, line, 7, &err);
        csv_reader_feed(r, line + 7, (size_t)n - 7, &err);
        const pd_cell *c;
        while (got < N && csv_reader_next(r, &c, &err) == 1) {
            kept[got][0] = c[0];
            kept[got][1] = c[1];
            got++;
        }
    }
    int bad = 0;
    for (int i = 0; i < N; i++) {
        char a[16], b[32];
        snprintf(a, sizeof a, "%d", i);
        snprintf(b, sizeof b, "value %d, held", i);
        if (!kept[i][0].ptr || strcmp(kept[i][0].ptr, a) != 0 || kept[i][0].len != strlen(a) ||
            !kept[i][1].ptr || strcmp(kept[i][1].ptr, b) != 0 || kept[i][1].len != strlen(b))
            bad++;
    }
    CHECK_INT(got, N, "records read while holding");
    CHECK_INT(bad, 0, "held records whose cells changed (about 90 KB: the buffer moved several times)");
    /* released: the reader goes back to reusing its buffer */
    csv_reader_hold(r, false);
    csv_reader_feed(r, "\"x\",\"y\"\n", 8, &err);
    const pd_cell *c;
    CHECK_INT(csv_reader_next(r, &c, &err), 1, "a record after the hold");
    CHECK_STR(c[1].ptr, "y", "its value");
    CHECK_INT(csv_reader_finish(r, &err), 0, "clean end after a hold");
    csv_reader_free(r);
}

int main(void)
{
    test_splits();
    test_malformed();
    test_edges();
    test_hold();
    return th_done();
}

/* fuzz_page_decode.c - libFuzzer target for the page decoder.
 *
 * Each input is decoded from an exactly-sized heap copy (so AddressSanitizer
 * sees any overread), with and without ColumnInfo; every cell handed out
 * must lie inside the buffer and be NUL-terminated, and every decoded
 * cell is then pushed through a few conversions.
 *
 * Build and run: tests/fuzz/run-fuzz.sh [seconds] */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "page_decode.h"

static void check_cell(const char *buf, size_t size, const pd_cell *c)
{
    if (!c->ptr) {
        if (c->len != 0)
            abort();
        return;
    }
    if (c->ptr < buf || c->ptr + c->len >= buf + size || c->ptr[c->len] != '\0')
        abort();
}

static void convert_some(const athena_column *col, const pd_cell *c)
{
    static const SQLSMALLINT cts[] = {SQL_C_CHAR, SQL_C_WCHAR, SQL_C_SLONG, SQL_C_DOUBLE, SQL_C_NUMERIC,
                                      SQL_C_TYPE_TIMESTAMP, SQL_C_BINARY, SQL_C_INTERVAL_DAY_TO_SECOND};
    unsigned char out[64];
    SQLLEN len;
    for (size_t i = 0; i < sizeof cts / sizeof cts[0]; i++) {
        cv_target t;
        memset(&t, 0, sizeof t);
        t.ctype = cts[i];
        t.ptr = out;
        t.buflen = 7;
        t.octet_len = &len;
        t.ind = &len;
        convert_value(col, c->ptr, c->len, &t, NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static athena_column col;
    static bool init;
    if (!init) {
        strcpy(col.type_name, "varchar");
        type_describe(&col, NULL);
        init = true;
    }
    for (int pass = 0; pass < 2; pass++) {
        char *buf = malloc(size ? size : 1);
        memcpy(buf, data, size);
        pd_page pg;
        athena_error err;
        pd_page_init(&pg);
        if (page_decode(buf, size, &pg, pass == 1, &err) == 0) {
            if (pg.nrows && pg.row_width == 0)
                abort();
            for (size_t r = 0; r < pg.nrows; r++)
                for (size_t c = 0; c < pg.row_width; c++) {
                    const pd_cell *cell = pd_cell_at(&pg, r, c);
                    check_cell(buf, size, cell);
                    if (r < 4)
                        convert_some(&col, cell);
                }
            if (pg.next_token && (pg.next_token < buf || pg.next_token >= buf + size))
                abort();
            for (size_t i = 0; i < pg.ncolumns; i++) {
                athena_column c = pg.columns[i];
                type_describe(&c, NULL);
            }
        } else if (err.code != AE_BAD_RESPONSE && err.code != AE_NOMEM) {
            abort();
        } else if (pg.nrows != 0) {
            abort();
        }
        pd_page_free(&pg);
        free(buf);
    }
    return 0;
}

/* fuzz_sql_escape.c - libFuzzer target for the escape-sequence translator.
 *
 * Input: SQL text. sql_translate must not crash, must leave its output
 * buffer as it was when it refuses (and say why), and text without a brace
 * must come out byte for byte.
 *
 * Build and run: tests/fuzz/run-fuzz.sh [seconds] */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sql_escape.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    strbuf out = STRBUF_INIT;
    sb_appends(&out, "prefix:");
    athena_error err;
    ae_clear(&err);
    int rc = sql_translate((const char *)data, size, &out, &err);
    if (rc != 0) {
        if (out.len != 7 || memcmp(sb_str(&out), "prefix:", 7) != 0 || !err.message[0])
            abort();
    } else if (!memchr(data, '{', size) && !out.oom) {
        if (out.len != 7 + size || memcmp(sb_str(&out) + 7, data, size) != 0)
            abort();
    }
    sb_free(&out);
    return 0;
}

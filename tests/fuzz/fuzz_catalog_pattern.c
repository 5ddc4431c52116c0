/* fuzz_catalog_pattern.c - libFuzzer target for the catalog functions'
 * argument handling (catalog_pattern.c).
 *
 * Input: byte 0 flags (bit 0: SQL_ATTR_METADATA_ID, bit 1: an ordinary
 * argument), then the argument and a name separated by the first newline.
 * Properties: nothing crashes or hangs; "%" matches every name; every name
 * matches itself with %, _ and the escape escaped; the Expression pushdown
 * fits its buffer and is NUL-terminated.
 *
 * Build and run: tests/fuzz/run-fuzz.sh [seconds] */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_pattern.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t flags = data[0];
    char *buf = malloc(size);
    if (!buf)
        return 0;
    memcpy(buf, data + 1, size - 1);
    buf[size - 1] = '\0';
    char *name = strchr(buf, '\n');
    if (name)
        *name++ = '\0';
    else
        name = buf;

    cat_pattern_match(buf, name);
    if (!cat_pattern_match("%", name))
        abort();
    size_t n = strlen(name);
    char *esc = malloc(2 * n + 1);
    if (esc) {
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
            if (name[i] == '%' || name[i] == '_' || name[i] == CAT_ESCAPE)
                esc[o++] = CAT_ESCAPE;
            esc[o++] = name[i];
        }
        esc[o] = '\0';
        if (!cat_pattern_match(esc, name))
            abort();
        free(esc);
    }

    cat_arg a;
    if (cat_arg_init(&a, buf, (flags & 2) ? CAT_ORDINARY : CAT_PATTERN, (flags & 1) != 0) == 0) {
        cat_arg_matches(&a, name);
        char expr[64];
        memset(expr, 'x', sizeof expr);
        if (cat_arg_expression(&a, expr, sizeof expr) && !memchr(expr, '\0', sizeof expr))
            abort();
        cat_arg_free(&a);
    }
    free(buf);
    return 0;
}

/* fuzz_connstr.c - libFuzzer target for the connection-string parser.
 *
 * Input: the connection string. Whatever parses must survive a round trip:
 * written back with connstr_append (which quotes with braces when needed)
 * and parsed again, it gives the same keys and values in the same order.
 *
 * Build and run: tests/fuzz/run-fuzz.sh [seconds] */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "connstr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    connstr cs = {0};
    strbuf err = STRBUF_INIT;
    if (connstr_parse((const char *)data, size, &cs, &err) != 0) {
        if (err.len == 0)
            abort(); /* a refusal always says why */
        sb_free(&err);
        return 0;
    }
    for (size_t i = 0; i < cs.count; i++)
        if (connstr_get(&cs, cs.pairs[i].key) == NULL)
            abort(); /* every parsed key can be looked up */
    strbuf out = STRBUF_INIT;
    for (size_t i = 0; i < cs.count; i++)
        connstr_append(&out, cs.pairs[i].key, cs.pairs[i].value);
    connstr again = {0};
    strbuf err2 = STRBUF_INIT;
    if (!out.oom) {
        if (connstr_parse(sb_str(&out), out.len, &again, &err2) != 0 || again.count != cs.count)
            abort();
        for (size_t i = 0; i < cs.count; i++)
            if (strcmp(again.pairs[i].key, cs.pairs[i].key) || strcmp(again.pairs[i].value, cs.pairs[i].value))
                abort();
    }
    connstr_free(&again);
    connstr_free(&cs);
    sb_free(&out);
    sb_free(&err);
    sb_free(&err2);
    return 0;
}

/* fuzz_param_scan.c - libFuzzer target for the parameter marker scanner and
 * the character literals.
 *
 * Input: the SQL text. Checks: the scanner's markers are '?' bytes, in
 * order, and as many as param_count_markers counts; and the input, used as
 * a character value, becomes a literal in which the scanner finds no marker
 * and after which a marker is still found (the literal is closed).
 *
 * Build and run: tests/fuzz/run-fuzz.sh [seconds] */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "param_literal.h"
#include "param_scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *sql = (const char *)data;
    param_scan_result r;
    if (param_scan(sql, size, &r) != 0)
        return 0;
    if (r.count != param_count_markers(sql, size))
        abort();
    for (size_t i = 0; i < r.count; i++)
        if (r.markers[i].pos >= size || sql[r.markers[i].pos] != '?' ||
            (i > 0 && r.markers[i].pos <= r.markers[i - 1].pos))
            abort();
    param_scan_free(&r);

    strbuf sb = STRBUF_INIT;
    param_value v = {SQL_C_CHAR, data, size, false, 0};
    param_target t = {SQL_VARCHAR, 0, 0, 0, 0};
    param_error err;
    if (param_literal(&v, &t, &sb, &err) == 0) {
        if (param_count_markers(sb_str(&sb), sb.len) != 0)
            abort();
        sb_appends(&sb, " ?");
        if (param_count_markers(sb_str(&sb), sb.len) != 1)
            abort();
    }
    /* the same bytes as interval text of every interval type */
    for (SQLSMALLINT it = SQL_INTERVAL_YEAR; it <= SQL_INTERVAL_MINUTE_TO_SECOND; it++) {
        param_target ti = {it, 0, 3, 0, 0};
        sb_reset(&sb);
        if (param_literal(&v, &ti, &sb, &err) == 0 && param_count_markers(sb_str(&sb), sb.len) != 0)
            abort();
    }
    sb_free(&sb);
    return 0;
}

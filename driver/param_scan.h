/* param_scan.h - finds the parameter markers ('?') of a statement: a '?'
 * inside a string literal, a quoted identifier ("..." or `...`) or a comment
 * (-- to the end of the line, slash-star to star-slash) is not a marker. */
#ifndef ATHENA_PARAM_SCAN_H
#define ATHENA_PARAM_SCAN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct param_marker {
    size_t pos;       /* byte offset of the '?' */
    bool in_where;    /* inside a WHERE clause (at its depth or an outer one) */
} param_marker;

typedef struct param_scan_result {
    param_marker *markers;  /* count entries (NULL when count is 0) */
    size_t count;
    char first_word[16];    /* the statement's first keyword, upper case ("SELECT", "WITH", ...; "" if none) */
    char second_word[16];   /* the next word, whatever is between them ("ANALYZE" of EXPLAIN ANALYZE) */
} param_scan_result;

/* Scans len bytes of sql. 0, or -1 when out of memory. */
int param_scan(const char *sql, size_t len, param_scan_result *out);
/* Counts the markers without allocating. */
size_t param_count_markers(const char *sql, size_t len);
void param_scan_free(param_scan_result *r);

#endif

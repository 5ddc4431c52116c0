/* param_scan.c - the parameter marker scanner (see param_scan.h). One pass
 * over the text; quoting follows Athena's SQL: '...' strings and "..." or
 * `...` identifiers end at the first unpaired closing quote (a doubled quote
 * stands for one), comments do not nest, and an unterminated string, quoted
 * identifier or comment runs to the end of the text. */
#include "param_scan.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64

typedef enum { CL_OTHER, CL_WHERE } clause;

/* Keywords that end a WHERE clause at their depth. */
static bool ends_where(const char *w)
{
    static const char *const words[] = {"SELECT", "FROM", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET",
                                        "FETCH", "WINDOW", "UNION", "INTERSECT", "EXCEPT", "VALUES",
                                        "ON", "JOIN", "SET", "USING", "WITH"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(w, words[i]) == 0)
            return true;
    return false;
}

static size_t skip_quoted(const char *s, size_t len, size_t i)
{
    char q = s[i++];
    while (i < len) {
        if (s[i] == q) {
            if (i + 1 < len && s[i + 1] == q) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i++;
    }
    return len;
}

/* The number of markers; SIZE_MAX when out of memory. */
static size_t scan(const char *sql, size_t len, param_scan_result *out)
{
    size_t cap = 0;
    clause stack[MAX_DEPTH];
    int depth = 0;
    stack[0] = CL_OTHER;
    if (out) {
        out->markers = NULL;
        out->count = 0;
        out->first_word[0] = '\0';
        out->second_word[0] = '\0';
    }
    size_t count = 0, words = 0;
    bool seen_word = false;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)sql[i];
        if (c == '\'' || c == '"' || c == '`') {
            i = skip_quoted(sql, len, i);
            seen_word = true;
        } else if (c == '-' && i + 1 < len && sql[i + 1] == '-') {
            const char *nl = memchr(sql + i, '\n', len - i);
            i = nl ? (size_t)(nl - sql) + 1 : len;
        } else if (c == '/' && i + 1 < len && sql[i + 1] == '*') {
            size_t j = i + 2;
            while (j + 1 < len && !(sql[j] == '*' && sql[j + 1] == '/'))
                j++;
            i = j + 1 < len ? j + 2 : len;
        } else if (c == '?') {
            if (out) {
                if (count == cap) {
                    size_t ncap = cap ? cap * 2 : 8;
                    param_marker *m = realloc(out->markers, ncap * sizeof *m);
                    if (!m)
                        return SIZE_MAX;
                    out->markers = m;
                    cap = ncap;
                }
                bool w = false;
                for (int d = 0; d <= depth; d++)
                    w = w || stack[d] == CL_WHERE;
                out->markers[count].pos = i;
                out->markers[count].in_where = w;
            }
            count++;
            i++;
        } else if (c == '(') {
            if (depth + 1 < MAX_DEPTH) {
                depth++;
                stack[depth] = CL_OTHER;
            }
            i++;
        } else if (c == ')') {
            if (depth > 0)
                depth--;
            i++;
        } else if (isalpha(c) || c == '_') {
            size_t j = i;
            char w[16];
            size_t n = 0;
            while (j < len && (isalnum((unsigned char)sql[j]) || sql[j] == '_')) {
                if (n < sizeof w - 1)
                    w[n++] = (char)toupper((unsigned char)sql[j]);
                j++;
            }
            w[n] = '\0';
            if (j - i >= sizeof w) /* longer than any keyword */
                w[0] = '\0';
            if (out && !seen_word)
                memcpy(out->first_word, w, n + 1);
            else if (out && ++words == 1)
                memcpy(out->second_word, w, n + 1);
            seen_word = true;
            if (strcmp(w, "WHERE") == 0)
                stack[depth] = CL_WHERE;
            else if (ends_where(w))
                stack[depth] = CL_OTHER;
            i = j;
        } else {
            if (!isspace(c) && c != ';')
                seen_word = true;
            i++;
        }
    }
    if (out)
        out->count = count;
    return count;
}

int param_scan(const char *sql, size_t len, param_scan_result *out)
{
    return scan(sql, len, out) == SIZE_MAX ? -1 : 0;
}

size_t param_count_markers(const char *sql, size_t len)
{
    return scan(sql, len, NULL);
}

void param_scan_free(param_scan_result *r)
{
    free(r->markers);
    r->markers = NULL;
    r->count = 0;
}

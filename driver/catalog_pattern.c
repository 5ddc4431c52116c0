/* catalog_pattern.c - ODBC search patterns and identifiers for the catalog
 * functions, and their pushdown to ListTableMetadata's Expression. */
#include "catalog_pattern.h"

#include <stdlib.h>
#include <string.h>

static unsigned char fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c; }

/* Length of the UTF-8 character starting at s (1 for a stray byte). */
static size_t char_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

static bool has_wildcard(const char *p)
{
    for (; *p; p++) {
        if (*p == CAT_ESCAPE) {
            if (p[1])
                p++;
        } else if (*p == '%' || *p == '_') {
            return true;
        }
    }
    return false;
}

static bool only_percent(const char *p)
{
    if (!*p)
        return false;
    for (; *p; p++)
        if (*p != '%')
            return false;
    return true;
}

/* The pattern's literal name: escapes removed. */
static void unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s == CAT_ESCAPE && s[1])
            s++;
        *o++ = *s;
    }
    *o = '\0';
}

/* An identifier: blanks around it dropped; "quoted" loses its quotes. */
static void identifier(char *s)
{
    size_t n = strlen(s), b = 0;
    while (b < n && (s[b] == ' ' || s[b] == '\t'))
        b++;
    while (n > b && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    memmove(s, s + b, n - b);
    s[n - b] = '\0';
    n -= b;
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        char *o = s;
        for (size_t i = 1; i + 1 < n; i++) {
            *o++ = s[i];
            if (s[i] == '"' && s[i + 1] == '"' && i + 2 < n)
                i++;
        }
        *o = '\0';
    }
}

int cat_arg_init(cat_arg *a, const char *raw, cat_arg_role role, bool metadata_id)
{
    a->kind = CA_ANY;
    a->text = NULL;
    if (!raw)
        return 0;
    if (!metadata_id && role == CAT_PATTERN && only_percent(raw))
        return 0;
    if (!(a->text = strdup(raw)))
        return -1;
    if (metadata_id) {
        identifier(a->text);
        a->kind = CA_EXACT;
    } else if (role == CAT_PATTERN && has_wildcard(raw)) {
        a->kind = CA_PATTERN;
    } else {
        if (role == CAT_PATTERN)
            unescape(a->text);
        a->kind = CA_EXACT;
    }
    return 0;
}

void cat_arg_free(cat_arg *a)
{
    free(a->text);
    a->text = NULL;
}

static bool equal_folded(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (fold((unsigned char)*a) != fold((unsigned char)*b))
            return false;
    return *a == *b;
}

bool cat_pattern_match(const char *p, const char *s)
{
    /* iterative wildcard matching; `star` remembers the last '%' to retry from */
    const char *star_p = NULL, *star_s = NULL;
    while (*s) {
        if (*p == '%') {
            while (*p == '%')
                p++;
            star_p = p;
            star_s = s;
            continue;
        }
        if (*p == '_') {
            p++;
            s += char_len(s);
            continue;
        }
        const char *lit = p;
        if (*lit == CAT_ESCAPE && lit[1])
            lit++;
        if (*lit && fold((unsigned char)*lit) == fold((unsigned char)*s)) {
            p = lit + 1;
            s++;
            continue;
        }
        if (!star_p)
            return false;
        star_s += char_len(star_s);
        s = star_s;
        p = star_p;
    }
    while (*p == '%')
        p++;
    return *p == '\0';
}

bool cat_arg_matches(const cat_arg *a, const char *name)
{
    switch (a->kind) {
    case CA_ANY: return true;
    case CA_EXACT: return equal_folded(a->text, name);
    default: return cat_pattern_match(a->text, name);
    }
}

bool cat_arg_expression(const cat_arg *a, char *out, size_t cap)
{
    size_t n = 0;
    if (a->kind == CA_ANY || cap < 2)
        return false;
    bool pattern = a->kind == CA_PATTERN;
    for (const char *p = a->text; *p; p++) {
        const char *add;
        char one[2] = {0, 0};
        unsigned char c = (unsigned char)*p;
        if (pattern && c == '%') {
            add = ".*";
        } else if (pattern && c == '_') {
            add = ".";
        } else {
            if (pattern && c == CAT_ESCAPE && p[1])
                c = (unsigned char)*++p;
            /* names are letters, digits and '_' in practice; anything a regular
             * expression could read otherwise is not pushed down */
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                return false;
            one[0] = (char)fold(c);
            add = one;
        }
        size_t k = strlen(add);
        if (n + k + 1 > cap)
            return false;
        memcpy(out + n, add, k);
        n += k;
    }
    out[n] = '\0';
    return n > 0;
}

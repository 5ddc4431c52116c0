/* connstr.c - ODBC connection strings.
 *
 * Grammar (ODBC 3.x SQLDriverConnect):
 *   string  := [pair] { ';' [pair] }
 *   pair    := key '=' value
 *   value   := '{' any text, '}}' standing for '}' '}' | text without ';'
 * Spaces around keys are trimmed, as are spaces around an unbraced value;
 * a braced value is kept verbatim (only "}}" is unescaped). Empty segments
 * (";;", a trailing ';') are ignored. */
#include "connstr.h"

#include <stdlib.h>
#include <string.h>

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

void connstr_free(connstr *cs)
{
    if (!cs)
        return;
    for (size_t i = 0; i < cs->count; i++) {
        free(cs->pairs[i].key);
        secret_free(cs->pairs[i].value); /* values may be secrets */
    }
    free(cs->pairs);
    cs->pairs = NULL;
    cs->count = 0;
}

const char *connstr_get(const connstr *cs, const char *key)
{
    if (!cs || !key)
        return NULL;
    for (size_t i = 0; i < cs->count; i++)
        if (str_casecmp(cs->pairs[i].key, key) == 0)
            return cs->pairs[i].value;
    return NULL;
}

/* Adds a pair unless the key is already there (first value wins). Takes
 * ownership of key and value. */
static int add_pair(connstr *cs, size_t *cap, char *key, char *value)
{
    if (connstr_get(cs, key)) {
        free(key);
        secret_free(value);
        return 0;
    }
    if (cs->count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        connstr_pair *p = realloc(cs->pairs, ncap * sizeof *p);
        if (!p) {
            free(key);
            free(value);
            return -1;
        }
        cs->pairs = p;
        *cap = ncap;
    }
    cs->pairs[cs->count].key = key;
    cs->pairs[cs->count].value = value;
    cs->count++;
    return 0;
}

int connstr_parse(const char *text, size_t len, connstr *out, strbuf *err)
{
    size_t cap = 0, i = 0;
    out->pairs = NULL;
    out->count = 0;
    if (!text)
        len = 0;
    /* a NUL ends the string (applications pass buffer lengths that count
     * a terminator): keys and values are C strings, one with a NUL inside
     * would be cut short and could even become an empty key */
    const char *nul = len ? memchr(text, '\0', len) : NULL;
    if (nul)
        len = (size_t)(nul - text);

    while (i < len) {
        /* skip leading blanks and empty segments */
        while (i < len && (is_space(text[i]) || text[i] == ';'))
            i++;
        if (i >= len)
            break;
        size_t key_start = i;
        while (i < len && text[i] != '=' && text[i] != ';')
            i++;
        size_t key_end = i;
        while (key_end > key_start && is_space(text[key_end - 1]))
            key_end--;
        if (i >= len || text[i] == ';') {
            if (err)
                sb_printf(err, "Invalid connection string: missing '=' after key '%.*s' at position %zu",
                          (int)(key_end - key_start), text + key_start, key_start + 1);
            goto fail;
        }
        if (key_end == key_start) {
            if (err)
                sb_printf(err, "Invalid connection string: empty key before '=' at position %zu", i + 1);
            goto fail;
        }
        i++; /* '=' */
        while (i < len && is_space(text[i]))
            i++;

        strbuf val = STRBUF_INIT;
        sb_appends(&val, ""); /* an empty value is "", never NULL */
        if (i < len && text[i] == '{') {
            size_t brace_pos = i;
            i++;
            bool closed = false;
            while (i < len) {
                if (text[i] == '}') {
                    if (i + 1 < len && text[i + 1] == '}') {
                        sb_appendc(&val, '}');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    i++;
                    break;
                }
                sb_appendc(&val, text[i]);
                i++;
            }
            if (!closed) {
                if (err)
                    sb_printf(err,
                              "Invalid connection string: unterminated '{' in the value of '%.*s' "
                              "(opened at position %zu)",
                              (int)(key_end - key_start), text + key_start, brace_pos + 1);
                sb_free_secret(&val);
                goto fail;
            }
            while (i < len && is_space(text[i]))
                i++;
            if (i < len && text[i] != ';') {
                if (err)
                    sb_printf(err,
                              "Invalid connection string: unexpected text after '}' in the value of "
                              "'%.*s' at position %zu",
                              (int)(key_end - key_start), text + key_start, i + 1);
                sb_free_secret(&val);
                goto fail;
            }
        } else {
            size_t vstart = i;
            while (i < len && text[i] != ';')
                i++;
            size_t vend = i;
            while (vend > vstart && is_space(text[vend - 1]))
                vend--;
            sb_append(&val, text + vstart, vend - vstart);
        }
        if (i < len && text[i] == ';')
            i++;
        char *key = str_ndup(text + key_start, key_end - key_start);
        if (val.oom || !key) {
            free(key);
            sb_free(&val);
            if (err)
                sb_appends(err, "Out of memory while parsing the connection string");
            goto fail;
        }
        if (add_pair(out, &cap, key, sb_detach(&val)) != 0) {
            if (err)
                sb_appends(err, "Out of memory while parsing the connection string");
            goto fail;
        }
    }
    return 0;
fail:
    connstr_free(out);
    return -1;
}

void connstr_append(strbuf *out, const char *key, const char *value)
{
    if (!value)
        value = "";
    size_t n = strlen(value);
    bool quote = strpbrk(value, ";{}") != NULL ||
                 (n > 0 && (is_space(value[0]) || is_space(value[n - 1])));
    sb_appends(out, key);
    sb_appendc(out, '=');
    if (!quote) {
        sb_appends(out, value);
    } else {
        sb_appendc(out, '{');
        for (const char *p = value; *p; p++) {
            if (*p == '}')
                sb_appendc(out, '}');
            sb_appendc(out, *p);
        }
        sb_appendc(out, '}');
    }
    sb_appendc(out, ';');
}

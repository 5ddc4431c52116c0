/* wide.c - UTF-16 <-> UTF-8 conversion for the W entry points. */
#include "wide.h"

#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s (n bytes left); returns its length and the
 * code point (U+FFFD for an invalid sequence, consuming one byte). */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        v = 0xFFFD;
    *cp = v;
    return len;
}

static size_t w_strlen(const SQLWCHAR *w)
{
    size_t n = 0;
    while (w[n])
        n++;
    return n;
}

char *w_in(const SQLWCHAR *w, SQLLEN len_chars, size_t *out_len, diag_list *diag, bool *bad)
{
    *bad = false;
    if (out_len)
        *out_len = 0;
    if (!w)
        return NULL;
    size_t n;
    if (len_chars == SQL_NTS)
        n = w_strlen(w);
    else if (len_chars < 0) {
        diag_set(diag, SS_HY090, "length %ld", (long)len_chars);
        *bad = true;
        return NULL;
    } else
        n = (size_t)len_chars;
    char *out = malloc(n * 3 + 1);
    if (!out) {
        diag_set(diag, SS_HY001, NULL);
        *bad = true;
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = w[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && w[i + 1] >= 0xDC00 && w[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (w[i + 1] - 0xDC00u);
            i++;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        if (cp < 0x80) {
            out[o++] = (char)cp;
        } else if (cp < 0x800) {
            out[o++] = (char)(0xC0 | (cp >> 6));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[o++] = (char)(0xE0 | (cp >> 12));
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | (cp >> 18));
            out[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[o] = '\0';
    if (out_len)
        *out_len = o;
    return out;
}

size_t w_len_of(const char *utf8)
{
    const unsigned char *s = (const unsigned char *)(utf8 ? utf8 : "");
    size_t n = strlen((const char *)s), i = 0, count = 0;
    while (i < n) {
        uint32_t cp;
        i += utf8_next(s + i, n - i, &cp);
        count += cp >= 0x10000 ? 2 : 1;
    }
    return count;
}

bool w_copy(const char *utf8, SQLWCHAR *buf, SQLLEN buf_chars, SQLLEN *total_chars)
{
    const unsigned char *s = (const unsigned char *)(utf8 ? utf8 : "");
    size_t n = strlen((const char *)s);
    if (total_chars)
        *total_chars = (SQLLEN)w_len_of(utf8);
    if (!buf)
        return false;
    if (buf_chars <= 0)
        return n > 0;
    size_t cap = (size_t)buf_chars - 1, o = 0, i = 0;
    bool truncated = false;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_next(s + i, n - i, &cp);
        size_t need = cp >= 0x10000 ? 2 : 1;
        if (o + need > cap) {
            truncated = true;
            break;
        }
        if (need == 2) {
            cp -= 0x10000;
            buf[o++] = (SQLWCHAR)(0xD800 + (cp >> 10));
            buf[o++] = (SQLWCHAR)(0xDC00 + (cp & 0x3FF));
        } else {
            buf[o++] = (SQLWCHAR)cp;
        }
        i += k;
    }
    buf[o] = 0;
    return truncated;
}


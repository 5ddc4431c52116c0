/* wide.c - UTF-16 <-> UTF-8 conversion for the W entry points. */
#include "wide.h"
#include "utf.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(SQLWCHAR) == sizeof(uint16_t), "SQLWCHAR is a UTF-16 code unit");

char *w_in(const SQLWCHAR *w, SQLLEN len_chars, size_t *out_len, diag_list *diag, bool *bad)
{
    *bad = false;
    if (out_len)
        *out_len = 0;
    if (!w)
        return NULL;
    size_t n;
    if (len_chars == SQL_NTS)
        n = utf16_len(w);
    else if (len_chars < 0) {
        diag_set(diag, SS_HY090, "length %ld", (long)len_chars);
        *bad = true;
        return NULL;
    } else
        n = (size_t)len_chars;
    char *out = utf16_to_utf8(w, n, out_len);
    if (!out) {
        diag_set(diag, SS_HY001, NULL);
        *bad = true;
    }
    return out;
}

size_t w_len_of(const char *utf8)
{
    const char *s = utf8 ? utf8 : "";
    return utf8_utf16_len(s, strlen(s));
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
        size_t k = utf8_decode(s + i, n - i, &cp);
        uint16_t u[2];
        size_t need = utf16_encode(cp, u);
        if (o + need > cap) {
            truncated = true;
            break;
        }
        for (size_t j = 0; j < need; j++)
            buf[o++] = u[j];
        i += k;
    }
    buf[o] = 0;
    return truncated;
}


/* api_strings.c - string arguments at the API edge (api_strings.h). */
#include "api_strings.h"

#include <stdlib.h>
#include <string.h>

#include "utf.h"
#include "wide.h"

bool out_copy(const char *src, char *buf, SQLLEN buflen, SQLLEN *total)
{
    size_t n = src ? strlen(src) : 0;
    if (total)
        *total = (SQLLEN)n;
    if (!buf)
        return false;
    if (buflen <= 0)
        return n > 0;
    if ((size_t)buflen > n) {
        memcpy(buf, src ? src : "", n + 1);
        return false;
    }
    size_t k = (size_t)buflen - 1;
    while (k > 0 && ((unsigned char)src[k] & 0xC0) == 0x80) /* do not split a UTF-8 sequence */
        k--;
    memcpy(buf, src, k);
    buf[k] = '\0';
    return true;
}

SQLRETURN out_put(diag_list *diag, const outstr *o, const char *utf8, SQLLEN *total)
{
    if (o->buf && o->cap < 0)
        return diag ? diag_set(diag, SS_HY090, "length %ld", (long)o->cap) : SQL_ERROR;
    bool truncated;
    if (!o->wide) {
        truncated = out_copy(utf8, o->buf, o->cap, total);
    } else {
        SQLLEN chars = 0;
        SQLLEN cap = o->cap_in_bytes ? o->cap / (SQLLEN)w_unit() : o->cap;
        truncated = w_copy(utf8, o->buf, cap, &chars);
        if (total)
            *total = o->cap_in_bytes ? chars * (SQLLEN)w_unit() : chars;
    }
    if (!truncated)
        return SQL_SUCCESS;
    return diag ? diag_set(diag, SS_01004, NULL) : SQL_SUCCESS_WITH_INFO;
}

char *in_ansi(const SQLCHAR *s, SQLLEN len, size_t *out_len, diag_list *diag, bool *bad)
{
    *bad = false;
    if (out_len)
        *out_len = 0;
    if (!s)
        return NULL;
    size_t n;
    if (len == SQL_NTS)
        n = strlen((const char *)s);
    else if (len < 0) {
        diag_set(diag, SS_HY090, "length %ld", (long)len);
        *bad = true;
        return NULL;
    } else
        n = (size_t)len;
    /* ANSI strings are UTF-8; ill-formed bytes become U+FFFD as in W strings */
    bool valid = utf8_valid((const char *)s, n);
    char *c = malloc(valid ? n + 1 : 3 * n + 1);
    if (!c) {
        diag_set(diag, SS_HY001, NULL);
        *bad = true;
        return NULL;
    }
    if (valid)
        memcpy(c, s, n);
    else
        n = utf8_scrub((const char *)s, n, c);
    c[n] = '\0';
    if (out_len)
        *out_len = n;
    return c;
}

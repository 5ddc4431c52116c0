/* outstr.c - output strings for the ANSI entry points. */
#include "outstr.h"

#include <string.h>

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
    /* do not split a UTF-8 sequence */
    while (k > 0 && ((unsigned char)src[k] & 0xC0) == 0x80)
        k--;
    memcpy(buf, src, k);
    buf[k] = '\0';
    return true;
}

SQLRETURN out_str(diag_list *diag, const char *src, SQLCHAR *buf, SQLLEN buflen, SQLLEN *total)
{
    if (buf && buflen < 0)
        return diag_post(diag, "HY090", 0, "Invalid string or buffer length %ld", (long)buflen);
    if (!buf) {
        out_copy(src, NULL, 0, total);
        return SQL_SUCCESS;
    }
    if (out_copy(src, (char *)buf, buflen, total))
        return diag_post(diag, "01004", 0, "String data, right truncated");
    return SQL_SUCCESS;
}

SQLLEN in_len(const SQLCHAR *s, SQLLEN len)
{
    if (!s)
        return 0;
    if (len == SQL_NTS)
        return (SQLLEN)strlen((const char *)s);
    return len < 0 ? -1 : len;
}

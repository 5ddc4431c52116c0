/* strbuf.c - growable byte buffer. */
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(strbuf *sb) { memset(sb, 0, sizeof *sb); }

void sb_free(strbuf *sb)
{
    free(sb->data);
    memset(sb, 0, sizeof *sb);
}

void sb_free_secret(strbuf *sb)
{
    if (sb->data)
        explicit_bzero(sb->data, sb->cap);
    sb_free(sb);
}

void secret_free(char *s)
{
    if (s)
        secret_free_n(s, strlen(s));
}

void secret_free_n(void *p, size_t n)
{
    if (p) {
        explicit_bzero(p, n);
        free(p);
    }
}

void sb_reset(strbuf *sb)
{
    sb->len = 0;
    sb->oom = false;
    if (sb->data)
        sb->data[0] = '\0';
}

bool sb_reserve(strbuf *sb, size_t extra)
{
    if (sb->oom)
        return false;
    if (extra > (size_t)-1 / 2 - sb->len) {
        sb->oom = true;
        return false;
    }
    size_t need = sb->len + extra + 1;
    if (need <= sb->cap)
        return true;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(sb->data, cap);
    if (!p) {
        sb->oom = true;
        return false;
    }
    sb->data = p;
    sb->cap = cap;
    return true;
}

bool sb_append(strbuf *sb, const void *data, size_t len)
{
    if (!sb_reserve(sb, len))
        return false;
    if (len)
        memcpy(sb->data + sb->len, data, len);
    sb->len += len;
    sb->data[sb->len] = '\0';
    return true;
}

bool sb_appends(strbuf *sb, const char *s) { return sb_append(sb, s, strlen(s)); }

bool sb_appendc(strbuf *sb, char c) { return sb_append(sb, &c, 1); }

bool sb_vprintf(strbuf *sb, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return false;
    if ((size_t)n < sizeof small)
        return sb_append(sb, small, (size_t)n);
    if (!sb_reserve(sb, (size_t)n))
        return false;
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
    return true;
}

bool sb_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = sb_vprintf(sb, fmt, ap);
    va_end(ap);
    return ok;
}

const char *sb_str(const strbuf *sb) { return sb->data ? sb->data : ""; }

char *sb_detach(strbuf *sb)
{
    char *p = sb->data ? sb->data : calloc(1, 1);
    memset(sb, 0, sizeof *sb);
    return p;
}

char *str_dup(const char *s) { return s ? str_ndup(s, strlen(s)) : NULL; }

char *str_ndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int str_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 32;
        if (cb >= 'A' && cb <= 'Z')
            cb += 32;
        if (ca != cb || !ca)
            return ca - cb;
    }
}

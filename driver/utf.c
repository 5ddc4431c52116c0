/* utf.c - the one UTF-8 decoder and encoder and the UTF-16 surrogate rules. */
#include "utf.h"

#include <stdlib.h>
#include <string.h>

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    /* Unicode table 3-7: the lead byte fixes the length and the range of the
     * second byte; later bytes are 80..BF. */
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    uint32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90; /* no overlong forms */
        else if (c == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else {
        *cp = UTF_REPLACEMENT; /* a continuation byte, C0, C1 or F5..FF */
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if (i >= n || s[i] < lo || s[i] > hi) {
            *cp = UTF_REPLACEMENT; /* the maximal subpart ends before s[i] */
            return i;
        }
        v = (v << 6) | (s[i] & 0x3F);
        lo = 0x80, hi = 0xBF;
    }
    *cp = v;
    return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp > 0x10FFFF || utf_is_surrogate(cp))
        cp = UTF_REPLACEMENT;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool utf8_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint64_t w;
        if (n - i >= 8 && (memcpy(&w, u + i, 8), (w & 0x8080808080808080ULL) == 0)) {
            i += 8; /* eight ASCII bytes */
            continue;
        }
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(u + i, n - i, &cp);
        /* U+FFFD itself is well-formed: EF BF BD */
        if (cp == UTF_REPLACEMENT && (k != 3 || memcmp(u + i, "\xef\xbf\xbd", 3) != 0))
            return false;
        i += k;
    }
    return true;
}

size_t utf8_scrub(const char *s, size_t n, char *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += utf8_decode(u + i, n - i, &cp);
        o += utf8_encode(cp, out + o);
    }
    return o;
}

size_t utf8_utf16_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t units = 0;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            units++;
            i++;
            continue;
        }
        uint32_t cp;
        i += utf8_decode(u + i, n - i, &cp);
        units += cp >= 0x10000 ? 2 : 1;
    }
    return units;
}

size_t utf16_decode(const uint16_t *w, size_t n, uint32_t *cp)
{
    uint32_t u = w[0];
    if (utf16_is_high(u) && n > 1 && utf16_is_low(w[1])) {
        *cp = utf16_join(u, w[1]);
        return 2;
    }
    *cp = utf_is_surrogate(u) ? UTF_REPLACEMENT : u;
    return 1;
}

size_t utf16_encode(uint32_t cp, uint16_t out[2])
{
    if (cp >= 0x10000) {
        cp -= 0x10000;
        out[0] = (uint16_t)(0xD800 + (cp >> 10));
        out[1] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        return 2;
    }
    out[0] = (uint16_t)cp;
    return 1;
}

size_t utf16_len(const uint16_t *w)
{
    size_t n = 0;
    while (w[n])
        n++;
    return n;
}

/* n units of UTF-16 (wide32 false) or UTF-32 to malloc'd UTF-8: a UTF-16
 * unit takes at most 3 bytes (a pair 4 for its 2 units), a UTF-32 one 4. */
static char *units_to_utf8(const void *w, size_t n, bool wide32, size_t *out_len)
{
    char *out = malloc(n * (wide32 ? 4 : 3) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        if (wide32)
            cp = ((const uint32_t *)w)[i++]; /* utf8_encode: U+FFFD for a surrogate or above U+10FFFF */
        else
            i += utf16_decode((const uint16_t *)w + i, n - i, &cp);
        o += utf8_encode(cp, out + o);
    }
    out[o] = '\0';
    if (out_len)
        *out_len = o;
    return out;
}

char *utf16_to_utf8(const uint16_t *w, size_t n, size_t *out_len)
{
    return units_to_utf8(w, n, false, out_len);
}

size_t utf32_len(const uint32_t *w)
{
    size_t n = 0;
    while (w[n])
        n++;
    return n;
}

char *utf32_to_utf8(const uint32_t *w, size_t n, size_t *out_len)
{
    return units_to_utf8(w, n, true, out_len);
}

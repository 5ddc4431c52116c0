/* utf.h - Unicode: the one UTF-8 decoder and encoder and the UTF-16
 * surrogate rules, used by API strings (wide.c) and data (convert.c,
 * page_decode.c, cred_sts.c) alike. */
#ifndef ATHENA_UTF_H
#define ATHENA_UTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF_REPLACEMENT 0xFFFDu

/* Decodes the code point at s (n > 0 bytes). Returns the bytes it takes.
 * An ill-formed sequence gives U+FFFD for its maximal subpart (Unicode's
 * "substitution of maximal subparts"): the longest prefix of a well-formed
 * sequence, at least one byte. So ED A0 80 is three U+FFFD, C0 80 two,
 * F4 90 80 80 four, E1 80 41 one U+FFFD then 'A'. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Writes cp as UTF-8 into out (room for 4 bytes) and returns the length.
 * A surrogate or a value above U+10FFFF is written as U+FFFD. */
size_t utf8_encode(uint32_t cp, char *out);

/* Whether the n bytes at s are well-formed UTF-8. */
bool utf8_valid(const char *s, size_t n);

/* Writes the n bytes at s to out with each ill-formed subpart replaced by
 * U+FFFD, as utf8_decode reads them, and returns the length written. out
 * has room for 3 * n bytes. */
size_t utf8_scrub(const char *s, size_t n, char *out);

/* UTF-16 code units the n bytes of UTF-8 at s decode to. */
size_t utf8_utf16_len(const char *s, size_t n);

static inline bool utf16_is_high(uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
static inline bool utf16_is_low(uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }
static inline bool utf_is_surrogate(uint32_t u) { return u >= 0xD800 && u <= 0xDFFF; }
/* The code point of a high and a low surrogate. */
static inline uint32_t utf16_join(uint32_t hi, uint32_t lo)
{
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

/* Decodes the code point at w (n > 0 units): a surrogate pair is one code
 * point; a lone surrogate (either half) is U+FFFD for one unit. Returns the
 * units it takes. */
size_t utf16_decode(const uint16_t *w, size_t n, uint32_t *cp);

/* Units before the first 0 unit. */
size_t utf16_len(const uint16_t *w);

/* n units of UTF-16 to a malloc'd, NUL-terminated UTF-8 string (a lone
 * surrogate becomes U+FFFD); *out_len (may be NULL) gets its length. NULL
 * when out of memory. */
char *utf16_to_utf8(const uint16_t *w, size_t n, size_t *out_len);

/* Writes cp (a scalar value from utf8_decode) as one unit or a surrogate
 * pair into out and returns the count. */
size_t utf16_encode(uint32_t cp, uint16_t out[2]);

/* UTF-32, the wide characters of iODBC (its SQLWCHAR is a 4-byte wchar_t):
 * one unit per code point; a surrogate or a value above U+10FFFF becomes
 * U+FFFD. Units before the first 0 unit, and n units to a malloc'd,
 * NUL-terminated UTF-8 string as utf16_to_utf8. */
size_t utf32_len(const uint32_t *w);
char *utf32_to_utf8(const uint32_t *w, size_t n, size_t *out_len);

#endif

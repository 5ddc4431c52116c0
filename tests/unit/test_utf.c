/* test_utf.c - the one UTF-8 decoder and encoder (utf.c) and the W strings
 * built on it (wide.c): well-formed text, every kind of ill-formed UTF-8
 * with Unicode's maximal-subpart rule for U+FFFD, lone surrogates. */
#include "harness.h"
#include "utf.h"
#include "wide.h"

/* The code points utf8_decode finds in s (len bytes), as "0061 FFFD ...". */
static const char *decode_all(const char *s, size_t len)
{
    static char out[512];
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (k == 0 || k > len - i)
            return "bad length";
        i += k;
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%04X", o ? " " : "", (unsigned)cp);
    }
    return out;
}

/* The same through wide.c's W output: the SQLWCHARs as "0061 FFFD ...". */
static const char *w_units(const char *s)
{
    static char out[512];
    SQLWCHAR buf[64];
    SQLLEN total = -1;
    bool trunc = w_copy(s, buf, 64, &total);
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; buf[i]; i++)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%04X", o ? " " : "", (unsigned)buf[i]);
    if (trunc || total != (SQLLEN)w_len_of(s))
        return "length mismatch";
    return out;
}

#define S(lit) lit, sizeof(lit) - 1

int main(void)
{
    static const struct {
        const char *in;
        size_t len;
        const char *want;
        const char *what;
    } cases[] = {
        {S("aZ~"), "0061 005A 007E", "ASCII"},
        {S("\xc2\x80\xdf\xbf"), "0080 07FF", "2-byte limits"},
        {S("\xe0\xa0\x80\xef\xbf\xbf"), "0800 FFFF", "3-byte limits"},
        {S("\xed\x9f\xbf\xee\x80\x80"), "D7FF E000", "either side of the surrogates"},
        {S("\xf0\x90\x80\x80\xf4\x8f\xbf\xbf"), "10000 10FFFF", "4-byte limits"},
        {S("\xed\xa0\x80"), "FFFD FFFD FFFD", "an encoded surrogate: ED A0 80 is three U+FFFD"},
        {S("\xc0\x80"), "FFFD FFFD", "overlong C0 80: two U+FFFD"},
        {S("\xc1\xbf"), "FFFD FFFD", "overlong C1 BF: two U+FFFD"},
        {S("\xe0\x80\xaf"), "FFFD FFFD FFFD", "overlong E0 80 AF: three U+FFFD"},
        {S("\xf0\x80\x80\xaf"), "FFFD FFFD FFFD FFFD", "overlong F0 80 80 AF: four U+FFFD"},
        {S("\xf4\x90\x80\x80"), "FFFD FFFD FFFD FFFD", "above U+10FFFF: F4 90 80 80 is four U+FFFD"},
        {S("\xf5\x80\x80\x80"), "FFFD FFFD FFFD FFFD", "F5 is never a lead byte"},
        {S("\xe1\x80\x41"), "FFFD 0041", "E1 80 then 'A': one U+FFFD for the cut sequence, then A"},
        {S("\xf1\x80\x80\x41"), "FFFD 0041", "F1 80 80 then 'A': one U+FFFD, then A"},
        {S("\xf1\x80\x80"), "FFFD", "a 4-byte sequence cut by the end: one U+FFFD"},
        {S("\xe2\x82"), "FFFD", "a 3-byte sequence cut by the end: one U+FFFD"},
        {S("\xc3"), "FFFD", "a lone lead byte at the end"},
        {S("\x80\xbf"), "FFFD FFFD", "lone continuation bytes: one U+FFFD each"},
        {S("\xfe\xff"), "FFFD FFFD", "FE and FF"},
        {S("x\xc3y"), "0078 FFFD 0079", "a lead byte followed by ASCII"},
        /* Unicode 15, section 3.9, table 3-8 */
        {S("\x61\xf1\x80\x80\xe1\x80\xc2\x62\x80\x63\x80\xbf\x64"),
         "0061 FFFD FFFD FFFD 0062 FFFD 0063 FFFD FFFD 0064", "Unicode's table 3-8 example"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_STR(decode_all(cases[i].in, cases[i].len), cases[i].want, cases[i].what);
        /* API strings (wide.c's W output) decode the same way; the one
         * supplementary case is checked below, as surrogate pairs */
        if (!strstr(cases[i].want, "10000"))
            CHECK_STR(w_units(cases[i].in), cases[i].want, "W strings: the same code points");
    }
    CHECK_STR(w_units("\xf0\x90\x80\x80\xf4\x8f\xbf\xbf"), "D800 DC00 DBFF DFFF", "W: surrogate pairs");
    CHECK_INT(utf8_utf16_len(S("\xed\xa0\x80" "a\xf0\x9f\x98\x80")), 6, "UTF-16 length: 3 U+FFFD, a, a pair");

    /* checking and scrubbing (ANSI API strings) */
    CHECK(utf8_valid(S("a\xef\xbf\xbd\xf0\x9f\x98\x80")), "U+FFFD itself and a 4-byte sequence are well-formed");
    CHECK(!utf8_valid(S("a\xed\xa0\x80")), "an encoded surrogate is not");
    CHECK(!utf8_valid(S("\xf1\x80\x80")), "a cut 4-byte sequence (three bytes, like U+FFFD) is not");
    char scrubbed[64];
    size_t sl = utf8_scrub(S("a\xed\xa0\x80" "b\xe1\x80" "A"), scrubbed);
    scrubbed[sl] = '\0';
    CHECK_STR(scrubbed, "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd" "A",
              "scrubbed: ED A0 80 is three U+FFFD, E1 80 one");

    /* the encoder */
    char b[8];
    CHECK_INT(utf8_encode(0x41, b), 1, "U+0041 is one byte");
    CHECK_INT(utf8_encode(0x7FF, b), 2, "U+07FF is two bytes");
    CHECK_MEM(b, "\xdf\xbf", 2, "U+07FF bytes");
    CHECK_INT(utf8_encode(0x20AC, b), 3, "U+20AC is three bytes");
    CHECK_MEM(b, "\xe2\x82\xac", 3, "U+20AC bytes");
    CHECK_INT(utf8_encode(0x1F600, b), 4, "U+1F600 is four bytes");
    CHECK_MEM(b, "\xf0\x9f\x98\x80", 4, "U+1F600 bytes");
    CHECK_INT(utf8_encode(0xD800, b), 3, "a surrogate is written as U+FFFD");
    CHECK_MEM(b, "\xef\xbf\xbd", 3, "U+FFFD bytes for a surrogate");
    CHECK_INT(utf8_encode(0x110000, b), 3, "above U+10FFFF is written as U+FFFD");
    CHECK_MEM(b, "\xef\xbf\xbd", 3, "U+FFFD bytes for 0x110000");

    /* UTF-16 */
    uint16_t u[2];
    CHECK_INT(utf16_encode(0x1F600, u), 2, "U+1F600 is a pair");
    CHECK(u[0] == 0xD83D && u[1] == 0xDE00, "D83D DE00");
    CHECK_INT(utf16_encode(0xFFFD, u), 1, "U+FFFD is one unit");
    uint32_t cp;
    static const uint16_t pair[] = {0xD83D, 0xDE00}, lone_hi[] = {0xD83D, 'a'}, lone_lo[] = {0xDE00};
    CHECK_INT(utf16_decode(pair, 2, &cp), 2, "a pair is two units");
    CHECK_INT(cp, 0x1F600, "a pair's code point");
    CHECK_INT(utf16_decode(lone_hi, 2, &cp), 1, "a high surrogate before 'a' is one unit");
    CHECK_INT(cp, 0xFFFD, "a lone high surrogate is U+FFFD");
    CHECK_INT(utf16_decode(pair, 1, &cp), 1, "a high surrogate cut by the end is one unit");
    CHECK_INT(cp, 0xFFFD, "and U+FFFD");
    CHECK_INT(utf16_decode(lone_lo, 1, &cp), 1, "a lone low surrogate is one unit");
    CHECK_INT(cp, 0xFFFD, "a lone low surrogate is U+FFFD");

    /* W strings in: UTF-16 to UTF-8 */
    static const SQLWCHAR win[] = {'a', 0xD83D, 0xDE00, 0xDC00, 0xD800, 'b', 0};
    size_t out_len = 0;
    bool bad = true;
    char *s = w_in(win, SQL_NTS, &out_len, NULL, &bad);
    CHECK(!bad && s, "w_in converts");
    CHECK_STR(s, "a\xf0\x9f\x98\x80\xef\xbf\xbd\xef\xbf\xbd" "b", "a, the pair, two lone surrogates as U+FFFD, b");
    CHECK_INT(out_len, 12, "UTF-8 length");
    free(s);

    /* UTF-32 (iODBC's wchar_t): one unit per code point; surrogates and
     * values above U+10FFFF are U+FFFD */
    static const uint32_t w32[] = {'a', 0x1F600, 0xD800, 0x110000, 0xE9, 0};
    CHECK_INT(utf32_len(w32), 5, "UTF-32 length: units before the 0");
    s = utf32_to_utf8(w32, 5, &out_len);
    CHECK_STR(s, "a\xf0\x9f\x98\x80\xef\xbf\xbd\xef\xbf\xbd\xc3\xa9", "UTF-32: a, U+1F600, two U+FFFD, e-acute");
    CHECK_INT(out_len, 13, "UTF-32 to UTF-8 length");
    free(s);
    return th_done();
}

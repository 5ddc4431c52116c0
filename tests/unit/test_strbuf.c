/* test_strbuf.c - the growable buffer and the small string helpers. */
#include "harness.h"
#include "strbuf.h"

int main(void)
{
    strbuf sb = STRBUF_INIT;
    CHECK_STR(sb_str(&sb), "", "empty buffer reads as \"\"");
    CHECK(sb_appends(&sb, "abc"), "append");
    CHECK(sb_appendc(&sb, '-'), "append a char");
    CHECK(sb_printf(&sb, "%d/%s", 42, "x"), "printf");
    CHECK_STR(sb_str(&sb), "abc-42/x", "contents");
    CHECK_INT(sb.len, 8, "length");

    /* growth across many appends, and a printf longer than the small buffer */
    strbuf big = STRBUF_INIT;
    for (int i = 0; i < 10000; i++)
        sb_appendc(&big, (char)('a' + i % 26));
    CHECK_INT(big.len, 10000, "10000 appends");
    CHECK(big.data[9999] == 'a' + 9999 % 26 && big.data[10000] == '\0', "last byte and terminator");
    char pad[600];
    memset(pad, 'p', sizeof pad - 1);
    pad[sizeof pad - 1] = '\0';
    sb_reset(&big);
    CHECK_INT(big.len, 0, "reset keeps nothing");
    sb_printf(&big, "[%s]", pad);
    CHECK_INT(big.len, 601, "long printf");
    CHECK(big.data[0] == '[' && big.data[600] == ']', "long printf contents");

    /* binary data with NULs */
    strbuf bin = STRBUF_INIT;
    sb_append(&bin, "a\0b", 3);
    CHECK_INT(bin.len, 3, "binary length");
    CHECK_MEM(bin.data, "a\0b", 4, "binary bytes and terminator");

    /* secrets: wiped (explicit_bzero) and freed; the buffer is left empty */
    strbuf sec = STRBUF_INIT;
    sb_appends(&sec, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    sb_free_secret(&sec);
    CHECK(sec.data == NULL && sec.len == 0 && sec.cap == 0 && !sec.oom, "sb_free_secret empties the buffer");
    sb_free_secret(&sec); /* twice, and on an empty buffer, is harmless */
    CHECK(sec.data == NULL, "sb_free_secret on an empty buffer");
    /* NULL is accepted; the strings are freed (LeakSanitizer, under
     * run-tests' ASan build, fails the program on a leak) */
    secret_free(NULL);
    secret_free_n(NULL, 10);
    secret_free(str_dup("secret"));
    secret_free_n(str_dup("a\0b"), 3);

    char *owned = sb_detach(&sb);
    CHECK_STR(owned, "abc-42/x", "detached string");
    CHECK(sb.data == NULL && sb.len == 0, "detach empties the buffer");
    free(owned);
    strbuf empty = STRBUF_INIT;
    char *e = sb_detach(&empty);
    CHECK_STR(e, "", "detaching an empty buffer gives \"\"");
    free(e);

    CHECK_INT(str_casecmp("AwsRegion", "awsregion"), 0, "case-insensitive equal");
    CHECK(str_casecmp("abc", "abd") < 0, "case-insensitive order");
    CHECK(str_dup(NULL) == NULL, "str_dup(NULL)");
    char *n = str_ndup("hello", 3);
    CHECK_STR(n, "hel", "str_ndup");
    free(n);

    sb_free(&big);
    sb_free(&bin);
    return th_done();
}

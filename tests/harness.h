/* harness.h - a tiny TAP test harness shared by the C test programs.
 * Each check prints "ok N - what" or "not ok N - what" with the location and
 * the values compared; the program's exit status is non-zero if any check
 * failed. th_done prints the plan ("1..N"): ./run-tests counts the ok/not ok
 * lines of every program and fails one whose plan is missing (it stopped
 * before th_done) or does not match the lines it printed. */
#ifndef ATHENA_TEST_HARNESS_H
#define ATHENA_TEST_HARNESS_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int th_run, th_failed;

static inline void th_report(int ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static inline void th_report(int ok, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    th_run++;
    if (!ok)
        th_failed++;
    printf("%sok %d - ", ok ? "" : "not ", th_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    if (!ok)
        printf("  # at %s:%d", file, line);
    printf("\n");
    fflush(stdout);
}

#define CHECK(cond, ...) th_report(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#define CHECK_INT(got, want, what)                                                       \
    do {                                                                                 \
        long long g_ = (long long)(got), w_ = (long long)(want);                         \
        th_report(g_ == w_, __FILE__, __LINE__, "%s: got %lld, want %lld", (what), g_, w_); \
    } while (0)

#define CHECK_STR(got, want, what)                                                        \
    do {                                                                                  \
        const char *g_ = (got), *w_ = (want);                                             \
        int ok_ = (g_ && w_) ? strcmp(g_, w_) == 0 : g_ == w_;                            \
        th_report(ok_, __FILE__, __LINE__, "%s: got \"%s\", want \"%s\"", (what),         \
                  g_ ? g_ : "(null)", w_ ? w_ : "(null)");                                \
    } while (0)

/* Hex of the first bytes of p (n of them, at most 32, "..." after). */
static inline const char *th_hex(char out[100], const void *p, size_t n)
{
    const unsigned char *b = (const unsigned char *)p;
    size_t k = n < 32 ? n : 32, o = 0;
    for (size_t i = 0; i < k; i++)
        o += (size_t)snprintf(out + o, 100 - o, "%02x", b[i]);
    if (n > k)
        snprintf(out + o, 100 - o, "...");
    return out;
}

#define CHECK_MEM(got, want, n, what)                                                     \
    do {                                                                                  \
        char gh_[100] = "", wh_[100] = "";                                                \
        size_t n_ = (n);                                                                  \
        th_report(memcmp((got), (want), n_) == 0, __FILE__, __LINE__, "%s: got %s, want %s", (what), \
                  th_hex(gh_, (got), n_), th_hex(wh_, (want), n_));                       \
    } while (0)

#define CHECK_DBL(got, want, what)                                                        \
    do {                                                                                  \
        double g_ = (got), w_ = (want);                                                   \
        th_report(g_ == w_, __FILE__, __LINE__, "%s: got %.17g, want %.17g", (what), g_, w_); \
    } while (0)

/* The whole content of a file, NUL-terminated, malloc'd (free it); NULL if
 * it cannot be read. *len (may be NULL) gets its length in bytes. */
static inline char *th_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *b = malloc(cap + 1);
    size_t k;
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(b, 2 * cap + 1);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!b)
        return NULL;
    b[n] = '\0';
    if (len)
        *len = n;
    return b;
}

/* Ends the program: prints the plan and returns the exit status. */
static inline int th_done(void)
{
    printf("1..%d\n", th_run);
    if (th_failed)
        printf("# %d of %d checks failed\n", th_failed, th_run);
    return th_failed ? 1 : 0;
}

#endif

/* strbuf.h - a growable byte buffer, always NUL-terminated. */
#ifndef ATHENA_STRBUF_H
#define ATHENA_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct strbuf {
    char *data;   /* NULL until the first append; then NUL-terminated */
    size_t len;   /* bytes used, without the terminating NUL */
    size_t cap;   /* bytes allocated */
    bool oom;     /* an allocation failed: contents are truncated */
} strbuf;

#define STRBUF_INIT {NULL, 0, 0, false}

void sb_init(strbuf *sb);
void sb_free(strbuf *sb);

/* Secrets (keys, tokens, passwords, signed headers, answers holding
 * credentials) are freed only through these: they wipe with explicit_bzero,
 * which the compiler may not drop as it may a memset before free.
 * sb_free_secret wipes the whole allocation, secret_free the string up to
 * its NUL, secret_free_n n bytes. All accept NULL. A buffer that grew left
 * its earlier, smaller copies to realloc unwiped. */
void sb_free_secret(strbuf *sb);
void secret_free(char *s);
void secret_free_n(void *p, size_t n);
/* Keeps the allocation, forgets the contents. */
void sb_reset(strbuf *sb);
/* Makes room for at least `extra` more bytes; false when out of memory. */
bool sb_reserve(strbuf *sb, size_t extra);
bool sb_append(strbuf *sb, const void *data, size_t len);
bool sb_appends(strbuf *sb, const char *s);
bool sb_appendc(strbuf *sb, char c);
bool sb_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool sb_vprintf(strbuf *sb, const char *fmt, va_list ap);
/* Current contents as a C string ("" when empty, never NULL). */
const char *sb_str(const strbuf *sb);
/* Hands the buffer to the caller (malloc'd, NUL-terminated, never NULL
 * unless out of memory) and leaves sb empty. */
char *sb_detach(strbuf *sb);

/* strdup that accepts NULL; n-variant copies exactly n bytes. */
char *str_dup(const char *s);
char *str_ndup(const char *s, size_t n);
/* ASCII case-insensitive comparison. */
int str_casecmp(const char *a, const char *b);

#endif

/* api_strings.h - string arguments at the API edge: input strings become UTF-8
 * copies, and output strings are written to application buffers in the
 * encoding and length unit of the entry point (ANSI bytes, or UTF-16 with
 * lengths in characters or bytes), truncating at a character boundary. */
#ifndef ATHENA_API_STRINGS_H
#define ATHENA_API_STRINGS_H

#include "common.h"
#include "diag.h"

/* An application output buffer. */
typedef struct outstr {
    void *buf;         /* may be NULL: only the length is returned */
    SQLLEN cap;        /* capacity: bytes, or SQLWCHARs when wide && !cap_in_bytes */
    bool wide;         /* UTF-16 SQLWCHAR */
    bool cap_in_bytes; /* wide buffers whose size and length are in bytes */
} outstr;

static inline outstr out_ansi(void *buf, SQLLEN cap) { outstr o = {buf, cap, false, false}; return o; }
static inline outstr out_wide(void *buf, SQLLEN chars) { outstr o = {buf, chars, true, false}; return o; }
static inline outstr out_wide_bytes(void *buf, SQLLEN bytes) { outstr o = {buf, bytes, true, true}; return o; }

/* Writes utf8 into o; *total gets the full length in o's unit. Posts 01004
 * and returns SQL_SUCCESS_WITH_INFO when it truncated, HY090 for a negative
 * capacity with a buffer. diag may be NULL (no record posted). */
SQLRETURN out_put(diag_list *diag, const outstr *o, const char *utf8, SQLLEN *total);

/* Copies src into buf (buflen bytes, NUL included). *total gets the full
 * length in bytes. Returns true if it had to truncate. buf may be NULL. */
bool out_copy(const char *src, char *buf, SQLLEN buflen, SQLLEN *total);

/* An ANSI input string argument as a malloc'd NUL-terminated copy: NULL s ->
 * NULL; SQL_NTS -> up to the NUL; a negative length posts HY090 and sets *bad. */
char *in_ansi(const SQLCHAR *s, SQLLEN len, size_t *out_len, diag_list *diag, bool *bad);

#endif

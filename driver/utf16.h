/* utf16.h - UTF-16 (SQLWCHAR) to UTF-8, with nothing else attached, so the
 * setup library can use it without the driver's diagnostics. */
#ifndef ATHENA_UTF16_H
#define ATHENA_UTF16_H

#include <stddef.h>
#include <sqltypes.h>

/* Number of SQLWCHARs before the NUL. */
size_t w_len16(const SQLWCHAR *w);
/* n SQLWCHARs to a malloc'd, NUL-terminated UTF-8 string (a lone surrogate
 * becomes U+FFFD); *out_len (may be NULL) gets its length. NULL when out of
 * memory. */
char *w_to_utf8(const SQLWCHAR *w, size_t n, size_t *out_len);

#endif

/* wide.h - SQLWCHAR <-> UTF-8 for the W entry points: UTF-16 units (2
 * bytes, unixODBC) or UTF-32 units (4 bytes, iODBC), see w_unit(). */
#ifndef ATHENA_WIDE_H
#define ATHENA_WIDE_H

#include "common.h"
#include "diag.h"

/* Converts len_chars SQLWCHARs (SQL_NTS: up to the NUL) to a malloc'd UTF-8
 * string. A lone surrogate becomes U+FFFD. NULL w gives NULL with *bad false;
 * a negative length or an allocation failure posts to diag and sets *bad. */
char *w_in(const SQLWCHAR *w, SQLLEN len_chars, size_t *out_len, diag_list *diag, bool *bad);
/* Writes utf8 into buf (buf_chars SQLWCHARs, NUL included), never splitting a
 * surrogate pair. *total_chars gets the full length in SQLWCHARs. Returns
 * true when it truncated. */
bool w_copy(const char *utf8, SQLWCHAR *buf, SQLLEN buf_chars, SQLLEN *total_chars);
/* Bytes in one of the driver manager's SQLWCHARs: 4 under iODBC (wchar_t),
 * 2 under unixODBC. Decided once: by the driver manager library loaded in the
 * process (libodbc.so*, libiodbc.so*) at the first W call, else by w_sniff()
 * at the first W connect (the DSN or connection string), else by
 * w_unicode_type(); 2 until then. Every W length in bytes uses it instead of
 * sizeof(SQLWCHAR). */
size_t w_unit(void);
void w_sniff(const SQLWCHAR *w, SQLLEN len_chars);
/* iODBC's environment attribute SQL_ATTR_DRIVER_UNICODE_TYPE (iodbcext.h):
 * iODBC 3.52.10 and later ask the driver which Unicode form its W functions
 * take, and convert to it. */
#define W_ATTR_DRIVER_UNICODE_TYPE 1065
#define W_DM_CP_UTF16 1
#define W_DM_CP_UCS4 3
/* The answer to it: W_DM_CP_UCS4 when the unit is 4, W_DM_CP_UTF16 when 2;
 * decides 4 when nothing has decided yet (only iODBC asks). */
SQLINTEGER w_unicode_type(void);
/* SQLWCHARs before the first 0 one, in the driver manager's unit. */
size_t w_strlen(const SQLWCHAR *w);
/* Number of SQLWCHARs the n bytes of UTF-8 at s need. */
size_t w_units_of(const char *s, size_t n);
/* Number of SQLWCHARs utf8 needs (without the NUL). */
size_t w_len_of(const char *utf8);

#endif

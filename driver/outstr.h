/* outstr.h - copying UTF-8 strings out to application buffers (ANSI
 * entry points), truncating at a character boundary. */
#ifndef ATHENA_OUTSTR_H
#define ATHENA_OUTSTR_H

#include "common.h"
#include "diag.h"

/* Copies src into buf (buflen bytes, NUL included). *total gets the full
 * length in bytes. Returns true if it had to truncate. buf may be NULL. */
bool out_copy(const char *src, char *buf, SQLLEN buflen, SQLLEN *total);
/* out_copy, posting 01004 to diag on truncation; returns the SQLRETURN. */
SQLRETURN out_str(diag_list *diag, const char *src, SQLCHAR *buf, SQLLEN buflen, SQLLEN *total);
/* Length of an input string argument: SQL_NTS -> strlen; negative -> -1. */
SQLLEN in_len(const SQLCHAR *s, SQLLEN len);

#endif

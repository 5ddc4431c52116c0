/* connstr.h - ODBC connection strings: KEY=value;KEY={va;lue}};...} */
#ifndef ATHENA_CONNSTR_H
#define ATHENA_CONNSTR_H

#include <stddef.h>
#include "strbuf.h"

typedef struct connstr_pair {
    char *key;    /* as written, trimmed */
    char *value;  /* braces removed, "}}" unescaped */
} connstr_pair;

typedef struct connstr {
    connstr_pair *pairs;
    size_t count;
} connstr;

/* Parses `len` bytes (SQL_NTS handled by the caller), up to the first NUL
 * if there is one. Returns 0, or -1 with
 * err describing the position and problem (unterminated brace, missing '=',
 * empty key). A key that appears twice keeps its first value, as the ODBC
 * specification says. */
int connstr_parse(const char *text, size_t len, connstr *out, strbuf *err);
void connstr_free(connstr *cs);
/* Value for key (case-insensitive), or NULL. */
const char *connstr_get(const connstr *cs, const char *key);
/* Appends KEY=value; quoting value with {} (and }} inside) when it contains
 * ; { } or leading/trailing spaces. */
void connstr_append(strbuf *out, const char *key, const char *value);

#endif

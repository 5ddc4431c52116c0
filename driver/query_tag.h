/* query_tag.h - QueryTagging: the comment appended to each query for
 * auditing (user and a hash of the query text). */
#ifndef ATHENA_QUERY_TAG_H
#define ATHENA_QUERY_TAG_H

#include "dsn_keys.h"

/* sql followed by "\n-- athena-odbc user=<user> query_hash=<hash>": user is
 * QueryTagUser, else UID ("unknown" when neither is set), every character
 * outside [A-Za-z0-9._@+=,-] replaced by '_' so the comment stays one comment;
 * hash the first 16 hex digits of the SHA-256 of sql. malloc'd, NULL when out
 * of memory. */
char *query_tag(const athena_config *cfg, const char *sql);

#endif

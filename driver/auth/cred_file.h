/* cred_file.h - reading a small file that may hold secrets (AWS config and
 * credentials files, token files, the SSO token cache) with a size limit. */
#ifndef ATHENA_CRED_FILE_H
#define ATHENA_CRED_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* Reads the whole file at path, at most max bytes, into *out (malloc'd,
 * NUL-terminated; free it with secret_free_n(*out, *len + 1)) and *len
 * (may be NULL). noun names the file in messages ("web identity token
 * file"), never its contents. Returns 0; or -1 with err: AE_AUTH "Cannot
 * read the <noun> <path>: <reason>" (missing, unreadable, a directory),
 * "The <noun> <path> is larger than <max> bytes", or AE_NOMEM. With
 * missing_ok, a path that does not exist returns 1 (*out NULL), no error. */
int cred_read_file(const char *path, size_t max, const char *noun, bool missing_ok, char **out,
                   size_t *len, athena_error *err);

#endif

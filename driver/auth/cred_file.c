/* cred_file.c - reading a small file that may hold secrets (cred_file.h). */
#include "cred_file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "strbuf.h"

int cred_read_file(const char *path, size_t max, const char *noun, bool missing_ok, char **out,
                   size_t *len, athena_error *err)
{
    *out = NULL;
    if (len)
        *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (missing_ok && (errno == ENOENT || errno == ENOTDIR))
            return 1;
        return ae_set(err, AE_AUTH, 0, "Cannot read the %s %s: %s", noun, path, strerror(errno));
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return ae_set(err, AE_AUTH, 0, "Cannot read the %s %s: it is a directory", noun, path);
    }
    strbuf sb = STRBUF_INIT;
    char buf[4096];
    size_t n;
    int rc = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        if (sb.len + n > max) {
            rc = ae_set(err, AE_AUTH, 0, "The %s %s is larger than %zu bytes", noun, path, max);
            break;
        }
        if (!sb_append(&sb, buf, n)) {
            rc = ae_set(err, AE_NOMEM, 0, "Out of memory reading the %s", noun);
            break;
        }
    }
    if (rc == 0 && ferror(f))
        rc = ae_set(err, AE_AUTH, 0, "Cannot read the %s %s: %s", noun, path, strerror(errno));
    fclose(f);
    explicit_bzero(buf, sizeof buf);
    if (rc != 0) {
        sb_free_secret(&sb);
        return rc;
    }
    if (len)
        *len = sb.len;
    if (!sb.data && !sb_appends(&sb, ""))
        return ae_set(err, AE_NOMEM, 0, "Out of memory reading the %s", noun);
    *out = sb_detach(&sb);
    return 0;
}

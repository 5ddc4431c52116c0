/* query_tag.c - the QueryTagging comment (see query_tag.h). */
#include "query_tag.h"

#include <openssl/sha.h>
#include <string.h>

#include "strbuf.h"

static bool plain(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr("._@+=,-", c);
}

char *query_tag(const athena_config *cfg, const char *sql)
{
    const char *user = cfg->query_tag_user && *cfg->query_tag_user ? cfg->query_tag_user
                     : cfg->uid && *cfg->uid ? cfg->uid : "unknown";
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256((const unsigned char *)sql, strlen(sql), md);
    strbuf sb = STRBUF_INIT;
    sb_appends(&sb, sql);
    sb_appends(&sb, "\n-- athena-odbc user=");
    for (const char *p = user; *p && p - user < 128; p++)
        sb_appendc(&sb, plain(*p) ? *p : '_');
    sb_appends(&sb, " query_hash=");
    for (int i = 0; i < 8; i++)
        sb_printf(&sb, "%02x", md[i]);
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}

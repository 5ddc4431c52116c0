/* cred_ecs.c - ECS task role / EKS pod identity credentials from the
 * container credentials endpoint. */
#include "cred_sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ECS_HOST "http://169.254.170.2"
#define ECS_TOKEN_MAX 16384

typedef struct ecs_source {
    cred_source base;
    cred_ctx *ctx;
    char *url;
} ecs_source;

/* The host part of an http(s) URL, lower-cased, without brackets or port. */
static bool url_host(const char *url, char *host, size_t n)
{
    const char *p = strstr(url, "://");
    if (!p)
        return false;
    p += 3;
    const char *at = NULL;
    for (const char *q = p; *q && *q != '/' && *q != '?' && *q != '#'; q++)
        if (*q == '@')
            at = q;
    if (at)
        p = at + 1;
    const char *e;
    if (*p == '[') {
        p++;
        e = strchr(p, ']');
        if (!e)
            return false;
    } else {
        e = p + strcspn(p, ":/?#");
    }
    size_t l = (size_t)(e - p);
    if (l == 0 || l >= n)
        return false;
    for (size_t i = 0; i < l; i++)
        host[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
    host[l] = '\0';
    return true;
}

bool cred_ecs_host_allowed(const char *url)
{
    if (!url)
        return false;
    if (strncasecmp(url, "https://", 8) == 0)
        return true;
    if (strncasecmp(url, "http://", 7) != 0)
        return false;
    char host[256];
    if (!url_host(url, host, sizeof host))
        return false;
    if (strcmp(host, "localhost") == 0 || strcmp(host, "::1") == 0 ||
        strcmp(host, "169.254.170.2") == 0 || strcmp(host, "169.254.170.23") == 0 ||
        strcmp(host, "fd00:ec2::23") == 0)
        return true;
    /* 127.0.0.0/8 */
    unsigned a, b, c, d;
    char tail;
    if (sscanf(host, "%u.%u.%u.%u%c", &a, &b, &c, &d, &tail) == 4 && a == 127 && b < 256 &&
        c < 256 && d < 256)
        return true;
    return false;
}

char *cred_ecs_url(athena_error *err)
{
    const char *rel = cred_env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    const char *full = cred_env("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    strbuf sb = STRBUF_INIT;
    if (rel) {
        sb_printf(&sb, "%s%s%s", ECS_HOST, rel[0] == '/' ? "" : "/", rel);
    } else if (full) {
        if (!cred_ecs_host_allowed(full)) {
            ae_set(err, AE_AUTH, 0,
                   "Container credentials: AWS_CONTAINER_CREDENTIALS_FULL_URI must use https, or "
                   "http to a loopback address or the ECS/EKS container endpoint (169.254.170.2, "
                   "169.254.170.23, fd00:ec2::23)");
            return NULL;
        }
        sb_appends(&sb, full);
    } else {
        ae_set(err, AE_AUTH, 0,
               "Container credentials: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor "
               "AWS_CONTAINER_CREDENTIALS_FULL_URI is set");
        return NULL;
    }
    if (sb.oom) {
        sb_free(&sb);
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    return sb_detach(&sb);
}

/* The Authorization value (malloc'd, may be NULL when none is configured). */
static int ecs_token(char **out, athena_error *err)
{
    *out = NULL;
    const char *file = cred_env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    const char *tok = cred_env("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    if (file) {
        size_t len = 0;
        if (cred_read_file(file, ECS_TOKEN_MAX, "container authorization token file", false, out, &len,
                           err) != 0)
            return -1;
        while (len > 0 && ((*out)[len - 1] == '\n' || (*out)[len - 1] == '\r' ||
                           (*out)[len - 1] == ' '))
            (*out)[--len] = '\0';
    } else if (tok) {
        *out = str_dup(tok);
        if (!*out)
            return ae_set(err, AE_NOMEM, 0, "Out of memory");
    }
    if (*out && strpbrk(*out, "\r\n")) {
        secret_free(*out);
        *out = NULL;
        return ae_set(err, AE_AUTH, 0,
                      "Container credentials: the authorization token contains a line break");
    }
    return 0;
}

static int ecs_fetch(cred_source *self, aws_credentials *out, athena_error *err)
{
    ecs_source *s = (ecs_source *)self;
    char *token = NULL;
    if (ecs_token(&token, err) != 0)
        return -1;
    strbuf auth = STRBUF_INIT;
    const char *headers[2] = {NULL, NULL};
    if (token) {
        sb_printf(&auth, "Authorization: %s", token);
        headers[0] = sb_str(&auth);
    }
    http_request req;
    memset(&req, 0, sizeof req);
    req.method = "GET";
    req.url = s->url;
    req.headers = headers;
    req.operation = "ecs:GetCredentials";
    req.retryable = true;
    http_response resp;
    http_response_init(&resp);
    athena_error herr;
    ae_clear(&herr);
    char what[600];
    snprintf(what, sizeof what, "Container credentials at %s", s->url);
    int rc = http_perform(s->ctx->meta, &req, &resp, &herr);
    if (rc != 0 || resp.status != 200)
        rc = cred_http_fail(err, what, rc, &resp, &herr);
    else
        rc = cred_parse_json_credentials(sb_str(&resp.body), resp.body.len, "Token", false, what,
                                         out, err);
    sb_free_secret(&resp.body);
    http_response_free(&resp);
    sb_free_secret(&auth);
    secret_free(token);
    return rc;
}

static void ecs_destroy(cred_source *self)
{
    ecs_source *s = (ecs_source *)self;
    cred_ctx_unref(s->ctx);
    free(s->url);
    free(s);
}

cred_source *cred_ecs_source(cred_ctx *ctx, athena_error *err)
{
    char *url = cred_ecs_url(err);
    if (!url)
        return NULL;
    ecs_source *s = calloc(1, sizeof *s);
    if (!s) {
        free(url);
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    s->url = url;
    s->ctx = cred_ctx_ref(ctx);
    s->base.fetch = ecs_fetch;
    s->base.destroy = ecs_destroy;
    return &s->base;
}

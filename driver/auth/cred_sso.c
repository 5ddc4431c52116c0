/* cred_sso.c - AWS SSO (IAM Identity Center) profiles: the access token that
 * `aws sso login` cached, exchanged for role credentials at the portal's
 * GetRoleCredentials. The driver does not log in itself, nor refresh the
 * access token: when it is missing or expired the message says to run
 * `aws sso login`. */
#include "cred_sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/evp.h>

#define SSO_CACHE_MAX (256 * 1024)

typedef struct sso_source {
    cred_source base;
    cred_ctx *ctx;
    char *profile, *session_name, *start_url, *sso_region, *account_id, *role_name;
    char *cache_path;
    char *endpoint;
} sso_source;

char *cred_sso_cache_path(const char *key)
{
    const char *home = cred_env("HOME");
    if (!home || !key)
        return NULL;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (EVP_Digest(key, strlen(key), md, &mdlen, EVP_sha1(), NULL) != 1)
        return NULL;
    strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/.aws/sso/cache/", home);
    for (unsigned int i = 0; i < mdlen; i++)
        sb_printf(&sb, "%02x", md[i]);
    sb_appends(&sb, ".json");
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}

static int login_hint(const sso_source *s, athena_error *err, const char *fmt_problem)
{
    if (s->session_name)
        return ae_set(err, AE_AUTH, 0,
                      "SSO profile '%s' (sso-session '%s'): %s. Run `aws sso login --sso-session %s` "
                      "(or `aws sso login --profile %s`) and connect again",
                      s->profile, s->session_name, fmt_problem, s->session_name, s->profile);
    return ae_set(err, AE_AUTH, 0,
                  "SSO profile '%s' (start URL %s): %s. Run `aws sso login --profile %s` and "
                  "connect again",
                  s->profile, s->start_url, fmt_problem, s->profile);
}

/* Reads the cached access token (malloc'd secret). */
static int read_token(sso_source *s, char **token, athena_error *err)
{
    *token = NULL;
    char *text = NULL;
    size_t len = 0;
    athena_error ferr;
    ae_clear(&ferr);
    if (cred_read_file(s->cache_path, SSO_CACHE_MAX, "SSO token cache file", false, &text, &len, &ferr) != 0) {
        char problem[sizeof ferr.message + 64];
        snprintf(problem, sizeof problem, "there is no cached SSO access token (%s)", ferr.message);
        return login_hint(s, err, problem);
    }
    json_error_t je;
    json_t *root = json_loadb(text, len, 0, &je);
    secret_free(text);
    int rc = 0;
    json_t *tok = root ? json_object_get(root, "accessToken") : NULL;
    json_t *exp = root ? json_object_get(root, "expiresAt") : NULL;
    if (!root || !json_is_object(root)) {
        char problem[700];
        snprintf(problem, sizeof problem, "the SSO token cache file %s is not valid JSON",
                 s->cache_path);
        rc = login_hint(s, err, problem);
    } else if (!json_is_string(tok) || json_string_length(tok) == 0 || !json_is_string(exp)) {
        char problem[700];
        snprintf(problem, sizeof problem,
                 "the SSO token cache file %s has no accessToken or expiresAt", s->cache_path);
        rc = login_hint(s, err, problem);
    } else {
        time_t t = cred_parse_time(json_string_value(exp));
        if (t == (time_t)-1) {
            char problem[700];
            snprintf(problem, sizeof problem, "the SSO token cache file %s has an unreadable expiresAt",
                     s->cache_path);
            rc = login_hint(s, err, problem);
        } else if ((double)t <= cred_now()) {
            char when[32], problem[200];
            cred_format_time(t, when);
            snprintf(problem, sizeof problem, "the cached SSO access token expired at %s", when);
            rc = login_hint(s, err, problem);
        } else {
            *token = str_dup(json_string_value(tok));
            if (!*token)
                rc = ae_set(err, AE_NOMEM, 0, "Out of memory");
            else if (strpbrk(*token, "\r\n")) {
                secret_free(*token);
                *token = NULL;
                rc = login_hint(s, err, "the cached SSO access token contains a line break");
            }
        }
    }
    json_decref(root);
    return rc;
}

static int sso_fetch(cred_source *self, aws_credentials *out, athena_error *err)
{
    sso_source *s = (sso_source *)self;
    char *token = NULL;
    if (read_token(s, &token, err) != 0)
        return -1;
    strbuf url = STRBUF_INIT, hdr = STRBUF_INIT;
    sb_printf(&url, "%s/federation/credentials?account_id=", s->endpoint);
    cred_url_encode(&url, s->account_id);
    sb_appends(&url, "&role_name=");
    cred_url_encode(&url, s->role_name);
    sb_printf(&hdr, "x-amz-sso_bearer_token: %s", token);
    const char *headers[] = {sb_str(&hdr), NULL};
    http_request req;
    memset(&req, 0, sizeof req);
    req.method = "GET";
    req.url = sb_str(&url);
    req.headers = headers;
    req.operation = "sso:GetRoleCredentials";
    req.retryable = true;
    http_response resp;
    http_response_init(&resp);
    athena_error herr;
    ae_clear(&herr);
    char what[700];
    snprintf(what, sizeof what, "SSO GetRoleCredentials for role %s in account %s (profile '%s') at %s",
             s->role_name, s->account_id, s->profile, s->endpoint);
    int rc = http_perform(s->ctx->http, &req, &resp, &herr);
    if (rc == 0 && (resp.status == 401 || resp.status == 403) &&
        (strstr(resp.aws_error_type, "Unauthorized") || resp.status == 401)) {
        rc = login_hint(s, err, "the SSO portal refused the cached access token (UnauthorizedException)");
    } else if (rc != 0 || resp.status != 200) {
        rc = cred_http_fail(err, what, rc, &resp, &herr);
    } else {
        json_error_t je;
        json_t *root = json_loadb(resp.body.data ? resp.body.data : "", resp.body.len, 0, &je);
        json_t *rcj = root ? json_object_get(root, "roleCredentials") : NULL;
        json_t *ak = json_object_get(rcj, "accessKeyId");
        json_t *sk = json_object_get(rcj, "secretAccessKey");
        json_t *st = json_object_get(rcj, "sessionToken");
        json_t *ex = json_object_get(rcj, "expiration");
        if (!json_is_object(rcj) || !json_is_string(ak) || !json_is_string(sk) ||
            !json_is_string(st) || !json_is_number(ex)) {
            rc = ae_set(err, AE_AUTH, 0,
                        "%s: the answer lacks roleCredentials accessKeyId, secretAccessKey, "
                        "sessionToken or expiration",
                        what);
        } else {
            /* expiration: epoch milliseconds */
            double ms = json_number_value(ex);
            rc = cred_fill(out, json_string_value(ak), json_string_value(sk), json_string_value(st),
                           (time_t)(ms / 1000.0), what, err);
        }
        json_decref(root);
    }
    sb_free_secret(&resp.body);
    http_response_free(&resp);
    sb_free_secret(&hdr);
    sb_free(&url);
    secret_free(token);
    return rc;
}

static void sso_destroy(cred_source *self)
{
    sso_source *s = (sso_source *)self;
    cred_ctx_unref(s->ctx);
    free(s->profile);
    free(s->session_name);
    free(s->start_url);
    free(s->sso_region);
    free(s->account_id);
    free(s->role_name);
    free(s->cache_path);
    free(s->endpoint);
    free(s);
}

cred_source *cred_sso_source(cred_ctx *ctx, const cred_sso_params *sp, athena_error *err)
{
    const char *missing = !sp->start_url || !*sp->start_url ? "sso_start_url"
                        : !sp->sso_region || !*sp->sso_region ? "sso_region"
                        : !sp->account_id || !*sp->account_id ? "sso_account_id"
                        : !sp->role_name || !*sp->role_name ? "sso_role_name" : NULL;
    if (missing) {
        ae_set(err, AE_AUTH, 0, "SSO profile '%s'%s%s%s: %s is missing", sp->profile,
               sp->session_name ? " (sso-session '" : "", sp->session_name ? sp->session_name : "",
               sp->session_name ? "')" : "", missing);
        return NULL;
    }
    sso_source *s = calloc(1, sizeof *s);
    if (!s) {
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    s->base.fetch = sso_fetch;
    s->base.destroy = sso_destroy;
    s->ctx = cred_ctx_ref(ctx);
    s->profile = str_dup(sp->profile);
    s->session_name = str_dup(sp->session_name);
    s->start_url = str_dup(sp->start_url);
    s->sso_region = str_dup(sp->sso_region);
    s->account_id = str_dup(sp->account_id);
    s->role_name = str_dup(sp->role_name);
    s->cache_path = cred_sso_cache_path(sp->session_name ? sp->session_name : sp->start_url);
    const char *ep = cred_env("AWS_ENDPOINT_URL_SSO");
    strbuf sb = STRBUF_INIT;
    if (ep)
        sb_appends(&sb, ep);
    else
        sb_printf(&sb, "https://portal.sso.%s.amazonaws.com%s", sp->sso_region,
                  strncmp(sp->sso_region, "cn-", 3) == 0 ? ".cn" : "");
    while (sb.len > 0 && sb.data[sb.len - 1] == '/')
        sb.data[--sb.len] = '\0';
    s->endpoint = sb.oom ? NULL : sb_detach(&sb);
    sb_free(&sb);
    if (!s->profile || (sp->session_name && !s->session_name) || !s->start_url || !s->sso_region ||
        !s->account_id || !s->role_name || !s->endpoint) {
        sso_destroy(&s->base);
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    if (!s->cache_path) {
        sso_destroy(&s->base);
        ae_set(err, AE_AUTH, 0, "SSO profile '%s': HOME is not set, so the token cache "
                                "(~/.aws/sso/cache) cannot be found", sp->profile);
        return NULL;
    }
    return &s->base;
}

/* cred_sts.c - AssumeRole and AssumeRoleWithWebIdentity. */
#include "cred_sts.h"

#include "cred_profile.h"
#include "xml_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STS_VERSION "2011-06-15"
#define WEB_TOKEN_MAX (64 * 1024)

int cred_sts_parse_credentials(const char *xml, size_t len, const char *what,
                               aws_credentials *out, athena_error *err)
{
    size_t n;
    const char *cb = xml_element(xml, len, "Credentials", &n);
    if (!cb)
        return ae_set(err, AE_AUTH, 0, "%s: the answer has no Credentials element", what);
    strbuf ak = STRBUF_INIT, sk = STRBUF_INIT, tok = STRBUF_INIT, exp = STRBUF_INIT;
    int rc = 0;
    if (!xml_text(cb, n, "AccessKeyId", &ak) || !xml_text(cb, n, "SecretAccessKey", &sk) ||
        !xml_text(cb, n, "SessionToken", &tok) || !xml_text(cb, n, "Expiration", &exp)) {
        rc = ae_set(err, AE_AUTH, 0,
                    "%s: the answer lacks AccessKeyId, SecretAccessKey, SessionToken or Expiration",
                    what);
        goto done;
    }
    time_t t = cred_parse_time(sb_str(&exp));
    if (t == (time_t)-1) {
        rc = ae_set(err, AE_AUTH, 0, "%s: the answer has an unreadable Expiration \"%.40s\"", what,
                    sb_str(&exp));
        goto done;
    }
    rc = cred_fill(out, sb_str(&ak), sb_str(&sk), sb_str(&tok), t, what, err);
done:
    sb_free_secret(&ak);
    sb_free_secret(&sk);
    sb_free_secret(&tok);
    sb_free(&exp);
    return rc;
}

void cred_sts_form(strbuf *out, const char *action, const cred_role_params *rp,
                   const char *web_identity_token)
{
    sb_appends(out, "Action=");
    cred_url_encode(out, action);
    sb_appends(out, "&Version=" STS_VERSION "&RoleArn=");
    cred_url_encode(out, rp->role_arn);
    sb_appends(out, "&RoleSessionName=");
    if (rp->session_name && *rp->session_name)
        cred_url_encode(out, rp->session_name);
    else
        sb_printf(out, "athena-odbc-%lld", (long long)time(NULL));
    if (rp->duration > 0)
        sb_printf(out, "&DurationSeconds=%ld", rp->duration);
    if (rp->external_id && *rp->external_id) {
        sb_appends(out, "&ExternalId=");
        cred_url_encode(out, rp->external_id);
    }
    if (web_identity_token) {
        sb_appends(out, "&WebIdentityToken=");
        cred_url_encode(out, web_identity_token);
    }
}

/* ---- the sources ---- */

typedef struct sts_source {
    cred_source base;
    cred_ctx *ctx;
    cred_provider *parent;     /* AssumeRole: signs the call */
    char *role_arn, *session_name, *external_id, *origin;
    long duration;
    char *token_file;          /* web identity: file, or */
    char *token;               /* the token itself (secret) */
    bool web;
} sts_source;

static void sts_destroy(cred_source *self)
{
    sts_source *s = (sts_source *)self;
    cred_provider_free(s->parent);
    cred_ctx_unref(s->ctx);
    free(s->role_arn);
    free(s->session_name);
    free(s->external_id);
    free(s->origin);
    free(s->token_file);
    secret_free(s->token);
    free(s);
}

static cred_role_params params_of(const sts_source *s)
{
    cred_role_params rp = {s->role_arn, s->session_name, s->external_id, s->duration, s->origin};
    return rp;
}

/* One STS call; *expired_token set when STS refused the signing credentials
 * as expired. */
static int sts_call(sts_source *s, const char *action, const aws_credentials *signer,
                    const char *web_token, aws_credentials *out, bool *expired_token,
                    athena_error *err)
{
    char what[600];
    snprintf(what, sizeof what, "STS %s for role %s (%s) at %s", action, s->role_arn,
             s->origin ? s->origin : "connection", s->ctx->sts_endpoint);
    cred_role_params rp = params_of(s);
    strbuf body = STRBUF_INIT;
    cred_sts_form(&body, action, &rp, web_token);
    if (body.oom) {
        sb_free_secret(&body);
        return ae_set(err, AE_NOMEM, 0, "Out of memory building the STS request");
    }
    static const char *const headers[] = {
        "Content-Type: application/x-www-form-urlencoded; charset=utf-8", NULL};
    http_request req;
    memset(&req, 0, sizeof req);
    req.method = "POST";
    req.url = s->ctx->sts_endpoint;
    req.service = signer ? "sts" : NULL;
    req.headers = headers;
    req.body = body.data;
    req.body_len = body.len;
    req.operation = action;
    req.retryable = true;
    req.creds_override = signer;
    http_response resp;
    http_response_init(&resp);
    athena_error herr;
    ae_clear(&herr);
    int rc = http_perform(s->ctx->http, &req, &resp, &herr);
    sb_free_secret(&body);
    if (rc == 0 && resp.status == 200) {
        rc = cred_sts_parse_credentials(sb_str(&resp.body), resp.body.len, what, out, err);
    } else {
        if (rc == 0 && expired_token &&
            (strstr(sb_str(&resp.body), "<Code>ExpiredToken</Code>") ||
             strcmp(resp.aws_error_type, "ExpiredToken") == 0 ||
             strcmp(resp.aws_error_type, "ExpiredTokenException") == 0))
            *expired_token = true;
        rc = cred_http_fail(err, what, rc, &resp, &herr);
    }
    sb_free_secret(&resp.body);
    http_response_free(&resp);
    return rc;
}

static int assume_fetch(cred_source *self, aws_credentials *out, athena_error *err)
{
    sts_source *s = (sts_source *)self;
    aws_credentials src;
    memset(&src, 0, sizeof src);
    int rc = -1;
    for (int attempt = 0; attempt < 2; attempt++) {
        athena_error perr;
        ae_clear(&perr);
        if (s->parent->get(s->parent, &src, attempt > 0, &perr) != 0) {
            rc = ae_set(err, perr.code, perr.native, "Source credentials for role %s (%s): %s",
                        s->role_arn, s->origin ? s->origin : "connection", perr.message);
            break;
        }
        bool expired_token = false;
        rc = sts_call(s, "AssumeRole", &src, NULL, out, &expired_token, err);
        if (rc == 0 || !expired_token)
            break;
        LOG_AT(s->ctx->log, LOG_INFO,
               "credentials: the source credentials of role %s expired: refreshing them", s->role_arn);
    }
    aws_credentials_wipe(&src);
    return rc;
}

static int web_fetch(cred_source *self, aws_credentials *out, athena_error *err)
{
    sts_source *s = (sts_source *)self;
    char *token = NULL;
    size_t len = 0;
    if (s->token_file) {
        if (cred_read_file(s->token_file, WEB_TOKEN_MAX, "web identity token file", false, &token, &len,
                           err) != 0)
            return -1;
        /* the token file may end with a newline */
        while (len > 0 && (token[len - 1] == '\n' || token[len - 1] == '\r' ||
                           token[len - 1] == ' ' || token[len - 1] == '\t'))
            token[--len] = '\0';
        if (len == 0) {
            secret_free(token);
            return ae_set(err, AE_AUTH, 0, "The web identity token file %s is empty",
                          s->token_file);
        }
    }
    int rc = sts_call(s, "AssumeRoleWithWebIdentity", NULL, token ? token : s->token, out, NULL,
                      err);
    secret_free(token);
    return rc;
}

static sts_source *sts_new(cred_ctx *ctx, const cred_role_params *rp, athena_error *err)
{
    if (!rp->role_arn || !*rp->role_arn) {
        ae_set(err, AE_AUTH, 0, "A role ARN is required (%s)", rp->origin ? rp->origin : "connection");
        return NULL;
    }
    sts_source *s = calloc(1, sizeof *s);
    if (!s) {
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    s->ctx = cred_ctx_ref(ctx);
    s->role_arn = str_dup(rp->role_arn);
    s->session_name = str_dup(rp->session_name);
    s->external_id = str_dup(rp->external_id);
    s->origin = str_dup(rp->origin);
    s->duration = rp->duration;
    s->base.destroy = sts_destroy;
    if (!s->role_arn || (rp->session_name && !s->session_name) ||
        (rp->external_id && !s->external_id) || (rp->origin && !s->origin)) {
        sts_destroy(&s->base);
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    if (rp->session_name && *rp->session_name) {
        size_t l = strlen(rp->session_name);
        bool ok = l >= 2 && l <= 64;
        for (size_t i = 0; ok && i < l; i++) {
            char c = rp->session_name[i];
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 strchr("_+=,.@-", c) != NULL;
        }
        if (!ok) {
            ae_set(err, AE_CONFIG, 0,
                   "role_session_name \"%s\" (%s) is invalid: 2 to 64 characters among letters, "
                   "digits and _+=,.@-",
                   rp->session_name, rp->origin ? rp->origin : "connection");
            sts_destroy(&s->base);
            return NULL;
        }
    }
    if (rp->duration != 0 && (rp->duration < 900 || rp->duration > 43200)) {
        ae_set(err, AE_CONFIG, 0, "The role duration %ld (%s) must be between 900 and 43200 seconds",
               rp->duration, rp->origin ? rp->origin : "connection");
        sts_destroy(&s->base);
        return NULL;
    }
    return s;
}

cred_source *cred_assume_role_source(cred_ctx *ctx, cred_provider *parent,
                                     const cred_role_params *rp, athena_error *err)
{
    sts_source *s = sts_new(ctx, rp, err);
    if (!s) {
        cred_provider_free(parent);
        return NULL;
    }
    s->parent = parent;
    s->base.fetch = assume_fetch;
    return &s->base;
}

cred_source *cred_web_identity_source(cred_ctx *ctx, const char *token_file, const char *token,
                                      const cred_role_params *rp, athena_error *err)
{
    if ((!token_file || !*token_file) && (!token || !*token)) {
        ae_set(err, AE_AUTH, 0, "A web identity token (or token file) is required for role %s (%s)",
               rp->role_arn ? rp->role_arn : "", rp->origin ? rp->origin : "connection");
        return NULL;
    }
    sts_source *s = sts_new(ctx, rp, err);
    if (!s)
        return NULL;
    s->web = true;
    s->base.fetch = web_fetch;
    if (token_file && *token_file) {
        s->token_file = aws_expand_home(token_file);
        if (!s->token_file) {
            sts_destroy(&s->base);
            ae_set(err, AE_AUTH, 0, "Cannot expand the web identity token file path %s (HOME is not set)",
                   token_file);
            return NULL;
        }
    } else {
        s->token = str_dup(token);
        if (!s->token) {
            sts_destroy(&s->base);
            ae_set(err, AE_NOMEM, 0, "Out of memory");
            return NULL;
        }
    }
    return &s->base;
}

/* cred_imds.c - EC2 instance metadata credentials (IMDSv2: a session token
 * from PUT /latest/api/token first, then the role's credentials). Short
 * timeouts (cred_ctx's metadata client) so a machine without IMDS does not
 * hang the connect. */
#include "cred_sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IMDS_TOKEN_TTL "21600"
#define IMDS_CREDS_PATH "/latest/meta-data/iam/security-credentials/"

typedef struct imds_source {
    cred_source base;
    cred_ctx *ctx;
    char *endpoint;
} imds_source;

char *cred_imds_endpoint(void)
{
    const char *ep = cred_env("AWS_EC2_METADATA_SERVICE_ENDPOINT");
    const char *mode = cred_env("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE");
    if (!ep)
        ep = (mode && str_casecmp(mode, "IPv6") == 0) ? "http://[fd00:ec2::254]"
                                                       : "http://169.254.169.254";
    char *s = str_dup(ep);
    if (s) {
        size_t n = strlen(s);
        while (n > 0 && s[n - 1] == '/')
            s[--n] = '\0';
    }
    return s;
}

/* GET/PUT one metadata path. Returns 0 with *resp filled (any status), or
 * -1 with err (no answer). */
static int imds_call(imds_source *s, const char *method, const char *path, const char *const *headers,
                     const char *op, http_response *resp, athena_error *err)
{
    strbuf url = STRBUF_INIT;
    sb_printf(&url, "%s%s", s->endpoint, path);
    http_request req;
    memset(&req, 0, sizeof req);
    req.method = method;
    req.url = sb_str(&url);
    req.headers = headers;
    req.operation = op;
    req.retryable = true;
    athena_error herr;
    ae_clear(&herr);
    int rc = http_perform(s->ctx->meta, &req, resp, &herr);
    sb_free(&url);
    if (rc != 0) {
        char what[300];
        snprintf(what, sizeof what, "Instance metadata (IMDS) at %s did not answer", s->endpoint);
        return cred_http_fail(err, what, rc, resp, &herr);
    }
    return 0;
}

static int imds_fetch(cred_source *self, aws_credentials *out, athena_error *err)
{
    imds_source *s = (imds_source *)self;
    http_response resp;
    http_response_init(&resp);
    char token[256] = "";
    bool have_token = false;
    int rc;
    static const char *const token_headers[] = {"X-aws-ec2-metadata-token-ttl-seconds: " IMDS_TOKEN_TTL,
                                                NULL};
    rc = imds_call(s, "PUT", "/latest/api/token", token_headers, "imds:GetToken", &resp, err);
    if (rc != 0)
        goto done;
    if (resp.status == 200 && resp.body.len > 0 && resp.body.len < sizeof token &&
        !strpbrk(sb_str(&resp.body), "\r\n")) {
        memcpy(token, resp.body.data, resp.body.len);
        token[resp.body.len] = '\0';
        have_token = true;
    } else if ((resp.status == 403 || resp.status == 404 || resp.status == 405) &&
               !cred_env_true("AWS_EC2_METADATA_V1_DISABLED")) {
        LOG_AT(s->ctx->log, LOG_INFO,
               "credentials: IMDS at %s refused a session token (HTTP %ld): using IMDSv1",
               s->endpoint, resp.status);
    } else {
        rc = cred_http_fail(err, "Instance metadata (IMDSv2) token request", 0, &resp, NULL);
        goto done;
    }

    char auth[300] = "";
    const char *headers[2] = {NULL, NULL};
    if (have_token) {
        snprintf(auth, sizeof auth, "X-aws-ec2-metadata-token: %s", token);
        headers[0] = auth;
    }
    sb_free_secret(&resp.body);
    http_response_free(&resp);
    http_response_init(&resp);
    rc = imds_call(s, "GET", IMDS_CREDS_PATH, headers, "imds:GetRoleName", &resp, err);
    if (rc != 0)
        goto done;
    if (resp.status == 404) {
        rc = ae_set(err, AE_AUTH, 404,
                    "Instance metadata (IMDS) at %s: no IAM role is attached to this instance",
                    s->endpoint);
        goto done;
    }
    if (resp.status != 200) {
        rc = cred_http_fail(err, "Instance metadata (IMDS) role name", 0, &resp, NULL);
        goto done;
    }
    char role[256];
    {
        const char *b = sb_str(&resp.body);
        size_t n = strcspn(b, "\r\n");
        while (n > 0 && (b[n - 1] == ' ' || b[n - 1] == '\t'))
            n--;
        if (n == 0 || n >= sizeof role) {
            rc = ae_set(err, AE_AUTH, 0, "Instance metadata (IMDS) at %s returned no role name",
                        s->endpoint);
            goto done;
        }
        memcpy(role, b, n);
        role[n] = '\0';
    }
    http_response_free(&resp);
    http_response_init(&resp);
    strbuf path = STRBUF_INIT;
    sb_appends(&path, IMDS_CREDS_PATH);
    cred_url_encode(&path, role);
    rc = imds_call(s, "GET", sb_str(&path), headers, "imds:GetCredentials", &resp, err);
    sb_free(&path);
    explicit_bzero(auth, sizeof auth);
    if (rc != 0)
        goto done;
    char what[400];
    snprintf(what, sizeof what, "Instance metadata (IMDS) credentials of role %s", role);
    if (resp.status != 200) {
        rc = cred_http_fail(err, what, 0, &resp, NULL);
        goto done;
    }
    rc = cred_parse_json_credentials(sb_str(&resp.body), resp.body.len, "Token", false, what, out,
                                     err);
    if (rc == 0) {
        /* {"Code": "Success", ...}: anything else is a failure */
        const char *code = strstr(sb_str(&resp.body), "\"Code\"");
        if (code && !strstr(code, "\"Success\"")) {
            aws_credentials_wipe(out);
            rc = ae_set(err, AE_AUTH, 0, "%s: the answer's Code is not Success", what);
        }
    }
done:
    explicit_bzero(token, sizeof token);
    sb_free_secret(&resp.body);
    http_response_free(&resp);
    return rc;
}

static void imds_destroy(cred_source *self)
{
    imds_source *s = (imds_source *)self;
    cred_ctx_unref(s->ctx);
    free(s->endpoint);
    free(s);
}

cred_source *cred_imds_source(cred_ctx *ctx, athena_error *err)
{
    imds_source *s = calloc(1, sizeof *s);
    if (!s || !(s->endpoint = cred_imds_endpoint())) {
        free(s);
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    s->ctx = cred_ctx_ref(ctx);
    s->base.fetch = imds_fetch;
    s->base.destroy = imds_destroy;
    return &s->base;
}

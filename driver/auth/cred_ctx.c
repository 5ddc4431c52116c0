/* cred_ctx.c - the context shared by a connection's credential providers,
 * and their helpers. */
#include "cred_ctx.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "xml_text.h"

/* ---- context ---- */

/* Deep copy of every key set in src (plus the region, which may come from
 * the environment). */
static int copy_config(athena_config *dst, const athena_config *src, athena_error *err)
{
    config_init(dst);
    strbuf val = STRBUF_INIT, e = STRBUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < config_key_count() && rc == 0; i++) {
        const config_key_info *k = config_key_at(i);
        if (k->legacy || !config_key_was_set(src, k))
            continue;
        sb_reset(&val);
        sb_reset(&e);
        config_get_text(src, k, &val);
        if (val.oom || config_set(dst, k->name, sb_str(&val), &e) == KEY_NOMEM)
            rc = ae_set(err, AE_NOMEM, 0, "Out of memory copying the connection settings");
    }
    sb_free_secret(&val);
    sb_free(&e);
    if (rc == 0 && src->region && *src->region && (!dst->region || strcmp(dst->region, src->region))) {
        free(dst->region);
        dst->region = str_dup(src->region);
        if (!dst->region)
            rc = ae_set(err, AE_NOMEM, 0, "Out of memory copying the connection settings");
    }
    /* credential calls are never made to the Athena or S3 endpoints */
    return rc;
}

static int compute_sts_endpoint(cred_ctx *c, athena_error *err)
{
    free(c->sts_endpoint);
    c->sts_endpoint = NULL;
    const char *env = cred_env("AWS_ENDPOINT_URL_STS");
    if (c->cfg.sts_endpoint_override && *c->cfg.sts_endpoint_override)
        c->sts_endpoint = str_dup(c->cfg.sts_endpoint_override);
    else if (env)
        c->sts_endpoint = str_dup(env);
    else {
        char *saved = c->cfg.region;
        c->cfg.region = c->region;
        c->sts_endpoint = config_sts_endpoint(&c->cfg);
        c->cfg.region = saved;
    }
    if (!c->sts_endpoint)
        return ae_set(err, AE_NOMEM, 0, "Out of memory building the STS endpoint");
    return 0;
}

cred_ctx *cred_ctx_new(const athena_config *cfg, athena_error *err)
{
    cred_ctx *c = calloc(1, sizeof *c);
    if (!c) {
        ae_set(err, AE_NOMEM, 0, "Out of memory creating the credential providers");
        return NULL;
    }
    c->refs = 1;
    if (copy_config(&c->cfg, cfg, err) != 0 || copy_config(&c->meta_cfg, cfg, err) != 0)
        goto fail;
    c->meta_cfg.connection_timeout_ms = CRED_META_CONNECT_TIMEOUT_MS;
    c->meta_cfg.request_timeout_ms = CRED_META_REQUEST_TIMEOUT_MS;
    c->meta_cfg.max_retries = 1;
    c->region_explicit = cfg->region && *cfg->region;
    c->region = str_dup(c->region_explicit ? cfg->region : "us-east-1");
    if (!c->region) {
        ae_set(err, AE_NOMEM, 0, "Out of memory creating the credential providers");
        goto fail;
    }
    if (compute_sts_endpoint(c, err) != 0)
        goto fail;
    c->log = log_open(cfg->log_level, cfg->log_path);
    c->http = http_client_new(&c->cfg, NULL, c->log, err);
    if (!c->http)
        goto fail;
    c->meta = http_client_new(&c->meta_cfg, NULL, c->log, err);
    if (!c->meta)
        goto fail;
    return c;
fail:
    cred_ctx_unref(c);
    return NULL;
}

cred_ctx *cred_ctx_ref(cred_ctx *c)
{
    if (c)
        __atomic_add_fetch(&c->refs, 1, __ATOMIC_SEQ_CST);
    return c;
}

void cred_ctx_unref(cred_ctx *c)
{
    if (!c || __atomic_sub_fetch(&c->refs, 1, __ATOMIC_SEQ_CST) > 0)
        return;
    http_client_free(c->http);
    http_client_free(c->meta);
    log_close(c->log);
    free(c->region);
    free(c->sts_endpoint);
    config_free(&c->cfg);
    config_free(&c->meta_cfg);
    free(c);
}

int cred_ctx_set_region(cred_ctx *c, const char *region, athena_error *err)
{
    if (c->region_explicit || !region || !*region)
        return 0;
    char *r = str_dup(region);
    if (!r)
        return ae_set(err, AE_NOMEM, 0, "Out of memory");
    free(c->region);
    c->region = r;
    return compute_sts_endpoint(c, err);
}

/* ---- time ---- */

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

time_t cred_parse_time(const char *s)
{
    if (!s)
        return -1;
    int Y, M, D, h, m, sec;
    if (strlen(s) < 19 || !digits(s, 4, &Y) || s[4] != '-' || !digits(s + 5, 2, &M) ||
        s[7] != '-' || !digits(s + 8, 2, &D) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
        !digits(s + 11, 2, &h) || s[13] != ':' || !digits(s + 14, 2, &m) || s[16] != ':' ||
        !digits(s + 17, 2, &sec))
        return -1;
    if (M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || sec > 60)
        return -1;
    const char *p = s + 19;
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)*p))
            return -1;
        while (isdigit((unsigned char)*p))
            p++;
    }
    long offset = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (strcmp(p, "UTC") == 0) {
        p += 3;
    } else if (*p == '+' || *p == '-') {
        int oh, om;
        int sign = *p == '-' ? -1 : 1;
        if (!digits(p + 1, 2, &oh) || p[3] != ':' || !digits(p + 4, 2, &om))
            return -1;
        offset = sign * (oh * 3600L + om * 60L);
        p += 6;
    } else {
        return -1;
    }
    if (*p)
        return -1;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = Y - 1900;
    tm.tm_mon = M - 1;
    tm.tm_mday = D;
    tm.tm_hour = h;
    tm.tm_min = m;
    tm.tm_sec = sec;
    time_t t = timegm(&tm);
    if (t == (time_t)-1)
        return -1;
    return t - offset;
}

void cred_format_time(time_t t, char out[32])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    if (strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        out[0] = '\0';
}

double cred_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- credentials ---- */

bool cred_copy(char *dst, size_t n, const char *src)
{
    size_t l = src ? strlen(src) : 0;
    if (l >= n)
        return false;
    memcpy(dst, src ? src : "", l);
    dst[l] = '\0';
    return true;
}

int cred_fill(aws_credentials *c, const char *ak, const char *sk, const char *token,
              time_t expiration, const char *what, athena_error *err)
{
    aws_credentials_wipe(c);
    if (!ak || !*ak)
        return ae_set(err, AE_AUTH, 0, "%s: the access key id is missing", what);
    if (!sk || !*sk)
        return ae_set(err, AE_AUTH, 0, "%s: the secret access key is missing", what);
    if (!cred_copy(c->access_key, sizeof c->access_key, ak))
        return ae_set(err, AE_AUTH, 0, "%s: the access key id is too long", what);
    if (!cred_copy(c->secret_key, sizeof c->secret_key, sk)) {
        aws_credentials_wipe(c);
        return ae_set(err, AE_AUTH, 0, "%s: the secret access key is too long", what);
    }
    if (!cred_copy(c->session_token, sizeof c->session_token, token)) {
        aws_credentials_wipe(c);
        return ae_set(err, AE_AUTH, 0, "%s: the session token is too long (at most %zu bytes)",
                      what, sizeof c->session_token - 1);
    }
    c->expiration = expiration;
    return 0;
}

/* ---- strings ---- */

void cred_url_encode(strbuf *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if (isalnum(*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~') {
            sb_appendc(out, (char)*p);
        } else {
            char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            sb_append(out, e, 3);
        }
    }
}

void cred_mask(const char *key_id, char out[32])
{
    log_mask_key_id(key_id ? key_id : "", out, 32);
}

const char *cred_env(const char *name)
{
    const char *v = getenv(name);
    return (v && *v) ? v : NULL;
}

bool cred_env_true(const char *name)
{
    const char *v = cred_env(name);
    return v && (str_casecmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

/* ---- HTTP failures ---- */

int cred_http_fail(athena_error *err, const char *what, int rc, const http_response *resp,
                   const athena_error *herr)
{
    if (rc != 0) {
        ae_code code = herr ? herr->code : AE_CONNECT;
        if (code == AE_LINK || code == AE_REQUEST_TIMEOUT || code == AE_CONNECT)
            code = AE_CONNECT;
        return ae_set(err, code, 0, "%s: %s", what,
                      herr && herr->message[0] ? herr->message : "no answer");
    }
    char type[128] = "", msg[512] = "";
    if (resp->aws_error_type[0])
        snprintf(type, sizeof type, "%s", resp->aws_error_type);
    if (resp->aws_error_message[0])
        snprintf(msg, sizeof msg, "%s", resp->aws_error_message);
    const char *body = sb_str(&resp->body);
    if (!type[0])
        xml_text_copy(body, "Code", type, sizeof type);
    if (!msg[0])
        xml_text_copy(body, "Message", msg, sizeof msg);
    ae_code code = resp->status >= 500 ? AE_SERVER : AE_AUTH;
    if (type[0] || msg[0])
        return ae_set(err, code, resp->status, "%s: HTTP %ld %s%s%s", what, resp->status, type,
                      type[0] && msg[0] ? ": " : "", msg);
    return ae_set(err, code, resp->status, "%s: HTTP %ld", what, resp->status);
}

/* ---- JSON credentials ---- */

int cred_parse_json_credentials(const char *json, size_t len, const char *token_key,
                                bool expiration_required, const char *what, aws_credentials *out,
                                athena_error *err)
{
    json_error_t je;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return ae_set(err, AE_AUTH, 0, "%s: the answer is not valid JSON (line %d, column %d)",
                      what, je.line, je.column);
    int rc = 0;
    if (!json_is_object(root)) {
        rc = ae_set(err, AE_AUTH, 0, "%s: the answer is not a JSON object", what);
        goto done;
    }
    static const char *const names[] = {"AccessKeyId", "SecretAccessKey"};
    for (size_t i = 0; i < 2; i++) {
        json_t *v = json_object_get(root, names[i]);
        if (!json_is_string(v) || json_string_length(v) == 0) {
            rc = ae_set(err, AE_AUTH, 0, "%s: %s is missing or not a string", what, names[i]);
            goto done;
        }
    }
    json_t *tok = json_object_get(root, token_key);
    if (tok && !json_is_string(tok) && !json_is_null(tok)) {
        rc = ae_set(err, AE_AUTH, 0, "%s: %s is not a string", what, token_key);
        goto done;
    }
    time_t exp = 0;
    json_t *ev = json_object_get(root, "Expiration");
    if (ev && !json_is_null(ev)) {
        if (!json_is_string(ev) || (exp = cred_parse_time(json_string_value(ev))) == (time_t)-1) {
            rc = ae_set(err, AE_AUTH, 0, "%s: Expiration is not an ISO 8601 time", what);
            goto done;
        }
    } else if (expiration_required) {
        rc = ae_set(err, AE_AUTH, 0, "%s: Expiration is missing", what);
        goto done;
    }
    rc = cred_fill(out, json_string_value(json_object_get(root, "AccessKeyId")),
                   json_string_value(json_object_get(root, "SecretAccessKey")),
                   json_is_string(tok) ? json_string_value(tok) : "", exp, what, err);
done:
    json_decref(root);
    return rc;
}

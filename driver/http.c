/* http.c - every HTTP call of the driver.
 *
 * One CURL easy handle per client, reused for every request so that the
 * connection stays open (keep-alive); a mutex serialises its use. Each
 * attempt resets the handle's options (curl_easy_reset keeps the open
 * connections and caches) and sets them again from the configuration.
 *
 * Retry policy (docs/wire.md, "Errors and retries"): an attempt is retried when it got
 *  - HTTP 5xx (500, 502, 503, 504 ...) or 429,
 *  - an AWS error type meaning throttling or a transient server fault
 *    (ThrottlingException, TooManyRequestsException, SlowDown, ...),
 *  - a broken connection (reset, nothing received, send/receive error) or a
 *    timeout, provided the client had already reached the endpoint once
 *    (a first connection that fails - DNS, refused, TLS - fails at once);
 * with capped exponential backoff and full jitter: before retry n (n = 0, 1,
 * ...) it waits a uniformly random time in [0, min(cap, base * 2^n)] (base
 * 100 ms, cap 5 s), up to MaxRetries retries. Waiting is interruptible by the
 * request's cancel flag. An ExpiredTokenException makes it fetch fresh
 * credentials (force_refresh) and try once more. A request that streams into
 * a sink is not retried once bytes went to the sink, except a ranged GET
 * (range_len), which resumes at the first byte the sink has not had.
 *
 * Throttling: every signed request first takes a token from the
 * process-wide adaptive rate limiter of its endpoint and operation
 * (rate_limit.c), which every answer feeds; the wait is cancellable like
 * the backoff. A throttling answer does not use up one of the MaxRetries
 * retries while the request has been throttled for less than the throttle
 * patience (60 s): the limiter paces the retries, so they do not run out
 * while the offered load stays near the quota. */
#include "http.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>
#include <jansson.h>
#include <openssl/rand.h>

#include "rate_limit.h"
#include "sigv4.h"

#define BACKOFF_BASE_MS 100
#define BACKOFF_CAP_MS 5000
#define THROTTLE_PATIENCE_MS 60000

struct http_client {
    CURL *curl;
    pthread_mutex_t mu;
    cred_provider *creds;
    athena_log *log;
    char region[64];
    long connect_timeout_ms;
    long request_timeout_ms;
    long max_retries;
    bool verify_ssl;
    char *ca_file;
    bool use_proxy;
    char *proxy_host;
    long proxy_port;
    char *proxy_uid;
    char *proxy_pwd;
    char *non_proxy_host;
    long backoff_base_ms;
    long backoff_cap_ms;
    long throttle_patience_ms;
    bool rate_limit;       /* take tokens from the process-wide limiter */
    bool ever_connected;   /* an answer came back at least once */
    uint64_t rng;          /* xorshift64* state, seeded once */
    char user_agent[128];
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc = CURLE_OK;

static void global_init(void) { global_rc = curl_global_init(CURL_GLOBAL_DEFAULT); }

void http_response_init(http_response *r)
{
    memset(r, 0, sizeof *r);
    r->content_length = -1;
}

void http_response_free(http_response *r)
{
    if (!r)
        return;
    sb_free(&r->body);
}

static void response_reset(http_response *r)
{
    r->status = 0;
    sb_reset(&r->body);
    r->request_id[0] = r->content_range[0] = r->content_type[0] = '\0';
    r->content_length = -1;
    r->aws_error_type[0] = r->aws_error_message[0] = '\0';
}

const char *http_client_region(const http_client *c) { return c->region; }

void http_client_set_backoff(http_client *c, long base_ms, long cap_ms)
{
    c->backoff_base_ms = base_ms > 0 ? base_ms : 1;
    c->backoff_cap_ms = cap_ms > 0 ? cap_ms : 1;
}

void http_client_set_throttle_patience(http_client *c, long ms) { c->throttle_patience_ms = ms < 0 ? 0 : ms; }
void http_client_set_rate_limit(http_client *c, bool on) { c->rate_limit = on; }

http_client *http_client_new(const athena_config *cfg, cred_provider *creds, athena_log *log,
                             athena_error *err)
{
    pthread_once(&global_once, global_init);
    if (global_rc != CURLE_OK) {
        ae_set(err, AE_GENERAL, 0, "libcurl initialisation failed: %s", curl_easy_strerror(global_rc));
        return NULL;
    }
    http_client *c = calloc(1, sizeof *c);
    if (!c) {
        ae_set(err, AE_NOMEM, 0, "Out of memory creating the HTTP client");
        return NULL;
    }
    pthread_mutex_init(&c->mu, NULL);
    c->curl = curl_easy_init();
    c->creds = creds;
    c->log = log;
    snprintf(c->region, sizeof c->region, "%s",
             (cfg->region && *cfg->region) ? cfg->region : "us-east-1");
    c->connect_timeout_ms = cfg->connection_timeout_ms;
    c->request_timeout_ms = cfg->request_timeout_ms;
    c->max_retries = cfg->max_retries < 0 ? 0 : cfg->max_retries;
    c->verify_ssl = cfg->verify_ssl;
    c->use_proxy = cfg->use_proxy;
    c->proxy_port = cfg->proxy_port;
    c->backoff_base_ms = BACKOFF_BASE_MS;
    c->backoff_cap_ms = BACKOFF_CAP_MS;
    c->throttle_patience_ms = THROTTLE_PATIENCE_MS;
    c->rate_limit = true;
    bool oom = false;
#define DUP(dst, src)                 \
    do {                              \
        if (src && *src) {            \
            dst = str_dup(src);       \
            oom = oom || !dst;        \
        }                             \
    } while (0)
    DUP(c->ca_file, cfg->trusted_certs);
    DUP(c->proxy_host, cfg->proxy_host);
    DUP(c->proxy_uid, cfg->proxy_uid);
    DUP(c->proxy_pwd, cfg->proxy_pwd);
    DUP(c->non_proxy_host, cfg->non_proxy_host);
#undef DUP
    if (!c->curl || oom) {
        http_client_free(c);
        ae_set(err, AE_NOMEM, 0, "Out of memory creating the HTTP client");
        return NULL;
    }
    if (RAND_bytes((unsigned char *)&c->rng, sizeof c->rng) != 1 || c->rng == 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        c->rng = ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec ^ (uint64_t)(uintptr_t)c;
        if (c->rng == 0)
            c->rng = 0x9E3779B97F4A7C15ull;
    }
    snprintf(c->user_agent, sizeof c->user_agent, "athena-odbc/%s %s", "0.1.0",
             curl_version_info(CURLVERSION_NOW)->version
                 ? curl_version_info(CURLVERSION_NOW)->version
                 : "");
    return c;
}

void http_client_free(http_client *c)
{
    if (!c)
        return;
    if (c->curl)
        curl_easy_cleanup(c->curl);
    pthread_mutex_destroy(&c->mu);
    free(c->ca_file);
    free(c->proxy_host);
    free(c->proxy_uid);
    secret_free(c->proxy_pwd);
    free(c->non_proxy_host);
    free(c);
}

/* ---- small helpers ---- */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static uint64_t rng_next(http_client *c)
{
    uint64_t x = c->rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    c->rng = x;
    return x * 0x2545F4914F6CDD1Dull;
}

/* Full-jitter delay before retry number n (0-based). */
static long backoff_ms(http_client *c, int n)
{
    long ceiling = c->backoff_base_ms;
    for (int i = 0; i < n && ceiling < c->backoff_cap_ms; i++)
        ceiling *= 2;
    if (ceiling > c->backoff_cap_ms)
        ceiling = c->backoff_cap_ms;
    pthread_mutex_lock(&c->mu);
    uint64_t r = rng_next(c);
    pthread_mutex_unlock(&c->mu);
    return (long)(r % (uint64_t)(ceiling + 1));
}

static bool cancelled(const http_request *req) { return req->cancel_flag && CANCEL_GET(*req->cancel_flag); }

/* How logs and messages name a request: its operation, else its method. */
static const char *op_name(const http_request *req)
{
    return req->operation ? req->operation : (req->method ? req->method : "GET");
}

/* Sleeps ms milliseconds in short slices; false if cancelled meanwhile. */
static bool wait_ms(const http_request *req, long ms)
{
    double end = now_ms() + (double)ms;
    for (;;) {
        if (cancelled(req))
            return false;
        double left = end - now_ms();
        if (left <= 0)
            return true;
        long slice = left > 10 ? 10 : (long)left + 1;
        struct timespec ts = {slice / 1000, (slice % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
}

/* Splits an absolute URL. host_hdr gets "host[:port]" as the Host header
 * carries it; path and query point into url (query NULL when absent). */
static int split_url(const char *url, char *host_hdr, size_t hn, const char **path,
                     size_t *path_len, const char **query)
{
    const char *p = strstr(url, "://");
    if (!p)
        return -1;
    bool https = (size_t)(p - url) == 5 && strncasecmp(url, "https", 5) == 0;
    p += 3;
    const char *h = p;
    while (*p && *p != '/' && *p != '?' && *p != '#')
        p++;
    size_t hl = (size_t)(p - h);
    if (hl == 0 || hl >= hn)
        return -1;
    memcpy(host_hdr, h, hl);
    host_hdr[hl] = '\0';
    /* drop a default port, as curl does in its own Host header */
    char *colon = strrchr(host_hdr, ':');
    if (colon && !strchr(colon, ']')) {
        if ((https && !strcmp(colon, ":443")) || (!https && !strcmp(colon, ":80")))
            *colon = '\0';
    }
    for (char *q = host_hdr; *q; q++)
        *q = (char)tolower((unsigned char)*q);
    if (*p == '/') {
        const char *s = p;
        while (*p && *p != '?' && *p != '#')
            p++;
        *path = s;
        *path_len = (size_t)(p - s);
    } else {
        *path = "/";
        *path_len = 1;
    }
    *query = NULL;
    if (*p == '?') {
        p++;
        *query = p;
    }
    return 0;
}

/* ---- error bodies ---- */

static void copy_trunc(char *dst, size_t n, const char *src, size_t len)
{
    if (len >= n)
        len = n - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* "prefix#Type" -> "Type"; "Type:http://..." -> "Type". */
static void clean_type(char *t)
{
    char *hash = strrchr(t, '#');
    if (hash)
        memmove(t, hash + 1, strlen(hash + 1) + 1);
    char *colon = strchr(t, ':');
    if (colon)
        *colon = '\0';
}

/* Minimal XML text unescape in place. */
static void xml_unescape(char *s)
{
    static const struct { const char *ent; char c; } ents[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    char *w = s;
    for (char *r = s; *r;) {
        bool done = false;
        if (*r == '&')
            for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++) {
                size_t l = strlen(ents[i].ent);
                if (!strncmp(r, ents[i].ent, l)) {
                    *w++ = ents[i].c;
                    r += l;
                    done = true;
                    break;
                }
            }
        if (!done)
            *w++ = *r++;
    }
    *w = '\0';
}

static bool xml_element(const char *body, const char *name, char *out, size_t n)
{
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", name);
    snprintf(close, sizeof close, "</%s>", name);
    const char *a = strstr(body, open);
    if (!a)
        return false;
    a += strlen(open);
    const char *b = strstr(a, close);
    if (!b)
        return false;
    copy_trunc(out, n, a, (size_t)(b - a));
    xml_unescape(out);
    return true;
}

void http_parse_error_body(http_response *r)
{
    const char *body = sb_str(&r->body);
    const char *p = body;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    if (*p == '{') {
        json_error_t je;
        json_t *root = json_loadb(r->body.data, r->body.len, 0, &je);
        if (root && json_is_object(root)) {
            const char *t = json_string_value(json_object_get(root, "__type"));
            if (!t)
                t = json_string_value(json_object_get(root, "code"));
            if (t) {
                snprintf(r->aws_error_type, sizeof r->aws_error_type, "%s", t);
                clean_type(r->aws_error_type);
            }
            const char *m = json_string_value(json_object_get(root, "Message"));
            if (!m)
                m = json_string_value(json_object_get(root, "message"));
            if (m)
                snprintf(r->aws_error_message, sizeof r->aws_error_message, "%s", m);
        }
        json_decref(root);
    } else if (*p == '<') {
        if (xml_element(p, "Code", r->aws_error_type, sizeof r->aws_error_type))
            clean_type(r->aws_error_type);
        xml_element(p, "Message", r->aws_error_message, sizeof r->aws_error_message);
    }
}

/* ---- classification ---- */

static bool type_is(const char *t, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(t, *list))
            return true;
    return false;
}

static const char *const throttle_types[] = {
    "ThrottlingException", "TooManyRequestsException", "Throttling", "ThrottledException",
    "RequestThrottled", "RequestThrottledException", "SlowDown", "RequestLimitExceeded",
    "ProvisionedThroughputExceededException", "BandwidthLimitExceeded", "EC2ThrottledException",
    "PriorRequestNotComplete", NULL};
static const char *const transient_types[] = {
    "InternalServerException", "InternalFailure", "InternalError", "ServiceUnavailable",
    "ServiceUnavailableException", "RequestTimeout", "RequestTimeoutException", NULL};
static const char *const expired_types[] = {"ExpiredTokenException", "ExpiredToken", NULL};

typedef enum { ANS_OK, ANS_RETRY_THROTTLE, ANS_RETRY_SERVER, ANS_EXPIRED } answer_kind;

static answer_kind classify_answer(const http_response *r)
{
    if (r->status < 400)
        return ANS_OK;
    if (type_is(r->aws_error_type, expired_types))
        return ANS_EXPIRED;
    if (r->status == 429 || type_is(r->aws_error_type, throttle_types))
        return ANS_RETRY_THROTTLE;
    if (r->status >= 500 || type_is(r->aws_error_type, transient_types))
        return ANS_RETRY_SERVER;
    return ANS_OK;
}

/* ---- one attempt ---- */

typedef struct xfer {
    http_client *c;
    const http_request *req;
    http_response *resp;
    bool sink_used;      /* bytes went to the sink in this attempt */
    bool sink_aborted;   /* the sink returned false */
    long long range_at;  /* ranged GET: first byte this attempt asks for */
    long long range_left; /* and how many */
    long long sunk;      /* bytes this attempt passed to the sink */
    bool range_checked;  /* the answer was found to be the asked range */
    const char *range_bad; /* or why it is not */
} xfer;

/* A ranged GET's 2xx answer: is it the range asked for? NULL, or why not. */
static const char *range_mismatch(const xfer *x, long status)
{
    const http_response *r = x->resp;
    if (status == 200)
        return x->range_at == 0 && r->content_length == x->range_left
                   ? NULL
                   : "the answer is not the range asked for (HTTP 200)";
    long long first = -1;
    if (status != 206 || sscanf(r->content_range, "bytes %lld-", &first) != 1 || first != x->range_at)
        return "the answer is not the range asked for";
    return NULL;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *ud)
{
    xfer *x = ud;
    size_t n = size * nmemb;
    long status = 0;
    curl_easy_getinfo(x->c->curl, CURLINFO_RESPONSE_CODE, &status);
    if (x->req->sink && status >= 200 && status < 300) {
        if (x->req->range_len > 0) {
            if (!x->range_checked) {
                x->range_bad = range_mismatch(x, status);
                x->range_checked = true;
            }
            if (!x->range_bad && (long long)n > x->range_left - x->sunk)
                x->range_bad = "the answer holds more bytes than the range asked for";
            if (x->range_bad)
                return 0;
        }
        x->sink_used = true;
        if (!x->req->sink(x->req->sink_ud, data, n)) {
            x->sink_aborted = true;
            return 0;
        }
        x->sunk += (long long)n;
        return n;
    }
    if (!sb_append(&x->resp->body, data, n))
        return 0;
    return n;
}

static void header_value(const char *line, size_t n, size_t name_len, char *out, size_t outn)
{
    const char *v = line + name_len + 1;
    const char *e = line + n;
    while (v < e && (*v == ' ' || *v == '\t'))
        v++;
    while (e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' ' || e[-1] == '\t'))
        e--;
    copy_trunc(out, outn, v, (size_t)(e - v));
}

static bool header_is(const char *line, size_t n, const char *name)
{
    size_t l = strlen(name);
    return n > l && line[l] == ':' && strncasecmp(line, name, l) == 0;
}

static size_t on_header(char *line, size_t size, size_t nmemb, void *ud)
{
    xfer *x = ud;
    size_t n = size * nmemb;
    http_response *r = x->resp;
    if (n >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        /* a new header block (after 100 Continue or a redirect) */
        r->request_id[0] = r->content_range[0] = r->content_type[0] = '\0';
        r->content_length = -1;
        return n;
    }
    char tmp[64];
    if (header_is(line, n, "x-amzn-RequestId")) {
        header_value(line, n, 16, r->request_id, sizeof r->request_id);
    } else if (header_is(line, n, "x-amz-request-id")) {
        header_value(line, n, 16, r->request_id, sizeof r->request_id);
    } else if (header_is(line, n, "Content-Range")) {
        header_value(line, n, 13, r->content_range, sizeof r->content_range);
    } else if (header_is(line, n, "Content-Type")) {
        header_value(line, n, 12, r->content_type, sizeof r->content_type);
    } else if (header_is(line, n, "Content-Length")) {
        header_value(line, n, 14, tmp, sizeof tmp);
        r->content_length = strtoll(tmp, NULL, 10);
    } else if (header_is(line, n, "x-amzn-ErrorType") && !r->aws_error_type[0]) {
        header_value(line, n, 16, r->aws_error_type, sizeof r->aws_error_type);
        clean_type(r->aws_error_type);
    }
    return n;
}

static int on_progress(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
    (void)dt, (void)dn, (void)ut, (void)un;
    xfer *x = ud;
    return cancelled(x->req) ? 1 : 0;
}

typedef enum {
    ATT_ANSWER,        /* an HTTP answer arrived */
    ATT_RETRY_LINK,    /* connection broke: retryable */
    ATT_RETRY_TIMEOUT, /* timed out: retryable */
    ATT_FAIL,          /* err is set; do not retry */
} attempt_result;

static void sb_header(struct curl_slist **list, bool *oom, const char *name, const char *value)
{
    strbuf h = STRBUF_INIT;
    sb_printf(&h, "%s: %s", name, value);
    struct curl_slist *n = h.oom ? NULL : curl_slist_append(*list, sb_str(&h));
    sb_free_secret(&h);
    if (!n)
        *oom = true;
    else
        *list = n;
}

/* Frees a header list, wiping it first: it held the Authorization and token. */
static void wipe_headers(struct curl_slist *hdrs)
{
    for (struct curl_slist *s = hdrs; s; s = s->next)
        explicit_bzero(s->data, strlen(s->data));
    curl_slist_free_all(hdrs);
}

/* The signed headers: Host, X-Amz-Date, the session token, S3's payload
 * hash and the Authorization computed over them and the caller's headers
 * (sh[0..nh), room for four more). Appends them to *hdrs. */
static void sign_headers(http_client *c, const http_request *req, const aws_credentials *creds,
                         const char *host, const char *path, size_t path_len, const char *query,
                         sigv4_header *sh, size_t nh, struct curl_slist **hdrs, bool *oom)
{
    char payload_hash[65];
    char amz_date[17];
    time_t t = time(NULL);
    sigv4_amz_date(t, amz_date);
    bool s3 = strcmp(req->service, "s3") == 0;
    sh[nh].name = "host";
    sh[nh].value = host;
    nh++;
    sh[nh].name = "x-amz-date";
    sh[nh].value = amz_date;
    nh++;
    if (creds->session_token[0]) {
        sh[nh].name = "x-amz-security-token";
        sh[nh].value = creds->session_token;
        nh++;
    }
    if (s3) {
        sigv4_sha256_hex(req->body, req->body ? req->body_len : 0, payload_hash);
        sh[nh].name = "x-amz-content-sha256";
        sh[nh].value = payload_hash;
        nh++;
    }
    char *path_z = str_ndup(path, path_len);
    sigv4_request sr = {.method = req->method, .path = path_z, .query = query, .headers = sh,
                        .header_count = nh, .body = req->body, .body_len = req->body_len,
                        .payload_hash = s3 ? payload_hash : NULL, .region = c->region,
                        .service = req->service, .now = t};
    sigv4_result sig;
    if (!path_z || sigv4_sign(&sr, creds, &sig) != 0) {
        *oom = true;
    } else {
        sb_header(hdrs, oom, "X-Amz-Date", amz_date);
        if (creds->session_token[0])
            sb_header(hdrs, oom, "X-Amz-Security-Token", creds->session_token);
        if (s3)
            sb_header(hdrs, oom, "x-amz-content-sha256", payload_hash);
        sb_header(hdrs, oom, "Authorization", sb_str(&sig.authorization));
        sigv4_result_free(&sig);
    }
    free(path_z);
}

/* The request's header list: the caller's headers (and `range`, the Range
 * line of a ranged GET), Host, the signature's headers when the request is
 * signed, and an empty Expect. NULL (err set)
 * when memory runs out. */
static struct curl_slist *build_headers(http_client *c, const http_request *req, const char *range,
                                        const aws_credentials *creds, const char *host, const char *path,
                                        size_t path_len, const char *query, athena_error *err)
{
    struct curl_slist *hdrs = NULL;
    bool oom = false;
    size_t nreq = 0;
    if (req->headers)
        while (req->headers[nreq])
            nreq++;
    size_t extra = nreq + (range ? 1 : 0);
    sigv4_header *sh = calloc(extra + 5, sizeof *sh);
    char **names = calloc(extra + 1, sizeof *names);
    if (!sh || !names) {
        free(sh);
        free(names);
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    size_t nh = 0;
    for (size_t i = 0; i < extra; i++) {
        const char *line = i < nreq ? req->headers[i] : range;
        const char *colon = strchr(line, ':');
        if (!colon)
            continue;
        names[i] = str_ndup(line, (size_t)(colon - line));
        if (!names[i]) {
            oom = true;
            continue;
        }
        const char *v = colon + 1;
        while (*v == ' ')
            v++;
        sh[nh].name = names[i];
        sh[nh].value = v;
        nh++;
        struct curl_slist *nl = curl_slist_append(hdrs, line);
        if (!nl)
            oom = true;
        else
            hdrs = nl;
    }
    sb_header(&hdrs, &oom, "Host", host);
    if (req->service && creds)
        sign_headers(c, req, creds, host, path, path_len, query, sh, nh, &hdrs, &oom);
    /* no "Expect: 100-continue" round trip before bodies */
    struct curl_slist *ne = curl_slist_append(hdrs, "Expect:");
    if (!ne)
        oom = true;
    else
        hdrs = ne;
    for (size_t i = 0; i < extra; i++)
        free(names[i]);
    free(names);
    free(sh);
    if (oom) {
        wipe_headers(hdrs);
        ae_set(err, AE_NOMEM, 0, "Out of memory preparing the request");
        return NULL;
    }
    return hdrs;
}

/* Sets every option of the (reset) handle for this request. */
static void set_options(http_client *c, const http_request *req, struct curl_slist *hdrs, xfer *x,
                        char *errbuf)
{
    CURL *h = c->curl;
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, req->url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, c->user_agent);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
    if (req->sink) {
        /* a streamed body may take long: give up only when it stalls */
        long secs = (c->request_timeout_ms + 999) / 1000;
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, secs > 0 ? secs : 1L);
    } else {
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, c->request_timeout_ms);
    }
    curl_easy_setopt(h, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2); /* TLS 1.2 at least */
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, c->verify_ssl ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, c->verify_ssl ? 2L : 0L);
    if (c->ca_file)
        curl_easy_setopt(h, CURLOPT_CAINFO, c->ca_file);
    if (c->use_proxy && c->proxy_host) {
        curl_easy_setopt(h, CURLOPT_PROXY, c->proxy_host);
        if (c->proxy_port > 0)
            curl_easy_setopt(h, CURLOPT_PROXYPORT, c->proxy_port);
        if (c->proxy_uid)
            curl_easy_setopt(h, CURLOPT_PROXYUSERNAME, c->proxy_uid);
        if (c->proxy_pwd)
            curl_easy_setopt(h, CURLOPT_PROXYPASSWORD, c->proxy_pwd);
        if (c->non_proxy_host)
            curl_easy_setopt(h, CURLOPT_NOPROXY, c->non_proxy_host);
    } else {
        /* UseProxy=0: no proxy, whatever the environment says */
        curl_easy_setopt(h, CURLOPT_PROXY, "");
    }
    const char *m = req->method ? req->method : "GET";
    if (!strcmp(m, "GET")) {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else if (!strcmp(m, "HEAD")) {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else {
        if (strcmp(m, "POST") != 0)
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, m);
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, req->body ? (const char *)req->body : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(req->body ? req->body_len : 0));
    }
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, x);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, x);
    errbuf[0] = '\0';
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
}

/* What a finished transfer means: an answer, a retryable failure, or a
 * failure (err set) that is not retried. */
static attempt_result classify_transfer(http_client *c, const http_request *req, CURLcode rc, const char *msg,
                                        const char *host, const xfer *x, athena_error *err)
{
    const char *op = op_name(req);
    switch (rc) {
    case CURLE_OK:
        c->ever_connected = true;
        return ATT_ANSWER;
    case CURLE_ABORTED_BY_CALLBACK:
        ae_set(err, AE_CANCELLED, 0, "%s cancelled", op);
        return ATT_FAIL;
    case CURLE_WRITE_ERROR:
        if (x->range_bad) {
            ae_set(err, AE_BAD_RESPONSE, 0, "%s: %s", op, x->range_bad);
            return ATT_FAIL;
        }
        if (x->sink_aborted) {
            ae_set(err, cancelled(req) ? AE_CANCELLED : AE_LINK, 0, "%s: transfer stopped by the receiver", op);
            return ATT_FAIL;
        }
        ae_set(err, AE_NOMEM, 0, "%s: out of memory receiving the answer", op);
        return ATT_FAIL;
    case CURLE_OPERATION_TIMEDOUT: {
        double connect_s = 0;
        curl_easy_getinfo(c->curl, CURLINFO_CONNECT_TIME, &connect_s);
        if (connect_s <= 0) {
            ae_set(err, AE_CONNECT, 0, "Cannot connect to %s: %s", host, msg);
            return c->ever_connected ? ATT_RETRY_TIMEOUT : ATT_FAIL;
        }
        ae_set(err, AE_REQUEST_TIMEOUT, 0, "%s timed out after %ld ms: %s", op,
               c->request_timeout_ms, msg);
        return ATT_RETRY_TIMEOUT;
    }
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        ae_set(err, AE_CONNECT, 0, "Cannot resolve %s: %s", host, msg);
        return ATT_FAIL;
    case CURLE_COULDNT_CONNECT:
        ae_set(err, AE_CONNECT, 0, "Cannot connect to %s: %s", host, msg);
        /* refused after we had been connected: the endpoint is restarting */
        return c->ever_connected ? ATT_RETRY_LINK : ATT_FAIL;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        ae_set(err, AE_CONNECT, 0, "Cannot connect to %s: %s", host, msg);
        return ATT_FAIL;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        ae_set(err, AE_LINK, 0, "Connection to %s broke during %s: %s", host, op, msg);
        return ATT_RETRY_LINK;
    default:
        ae_set(err, AE_LINK, 0, "%s failed: %s", op, msg);
        return ATT_FAIL;
    }
}

/* One try: URL, headers (signed with creds when the request names a
 * service), curl options, the transfer, and what its outcome means. */
static attempt_result attempt(http_client *c, const http_request *req, const aws_credentials *creds,
                              http_response *resp, athena_error *err, xfer *x)
{
    char host[512];
    const char *path, *query;
    size_t path_len;
    if (split_url(req->url, host, sizeof host, &path, &path_len, &query) != 0) {
        ae_set(err, AE_GENERAL, 0, "Invalid URL: %s", req->url);
        return ATT_FAIL;
    }
    char range[80];
    if (req->range_len > 0)
        snprintf(range, sizeof range, "Range: bytes=%lld-%lld", x->range_at, x->range_at + x->range_left - 1);
    struct curl_slist *hdrs = build_headers(c, req, req->range_len > 0 ? range : NULL, creds, host, path, path_len,
                                            query, err);
    if (!hdrs)
        return ATT_FAIL;
    char errbuf[CURL_ERROR_SIZE];
    set_options(c, req, hdrs, x, errbuf);
    CURLcode rc = curl_easy_perform(c->curl);
    curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &resp->status);
    wipe_headers(hdrs);
    curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, NULL);
    curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, NULL);
    return classify_transfer(c, req, rc, errbuf[0] ? errbuf : curl_easy_strerror(rc), host, x, err);
}

/* The credentials a signed request uses: the request's own, or the
 * provider's (fetched afresh when force_refresh). *use is NULL for an
 * unsigned request. -1 with err set when there are none. */
static int request_credentials(http_client *c, const http_request *req, bool force_refresh,
                               aws_credentials *creds, const aws_credentials **use, athena_error *err)
{
    *use = NULL;
    if (!req->service)
        return 0;
    if (req->creds_override) {
        *use = req->creds_override;
        return 0;
    }
    const char *op = op_name(req);
    if (!c->creds)
        return ae_set(err, AE_CONFIG_MISSING, 0, "%s: no credentials to sign the request", op);
    athena_error ce;
    ae_clear(&ce);
    if (c->creds->get(c->creds, creds, force_refresh, &ce) != 0) {
        aws_credentials_wipe(creds);
        if (err)
            *err = ce;
        return -1;
    }
    *use = creds;
    return 0;
}

static void log_attempt(http_client *c, const http_request *req, const http_response *resp, attempt_result ar,
                        const athena_error *e)
{
    const char *m = req->method ? req->method : "GET";
    const char *op = op_name(req);
    if (ar == ATT_ANSWER)
        LOG_AT(c->log, LOG_DEBUG, "%s %s -> HTTP %ld%s%s in %.1f ms (request id %s, attempt %d)", m, op,
               resp->status, resp->aws_error_type[0] ? " " : "", resp->aws_error_type, resp->elapsed_ms,
               resp->request_id[0] ? resp->request_id : "-", resp->attempts);
    else
        LOG_AT(c->log, LOG_DEBUG, "%s %s -> no answer in %.1f ms: %s (attempt %d)", m, op, resp->elapsed_ms,
               e->message, resp->attempts);
}

/* The error of a retryable outcome that may not be retried again: the
 * server's answer (throttled or failing), or the last attempt's error with
 * the number of attempts. */
static int give_up(const http_request *req, const http_response *resp, attempt_result ar, answer_kind ak,
                   const athena_error *e, athena_error *err)
{
    const char *op = op_name(req);
    if (ar == ATT_ANSWER) {
        ae_code code = ak == ANS_RETRY_THROTTLE ? AE_THROTTLED : AE_SERVER;
        ae_set(err, code, resp->status, "%s failed after %d attempt%s: HTTP %ld%s%s%s%s", op,
               resp->attempts, resp->attempts == 1 ? "" : "s", resp->status,
               resp->aws_error_type[0] ? " " : "", resp->aws_error_type,
               resp->aws_error_message[0] ? ": " : "", resp->aws_error_message);
        if (err)
            snprintf(err->aws_type, sizeof err->aws_type, "%s", resp->aws_error_type);
    } else if (err) {
        *err = *e;
        if (resp->attempts > 1) {
            char tail[64];
            snprintf(tail, sizeof tail, " (after %d attempts)", resp->attempts);
            size_t l = strlen(err->message);
            if (l + strlen(tail) < sizeof err->message)
                memcpy(err->message + l, tail, strlen(tail) + 1);
        }
    }
    return -1;
}

/* Takes a token from the request's rate limiter, waiting (cancellably)
 * when the limiter says so; false if cancelled meanwhile. */
static bool limiter_wait(http_client *c, const http_request *req, rate_limiter *rl)
{
    double wait_s = rl_acquire(rl, now_ms() / 1000.0);
    if (wait_s <= 0)
        return true;
    long ms = (long)(wait_s * 1000.0) + 1;
    LOG_AT(c->log, LOG_DEBUG, "%s: the rate limiter holds it %ld ms (%.2f/s)", op_name(req), ms,
           rl_fill_rate(rl));
    return wait_ms(req, ms);
}

int http_perform(http_client *c, const http_request *req, http_response *resp, athena_error *err)
{
    ae_clear(err);
    resp->attempts = 0;
    const char *op = op_name(req);
    int max_attempts = req->retryable ? (int)c->max_retries + 1 : 1;
    bool refreshed = false;
    bool force_refresh = false;
    int retries_done = 0;
    int free_attempts = 0;      /* throttled attempts within the patience */
    double throttled_since = -1; /* first throttling answer of this request */
    rate_limiter *rl = req->service && c->rate_limit ? rl_for(req->url, op) : NULL;
    long long range_done = 0;   /* ranged GET: bytes the sink has had */
    athena_error e;
    ae_clear(&e);

    for (;;) {
        if (cancelled(req))
            return ae_set(err, AE_CANCELLED, 0, "%s cancelled", op);
        if (!limiter_wait(c, req, rl))
            return ae_set(err, AE_CANCELLED, 0, "%s cancelled", op);
        aws_credentials creds;
        memset(&creds, 0, sizeof creds);
        const aws_credentials *use = NULL;
        if (request_credentials(c, req, force_refresh, &creds, &use, err) != 0)
            return -1;
        force_refresh = false;

        pthread_mutex_lock(&c->mu);
        response_reset(resp);
        xfer x = {.c = c, .req = req, .resp = resp, .range_at = req->range_from + range_done,
                  .range_left = req->range_len - range_done};
        ae_clear(&e);
        double t0 = now_ms();
        attempt_result ar = attempt(c, req, use, resp, &e, &x);
        resp->elapsed_ms = now_ms() - t0;
        resp->attempts++;
        range_done += x.sunk;
        pthread_mutex_unlock(&c->mu);
        aws_credentials_wipe(&creds);

        answer_kind ak = ANS_OK;
        if (ar == ATT_ANSWER) {
            if (resp->status >= 300)
                http_parse_error_body(resp); /* error bodies are collected, never sunk */
            ak = classify_answer(resp);
            rl_update(rl, ak == ANS_RETRY_THROTTLE, now_ms() / 1000.0);
        }
        log_attempt(c, req, resp, ar, &e);

        if (ar == ATT_FAIL) {
            if (err)
                *err = e;
            return -1;
        }
        if (ar == ATT_ANSWER && ak == ANS_OK)
            return 0;
        if (ar == ATT_ANSWER && ak == ANS_EXPIRED) {
            if (!refreshed && req->service && !req->creds_override && c->creds) {
                refreshed = true;
                force_refresh = true;
                LOG_AT(c->log, LOG_INFO, "%s: credentials expired, refreshing and retrying", op);
                continue;
            }
            return 0; /* the caller maps it (AE_AUTH) */
        }
        /* retryable outcome */
        if (ar == ATT_ANSWER && ak == ANS_RETRY_THROTTLE && req->retryable) {
            double t = now_ms();
            if (throttled_since < 0)
                throttled_since = t;
            if (t - throttled_since < (double)c->throttle_patience_ms)
                free_attempts++;
        }
        bool resume = req->range_len > 0 && x.sunk > 0 && ar != ATT_ANSWER;
        if (resume && range_done == req->range_len)
            return 0; /* every byte arrived before the connection broke */
        if (resume) {
            /* progress was made: this break does not use up a retry */
            free_attempts++;
            retries_done = 0;
            LOG_AT(c->log, LOG_DEBUG, "%s: resuming at byte %lld of %lld of the range", op, range_done,
                   req->range_len);
        }
        bool can_retry = resp->attempts - free_attempts < max_attempts + (refreshed ? 1 : 0) &&
                         !(x.sink_used && ar != ATT_ANSWER && req->range_len <= 0);
        if (!can_retry)
            return give_up(req, resp, ar, ak, &e, err);
        long delay = backoff_ms(c, retries_done);
        retries_done++;
        LOG_AT(c->log, LOG_DEBUG, "%s: retrying in %ld ms", op, delay);
        if (!wait_ms(req, delay))
            return ae_set(err, AE_CANCELLED, 0, "%s cancelled", op);
    }
}

/* test_http.c - http_perform's retry policy, signing headers, error parsing,
 * cancel and keep-alive against a tiny HTTP/1.1 server running in a thread
 * on 127.0.0.1 (no network needed), plus the credential providers. */
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "credentials.h"
#include "http.h"
#include "log.h"

/* ---------------------------------------------------------- the server */

typedef enum { ACT_RESPOND, ACT_CLOSE, ACT_DELAY } action;

typedef struct {
    action act;
    int status;
    const char *headers; /* extra header lines, each ending in \r\n */
    const char *body;
    int delay_ms;        /* ACT_DELAY: wait, then respond */
} scripted;

typedef struct {
    char method[16];
    char path[256];
    char headers[4096];
    char body[1024];
} seen_request;

#define MAXQ 64
static struct {
    int listen_fd;
    int port;
    pthread_mutex_t mu;
    scripted script[MAXQ];
    int nscript, next;
    scripted fallback;   /* when the script is used up */
    seen_request seen[MAXQ];
    int nseen;
    int connections;
    volatile int stop;
} srv = {.mu = PTHREAD_MUTEX_INITIALIZER};

static void srv_script(const scripted *s, int n, scripted fallback)
{
    pthread_mutex_lock(&srv.mu);
    for (int i = 0; i < n; i++)
        srv.script[i] = s[i];
    srv.nscript = n;
    srv.next = 0;
    srv.fallback = fallback;
    srv.nseen = 0;
    srv.connections = 0;
    pthread_mutex_unlock(&srv.mu);
}

static int srv_nseen(void)
{
    pthread_mutex_lock(&srv.mu);
    int n = srv.nseen;
    pthread_mutex_unlock(&srv.mu);
    return n;
}

/* Reads one request (headers + Content-Length body). 0 ok, -1 closed/error. */
static int read_request(int fd, char *buf, size_t cap, size_t *used, seen_request *out)
{
    for (;;) {
        char *end = memmem(buf, *used, "\r\n\r\n", 4);
        if (end) {
            size_t hlen = (size_t)(end - buf) + 4;
            long clen = 0;
            char *cl = strcasestr(buf, "\r\nContent-Length:");
            if (cl && cl < end)
                clen = strtol(cl + 17, NULL, 10);
            if (*used >= hlen + (size_t)clen) {
                memset(out, 0, sizeof *out);
                sscanf(buf, "%15s %255s", out->method, out->path);
                size_t first = (size_t)(strstr(buf, "\r\n") - buf) + 2;
                size_t hl = hlen - first;
                if (hl >= sizeof out->headers)
                    hl = sizeof out->headers - 1;
                memcpy(out->headers, buf + first, hl);
                size_t bl = (size_t)clen < sizeof out->body ? (size_t)clen : sizeof out->body - 1;
                memcpy(out->body, buf + hlen, bl);
                memmove(buf, buf + hlen + clen, *used - hlen - clen);
                *used -= hlen + clen;
                return 0;
            }
        }
        if (*used >= cap)
            return -1;
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 200) <= 0) {
            if (srv.stop)
                return -1;
            continue;
        }
        ssize_t r = recv(fd, buf + *used, cap - *used, 0);
        if (r <= 0)
            return -1;
        *used += (size_t)r;
    }
}

static void *conn_thread(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[16384];
    size_t used = 0;
    seen_request rq;
    while (!srv.stop && read_request(fd, buf, sizeof buf, &used, &rq) == 0) {
        pthread_mutex_lock(&srv.mu);
        if (srv.nseen < MAXQ)
            srv.seen[srv.nseen++] = rq;
        scripted s = srv.next < srv.nscript ? srv.script[srv.next++] : srv.fallback;
        pthread_mutex_unlock(&srv.mu);
        if (s.act == ACT_CLOSE)
            break;
        if (s.act == ACT_DELAY) {
            struct timespec ts = {s.delay_ms / 1000, (s.delay_ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
        }
        char out[8192];
        const char *body = s.body ? s.body : "";
        int n = snprintf(out, sizeof out,
                         "HTTP/1.1 %d X\r\nContent-Length: %zu\r\nx-amzn-RequestId: req-%d\r\n%s\r\n%s",
                         s.status, strlen(body), srv_nseen(), s.headers ? s.headers : "", body);
        if (send(fd, out, (size_t)n, MSG_NOSIGNAL) < 0)
            break;
    }
    close(fd);
    return NULL;
}

static void *accept_thread(void *arg)
{
    (void)arg;
    while (!srv.stop) {
        struct pollfd p = {srv.listen_fd, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0)
            continue;
        int fd = accept(srv.listen_fd, NULL, NULL);
        if (fd < 0)
            continue;
        pthread_mutex_lock(&srv.mu);
        srv.connections++;
        pthread_mutex_unlock(&srv.mu);
        pthread_t t;
        pthread_create(&t, NULL, conn_thread, (void *)(intptr_t)fd);
        pthread_detach(t);
    }
    return NULL;
}

static int listen_loopback(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 16) != 0) {
        perror("bind/listen");
        exit(2);
    }
    socklen_t l = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &l);
    *port = ntohs(a.sin_port);
    return fd;
}

/* ---------------------------------------------------------- helpers */

static const scripted OK200 = {ACT_RESPOND, 200, NULL, "{}", 0};

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* a provider that counts calls and hands out a new token after a refresh */
typedef struct {
    cred_provider base;
    int calls, refreshes;
} test_provider;

static int tp_get(cred_provider *self, aws_credentials *out, bool force, athena_error *err)
{
    (void)err;
    test_provider *p = (test_provider *)self;
    p->calls++;
    if (force)
        p->refreshes++;
    memset(out, 0, sizeof *out);
    strcpy(out->access_key, "AKIAIOSFODNN7EXAMPLE");
    strcpy(out->secret_key, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    snprintf(out->session_token, sizeof out->session_token, "TOKEN-%d", p->refreshes);
    return 0;
}

static void tp_destroy(cred_provider *self) { (void)self; }

static char url[128];
static const char *athena_headers[] = {"Content-Type: application/x-amz-json-1.1",
                                       "X-Amz-Target: AmazonAthena.GetWorkGroup", NULL};

static http_request athena_req(void)
{
    http_request r = {0};
    r.method = "POST";
    r.url = url;
    r.service = "athena";
    r.headers = athena_headers;
    r.body = "{\"WorkGroup\":\"primary\"}";
    r.body_len = strlen(r.body);
    r.operation = "GetWorkGroup";
    r.retryable = true;
    return r;
}

static bool header_has(const seen_request *s, const char *needle)
{
    return strcasestr(s->headers, needle) != NULL;
}

typedef struct {
    strbuf got;
    int calls;
} sink_state;

static bool collect(void *ud, const char *data, size_t len)
{
    sink_state *s = ud;
    s->calls++;
    return sb_append(&s->got, data, len);
}

static volatile int cancel_flag;
static void *cancel_later(void *arg)
{
    (void)arg;
    struct timespec ts = {0, 150 * 1000000L};
    nanosleep(&ts, NULL);
    cancel_flag = 1;
    return NULL;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    strbuf sb = STRBUF_INIT;
    char b[4096];
    size_t n;
    while ((n = fread(b, 1, sizeof b, f)) > 0)
        sb_append(&sb, b, n);
    fclose(f);
    return sb_detach(&sb);
}

/* ---------------------------------------------------------- tests */

static void test_credentials(void)
{
    athena_config cfg;
    athena_error e;
    unsetenv("AWS_ACCESS_KEY_ID");
    unsetenv("AWS_SECRET_ACCESS_KEY");
    unsetenv("AWS_SESSION_TOKEN");
    strbuf err = STRBUF_INIT;

    config_init(&cfg);
    config_set(&cfg, "UID", "AKIDSTATIC", &err);
    cred_provider *p = cred_provider_from_config(&cfg, &e);
    CHECK(p == NULL, "UID without PWD refused");
    CHECK_INT(e.code, AE_CONFIG_MISSING, "missing PWD code");
    CHECK_STR(e.message, "PWD (the AWS secret access key) is required for AuthenticationType=IAM Credentials",
              "missing PWD message");
    config_set(&cfg, "PWD", "secretvalue", &err);
    config_set(&cfg, "SessionToken", "tok", &err);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p != NULL, "static provider");
    if (p) {
        aws_credentials c;
        CHECK_INT(p->get(p, &c, false, &e), 0, "static get");
        CHECK_STR(c.access_key, "AKIDSTATIC", "static access key");
        CHECK_STR(c.secret_key, "secretvalue", "static secret");
        CHECK_STR(c.session_token, "tok", "static token");
        CHECK_INT(c.expiration, 0, "static never expires");
        CHECK_INT(p->get(p, &c, true, &e), 0, "static get with refresh");
        CHECK_STR(p->name, "IAM Credentials", "static provider name");
        aws_credentials_wipe(&c);
        CHECK_STR(c.secret_key, "", "wipe clears");
        cred_provider_free(p);
    }
    config_free(&cfg);

    config_init(&cfg);
    config_set(&cfg, "AuthenticationType", "IAM Credentials", &err);
    config_set(&cfg, "PWD", "x", &err);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p == NULL, "IAM Credentials without UID refused");
    CHECK_INT(e.code, AE_CONFIG_MISSING, "missing UID code");
    CHECK_STR(e.message, "UID (the AWS access key id) is required for AuthenticationType=IAM Credentials",
              "missing UID message");
    config_free(&cfg);

    config_init(&cfg);
    config_set(&cfg, "AuthenticationType", "IAM Profile", &err);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p == NULL, "IAM Profile not supported yet");
    CHECK_INT(e.code, AE_CONFIG, "unsupported type code");
    CHECK(strstr(e.message, "AuthenticationType=IAM Profile is not supported yet") == e.message,
          "unsupported type message: %s", e.message);
    config_free(&cfg);

    /* neither UID nor AuthenticationType: the environment */
    config_init(&cfg);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p == NULL, "no credentials anywhere");
    CHECK_INT(e.code, AE_CONFIG_MISSING, "no credentials code");
    CHECK(strstr(e.message, "not implemented yet") != NULL, "message says the chain is not there yet");
    setenv("AWS_ACCESS_KEY_ID", "AKIDENV", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "envsecret", 1);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p != NULL, "environment provider");
    if (p) {
        aws_credentials c;
        CHECK_INT(p->get(p, &c, false, &e), 0, "env get");
        CHECK_STR(c.access_key, "AKIDENV", "env access key");
        CHECK_STR(c.session_token, "", "env without token");
        CHECK_STR(p->name, "Environment", "env provider name");
        setenv("AWS_SESSION_TOKEN", "rotated", 1);
        CHECK_INT(p->get(p, &c, false, &e), 0, "env get cached");
        CHECK_STR(c.session_token, "", "no refresh: cached values");
        CHECK_INT(p->get(p, &c, true, &e), 0, "env get refreshed");
        CHECK_STR(c.session_token, "rotated", "refresh re-reads the environment");
        cred_provider_free(p);
    }
    config_set(&cfg, "AuthenticationType", "default credentials", &err);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p != NULL && !strcmp(p->name, "Environment"), "Default Credentials reads the environment");
    cred_provider_free(p);
    unsetenv("AWS_ACCESS_KEY_ID");
    unsetenv("AWS_SECRET_ACCESS_KEY");
    unsetenv("AWS_SESSION_TOKEN");
    config_free(&cfg);
    sb_free(&err);
}

static void test_error_bodies(void)
{
    http_response r;
    http_response_init(&r);
    sb_appends(&r.body, "{\"__type\":\"com.amazonaws.athena#InvalidRequestException\","
                        "\"Message\":\"line 1:8: mismatched input\",\"AthenaErrorCode\":\"MALFORMED_QUERY\"}");
    http_parse_error_body(&r);
    CHECK_STR(r.aws_error_type, "InvalidRequestException", "json __type prefix stripped");
    CHECK_STR(r.aws_error_message, "line 1:8: mismatched input", "json Message");
    http_response_free(&r);

    http_response_init(&r);
    sb_appends(&r.body, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    http_parse_error_body(&r);
    CHECK_STR(r.aws_error_type, "ThrottlingException", "json plain __type");
    CHECK_STR(r.aws_error_message, "Rate exceeded", "json lower-case message");
    http_response_free(&r);

    http_response_init(&r);
    sb_appends(&r.body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                        "<Message>The specified key does not exist &amp; never did.</Message>"
                        "<Key>a/b.csv</Key></Error>");
    http_parse_error_body(&r);
    CHECK_STR(r.aws_error_type, "NoSuchKey", "xml Code");
    CHECK_STR(r.aws_error_message, "The specified key does not exist & never did.", "xml Message unescaped");
    http_response_free(&r);

    http_response_init(&r);
    sb_appends(&r.body, "not json");
    http_parse_error_body(&r);
    CHECK_STR(r.aws_error_type, "", "unparsable body: no type");
    http_response_free(&r);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    alarm(120); /* the whole program is bounded */
    test_credentials();
    test_error_bodies();

    srv.listen_fd = listen_loopback(&srv.port);
    pthread_t acc;
    pthread_create(&acc, NULL, accept_thread, NULL);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", srv.port);

    char logdir[] = "/tmp/test_http_XXXXXX";
    CHECK(mkdtemp(logdir) != NULL, "log dir");
    athena_log *log = log_open(LOG_TRACE, logdir);
    CHECK(log != NULL, "log opened");

    athena_config cfg;
    config_init(&cfg);
    strbuf cerr = STRBUF_INIT;
    config_set(&cfg, "AwsRegion", "us-east-1", &cerr);
    config_set(&cfg, "MaxRetries", "3", &cerr);
    config_set(&cfg, "RequestTimeout", "400", &cerr);
    config_set(&cfg, "ConnectionTimeout", "2000", &cerr);
    test_provider tp = {{"test", tp_get, tp_destroy}, 0, 0};
    athena_error e;
    http_client *c = http_client_new(&cfg, &tp.base, log, &e);
    CHECK(c != NULL, "client");
    http_client_set_backoff(c, 5, 40);
    CHECK_STR(http_client_region(c), "us-east-1", "region");

    http_response resp;
    http_response_init(&resp);
    http_request rq;
    int rc;

    /* 1. success, signing headers, keep-alive */
    srv_script((scripted[]){{ACT_RESPOND, 200, "Content-Type: application/x-amz-json-1.1\r\n",
                             "{\"WorkGroup\":{}}", 0}}, 1, OK200);
    rq = athena_req();
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "200 answer");
    CHECK_INT(resp.status, 200, "status 200");
    CHECK_INT(resp.attempts, 1, "one attempt");
    CHECK_STR(sb_str(&resp.body), "{\"WorkGroup\":{}}", "body collected");
    CHECK_STR(resp.request_id, "req-1", "request id header");
    CHECK_STR(resp.content_type, "application/x-amz-json-1.1", "content type header");
    CHECK_INT(resp.content_length, 16, "content length header");
    CHECK_INT(srv_nseen(), 1, "server saw one request");
    seen_request s0 = srv.seen[0];
    CHECK_STR(s0.method, "POST", "method");
    CHECK_STR(s0.path, "/", "path");
    CHECK_STR(s0.body, "{\"WorkGroup\":\"primary\"}", "body sent");
    char hosthdr[64];
    snprintf(hosthdr, sizeof hosthdr, "\r\nHost: 127.0.0.1:%d\r\n", srv.port);
    CHECK(strcasestr(s0.headers, hosthdr + 2) != NULL, "Host header with port");
    CHECK(header_has(&s0, "X-Amz-Target: AmazonAthena.GetWorkGroup"), "target header");
    CHECK(header_has(&s0, "X-Amz-Date: "), "date header");
    CHECK(header_has(&s0, "X-Amz-Security-Token: TOKEN-0"), "token header");
    CHECK(header_has(&s0, "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"),
          "authorization credential");
    CHECK(header_has(&s0, "/us-east-1/athena/aws4_request, SignedHeaders=content-type;host;x-amz-date;"
                          "x-amz-security-token;x-amz-target, Signature="),
          "signed headers for athena");
    CHECK(!header_has(&s0, "x-amz-content-sha256"), "no content sha header for athena");
    CHECK(!header_has(&s0, "Expect:"), "no Expect: 100-continue");
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "second request");
    CHECK_INT(srv.connections, 1, "keep-alive: one connection for two requests");

    /* 2. 503, 502 then 200: retried */
    srv_script((scripted[]){{ACT_RESPOND, 503, NULL, "", 0}, {ACT_RESPOND, 502, NULL, "", 0}}, 2, OK200);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "5xx then success");
    CHECK_INT(resp.status, 200, "final 200");
    CHECK_INT(resp.attempts, 3, "three attempts");

    /* 3. throttling until retries run out */
    scripted thr = {ACT_RESPOND, 400, NULL, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", 0};
    srv_script(NULL, 0, thr);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, -1, "throttled to the end");
    CHECK_INT(e.code, AE_THROTTLED, "AE_THROTTLED");
    CHECK_INT(e.native, 400, "native = status");
    CHECK_STR(e.aws_type, "ThrottlingException", "aws type");
    CHECK_INT(resp.attempts, 4, "1 + MaxRetries attempts");
    CHECK_INT(srv_nseen(), 4, "server saw 4 requests");
    CHECK_STR(e.message, "GetWorkGroup failed after 4 attempts: HTTP 400 ThrottlingException: Rate exceeded",
              "throttled message");

    /* TooManyRequestsException then success */
    srv_script((scripted[]){{ACT_RESPOND, 400, NULL,
                             "{\"__type\":\"TooManyRequestsException\",\"Message\":\"x\",\"Reason\":\"CONCURRENT_QUERY_LIMIT_EXCEEDED\"}", 0}},
               1, OK200);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "TooManyRequests retried");
    CHECK_INT(resp.attempts, 2, "two attempts");

    /* 4. server errors to the end */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 500, NULL, "{\"__type\":\"InternalServerException\",\"Message\":\"boom\"}", 0});
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, -1, "500 to the end");
    CHECK_INT(e.code, AE_SERVER, "AE_SERVER");
    CHECK_INT(e.native, 500, "native 500");
    CHECK_INT(resp.attempts, 4, "4 attempts");
    CHECK_STR(resp.aws_error_message, "boom", "message of the last answer");

    /* 5. a non-retryable request gets one attempt */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 503, NULL, "", 0});
    http_request once = athena_req();
    once.retryable = false;
    rc = http_perform(c, &once, &resp, &e);
    CHECK_INT(rc, -1, "503 without retry");
    CHECK_INT(e.code, AE_SERVER, "AE_SERVER once");
    CHECK_INT(resp.attempts, 1, "one attempt only");

    /* 6. a client error is handed back, not retried */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 400, NULL,
                                   "{\"__type\":\"com.amazonaws.athena#InvalidRequestException\",\"Message\":\"bad\"}", 0});
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "400 is an answer");
    CHECK_INT(resp.status, 400, "status 400");
    CHECK_INT(resp.attempts, 1, "no retry of 400");
    CHECK_STR(resp.aws_error_type, "InvalidRequestException", "type parsed");
    CHECK_STR(resp.aws_error_message, "bad", "message parsed");

    /* 7. expired token: refresh and retry once */
    srv_script((scripted[]){{ACT_RESPOND, 400, NULL,
                             "{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request is expired\"}", 0}},
               1, OK200);
    int refreshes_before = tp.refreshes;
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "expired then ok");
    CHECK_INT(resp.status, 200, "200 after refresh");
    CHECK_INT(tp.refreshes, refreshes_before + 1, "one forced refresh");
    CHECK(header_has(&srv.seen[1], "X-Amz-Security-Token: TOKEN-1"), "retry carries the new token");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 400, NULL, "{\"__type\":\"ExpiredTokenException\",\"message\":\"expired\"}", 0});
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "still expired: answer handed back");
    CHECK_INT(resp.attempts, 2, "refresh retried only once");
    CHECK_STR(resp.aws_error_type, "ExpiredTokenException", "expired type");

    /* 8. connection closed without an answer, then ok. libcurl itself
     * resends once when a reused keep-alive connection turns out closed, so
     * the first drop is absorbed there and the second (on a fresh
     * connection) is ours to retry. */
    srv_script((scripted[]){{ACT_CLOSE, 0, NULL, NULL, 0}, {ACT_CLOSE, 0, NULL, NULL, 0}}, 2, OK200);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "broken connection retried");
    CHECK_INT(resp.attempts, 2, "two attempts after a drop");
    CHECK_INT(srv_nseen(), 3, "server saw the request three times");
    srv_script(NULL, 0, (scripted){ACT_CLOSE, 0, NULL, NULL, 0});
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, -1, "always dropped");
    CHECK_INT(e.code, AE_LINK, "AE_LINK");
    CHECK_INT(resp.attempts, 4, "dropped 4 times");
    CHECK(strstr(e.message, "(after 4 attempts)") != NULL, "link message counts attempts: %s", e.message);

    /* 9. request timeout */
    srv_script(NULL, 0, (scripted){ACT_DELAY, 200, NULL, "{}", 1000});
    double t0 = mono_ms();
    rc = http_perform(c, &rq, &resp, &e);
    double took = mono_ms() - t0;
    CHECK_INT(rc, -1, "timeout");
    CHECK_INT(e.code, AE_REQUEST_TIMEOUT, "AE_REQUEST_TIMEOUT");
    CHECK_INT(resp.attempts, 4, "timeouts are retried");
    CHECK(took >= 4 * 400 && took < 4 * 400 + 4 * 40 + 1500, "timeout bounded: %.0f ms", took);

    /* 10. cancel while waiting between retries */
    http_client_set_backoff(c, 3000, 3000);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 503, NULL, "", 0});
    http_request cq = athena_req();
    cancel_flag = 0;
    cq.cancel_flag = &cancel_flag;
    pthread_t ct;
    /* keep drawing until the delay is long enough to be interrupted (full jitter may draw 0) */
    int tries = 0;
    do {
        cancel_flag = 0;
        pthread_create(&ct, NULL, cancel_later, NULL);
        t0 = mono_ms();
        rc = http_perform(c, &cq, &resp, &e);
        took = mono_ms() - t0;
        pthread_join(ct, NULL);
    } while (rc == -1 && e.code != AE_CANCELLED && ++tries < 5);
    CHECK_INT(rc, -1, "cancelled");
    CHECK_INT(e.code, AE_CANCELLED, "AE_CANCELLED");
    CHECK(took < 1500, "cancel interrupts the backoff: %.0f ms", took);
    http_client_set_backoff(c, 5, 40);

    /* 11. backoff stays under its cap: 3 retries with base 20, cap 50 */
    http_client_set_backoff(c, 20, 50);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 503, NULL, "", 0});
    t0 = mono_ms();
    rc = http_perform(c, &rq, &resp, &e);
    took = mono_ms() - t0;
    CHECK_INT(resp.attempts, 4, "4 attempts");
    CHECK(took < 20 + 40 + 50 + 400, "total wait below the sum of caps: %.0f ms", took);
    http_client_set_backoff(c, 5, 40);

    /* 12. S3: XML errors, SlowDown retried, content hash signed, sink */
    static const char *s3h[] = {"Range: bytes=0-9", NULL};
    http_request s3 = {0};
    char s3url[160];
    snprintf(s3url, sizeof s3url, "http://127.0.0.1:%d/bucket/key%%20x.csv?versionId=1", srv.port);
    s3.method = "GET";
    s3.url = s3url;
    s3.service = "s3";
    s3.headers = s3h;
    s3.operation = "GetObject";
    s3.retryable = true;
    sink_state ss = {STRBUF_INIT, 0};
    s3.sink = collect;
    s3.sink_ud = &ss;
    srv_script((scripted[]){{ACT_RESPOND, 503, NULL, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>", 0},
                            {ACT_RESPOND, 206, "Content-Range: bytes 0-9/100\r\n", "0123456789", 0}},
               2, OK200);
    rc = http_perform(c, &s3, &resp, &e);
    CHECK_INT(rc, 0, "s3 get");
    CHECK_INT(resp.status, 206, "206");
    CHECK_INT(resp.attempts, 2, "SlowDown retried");
    CHECK_STR(sb_str(&ss.got), "0123456789", "body went to the sink");
    CHECK_STR(sb_str(&resp.body), "", "not to the buffer");
    CHECK_STR(resp.content_range, "bytes 0-9/100", "content range");
    CHECK_STR(srv.seen[1].path, "/bucket/key%20x.csv?versionId=1", "s3 path and query on the wire");
    CHECK(header_has(&srv.seen[1], "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
          "s3 content hash header");
    CHECK(header_has(&srv.seen[1], "/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date;"
                                   "x-amz-security-token, Signature="),
          "s3 signed headers");
    sb_reset(&ss.got);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 404, NULL, "<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>", 0});
    rc = http_perform(c, &s3, &resp, &e);
    CHECK_INT(rc, 0, "404 is an answer");
    CHECK_INT(resp.status, 404, "404");
    CHECK_STR(resp.aws_error_type, "NoSuchKey", "xml error type");
    CHECK_STR(resp.aws_error_message, "gone", "xml error message");
    CHECK_STR(sb_str(&ss.got), "", "error body not sunk");
    sb_free(&ss.got);

    /* 13. unsigned request (service NULL) carries no Authorization */
    srv_script(NULL, 0, OK200);
    http_request plain = {.method = "GET", .url = url, .operation = "Plain", .retryable = true};
    rc = http_perform(c, &plain, &resp, &e);
    CHECK_INT(rc, 0, "unsigned get");
    CHECK(!header_has(&srv.seen[0], "Authorization:"), "no authorization when unsigned");

    http_client_free(c);

    /* 14. a fresh client that cannot connect fails at once */
    int dead_port;
    int dead = listen_loopback(&dead_port);
    close(dead); /* nothing listens there now */
    char dead_url[64];
    snprintf(dead_url, sizeof dead_url, "http://127.0.0.1:%d/", dead_port);
    c = http_client_new(&cfg, &tp.base, log, &e);
    http_request dq = athena_req();
    dq.url = dead_url;
    t0 = mono_ms();
    rc = http_perform(c, &dq, &resp, &e);
    took = mono_ms() - t0;
    CHECK_INT(rc, -1, "refused");
    CHECK_INT(e.code, AE_CONNECT, "AE_CONNECT");
    CHECK_INT(resp.attempts, 1, "no retry before the first connection");
    CHECK(strstr(e.message, "Cannot connect to 127.0.0.1:") == e.message, "connect message: %s", e.message);
    CHECK(took < 1000, "fails fast: %.0f ms", took);
    dq.url = "http://nonexistent-host.invalid/";
    rc = http_perform(c, &dq, &resp, &e);
    CHECK_INT(rc, -1, "unresolvable");
    CHECK_INT(e.code, AE_CONNECT, "AE_CONNECT for DNS");
    CHECK(strstr(e.message, "Cannot resolve nonexistent-host.invalid") == e.message, "dns message: %s", e.message);
    http_client_free(c);

    /* 15. nothing secret reached the log */
    const char *lp = log_file_path(log);
    char logpath[512];
    snprintf(logpath, sizeof logpath, "%s", lp ? lp : "");
    log_close(log);
    char *text = read_all(logpath);
    CHECK(text != NULL && strstr(text, "GetWorkGroup -> HTTP 200") != NULL, "attempts logged");
    CHECK(text && strstr(text, "wJalrXUtnFEMI") == NULL, "no secret key in the log");
    CHECK(text && strstr(text, "TOKEN-") == NULL, "no session token in the log");
    CHECK(text && strstr(text, "Signature=") == NULL, "no signature in the log");
    CHECK(text && strstr(text, "Authorization") == NULL, "no authorization header in the log");
    free(text);
    unlink(logpath);
    rmdir(logdir);

    http_response_free(&resp);
    config_free(&cfg);
    sb_free(&cerr);
    srv.stop = 1;
    pthread_join(acc, NULL);
    close(srv.listen_fd);
    return th_done();
}

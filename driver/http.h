/* http.h - every HTTP call of the driver goes through http_perform: one
 * libcurl handle per connection (keep-alive), TLS verification, timeouts,
 * proxy, SigV4 signing and the one retry policy (capped exponential backoff
 * with full jitter). */
#ifndef ATHENA_HTTP_H
#define ATHENA_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include "dsn_keys.h"
#include "auth/credentials.h"
#include "error.h"
#include "log.h"
#include "strbuf.h"

typedef struct http_client http_client;

/* A cancel flag (volatile int) is written by SQLCancel's thread and read by
 * the executing one: both sides go through these atomic accesses. */
#define CANCEL_GET(flag) __atomic_load_n(&(flag), __ATOMIC_ACQUIRE)
#define CANCEL_SET(flag, v) __atomic_store_n(&(flag), (v), __ATOMIC_RELEASE)

/* Receives body bytes as they arrive (streaming); return false to abort. */
typedef bool (*http_sink)(void *ud, const char *data, size_t len);

typedef struct http_request {
    const char *method;            /* GET, POST, PUT, HEAD, DELETE */
    const char *url;               /* absolute URL */
    const char *service;           /* SigV4 service ("athena", "s3", "sts"), NULL = unsigned */
    const char *const *headers;    /* extra "Name: value" headers, NULL-terminated list, or NULL */
    const void *body;
    size_t body_len;
    const char *operation;         /* for logs and stats: "StartQueryExecution", "GetObject" */
    bool retryable;                /* false: one attempt only (non-idempotent calls) */
    http_sink sink;                /* NULL: body collected in response.body */
    void *sink_ud;
    const aws_credentials *creds_override; /* sign with these instead of the provider's */
    volatile const int *cancel_flag; /* non-zero aborts waiting (backoff and transfer) */
    /* range_len > 0: a ranged GET of bytes [range_from, range_from +
     * range_len) streamed into sink. http_perform sends the Range header
     * itself (signed with the rest) and checks that the answer is that
     * range (206 with the asked Content-Range start, or 200 with exactly
     * range_len bytes when the range starts at 0), never passing more than
     * range_len bytes. A transfer that breaks after some bytes went to the
     * sink resumes with the rest of the range instead of starting over, so
     * the sink sees every byte once; such an attempt, having made progress,
     * does not use up one of the MaxRetries retries. */
    long long range_from;
    long long range_len;
} http_request;

typedef struct http_response {
    long status;                   /* HTTP status, 0 when no answer */
    strbuf body;
    char request_id[96];           /* x-amzn-RequestId / x-amz-request-id */
    char content_range[128];
    char content_type[128];
    long long content_length;      /* -1 when absent */
    int attempts;                  /* 1 + retries done */
    double elapsed_ms;             /* of the last attempt */
    char aws_error_type[64];       /* parsed from a JSON or XML error body, "" if none */
    char aws_error_message[512];
} http_response;

/* creds may be NULL for clients that only make unsigned calls. The client
 * does not own creds or log. */
http_client *http_client_new(const athena_config *cfg, cred_provider *creds, athena_log *log,
                             athena_error *err);
void http_client_free(http_client *c);
void http_response_init(http_response *r);
void http_response_free(http_response *r);

/* Performs the request with the retry policy. Returns 0 when an HTTP answer
 * arrived (any status: the caller interprets 4xx/5xx with the fields above;
 * retryable statuses have already been retried), or -1 with err set when no
 * usable answer came (AE_CONNECT, AE_LINK, AE_REQUEST_TIMEOUT, AE_CANCELLED,
 * AE_THROTTLED/AE_SERVER after retries are exhausted...).
 * An ExpiredTokenException answer makes it refresh credentials
 * (force_refresh) and retry once. Thread-safe per client: calls on one
 * client are serialised. */
int http_perform(http_client *c, const http_request *req, http_response *resp, athena_error *err);

/* Retry backoff: before retry n it waits uniformly in [0, min(cap, base*2^n)]
 * ms. Defaults base 100, cap 5000; tests shorten them. */
void http_client_set_backoff(http_client *c, long base_ms, long cap_ms);
/* How long (ms, default 60000) a request may keep being throttled before
 * its throttled attempts count against MaxRetries; 0: they always count. */
void http_client_set_throttle_patience(http_client *c, long ms);
/* Signed requests take a token from the process-wide adaptive rate limiter
 * of their endpoint and operation (rate_limit.h) first; on by default,
 * unit tests of the retry policy alone turn it off. */
void http_client_set_rate_limit(http_client *c, bool on);
/* Fills aws_error_type / aws_error_message from a JSON (`__type` without
 * its `prefix#`, `Message` / `message`) or S3 XML (`<Code>`, `<Message>`)
 * error body. http_perform calls it for every answer with status >= 300. */
void http_parse_error_body(http_response *r);

/* The region requests are signed for. */
const char *http_client_region(const http_client *c);

#endif

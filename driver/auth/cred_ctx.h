/* cred_ctx.h - what the credential providers of one connection share: a
 * private copy of the connection's settings, the region and endpoints of
 * STS and the SSO portal, the log, and two HTTP clients (one with the
 * connection's timeouts for STS and SSO, one with short timeouts for the
 * instance and container metadata endpoints). Also the small helpers every
 * provider needs: timestamps, JSON credentials, files. */
#ifndef ATHENA_CRED_CTX_H
#define ATHENA_CRED_CTX_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "cred_file.h"
#include "credentials.h"
#include "dsn_keys.h"
#include "error.h"
#include "http.h"
#include "log.h"
#include "strbuf.h"

/* Timeouts of the metadata endpoints (IMDS, ECS): a machine without them
 * must not hang the connect. */
#define CRED_META_CONNECT_TIMEOUT_MS 1000
#define CRED_META_REQUEST_TIMEOUT_MS 2000

typedef struct cred_ctx {
    int refs;                    /* atomic */
    athena_config cfg;           /* private copy of the connection's keys */
    athena_config meta_cfg;      /* same, with the short metadata timeouts */
    char *region;                /* for STS: AwsRegion / AWS_REGION / profile region / us-east-1 */
    bool region_explicit;        /* region came from the DSN or the environment */
    char *sts_endpoint;          /* StsEndpointOverride, AWS_ENDPOINT_URL_STS, or regional */
    athena_log *log;
    http_client *http;           /* STS, SSO */
    http_client *meta;           /* IMDS, ECS */
} cred_ctx;

/* Creates the context (refs = 1). Returns NULL with err set. */
cred_ctx *cred_ctx_new(const athena_config *cfg, athena_error *err);
cred_ctx *cred_ctx_ref(cred_ctx *c);
void cred_ctx_unref(cred_ctx *c);
/* Sets the STS region when the connection did not give one (profile region);
 * recomputes the STS endpoint. */
int cred_ctx_set_region(cred_ctx *c, const char *region, athena_error *err);

/* ---- helpers ---- */

/* Parses an ISO 8601 / RFC 3339 UTC time ("2024-05-01T12:34:56Z",
 * fractions, "+00:00" offsets, "UTC" suffix); -1 when malformed. */
time_t cred_parse_time(const char *s);
/* Formats t as "2024-05-01T12:34:56Z". */
void cred_format_time(time_t t, char out[32]);
/* Seconds since the epoch, with a fraction. */
double cred_now(void);

/* Copies src into dst (size n); false when it does not fit. */
bool cred_copy(char *dst, size_t n, const char *src);
/* Fills c from the three strings (expiration as given); error names `what`. */
int cred_fill(aws_credentials *c, const char *ak, const char *sk, const char *token,
              time_t expiration, const char *what, athena_error *err);


/* Appends s URL-encoded (RFC 3986 unreserved kept) to out. */
void cred_url_encode(strbuf *out, const char *s);

/* Masked access key id for the log: "****************ABCD". */
void cred_mask(const char *key_id, char out[32]);

/* Turns a failed credential HTTP call into err: rc -1 (no answer: herr
 * says why; network failures become AE_CONNECT) or an HTTP error status
 * (4xx: AE_AUTH, 5xx: AE_SERVER), with the service's error code and message
 * from the response. `what` names the call ("STS AssumeRole for role x").
 * Returns -1. */
int cred_http_fail(athena_error *err, const char *what, int rc, const http_response *resp,
                   const athena_error *herr);

/* Parses a JSON object of credentials as the metadata endpoints and
 * credential_process print them: AccessKeyId, SecretAccessKey, the token
 * under `token_key` ("Token" or "SessionToken"), Expiration (ISO 8601;
 * required when expiration_required). Returns 0, or -1 with err (AE_AUTH)
 * naming `what` and the missing or bad field (never a value). */
int cred_parse_json_credentials(const char *json, size_t len, const char *token_key,
                                bool expiration_required, const char *what, aws_credentials *out,
                                athena_error *err);

/* Value of an environment variable when set and non-empty, else NULL. */
const char *cred_env(const char *name);
/* True when the environment variable is "true" (case-insensitive) or "1". */
bool cred_env_true(const char *name);

#endif

/* sigv4.h - AWS Signature Version 4. */
#ifndef ATHENA_SIGV4_H
#define ATHENA_SIGV4_H

#include <stddef.h>
#include <time.h>
#include "strbuf.h"
#include "auth/credentials.h"

typedef struct sigv4_header {
    const char *name;
    const char *value;
} sigv4_header;

typedef struct sigv4_request {
    const char *method;          /* "POST", "GET", ... */
    const char *path;            /* as it goes on the wire, e.g. "/", "/bucket/key%20x" */
    const char *query;           /* raw query string without '?', or NULL */
    const sigv4_header *headers; /* every header to sign; must include host */
    size_t header_count;
    const void *body;
    size_t body_len;
    const char *payload_hash;    /* precomputed hex SHA-256 or "UNSIGNED-PAYLOAD"; NULL: hash body */
    const char *region;
    const char *service;         /* athena, s3, sts */
    time_t now;                  /* request time (UTC) */
} sigv4_request;

typedef struct sigv4_result {
    char amz_date[17];           /* YYYYMMDDTHHMMSSZ, for X-Amz-Date */
    char payload_hash[65];       /* hex SHA-256 of the body */
    strbuf authorization;        /* value of the Authorization header */
    strbuf canonical_request;    /* kept for tests and TRACE-free debugging */
    strbuf string_to_sign;
} sigv4_result;

/* Signs. x-amz-date and (if creds has a session token) x-amz-security-token
 * are added by the caller as headers *before* signing when it wants them
 * signed; sigv4_sign signs exactly the headers it is given. Returns 0 or -1. */
int sigv4_sign(const sigv4_request *req, const aws_credentials *creds, sigv4_result *out);
void sigv4_result_free(sigv4_result *r);
/* Formats t as YYYYMMDDTHHMMSSZ. */
void sigv4_amz_date(time_t t, char out[17]);
/* Lower-case hex SHA-256 of data. */
void sigv4_sha256_hex(const void *data, size_t len, char out[65]);
/* URI-encodes s per SigV4 rules (unreserved A-Za-z0-9-._~ kept; '/' kept
 * when keep_slash). */
void sigv4_uri_encode(strbuf *out, const char *s, size_t len, bool keep_slash);

#endif

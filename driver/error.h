/* error.h - internal error codes. Every layer below the ODBC handles reports
 * failures as an athena_error; diag.c owns the one table that maps each code
 * to its SQLSTATE. */
#ifndef ATHENA_ERROR_H
#define ATHENA_ERROR_H

typedef enum ae_code {
    AE_OK = 0,
    AE_NOMEM,             /* HY001 memory allocation failure */
    AE_GENERAL,           /* HY000 anything without a better code */
    AE_CONFIG,            /* HY000 bad connection key value (message names key and allowed values) */
    AE_CONFIG_MISSING,    /* HY000 a required key is missing (message names it) */
    AE_CONNECT,           /* 08001 endpoint unreachable: DNS, refused, TLS handshake, connect timeout */
    AE_LINK,              /* 08S01 connection broke during a request, or unusable answer */
    AE_AUTH,              /* 28000 credentials refused: unknown key, bad signature, expired token */
    AE_ACCESS_DENIED,     /* 42000 AccessDeniedException: authenticated but not allowed */
    AE_INVALID_REQUEST,   /* HY000 InvalidRequestException that is not a syntax error */
    AE_SYNTAX,            /* 42000 syntax error in the query */
    AE_TABLE_NOT_FOUND,   /* 42S02 */
    AE_COLUMN_NOT_FOUND,  /* 42S22 */
    AE_DIVISION_BY_ZERO,  /* 22012 */
    AE_INVALID_CAST,      /* 22018 bad cast of a value inside the query */
    AE_QUERY_FAILED,      /* HY000 query FAILED for another reason */
    AE_CANCELLED,         /* HY008 query CANCELLED or SQLCancel */
    AE_QUERY_TIMEOUT,     /* HYT00 SQL_ATTR_QUERY_TIMEOUT or MaxPollDuration elapsed */
    AE_REQUEST_TIMEOUT,   /* HYT01 one HTTP request took longer than RequestTimeout */
    AE_THROTTLED,         /* HY000 throttling/too many requests after all retries */
    AE_SERVER,            /* HY000 5xx after all retries */
    AE_NOT_FOUND,         /* HY000 unknown workgroup, catalog, database, query id */
    AE_BAD_RESPONSE,      /* 08S01 the service answered something we cannot parse */
    AE_CODE_COUNT
} ae_code;

/* A failure with its message. `native` is the HTTP status when an HTTP
 * answer was involved, else 0. `aws_type` is the AWS error type
 * (`__type` without prefix, or Athena's ErrorType for FAILED queries). */
typedef struct athena_error {
    ae_code code;
    long native;
    char aws_type[64];
    char message[1024];
} athena_error;

/* Fills err (if not NULL) and returns -1, so callers can `return ae_set(...)`. */
int ae_set(athena_error *err, ae_code code, long native, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void ae_clear(athena_error *err);

#endif

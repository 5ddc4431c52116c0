/* dsn_keys.h - the connection configuration and the one table of keys that
 * fills it from odbc.ini, from connection strings, and writes it back out.
 * Keys and values are documented in docs/configuration.md. */
#ifndef ATHENA_DSN_KEYS_H
#define ATHENA_DSN_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include "strbuf.h"

/* Upper bound on the number of keys in the table (see config_key_count). */
#define CONFIG_MAX_KEYS 128

typedef enum { LOG_OFF = 0, LOG_FATAL = 1, LOG_ERROR = 2, LOG_WARN = 3, LOG_INFO = 4,
               LOG_DEBUG = 5, LOG_TRACE = 6 } log_level;

typedef enum { FETCHER_AUTO = 0, FETCHER_S3, FETCHER_GETQUERYRESULTS } result_fetcher;

/* Every string is NULL when unset, else malloc'd. Integers hold defaults
 * after config_init(). Times are milliseconds. */
typedef struct athena_config {
    char *dsn;
    char *driver;
    /* where and what */
    char *region;
    char *catalog;                 /* default AwsDataCatalog */
    char *schema;                  /* default "default" */
    char *workgroup;               /* default primary */
    char *s3_output_location;
    char *s3_output_enc_option;    /* SSE_S3, SSE_KMS, CSE_KMS */
    char *s3_output_enc_kms_key;
    char *expected_bucket_owner;   /* 12 digits */
    char *acl_option;              /* BUCKET_OWNER_FULL_CONTROL */
    /* credentials (secrets: pwd, session_token, proxy_pwd, web_identity_token) */
    char *authentication_type;
    char *uid;
    char *pwd;
    char *session_token;
    char *aws_profile;
    char *preferred_role;
    char *role_session_name;
    long duration;                 /* seconds, default 900 */
    char *external_id;
    char *web_identity_token;
    char *executable_path;
    char *argument_list;
    /* results */
    result_fetcher fetcher;        /* ResultFetcher, UseResultsetStreaming, EnableS3Fetcher */
    long rows_to_fetch_per_block;  /* 1..1000, default 1000 */
    bool use_multiple_s3_threads;  /* default true */
    long s3_result_block_size;     /* default 67108864 */
    bool enable_result_reuse;      /* default false */
    long reused_result_max_age;    /* minutes 0..10080, default 60 */
    long string_column_length;     /* default 255 */
    long complex_type_column_length; /* default 65535 */
    bool use_wchar_for_string_types; /* default false */
    long metadata_cache_ttl;       /* seconds the catalog functions keep metadata, default 30, 0 = off */
    /* polling */
    long min_poll_ms;              /* default 50 */
    long max_poll_ms;              /* default 10000 */
    double poll_multiplier;        /* default 1.1 (>= 1.0) */
    long max_poll_duration_ms;     /* default 1800000 */
    /* HTTP */
    long connection_timeout_ms;    /* default 10000 */
    long request_timeout_ms;       /* default 10000 */
    long max_retries;              /* default 5 */
    bool verify_ssl;               /* default true */
    char *trusted_certs;
    char *endpoint_override;
    char *s3_endpoint_override;
    char *sts_endpoint_override;
    bool use_proxy;
    char *proxy_host;
    long proxy_port;
    char *proxy_uid;
    char *proxy_pwd;
    char *non_proxy_host;
    /* misc */
    log_level log_level;           /* default LOG_OFF */
    char *log_path;
    bool query_tagging;            /* default false */
    char *query_tag_user;          /* QueryTagUser: the user named by QueryTagging, default UID */
    bool connection_test;          /* default true */
    /* bookkeeping: bit i set = key i of the table (config_key_at) was set
     * explicitly by config_set (connection string or DSN). */
    unsigned char key_set[CONFIG_MAX_KEYS / 8];
} athena_config;

/* Outcome of setting one key. */
typedef enum { KEY_SET = 0, KEY_UNKNOWN = 1, KEY_BAD_VALUE = -1, KEY_NOMEM = -2 } key_result;

void config_init(athena_config *cfg);      /* all defaults */
void config_free(athena_config *cfg);
/* Sets a key by any of its spellings (case-insensitive). On KEY_BAD_VALUE,
 * `err` gets a message naming the key, the value and what is allowed (the
 * value of a secret key is never repeated). */
key_result config_set(athena_config *cfg, const char *key, const char *value, strbuf *err);
/* True if `key` (any spelling) names a secret: its value must never be
 * logged, echoed or written to an output connection string. */
bool config_key_is_secret(const char *key);
/* Reads every key of DSN `dsn` from odbc.ini through
 * SQLGetPrivateProfileString. Keys already set in cfg (from a connection
 * string) are *not* overwritten. Returns 0, or -1 with err filled. */
int config_load_dsn(athena_config *cfg, const char *dsn, strbuf *err);
/* 1 when odbc.ini (in the current config mode) has a section `dsn`, 0 when
 * not, -1 when out of memory. */
int config_dsn_exists(const char *dsn);
/* -1 (and why in err) when a key has a value the key table knows but this
 * driver does not implement (AuthenticationType=Okta); part of config_validate. */
int config_check_working(const athena_config *cfg, strbuf *err);
/* Checks what needs all keys at once (region or endpoint present, polling
 * min <= max, values that work...). Returns 0, or -1 with err naming the
 * missing/bad key. */
int config_validate(const athena_config *cfg, strbuf *err);
/* Appends "DSN=x;AwsRegion=...;" with every key in force that differs from
 * its default (plus DSN/DRIVER), with {}-quoting where needed, never a secret. */
void config_to_connstr(const athena_config *cfg, strbuf *out);
/* https://athena.<region>.amazonaws.com, or EndpointOverride; malloc'd. */
char *config_athena_endpoint(const athena_config *cfg);
/* https://s3.<region>.amazonaws.com, or S3EndpointOverride; malloc'd. */
char *config_s3_endpoint(const athena_config *cfg);
/* https://sts.<region>.amazonaws.com, or StsEndpointOverride; malloc'd. */
char *config_sts_endpoint(const athena_config *cfg);

/* ---- the key table, for the setup dialog, docs and tests ---- */
typedef enum { CK_STRING, CK_SECRET, CK_INT, CK_BOOL, CK_ENUM, CK_DOUBLE } config_key_type;

typedef struct config_key_info {
    const char *name;              /* primary spelling (AWS ODBC 2.x) */
    const char *const *aliases;    /* NULL-terminated list */
    config_key_type type;
    long min, max;                 /* CK_INT range */
    double dmin, dmax;             /* CK_DOUBLE range */
    const char *const *allowed;    /* CK_ENUM values, NULL-terminated */
    const char *default_text;      /* "" when the default is "unset" */
    bool legacy;                   /* accepted, folded into another key, never written out */
    const char *description;       /* one line, for the setup dialog */
    const char *const *working;    /* CK_ENUM: the values that work, when only some of
                                    * allowed do (config_validate refuses the others);
                                    * NULL: all of them */
} config_key_info;

size_t config_key_count(void);
const config_key_info *config_key_at(size_t i);
/* The key named `name` in any spelling (case-insensitive), or NULL. */
const config_key_info *config_key_find(const char *name);
/* Current value of key k as text ("" when unset). Secret values ARE
 * written: never log the result for a CK_SECRET key. */
void config_get_text(const athena_config *cfg, const config_key_info *k, strbuf *out);
/* True when key k names a file or directory (a file chooser in the dialog). */
bool config_key_is_path(const config_key_info *k);
/* Appends what key k accepts, as in "an integer from 1 to 1000" or
 * "SSE_S3, SSE_KMS or CSE_KMS" (the text of its invalid-value message). */
void config_key_expect(const config_key_info *k, strbuf *out);
/* True when key k was set explicitly (config_set / config_load_dsn). */
bool config_key_was_set(const athena_config *cfg, const config_key_info *k);

#endif

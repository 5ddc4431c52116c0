/* dsn_keys.c - the one table of connection keys.
 *
 * Every key the driver understands is one row below: its spellings, its type
 * (with range or allowed values), where it lives in athena_config, and its
 * default. config_init, config_set, config_load_dsn, config_to_connstr,
 * config_key_is_secret and the setup dialog are all driven by this table. */
#include "dsn_keys.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <odbcinst.h>

#include "connstr.h"

/* How a key's value is stored in athena_config. */
typedef enum {
    ST_NONE,        /* not stored (never happens for real keys) */
    ST_STR,         /* char * */
    ST_LONG,        /* long */
    ST_BOOL,        /* bool */
    ST_DOUBLE,      /* double */
    ST_LOGLEVEL,    /* log_level */
    ST_FETCHER,     /* result_fetcher */
    ST_LEGACY_STREAMING, /* UseResultsetStreaming: bool onto fetcher */
    ST_LEGACY_S3FETCHER, /* EnableS3Fetcher: bool onto fetcher */
} storage;

/* Extra checks for free-text string keys. */
typedef enum { CHK_NONE, CHK_REGION, CHK_ACCOUNT, CHK_S3URI, CHK_URL, CHK_PATH } check_kind;

typedef struct key_def {
    config_key_info info;
    storage st;
    size_t off;
    check_kind check;
} key_def;

#define OFF(f) offsetof(athena_config, f)
#define AL(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NOAL ((const char *const[]){NULL})

static const char *const enc_values[] = {"SSE_S3", "SSE_KMS", "CSE_KMS", NULL};
static const char *const acl_values[] = {"BUCKET_OWNER_FULL_CONTROL", NULL};
/* The AuthenticationType values that work (driver/auth/cred_chain.c), and
 * all the AWS driver knows: the identity-provider ones parse (a DSN written
 * for the AWS driver loads) but config_validate refuses them. */
#define AUTH_WORKING "IAM Credentials", "IAM Profile", "Default Credentials", "Instance Profile", \
                     "External Credentials", "JWT"
static const char *const auth_working[] = {AUTH_WORKING, NULL};
static const char *const auth_values[] = {AUTH_WORKING, "JWT Tag", "ADFS", "AzureAD",
                                          "BrowserAzureAD", "BrowserSAML", "BrowserSSOOIDC",
                                          "Okta", "Ping", NULL};
static const char *const fetcher_values[] = {"auto", "S3", "GetQueryResults", NULL};
static const char *const loglevel_values[] = {"OFF", "FATAL", "ERROR", "WARN", "INFO",
                                              "DEBUG", "TRACE", NULL};

/* Row builders: name, aliases, offset, default, description. */
#define K_STR(n, al, f, def, chk, d) \
    {{n, al, CK_STRING, 0, 0, 0, 0, NULL, def, false, d, NULL}, ST_STR, OFF(f), chk}
#define K_PATH(n, f, d) \
    {{n, NOAL, CK_STRING, 0, 0, 0, 0, NULL, "", false, d, NULL}, ST_STR, OFF(f), CHK_PATH}
#define K_SECRET(n, al, f, d) \
    {{n, al, CK_SECRET, 0, 0, 0, 0, NULL, "", false, d, NULL}, ST_STR, OFF(f), CHK_NONE}
#define K_INT(n, al, f, lo, hi, def, d) \
    {{n, al, CK_INT, lo, hi, 0, 0, NULL, def, false, d, NULL}, ST_LONG, OFF(f), CHK_NONE}
#define K_BOOL(n, al, f, def, d) \
    {{n, al, CK_BOOL, 0, 1, 0, 0, NULL, def, false, d, NULL}, ST_BOOL, OFF(f), CHK_NONE}
#define K_ENUMS(n, al, f, vals, def, d) K_ENUMS_SOME(n, al, f, vals, NULL, def, d)
/* an enum of which only `works` (a subset of vals) works: the others parse */
#define K_ENUMS_SOME(n, al, f, vals, works, def, d) \
    {{n, al, CK_ENUM, 0, 0, 0, 0, vals, def, false, d, works}, ST_STR, OFF(f), CHK_NONE}

static const key_def keys[] = {
    K_STR("DSN", NOAL, dsn, "", CHK_NONE, "Data source name"),
    K_STR("DRIVER", NOAL, driver, "", CHK_NONE, "Driver name or path"),
    /* where and what */
    K_STR("AwsRegion", AL("Region", "region_name"), region, "", CHK_REGION,
          "AWS region of the Athena endpoint (default: AWS_REGION / AWS_DEFAULT_REGION)"),
    K_STR("Catalog", NOAL, catalog, "AwsDataCatalog", CHK_NONE,
          "Data catalog for unqualified names"),
    K_STR("Schema", AL("Database"), schema, "default", CHK_NONE,
          "Database for unqualified names"),
    K_STR("Workgroup", AL("work_group"), workgroup, "primary", CHK_NONE,
          "Workgroup the queries run in"),
    K_STR("S3OutputLocation", AL("OutputLocation", "S3StagingDir", "s3_staging_dir"),
          s3_output_location, "", CHK_S3URI,
          "s3:// location where Athena writes results (default: the workgroup's)"),
    K_ENUMS("S3OutputEncOption", NOAL, s3_output_enc_option, enc_values, "",
            "Encryption of query results"),
    K_STR("S3OutputEncKMSKey", NOAL, s3_output_enc_kms_key, "", CHK_NONE,
          "KMS key for SSE_KMS / CSE_KMS"),
    K_STR("ExpectedBucketOwner", NOAL, expected_bucket_owner, "", CHK_ACCOUNT,
          "12-digit account id that must own the output bucket"),
    K_ENUMS("AclOption", NOAL, acl_option, acl_values, "", "ACL for query results"),
    /* credentials */
    K_ENUMS_SOME("AuthenticationType", NOAL, authentication_type, auth_values, auth_working, "",
                 "How credentials are obtained (default: IAM Credentials when UID is set)"),
    K_STR("UID", AL("AccessKey", "aws_access_key_id", "User"), uid, "", CHK_NONE,
          "AWS access key id"),
    K_SECRET("PWD", AL("SecretKey", "aws_secret_access_key", "Password"), pwd,
             "AWS secret access key"),
    K_SECRET("SessionToken", AL("aws_session_token"), session_token,
             "Session token of temporary credentials"),
    K_STR("AWSProfile", AL("Profile"), aws_profile, "", CHK_NONE,
          "Profile in ~/.aws/config and ~/.aws/credentials"),
    K_STR("preferred_role", AL("RoleArn"), preferred_role, "", CHK_NONE,
          "ARN of a role to assume"),
    K_STR("role_session_name", NOAL, role_session_name, "", CHK_NONE,
          "Session name for assumed roles"),
    K_INT("duration", NOAL, duration, 900, 43200, "900",
          "Seconds requested for assumed-role credentials"),
    K_STR("ExternalId", NOAL, external_id, "", CHK_NONE, "External id for AssumeRole"),
    K_SECRET("web_identity_token", NOAL, web_identity_token,
             "JWT for AssumeRoleWithWebIdentity"),
    K_PATH("ExecutablePath", executable_path,
           "Program that prints credentials (credential_process format)"),
    K_STR("ArgumentList", NOAL, argument_list, "", CHK_NONE, "Arguments of ExecutablePath"),
    /* results */
    {{"ResultFetcher", NOAL, CK_ENUM, 0, 0, 0, 0, fetcher_values, "auto", false,
      "How results are read: auto, S3 or GetQueryResults", NULL},
     ST_FETCHER, OFF(fetcher), CHK_NONE},
    {{"UseResultsetStreaming", NOAL, CK_BOOL, 0, 1, 0, 0, NULL, "", true,
      "Legacy: 1 = ResultFetcher=S3, 0 = ResultFetcher=GetQueryResults", NULL},
     ST_LEGACY_STREAMING, OFF(fetcher), CHK_NONE},
    {{"EnableS3Fetcher", NOAL, CK_BOOL, 0, 1, 0, 0, NULL, "", true,
      "Legacy: 1 = ResultFetcher=S3, 0 = ResultFetcher=GetQueryResults", NULL},
     ST_LEGACY_S3FETCHER, OFF(fetcher), CHK_NONE},
    K_INT("RowsToFetchPerBlock", NOAL, rows_to_fetch_per_block, 1, 1000, "1000",
          "Rows per GetQueryResults call"),
    K_BOOL("UseMultipleS3Threads", NOAL, use_multiple_s3_threads, "1",
           "Parallel ranged GETs when reading results from S3"),
    K_INT("S3ResultBlockSize", NOAL, s3_result_block_size, 1048576, 1073741824, "67108864",
          "Bytes per ranged GET of a result file"),
    K_BOOL("EnableResultReuse", NOAL, enable_result_reuse, "0", "Athena query result reuse"),
    K_INT("ReusedResultMaxAgeInMinutes", NOAL, reused_result_max_age, 0, 10080, "60",
          "Maximum age of a reused result, in minutes"),
    K_INT("StringColumnLength", NOAL, string_column_length, 1, 2147483647L, "255",
          "Column size reported for unbounded strings"),
    K_INT("ComplexTypeColumnLength", NOAL, complex_type_column_length, 1, 2147483647L, "65535",
          "Column size reported for array, map, row and json columns"),
    K_INT("MetadataCacheTTL", NOAL, metadata_cache_ttl, 0, 86400, "30",
          "Seconds the catalog functions keep Athena's metadata (0 = not kept)"),
    K_BOOL("UseWCharForStringTypes", NOAL, use_wchar_for_string_types, "0",
           "Report SQL_WCHAR / SQL_WVARCHAR for string columns"),
    /* polling */
    K_INT("MinQueryExecutionPollingInterval", NOAL, min_poll_ms, 1, 600000, "50",
          "First wait between GetQueryExecution polls (ms)"),
    K_INT("MaxQueryExecutionPollingInterval", NOAL, max_poll_ms, 1, 600000, "10000",
          "Longest wait between GetQueryExecution polls (ms)"),
    {{"QueryExecutionPollingIntervalMultiplier", NOAL, CK_DOUBLE, 0, 0, 1.0, 10.0, NULL, "1.1",
      false, "Growth factor of the wait between polls", NULL},
     ST_DOUBLE, OFF(poll_multiplier), CHK_NONE},
    K_INT("MaxPollDuration", NOAL, max_poll_duration_ms, 1, 2147483647L, "1800000",
          "Milliseconds before a running query is given up on"),
    /* HTTP */
    K_INT("ConnectionTimeout", NOAL, connection_timeout_ms, 1, 3600000, "10000",
          "Milliseconds to establish a TCP/TLS connection"),
    K_INT("RequestTimeout", NOAL, request_timeout_ms, 1, 3600000, "10000",
          "Milliseconds for one HTTP request"),
    K_INT("MaxRetries", AL("NumRetries", "num_retries"), max_retries, 0, 100, "5",
          "Retries of a retryable API failure"),
    K_BOOL("VerifySSL", NOAL, verify_ssl, "1", "Verify TLS certificates"),
    K_PATH("TrustedCerts", trusted_certs, "CA bundle file (PEM)"),
    K_STR("EndpointOverride", NOAL, endpoint_override, "", CHK_URL, "Athena endpoint URL"),
    K_STR("S3EndpointOverride", NOAL, s3_endpoint_override, "", CHK_URL,
          "S3 endpoint URL (path-style addressing)"),
    K_STR("StsEndpointOverride", NOAL, sts_endpoint_override, "", CHK_URL, "STS endpoint URL"),
    K_BOOL("UseProxy", NOAL, use_proxy, "0", "Use an HTTP(S) proxy"),
    K_STR("ProxyHost", NOAL, proxy_host, "", CHK_NONE, "Proxy host"),
    K_INT("ProxyPort", NOAL, proxy_port, 1, 65535, "", "Proxy port"),
    K_STR("ProxyUID", NOAL, proxy_uid, "", CHK_NONE, "Proxy user name"),
    K_SECRET("ProxyPWD", NOAL, proxy_pwd, "Proxy password"),
    K_STR("NonProxyHost", NOAL, non_proxy_host, "", CHK_NONE,
          "Comma-separated hosts reached without the proxy"),
    /* misc */
    {{"LogLevel", NOAL, CK_ENUM, 0, 6, 0, 0, loglevel_values, "OFF", false,
      "OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE (or 0-6)", NULL},
     ST_LOGLEVEL, OFF(log_level), CHK_NONE},
    K_PATH("LogPath", log_path, "Directory or file for the driver log"),
    K_BOOL("QueryTagging", NOAL, query_tagging, "0",
           "Append a comment with user id and query hash to each query"),
    K_STR("QueryTagUser", NOAL, query_tag_user, "", CHK_NONE, "The user QueryTagging names (default: UID)"),
    K_BOOL("ConnectionTest", NOAL, connection_test, "1", "Call GetWorkGroup at connect"),
};

#define NKEYS (sizeof keys / sizeof keys[0])
_Static_assert(NKEYS <= CONFIG_MAX_KEYS, "raise CONFIG_MAX_KEYS");

size_t config_key_count(void) { return NKEYS; }

const config_key_info *config_key_at(size_t i) { return i < NKEYS ? &keys[i].info : NULL; }

static const key_def *find_def(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < NKEYS; i++) {
        if (str_casecmp(keys[i].info.name, name) == 0)
            return &keys[i];
        for (const char *const *a = keys[i].info.aliases; *a; a++)
            if (str_casecmp(*a, name) == 0)
                return &keys[i];
    }
    return NULL;
}

const config_key_info *config_key_find(const char *name)
{
    const key_def *d = find_def(name);
    return d ? &d->info : NULL;
}

static size_t def_index(const key_def *d) { return (size_t)(d - keys); }

static const key_def *def_of(const config_key_info *k)
{
    /* info is the first member of key_def */
    return (const key_def *)(const void *)k;
}

static void mark_set(athena_config *cfg, const key_def *d)
{
    size_t i = def_index(d);
    cfg->key_set[i / 8] |= (unsigned char)(1u << (i % 8));
}

static bool is_marked(const athena_config *cfg, const key_def *d)
{
    size_t i = def_index(d);
    return (cfg->key_set[i / 8] >> (i % 8)) & 1u;
}

bool config_key_was_set(const athena_config *cfg, const config_key_info *k)
{
    return k && is_marked(cfg, def_of(k));
}

bool config_key_is_path(const config_key_info *k) { return def_of(k)->check == CHK_PATH; }

bool config_key_is_secret(const char *key)
{
    const key_def *d = find_def(key);
    return d && d->info.type == CK_SECRET;
}

/* ---- value parsing ---- */

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Copies value without surrounding blanks into buf (truncating). */
static void trim_copy(const char *v, char *buf, size_t n)
{
    while (is_space(*v))
        v++;
    size_t len = strlen(v);
    while (len > 0 && is_space(v[len - 1]))
        len--;
    if (len >= n)
        len = n - 1;
    memcpy(buf, v, len);
    buf[len] = '\0';
}

static int parse_bool(const char *v, bool *out)
{
    char b[16];
    trim_copy(v, b, sizeof b);
    if (!strcmp(b, "1") || !str_casecmp(b, "true") || !str_casecmp(b, "yes")) {
        *out = true;
        return 0;
    }
    if (!strcmp(b, "0") || !str_casecmp(b, "false") || !str_casecmp(b, "no")) {
        *out = false;
        return 0;
    }
    return -1;
}

static int parse_long(const char *v, long lo, long hi, long *out)
{
    char b[64];
    trim_copy(v, b, sizeof b);
    if (!b[0] || strlen(v) >= sizeof b)
        return -1;
    char *end;
    errno = 0;
    long x = strtol(b, &end, 10);
    if (errno || *end || x < lo || x > hi)
        return -1;
    *out = x;
    return 0;
}

static int parse_double(const char *v, double lo, double hi, double *out)
{
    char b[64];
    trim_copy(v, b, sizeof b);
    if (!b[0] || strlen(v) >= sizeof b)
        return -1;
    char *end;
    errno = 0;
    double x = strtod(b, &end);
    if (errno || *end || !isfinite(x) || x < lo || x > hi)
        return -1;
    *out = x;
    return 0;
}

/* Index of v in a NULL-terminated list (case-insensitive, blanks trimmed). */
static int enum_index(const char *const *vals, const char *v)
{
    char b[64];
    trim_copy(v, b, sizeof b);
    for (int i = 0; vals[i]; i++)
        if (str_casecmp(vals[i], b) == 0)
            return i;
    return -1;
}

static bool check_string(check_kind c, const char *v)
{
    size_t n = strlen(v);
    switch (c) {
    case CHK_NONE:
    case CHK_PATH:
        return true;
    case CHK_REGION:
        if (n == 0 || n > 64)
            return false;
        for (size_t i = 0; i < n; i++)
            if (!(islower((unsigned char)v[i]) || isdigit((unsigned char)v[i]) || v[i] == '-'))
                return false;
        return true;
    case CHK_ACCOUNT:
        if (n != 12)
            return false;
        for (size_t i = 0; i < n; i++)
            if (!isdigit((unsigned char)v[i]))
                return false;
        return true;
    case CHK_S3URI:
        return n > 5 && strncasecmp(v, "s3://", 5) == 0;
    case CHK_URL:
        return (n > 7 && strncasecmp(v, "http://", 7) == 0) ||
               (n > 8 && strncasecmp(v, "https://", 8) == 0);
    }
    return true;
}

static const char *check_expect(check_kind c)
{
    switch (c) {
    case CHK_REGION: return "a region name such as us-east-1";
    case CHK_ACCOUNT: return "a 12-digit AWS account id";
    case CHK_S3URI: return "an S3 URI such as s3://bucket/prefix/";
    case CHK_URL: return "an http:// or https:// URL";
    case CHK_PATH: return "a file path";
    default: return "a string";
    }
}

static void list_values(strbuf *sb, const char *const *vals)
{
    for (int i = 0; vals[i]; i++) {
        if (i > 0)
            sb_appends(sb, vals[i + 1] ? ", " : " or ");
        sb_appends(sb, vals[i]);
    }
}

void config_key_expect(const config_key_info *k, strbuf *out)
{
    const key_def *d = def_of(k);
    switch (k->type) {
    case CK_INT:
        sb_printf(out, "an integer from %ld to %ld", k->min, k->max);
        break;
    case CK_DOUBLE:
        sb_printf(out, "a number from %g to %g", k->dmin, k->dmax);
        break;
    case CK_BOOL:
        sb_appends(out, "1, 0, true, false, yes or no");
        break;
    case CK_ENUM:
        list_values(out, k->working ? k->working : k->allowed);
        if (d->st == ST_LOGLEVEL)
            sb_appends(out, " (or 0-6)");
        break;
    default:
        sb_appends(out, check_expect(d->check));
        break;
    }
}

static key_result bad_value(const key_def *d, const char *value, strbuf *err)
{
    if (!err)
        return KEY_BAD_VALUE;
    const config_key_info *k = &d->info;
    if (k->type == CK_SECRET)
        sb_printf(err, "Invalid value for %s: expected ", k->name);
    else
        sb_printf(err, "Invalid value '%s' for %s: expected ", value, k->name);
    config_key_expect(k, err);
    return KEY_BAD_VALUE;
}

static char **str_field(athena_config *cfg, const key_def *d)
{
    return (char **)(void *)((char *)cfg + d->off);
}

/* Stores value (already known to be valid, or "" for the default) into the
 * field of key d. Does not touch the set-bits. */
static key_result apply(athena_config *cfg, const key_def *d, const char *value, strbuf *err)
{
    void *field = (char *)cfg + d->off;
    const config_key_info *k = &d->info;
    bool empty = true;
    for (const char *p = value; *p; p++)
        if (!is_space(*p)) {
            empty = false;
            break;
        }
    if (empty && d->st != ST_STR)
        value = k->default_text; /* "" means: the key's default */

    switch (d->st) {
    case ST_STR: {
        char **sp = str_field(cfg, d);
        char *nv = NULL;
        if (empty) {
            if (k->default_text[0] && !(nv = str_dup(k->default_text)))
                return KEY_NOMEM;
        } else if (k->type == CK_ENUM) {
            int i = enum_index(k->allowed, value);
            if (i < 0)
                return bad_value(d, value, err);
            if (!(nv = str_dup(k->allowed[i])))
                return KEY_NOMEM;
        } else {
            if (k->type == CK_SECRET) {
                /* secrets are kept verbatim: spaces may be part of them */
                nv = str_dup(value);
            } else {
                char b[4096];
                if (strlen(value) >= sizeof b) {
                    nv = str_dup(value);
                } else {
                    trim_copy(value, b, sizeof b);
                    nv = str_dup(b);
                }
            }
            if (!nv)
                return KEY_NOMEM;
            if (!check_string(d->check, nv)) {
                free(nv);
                return bad_value(d, value, err);
            }
        }
        if (k->type == CK_SECRET)
            secret_free(*sp);
        else
            free(*sp);
        *sp = nv;
        return KEY_SET;
    }
    case ST_LONG: {
        long x = 0;
        if (value[0] && parse_long(value, k->min, k->max, &x) != 0)
            return bad_value(d, value, err);
        *(long *)field = x;
        return KEY_SET;
    }
    case ST_BOOL: {
        bool b = false;
        if (value[0] && parse_bool(value, &b) != 0)
            return bad_value(d, value, err);
        *(bool *)field = b;
        return KEY_SET;
    }
    case ST_DOUBLE: {
        double x = 0;
        if (value[0] && parse_double(value, k->dmin, k->dmax, &x) != 0)
            return bad_value(d, value, err);
        *(double *)field = x;
        return KEY_SET;
    }
    case ST_LOGLEVEL: {
        int i = enum_index(k->allowed, value);
        if (i < 0) {
            char b[16];
            trim_copy(value, b, sizeof b);
            if (!str_casecmp(b, "WARNING")) {
                i = LOG_WARN;
            } else {
                long x;
                if (parse_long(value, 0, 6, &x) != 0)
                    return bad_value(d, value, err);
                i = (int)x;
            }
        }
        *(log_level *)field = (log_level)i;
        return KEY_SET;
    }
    case ST_FETCHER: {
        int i = enum_index(k->allowed, value);
        if (i < 0)
            return bad_value(d, value, err);
        *(result_fetcher *)field = (result_fetcher)i;
        return KEY_SET;
    }
    case ST_LEGACY_STREAMING:
    case ST_LEGACY_S3FETCHER: {
        if (!value[0])
            return KEY_SET; /* back to no opinion: ResultFetcher decides */
        bool b;
        if (parse_bool(value, &b) != 0)
            return bad_value(d, value, err);
        /* an explicit ResultFetcher always wins over a legacy switch */
        const key_def *rf = find_def("ResultFetcher");
        if (rf && is_marked(cfg, rf))
            return KEY_SET;
        *(result_fetcher *)field = b ? FETCHER_S3 : FETCHER_GETQUERYRESULTS;
        return KEY_SET;
    }
    case ST_NONE:
        break;
    }
    return KEY_SET;
}

void config_init(athena_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    for (size_t i = 0; i < NKEYS; i++)
        if (keys[i].st != ST_LEGACY_STREAMING && keys[i].st != ST_LEGACY_S3FETCHER)
            (void)apply(cfg, &keys[i], "", NULL);
    /* The region defaults to the SDKs' environment variables. */
    const char *env = getenv("AWS_REGION");
    if (!env || !*env)
        env = getenv("AWS_DEFAULT_REGION");
    if (env && *env && check_string(CHK_REGION, env))
        cfg->region = str_dup(env);
}

void config_free(athena_config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < NKEYS; i++) {
        if (keys[i].st != ST_STR)
            continue;
        char **sp = str_field(cfg, &keys[i]);
        if (keys[i].info.type == CK_SECRET)
            secret_free(*sp);
        else
            free(*sp);
        *sp = NULL;
    }
    memset(cfg->key_set, 0, sizeof cfg->key_set);
}

key_result config_set(athena_config *cfg, const char *key, const char *value, strbuf *err)
{
    const key_def *d = find_def(key);
    if (!d)
        return KEY_UNKNOWN;
    if (!value)
        value = "";
    key_result r = apply(cfg, d, value, err);
    if (r == KEY_SET)
        mark_set(cfg, d);
    return r;
}

int config_dsn_exists(const char *dsn)
{
    /* The DSN exists when its section name appears in the list. */
    char *sections = malloc(65536);
    if (!sections)
        return -1;
    int n = SQLGetPrivateProfileString(NULL, NULL, "", sections, 65536, "odbc.ini");
    int found = 0;
    if (n > 0) {
        for (char *p = sections; p < sections + n && *p; p += strlen(p) + 1)
            if (str_casecmp(p, dsn) == 0) {
                found = 1;
                break;
            }
    }
    free(sections);
    return found;
}

int config_load_dsn(athena_config *cfg, const char *dsn, strbuf *err)
{
    if (!dsn || !*dsn)
        return 0;
    int found = config_dsn_exists(dsn);
    if (found < 0) {
        if (err)
            sb_appends(err, "Out of memory reading odbc.ini");
        return -1;
    }
    if (!found) {
        if (err)
            sb_printf(err, "Data source name '%s' not found in odbc.ini", dsn);
        return -1;
    }

    char *buf = malloc(8192);
    if (!buf) {
        if (err)
            sb_appends(err, "Out of memory reading odbc.ini");
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < NKEYS && rc == 0; i++) {
        const key_def *d = &keys[i];
        if (d->st == ST_STR && d->off == OFF(dsn))
            continue; /* the DSN names itself */
        if (is_marked(cfg, d))
            continue; /* the connection string wins */
        const char *names[8];
        size_t nn = 0;
        names[nn++] = d->info.name;
        for (const char *const *a = d->info.aliases; *a && nn < sizeof names / sizeof names[0]; a++)
            names[nn++] = *a;
        for (size_t j = 0; j < nn; j++) {
            buf[0] = '\0';
            int got = SQLGetPrivateProfileString(dsn, names[j], "", buf, 8192, "odbc.ini");
            if (got <= 0 || !buf[0])
                continue;
            strbuf e = STRBUF_INIT;
            key_result r = config_set(cfg, names[j], buf, &e);
            if (r == KEY_BAD_VALUE) {
                if (err)
                    sb_printf(err, "%s (in data source '%s')", sb_str(&e), dsn);
                rc = -1;
            } else if (r == KEY_NOMEM) {
                if (err)
                    sb_appends(err, "Out of memory reading odbc.ini");
                rc = -1;
            }
            sb_free(&e);
            break; /* the first spelling found wins */
        }
    }
    secret_free_n(buf, 8192);
    return rc;
}

int config_check_working(const athena_config *cfg, strbuf *err)
{
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const key_def *d = &keys[i];
        const char *v = d->info.working ? *(char *const *)((const char *)cfg + d->off) : NULL;
        if (v && *v && enum_index(d->info.working, v) < 0) {
            if (err) {
                sb_printf(err, "%s=%s is not supported by this driver: use ", d->info.name, v);
                config_key_expect(&d->info, err);
            }
            return -1;
        }
    }
    return 0;
}

int config_validate(const athena_config *cfg, strbuf *err)
{
    if (config_check_working(cfg, err) != 0)
        return -1;
    if ((!cfg->region || !*cfg->region) && (!cfg->endpoint_override || !*cfg->endpoint_override)) {
        if (err)
            sb_appends(err, "AwsRegion is required: set AwsRegion (or AWS_REGION in the "
                            "environment), or EndpointOverride");
        return -1;
    }
    if (cfg->min_poll_ms > cfg->max_poll_ms) {
        if (err)
            sb_printf(err,
                      "MinQueryExecutionPollingInterval (%ld) must not be greater than "
                      "MaxQueryExecutionPollingInterval (%ld)",
                      cfg->min_poll_ms, cfg->max_poll_ms);
        return -1;
    }
    if (cfg->s3_output_enc_option &&
        (!strcmp(cfg->s3_output_enc_option, "SSE_KMS") ||
         !strcmp(cfg->s3_output_enc_option, "CSE_KMS")) &&
        (!cfg->s3_output_enc_kms_key || !*cfg->s3_output_enc_kms_key)) {
        if (err)
            sb_printf(err, "S3OutputEncKMSKey is required when S3OutputEncOption is %s",
                      cfg->s3_output_enc_option);
        return -1;
    }
    if (cfg->use_proxy && (!cfg->proxy_host || !*cfg->proxy_host)) {
        if (err)
            sb_appends(err, "ProxyHost is required when UseProxy is 1");
        return -1;
    }
    if (cfg->proxy_pwd && *cfg->proxy_pwd && (!cfg->proxy_uid || !*cfg->proxy_uid)) {
        if (err)
            sb_appends(err, "ProxyUID is required when ProxyPWD is set");
        return -1;
    }
    return 0;
}

void config_get_text(const athena_config *cfg, const config_key_info *k, strbuf *out)
{
    const key_def *d = def_of(k);
    const void *field = (const char *)cfg + d->off;
    switch (d->st) {
    case ST_STR: {
        const char *s = *(char *const *)field;
        if (s)
            sb_appends(out, s);
        break;
    }
    case ST_LONG:
        if (*(const long *)field != 0 || k->default_text[0])
            sb_printf(out, "%ld", *(const long *)field);
        break;
    case ST_BOOL:
        sb_appends(out, *(const bool *)field ? "1" : "0");
        break;
    case ST_DOUBLE:
        sb_printf(out, "%g", *(const double *)field);
        break;
    case ST_LOGLEVEL: {
        int i = (int)*(const log_level *)field;
        if (i >= 0 && i <= 6)
            sb_appends(out, loglevel_values[i]);
        break;
    }
    case ST_FETCHER: {
        int i = (int)*(const result_fetcher *)field;
        if (i >= 0 && i <= 2)
            sb_appends(out, fetcher_values[i]);
        break;
    }
    case ST_LEGACY_STREAMING:
    case ST_LEGACY_S3FETCHER:
    case ST_NONE:
        break;
    }
}

void config_to_connstr(const athena_config *cfg, strbuf *out)
{
    strbuf v = STRBUF_INIT;
    for (size_t i = 0; i < NKEYS; i++) {
        const key_def *d = &keys[i];
        if (d->info.type == CK_SECRET || d->info.legacy)
            continue;
        sb_reset(&v);
        config_get_text(cfg, &d->info, &v);
        bool is_dsn_or_driver = d->st == ST_STR && (d->off == OFF(dsn) || d->off == OFF(driver));
        if (is_dsn_or_driver) {
            if (v.len == 0)
                continue;
        } else if (strcmp(sb_str(&v), d->info.default_text) == 0) {
            continue;
        }
        connstr_append(out, d->info.name, sb_str(&v));
    }
    sb_free(&v);
}

/* ---- endpoints ---- */

static char *service_endpoint(const char *override, const char *service, const char *region)
{
    if (override && *override) {
        size_t n = strlen(override);
        while (n > 0 && override[n - 1] == '/')
            n--;
        return str_ndup(override, n);
    }
    if (!region || !*region)
        return NULL;
    strbuf sb = STRBUF_INIT;
    bool china = strncmp(region, "cn-", 3) == 0;
    sb_printf(&sb, "https://%s.%s.amazonaws.com%s", service, region, china ? ".cn" : "");
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}

char *config_athena_endpoint(const athena_config *cfg)
{
    return service_endpoint(cfg->endpoint_override, "athena", cfg->region);
}

char *config_s3_endpoint(const athena_config *cfg)
{
    return service_endpoint(cfg->s3_endpoint_override, "s3", cfg->region);
}

char *config_sts_endpoint(const athena_config *cfg)
{
    return service_endpoint(cfg->sts_endpoint_override, "sts", cfg->region);
}

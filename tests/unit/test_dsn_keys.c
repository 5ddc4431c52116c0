/* test_dsn_keys.c - the key table: every key's parsing and error message,
 * aliases, case-insensitivity, defaults, validation, endpoints, output
 * connection strings without secrets, and config_load_dsn from a private
 * odbc.ini. */
#include "harness.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dsn_keys.h"

static strbuf err;

static key_result set(athena_config *c, const char *k, const char *v)
{
    sb_reset(&err);
    return config_set(c, k, v, &err);
}

/* text of key `name` as config_get_text renders it (static buffer) */
static const char *text_of(const athena_config *c, const char *name)
{
    static strbuf sb;
    sb_reset(&sb);
    const config_key_info *k = config_key_find(name);
    if (!k)
        return "(no such key)";
    config_get_text(c, k, &sb);
    return sb_str(&sb);
}

/* One valid value per key, the text it reads back as, one bad value and the
 * exact message. bad == NULL: the key takes any text. */
typedef struct {
    const char *key, *good, *readback, *bad, *msg;
} key_case;

static const key_case cases[] = {
    {"DSN", "mydsn", "mydsn", NULL, NULL},
    {"DRIVER", "Athena ODBC", "Athena ODBC", NULL, NULL},
    {"AwsRegion", "eu-west-1", "eu-west-1", "EU West",
     "Invalid value 'EU West' for AwsRegion: expected a region name such as us-east-1"},
    {"Catalog", "MyCatalog", "MyCatalog", NULL, NULL},
    {"Schema", "sales", "sales", NULL, NULL},
    {"Workgroup", "analysts", "analysts", NULL, NULL},
    {"S3OutputLocation", "s3://bucket/prefix/", "s3://bucket/prefix/", "/tmp/out",
     "Invalid value '/tmp/out' for S3OutputLocation: expected an S3 URI such as s3://bucket/prefix/"},
    {"S3OutputEncOption", "sse_kms", "SSE_KMS", "AES",
     "Invalid value 'AES' for S3OutputEncOption: expected SSE_S3, SSE_KMS or CSE_KMS"},
    {"S3OutputEncKMSKey", "arn:aws:kms:us-east-1:111122223333:key/abc", "arn:aws:kms:us-east-1:111122223333:key/abc", NULL, NULL},
    {"ExpectedBucketOwner", "111122223333", "111122223333", "1234",
     "Invalid value '1234' for ExpectedBucketOwner: expected a 12-digit AWS account id"},
    {"AclOption", "bucket_owner_full_control", "BUCKET_OWNER_FULL_CONTROL", "PRIVATE",
     "Invalid value 'PRIVATE' for AclOption: expected BUCKET_OWNER_FULL_CONTROL"},
    {"AuthenticationType", "iam credentials", "IAM Credentials", "Kerberos",
     "Invalid value 'Kerberos' for AuthenticationType: expected IAM Credentials, IAM Profile, "
     "Default Credentials, Instance Profile, External Credentials or JWT"},
    {"UID", "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE", NULL, NULL},
    {"PWD", " secret with spaces ", " secret with spaces ", NULL, NULL},
    {"SessionToken", "FQoGZXIvYXdzEXAMPLE", "FQoGZXIvYXdzEXAMPLE", NULL, NULL},
    {"AWSProfile", "dev", "dev", NULL, NULL},
    {"preferred_role", "arn:aws:iam::111122223333:role/r", "arn:aws:iam::111122223333:role/r", NULL, NULL},
    {"role_session_name", "odbc", "odbc", NULL, NULL},
    {"duration", "3600", "3600", "60",
     "Invalid value '60' for duration: expected an integer from 900 to 43200"},
    {"ExternalId", "ext-1", "ext-1", NULL, NULL},
    {"web_identity_token", "eyJhbGciOi", "eyJhbGciOi", NULL, NULL},
    {"ExecutablePath", "/usr/bin/creds", "/usr/bin/creds", NULL, NULL},
    {"ArgumentList", "--profile x", "--profile x", NULL, NULL},
    {"ResultFetcher", "getqueryresults", "GetQueryResults", "fast",
     "Invalid value 'fast' for ResultFetcher: expected auto, S3 or GetQueryResults"},
    {"UseResultsetStreaming", "1", "", "maybe",
     "Invalid value 'maybe' for UseResultsetStreaming: expected 1, 0, true, false, yes or no"},
    {"EnableS3Fetcher", "0", "", "2",
     "Invalid value '2' for EnableS3Fetcher: expected 1, 0, true, false, yes or no"},
    {"RowsToFetchPerBlock", "500", "500", "abc",
     "Invalid value 'abc' for RowsToFetchPerBlock: expected an integer from 1 to 1000"},
    {"UseMultipleS3Threads", "no", "0", "nope",
     "Invalid value 'nope' for UseMultipleS3Threads: expected 1, 0, true, false, yes or no"},
    {"S3ResultBlockSize", "1048576", "1048576", "1024",
     "Invalid value '1024' for S3ResultBlockSize: expected an integer from 1048576 to 1073741824"},
    {"EnableResultReuse", "TRUE", "1", "on",
     "Invalid value 'on' for EnableResultReuse: expected 1, 0, true, false, yes or no"},
    {"ReusedResultMaxAgeInMinutes", "10080", "10080", "10081",
     "Invalid value '10081' for ReusedResultMaxAgeInMinutes: expected an integer from 0 to 10080"},
    {"StringColumnLength", "4096", "4096", "0",
     "Invalid value '0' for StringColumnLength: expected an integer from 1 to 2147483647"},
    {"ComplexTypeColumnLength", "1000", "1000", "-5",
     "Invalid value '-5' for ComplexTypeColumnLength: expected an integer from 1 to 2147483647"},
    {"MetadataCacheTTL", "0", "0", "86401",
     "Invalid value '86401' for MetadataCacheTTL: expected an integer from 0 to 86400"},
    {"UseWCharForStringTypes", "Yes", "1", "y",
     "Invalid value 'y' for UseWCharForStringTypes: expected 1, 0, true, false, yes or no"},
    {"MinQueryExecutionPollingInterval", "50", "50", "0",
     "Invalid value '0' for MinQueryExecutionPollingInterval: expected an integer from 1 to 600000"},
    {"MaxQueryExecutionPollingInterval", "5000", "5000", "10ms",
     "Invalid value '10ms' for MaxQueryExecutionPollingInterval: expected an integer from 1 to 600000"},
    {"QueryExecutionPollingIntervalMultiplier", "2", "2", "0.5",
     "Invalid value '0.5' for QueryExecutionPollingIntervalMultiplier: expected a number from 1 to 10"},
    {"MaxPollDuration", "60000", "60000", "forever",
     "Invalid value 'forever' for MaxPollDuration: expected an integer from 1 to 2147483647"},
    {"ConnectionTimeout", "2000", "2000", "99999999",
     "Invalid value '99999999' for ConnectionTimeout: expected an integer from 1 to 3600000"},
    {"RequestTimeout", "30000", "30000", "1.5",
     "Invalid value '1.5' for RequestTimeout: expected an integer from 1 to 3600000"},
    {"MaxRetries", "0", "0", "101",
     "Invalid value '101' for MaxRetries: expected an integer from 0 to 100"},
    {"VerifySSL", "false", "0", "off",
     "Invalid value 'off' for VerifySSL: expected 1, 0, true, false, yes or no"},
    {"TrustedCerts", "/etc/ssl/certs/ca.pem", "/etc/ssl/certs/ca.pem", NULL, NULL},
    {"EndpointOverride", "http://127.0.0.1:4566", "http://127.0.0.1:4566", "127.0.0.1:4566",
     "Invalid value '127.0.0.1:4566' for EndpointOverride: expected an http:// or https:// URL"},
    {"S3EndpointOverride", "https://s3.local", "https://s3.local", "s3.local",
     "Invalid value 's3.local' for S3EndpointOverride: expected an http:// or https:// URL"},
    {"StsEndpointOverride", "https://sts.local", "https://sts.local", "ftp://x",
     "Invalid value 'ftp://x' for StsEndpointOverride: expected an http:// or https:// URL"},
    {"UseProxy", "1", "1", "proxy",
     "Invalid value 'proxy' for UseProxy: expected 1, 0, true, false, yes or no"},
    {"ProxyHost", "proxy.corp", "proxy.corp", NULL, NULL},
    {"ProxyPort", "3128", "3128", "70000",
     "Invalid value '70000' for ProxyPort: expected an integer from 1 to 65535"},
    {"ProxyUID", "puser", "puser", NULL, NULL},
    {"ProxyPWD", "ppass", "ppass", NULL, NULL},
    {"NonProxyHost", "localhost,.internal", "localhost,.internal", NULL, NULL},
    {"LogLevel", "debug", "DEBUG", "LOUD",
     "Invalid value 'LOUD' for LogLevel: expected OFF, FATAL, ERROR, WARN, INFO, DEBUG or TRACE (or 0-6)"},
    {"LogPath", "/tmp/logs", "/tmp/logs", NULL, NULL},
    {"QueryTagging", "1", "1", "x",
     "Invalid value 'x' for QueryTagging: expected 1, 0, true, false, yes or no"},
    {"QueryTagUser", "alice", "alice", NULL, NULL},
    {"ConnectionTest", "0", "0", "2",
     "Invalid value '2' for ConnectionTest: expected 1, 0, true, false, yes or no"},
};

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(2);
    }
    fputs(text, f);
    fclose(f);
}

int main(void)
{
    athena_config c;
    unsetenv("AWS_REGION");
    unsetenv("AWS_DEFAULT_REGION");

    /* ---- defaults ---- */
    config_init(&c);
    CHECK(c.region == NULL, "region unset by default");
    CHECK_STR(c.catalog, "AwsDataCatalog", "catalog default");
    CHECK_STR(c.schema, "default", "schema default");
    CHECK_STR(c.workgroup, "primary", "workgroup default");
    CHECK(c.uid == NULL && c.pwd == NULL && c.s3_output_location == NULL, "strings NULL");
    CHECK_INT(c.duration, 900, "duration default");
    CHECK_INT(c.fetcher, FETCHER_AUTO, "fetcher default");
    CHECK_INT(c.rows_to_fetch_per_block, 1000, "rows per block default");
    CHECK_INT(c.use_multiple_s3_threads, 1, "multiple threads default");
    CHECK_INT(c.s3_result_block_size, 67108864, "block size default");
    CHECK_INT(c.enable_result_reuse, 0, "reuse default");
    CHECK_INT(c.reused_result_max_age, 60, "reuse age default");
    CHECK_INT(c.string_column_length, 255, "string length default");
    CHECK_INT(c.complex_type_column_length, 65535, "complex length default");
    CHECK_INT(c.use_wchar_for_string_types, 0, "wchar default");
    CHECK_INT(c.min_poll_ms, 50, "min poll default");
    CHECK_INT(c.max_poll_ms, 10000, "max poll default");
    CHECK_DBL(c.poll_multiplier, 1.1, "multiplier default");
    CHECK_INT(c.max_poll_duration_ms, 1800000, "max poll duration default");
    CHECK_INT(c.connection_timeout_ms, 10000, "connect timeout default");
    CHECK_INT(c.request_timeout_ms, 10000, "request timeout default");
    CHECK_INT(c.max_retries, 5, "max retries default");
    CHECK_INT(c.verify_ssl, 1, "verify ssl default");
    CHECK_INT(c.use_proxy, 0, "use proxy default");
    CHECK_INT(c.proxy_port, 0, "proxy port unset");
    CHECK_INT(c.log_level, LOG_OFF, "log level default");
    CHECK_INT(c.query_tagging, 0, "query tagging default");
    CHECK_INT(c.connection_test, 1, "connection test default");
    strbuf out = STRBUF_INIT;
    config_to_connstr(&c, &out);
    CHECK_STR(sb_str(&out), "", "defaults give an empty output string");
    config_free(&c);

    /* region from the environment */
    setenv("AWS_DEFAULT_REGION", "ap-south-1", 1);
    config_init(&c);
    CHECK_STR(c.region, "ap-south-1", "AWS_DEFAULT_REGION");
    config_free(&c);
    setenv("AWS_REGION", "eu-north-1", 1);
    config_init(&c);
    CHECK_STR(c.region, "eu-north-1", "AWS_REGION before AWS_DEFAULT_REGION");
    CHECK_INT(set(&c, "AwsRegion", "us-west-2"), KEY_SET, "explicit region");
    CHECK_STR(c.region, "us-west-2", "explicit region wins");
    config_free(&c);
    unsetenv("AWS_REGION");
    unsetenv("AWS_DEFAULT_REGION");

    /* ---- every key: good value, read back, bad value message ---- */
    size_t nkeys = config_key_count();
    CHECK_INT(nkeys, sizeof cases / sizeof cases[0], "every key has a test case");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const key_case *t = &cases[i];
        config_init(&c);
        const config_key_info *k = config_key_find(t->key);
        CHECK(k != NULL, "%s is in the table", t->key);
        if (!k) {
            config_free(&c);
            continue;
        }
        CHECK_STR(k->name, t->key, "primary name");
        CHECK_INT(set(&c, t->key, t->good), KEY_SET, t->key);
        CHECK_STR(text_of(&c, t->key), t->readback, t->key);
        CHECK(config_key_was_set(&c, k), "%s marked as set", t->key);
        if (t->bad) {
            CHECK_INT(set(&c, t->key, t->bad), KEY_BAD_VALUE, t->bad);
            CHECK_STR(sb_str(&err), t->msg, t->key);
            /* a bad value leaves the previous value alone */
            CHECK_STR(text_of(&c, t->key), t->readback, "value kept after bad value");
        }
        config_free(&c);
    }
    /* the table has no key without a case */
    for (size_t i = 0; i < nkeys; i++) {
        const config_key_info *k = config_key_at(i);
        bool found = false;
        for (size_t j = 0; j < sizeof cases / sizeof cases[0]; j++)
            if (!strcmp(cases[j].key, k->name))
                found = true;
        CHECK(found, "key %s has a test case", k->name);
    }

    /* ---- aliases and case-insensitivity ---- */
    static const char *const alias_pairs[][2] = {
        {"Region", "AwsRegion"}, {"region_name", "AwsRegion"}, {"AWSREGION", "AwsRegion"},
        {"Database", "Schema"}, {"schema", "Schema"}, {"WorkGroup", "Workgroup"},
        {"work_group", "Workgroup"}, {"OutputLocation", "S3OutputLocation"},
        {"S3StagingDir", "S3OutputLocation"}, {"s3_staging_dir", "S3OutputLocation"},
        {"AccessKey", "UID"}, {"aws_access_key_id", "UID"}, {"User", "UID"},
        {"SecretKey", "PWD"}, {"aws_secret_access_key", "PWD"}, {"Password", "PWD"},
        {"aws_session_token", "SessionToken"}, {"Profile", "AWSProfile"},
        {"RoleArn", "preferred_role"}, {"NumRetries", "MaxRetries"}, {"num_retries", "MaxRetries"},
        {"loglevel", "LogLevel"}, {"dsn", "DSN"}, {"Driver", "DRIVER"},
    };
    for (size_t i = 0; i < sizeof alias_pairs / sizeof alias_pairs[0]; i++) {
        const config_key_info *k = config_key_find(alias_pairs[i][0]);
        CHECK(k && !strcmp(k->name, alias_pairs[i][1]), "%s is %s", alias_pairs[i][0],
              alias_pairs[i][1]);
    }
    CHECK(config_key_find("NoSuchKey") == NULL, "unknown key not found");
    config_init(&c);
    CHECK_INT(set(&c, "s3_staging_dir", "s3://b/p/"), KEY_SET, "alias sets");
    CHECK_STR(c.s3_output_location, "s3://b/p/", "alias value stored");
    CHECK_INT(set(&c, "aws_secret_access_key", "sek"), KEY_SET, "secret alias sets");
    CHECK_STR(c.pwd, "sek", "secret alias stored");
    CHECK_INT(set(&c, "NUM_RETRIES", "7"), KEY_SET, "upper-case alias");
    CHECK_INT(c.max_retries, 7, "upper-case alias stored");
    CHECK_INT(set(&c, "Nonsense", "1"), KEY_UNKNOWN, "unknown key");
    CHECK_STR(sb_str(&err), "", "unknown key leaves err alone");
    config_free(&c);

    /* ---- value details ---- */
    config_init(&c);
    static const char *const trues[] = {"1", "true", "TRUE", "True", "yes", "YES", " yes "};
    static const char *const falses[] = {"0", "false", "FALSE", "no", "No"};
    for (size_t i = 0; i < sizeof trues / sizeof trues[0]; i++) {
        c.query_tagging = false;
        CHECK_INT(set(&c, "QueryTagging", trues[i]), KEY_SET, trues[i]);
        CHECK_INT(c.query_tagging, 1, trues[i]);
    }
    for (size_t i = 0; i < sizeof falses / sizeof falses[0]; i++) {
        c.connection_test = true;
        CHECK_INT(set(&c, "ConnectionTest", falses[i]), KEY_SET, falses[i]);
        CHECK_INT(c.connection_test, 0, falses[i]);
    }
    static const struct { const char *v; log_level l; } levels[] = {
        {"OFF", LOG_OFF}, {"fatal", LOG_FATAL}, {"Error", LOG_ERROR}, {"warn", LOG_WARN},
        {"WARNING", LOG_WARN}, {"info", LOG_INFO}, {"DEBUG", LOG_DEBUG}, {"trace", LOG_TRACE},
        {"0", LOG_OFF}, {"3", LOG_WARN}, {"6", LOG_TRACE}};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        CHECK_INT(set(&c, "LogLevel", levels[i].v), KEY_SET, levels[i].v);
        CHECK_INT(c.log_level, levels[i].l, levels[i].v);
    }
    CHECK_INT(set(&c, "LogLevel", "7"), KEY_BAD_VALUE, "LogLevel 7");
    CHECK_STR(sb_str(&err),
              "Invalid value '7' for LogLevel: expected OFF, FATAL, ERROR, WARN, INFO, DEBUG or TRACE (or 0-6)",
              "LogLevel 7 message");
    CHECK_INT(set(&c, "RowsToFetchPerBlock", " 250 "), KEY_SET, "int with blanks");
    CHECK_INT(c.rows_to_fetch_per_block, 250, "int trimmed");
    CHECK_INT(set(&c, "RowsToFetchPerBlock", "1001"), KEY_BAD_VALUE, "int above range");
    CHECK_INT(set(&c, "RowsToFetchPerBlock", "99999999999999999999999"), KEY_BAD_VALUE, "int overflow");
    CHECK_INT(set(&c, "RowsToFetchPerBlock", ""), KEY_SET, "empty value restores default");
    CHECK_INT(c.rows_to_fetch_per_block, 1000, "default restored");
    CHECK_INT(set(&c, "QueryExecutionPollingIntervalMultiplier", "1.25"), KEY_SET, "double");
    CHECK_DBL(c.poll_multiplier, 1.25, "double stored");
    CHECK_INT(set(&c, "QueryExecutionPollingIntervalMultiplier", "nan"), KEY_BAD_VALUE, "nan refused");
    CHECK_INT(set(&c, "Schema", "  padded  "), KEY_SET, "string trimmed");
    CHECK_STR(c.schema, "padded", "string trimmed value");
    CHECK_INT(set(&c, "Schema", ""), KEY_SET, "empty schema");
    CHECK_STR(c.schema, "default", "empty schema restores default");
    CHECK_INT(set(&c, "S3OutputLocation", ""), KEY_SET, "empty location");
    CHECK(c.s3_output_location == NULL, "empty location is unset");
    CHECK_INT(set(&c, "ResultFetcher", "s3"), KEY_SET, "ResultFetcher s3");
    CHECK_INT(c.fetcher, FETCHER_S3, "fetcher S3");
    config_free(&c);

    /* secrets: never echoed in error messages (no secret key has a checked
     * value today, but the rule is in the message builder) */
    CHECK(config_key_is_secret("PWD"), "PWD secret");
    CHECK(config_key_is_secret("password"), "password alias secret");
    CHECK(config_key_is_secret("SECRETKEY"), "SecretKey alias secret");
    CHECK(config_key_is_secret("SessionToken"), "SessionToken secret");
    CHECK(config_key_is_secret("aws_session_token"), "aws_session_token secret");
    CHECK(config_key_is_secret("ProxyPWD"), "ProxyPWD secret");
    CHECK(config_key_is_secret("web_identity_token"), "web_identity_token secret");
    CHECK(!config_key_is_secret("UID"), "UID not secret");
    CHECK(!config_key_is_secret("Schema"), "Schema not secret");
    CHECK(!config_key_is_secret("nokey"), "unknown not secret");

    /* legacy fetcher switches */
    config_init(&c);
    CHECK_INT(set(&c, "EnableS3Fetcher", "1"), KEY_SET, "EnableS3Fetcher=1");
    CHECK_INT(c.fetcher, FETCHER_S3, "EnableS3Fetcher=1 -> S3");
    CHECK_INT(set(&c, "UseResultsetStreaming", "false"), KEY_SET, "UseResultsetStreaming=0");
    CHECK_INT(c.fetcher, FETCHER_GETQUERYRESULTS, "UseResultsetStreaming=0 -> GetQueryResults");
    CHECK_INT(set(&c, "UseResultsetStreaming", "yes"), KEY_SET, "UseResultsetStreaming=1");
    CHECK_INT(c.fetcher, FETCHER_S3, "UseResultsetStreaming=1 -> S3");
    config_free(&c);
    config_init(&c);
    CHECK_INT(set(&c, "ResultFetcher", "auto"), KEY_SET, "explicit ResultFetcher");
    CHECK_INT(set(&c, "EnableS3Fetcher", "0"), KEY_SET, "legacy after explicit");
    CHECK_INT(c.fetcher, FETCHER_AUTO, "explicit ResultFetcher wins over legacy switch");
    config_free(&c);

    /* ---- validation ---- */
    config_init(&c);
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), -1, "no region");
    CHECK_STR(sb_str(&err),
              "AwsRegion is required: set AwsRegion (or AWS_REGION in the environment), or EndpointOverride",
              "no region message");
    set(&c, "EndpointOverride", "http://127.0.0.1:9/");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), 0, "endpoint override without region is fine");
    set(&c, "AwsRegion", "us-east-1");
    set(&c, "MinQueryExecutionPollingInterval", "20000");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), -1, "min > max");
    CHECK_STR(sb_str(&err),
              "MinQueryExecutionPollingInterval (20000) must not be greater than MaxQueryExecutionPollingInterval (10000)",
              "min > max message");
    set(&c, "MaxQueryExecutionPollingInterval", "20000");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), 0, "min == max ok");
    set(&c, "S3OutputEncOption", "CSE_KMS");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), -1, "CSE_KMS without key");
    CHECK_STR(sb_str(&err), "S3OutputEncKMSKey is required when S3OutputEncOption is CSE_KMS",
              "KMS key message");
    set(&c, "S3OutputEncKMSKey", "alias/k");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), 0, "CSE_KMS with key");
    set(&c, "S3OutputEncOption", "SSE_S3");
    set(&c, "S3OutputEncKMSKey", "");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), 0, "SSE_S3 needs no key");
    set(&c, "UseProxy", "1");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), -1, "proxy without host");
    CHECK_STR(sb_str(&err), "ProxyHost is required when UseProxy is 1", "proxy host message");
    set(&c, "ProxyHost", "p");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), 0, "proxy with host");
    /* an identity-provider type parses (a DSN of the AWS driver loads) but
     * is refused, with the values that work, by the key table */
    CHECK_INT(set(&c, "AuthenticationType", "okta"), KEY_SET, "Okta parses");
    CHECK_STR(c.authentication_type, "Okta", "in its table spelling");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), -1, "Okta refused");
    CHECK_STR(sb_str(&err),
              "AuthenticationType=Okta is not supported by this driver: use IAM Credentials, IAM Profile, "
              "Default Credentials, Instance Profile, External Credentials or JWT",
              "Okta message");
    set(&c, "AuthenticationType", "JWT Tag");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), -1, "JWT Tag refused");
    set(&c, "AuthenticationType", "External Credentials");
    sb_reset(&err);
    CHECK_INT(config_validate(&c, &err), 0, "External Credentials accepted");
    CHECK_STR(sb_str(&err), "", "no message");
    config_free(&c);

    /* ---- endpoints ---- */
    config_init(&c);
    char *e = config_athena_endpoint(&c);
    CHECK(e == NULL, "no endpoint without region");
    free(e);
    set(&c, "AwsRegion", "us-east-2");
    e = config_athena_endpoint(&c);
    CHECK_STR(e, "https://athena.us-east-2.amazonaws.com", "athena endpoint");
    free(e);
    e = config_s3_endpoint(&c);
    CHECK_STR(e, "https://s3.us-east-2.amazonaws.com", "s3 endpoint");
    free(e);
    e = config_sts_endpoint(&c);
    CHECK_STR(e, "https://sts.us-east-2.amazonaws.com", "sts endpoint");
    free(e);
    set(&c, "AwsRegion", "cn-north-1");
    e = config_athena_endpoint(&c);
    CHECK_STR(e, "https://athena.cn-north-1.amazonaws.com.cn", "china athena endpoint");
    free(e);
    e = config_s3_endpoint(&c);
    CHECK_STR(e, "https://s3.cn-north-1.amazonaws.com.cn", "china s3 endpoint");
    free(e);
    set(&c, "EndpointOverride", "http://127.0.0.1:4566/");
    set(&c, "S3EndpointOverride", "http://127.0.0.1:4567");
    set(&c, "StsEndpointOverride", "https://sts.example");
    e = config_athena_endpoint(&c);
    CHECK_STR(e, "http://127.0.0.1:4566", "athena override, trailing slash dropped");
    free(e);
    e = config_s3_endpoint(&c);
    CHECK_STR(e, "http://127.0.0.1:4567", "s3 override");
    free(e);
    e = config_sts_endpoint(&c);
    CHECK_STR(e, "https://sts.example", "sts override");
    free(e);
    config_free(&c);

    /* ---- output connection string: non-defaults, quoting, never a secret ---- */
    config_init(&c);
    set(&c, "DSN", "athena");
    set(&c, "Region", "us-east-1");
    set(&c, "UID", "AKIAIOSFODNN7EXAMPLE");
    set(&c, "Password", "TopSecretValue");
    set(&c, "SessionToken", "TokenValue");
    set(&c, "ProxyPWD", "ProxySecret");
    set(&c, "web_identity_token", "JwtValue");
    set(&c, "S3OutputLocation", "s3://b/p;x/");
    set(&c, "RowsToFetchPerBlock", "1000"); /* the default: not written */
    set(&c, "LogLevel", "4");
    set(&c, "VerifySSL", "0");
    set(&c, "EnableS3Fetcher", "1");
    sb_reset(&out);
    config_to_connstr(&c, &out);
    CHECK_STR(sb_str(&out),
              "DSN=athena;AwsRegion=us-east-1;S3OutputLocation={s3://b/p;x/};UID=AKIAIOSFODNN7EXAMPLE;"
              "ResultFetcher=S3;VerifySSL=0;LogLevel=INFO;",
              "output connection string");
    CHECK(strstr(sb_str(&out), "TopSecret") == NULL, "no secret key in output");
    CHECK(strstr(sb_str(&out), "TokenValue") == NULL, "no session token in output");
    CHECK(strstr(sb_str(&out), "ProxySecret") == NULL, "no proxy password in output");
    CHECK(strstr(sb_str(&out), "JwtValue") == NULL, "no web identity token in output");
    config_free(&c);

    /* ---- config_load_dsn from a private odbc.ini ---- */
    char dir[] = "/tmp/test_dsn_keys_XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "temp dir");
    char path[256];
    snprintf(path, sizeof path, "%s/odbc.ini", dir);
    write_file(path,
               "[athena]\n"
               "Driver = Athena\n"
               "AwsRegion = eu-central-1\n"
               "Schema = from_ini\n"
               "s3_staging_dir = s3://ini-bucket/out/\n"
               "UID = AKIAINI\n"
               "PWD = ini secret\n"
               "RowsToFetchPerBlock = 200\n"
               "LogLevel = debug\n"
               "Workgroup = \n"
               "NotAKey = whatever\n"
               "\n"
               "[bad]\n"
               "Driver = Athena\n"
               "MaxRetries = lots\n");
    snprintf(path, sizeof path, "%s/odbcinst.ini", dir);
    write_file(path, "[Athena]\nDriver = /nonexistent/libathenaodbc.so\n");
    setenv("ODBCSYSINI", dir, 1);
    setenv("ODBCINI", (snprintf(path, sizeof path, "%s/odbc.ini", dir), path), 1);
    setenv("HOME", dir, 1); /* keep the user's own ~/.odbc.ini out of it */

    config_init(&c);
    set(&c, "DSN", "athena");
    set(&c, "Database", "from_connstr");      /* alias: must block the DSN's Schema */
    set(&c, "RowsToFetchPerBlock", "1000");   /* explicit default still wins */
    sb_reset(&err);
    CHECK_INT(config_load_dsn(&c, "athena", &err), 0, "load dsn");
    CHECK_STR(sb_str(&err), "", "no error");
    CHECK_STR(c.driver, "Athena", "DRIVER from ini");
    CHECK_STR(c.region, "eu-central-1", "region from ini");
    CHECK_STR(c.schema, "from_connstr", "connection string beats odbc.ini");
    CHECK_INT(c.rows_to_fetch_per_block, 1000, "explicit default beats odbc.ini");
    CHECK_STR(c.s3_output_location, "s3://ini-bucket/out/", "alias read from ini");
    CHECK_STR(c.uid, "AKIAINI", "UID from ini");
    CHECK_STR(c.pwd, "ini secret", "PWD from ini");
    CHECK_INT(c.log_level, LOG_DEBUG, "LogLevel from ini");
    CHECK_STR(c.workgroup, "primary", "empty ini value leaves the default");
    CHECK(!config_key_was_set(&c, config_key_find("Workgroup")), "empty ini value not marked");
    config_free(&c);

    config_init(&c);
    sb_reset(&err);
    CHECK_INT(config_load_dsn(&c, "bad", &err), -1, "bad value in dsn");
    CHECK_STR(sb_str(&err),
              "Invalid value 'lots' for MaxRetries: expected an integer from 0 to 100 (in data source 'bad')",
              "bad dsn value message");
    config_free(&c);

    config_init(&c);
    sb_reset(&err);
    CHECK_INT(config_load_dsn(&c, "missing", &err), -1, "missing dsn");
    CHECK_STR(sb_str(&err), "Data source name 'missing' not found in odbc.ini", "missing dsn message");
    config_free(&c);

    snprintf(path, sizeof path, "%s/odbc.ini", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/odbcinst.ini", dir);
    unlink(path);
    rmdir(dir);

    sb_free(&out);
    sb_free(&err);
    return th_done();
}

/* odbc_secrets.c - no secret reaches a log line, a diagnostic or the output
 * connection string. A whole session at LogLevel=TRACE against the shared
 * athena-local: connections with every secret-bearing key (PWD,
 * SessionToken, ProxyPWD, web_identity_token, a credential_process that
 * prints a secret key and a session token), queries, retried faults and
 * failed connects; then every log line, every diagnostic record and every
 * output connection string is searched for each secret and for any run of
 * 64 hex digits (a SigV4 signature or signing key). */
#include "odbc_util.h"

#include <ctype.h>
#include <sys/stat.h>

#define KEY "AKIAIOSFODNN7EXAMPLE"
#define SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define TOKEN "FQoGZXIvYXdzEXAMPLESESSIONTOKENxyzzy0123456789"
#define PROXY_PWD "proxy-pass-EXAMPLE-8a7b6c"
#define WEB_TOKEN "web-identity-EXAMPLE-token-5d4e3f"
#define PROC_SECRET "procSecretEXAMPLE/abcdefghijklmnopqrstuv"
#define PROC_TOKEN "procSessionTokenEXAMPLE-42"

static const char *const secrets[] = {SECRET, TOKEN, PROXY_PWD, WEB_TOKEN, PROC_SECRET, PROC_TOKEN};
#define NSECRETS (sizeof secrets / sizeof secrets[0])

static char dir[] = "/tmp/odbc_secrets_XXXXXX";
static char logpath[600];
static char seen[1 << 16]; /* diagnostics and output connection strings, newline-separated */
static size_t seen_len;

static void keep(const char *s)
{
    size_t n = strlen(s);
    if (seen_len + n + 2 < sizeof seen) {
        memcpy(seen + seen_len, s, n);
        seen_len += n;
        seen[seen_len++] = '\n';
        seen[seen_len] = '\0';
    }
}

/* Every diagnostic record of a handle into `seen`. */
static void keep_diags(SQLSMALLINT type, SQLHANDLE h)
{
    for (SQLSMALLINT i = 1;; i++) {
        SQLCHAR state[6], msg[2048];
        SQLINTEGER native;
        SQLSMALLINT len;
        if (!SQL_SUCCEEDED(SQLGetDiagRec(type, h, i, state, &native, msg, sizeof msg, &len)))
            break;
        keep((char *)msg);
    }
}

static const char *base(void)
{
    static char b[1200];
    const char *port = getenv("ATHENA_LOCAL_PORT");
    snprintf(b, sizeof b,
             "DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=http://127.0.0.1:%s;"
             "S3EndpointOverride=http://127.0.0.1:%s;StsEndpointOverride=http://127.0.0.1:%s;Workgroup=primary;"
             "S3OutputLocation=s3://athena-local-results/secrets/;MaxRetries=3;LogLevel=TRACE;LogPath=%s;",
             port ? port : "1", port ? port : "1", port ? port : "1", logpath);
    return b;
}

/* Connects with base() + extra, keeps the output connection string and the
 * diagnostics; runs two queries (one through a retried fault) when
 * connected. Returns whether the connect worked. */
static bool session(const char *extra, bool queries)
{
    char cs[4096], out[4096] = "";
    snprintf(cs, sizeof cs, "%s%s", base(), extra);
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    SQLSMALLINT outlen = 0;
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, (SQLCHAR *)out, sizeof out, &outlen,
                                    SQL_DRIVER_NOPROMPT);
    keep(out);
    keep_diags(SQL_HANDLE_DBC, dbc);
    bool ok = SQL_SUCCEEDED(rc);
    if (ok && queries) {
        admin("POST", "/_athena_local/faults",
              "fail op=athena:GetQueryExecution,status=503,count=1;reset-next op=athena:GetQueryResults,count=1",
              NULL, 0);
        for (int i = 0; i < 2; i++) {
            SQLHSTMT st;
            SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
            if (SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)(i ? "SELECT 1 FROM nowhere" : "SELECT 42"), SQL_NTS)))
                while (SQL_SUCCEEDED(SQLFetch(st)))
                    ;
            keep_diags(SQL_HANDLE_STMT, st);
            SQLFreeHandle(SQL_HANDLE_STMT, st);
        }
        admin("DELETE", "/_athena_local/faults", NULL, NULL, 0);
    }
    if (ok)
        SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    return ok;
}

/* Whether text holds a run of 64 or more hex digits. */
static bool has_hex64(const char *text)
{
    int run = 0;
    for (const char *p = text; *p; p++) {
        run = isxdigit((unsigned char)*p) ? run + 1 : 0;
        if (run >= 64)
            return true;
    }
    return false;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    size_t got = b ? fread(b, 1, (size_t)n, f) : 0;
    if (b)
        b[got] = '\0';
    fclose(f);
    return b;
}

int main(void)
{
    CHECK(mkdtemp(dir) != NULL, "scratch directory");
    snprintf(logpath, sizeof logpath, "%s/driver.log", dir);
    char script[700];
    snprintf(script, sizeof script, "%s/creds.sh", dir);
    FILE *f = fopen(script, "w");
    if (f) {
        fputs("#!/bin/sh\nprintf '{\"Version\": 1, \"AccessKeyId\": \"" KEY "\", \"SecretAccessKey\": \"" PROC_SECRET
              "\", \"SessionToken\": \"" PROC_TOKEN "\"}'\n",
              f);
        fclose(f);
    }
    chmod(script, 0700);

    CHECK(session("UID=" KEY ";PWD=" SECRET ";", true), "PWD: connected, queries with faults");
    session("UID=" KEY ";PWD=" SECRET ";SessionToken=" TOKEN ";", true);
    CHECK(session("UID=" KEY ";PWD=" SECRET ";preferred_role=arn:aws:iam::123456789012:role/secrets;", true),
          "an assumed role: connected, queries with faults");
    CHECK(!session("UID=" KEY ";PWD=" SECRET ";UseProxy=1;ProxyHost=127.0.0.1;ProxyPort=1;ProxyUID=me;ProxyPWD=" PROXY_PWD
                   ";",
                   false),
          "ProxyPWD through a proxy that is not there: a failed connect");
    CHECK(!session("AuthenticationType=JWT;web_identity_token=" WEB_TOKEN
                   ";preferred_role=arn:aws:iam::123456789012:role/jwt;",
                   false),
          "a web identity token STS refuses: a failed connect");
    char extra[900];
    snprintf(extra, sizeof extra, "AuthenticationType=External Credentials;ExecutablePath=%s;", script);
    session(extra, true);
    CHECK(!session("UID=" KEY ";PWD=not-the-" SECRET ";", false), "a wrong secret key: a failed connect");

    char *log = slurp(logpath);
    CHECK(log != NULL && strlen(log) > 1000, "the TRACE log was written (%zu bytes)", log ? strlen(log) : 0);
    int lines = 0;
    for (const char *p = log ? log : ""; *p; p++)
        lines += *p == '\n';
    printf("# %d log lines, %zu bytes of diagnostics and output connection strings\n", lines, seen_len);
    /* the searches below look at what they should: the retried faults are in the log, the output
     * connection strings and the failed connects' diagnostics were kept */
    CHECK(log && strstr(log, ": retrying in "), "the log holds the retries of the injected faults");
    CHECK(strstr(seen, ";UID=" KEY ";") != NULL, "output connection strings kept");
    CHECK(strstr(seen, "InvalidIdentityToken") && strstr(seen, "InvalidSignatureException"),
          "the failed connects' diagnostics kept");
    for (size_t i = 0; i < NSECRETS; i++) {
        CHECK(!log || !strstr(log, secrets[i]), "secret %zu not in the log", i);
        CHECK(!strstr(seen, secrets[i]), "secret %zu not in a diagnostic or output connection string", i);
    }
    CHECK(!log || !has_hex64(log), "no 64-hex run (signature) in the log");
    CHECK(!has_hex64(seen), "no 64-hex run in a diagnostic or output connection string");
    free(log);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return th_done();
}

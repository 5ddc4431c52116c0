/* odbc_credentials.c - every way to authenticate, through the driver
 * manager, against athena-local's STS, IMDS, ECS and SSO endpoints: a
 * connect and a query for each AuthenticationType and each link of the
 * default chain (role chains across profiles, credential_process, web
 * identity, SSO, IMDSv2, ECS), the errors a user can act on (28000 / 08001,
 * never a secret in the message), and refresh: a second athena-local issuing
 * credentials that live 3 seconds, one connection querying across several
 * expiries, then several threads sharing the connection, with no failed call
 * and exactly one STS call per refresh.
 *
 * Private temporary HOME, config files and environment; never the real
 * ~/.aws. Needs ATHENA_LOCAL_URL (./run-tests sets it) and starts its own
 * athena-local for the refresh part. */
#include "odbc_util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#define EXAMPLE_KEY "AKIAIOSFODNN7EXAMPLE"
#define EXAMPLE_SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define ROLE(n) "arn:aws:iam::123456789012:role/" n

static char dir[256];
static char url[256];

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void write_file(const char *name, const char *text, mode_t mode)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    chmod(path, mode);
}

static const char *path_of(const char *name)
{
    static char p[4][512];
    static int i;
    i = (i + 1) % 4;
    snprintf(p[i], sizeof p[i], "%s/%s", dir, name);
    return p[i];
}

static void clear_env(void)
{
    static const char *const vars[] = {
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_SSO", NULL};
    for (const char *const *v = vars; *v; v++)
        unsetenv(*v);
    setenv("HOME", dir, 1);
    setenv("AWS_CONFIG_FILE", path_of("config"), 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", path_of("credentials"), 1);
    /* no real instance metadata lookups unless a test asks for them */
    setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
    unlink(path_of("config"));
    unlink(path_of("credentials"));
}

/* ---- athena-local's admin endpoint ---- */

static int http_get(const char *base, const char *path, char *out, size_t n)
{
    const char *hp = strstr(base, "://");
    int port = hp ? atoi(strrchr(hp + 3, ':') + 1) : 0;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    char req[512];
    int l = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", path);
    if (write(fd, req, (size_t)l) != l) {
        close(fd);
        return -1;
    }
    size_t got = 0;
    ssize_t r;
    while (got + 1 < n && (r = read(fd, out + got, n - 1 - got)) > 0)
        got += (size_t)r;
    out[got] = '\0';
    close(fd);
    return 0;
}

/* Calls counted by athena-local for op ("sts:AssumeRole"); -1 on error. */
static long stat_of(const char *base, const char *section, const char *op)
{
    static char buf[65536];
    if (http_get(base, "/_athena_local/stats", buf, sizeof buf) != 0)
        return -1;
    const char *s = strstr(buf, section);
    if (!s)
        return -1;
    const char *end = strchr(s, '}');
    char key[128];
    snprintf(key, sizeof key, "\"%s\":", op);
    const char *k = strstr(s, key);
    if (!k || (end && k > end))
        return 0;
    return atol(k + strlen(key));
}

static long calls(const char *op) { return stat_of(url, "\"calls\"", op); }

static long auth_failures_total(const char *base)
{
    static char buf[65536];
    if (http_get(base, "/_athena_local/stats", buf, sizeof buf) != 0)
        return -1;
    const char *s = strstr(buf, "\"authFailures\"");
    if (!s)
        return -1;
    const char *end = strchr(s, '}');
    long total = 0;
    for (const char *p = strchr(s, '{'); p && p < end; p++)
        if (*p == ':')
            total += atol(p + 1);
    return total;
}

/* ---- connecting ---- */

static const char *conn_str(const char *base, const char *extra)
{
    static char s[4096];
    char sts[300] = "";
    if (!strstr(extra, "StsEndpointOverride="))
        snprintf(sts, sizeof sts, "StsEndpointOverride=%s;", base);
    snprintf(s, sizeof s,
             "DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=%s;S3EndpointOverride=%s;%s"
             "Workgroup=primary;S3OutputLocation=s3://athena-local-results/odbc/;Schema=sampledb;%s",
             base, base, sts, extra);
    return s;
}

static SQLHDBC connect_to(const char *base, const char *extra, char state[6], char *msg, size_t msg_size)
{
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn_str(base, extra), SQL_NTS, NULL, 0, NULL,
                                    SQL_DRIVER_NOPROMPT);
    first_diag(SQL_HANDLE_DBC, dbc, state, msg, msg_size);
    if (!SQL_SUCCEEDED(rc)) {
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        return SQL_NULL_HDBC;
    }
    return dbc;
}

/* Connects with `extra` and runs a query: the way every method is proven. */
static void connect_query(const char *extra, const char *what)
{
    char state[6], msg[1024];
    SQLHDBC dbc = connect_to(url, extra, state, msg, sizeof msg);
    CHECK(dbc != SQL_NULL_HDBC, "%s: connect (%s %s)", what, dbc ? "" : state, dbc ? "" : msg);
    if (!dbc)
        return;
    CHECK_STR(test_scalar(dbc, "SELECT 40 + 2"), "42", what);
    test_disconnect(dbc);
}

/* Connects with `extra`, expecting failure with SQLSTATE `want_state` and a
 * message containing `want`; returns the message. */
static const char *connect_fails(const char *extra, const char *want_state, const char *want,
                                 const char *what)
{
    static char msg[1024];
    char state[6];
    SQLHDBC dbc = connect_to(url, extra, state, msg, sizeof msg);
    CHECK(dbc == SQL_NULL_HDBC, "%s: connect refused", what);
    if (dbc) {
        test_disconnect(dbc);
        return "";
    }
    CHECK_STR(state, want_state, what);
    CHECK(strstr(msg, want) != NULL, "%s: message has \"%s\": %s", what, want, msg);
    CHECK(strstr(msg, EXAMPLE_SECRET) == NULL && strstr(msg, "EXAMPLEKEY") == NULL,
          "%s: no secret in the message", what);
    return msg;
}

/* ---- tokens ---- */

static void b64url(const char *in, char *out)
{
    static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    size_t n = strlen(in), o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned char)in[i] << 16;
        if (i + 1 < n)
            v |= (unsigned char)in[i + 1] << 8;
        if (i + 2 < n)
            v |= (unsigned char)in[i + 2];
        out[o++] = t[(v >> 18) & 63];
        out[o++] = t[(v >> 12) & 63];
        if (i + 1 < n)
            out[o++] = t[(v >> 6) & 63];
        if (i + 2 < n)
            out[o++] = t[v & 63];
    }
    out[o] = '\0';
}

/* A JWT athena-local accepts (its signature is not checked). */
static const char *make_jwt(long exp_in)
{
    static char jwt[1024];
    char h[200], c[400], claims[300];
    b64url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", h);
    snprintf(claims, sizeof claims,
             "{\"sub\":\"odbc-test\",\"aud\":\"athena-odbc\",\"iss\":\"https://issuer.example\",\"exp\":%lld}",
             (long long)time(NULL) + exp_in);
    b64url(claims, c);
    snprintf(jwt, sizeof jwt, "%s.%s.c2lnbmF0dXJl", h, c);
    return jwt;
}

static void sha1_hex(const char *s, char out[41])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(s, strlen(s), md, &n, EVP_sha1(), NULL);
    for (unsigned int i = 0; i < n && i < 20; i++)
        sprintf(out + 2 * i, "%02x", md[i]);
}

static void write_sso_cache(const char *key, const char *token, long expires_in)
{
    char hex[41], name[128], text[512], when[32];
    sha1_hex(key, hex);
    time_t t = time(NULL) + expires_in;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    mkdir(path_of(".aws"), 0700);
    mkdir(path_of(".aws/sso"), 0700);
    mkdir(path_of(".aws/sso/cache"), 0700);
    snprintf(name, sizeof name, ".aws/sso/cache/%s.json", hex);
    snprintf(text, sizeof text,
             "{\"startUrl\": \"https://d-123.awsapps.com/start\", \"region\": \"us-east-1\", "
             "\"accessToken\": \"%s\", \"expiresAt\": \"%s\"}",
             token, when);
    write_file(name, text, 0600);
}

/* ---- the methods ---- */

static void test_iam_credentials(void)
{
    clear_env();
    connect_query("UID=" EXAMPLE_KEY ";PWD=" EXAMPLE_SECRET, "IAM Credentials (UID/PWD)");
    long before = calls("sts:AssumeRole");
    connect_query("AuthenticationType=IAM Credentials;UID=" EXAMPLE_KEY ";PWD=" EXAMPLE_SECRET
                  ";preferred_role=" ROLE("analyst") ";role_session_name=odbc-test;ExternalId=ext-1;duration=1800",
                  "IAM Credentials + preferred_role");
    CHECK_INT(calls("sts:AssumeRole") - before, 1, "preferred_role: one AssumeRole");
}

static void test_iam_profile(void)
{
    clear_env();
    write_file("credentials",
               "[root]\naws_access_key_id = " EXAMPLE_KEY "\naws_secret_access_key = " EXAMPLE_SECRET "\n", 0600);
    write_file("config",
               "[profile plain]\nsource_profile = root\n"
               "[profile base]\nrole_arn = " ROLE("base") "\nsource_profile = root\nrole_session_name = base-session\n"
               "[profile dev]\nrole_arn = " ROLE("dev") "\nsource_profile = base\nexternal_id = x-42\nduration_seconds = 1200\n"
               "[profile envsrc]\nrole_arn = " ROLE("from-env") "\ncredential_source = Environment\n"
               "[profile loop1]\nrole_arn = " ROLE("l1") "\nsource_profile = loop2\n"
               "[profile loop2]\nrole_arn = " ROLE("l2") "\nsource_profile = loop1\n",
               0600);
    connect_query("AuthenticationType=IAM Profile;AWSProfile=root", "IAM Profile: static keys");
    long before = calls("sts:AssumeRole");
    connect_query("AuthenticationType=IAM Profile;AWSProfile=dev",
                  "IAM Profile: role chain dev -> base -> root across two profiles");
    CHECK_INT(calls("sts:AssumeRole") - before, 2, "role chain: two AssumeRole calls");
    before = calls("sts:AssumeRole");
    connect_query("AuthenticationType=IAM Profile;AWSProfile=base;preferred_role=" ROLE("third"),
                  "IAM Profile + preferred_role on top");
    CHECK_INT(calls("sts:AssumeRole") - before, 2, "profile role + preferred_role: two AssumeRole calls");

    setenv("AWS_ACCESS_KEY_ID", EXAMPLE_KEY, 1);
    setenv("AWS_SECRET_ACCESS_KEY", EXAMPLE_SECRET, 1);
    connect_query("AuthenticationType=IAM Profile;AWSProfile=envsrc",
                  "IAM Profile: role with credential_source = Environment");
    unsetenv("AWS_ACCESS_KEY_ID");
    unsetenv("AWS_SECRET_ACCESS_KEY");

    char want[1200];
    snprintf(want, sizeof want,
             "Profile 'loop1' in %s or %s: source_profile chain loop1 -> loop2 -> loop1 is a cycle",
             path_of("config"), path_of("credentials"));
    connect_fails("AuthenticationType=IAM Profile;AWSProfile=loop1", "28000", want, "a source_profile cycle");
    connect_fails("AuthenticationType=IAM Profile;AWSProfile=ghost", "28000", "Profile 'ghost' in ",
                  "a profile that does not exist");
    setenv("AWS_PROFILE", "root", 1);
    connect_query("AuthenticationType=IAM Profile", "IAM Profile: AWS_PROFILE");
    unsetenv("AWS_PROFILE");
}

static void test_default_chain(void)
{
    /* 1. environment */
    clear_env();
    setenv("AWS_ACCESS_KEY_ID", EXAMPLE_KEY, 1);
    setenv("AWS_SECRET_ACCESS_KEY", EXAMPLE_SECRET, 1);
    connect_query("", "default chain: environment");
    connect_query("AuthenticationType=Default Credentials", "Default Credentials: environment");
    long before = calls("sts:AssumeRole");
    connect_query("preferred_role=" ROLE("env-role"), "default chain: environment + preferred_role");
    CHECK_INT(calls("sts:AssumeRole") - before, 1, "one AssumeRole");
    setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret", 1);
    connect_fails("", "28000", "InvalidSignatureException", "environment keys with a wrong secret");
    setenv("AWS_ACCESS_KEY_ID", "AKIAUNKNOWNKEY000000", 1);
    connect_fails("", "28000", "UnrecognizedClientException", "environment keys athena-local does not know");
    unsetenv("AWS_ACCESS_KEY_ID");
    unsetenv("AWS_SECRET_ACCESS_KEY");

    /* 2. web identity */
    clear_env();
    write_file("token.jwt", make_jwt(3600), 0600);
    setenv("AWS_WEB_IDENTITY_TOKEN_FILE", path_of("token.jwt"), 1);
    setenv("AWS_ROLE_ARN", ROLE("web"), 1);
    setenv("AWS_ROLE_SESSION_NAME", "pod-1", 1);
    before = calls("sts:AssumeRoleWithWebIdentity");
    connect_query("", "default chain: web identity (AWS_WEB_IDENTITY_TOKEN_FILE)");
    CHECK_INT(calls("sts:AssumeRoleWithWebIdentity") - before, 1, "one AssumeRoleWithWebIdentity");
    write_file("token.jwt", make_jwt(-60), 0600);
    connect_fails("", "28000", "ExpiredTokenException", "an expired web identity token");
    setenv("AWS_WEB_IDENTITY_TOKEN_FILE", path_of("no-such-token"), 1);
    connect_fails("", "28000", "Cannot read the web identity token file", "an unreadable token file");

    /* 3. profiles: [default] in the credentials file */
    clear_env();
    write_file("credentials",
               "[default]\naws_access_key_id = " EXAMPLE_KEY "\naws_secret_access_key = " EXAMPLE_SECRET "\n", 0600);
    connect_query("", "default chain: [default] profile");
    write_file("credentials", "[other]\naws_access_key_id = " EXAMPLE_KEY "\naws_secret_access_key = " EXAMPLE_SECRET "\n",
               0600);
    connect_query("AWSProfile=other", "default chain: AWSProfile");
    write_file("config", "[profile other]\nregion = us-east-1\n[profile broken\n", 0600);
    char want[700];
    snprintf(want, sizeof want, "AWS config file %s, line 3: Profile definition must end with ']'",
             path_of("config"));
    connect_fails("AWSProfile=other", "28000", want, "a malformed config file");

    /* 4. container credentials */
    clear_env();
    char full[400];
    snprintf(full, sizeof full, "%s/ecs-credentials", url);
    setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", full, 1);
    setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "athena-local-ecs-token", 1);
    before = calls("ecs:GetCredentials");
    connect_query("", "default chain: ECS container credentials");
    CHECK_INT(calls("ecs:GetCredentials") - before, 1, "one call to the container endpoint");
    unsetenv("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    write_file("ecs-token", "athena-local-ecs-token\n", 0600);
    setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", path_of("ecs-token"), 1);
    connect_query("", "default chain: ECS with AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    write_file("ecs-token", "wrong-token", 0600);
    connect_fails("", "28000", "AccessDenied", "a wrong container authorization token");

    /* 5. instance metadata */
    clear_env();
    unsetenv("AWS_EC2_METADATA_DISABLED");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", url, 1);
    write_file("config", "[default]\nregion = us-east-1\n", 0600); /* a profile without keys: the chain goes on */
    long tok = calls("imds:GetToken");
    connect_query("", "default chain: IMDSv2");
    CHECK_INT(calls("imds:GetToken") - tok, 1, "IMDSv2: a session token first");
    connect_query("AuthenticationType=Instance Profile", "Instance Profile");
    clear_env();
}

static void test_external_and_process(void)
{
    clear_env();
    write_file("creds.sh",
               "#!/bin/sh\n"
               "[ \"$1\" = \"--role\" ] && [ \"$2\" = \"reader one\" ] || { echo \"bad arguments: $*\" >&2; exit 2; }\n"
               "printf '{\"Version\": 1, \"AccessKeyId\": \"" EXAMPLE_KEY "\", \"SecretAccessKey\": \"" EXAMPLE_SECRET "\"}'\n",
               0700);
    char extra[1200];
    snprintf(extra, sizeof extra,
             "AuthenticationType=External Credentials;ExecutablePath=%s;ArgumentList={--role 'reader one'}",
             path_of("creds.sh"));
    connect_query(extra, "External Credentials");
    snprintf(extra, sizeof extra, "AuthenticationType=External Credentials;ExecutablePath=%s;ArgumentList=--role x",
             path_of("creds.sh"));
    connect_fails(extra, "28000", "exited with status 2: bad arguments: --role x", "a failing program");

    char cfg[2000];
    snprintf(cfg, sizeof cfg,
             "[profile proc]\ncredential_process = %s --role \"reader one\"\n"
             "[profile procrole]\nrole_arn = " ROLE("proc-role") "\nsource_profile = proc\n"
             "[profile badjson]\ncredential_process = /bin/echo {not json\n",
             path_of("creds.sh"));
    write_file("config", cfg, 0600);
    connect_query("AuthenticationType=IAM Profile;AWSProfile=proc", "credential_process profile");
    connect_query("AWSProfile=procrole", "default chain: role over a credential_process profile");
    connect_fails("AWSProfile=badjson", "28000", "did not print valid JSON", "credential_process printing bad JSON");
}

static void test_jwt(void)
{
    clear_env();
    char extra[2000];
    long before = calls("sts:AssumeRoleWithWebIdentity");
    snprintf(extra, sizeof extra,
             "AuthenticationType=JWT;web_identity_token=%s;preferred_role=" ROLE("jwt") ";role_session_name=jwt-user",
             make_jwt(3600));
    connect_query(extra, "JWT");
    CHECK_INT(calls("sts:AssumeRoleWithWebIdentity") - before, 1, "JWT: one AssumeRoleWithWebIdentity");
    snprintf(extra, sizeof extra, "AuthenticationType=JWT;web_identity_token=not-a-jwt;preferred_role=" ROLE("jwt"));
    connect_fails(extra, "28000", "InvalidIdentityToken", "JWT: a malformed token");

    /* web_identity_token_file in a profile */
    write_file("token.jwt", make_jwt(3600), 0600);
    char cfg[1000];
    snprintf(cfg, sizeof cfg, "[profile web]\nrole_arn = " ROLE("web-profile") "\nweb_identity_token_file = %s\n",
             path_of("token.jwt"));
    write_file("config", cfg, 0600);
    connect_query("AuthenticationType=IAM Profile;AWSProfile=web", "profile with web_identity_token_file");
}

static void test_sso(void)
{
    clear_env();
    setenv("AWS_ENDPOINT_URL_SSO", url, 1);
    write_file("config",
               "[sso-session corp]\nsso_start_url = https://d-123.awsapps.com/start\nsso_region = us-east-1\n"
               "sso_registration_scopes = sso:account:access\n"
               "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Analyst\n"
               "[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\n"
               "sso_account_id = 123456789012\nsso_role_name = Reader\n"
               "[profile ssorole]\nrole_arn = " ROLE("after-sso") "\nsource_profile = sso\n",
               0600);
    write_sso_cache("corp", "athena-local-sso-token", 3600);
    long before = calls("sso:GetRoleCredentials");
    connect_query("AuthenticationType=IAM Profile;AWSProfile=sso", "SSO profile (sso-session)");
    CHECK_INT(calls("sso:GetRoleCredentials") - before, 1, "one GetRoleCredentials");
    connect_query("AWSProfile=ssorole", "role chained on an SSO profile");

    connect_fails("AuthenticationType=IAM Profile;AWSProfile=legacy", "28000",
                  "Run `aws sso login --profile legacy` and connect again", "SSO without a cached token");
    write_sso_cache("https://legacy.awsapps.com/start", "athena-local-sso-token", 3600);
    connect_query("AuthenticationType=IAM Profile;AWSProfile=legacy", "SSO profile (legacy sso_start_url)");
    write_sso_cache("https://legacy.awsapps.com/start", "athena-local-sso-token", -60);
    connect_fails("AuthenticationType=IAM Profile;AWSProfile=legacy", "28000",
                  "the cached SSO access token expired at", "SSO with an expired token");
    write_sso_cache("corp", "revoked-token", 3600);
    connect_fails("AuthenticationType=IAM Profile;AWSProfile=sso", "28000",
                  "the SSO portal refused the cached access token", "SSO with a token the portal refuses");
    clear_env();
}

/* Without AwsRegion, the profile's region is used (after AWS_REGION). */
static void test_region(void)
{
    clear_env();
    write_file("config", "[profile eu]\nregion = eu-west-1\n", 0600);
    write_file("credentials",
               "[eu]\naws_access_key_id = " EXAMPLE_KEY "\naws_secret_access_key = " EXAMPLE_SECRET "\n", 0600);
    char in[2048], out[2048];
    snprintf(in, sizeof in,
             "DRIVER={Athena ODBC};AWSProfile=eu;EndpointOverride=%s;StsEndpointOverride=%s;Workgroup=primary;"
             "S3OutputLocation=s3://athena-local-results/odbc/",
             url, url);
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            setenv("AWS_REGION", "ap-south-1", 1);
        SQLHDBC dbc;
        SQLSMALLINT out_len = 0;
        SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
        out[0] = '\0';
        SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, (SQLCHAR *)out, sizeof out, &out_len,
                                        SQL_DRIVER_NOPROMPT);
        CHECK(SQL_SUCCEEDED(rc), "connect without AwsRegion (%s)", pass ? "AWS_REGION set" : "profile region");
        const char *want = pass ? "AwsRegion=ap-south-1" : "AwsRegion=eu-west-1";
        CHECK(strstr(out, want) != NULL, "%s: the region in force is %s: %s",
              pass ? "AWS_REGION beats the profile" : "the profile's region", want, out);
        if (SQL_SUCCEEDED(rc)) {
            CHECK_STR(test_scalar(dbc, "SELECT 40 + 2"), "42", "query");
            SQLDisconnect(dbc);
        }
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    }
    clear_env();
}

/* A socket that accepts connections and never answers. */
static int silent_server(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t l = sizeof a;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 16) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &l) != 0)
        return -1;
    *port = ntohs(a.sin_port);
    return fd;
}

static void test_errors(void)
{
    clear_env();
    connect_fails("AuthenticationType=IAM Credentials;UID=" EXAMPLE_KEY ";PWD=" EXAMPLE_SECRET
                  ";preferred_role=arn:aws:iam::123:role/x",
                  "28000", "ValidationError", "STS refusing a malformed role ARN");
    const char *m = connect_fails("", "28000", "No AWS credentials found by the default credential chain",
                                  "no credentials anywhere");
    CHECK(strstr(m, "environment: AWS_ACCESS_KEY_ID is not set") != NULL, "the links tried are listed");

    /* IMDS that accepts connections but never answers: a bounded wait, 08001 */
    int port = 0;
    int fd = silent_server(&port);
    CHECK(fd >= 0, "silent server");
    char ep[64];
    snprintf(ep, sizeof ep, "http://127.0.0.1:%d", port);
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", ep, 1);
    unsetenv("AWS_EC2_METADATA_DISABLED");
    double t0 = now_s();
    connect_fails("AuthenticationType=Instance Profile", "08001", "Instance metadata (IMDS) at", "IMDS not answering");
    double took = now_s() - t0;
    CHECK(took < 8.0, "IMDS not answering: gave up after %.1f s", took);
    /* IMDS refusing connections: at once */
    snprintf(ep, sizeof ep, "http://127.0.0.1:1");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", ep, 1);
    t0 = now_s();
    connect_fails("AuthenticationType=Instance Profile", "08001", "Cannot connect to 127.0.0.1:1", "IMDS refusing");
    CHECK(now_s() - t0 < 3.0, "IMDS refusing: fails at once");
    if (fd >= 0)
        close(fd);
    clear_env();
    /* STS that does not answer */
    connect_fails("UID=" EXAMPLE_KEY ";PWD=" EXAMPLE_SECRET ";preferred_role=" ROLE("x")
                  ";StsEndpointOverride=http://127.0.0.1:1",
                  "08001", "STS AssumeRole for role " ROLE("x"), "STS unreachable");
}

/* ---- refresh: credentials living 3 seconds ---- */

static pid_t local_pid = -1;

static int start_short_lived(char *out_url, size_t n)
{
    const char *const args[] = {"--credential-lifetime", "3", NULL};
    return local_start(args, path_of("short.port"), &local_pid, out_url, n);
}

static void stop_short_lived(void) { local_stop(&local_pid); }

typedef struct {
    SQLHDBC dbc;
    double until;
    int ok, failed;
    char last_error[1024];
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    while (now_s() < w->until) {
        SQLRETURN rc;
        SQLHSTMT st = test_exec(w->dbc, "SELECT 40 + 2", &rc);
        char buf[32] = "";
        SQLLEN ind = 0;
        if (SQL_SUCCEEDED(rc) && SQL_SUCCEEDED(SQLFetch(st)) &&
            SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind)) && strcmp(buf, "42") == 0) {
            w->ok++;
        } else {
            char state[6];
            first_diag(SQL_HANDLE_STMT, st, state, w->last_error, sizeof w->last_error);
            w->failed++;
        }
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    return NULL;
}

static void test_refresh(void)
{
    clear_env();
    char short_url[128];
    if (start_short_lived(short_url, sizeof short_url) != 0) {
        CHECK(0, "start athena-local with --credential-lifetime 3");
        return;
    }
    char extra[1500];
    const char *log = path_of("refresh.log");
    unlink(log);
    snprintf(extra, sizeof extra,
             "UID=" EXAMPLE_KEY ";PWD=" EXAMPLE_SECRET ";preferred_role=" ROLE("refresh")
             ";role_session_name=refresh-test;LogLevel=INFO;LogPath=%s",
             log);
    char state[6], msg[1024];
    SQLHDBC dbc = connect_to(short_url, extra, state, msg, sizeof msg);
    CHECK(dbc != SQL_NULL_HDBC, "connect with 3-second role credentials (%s)", dbc ? "" : msg);
    if (!dbc) {
        stop_short_lived();
        return;
    }
    /* one connection, one thread, across several expiries */
    worker w = {.dbc = dbc, .until = now_s() + 10.0};
    double t0 = now_s();
    work(&w);
    double span = now_s() - t0;
    CHECK(w.failed == 0, "one thread for %.1f s: %d queries, %d failed%s%s", span, w.ok, w.failed,
          w.failed ? ": " : "", w.failed ? w.last_error : "");
    CHECK(w.ok >= 10, "queries ran throughout (%d)", w.ok);
    long assumed = stat_of(short_url, "\"calls\"", "sts:AssumeRole");
    long refreshed = count_in_file(log, ": refreshed, key ");
    CHECK(assumed >= 4, "several expiries: %ld AssumeRole calls in %.1f s of 3-second credentials", assumed, span);
    CHECK_INT(assumed, refreshed, "one STS call per refresh (AssumeRole calls = refreshes logged)");
    CHECK_INT(auth_failures_total(short_url), 0, "no request was signed with expired credentials");

    /* several threads sharing the connection, refreshing at once */
    long assumed_before = assumed;
    worker ws[4];
    pthread_t th[4];
    double until = now_s() + 8.0;
    t0 = now_s();
    for (int i = 0; i < 4; i++) {
        memset(&ws[i], 0, sizeof ws[i]);
        ws[i].dbc = dbc;
        ws[i].until = until;
        pthread_create(&th[i], NULL, work, &ws[i]);
    }
    int ok = 0, failed = 0;
    const char *last = "";
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        ok += ws[i].ok;
        failed += ws[i].failed;
        if (ws[i].failed)
            last = ws[i].last_error;
    }
    span = now_s() - t0;
    CHECK(failed == 0, "4 threads on one connection for %.1f s: %d queries, %d failed %s", span, ok, failed, last);
    CHECK(ok >= 8, "every thread ran queries (%d)", ok);
    assumed = stat_of(short_url, "\"calls\"", "sts:AssumeRole");
    refreshed = count_in_file(log, ": refreshed, key ");
    CHECK_INT(assumed, refreshed, "with 4 threads: still one STS call per refresh");
    /* credentials refresh at 3/4 of their (whole-second) lifetime: at most
     * one refresh per ~1.5 s whatever the number of threads */
    CHECK(assumed - assumed_before >= 3 && assumed - assumed_before <= (long)(span / 1.4) + 2,
          "refreshes over %.1f s with 4 threads: %ld (not one per thread)", span, assumed - assumed_before);
    CHECK_INT(auth_failures_total(short_url), 0, "still no request with expired credentials");
    test_disconnect(dbc);
    stop_short_lived();
}

int main(void)
{
    const char *u = getenv("ATHENA_LOCAL_URL");
    if (!u || !*u) {
        printf("not ok 1 - ATHENA_LOCAL_URL is not set (run through ./run-tests)\n1..1\n");
        return 1;
    }
    snprintf(url, sizeof url, "%s", u);
    snprintf(dir, sizeof dir, "/tmp/odbc_credentials.XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_iam_credentials();
    test_iam_profile();
    test_default_chain();
    test_external_and_process();
    test_jwt();
    test_sso();
    test_region();
    test_errors();
    test_refresh();
    clear_env();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return th_done();
}

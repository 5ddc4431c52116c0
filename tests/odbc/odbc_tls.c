/* odbc_tls.c - the driver over HTTPS: athena-local serving TLS with
 * certificates of a throw-away CA made by tls_certs.sh at test time.
 * Refused without TrustedCerts, accepted with it, refused on a host-name
 * mismatch, on an expired certificate and by a server that offers only
 * TLS 1.1 (with OpenSSL configured to allow it: the driver's own minimum
 * refuses it); VerifySSL=0 connects anyway and logs a warning at every
 * connect. */
#include "odbc_util.h"

#include <sys/stat.h>

#define KEYS "UID=AKIAIOSFODNN7EXAMPLE;PWD=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY;"

static char dir[] = "/tmp/odbc_tls_XXXXXX";

static const char *in_dir(const char *name)
{
    static char p[16][600];
    static int i;
    i = (i + 1) % 16;
    snprintf(p[i], sizeof p[i], "%s/%s", dir, name);
    return p[i];
}

/* Connects to https://host:port with extra keys and runs SELECT 1; returns
 * true when both worked, else false with the first diagnostic. */
static bool try_connect(const char *host, int port, const char *extra, char state[6], char *msg, size_t n)
{
    char cs[2048];
    snprintf(cs, sizeof cs,
             "DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=https://%s:%d;"
             "S3EndpointOverride=https://%s:%d;Workgroup=primary;S3OutputLocation=s3://athena-local-results/tls/;"
             KEYS "MaxRetries=0;%s",
             host, port, host, port, extra);
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    state[0] = msg[0] = '\0';
    bool ok = SQL_SUCCEEDED(rc);
    if (!ok) {
        first_diag(SQL_HANDLE_DBC, dbc, state, msg, n);
    } else {
        const char *v = test_scalar(dbc, "SELECT 1");
        ok = strcmp(v, "1") == 0;
        if (!ok)
            snprintf(msg, n, "SELECT 1 gave %s", v);
        SQLDisconnect(dbc);
    }
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    return ok;
}

static int port_of(const char *url) { return atoi(strrchr(url, ':') + 1); }

int main(void)
{
    CHECK(mkdtemp(dir) != NULL, "scratch directory");
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "sh '%s/tests/odbc/tls_certs.sh' '%s'", TEST_SRCDIR, dir);
    CHECK_INT(system(cmd), 0, "throw-away CA and certificates made with openssl");
    /* OpenSSL allowing TLS 1.0/1.1 in this process: only the driver's own minimum refuses them */
    FILE *f = fopen(in_dir("openssl.cnf"), "w");
    if (f) {
        fputs("openssl_conf = conf\n[conf]\nssl_conf = ssl\n[ssl]\nsystem_default = sys\n"
              "[sys]\nMinProtocol = TLSv1\nCipherString = DEFAULT@SECLEVEL=0\n",
              f);
        fclose(f);
    }
    setenv("OPENSSL_CONF", in_dir("openssl.cnf"), 1);

    pid_t good = -1, expired = -1, old = -1;
    char good_url[128], expired_url[128], old_url[128];
    const char *const g[] = {"--tls-cert", in_dir("good.pem"), "--tls-key", in_dir("good.key"), NULL};
    const char *const x[] = {"--tls-cert", in_dir("expired.pem"), "--tls-key", in_dir("expired.key"), NULL};
    const char *const o[] = {"--tls-cert", in_dir("good.pem"), "--tls-key", in_dir("good.key"), "--tls-max",
                             "TLSv1.1", NULL};
    int started = (local_start(g, in_dir("good.port"), &good, good_url, sizeof good_url) == 0) +
                  (local_start(x, in_dir("expired.port"), &expired, expired_url, sizeof expired_url) == 0) +
                  (local_start(o, in_dir("old.port"), &old, old_url, sizeof old_url) == 0);
    CHECK_INT(started, 3, "three HTTPS athena-locals (valid, expired, TLS 1.1 only)");
    if (started == 3) {
        char trusted[700], state[6], msg[1024];
        snprintf(trusted, sizeof trusted, "TrustedCerts=%s;", in_dir("ca.pem"));
        bool ok = try_connect("localhost", port_of(good_url), "", state, msg, sizeof msg);
        CHECK(!ok && !strcmp(state, "08001") && strstr(msg, "certificate"),
              "a CA not in the system store: refused (%s %s)", state, msg);
        ok = try_connect("localhost", port_of(good_url), trusted, state, msg, sizeof msg);
        CHECK(ok, "TrustedCerts naming the CA: connected and queried (%s %s)", state, msg);
        ok = try_connect("127.0.0.1", port_of(good_url), trusted, state, msg, sizeof msg);
        CHECK(!ok && !strcmp(state, "08001") && (strstr(msg, "127.0.0.1") && strstr(msg, "certificate")),
              "a certificate for localhost reached as 127.0.0.1: refused (%s %s)", state, msg);
        ok = try_connect("localhost", port_of(expired_url), trusted, state, msg, sizeof msg);
        CHECK(!ok && !strcmp(state, "08001") && strstr(msg, "expired"),
              "an expired certificate: refused (%s %s)", state, msg);
        ok = try_connect("localhost", port_of(old_url), trusted, state, msg, sizeof msg);
        CHECK(!ok && !strcmp(state, "08001"), "a server offering TLS 1.1 at most: refused (%s %s)", state, msg);

        char insecure[900];
        snprintf(insecure, sizeof insecure, "VerifySSL=0;LogLevel=WARN;LogPath=%s", in_dir("insecure.log"));
        int good_connects = 0;
        for (int i = 0; i < 2; i++)
            good_connects += try_connect("127.0.0.1", port_of(expired_url), insecure, state, msg, sizeof msg);
        CHECK_INT(good_connects, 2, "VerifySSL=0: two connections despite an expired certificate and the IP name");
        /* LogLevel=WARN: only WARN and worse reach the file */
        CHECK_INT(count_in_file(in_dir("insecure.log"), "] VerifySSL=0: TLS certificates and host names are not verified"),
                  2, "one warning per connect");
        ok = try_connect("localhost", port_of(old_url), insecure, state, msg, sizeof msg);
        CHECK(!ok && !strcmp(state, "08001"), "VerifySSL=0 still refuses TLS 1.1 (%s %s)", state, msg);
    }
    local_stop(&good);
    local_stop(&expired);
    local_stop(&old);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    return th_done();
}

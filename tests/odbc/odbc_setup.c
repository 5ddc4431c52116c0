/* odbc_setup.c - the setup library through libodbcinst, as DSN editors and
 * installers use it: ODBCINSTConstructProperties lists every key of the key
 * table with its help and choices; SQLConfigDataSource adds a data source
 * that then connects, changes a key, refuses a bad value without touching
 * odbc.ini, and removes the data source. ConfigDSNW is called directly (the
 * driver manager prefers ConfigDSN). */
#include <dlfcn.h>
#include <odbcinstext.h>

#include "dsn_keys.h"
#include "odbc_util.h"

#define DRIVER "Athena ODBC"
#define NEW_DSN "athena-setup-test"

static char *ini_bytes(size_t *len)
{
    const char *path = getenv("ODBCINI");
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    return buf;
}

static const char *dsn_value(const char *dsn, const char *key)
{
    static char buf[1024];
    SQLGetPrivateProfileString(dsn, key, "(none)", buf, sizeof buf, "odbc.ini");
    return buf;
}

static void installer_error(DWORD *code, char *msg, size_t n)
{
    WORD len = 0;
    *code = 0;
    msg[0] = '\0';
    SQLInstallerError(1, code, msg, (WORD)n, &len);
}

static HODBCINSTPROPERTY find_prop(HODBCINSTPROPERTY p, const char *name)
{
    for (; p; p = p->pNext)
        if (!strcmp(p->szName, name))
            return p;
    return NULL;
}

/* Property `name` asks with `prompt` and offers exactly `choices` ("a|b|c"). */
static void check_prompt(HODBCINSTPROPERTY first, const char *name, int prompt, const char *choices)
{
    HODBCINSTPROPERTY p = find_prop(first, name);
    CHECK(p && p->nPromptType == prompt, "%s: prompt type %d", name, prompt);
    char joined[1024] = "";
    for (size_t i = 0; p && p->aPromptData && p->aPromptData[i]; i++)
        snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s", i ? "|" : "",
                 p->aPromptData[i]);
    CHECK(!strcmp(joined, choices), "%s: choices \"%s\", want \"%s\"", name, joined, choices);
}

static void test_properties(void)
{
    HODBCINSTPROPERTY first = NULL;
    CHECK_INT(ODBCINSTConstructProperties(DRIVER, &first), ODBCINST_SUCCESS, "ODBCINSTConstructProperties");
    if (!first)
        return;
    /* unixODBC's own Name, Description, Driver, then one per offered key */
    size_t offered = 0;
    for (size_t i = 0; i < config_key_count(); i++) {
        const config_key_info *k = config_key_at(i);
        if (!k->legacy && strcmp(k->name, "DSN") && strcmp(k->name, "DRIVER")) {
            offered++;
            CHECK(find_prop(first, k->name) != NULL, "key %s is offered", k->name);
        }
    }
    size_t total = 0;
    for (HODBCINSTPROPERTY p = first; p; p = p->pNext)
        total++;
    CHECK_INT((long)total, (long)(offered + 3), "properties: Name, Description, Driver and every key");
    CHECK_STR(first->szName, "Name", "first property");
    CHECK(find_prop(first, "UseResultsetStreaming") == NULL, "a legacy key is not offered");
    CHECK(find_prop(first, "DSN") == NULL, "DSN is unixODBC's Name row");

    HODBCINSTPROPERTY p = find_prop(first, "AwsRegion");
    CHECK(p && p->nPromptType == ODBCINST_PROMPTTYPE_TEXTEDIT, "AwsRegion is a text field");
    CHECK_STR(p ? p->pszHelp : "", "AWS region of the Athena endpoint (default: AWS_REGION / AWS_DEFAULT_REGION).",
              "AwsRegion help");
    CHECK_STR(p ? p->szValue : "", "", "AwsRegion has no default");

    check_prompt(first, "AuthenticationType", ODBCINST_PROMPTTYPE_COMBOBOX, /* no default: may stay empty */
                 "IAM Credentials|IAM Profile|Default Credentials|Instance Profile|External Credentials|JWT");
    check_prompt(first, "LogLevel", ODBCINST_PROMPTTYPE_LISTBOX, "OFF|FATAL|ERROR|WARN|INFO|DEBUG|TRACE");
    CHECK_STR(find_prop(first, "LogLevel") ? find_prop(first, "LogLevel")->szValue : "", "OFF", "LogLevel default");
    check_prompt(first, "VerifySSL", ODBCINST_PROMPTTYPE_LISTBOX, "1|0");
    check_prompt(first, "ResultFetcher", ODBCINST_PROMPTTYPE_LISTBOX, "auto|S3|GetQueryResults");
    check_prompt(first, "S3OutputEncOption", ODBCINST_PROMPTTYPE_COMBOBOX, "SSE_S3|SSE_KMS|CSE_KMS");
    check_prompt(first, "Workgroup", ODBCINST_PROMPTTYPE_TEXTEDIT, "");

    p = find_prop(first, "RowsToFetchPerBlock");
    CHECK_STR(p ? p->pszHelp : "", "Rows per GetQueryResults call. Allowed: an integer from 1 to 1000. Default: 1000.",
              "RowsToFetchPerBlock help names its range and default");

    const char *secrets[] = {"PWD", "SessionToken", "ProxyPWD", "web_identity_token"};
    for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++) {
        p = find_prop(first, secrets[i]);
        CHECK(p && p->nPromptType == ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD, "%s is a password field", secrets[i]);
    }
    p = find_prop(first, "TrustedCerts");
    CHECK(p && p->nPromptType == ODBCINST_PROMPTTYPE_FILENAME, "TrustedCerts is a file name");
    CHECK_INT(ODBCINSTDestructProperties(&first), ODBCINST_SUCCESS, "ODBCINSTDestructProperties");
}

/* "k=v" strings to a double-NUL-terminated attribute list. */
static const char *attrs(char *buf, size_t n, const char *const *kv)
{
    size_t o = 0;
    for (; *kv; kv++) {
        size_t len = strlen(*kv) + 1;
        if (o + len + 1 > n)
            break;
        memcpy(buf + o, *kv, len);
        o += len;
    }
    buf[o] = '\0';
    return buf;
}

static bool config(WORD req, const char *const *kv)
{
    char buf[4096];
    return SQLConfigDataSource(NULL, req, DRIVER, attrs(buf, sizeof buf, kv));
}

static const char *query_through(const char *dsn, const char *sql, char *out_conn, size_t out_n)
{
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    char in[256];
    snprintf(in, sizeof in, "DSN=%s", dsn);
    SQLSMALLINT len = 0;
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, (SQLCHAR *)out_conn,
                                    (SQLSMALLINT)out_n, &len, SQL_DRIVER_NOPROMPT);
    const char *v = "(connect failed)";
    if (SQL_SUCCEEDED(rc)) {
        v = test_scalar(dbc, sql);
        SQLDisconnect(dbc);
    } else {
        show_diag("connect", SQL_HANDLE_DBC, dbc);
    }
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    return v;
}

static void test_refused(WORD req, const char *const *kv, DWORD want_code, const char *want_msg, const char *what)
{
    size_t before_len = 0, after_len = 0;
    char *before = ini_bytes(&before_len);
    CHECK(!config(req, kv), "%s: refused", what);
    DWORD code;
    char msg[512];
    installer_error(&code, msg, sizeof msg);
    CHECK_INT((long)code, (long)want_code, "installer error code");
    CHECK_STR(msg, want_msg, "installer message");
    char *after = ini_bytes(&after_len);
    CHECK(before && after && before_len == after_len && !memcmp(before, after, before_len),
          "%s: odbc.ini is byte-for-byte unchanged", what);
    free(before);
    free(after);
}

static void test_config_dsn(void)
{
    /* athena-local's address comes from the DSN ./run-tests registered */
    char endpoint[1024], region_kv[64], ep_kv[1100], s3_kv[1100];
    snprintf(endpoint, sizeof endpoint, "%s", dsn_value(test_dsn(), "EndpointOverride"));
    snprintf(region_kv, sizeof region_kv, "AwsRegion=us-east-1");
    snprintf(ep_kv, sizeof ep_kv, "EndpointOverride=%s", endpoint);
    snprintf(s3_kv, sizeof s3_kv, "S3EndpointOverride=%s", endpoint);
    char uid_kv[1100], pwd_kv[1100];
    snprintf(uid_kv, sizeof uid_kv, "UID=%s", dsn_value(test_dsn(), "UID"));
    snprintf(pwd_kv, sizeof pwd_kv, "SecretKey=%s", dsn_value(test_dsn(), "PWD"));

    const char *add[] = {"DSN=" NEW_DSN, "Description=made by SQLConfigDataSource", region_kv, ep_kv,
                         s3_kv, "S3OutputLocation=s3://athena-local-results/odbc/", uid_kv, pwd_kv, NULL};
    CHECK(config(ODBC_ADD_DSN, add), "ODBC_ADD_DSN");
    CHECK_STR(dsn_value(NEW_DSN, "Driver"), DRIVER, "Driver written");
    CHECK_STR(dsn_value(NEW_DSN, "Description"), "made by SQLConfigDataSource", "Description written");
    CHECK_STR(dsn_value(NEW_DSN, "AwsRegion"), "us-east-1", "AwsRegion written");
    CHECK(strcmp(dsn_value(NEW_DSN, "PWD"), "(none)") != 0, "the secret key given as SecretKey is written as PWD");
    CHECK_STR(dsn_value(NEW_DSN, "SecretKey"), "(none)", "no second spelling");
    CHECK_STR(dsn_value(NEW_DSN, "SessionToken"), "(none)", "a secret not given is not written");
    CHECK_STR(dsn_value(NEW_DSN, "Schema"), "(none)", "a key not given is not written");

    char out[1024];
    CHECK_STR(query_through(NEW_DSN, "SELECT 6 * 7", out, sizeof out), "42", "the new DSN connects and queries");

    const char *change[] = {"DSN=" NEW_DSN, "Database=sampledb", NULL};
    CHECK(config(ODBC_CONFIG_DSN, change), "ODBC_CONFIG_DSN");
    CHECK_STR(dsn_value(NEW_DSN, "Schema"), "sampledb", "Schema written under its primary name");
    CHECK(strcmp(dsn_value(NEW_DSN, "PWD"), "(none)") != 0, "a secret not given is left as it was");
    CHECK_STR(query_through(NEW_DSN, "SELECT count(*) FROM elb_logs WHERE 1 = 0", out, sizeof out), "0",
              "the changed DSN queries sampledb without qualifying");
    CHECK(strstr(out, "Schema=sampledb;") != NULL, "the connection reports Schema=sampledb");

    const char *reset[] = {"DSN=" NEW_DSN, "Schema=", NULL};
    CHECK(config(ODBC_CONFIG_DSN, reset), "ODBC_CONFIG_DSN with an empty value");
    CHECK_STR(dsn_value(NEW_DSN, "Schema"), "(none)", "an empty value removes the key");

    const char *bad_int[] = {"DSN=" NEW_DSN, "Workgroup=analytics", "RowsToFetchPerBlock=5000", NULL};
    test_refused(ODBC_CONFIG_DSN, bad_int, ODBC_ERROR_INVALID_KEYWORD_VALUE,
                 "Invalid value '5000' for RowsToFetchPerBlock: expected an integer from 1 to 1000",
                 "an out-of-range integer");
    CHECK_STR(dsn_value(NEW_DSN, "Workgroup"), "(none)", "the good key of a refused request is not written");
    const char *bad_enum[] = {"DSN=" NEW_DSN, "LogLevel=LOUD", NULL};
    test_refused(ODBC_CONFIG_DSN, bad_enum, ODBC_ERROR_INVALID_KEYWORD_VALUE,
                 "Invalid value 'LOUD' for LogLevel: expected OFF, FATAL, ERROR, WARN, INFO, DEBUG or TRACE (or 0-6)",
                 "an unknown log level");
    const char *idp[] = {"DSN=" NEW_DSN, "AuthenticationType=Okta", NULL};
    test_refused(ODBC_CONFIG_DSN, idp, ODBC_ERROR_INVALID_KEYWORD_VALUE,
                 "AuthenticationType=Okta is not supported by this driver: use IAM Credentials, IAM Profile, "
                 "Default Credentials, Instance Profile, External Credentials or JWT",
                 "an AuthenticationType that connect refuses");
    const char *unknown[] = {"DSN=" NEW_DSN, "Regoin=us-east-1", NULL};
    test_refused(ODBC_CONFIG_DSN, unknown, ODBC_ERROR_INVALID_KEYWORD_VALUE,
                 "Unknown key 'Regoin': the Athena ODBC driver has no such key (every key is listed in athenaodbc(7))",
                 "a misspelt key");
    const char *cross[] = {"DSN=" NEW_DSN, "MinQueryExecutionPollingInterval=20000", NULL};
    test_refused(ODBC_CONFIG_DSN, cross, ODBC_ERROR_INVALID_KEYWORD_VALUE,
                 "MinQueryExecutionPollingInterval (20000) must not be greater than "
                 "MaxQueryExecutionPollingInterval (10000)",
                 "a value that contradicts the DSN's others");
    const char *bad_add[] = {"DSN=athena-setup-bad", "AwsRegion=US East", NULL};
    test_refused(ODBC_ADD_DSN, bad_add, ODBC_ERROR_INVALID_KEYWORD_VALUE,
                 "Invalid value 'US East' for AwsRegion: expected a region name such as us-east-1",
                 "ODBC_ADD_DSN with a bad region");
    const char *missing[] = {"DSN=athena-setup-none", "Schema=x", NULL};
    test_refused(ODBC_CONFIG_DSN, missing, ODBC_ERROR_INVALID_DSN,
                 "Data source 'athena-setup-none' not found in odbc.ini", "ODBC_CONFIG_DSN of no such DSN");
    const char *no_dsn[] = {"Schema=x", NULL};
    test_refused(ODBC_ADD_DSN, no_dsn, ODBC_ERROR_INVALID_NAME, "DSN= is missing: name the data source",
                 "no DSN=");

    /* with a window: there is no dialog */
    char buf[256];
    size_t before_len = 0, after_len = 0;
    char *before = ini_bytes(&before_len);
    int dummy_window;
    CHECK(!SQLConfigDataSource((HWND)&dummy_window, ODBC_CONFIG_DSN, DRIVER,
                               attrs(buf, sizeof buf, change)), "a window: refused");
    DWORD code;
    char msg[512];
    installer_error(&code, msg, sizeof msg);
    CHECK_INT((long)code, (long)ODBC_ERROR_INVALID_HWND, "a window: ODBC_ERROR_INVALID_HWND");
    CHECK(strstr(msg, "has no setup dialog") != NULL, "a window: the message says there is no dialog");
    char *after = ini_bytes(&after_len);
    CHECK(before && after && before_len == after_len && !memcmp(before, after, before_len),
          "a window: odbc.ini is unchanged");
    free(before);
    free(after);

    const char *remove[] = {"DSN=" NEW_DSN, NULL};
    CHECK(config(ODBC_REMOVE_DSN, remove), "ODBC_REMOVE_DSN");
    CHECK_STR(dsn_value(NEW_DSN, "Driver"), "(none)", "the DSN is gone");
    CHECK(!config(ODBC_REMOVE_DSN, remove), "removing it again fails");
}

/* ConfigDSNW, loaded from the Setup= library the way the driver manager does. */
static void test_config_dsnw(void)
{
    char setup[1024];
    SQLGetPrivateProfileString(DRIVER, "Setup", "", setup, sizeof setup, "odbcinst.ini");
    void *lib = dlopen(setup, RTLD_NOW | RTLD_LOCAL);
    CHECK(lib != NULL, "dlopen the Setup= library");
    if (!lib)
        return;
    BOOL (*cfgw)(HWND, WORD, LPCWSTR, LPCWSTR);
    *(void **)&cfgw = dlsym(lib, "ConfigDSNW");
    CHECK(cfgw != NULL, "ConfigDSNW is exported");
    CHECK(dlsym(lib, "config_set") == NULL, "the key table's functions are not exported");
    if (cfgw) {
        /* "DSN=athena-w-\u00e9\0AwsRegion=eu-west-1\0\0" in UTF-16 */
        const char *a = "DSN=athena-w-?\nAwsRegion=eu-west-1\n\n";
        SQLWCHAR w[64], drv[16];
        size_t i = 0;
        for (; a[i]; i++)
            w[i] = a[i] == '\n' ? 0 : a[i] == '?' ? 0x00E9 : (SQLWCHAR)a[i];
        for (size_t j = 0; j <= strlen(DRIVER); j++)
            drv[j] = (SQLWCHAR)DRIVER[j];
        CHECK(cfgw(NULL, ODBC_ADD_DSN, drv, w), "ConfigDSNW ODBC_ADD_DSN");
        CHECK_STR(dsn_value("athena-w-\xc3\xa9", "AwsRegion"), "eu-west-1", "the UTF-16 DSN name arrives as UTF-8");
        const char *r = "DSN=athena-w-?\n\n";
        for (i = 0; r[i]; i++)
            w[i] = r[i] == '\n' ? 0 : r[i] == '?' ? 0x00E9 : (SQLWCHAR)r[i];
        CHECK(cfgw(NULL, ODBC_REMOVE_DSN, drv, w), "ConfigDSNW ODBC_REMOVE_DSN");
        CHECK_STR(dsn_value("athena-w-\xc3\xa9", "AwsRegion"), "(none)", "removed");
    }
    dlclose(lib);
}

int main(void)
{
    test_properties();
    test_config_dsn();
    test_config_dsnw();
    return th_done();
}

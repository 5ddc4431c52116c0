/* odbc_connect.c - connecting: SQLConnect, SQLDriverConnect in every form,
 * key validation, the connection test, and what the driver reports. */
#include "odbc_util.h"

static const char *local_url(void)
{
    const char *u = getenv("ATHENA_LOCAL_URL");
    return u ? u : "http://127.0.0.1:1";
}

/* SQLDriverConnect with a full string (no DSN); returns rc, fills state/msg/out. */
static SQLRETURN driver_connect(const char *connstr, SQLUSMALLINT mode, char *out, SQLSMALLINT out_max,
                                SQLSMALLINT *out_len, char state[6], char *msg, size_t msg_size, SQLHDBC *keep)
{
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)connstr, SQL_NTS, (SQLCHAR *)out, out_max,
                                    out_len, mode);
    first_diag(SQL_HANDLE_DBC, dbc, state, msg, msg_size);
    if (keep && SQL_SUCCEEDED(rc)) {
        *keep = dbc;
        return rc;
    }
    if (SQL_SUCCEEDED(rc))
        SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    return rc;
}

static void test_sqlconnect(void)
{
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    SQLRETURN rc = SQLConnect(dbc, (SQLCHAR *)test_dsn(), SQL_NTS, NULL, 0, NULL, 0);
    CHECK_RC(rc, SQL_SUCCESS, "SQLConnect to the DSN");
    CHECK_STR(test_scalar(dbc, "SELECT 40 + 2"), "42", "a query on that connection");
    CHECK_RC(SQLDisconnect(dbc), SQL_SUCCESS, "SQLDisconnect");
    CHECK_RC(SQLDisconnect(dbc), SQL_ERROR, "SQLDisconnect twice");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "08003", "second disconnect");

    /* UID/PWD arguments override the DSN's */
    rc = SQLConnect(dbc, (SQLCHAR *)test_dsn(), SQL_NTS, (SQLCHAR *)"AKIAIOSFODNN7EXAMPLE", SQL_NTS,
                    (SQLCHAR *)"not-the-secret", SQL_NTS);
    CHECK_RC(rc, SQL_ERROR, "SQLConnect with a wrong PWD argument");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "28000", "wrong secret");
    rc = SQLConnect(dbc, (SQLCHAR *)test_dsn(), SQL_NTS, (SQLCHAR *)"AKIAUNKNOWNKEY000000", SQL_NTS,
                    (SQLCHAR *)"whatever", SQL_NTS);
    CHECK_RC(rc, SQL_ERROR, "SQLConnect with an unknown access key");
    char state[6], msg[1024];
    first_diag(SQL_HANDLE_DBC, dbc, state, msg, sizeof msg);
    CHECK_STR(state, "28000", "unknown key state");
    CHECK_STR(msg, "[unixODBC][Athena ODBC][Athena]UnrecognizedClientException: The security token included in the "
                   "request is invalid.", "unknown key: Athena's own error and message");
    CHECK(strstr(msg, "whatever") == NULL, "the message does not repeat the secret");
    rc = SQLConnect(dbc, (SQLCHAR *)"no-such-dsn", SQL_NTS, NULL, 0, NULL, 0);
    CHECK_RC(rc, SQL_ERROR, "SQLConnect to a DSN that does not exist");
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_driverconnect_dsn(void)
{
    char out[2048], state[6], msg[1024];
    SQLSMALLINT out_len = 0;
    char in[512];
    snprintf(in, sizeof in, "DSN=%s;RowsToFetchPerBlock=500;Workgroup={primary};SomeUnknownKey=1", test_dsn());
    SQLRETURN rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_SUCCESS, "SQLDriverConnect with DSN and overriding keys");
    CHECK_INT(out_len, (SQLSMALLINT)strlen(out), "output length");
    char want_prefix[300];
    snprintf(want_prefix, sizeof want_prefix, "DSN=%s;", test_dsn());
    CHECK(strncmp(out, want_prefix, strlen(want_prefix)) == 0, "output starts with the DSN: %s", out);
    char want_out[1024];
    snprintf(want_out, sizeof want_out,
             "DSN=%s;DRIVER=Athena ODBC;AwsRegion=us-east-1;Schema=sampledb;S3OutputLocation=s3://athena-local-results/odbc/;"
             "UID=AKIAIOSFODNN7EXAMPLE;RowsToFetchPerBlock=500;EndpointOverride=%s;S3EndpointOverride=%s;"
             "StsEndpointOverride=%s;", test_dsn(), local_url(), local_url(), local_url());
    CHECK_STR(out, want_out, "output string: the keys in force that differ from their defaults, no secret");
    CHECK(strstr(out, "PWD") == NULL && strstr(out, "EXAMPLEKEY") == NULL, "output has no secret: %s", out);
    CHECK(strstr(out, "SomeUnknownKey") == NULL, "output drops unknown keys: %s", out);

    /* a buffer too small: 01004, the full length still reported */
    char small[10];
    rc = driver_connect(in, SQL_DRIVER_NOPROMPT, small, sizeof small, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_SUCCESS_WITH_INFO, "output buffer too small");
    CHECK_STR(state, "01004", "truncated output string");
    CHECK_INT(strlen(small), 9, "truncated to the buffer");
    CHECK(out_len > 9, "full length reported (%d)", out_len);
}

static void test_driverconnect_driver(void)
{
    char in[1024], out[2048], state[6], msg[1024];
    SQLSMALLINT out_len;
    const char *keys = "AwsRegion=us-east-1;UID=AKIAIOSFODNN7EXAMPLE;"
                       "PWD={wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY};S3OutputLocation=s3://athena-local-results/x/";
    snprintf(in, sizeof in, "DRIVER={Athena ODBC};EndpointOverride=%s;%s", local_url(), keys);
    SQLRETURN rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_SUCCESS, "DRIVER= by name, no DSN");
    if (!SQL_SUCCEEDED(rc))
        printf("# %s %s\n", state, msg);

    const char *so = getenv("ATHENA_DRIVER_SO");
    if (so) {
        snprintf(in, sizeof in, "DRIVER=%s;EndpointOverride=%s;%s", so, local_url(), keys);
        rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
        CHECK_RC(rc, SQL_SUCCESS, "DRIVER= by path");
    }

    /* }} inside braces, spaces around keys */
    snprintf(in, sizeof in, "DRIVER={Athena ODBC}; EndpointOverride = %s ;%s;Description={a;b}}c}", local_url(), keys);
    rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_SUCCESS, "braces with ; and }} inside, spaces around keys");

    /* a bad value names the key and what is allowed */
    snprintf(in, sizeof in, "DRIVER={Athena ODBC};EndpointOverride=%s;%s;RowsToFetchPerBlock=abc", local_url(), keys);
    rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_ERROR, "bad value");
    CHECK(strstr(msg, "RowsToFetchPerBlock") && strstr(msg, "abc") && strstr(msg, "1000"),
          "bad value message names key, value and range: %s", msg);
    snprintf(in, sizeof in, "DRIVER={Athena ODBC};EndpointOverride=%s;%s;VerifySSL=maybe", local_url(), keys);
    rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_ERROR, "bad boolean");
    CHECK_STR(msg, "[Athena ODBC][Driver]Invalid value 'maybe' for VerifySSL: expected 1, 0, true, false, yes or no",
              "bad boolean message names the key and the values allowed");

    /* unterminated brace */
    rc = driver_connect("DRIVER={Athena ODBC;AwsRegion=us-east-1", SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len,
                        state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_ERROR, "unterminated brace");
    rc = driver_connect("DRIVER={Athena ODBC};Oops;AwsRegion=us-east-1", SQL_DRIVER_NOPROMPT, out, sizeof out,
                        &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_ERROR, "key without '='");
    CHECK_STR(state, "HY000", "key without '=': state");
    CHECK_STR(msg, "[Athena ODBC][Driver]Invalid connection string: missing '=' after key 'Oops' at position 22",
              "key without '=': the message says its prefix once and names the key and position");

    /* missing region, every completion mode: a clear message naming the key */
    static const SQLUSMALLINT modes[] = {SQL_DRIVER_NOPROMPT, SQL_DRIVER_COMPLETE, SQL_DRIVER_COMPLETE_REQUIRED};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        rc = driver_connect("DRIVER={Athena ODBC};UID=AKIAIOSFODNN7EXAMPLE;PWD=x", modes[i], out, sizeof out,
                            &out_len, state, msg, sizeof msg, NULL);
        CHECK_RC(rc, SQL_ERROR, "no region");
        CHECK_STR(msg, modes[i] == SQL_DRIVER_NOPROMPT
                           ? "[Athena ODBC][Driver]AwsRegion is required: set AwsRegion (or AWS_REGION in the "
                             "environment), or EndpointOverride"
                           : "[Athena ODBC][Driver]AwsRegion is required: set AwsRegion (or AWS_REGION in the "
                             "environment), or EndpointOverride (this driver has no connection dialog: add the key "
                             "to the connection string or the DSN)",
                  "the message names the missing key");
    }
}

static void test_connection_test(void)
{
    char in[1024], out[2048], state[6], msg[1024];
    SQLSMALLINT out_len;
    snprintf(in, sizeof in, "DSN=%s;Workgroup=no_such_workgroup", test_dsn());
    SQLRETURN rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_ERROR, "unknown workgroup");
    CHECK_STR(msg, "[Athena ODBC][Athena]InvalidRequestException: WorkGroup no_such_workgroup is not found.",
              "unknown workgroup: Athena's message");

    snprintf(in, sizeof in, "DSN=%s;EndpointOverride=http://127.0.0.1:1;MaxRetries=0;ConnectionTimeout=2000", test_dsn());
    rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_ERROR, "unreachable endpoint");
    CHECK_STR(state, "08001", "unreachable endpoint state");

    snprintf(in, sizeof in, "DSN=%s;PWD=wrong-secret", test_dsn());
    rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_ERROR, "wrong secret");
    CHECK_STR(state, "28000", "wrong secret state");
    CHECK(strstr(msg, "wrong-secret") == NULL, "the secret is not in the message");

    /* ConnectionTest=0: nothing is called at connect time */
    snprintf(in, sizeof in, "DSN=%s;PWD=wrong-secret;ConnectionTest=0", test_dsn());
    rc = driver_connect(in, SQL_DRIVER_NOPROMPT, out, sizeof out, &out_len, state, msg, sizeof msg, NULL);
    CHECK_RC(rc, SQL_SUCCESS, "ConnectionTest=0 connects without calling Athena");
}

static void test_versions(void)
{
    static const SQLINTEGER versions[] = {SQL_OV_ODBC2, SQL_OV_ODBC3, SQL_OV_ODBC3_80};
    for (size_t i = 0; i < 3; i++) {
        SQLHENV env;
        SQLHDBC dbc;
        SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
        CHECK_RC(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)(intptr_t)versions[i], 0), SQL_SUCCESS,
                 "SQL_ATTR_ODBC_VERSION");
        SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
        SQLRETURN rc = SQLConnect(dbc, (SQLCHAR *)test_dsn(), SQL_NTS, NULL, 0, NULL, 0);
        CHECK_RC(rc, SQL_SUCCESS, "connect with each ODBC version");
        SQLDisconnect(dbc);
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        SQLFreeHandle(SQL_HANDLE_ENV, env);
    }
}

static void test_info(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect for SQLGetInfo");
    if (!dbc)
        return;
    char buf[256];
    SQLSMALLINT len = 0;
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, buf, sizeof buf, &len), SQL_SUCCESS, "SQL_DBMS_NAME");
    CHECK_STR(buf, "Amazon Athena", "DBMS name");
    CHECK_INT(len, 13, "DBMS name length");
    CHECK_RC(SQLGetInfo(dbc, SQL_DRIVER_ODBC_VER, buf, sizeof buf, &len), SQL_SUCCESS, "SQL_DRIVER_ODBC_VER");
    CHECK_STR(buf, "03.80", "driver ODBC version");
    CHECK_RC(SQLGetInfo(dbc, SQL_IDENTIFIER_QUOTE_CHAR, buf, sizeof buf, &len), SQL_SUCCESS, "quote char");
    CHECK_STR(buf, "\"", "identifier quote");
    SQLUSMALLINT txn = 99;
    CHECK_RC(SQLGetInfo(dbc, SQL_TXN_CAPABLE, &txn, 0, NULL), SQL_SUCCESS, "SQL_TXN_CAPABLE");
    CHECK_INT(txn, SQL_TC_NONE, "no transactions");
    SQLUINTEGER gd = 0;
    SQLGetInfo(dbc, SQL_GETDATA_EXTENSIONS, &gd, 0, NULL);
    CHECK_INT(gd, SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND | SQL_GD_BLOCK, "SQL_GETDATA_EXTENSIONS");
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, buf, 5, &len), SQL_SUCCESS_WITH_INFO, "truncated info string");
    CHECK_STR(buf, "Amaz", "truncated to the buffer");
    CHECK_INT(len, 13, "full length after truncation");
    /* autocommit and transactions are accepted no-ops */
    CHECK_RC(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0), SQL_SUCCESS,
             "autocommit off accepted");
    CHECK_RC(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_SUCCESS, "commit is a no-op");
    CHECK_RC(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_SUCCESS, "rollback is a no-op");
    test_disconnect(dbc);
}

int main(void)
{
    unsetenv("AWS_REGION");
    unsetenv("AWS_DEFAULT_REGION");
    test_sqlconnect();
    test_driverconnect_dsn();
    test_driverconnect_driver();
    test_connection_test();
    test_versions();
    test_info();
    return th_done();
}

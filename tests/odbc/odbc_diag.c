/* odbc_diag.c - diagnostics: several records per handle, SQLGetDiagRec and
 * SQLGetDiagField (header and record fields), message format, native error,
 * truncation of messages, and the ODBC 2 states an ODBC 2 application sees. */
#include "odbc_util.h"

static void test_records(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT 'abcdef' AS a, 'ghijkl' AS b", &rc);
    char a[4], b[4];
    SQLLEN ia, ib;
    SQLBindCol(st, 1, SQL_C_CHAR, a, sizeof a, &ia);
    SQLBindCol(st, 2, SQL_C_CHAR, b, sizeof b, &ib);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS_WITH_INFO, "two truncated columns");
    CHECK_STR(a, "abc", "column a truncated");
    CHECK_INT(ia, 6, "column a full length");
    CHECK_INT(ib, 6, "column b full length");
    SQLINTEGER count = 0;
    CHECK_RC(SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_NUMBER, &count, 0, NULL), SQL_SUCCESS,
             "SQL_DIAG_NUMBER");
    CHECK_INT(count, 2, "one record per truncated column");
    for (SQLSMALLINT r = 1; r <= 2; r++) {
        char state[6];
        SQLINTEGER col = 0;
        SQLLEN row = 0;
        SQLGetDiagField(SQL_HANDLE_STMT, st, r, SQL_DIAG_SQLSTATE, state, sizeof state, NULL);
        CHECK_STR(state, "01004", "record state");
        SQLGetDiagField(SQL_HANDLE_STMT, st, r, SQL_DIAG_COLUMN_NUMBER, &col, 0, NULL);
        CHECK_INT(col, r, "record column number");
        SQLGetDiagField(SQL_HANDLE_STMT, st, r, SQL_DIAG_ROW_NUMBER, &row, 0, NULL);
        CHECK_INT(row, 1, "record row number");
        char origin[32];
        SQLGetDiagField(SQL_HANDLE_STMT, st, r, SQL_DIAG_CLASS_ORIGIN, origin, sizeof origin, NULL);
        CHECK_STR(origin, "ISO 9075", "class origin");
    }
    char state[6];
    SQLINTEGER native;
    char msg[64];
    SQLSMALLINT len;
    CHECK_RC(SQLGetDiagRec(SQL_HANDLE_STMT, st, 3, (SQLCHAR *)state, &native, (SQLCHAR *)msg, sizeof msg, &len),
             SQL_NO_DATA, "no third record");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_messages(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT * FROM sampledb.no_such_table", &rc);
    CHECK_RC(rc, SQL_ERROR, "failing query");
    char state[6], msg[2048];
    SQLINTEGER native = -1;
    SQLSMALLINT len = 0;
    CHECK_RC(SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, (SQLCHAR *)state, &native, (SQLCHAR *)msg, sizeof msg, &len),
             SQL_SUCCESS, "SQLGetDiagRec");
    CHECK_STR(state, "42S02", "table not found");
    CHECK(strncmp(msg, "[Athena ODBC][Athena]", 21) == 0, "vendor and component prefix: %s", msg);
    CHECK(strstr(msg, "TABLE_NOT_FOUND") && strstr(msg, "no_such_table"), "Athena's reason: %s", msg);
    CHECK_INT(len, strlen(msg), "message length");
    char small[16];
    SQLSMALLINT small_len = 0;
    CHECK_RC(SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, (SQLCHAR *)state, &native, (SQLCHAR *)small, sizeof small,
                           &small_len), SQL_SUCCESS_WITH_INFO, "message truncated");
    CHECK_INT(strlen(small), 15, "truncated message fills the buffer");
    CHECK_INT(small_len, len, "full length reported");
    SQLSMALLINT rcode = 0;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_RETURNCODE, &rcode, 0, NULL);
    CHECK_INT(rcode, SQL_ERROR, "SQL_DIAG_RETURNCODE");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* a synchronous InvalidRequestException: the native error is the HTTP status */
    st = test_exec(dbc, "SELEC 1", &rc);
    SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, (SQLCHAR *)state, &native, (SQLCHAR *)msg, sizeof msg, &len);
    CHECK_STR(state, "42000", "syntax error");
    CHECK_INT(native, 400, "native error is the HTTP status");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* diagnostics are cleared by the next call on the handle */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLExecDirect(st, (SQLCHAR *)"SELEC 1", SQL_NTS);
    SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    SQLINTEGER count = -1;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_NUMBER, &count, 0, NULL);
    CHECK_INT(count, 0, "a successful call clears earlier records");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_bad_handles(void)
{
    CHECK_RC(SQLExecDirect(SQL_NULL_HSTMT, (SQLCHAR *)"SELECT 1", SQL_NTS), SQL_INVALID_HANDLE, "NULL statement");
    CHECK_RC(SQLFetch(SQL_NULL_HSTMT), SQL_INVALID_HANDLE, "fetch on NULL");
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    SQLHSTMT st = SQL_NULL_HSTMT;
    CHECK_RC(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_ERROR, "statement on an unconnected connection");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "08003", "connection not open");
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

/* One statement error seen by an application of the given ODBC version, through
 * SQLGetDiagRec, SQLGetDiagField and SQLError: all three give the same state.
 * sql NULL: the error is SQLSetStmtAttr(SQL_ATTR_ROW_ARRAY_SIZE, 0), HY024,
 * which unixODBC passes on unmapped (it maps most others itself), so that
 * case shows the driver's own ODBC 2 state. */
static void check_version_states(SQLINTEGER version, const char *sql, const char *want, const char *what)
{
    SQLHENV env = SQL_NULL_HENV;
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLHSTMT st = SQL_NULL_HSTMT;
    SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
    CHECK_RC(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)(intptr_t)version, 0), SQL_SUCCESS,
             "SQL_ATTR_ODBC_VERSION");
    SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
    char in[512];
    snprintf(in, sizeof in, "DSN=%s;", test_dsn());
    CHECK_RC(SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT), SQL_SUCCESS,
             "connect");
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    if (sql)
        CHECK_RC(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_ERROR, what);
    else
        CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)0, 0), SQL_ERROR, what);
    char state[6] = "", msg[1024] = "";
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, (SQLCHAR *)state, &native, (SQLCHAR *)msg, sizeof msg, &len);
    CHECK_STR(state, want, "SQLGetDiagRec state");
    char field[6] = "";
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_SQLSTATE, field, sizeof field, NULL);
    CHECK_STR(field, want, "SQLGetDiagField(SQL_DIAG_SQLSTATE)");
    char estate[6] = "", emsg[1024] = "";
    CHECK_RC(SQLError(env, dbc, st, (SQLCHAR *)estate, &native, (SQLCHAR *)emsg, sizeof emsg, &len), SQL_SUCCESS,
             "SQLError");
    CHECK_STR(estate, want, "SQLError state");
    CHECK_STR(emsg, msg, "SQLError gives the same message");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}

static void test_odbc2_states(void)
{
    check_version_states(SQL_OV_ODBC2, "SELECT * FROM sampledb.no_such_table", "S0002", "ODBC 2: table not found");
    check_version_states(SQL_OV_ODBC2, "SELEC 1", "37000", "ODBC 2: syntax error");
    check_version_states(SQL_OV_ODBC2, NULL, "S1009", "ODBC 2: invalid attribute value");
    check_version_states(SQL_OV_ODBC3, "SELECT * FROM sampledb.no_such_table", "42S02", "ODBC 3: table not found");
    check_version_states(SQL_OV_ODBC3, NULL, "HY024", "ODBC 3: invalid attribute value");
    check_version_states(SQL_OV_ODBC3, "SELEC 1", "42000", "ODBC 3: syntax error");
}

int main(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect");
    if (!dbc)
        return th_done();
    test_records(dbc);
    test_messages(dbc);
    test_disconnect(dbc);
    test_bad_handles();
    test_odbc2_states();
    return th_done();
}

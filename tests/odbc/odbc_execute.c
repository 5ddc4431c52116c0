/* odbc_execute.c - executing: SQLExecDirect, SQLPrepare/SQLExecute, errors
 * mapped to SQLSTATEs, timeout, cancel from another thread, row counts, and
 * connections used from several threads at once. */
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "odbc_util.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void expect_error(SQLHDBC dbc, const char *sql, const char *state, const char *msg_part)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    char got[6], msg[2048];
    first_diag(SQL_HANDLE_STMT, st, got, msg, sizeof msg);
    CHECK_RC(rc, SQL_ERROR, sql);
    CHECK(strcmp(got, state) == 0, "%s: SQLSTATE %s, want %s", sql, got, state);
    CHECK(strstr(msg, msg_part) != NULL, "%s: message has \"%s\": %s", sql, msg_part, msg);
    CHECK(strncmp(msg, "[Athena ODBC][", 14) == 0, "message in ODBC style: %s", msg);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_basic(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT 1 AS one, 'two' AS two", &rc);
    CHECK_RC(rc, SQL_SUCCESS, "SQLExecDirect SELECT");
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    CHECK_INT(ncols, 2, "two columns");
    SQLLEN rows = 0;
    CHECK_RC(SQLRowCount(st, &rows), SQL_SUCCESS, "SQLRowCount");
    CHECK_INT(rows, -1, "row count of a SELECT");
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch the row");
    char a[16], b[16];
    SQLLEN ia, ib;
    SQLGetData(st, 1, SQL_C_CHAR, a, sizeof a, &ia);
    SQLGetData(st, 2, SQL_C_CHAR, b, sizeof b, &ib);
    CHECK_STR(a, "1", "column one");
    CHECK_STR(b, "two", "column two");
    CHECK_RC(SQLFetch(st), SQL_NO_DATA, "one row only");
    CHECK_RC(SQLMoreResults(st), SQL_NO_DATA, "SQLMoreResults");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* prepare once, execute twice */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLPrepare(st, (SQLCHAR *)"SELECT 6 * 7", SQL_NTS), SQL_SUCCESS, "SQLPrepare");
    for (int i = 0; i < 2; i++) {
        CHECK_RC(SQLExecute(st), SQL_SUCCESS, "SQLExecute");
        CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch");
        SQLINTEGER v = 0;
        SQLGetData(st, 1, SQL_C_SLONG, &v, 0, NULL);
        CHECK_INT(v, 42, "prepared result");
        CHECK_RC(SQLExecute(st), SQL_ERROR, "SQLExecute with an open cursor");
        CHECK_STATE(SQL_HANDLE_STMT, st, "24000", "open cursor");
        CHECK_RC(SQLCloseCursor(st), SQL_SUCCESS, "SQLCloseCursor");
    }
    CHECK_RC(SQLCloseCursor(st), SQL_ERROR, "SQLCloseCursor without a cursor");
    CHECK_STATE(SQL_HANDLE_STMT, st, "24000", "no cursor");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* the same statement handle, re-executed after SQL_CLOSE */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS), SQL_SUCCESS, "first");
    CHECK_RC(SQLFreeStmt(st, SQL_CLOSE), SQL_SUCCESS, "SQL_CLOSE");
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 2", SQL_NTS), SQL_SUCCESS, "second");
    SQLINTEGER v = 0;
    SQLFetch(st);
    SQLGetData(st, 1, SQL_C_SLONG, &v, 0, NULL);
    CHECK_INT(v, 2, "second result");
    /* length given explicitly, not NUL-terminated */
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 3 garbage", 8), SQL_SUCCESS, "explicit length");
    SQLFetch(st);
    SQLGetData(st, 1, SQL_C_SLONG, &v, 0, NULL);
    CHECK_INT(v, 3, "only the given length is sent");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_errors(SQLHDBC dbc)
{
    expect_error(dbc, "SELEC 1", "42000", "mismatched input");
    expect_error(dbc, "SELECT * FROM nope", "42S02", "TABLE_NOT_FOUND");
    expect_error(dbc, "SELECT no_such_column FROM numbers", "42S22", "COLUMN_NOT_FOUND");
    expect_error(dbc, "SELECT 1 / 0", "22012", "DIVISION_BY_ZERO");
    expect_error(dbc, "SELECT CAST('abc' AS INTEGER)", "22018", "INVALID_CAST_ARGUMENT");
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"", SQL_NTS), SQL_ERROR, "empty SQL");
    CHECK_STATE(SQL_HANDLE_STMT, st, "42000", "empty SQL");
    CHECK_RC(SQLExecDirect(st, NULL, SQL_NTS), SQL_ERROR, "NULL SQL");
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 1", -5), SQL_ERROR, "negative length");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY090", "negative length");
    CHECK_RC(SQLExecute(st), SQL_ERROR, "SQLExecute without SQLPrepare");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY010", "sequence error");
    CHECK_RC(SQLFetch(st), SQL_ERROR, "SQLFetch without a result");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY010", "no cursor (the driver manager's sequence check)");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_timeout(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0), SQL_SUCCESS, "set query timeout");
    double t0 = now_s();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1 /* athena-local:sleep=20 */", SQL_NTS);
    double took = now_s() - t0;
    CHECK_RC(rc, SQL_ERROR, "a query longer than its timeout");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HYT00", "timeout");
    CHECK(took < 10.0, "gave up after the timeout, not the query (%.1f s)", took);
    SQLULEN t = 0;
    SQLGetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, &t, 0, NULL);
    CHECK_INT(t, 1, "timeout attribute read back");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Cancels once the driver is polling the query (athena-local counts the calls). */
static void *canceller(void *st)
{
    wait_for_calls("athena:GetQueryExecution", 1);
    SQLCancel(st);
    return NULL;
}

static void test_cancel(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    admin("POST", "/_athena_local/stats/reset", "", NULL, 0);
    pthread_t th;
    pthread_create(&th, NULL, canceller, st);
    double t0 = now_s();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1 /* athena-local:sleep=20 */", SQL_NTS);
    double took = now_s() - t0;
    pthread_join(th, NULL);
    CHECK_RC(rc, SQL_ERROR, "cancelled from another thread");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY008", "cancelled");
    CHECK(took < 10.0, "returned soon after SQLCancel (%.1f s)", took);
    /* the handle is usable afterwards */
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 5", SQL_NTS), SQL_SUCCESS, "statement usable after cancel");
    /* SQLCancel with nothing running closes the cursor, as the driver
     * manager's state table says; the statement can execute again */
    CHECK_RC(SQLCancel(st), SQL_SUCCESS, "idle SQLCancel");
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 6", SQL_NTS), SQL_SUCCESS, "execute again after an idle cancel");
    SQLINTEGER six = 0;
    SQLFetch(st);
    SQLGetData(st, 1, SQL_C_SLONG, &six, 0, NULL);
    CHECK_INT(six, 6, "the new result");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_row_counts(SQLHDBC dbc)
{
    char sql[256];
    char name[64];
    snprintf(name, sizeof name, "odbc_ctas_%ld_%d", (long)time(NULL), (int)getpid());
    snprintf(sql, sizeof sql, "CREATE TABLE %s AS SELECT n FROM numbers WHERE n <= 25", name);
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    CHECK_RC(rc, SQL_SUCCESS, "CTAS");
    SQLLEN rows = 0;
    SQLRowCount(st, &rows);
    CHECK_INT(rows, 25, "CTAS row count");
    SQLSMALLINT ncols = -1;
    SQLNumResultCols(st, &ncols);
    CHECK_INT(ncols, 0, "CTAS has no result set");
    CHECK_RC(SQLFetch(st), SQL_ERROR, "nothing to fetch after CTAS");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    snprintf(sql, sizeof sql, "INSERT INTO %s SELECT n FROM numbers WHERE n <= 7", name);
    st = test_exec(dbc, sql, &rc);
    CHECK_RC(rc, SQL_SUCCESS, "INSERT");
    SQLRowCount(st, &rows);
    CHECK_INT(rows, 7, "INSERT row count");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", name);
    CHECK_STR(test_scalar(dbc, sql), "32", "rows in the new table");
    snprintf(sql, sizeof sql, "DROP TABLE %s", name);
    st = test_exec(dbc, sql, &rc);
    CHECK_RC(rc, SQL_SUCCESS, "DROP TABLE");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_max_rows(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_MAX_ROWS, (SQLPOINTER)3, 0);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT n FROM numbers WHERE n <= 10 ORDER BY n", SQL_NTS), SQL_SUCCESS,
             "execute with SQL_ATTR_MAX_ROWS");
    int n = 0;
    while (SQL_SUCCEEDED(SQLFetch(st)))
        n++;
    CHECK_INT(n, 3, "SQL_ATTR_MAX_ROWS limits the rows");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* The StartQueryExecution options that come from connection keys. */
static void test_start_options(void)
{
    static const char *const variants[] = {
        "S3OutputEncOption=SSE_S3;AclOption=BUCKET_OWNER_FULL_CONTROL",
        "S3OutputEncOption=SSE_KMS;S3OutputEncKMSKey=arn:aws:kms:us-east-1:123456789012:key/abc",
        "EnableResultReuse=1;ReusedResultMaxAgeInMinutes=5",
        "Workgroup=local;S3OutputLocation=",
        "Catalog=AwsDataCatalog;Schema=default",
    };
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        SQLHDBC dbc = test_connect(variants[i]);
        CHECK(dbc != NULL, "connect with %s", variants[i]);
        if (!dbc)
            continue;
        CHECK_STR(test_scalar(dbc, "SELECT count(*) FROM sampledb.numbers WHERE n <= 10"), "10", variants[i]);
        test_disconnect(dbc);
    }
    /* unqualified names resolve in Schema */
    SQLHDBC dbc = test_connect("Schema=default");
    if (dbc) {
        SQLRETURN rc;
        SQLHSTMT st = test_exec(dbc, "SELECT * FROM numbers", &rc);
        CHECK_RC(rc, SQL_ERROR, "numbers is not in the default database");
        CHECK_STATE(SQL_HANDLE_STMT, st, "42S02", "table not found in Schema=default");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        test_disconnect(dbc);
    }
}

#define THREADS 4
struct thread_arg {
    int id;
    long long sum;
    int ok;
};

static void *worker(void *p)
{
    struct thread_arg *a = p;
    SQLHDBC dbc = test_connect(NULL);
    if (!dbc)
        return NULL;
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT n FROM numbers WHERE n <= %d ORDER BY n", 2000 + a->id);
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    if (SQL_SUCCEEDED(rc)) {
        SQLBIGINT v;
        SQLLEN ind;
        SQLBindCol(st, 1, SQL_C_SBIGINT, &v, 0, &ind);
        while (SQL_SUCCEEDED(SQLFetch(st)))
            a->sum += v;
        a->ok = 1;
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
    return NULL;
}

static void test_threads(void)
{
    pthread_t th[THREADS];
    struct thread_arg args[THREADS];
    for (int i = 0; i < THREADS; i++) {
        args[i] = (struct thread_arg){i, 0, 0};
        pthread_create(&th[i], NULL, worker, &args[i]);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        long long n = 2000 + i;
        CHECK(args[i].ok, "thread %d ran its query", i);
        CHECK_INT(args[i].sum, n * (n + 1) / 2, "thread's sum");
    }
}

/* One connection, two threads: one runs a query and fetches its rows (the
 * statement lock, then the connection lock for the catalog), the other makes
 * connection calls meanwhile (the connection lock). Both finish with the
 * right answers: no deadlock, no torn catalog. */
struct conn_caller {
    SQLHDBC dbc;
    atomic_int done; /* written by the main thread, read by the caller thread */
    int calls, good;
};

static void *connection_calls(void *p)
{
    struct conn_caller *c = p;
    while (!c->done && c->calls < 20000) {
        char cat[64] = "";
        SQLINTEGER len = 0;
        SQLRETURN rc = SQLGetConnectAttr(c->dbc, SQL_ATTR_CURRENT_CATALOG, cat, sizeof cat, &len);
        char name[64] = "";
        SQLRETURN rc2 = SQLGetInfo(c->dbc, SQL_DBMS_NAME, name, sizeof name, NULL);
        c->calls++;
        if (rc == SQL_SUCCESS && strcmp(cat, "AwsDataCatalog") == 0 && rc2 == SQL_SUCCESS && strcmp(name, "Amazon Athena") == 0)
            c->good++;
    }
    return NULL;
}

static void test_connection_lock(SQLHDBC dbc)
{
    struct conn_caller c = {dbc, 0, 0, 0};
    pthread_t th;
    pthread_create(&th, NULL, connection_calls, &c);
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT n FROM numbers WHERE n <= 3000 ORDER BY n", &rc);
    long long sum = 0;
    if (SQL_SUCCEEDED(rc)) {
        SQLBIGINT v;
        SQLLEN ind;
        SQLBindCol(st, 1, SQL_C_SBIGINT, &v, 0, &ind);
        while (SQL_SUCCEEDED(SQLFetch(st)))
            sum += v;
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    c.done = 1;
    pthread_join(th, NULL);
    CHECK_RC(rc, SQL_SUCCESS, "a query while another thread makes connection calls");
    CHECK_INT(sum, 3000LL * 3001 / 2, "its rows");
    CHECK(c.calls > 0 && c.good == c.calls, "every connection call meanwhile answered right (%d of %d)", c.good,
          c.calls);
}

int main(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect");
    if (!dbc)
        return th_done();
    test_basic(dbc);
    test_errors(dbc);
    test_timeout(dbc);
    test_cancel(dbc);
    test_row_counts(dbc);
    test_max_rows(dbc);
    test_connection_lock(dbc);
    test_disconnect(dbc);
    test_start_options();
    test_threads();
    return th_done();
}

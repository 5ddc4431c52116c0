/* odbc_faults.c - the retry policy seen from an application: athena-local
 * injects deterministic faults through its loopback admin endpoint, and the
 * driver must ride them out (or fail clearly), never running a query twice. */
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include "odbc_util.h"

static void faults(const char *spec)
{
    char out[4096];
    int st = spec ? admin("POST", "/_athena_local/faults", spec, out, sizeof out)
                  : admin("DELETE", "/_athena_local/faults", NULL, out, sizeof out);
    if (st != 200)
        printf("# faults %s: HTTP %d %s\n", spec ? spec : "(clear)", st, out);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_lost_start_answer(SQLHDBC dbc)
{
    char stats[65536];
    admin("POST", "/_athena_local/stats/reset", "", NULL, 0);
    faults("reset-next op=athena:StartQueryExecution,count=1");
    CHECK_STR(test_scalar(dbc, "SELECT 'once' AS x"), "once", "the query succeeds although the first answer was lost");
    CHECK_INT(admin("GET", "/_athena_local/stats", NULL, stats, sizeof stats), 200, "stats");
    CHECK_INT(json_number(stats, "\"calls\"", "athena:StartQueryExecution"), 2, "StartQueryExecution sent twice");
    CHECK_INT(json_number(stats, "\"executions\"", "total"), 1, "the query ran once (same ClientRequestToken)");
    faults(NULL);
}

static void test_transient_errors(SQLHDBC dbc)
{
    faults("fail op=athena:GetQueryExecution,status=503,count=2");
    CHECK_STR(test_scalar(dbc, "SELECT 2"), "2", "two 503s while polling are retried");
    faults("fail op=athena:GetQueryResults,status=500,count=1");
    CHECK_STR(test_scalar(dbc, "SELECT 3"), "3", "a 500 on GetQueryResults is retried");
    faults("throttle-next op=athena:StartQueryExecution,count=2");
    CHECK_STR(test_scalar(dbc, "SELECT 4"), "4", "ThrottlingException is retried with backoff");
    faults("reset-next op=athena:GetQueryResults,count=1");
    CHECK_STR(test_scalar(dbc, "SELECT 5"), "5", "a reset connection is retried");
    faults(NULL);
}

static void test_retries_exhausted(void)
{
    SQLHDBC dbc = test_connect("MaxRetries=1");
    CHECK(dbc != NULL, "connect with MaxRetries=1");
    if (!dbc)
        return;
    faults("fail op=athena:StartQueryExecution,status=503,count=5");
    double t0 = now_s();
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT 6", &rc);
    double took = now_s() - t0;
    char state[6], msg[1024];
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_RC(rc, SQL_ERROR, "503 after every retry");
    CHECK_STR(state, "HY000", "server error state");
    CHECK_STR(msg, "[Athena ODBC][Athena]StartQueryExecution failed after 2 attempts: HTTP 503 "
                   "ServiceUnavailableException: Service Unavailable", "message says what failed and how often");
    CHECK(took < 10.0, "gave up after MaxRetries, not later (%.1f s)", took);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    faults("concurrency max=0");
    st = test_exec(dbc, "SELECT 7", &rc);
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_RC(rc, SQL_ERROR, "concurrent query limit");
    CHECK(strstr(msg, "TooManyRequestsException") != NULL, "Athena's reason: %s", msg);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    faults(NULL);
    CHECK_STR(test_scalar(dbc, "SELECT 8"), "8", "works again without faults");
    test_disconnect(dbc);
}

static void *cancel_when_polling(void *st)
{
    wait_for_calls("athena:GetQueryExecution", 1);
    SQLCancel(st);
    return NULL;
}

/* SQLCancel must not wait for the retry policy to give up. */
static void test_cancel_during_retries(void)
{
    SQLHDBC dbc = test_connect("MaxRetries=20");
    CHECK(dbc != NULL, "connect with MaxRetries=20");
    if (!dbc)
        return;
    char stats[65536];
    faults("fail op=athena:GetQueryExecution,status=503,count=1000");
    admin("POST", "/_athena_local/stats/reset", "", NULL, 0);
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    pthread_t th;
    pthread_create(&th, NULL, cancel_when_polling, st);
    double t0 = now_s();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 9", SQL_NTS);
    double took = now_s() - t0;
    pthread_join(th, NULL);
    CHECK_RC(rc, SQL_ERROR, "cancelled while GetQueryExecution was being retried");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY008", "operation canceled");
    CHECK(took < 3.0, "SQLCancel cut the retry wait short (%.1f s)", took);
    admin("GET", "/_athena_local/stats", NULL, stats, sizeof stats);
    CHECK_INT(json_number(stats, "\"calls\"", "athena:StopQueryExecution"), 1, "the query was stopped on the server");
    faults(NULL);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

/* SQL_ATTR_CONNECTION_TIMEOUT bounds each request: a GetWorkGroup that takes
 * 5 s fails the connect after about 1 s with HYT01. */
static void test_connection_timeout(void)
{
    faults("latency op=athena:GetWorkGroup,fixed=5000");
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    SQLSetConnectAttr(dbc, SQL_ATTR_CONNECTION_TIMEOUT, (SQLPOINTER)1, 0);
    char in[256];
    snprintf(in, sizeof in, "DSN=%s;MaxRetries=0", test_dsn());
    double t0 = now_s();
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    double took = now_s() - t0;
    CHECK_RC(rc, SQL_ERROR, "a connection test slower than SQL_ATTR_CONNECTION_TIMEOUT");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "HYT01", "connection timeout expired");
    CHECK(took < 4.0, "gave up after about a second (%.1f s)", took);
    if (SQL_SUCCEEDED(rc))
        SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    faults(NULL);
}

/* Many short queries polling at once under a GetQueryExecution quota: the
 * process-wide rate limiter (rate_limit.c) has a bucket for that operation,
 * which the first throttling answers turn on; from then on the polls of
 * every connection take turns from it instead of each retrying into the
 * quota, so most polls are answered, not throttled. */
#define QUOTA_THREADS 6
static char quota_got[QUOTA_THREADS][16];

static void *quota_worker(void *arg)
{
    int i = (int)(intptr_t)arg;
    SQLHDBC dbc = test_connect(NULL);
    char sql[64];
    snprintf(sql, sizeof sql, "SELECT %d /* athena-local:sleep=0.5 */", 100 + i);
    snprintf(quota_got[i], sizeof quota_got[i], "(failed)");
    if (!dbc)
        return NULL;
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc); /* not test_scalar: its buffer is static */
    SQLLEN ind = 0;
    if (!SQL_SUCCEEDED(rc) || !SQL_SUCCEEDED(SQLFetch(st)) ||
        !SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_CHAR, quota_got[i], sizeof quota_got[i], &ind)))
        show_diag(sql, SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
    return NULL;
}

static void test_polling_under_quota(void)
{
    char stats[65536];
    faults("throttle op=athena:GetQueryExecution,rate=10,burst=10");
    admin("POST", "/_athena_local/stats/reset", "", NULL, 0);
    pthread_t th[QUOTA_THREADS];
    double t0 = now_s();
    for (int i = 0; i < QUOTA_THREADS; i++)
        pthread_create(&th[i], NULL, quota_worker, (void *)(intptr_t)i);
    for (int i = 0; i < QUOTA_THREADS; i++)
        pthread_join(th[i], NULL);
    double took = now_s() - t0;
    for (int i = 0; i < QUOTA_THREADS; i++) {
        char want[16];
        snprintf(want, sizeof want, "%d", 100 + i);
        CHECK_STR(quota_got[i], want, "a 0.5 s query polled under the quota");
    }
    CHECK_INT(admin("GET", "/_athena_local/stats", NULL, stats, sizeof stats), 200, "stats");
    long calls = json_number(stats, "\"calls\"", "athena:GetQueryExecution");
    const char *f = strstr(stats, "\"faults\"");
    f = f ? strstr(f, "\"athena:GetQueryExecution\"") : NULL;
    long throttled = f ? json_number(f, NULL, "throttle") : 0;
    printf("# %d queries of 0.5 s at once, GetQueryExecution quota 10/s: %ld calls, %ld throttled, %.1f s\n",
           QUOTA_THREADS, calls, throttled, took);
    CHECK(throttled > 0, "the polls reached the quota (%ld throttled)", throttled);
    CHECK(throttled * 4 < calls, "the limiter kept throttled polls under a quarter of %ld (%ld)", calls, throttled);
    CHECK_INT(json_number(stats, "\"executions\"", "total"), QUOTA_THREADS, "each query ran once");
    faults(NULL);
}

int main(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect");
    if (!dbc)
        return th_done();
    test_lost_start_answer(dbc);
    test_transient_errors(dbc);
    test_disconnect(dbc);
    test_retries_exhausted();
    test_cancel_during_retries();
    test_connection_timeout();
    test_polling_under_quota(); /* last: it turns the process's GetQueryExecution limiter on */
    faults(NULL);
    return th_done();
}

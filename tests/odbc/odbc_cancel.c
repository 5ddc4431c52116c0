/* odbc_cancel.c - SQLCancel from another thread at every stage of a
 * statement's life, through the driver manager against athena-local:
 * StartQueryExecution on its way, the query RUNNING (the wait between
 * polls), GetQueryExecution on its way, page one on its way (still inside
 * SQLExecDirect), SQLFetch waiting for a GetQueryResults page, SQLFetch
 * waiting for an S3 range, between fetches, and SQLTables/SQLColumns waiting
 * for Athena's metadata calls.
 *
 * Each stage is reached with a condition, never a guessed delay: athena-local
 * holds the answer the statement waits for (a latency rule, or S3 bandwidth,
 * set only once the calls before it were counted), and the cancelling thread
 * waits until athena-local's stats show the call the statement is blocked
 * on. For the fetch stages the call is one the blocked SQLFetch itself
 * causes (a rowset larger than the pages or ranges already fetched), so the
 * cancel cannot land before SQLFetch began. Each stage asserts: the blocked
 * call returns SQL_ERROR with HY008, StopQueryExecution was called exactly
 * when a query was still running, the background threads are gone (the
 * process's thread count is back to where it was), and the statement runs
 * a new query with the exact result. Elapsed times are printed, not asserted. */
#include "odbc_util.h"

#include <dirent.h>
#include <pthread.h>

#define LATE 15000 /* ms an answer is held back: far longer than any cancel takes */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Threads of this process. */
static int threads_now(void)
{
    DIR *d = opendir("/proc/self/task");
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] != '.')
            n++;
    if (d)
        closedir(d);
    return n;
}

static void faults(const char *spec)
{
    char out[4096];
    if (spec)
        CHECK(admin("POST", "/_athena_local/faults", spec, out, sizeof out) == 200, "fault set: %s", spec);
    else
        admin("DELETE", "/_athena_local/faults", NULL, out, sizeof out);
}

static void stats_reset(void) { admin("POST", "/_athena_local/stats/reset", "", NULL, 0); }

static long query_count(const char *state)
{
    char stats[65536];
    if (admin("GET", "/_athena_local/stats", NULL, stats, sizeof stats) != 200)
        return -1;
    long n = json_number(stats, "\"queries\"", state);
    return n < 0 ? 0 : n;
}

/* Queries athena-local knows, in any state. */
static long queries_total(void)
{
    static const char *const states[] = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"};
    long n = 0;
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
        n += query_count(states[i]);
    return n;
}

/* The cancelling thread: once athena-local has seen `op` n times, SQLCancel. */
typedef struct canceller {
    SQLHSTMT st;
    const char *op;
    long n;
    bool seen;
    SQLRETURN rc;
    double at;
    pthread_t th;
} canceller;

static void *cancel_main(void *arg)
{
    canceller *c = arg;
    /* the call arrives at most one held-back answer later */
    for (int i = 0; i < 3 && !c->seen; i++)
        c->seen = wait_for_calls(c->op, c->n);
    c->at = now_s();
    c->rc = c->seen ? SQLCancel(c->st) : SQL_ERROR;
    return NULL;
}

static void cancel_when(canceller *c, SQLHSTMT st, const char *op, long n)
{
    memset(c, 0, sizeof *c);
    c->st = st;
    c->op = op;
    c->n = n;
    pthread_create(&c->th, NULL, cancel_main, c);
}

static void cancel_join(canceller *c, const char *stage)
{
    pthread_join(c->th, NULL);
    CHECK(c->seen, "%s: athena-local saw %s #%ld, then SQLCancel", stage, c->op, c->n);
    CHECK_RC(c->rc, SQL_SUCCESS, "SQLCancel from the other thread");
}

/* What every stage ends with: the state of the blocked call, StopQueryExecution
 * as expected, no thread left, and the statement runs a new query. */
static void after_cancel(const char *stage, SQLHSTMT st, SQLRETURN rc, double t0, canceller *c, long stops,
                         int threads)
{
    double done = now_s();
    cancel_join(c, stage);
    CHECK_RC(rc, SQL_ERROR, stage);
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY008", "operation canceled");
    printf("# %s: blocked %.2f s before SQLCancel, returned %.3f s after it\n", stage, c->at - t0, done - c->at);
    CHECK_INT(athena_calls("athena:StopQueryExecution"), stops,
              stops ? "the running query was stopped (StopQueryExecution)" : "no StopQueryExecution: no query was running");
    faults(NULL);
    SQLFreeStmt(st, SQL_CLOSE);
    CHECK_INT(threads_now(), threads, "no thread left behind");
    char sql[64], want[16], got[16] = "";
    static int k = 100;
    snprintf(sql, sizeof sql, "SELECT %d", ++k);
    snprintf(want, sizeof want, "%d", k);
    SQLRETURN r = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (SQL_SUCCEEDED(r))
        r = SQLFetch(st);
    if (SQL_SUCCEEDED(r))
        r = SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, NULL);
    CHECK(SQL_SUCCEEDED(r) && !strcmp(got, want), "%s: the statement runs %s and fetches %s (got '%s')", stage, sql,
          want, got);
    CHECK_RC(SQLFetch(st), SQL_NO_DATA, "and then the end of that result");
    SQLFreeStmt(st, SQL_CLOSE);
}

/* A query that reaches the server; cancelled while the statement waits for
 * `op` (#n), which athena-local holds back (latency spec) or for the query
 * itself (spec NULL, sleep hint). */
static void cancel_execute(SQLHDBC dbc, const char *stage, const char *spec, const char *sql, const char *op,
                           long n, long stops)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    int threads = threads_now();
    stats_reset();
    if (spec)
        faults(spec);
    long cancelled = query_count("CANCELLED");
    canceller c;
    cancel_when(&c, st, op, n);
    double t0 = now_s();
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    after_cancel(stage, st, rc, t0, &c, stops, threads);
    CHECK_INT(query_count("CANCELLED") - cancelled, stops, stops ? "athena-local ended the query CANCELLED"
                                                                 : "no query ended CANCELLED");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* SQLFetch waits for a page or a range that only it asks for: after one
 * row, `ahead` pages (paging: 1 to 3) or ranges (S3 on one thread: range 1,
 * streaming until its buffer is full) have been asked for; then the answers
 * are held back and one SQLFetch of a rowset longer than what arrived makes
 * the background thread ask for call number ahead + 1, and waits for it. */
static void cancel_fetch(SQLHDBC dbc, const char *stage, const char *sql, const char *op, int ahead,
                         const char *spec, SQLULEN rowset)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    int threads = threads_now();
    stats_reset();
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "execute");
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "the first row");
    CHECK(wait_for_calls(op, ahead), "%s: %d asked for while the application holds row 1", op, ahead);
    faults(spec);
    SQLULEN got = 0;
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)rowset, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &got, 0);
    canceller c;
    cancel_when(&c, st, op, ahead + 1);
    double t0 = now_s();
    SQLRETURN rc = SQLFetch(st);
    printf("# %s: SQLFetch read %lu rows of its rowset of %lu before it ended\n", stage, (unsigned long)got,
           (unsigned long)rowset);
    after_cancel(stage, st, rc, t0, &c, 0, threads); /* (the new query is fetched in a rowset of that size) */
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Between fetches, SQLCancel acts as SQLFreeStmt(SQL_CLOSE) (nothing is
 * running: the ODBC state table): the cursor is closed, its downloads stop. */
static void cancel_between(SQLHDBC dbc, const char *stage, const char *sql, const char *op, int ahead)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    int threads = threads_now();
    stats_reset();
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "execute");
    for (int i = 0; i < 5; i++)
        CHECK_RC(SQLFetch(st), SQL_SUCCESS, "a row");
    CHECK(wait_for_calls(op, ahead), "%s: %d asked for", op, ahead);
    canceller c;
    cancel_when(&c, st, op, ahead);
    cancel_join(&c, stage);
    long calls = athena_calls(op);
    CHECK_RC(SQLFetch(st), SQL_ERROR, "SQLFetch after SQLCancel");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY010", "the cursor is closed (function sequence error)");
    CHECK_INT(threads_now(), threads, "the background thread has ended");
    CHECK_INT(athena_calls(op), calls, "nothing more was fetched");
    CHECK_INT(athena_calls("athena:StopQueryExecution"), 0, "no StopQueryExecution: the query had finished");
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 'again'", SQL_NTS), SQL_SUCCESS, "the statement runs again");
    char got[16] = "";
    SQLFetch(st);
    SQLGetData(st, 1, SQL_C_CHAR, got, sizeof got, NULL);
    CHECK_STR(got, "again", stage);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* SQLTables / SQLColumns waiting for a metadata call athena-local holds back. */
static void cancel_catalog(SQLHDBC dbc, const char *stage, bool columns)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    int threads = threads_now();
    stats_reset();
    char spec[128];
    snprintf(spec, sizeof spec, "latency op=athena:ListTableMetadata,fixed=%d", LATE);
    faults(spec);
    canceller c;
    cancel_when(&c, st, "athena:ListTableMetadata", 1);
    double t0 = now_s();
    SQLCHAR *cat = (SQLCHAR *)"AwsDataCatalog", *db = (SQLCHAR *)"sampledb";
    SQLRETURN rc = columns ? SQLColumns(st, cat, SQL_NTS, db, SQL_NTS, (SQLCHAR *)"%", SQL_NTS, NULL, 0)
                           : SQLTables(st, cat, SQL_NTS, db, SQL_NTS, (SQLCHAR *)"%", SQL_NTS, NULL, 0);
    after_cancel(stage, st, rc, t0, &c, 0, threads);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void *nothing(void *arg) { return arg; }

int main(void)
{
    char spec[160];
    /* a first thread created and joined before any count: a runtime that starts
     * a helper thread of its own at the first pthread_create (ThreadSanitizer
     * does) has it running before the counts are taken */
    pthread_t warm;
    if (pthread_create(&warm, NULL, nothing, NULL) == 0)
        pthread_join(warm, NULL);
    /* no metadata cache: every catalog call goes to athena-local */
    SQLHDBC dbc = test_connect("ResultFetcher=GetQueryResults;MetadataCacheTTL=0");
    CHECK(dbc != NULL, "connect (paging)");
    if (!dbc)
        return th_done();

    /* the answer held back once: the driver asks again with the same
     * ClientRequestToken, learns the id of the query Athena started and stops it */
    snprintf(spec, sizeof spec, "latency op=athena:StartQueryExecution,fixed=%d,count=1", LATE);
    long known = queries_total();
    cancel_execute(dbc, "StartQueryExecution on its way", spec, "SELECT 1 /* athena-local:sleep=60 */",
                   "athena:StartQueryExecution", 1, 1);
    CHECK_INT(athena_calls("athena:StartQueryExecution"), 3, "StartQueryExecution: the one cancelled, the same "
                                                                "again, the new query");
    CHECK_INT(queries_total() - known, 2, "two queries: the cancelled one started once (the call asked again "
                                          "was answered from the token), and the new one");
    cancel_execute(dbc, "the query RUNNING, between polls", NULL, "SELECT 2 /* athena-local:sleep=60 */",
                   "athena:GetQueryExecution", 1, 1);
    snprintf(spec, sizeof spec, "latency op=athena:GetQueryExecution,fixed=%d", LATE);
    cancel_execute(dbc, "GetQueryExecution on its way", spec, "SELECT 3 /* athena-local:sleep=60 */",
                   "athena:GetQueryExecution", 1, 1);
    snprintf(spec, sizeof spec, "latency op=athena:GetQueryResults,fixed=%d", LATE);
    /* the query has SUCCEEDED: nothing to stop */
    cancel_execute(dbc, "page one on its way (in SQLExecDirect)", spec, "SELECT 4", "athena:GetQueryResults", 1, 0);

    /* pages of 1,000 rows (999 on page one after the header): 2,998 arrived ahead */
    const char *paged = "SELECT n FROM sampledb.numbers WHERE n <= 10000 ORDER BY n";
    cancel_fetch(dbc, "SQLFetch waiting for GetQueryResults page 4", paged, "athena:GetQueryResults", 3, spec, 3000);
    cancel_between(dbc, "between fetches (paging)", paged, "athena:GetQueryResults", 3);
    cancel_catalog(dbc, "SQLTables waiting for ListTableMetadata", false);
    cancel_catalog(dbc, "SQLColumns waiting for ListTableMetadata", true);
    test_disconnect(dbc);

    /* S3: ranges of 1 MiB, one download thread (it streams one range at a
     * time through its small buffer, and asks for the next once the reader
     * has taken the whole range): about 40,000 rows a range, so a rowset of
     * 200,000 rows needs range 2 (at 64 KiB/s it would take 16 s) */
    dbc = test_connect("ResultFetcher=S3;S3ResultBlockSize=1048576;UseMultipleS3Threads=0");
    CHECK(dbc != NULL, "connect (S3)");
    if (!dbc)
        return th_done();
    const char *big = "SELECT * FROM sampledb.numbers WHERE n <= 400000 ORDER BY n";
    cancel_fetch(dbc, "SQLFetch waiting for S3 range 2", big, "s3:GetObject", 1, "s3-bandwidth kibps=64", 200000);
    cancel_between(dbc, "between fetches (S3)", big, "s3:GetObject", 1);
    test_disconnect(dbc);
    return th_done();
}

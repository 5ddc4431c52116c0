/* odbc_fetchers.c - the same results through every ResultFetcher, cell for
 * cell, through the driver manager: GetQueryResults paging, S3 streaming on
 * one and on four threads (1 MiB ranges, so a result spans several ranges
 * and their boundaries fall inside quoted values and multi-byte characters),
 * auto switching from page one to S3 mid-result, the legacy switches; the
 * fallbacks to paging; S3 faults during streaming (503, throttling, resets
 * before and in the middle of a body) with exact results; the default 64 MiB
 * range flowing through the driver's small buffers, also to an application
 * that reads slowly; an S3 error surfacing at the fetch that needs its rows;
 * closing and cancelling while ranges are being downloaded and while the
 * download threads wait for the application. Which path was taken is proven
 * with athena-local's call counters and the driver's DEBUG log.
 * ATHENA_TEST_QUICK=1 (used under valgrind) runs the prefetch, error and
 * close cases (threads started, stopped and joined) without the large
 * cell-for-cell comparisons, which the plain and ASan runs do. */
#include <arpa/inet.h>
#include <pthread.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sql.h>
#include <sqlext.h>

#include "harness.h"
#include "odbc_util.h"

/* Every case Athena's CSV writer has to quote: NULL vs '', quotes, commas,
 * LF and CRLF inside values, 2/3/4-byte UTF-8; column m is mostly multi-byte
 * text with quotes and line ends, so most bytes of the file lie inside a
 * quoted multi-byte value and the 1 MiB range boundaries land there. */
#define NASTY_ROWS 60000
#define PAD "'\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\",' || chr(10)"
static const char nasty_sql[] =
    "SELECT i, CASE i % 8 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN 'a\"b,c' "
    "WHEN 3 THEN 'line1' || chr(10) || 'line2' || chr(13) || chr(10) WHEN 4 THEN '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80' "
    "WHEN 5 THEN '\"' WHEN 6 THEN ',' ELSE '\"\"' END AS s, "
    "substr(" PAD " || " PAD " || " PAD " || " PAD ", 1, i % 23) AS m "
    "FROM (SELECT sequence(1, 60000) AS x) CROSS JOIN UNNEST(x) AS t(i) ORDER BY i";
#define NUMBERS_ROWS 120000
static const char numbers_sql[] = "SELECT * FROM sampledb.numbers WHERE n <= 120000 ORDER BY n";
static const char all_types_sql[] = "SELECT * FROM sampledb.all_types ORDER BY id";

/* Athena's result reuse: the engine runs each query once, later runs get a
 * copy of its result file (athena-local copies the files), which keeps this
 * program fast without changing what the driver reads. */
#define REUSE "EnableResultReuse=1"
#define GQR "ResultFetcher=GetQueryResults"
#define S3_ONE "ResultFetcher=S3;S3ResultBlockSize=1048576;UseMultipleS3Threads=0"
#define S3_FOUR "ResultFetcher=S3;S3ResultBlockSize=1048576;UseMultipleS3Threads=1"
#define AUTO "RowsToFetchPerBlock=7;S3ResultBlockSize=1048576"
/* S3ResultBlockSize left at its default (64 MiB): one range for these results */
#define S3_DEFAULT_ONE "ResultFetcher=S3;UseMultipleS3Threads=0"
#define S3_DEFAULT_FOUR "ResultFetcher=S3;UseMultipleS3Threads=1"
/* what the driver logs when a download thread waits for the application */
#define RING_FULL "its buffer is full, waiting for the reader"

typedef struct dump {
    char *text;
    size_t len, cap;
    long rows;
    SQLRETURN rc;       /* the failing call's rc, or SQL_NO_DATA at the end */
    char state[6];      /* its SQLSTATE */
    char msg[1024];
} dump;

static void put(dump *d, const void *p, size_t n)
{
    if (d->len + n + 1 > d->cap) {
        d->cap = (d->len + n + 1) * 2;
        d->text = realloc(d->text, d->cap);
    }
    memcpy(d->text + d->len, p, n);
    d->len += n;
    d->text[d->len] = '\0';
}

static void dump_free(dump *d)
{
    free(d->text);
    memset(d, 0, sizeof *d);
}

static char log_dir[] = "/tmp/athena-odbc-fetchers-XXXXXX";

/* The driver log written since the last call (LogPath=log_dir), or "". */
static const char *driver_log(void)
{
    static char text[65536];
    char *t = take_log(log_dir); /* removes the file and the directory */
    snprintf(text, sizeof text, "%s", t ? t : "");
    free(t);
    mkdir(log_dir, 0700);
    return text;
}

/* The connection keys that log INFO lines into log_dir. */
static const char *logged(const char *keys)
{
    static char out[1024];
    snprintf(out, sizeof out, "%s;LogLevel=INFO;LogPath=%s", keys, log_dir);
    driver_log();
    return out;
}

/* The connection keys that log DEBUG lines into log_dir. */
static const char *debug_logged(const char *keys)
{
    static char out[1024];
    snprintf(out, sizeof out, "%s;LogLevel=DEBUG;LogPath=%s", keys, log_dir);
    driver_log();
    return out;
}

/* Occurrences of needle in the driver log so far (the log stays). */
static int log_count(const char *needle)
{
    char path[512];
    snprintf(path, sizeof path, "%s/athenaodbc_%d.log", log_dir, (int)getpid());
    char *t = th_read_file(path, NULL);
    int n = t ? count_of(t, needle) : 0;
    free(t);
    return n;
}

/* Waits (up to 10 s) until the driver has logged needle n times. */
static bool wait_for_log(const char *needle, int n)
{
    for (int i = 0; i < 1000; i++) {
        if (log_count(needle) >= n)
            return true;
        struct timespec ts = {0, 10000000L};
        nanosleep(&ts, NULL);
    }
    return false;
}

static void stats_reset(void)
{
    admin("POST", "/_athena_local/stats/reset", "", NULL, 0);
}

/* Calls of op since the last reset (0 when athena-local has not seen it). */
static long calls(const char *op)
{
    static char stats[65536];
    if (admin("GET", "/_athena_local/stats", NULL, stats, sizeof stats) != 200)
        return -1;
    long n = json_number(stats, "\"calls\"", op);
    return n < 0 ? 0 : n;
}

static void set_faults(const char *spec)
{
    char out[4096];
    int st = spec ? admin("POST", "/_athena_local/faults", spec, out, sizeof out)
                  : admin("DELETE", "/_athena_local/faults", NULL, out, sizeof out);
    CHECK_INT(st, 200, spec ? spec : "faults cleared");
}

/* SQLFetch: true when rows came; otherwise the end or the failure is
 * recorded in d. */
static bool fetched(SQLHSTMT st, dump *d)
{
    SQLRETURN rc = SQLFetch(st);
    if (SQL_SUCCEEDED(rc))
        return true;
    d->rc = rc;
    if (rc != SQL_NO_DATA)
        first_diag(SQL_HANDLE_STMT, st, d->state, d->msg, sizeof d->msg);
    return false;
}

/* > 0: fetch_getdata plays an application that stops for that many ms
 * after the first row, once the download thread waits for it. */
static long slow_pause_ms;

/* Every cell as text (SQLGetData in pieces), NULL as \N. Stops at the
 * first failing call and records it. */
static void fetch_getdata(SQLHSTMT st, dump *d)
{
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    char buf[256];
    SQLRETURN rc;
    while (fetched(st, d)) {
        if (++d->rows == 1 && slow_pause_ms > 0) {
            CHECK(wait_for_log(RING_FULL, 1), "the download waits for the application");
            struct timespec ts = {slow_pause_ms / 1000, (slow_pause_ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
        }
        for (SQLUSMALLINT c = 1; c <= (SQLUSMALLINT)ncols; c++) {
            SQLLEN ind;
            while ((rc = SQLGetData(st, c, SQL_C_CHAR, buf, sizeof buf, &ind)) != SQL_NO_DATA) {
                if (!SQL_SUCCEEDED(rc)) {
                    put(d, "(error)", 7);
                    break;
                }
                if (ind == SQL_NULL_DATA) {
                    put(d, "\\N", 2);
                    break;
                }
                size_t n = (ind == SQL_NO_TOTAL || ind >= (SQLLEN)sizeof buf) ? sizeof buf - 1 : (size_t)ind;
                put(d, buf, n);
            }
            put(d, c == (SQLUSMALLINT)ncols ? "\n" : "\t", 1);
        }
    }
}

/* The same text through bound columns and a 100-row block cursor. */
static void fetch_block(SQLHSTMT st, dump *d)
{
    enum { ROWS = 100, W = 512, MAXC = 8 };
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    static char bufs[MAXC][ROWS][W];
    static SQLLEN inds[MAXC][ROWS];
    SQLULEN got = 0;
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)(SQLULEN)ROWS, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &got, 0);
    for (SQLUSMALLINT c = 1; c <= (SQLUSMALLINT)ncols && c <= MAXC; c++)
        SQLBindCol(st, c, SQL_C_CHAR, bufs[c - 1], W, inds[c - 1]);
    while (fetched(st, d)) {
        for (SQLULEN r = 0; r < got; r++) {
            d->rows++;
            for (SQLSMALLINT c = 0; c < ncols; c++) {
                if (inds[c][r] == SQL_NULL_DATA)
                    put(d, "\\N", 2);
                else
                    put(d, bufs[c][r], strlen(bufs[c][r]));
                put(d, c + 1 == ncols ? "\n" : "\t", 1);
            }
        }
    }
}

/* Connects with `keys`, runs sql, fetches everything. */
static void run(const char *keys, const char *sql, bool block, dump *d)
{
    memset(d, 0, sizeof *d);
    put(d, "", 0);
    char all[512];
    snprintf(all, sizeof all, "%s;" REUSE, keys);
    SQLHDBC dbc = test_connect(all);
    if (!dbc) {
        d->rc = SQL_ERROR;
        return;
    }
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    if (!SQL_SUCCEEDED(rc)) {
        d->rc = rc;
        first_diag(SQL_HANDLE_STMT, st, d->state, d->msg, sizeof d->msg);
    } else if (block) {
        fetch_block(st, d);
    } else {
        fetch_getdata(st, d);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

/* The first line that differs, for the failure message. */
static const char *first_difference(const dump *a, const dump *b)
{
    static char why[512];
    size_t i = 0, line = 1;
    while (i < a->len && i < b->len && a->text[i] == b->text[i])
        if (a->text[i++] == '\n')
            line++;
    snprintf(why, sizeof why, "first difference on line %zu", line);
    return why;
}

static void same(const dump *ref, const dump *d, const char *what)
{
    CHECK_INT(d->rc, SQL_NO_DATA, what);
    CHECK_INT(d->rows, ref->rows, "same row count");
    CHECK(d->len == ref->len && memcmp(d->text, ref->text, d->len) == 0, "%s: identical cells (%s)", what,
          d->len == ref->len && memcmp(d->text, ref->text, d->len) == 0 ? "all equal" : first_difference(ref, d));
}

/* Runs sql with keys and checks it against ref plus the call counts. */
static void compare(const char *keys, const char *sql, bool block, const dump *ref, const char *what,
                    long want_gqr, long min_get)
{
    dump d;
    stats_reset();
    run(keys, sql, block, &d);
    same(ref, &d, what);
    if (want_gqr >= 0)
        CHECK_INT(calls("athena:GetQueryResults"), want_gqr, "GetQueryResults calls");
    long gets = calls("s3:GetObject");
    if (min_get == 0)
        CHECK_INT(gets, 0, "no S3 GetObject");
    else
        CHECK(gets >= min_get, "%ld S3 GetObject calls, at least %ld", gets, min_get);
    dump_free(&d);
}

/* S3ResultBlockSize at its default (64 MiB): the whole result is one range,
 * bigger than the buffer it flows through (the download thread waits for
 * the application when the buffer is full, as the DEBUG log shows). A
 * connection that breaks mid-body is resumed where it broke. */
static void test_default_range(const dump *ref)
{
    dump d;
    stats_reset();
    run(debug_logged(S3_DEFAULT_ONE), nasty_sql, false, &d);
    same(ref, &d, "default 64 MiB range, one thread");
    CHECK_INT(calls("s3:GetObject"), 1, "one GetObject: the whole file is one range");
    CHECK_INT(count_of(driver_log(), "GetObject of range 0: " RING_FULL), 1,
              "the range is more than its buffer holds: the download waited for the reader");
    dump_free(&d);
    compare(S3_DEFAULT_FOUR, nasty_sql, true, ref, "default range, UseMultipleS3Threads=1, block cursor", 1, 1);
    CHECK_INT(calls("s3:GetObject"), 1, "one GetObject");

    /* three connections that break halfway through the body: each time
     * the rest of the range is asked for, no byte lost or repeated */
    set_faults("reset-next op=s3:GetObject,count=3,when=body");
    stats_reset();
    run(debug_logged(S3_DEFAULT_ONE), nasty_sql, false, &d);
    same(ref, &d, "default range, three resets mid-body");
    CHECK_INT(calls("s3:GetObject"), 4, "one GetObject and three that resume it");
    CHECK_INT(count_of(driver_log(), "GetObject: resuming at byte "), 3, "resumed three times");
    dump_free(&d);
    set_faults("reset op=s3:GetObject,rate=0.3,when=body;error op=s3:GetObject,status=503,rate=0.2;seed value=5");
    compare(S3_FOUR, nasty_sql, true, ref, "1 MiB ranges on four threads, random resets mid-body and 503s", 1, 3);
    set_faults(NULL);
}

/* An application that stops reading for 2.5 s while the download thread
 * waits for it: with RequestTimeout=1000 the transfer is not given up
 * (curl gives up on a transfer that stalls for the timeout), it goes on
 * where it stood: one GetObject, no resume. */
static void test_slow_reader(const dump *ref)
{
    dump d;
    stats_reset();
    slow_pause_ms = 2500;
    run(debug_logged(S3_DEFAULT_ONE ";RequestTimeout=1000"), nasty_sql, false, &d);
    slow_pause_ms = 0;
    same(ref, &d, "default range, an application that pauses 2.5 s");
    CHECK_INT(calls("s3:GetObject"), 1, "one GetObject");
    CHECK_INT(count_of(driver_log(), "resuming"), 0, "never resumed");
    dump_free(&d);
}

static void test_nasty(void)
{
    dump ref;
    stats_reset();
    run(GQR, nasty_sql, false, &ref);
    CHECK_INT(ref.rc, SQL_NO_DATA, "nasty result by paging");
    CHECK_INT(ref.rows, NASTY_ROWS, "60000 rows");
    CHECK_INT(calls("athena:GetQueryResults"), 61, "61 pages (header + 59999 rows, then 60 more)");
    CHECK_INT(calls("s3:GetObject"), 0, "GetQueryResults fetcher never reads S3");
    /* the first eight rows, exactly */
    const char *head = "1\t\t\xc3\xa9\n"
                       "2\ta\"b,c\t\xc3\xa9\xe2\x82\xac\n"
                       "3\tline1\nline2\r\n\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\n"
                       "4\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"\n"
                       "5\t\"\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\",\n"
                       "6\t,\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\",\n\n"
                       "7\t\"\"\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\",\n\xc3\xa9\n"
                       "8\t\\N\t\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\",\n\xc3\xa9\xe2\x82\xac\n";
    CHECK(ref.len > strlen(head) && memcmp(ref.text, head, strlen(head)) == 0, "first eight rows exactly");

    compare(logged(S3_ONE), nasty_sql, false, &ref, "S3, one thread", 1, 3);
    const char *log = driver_log();
    const char *at = strstr(log, "reading the result from s3://athena-local-results/odbc/");
    CHECK(at != NULL && strstr(at, ".csv: ") && strstr(at, " blocks, 1 threads, skipping 1 records\n"),
          "the log says where the rows come from");
    compare(S3_FOUR, nasty_sql, false, &ref, "S3, four threads", 1, 3);
    compare(S3_FOUR, nasty_sql, true, &ref, "S3, four threads, block cursor", 1, 3);
    compare(AUTO, nasty_sql, false, &ref, "auto: 6 rows from page one, the rest from S3", 1, 3);
    compare("UseResultsetStreaming=1;S3ResultBlockSize=1048576", nasty_sql, false, &ref,
            "UseResultsetStreaming=1 is ResultFetcher=S3", 1, 1);
    compare("EnableS3Fetcher=0", nasty_sql, false, &ref, "EnableS3Fetcher=0 is ResultFetcher=GetQueryResults", 61, 0);

    /* faults while streaming: exact results all the same */
    set_faults("fail op=s3:GetObject,status=503,count=2;throttle-next op=s3:GetObject,count=1;"
               "reset-next op=s3:GetObject,count=2");
    compare(S3_FOUR, nasty_sql, false, &ref, "S3 with 503s, throttling and connection resets", 1, 8);
    set_faults("reset op=s3:GetObject,rate=0.3;error op=s3:GetObject,status=500,rate=0.2");
    compare(S3_ONE, nasty_sql, true, &ref, "S3 with random resets and 500s", 1, 3);
    set_faults(NULL);

    test_default_range(&ref);
    test_slow_reader(&ref);

    /* fallbacks to paging */
    compare(logged("S3ResultBlockSize=1048576;ExpectedBucketOwner=111111111111"), nasty_sql, false, &ref,
            "auto, S3 access denied (not the bucket owner): paging", 61, 0);
    CHECK(strstr(driver_log(), "reading the rest of the result with GetQueryResults: S3 access to the result file "
                             "is denied (HeadObject: HTTP 403)\n") != NULL,
          "the log says why");
    compare(logged("S3OutputEncOption=CSE_KMS;S3OutputEncKMSKey=arn:aws:kms:us-east-1:123456789012:key/k"),
            nasty_sql, false, &ref, "auto, CSE_KMS: paging", 61, 0);
    CHECK(strstr(driver_log(), "reading the rest of the result with GetQueryResults: the result file is "
                             "CSE_KMS-encrypted\n") != NULL,
          "the log says why");
    dump_free(&ref);
}

static void test_numbers_and_all_types(void)
{
    dump ref;
    run(GQR, numbers_sql, true, &ref);
    CHECK_INT(ref.rc, SQL_NO_DATA, "numbers by paging");
    CHECK_INT(ref.rows, NUMBERS_ROWS, "120000 rows");
    CHECK(strncmp(ref.text, "1\t1\t0.5\n2\t2\t1.0\n", 16) == 0, "first rows");
    compare(S3_FOUR, numbers_sql, true, &ref, "numbers through S3, block cursor", 1, 3);
    compare(S3_ONE, numbers_sql, false, &ref, "numbers through S3, SQLGetData", 1, 3);
    compare(AUTO, numbers_sql, true, &ref, "numbers through auto", 1, 3);
    dump_free(&ref);

    run(GQR, all_types_sql, false, &ref);
    CHECK_INT(ref.rc, SQL_NO_DATA, "all_types by paging");
    CHECK(ref.rows >= 3, "all_types has %ld rows", ref.rows);
    compare(S3_FOUR, all_types_sql, false, &ref, "all_types through S3", 1, 1);
    compare("RowsToFetchPerBlock=2", all_types_sql, false, &ref, "all_types through auto from page 2 on", 1, 1);
    compare("", all_types_sql, false, &ref, "all_types through auto: one page, no S3", 1, 0);
    dump_free(&ref);

    /* .txt results are never read from S3 */
    run(GQR, "SHOW TABLES", false, &ref);
    compare(logged(S3_FOUR), "SHOW TABLES", false, &ref, "SHOW TABLES with ResultFetcher=S3: paging (.txt)", -1, 0);
    const char *log = driver_log();
    const char *at = strstr(log, "reading the result with GetQueryResults: the result file s3://athena-local-results/odbc/");
    CHECK(at != NULL && strstr(at, ".txt is not a .csv file\n"), "the log says why");
    dump_free(&ref);
}

/* An S3 error reaches the application at the fetch that needs the rows of
 * the failing range, after the rows before it, once. */
static void test_error_surfaces(void)
{
    set_faults("fail op=s3:GetObject,status=503,count=100");
    dump d;
    stats_reset();
    run(AUTO ";MaxRetries=1", nasty_sql, false, &d);
    CHECK_INT(d.rows, 6, "the six rows of page one arrive");
    CHECK_INT(d.rc, SQL_ERROR, "then the fetch that needs S3 fails");
    CHECK_STR(d.state, "HY000", "general error");
    CHECK_STR(d.msg, "[Athena ODBC][Athena]GetObject failed after 2 attempts: HTTP 503 ServiceUnavailable: Service is "
              "unable to handle request.", "the S3 error, once");
    dump_free(&d);
    set_faults(NULL);

    /* the next fetch says the stream ended there, without repeating the error */
    set_faults("fail op=s3:GetObject,status=503,count=100");
    SQLHDBC dbc = test_connect(S3_ONE ";MaxRetries=1;" REUSE);
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, nasty_sql, &rc);
    CHECK_RC(rc, SQL_SUCCESS, "execute");
    CHECK_RC(SQLFetch(st), SQL_ERROR, "first fetch fails");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY000", "the S3 error");
    CHECK_RC(SQLFetch(st), SQL_ERROR, "second fetch fails too");
    char state[6], msg[1024];
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_STR(state, "HY000", "general error");
    CHECK(strstr(msg, "The result cannot be read past the error reported by an earlier fetch") != NULL, "message: %s",
          msg);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
    set_faults(NULL);
}

/* Closing or cancelling while the download threads wait for the
 * application (their buffers full: four threads on 1 MiB ranges, or one on
 * the default 64 MiB range) wakes and stops them: the call returns, no
 * GetObject follows, only the ranges in flight were asked for, and the
 * statement is usable again. */
static void close_while_waiting(const char *sql, const char *keys, int threads);

static void test_close_while_streaming(void)
{
    /* 400,000 numbers: about 11 MB, 11 ranges of 1 MiB */
    const char *sql = "SELECT * FROM sampledb.numbers WHERE n <= 400000 ORDER BY n";
    for (int four = 1; four >= 0; four--)
        close_while_waiting(sql, four ? S3_FOUR : S3_DEFAULT_ONE, four ? 4 : 1);
}

static void close_while_waiting(const char *sql, const char *keys, int threads)
{
    char all[512];
    snprintf(all, sizeof all, "%s;" REUSE, keys);
    SQLHDBC dbc = test_connect(debug_logged(all));
    SQLRETURN rc;
    int waits = 0;
    const char *how[] = {"SQLCloseCursor", "SQLFreeStmt(SQL_CLOSE)", "SQLCancel", "SQLFreeHandle"};
    for (int k = 0; k < 4; k++) {
        stats_reset();
        SQLHSTMT st = test_exec(dbc, sql, &rc);
        CHECK_RC(rc, SQL_SUCCESS, "execute");
        int n = 0;
        while (n < 10 && SQL_SUCCEEDED(SQLFetch(st)))
            n++;
        CHECK_INT(n, 10, "ten rows");
        waits += threads;
        CHECK(wait_for_log(RING_FULL, waits), "%d thread%s waiting for the application", threads,
              threads > 1 ? "s" : "");
        if (k == 0)
            CHECK_RC(SQLCloseCursor(st), SQL_SUCCESS, how[k]);
        else if (k == 1)
            CHECK_RC(SQLFreeStmt(st, SQL_CLOSE), SQL_SUCCESS, how[k]);
        else if (k == 2)
            CHECK_RC(SQLCancel(st), SQL_SUCCESS, how[k]);
        else
            CHECK_RC(SQLFreeHandle(SQL_HANDLE_STMT, st), SQL_SUCCESS, how[k]);
        CHECK_INT(calls("s3:GetObject"), threads, how[k]);
        if (k == 3)
            continue;
        CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 42", SQL_NTS), SQL_SUCCESS, "the statement runs again");
        char buf[16] = "";
        SQLFetch(st);
        SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, NULL);
        CHECK_STR(buf, "42", "and fetches");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    /* disconnect with a cursor still streaming */
    stats_reset();
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "a row");
    CHECK(wait_for_log(RING_FULL, waits + threads), "the download threads wait for the application");
    CHECK_RC(SQLDisconnect(dbc), SQL_SUCCESS, "disconnect with the statement open");
    CHECK_INT(calls("s3:GetObject"), threads, "disconnect: no GetObject after");
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    driver_log();
}

/* While the application holds the first row, the next pages (paging) or
 * ranges (S3) are fetched in the background, as far as the bound allows and
 * no further: the fetching thread waits for the application then, so the
 * counts are exact. */
static void test_prefetch(void)
{
    SQLRETURN rc;
    SQLHDBC dbc = test_connect(GQR ";" REUSE);
    stats_reset();
    SQLHSTMT st = test_exec(dbc, numbers_sql, &rc);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "first row");
    CHECK(wait_for_calls("athena:GetQueryResults", 3), "pages 2 and 3 fetched while the application holds row 1");
    CHECK_INT(calls("athena:GetQueryResults"), 3, "and no more than two pages ahead");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);

    dbc = test_connect(debug_logged(S3_ONE ";" REUSE));
    stats_reset();
    st = test_exec(dbc, numbers_sql, &rc);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "first row from S3");
    CHECK(wait_for_log(RING_FULL, 1), "range 1 of 4 streams on while the application holds row 1, until its buffer is full");
    CHECK_INT(calls("s3:GetObject"), 1, "and no other range is fetched: the one thread waits for the application");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
    driver_log();
}

static void *cancel_when_downloading(void *st)
{
    if (wait_for_calls("s3:GetObject", 1))
        SQLCancel(st);
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* SQLCancel from another thread while SQLFetch waits for a range that
 * trickles in (S3 at 64 KiB/s from before the execute, so no range can have
 * arrived: a 1 MiB range would take 16 s): the fetch ends with HY008 (had
 * the cancel not cut the wait short, it would have returned the row once the
 * range arrived) and the cursor is closed, its download cut short. */
static void test_cancel_during_fetch(void)
{
    SQLRETURN rc;
    SQLHDBC dbc = test_connect(S3_ONE ";" REUSE);
    stats_reset();
    set_faults("s3-bandwidth kibps=64");
    SQLHSTMT st = test_exec(dbc, numbers_sql, &rc);
    CHECK_RC(rc, SQL_SUCCESS, "execute");
    pthread_t th;
    pthread_create(&th, NULL, cancel_when_downloading, st);
    double t0 = now_s();
    CHECK_RC(SQLFetch(st), SQL_ERROR, "SQLFetch waiting for the first range is cancelled");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY008", "operation canceled");
    pthread_join(th, NULL);
    printf("# fetch and cancel took %.1f s (the range alone would take 16 s)\n", now_s() - t0);
    CHECK_RC(SQLCloseCursor(st), SQL_ERROR, "the cursor is closed, as the driver manager has it");
    CHECK_STATE(SQL_HANDLE_STMT, st, "24000", "invalid cursor state");
    set_faults(NULL);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 7", SQL_NTS), SQL_SUCCESS, "the statement runs again");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

int main(void)
{
    if (!mkdtemp(log_dir))
        CHECK(0, "mkdtemp");
    test_prefetch();
    if (!getenv("ATHENA_TEST_QUICK")) {
        test_nasty();
        test_numbers_and_all_types();
    }
    test_error_surfaces();
    test_close_while_streaming();
    test_cancel_during_fetch();
    free(take_log(log_dir));
    return th_done();
}

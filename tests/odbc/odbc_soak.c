/* odbc_soak.c - many queries from many threads against an athena-local of
 * its own that fails 10% of Athena and S3 calls with HTTP 503, resets 5%
 * of the connections after processing the request, throttles at AWS's
 * quotas (throttle preset=aws) and issues role credentials that expire
 * every 3 seconds. 8 threads each use their own connection and 4 more share
 * one. Every result is checked cell for cell; athena-local's statistics
 * prove each query ran exactly once (one execution per ClientRequestToken,
 * as many executions as queries) and that faults and credential refreshes
 * did happen. Prints the tally: queries, retries, failures, duplicate
 * executions, faults injected.
 *
 * ./run-tests runs the short form (SOAK_QUERIES, default 150);
 * tests/bench/bench_soak is the same program with 1,000 queries by default
 * (first argument: another number). */
#include "odbc_util.h"

#include <pthread.h>
#include <stdatomic.h>

#ifndef SOAK_DEFAULT_QUERIES
#define SOAK_DEFAULT_QUERIES 150
#endif
#define OWN_THREADS 8
#define SHARED_THREADS 4
#define EXAMPLE_KEY "AKIAIOSFODNN7EXAMPLE"
#define EXAMPLE_SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

static const char *const FAULTS =
    "error op=athena:*,status=503,rate=0.1;error op=s3:*,status=503,rate=0.1;"
    "reset op=athena:*,rate=0.05,when=after;reset op=s3:*,rate=0.05,when=after;"
    "throttle preset=aws;seed value=14";

static char url[128];
static char logdir[] = "/tmp/odbc_soak_XXXXXX";
static int total_queries;
static atomic_int next_query;
static atomic_int failures, wrong, done_ok;
static pthread_mutex_t msg_mu = PTHREAD_MUTEX_INITIALIZER;
static char first_failure[1200];

static void record_failure(const char *what, SQLSMALLINT type, SQLHANDLE h, int q)
{
    char state[6] = "", msg[1024] = "";
    if (h)
        first_diag(type, h, state, msg, sizeof msg);
    pthread_mutex_lock(&msg_mu);
    if (!first_failure[0])
        snprintf(first_failure, sizeof first_failure, "query %d: %s: %s %s", q, what, state, msg);
    pthread_mutex_unlock(&msg_mu);
}

static SQLHDBC soak_connect(void)
{
    char cs[2048];
    snprintf(cs, sizeof cs,
             "DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=%s;S3EndpointOverride=%s;"
             "StsEndpointOverride=%s;Workgroup=primary;S3OutputLocation=s3://athena-local-results/soak/;"
             "Schema=sampledb;UID=" EXAMPLE_KEY ";PWD=" EXAMPLE_SECRET
             ";preferred_role=arn:aws:iam::123456789012:role/soak;role_session_name=soak;"
             "LogLevel=DEBUG;LogPath=%s",
             url, url, url, logdir);
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc)) {
        record_failure("connect", SQL_HANDLE_DBC, dbc, -1);
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        return SQL_NULL_HDBC;
    }
    return dbc;
}

/* Query q: rows q..q+9 of sampledb.numbers, or, every 10th, rows 1..2500+q
 * (three GetQueryResults pages). Every cell is checked. */
static void run_query(SQLHDBC dbc, int q)
{
    bool big = q % 10 == 0;
    long first = big ? 1 : q + 1, last = big ? 2500 + q : q + 10;
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT n, n_text, half FROM numbers WHERE n BETWEEN %ld AND %ld ORDER BY n",
             first, last);
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS))) {
        record_failure("SQLExecDirect", SQL_HANDLE_STMT, st, q);
        atomic_fetch_add(&failures, 1);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        return;
    }
    SQLBIGINT n = 0;
    char text[32];
    double half = 0;
    SQLLEN i1, i2, i3;
    SQLBindCol(st, 1, SQL_C_SBIGINT, &n, 0, &i1);
    SQLBindCol(st, 2, SQL_C_CHAR, text, sizeof text, &i2);
    SQLBindCol(st, 3, SQL_C_DOUBLE, &half, 0, &i3);
    long want = first;
    bool ok = true;
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
        char want_text[32];
        snprintf(want_text, sizeof want_text, "%ld", want);
        if (n != want || strcmp(text, want_text) != 0 || half != (double)want / 2) {
            ok = false;
            pthread_mutex_lock(&msg_mu);
            if (!first_failure[0])
                snprintf(first_failure, sizeof first_failure,
                         "query %d: wrong row: n=%lld text=%s half=%g, want %ld", q, (long long)n, text, half,
                         want);
            pthread_mutex_unlock(&msg_mu);
            break;
        }
        want++;
    }
    if (ok && rc != SQL_NO_DATA) {
        record_failure("SQLFetch", SQL_HANDLE_STMT, st, q);
        atomic_fetch_add(&failures, 1);
    } else if (ok && want != last + 1) {
        pthread_mutex_lock(&msg_mu);
        if (!first_failure[0])
            snprintf(first_failure, sizeof first_failure, "query %d: %ld rows, want %ld", q, want - first,
                     last - first + 1);
        pthread_mutex_unlock(&msg_mu);
        atomic_fetch_add(&wrong, 1);
    } else if (!ok) {
        atomic_fetch_add(&wrong, 1);
    } else {
        atomic_fetch_add(&done_ok, 1);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void *worker(void *arg)
{
    SQLHDBC dbc = arg;
    for (;;) {
        int q = atomic_fetch_add(&next_query, 1);
        if (q >= total_queries)
            break;
        run_query(dbc, q);
    }
    return NULL;
}

/* Sum of every number inside the JSON object that follows `key` (the
 * statistics are pretty-printed: blanks may follow a colon). */
static long sum_object(const char *json, const char *key, long *max_out)
{
    const char *p = strstr(json, key);
    if (!p || !(p = strchr(p, '{')))
        return -1;
    long sum = 0, max = 0;
    int depth = 0;
    for (; *p; p++) {
        if (*p == '{')
            depth++;
        else if (*p == '}' && --depth == 0)
            break;
        else if (*p == ':' && p[1 + strspn(p + 1, " \n")] >= '0' && p[1 + strspn(p + 1, " \n")] <= '9') {
            long v = atol(p + 1);
            sum += v;
            if (v > max)
                max = v;
        }
    }
    if (max_out)
        *max_out = max;
    return sum;
}

/* Occurrences of needle in this process's driver log. */
static long count_lines(const char *needle)
{
    char path[600];
    snprintf(path, sizeof path, "%s/athenaodbc_%ld.log", logdir, (long)getpid());
    return count_in_file(path, needle);
}

int main(int argc, char **argv)
{
    const char *env = getenv("SOAK_QUERIES");
    total_queries = argc > 1 ? atoi(argv[1]) : env ? atoi(env) : SOAK_DEFAULT_QUERIES;
    if (total_queries < 1)
        total_queries = SOAK_DEFAULT_QUERIES;
    CHECK(mkdtemp(logdir) != NULL, "log directory");
    pid_t local = -1;
    char portfile[700];
    snprintf(portfile, sizeof portfile, "%s/port", logdir);
    const char *const extra[] = {"--faults", FAULTS, "--credential-lifetime", "3", NULL};
    if (local_start(extra, portfile, &local, url, sizeof url) != 0) {
        CHECK(0, "start athena-local with faults");
        return th_done();
    }
    setenv("ATHENA_LOCAL_PORT", strrchr(url, ':') + 1, 1);

    SQLHDBC own[OWN_THREADS], shared;
    int connected = 0;
    for (int i = 0; i < OWN_THREADS; i++)
        connected += (own[i] = soak_connect()) != SQL_NULL_HDBC;
    connected += (shared = soak_connect()) != SQL_NULL_HDBC;
    CHECK_INT(connected, OWN_THREADS + 1, "every connection made under faults");
    if (connected != OWN_THREADS + 1) {
        printf("# %s\n", first_failure);
        local_stop(&local);
        return th_done();
    }
    /* count only the queries' calls and faults */
    admin("POST", "/_athena_local/stats/reset", "", NULL, 0);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_t th[OWN_THREADS + SHARED_THREADS];
    for (int i = 0; i < OWN_THREADS; i++)
        pthread_create(&th[i], NULL, worker, own[i]);
    for (int i = 0; i < SHARED_THREADS; i++)
        pthread_create(&th[OWN_THREADS + i], NULL, worker, shared);
    for (int i = 0; i < OWN_THREADS + SHARED_THREADS; i++)
        pthread_join(th[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

    static char stats[1 << 20];
    int st = admin("GET", "/_athena_local/stats", NULL, stats, sizeof stats);
    CHECK_INT(st, 200, "athena-local's statistics");
    long max_per_token = 0;
    long executions = json_number(stats, "\"executions\"", "total");
    long tokens = sum_object(stats, "\"byClientRequestToken\"", &max_per_token);
    long faults = sum_object(stats, "\"faults\"", NULL);
    long throttles = 0;
    for (const char *p = strstr(stats, "\"throttle\":"); p; p = strstr(p + 1, "\"throttle\":"))
        throttles += atol(p + 11);
    long refreshes = json_number(stats, "\"calls\"", "sts:AssumeRole");
    long retries = count_lines(": retrying in ");
    long held = count_lines(": the rate limiter holds it ");
    int f = atomic_load(&failures), w = atomic_load(&wrong);
    long dups = 0;
    {
        const char *p = strstr(stats, "\"byClientRequestToken\"");
        const char *e = p ? strchr(p, '}') : NULL;
        for (; p && p < e; p++)
            if (*p == ':' && atol(p + 1) > 1)
                dups++;
    }
    printf("# soak: %d queries in %.1f s from %d threads (%d on their own connection, %d sharing one)\n",
           total_queries, secs, OWN_THREADS + SHARED_THREADS, OWN_THREADS, SHARED_THREADS);
    printf("# tally: queries %d, retries %ld, failures %d, wrong results %d, duplicate executions %ld, "
           "faults injected %ld (throttles %ld), rate limiter waits %ld, role credentials issued %ld\n",
           total_queries, retries, f, w, dups, faults, throttles, held, refreshes);
    if (first_failure[0])
        printf("# first failure: %s\n", first_failure);

    CHECK_INT(f, 0, "no query failed");
    CHECK_INT(w, 0, "no wrong result");
    CHECK_INT(atomic_load(&done_ok), total_queries, "every query answered exactly");
    CHECK_INT(dups, 0, "no ClientRequestToken executed twice");
    CHECK_INT(executions, total_queries, "one execution per query");
    CHECK_INT(tokens, total_queries, "one execution per ClientRequestToken");
    CHECK(faults > 0, "faults were injected (%ld)", faults);
    CHECK(retries > 0, "the driver retried (%ld)", retries);
    CHECK(refreshes >= 1, "role credentials were refreshed during the run (%ld in %.0f s)",
          refreshes, secs);

    for (int i = 0; i < OWN_THREADS; i++)
        test_disconnect(own[i]);
    test_disconnect(shared);
    local_stop(&local);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", logdir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", logdir);
    return th_done();
}

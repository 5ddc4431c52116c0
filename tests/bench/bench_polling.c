/* bench_polling.c - how late SQLExecDirect notices a query's end, and how
 * many GetQueryExecution calls it makes, for queries held RUNNING T seconds
 * by athena-local's sleep hint, next to what a doubling schedule from 100 ms
 * (waits of 100, 200, 400 ... ms) would have done for the same end (computed,
 * not measured).
 *   tests/bench/run-bench-polling.sh [T ...]   (default: 0.1 0.3 1 3 10 30 60)
 * Lateness: from athena-local's CompletionDateTime to the poll that saw
 * SUCCEEDED, as the driver logs it at DEBUG ("seen N ms after it completed";
 * same machine, same clock); "call ms" is SQLExecDirect's whole time. */
#include "odbc/odbc_util.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* A doubling schedule from 100 ms, polling once at once: calls and lateness
 * for a query of t_ms. */
static int doubling(double t_ms, double *late)
{
    double t = 0.0, wait = 100.0;
    int calls = 1;
    while (t < t_ms) {
        t += wait;
        wait *= 2.0;
        calls++;
    }
    *late = t - t_ms;
    return calls;
}

int main(int argc, char **argv)
{
    static const char *defaults[] = {"0.1", "0.3", "1", "3", "10", "30", "60"};
    int n = argc > 1 ? argc - 1 : (int)(sizeof defaults / sizeof *defaults);
    const char *const *ts = argc > 1 ? (const char *const *)argv + 1 : defaults;
    const char *keys = getenv("BENCH_KEYS"); /* e.g. MaxQueryExecutionPollingInterval=1000 */
    char dir[] = "/tmp/bench-polling-XXXXXX";
    SQLHDBC dbc = connect_logging(dir, keys ? keys : "");
    if (!dbc)
        return 1;
    double call_ms[64], bound[64];
    long calls[64];
    if (n > 64)
        n = 64;
    int failed = 0;
    for (int i = 0; i < n; i++) {
        double t_ms = strtod(ts[i], NULL) * 1000.0;
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT 1 /* athena-local:sleep=%s */", ts[i]);
        admin("POST", "/_athena_local/stats/reset", NULL, NULL, 0);
        double t0 = now_ms();
        SQLRETURN rc;
        SQLHSTMT st = test_exec(dbc, sql, &rc);
        call_ms[i] = now_ms() - t0;
        if (!SQL_SUCCEEDED(rc)) {
            show_diag(sql, SQL_HANDLE_STMT, st);
            failed = 1;
        }
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        calls[i] = athena_calls("athena:GetQueryExecution");
        bound[i] = 0.1 * t_ms + 50.0;
    }
    test_disconnect(dbc);
    char *log = take_log(dir);
    const char *p = log;
    printf("T s|late ms|bound ms (10%% + 50)|within|GetQueryExecution calls|call ms|doubling: late ms|doubling: calls\n");
    for (int i = 0; i < n; i++) {
        double late = -1.0, d_late;
        const char *hit = p ? strstr(p, "ms after it completed") : NULL;
        if (hit) {
            const char *q = hit;
            while (q > p && q[-1] != ' ')
                q--;
            q--;
            while (q > p && q[-1] != ' ')
                q--;
            late = strtod(q, NULL);
            p = hit + 1;
        } else {
            failed = 1;
        }
        /* the doubling schedule for the same end: the call's time less the lateness */
        int d_calls = doubling(late >= 0 ? call_ms[i] - late : strtod(ts[i], NULL) * 1000.0, &d_late);
        printf("%s|%.0f|%.0f|%s|%ld|%.0f|%.0f|%d\n", ts[i], late, bound[i],
               late >= 0 && late <= bound[i] ? "yes" : "NO", calls[i], call_ms[i], d_late, d_calls);
    }
    free(log);
    return failed;
}

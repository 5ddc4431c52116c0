/* bench_polling.c - how late SQLExecDirect notices a query's end, and how
 * many GetQueryExecution calls it makes, for queries held RUNNING T seconds
 * by athena-local's sleep hint: with the default polling keys, and with the
 * keys that give the doubling schedule (100 ms, x2), both measured.
 *   tests/bench/run-bench-polling.sh [T ...]   (default: 0.1 0.3 1 3 10 30 60)
 * Lateness: from athena-local's CompletionDateTime to the answer that said
 * SUCCEEDED, as the driver logs it at DEBUG ("seen N ms after it
 * completed"; same machine, same clock); calls: athena-local's count. */
#include "bench_util.h"
#include "odbc/odbc_util.h"

#define MAX_T 16
#define DOUBLING "MinQueryExecutionPollingInterval=100;QueryExecutionPollingIntervalMultiplier=2;" \
                 "MaxQueryExecutionPollingInterval=600000"

typedef struct {
    double late[MAX_T], call_ms[MAX_T];
    long calls[MAX_T];
} figures;

/* Runs one query per T on a connection with the given keys; 0 if every
 * query succeeded and its lateness was logged. */
static int run(const char *keys, const char *const *ts, int n, figures *f)
{
    char dir[] = "/tmp/bench-polling-XXXXXX";
    SQLHDBC dbc = connect_logging(dir, keys);
    if (!dbc)
        return 1;
    int failed = 0;
    for (int i = 0; i < n; i++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT 1 /* athena-local:sleep=%s */", ts[i]);
        admin("POST", "/_athena_local/stats/reset", NULL, NULL, 0);
        double t0 = now_s();
        SQLRETURN rc;
        SQLHSTMT st = test_exec(dbc, sql, &rc);
        f->call_ms[i] = (now_s() - t0) * 1000.0;
        if (!SQL_SUCCEEDED(rc)) {
            show_diag(sql, SQL_HANDLE_STMT, st);
            failed = 1;
        }
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        f->calls[i] = athena_calls("athena:GetQueryExecution");
    }
    test_disconnect(dbc);
    char *log = take_log(dir);
    const char *p = log;
    for (int i = 0; i < n; i++) {
        const char *hit = p ? strstr(p, "; seen ") : NULL;
        f->late[i] = hit ? strtod(hit + 7, NULL) : -1.0;
        failed |= !hit;
        p = hit ? hit + 1 : NULL;
    }
    free(log);
    return failed;
}

int main(int argc, char **argv)
{
    static const char *defaults[] = {"0.1", "0.3", "1", "3", "10", "30", "60"};
    int n = argc > 1 ? argc - 1 : (int)(sizeof defaults / sizeof *defaults);
    const char *const *ts = argc > 1 ? (const char *const *)argv + 1 : defaults;
    if (n > MAX_T)
        n = MAX_T;
    static figures dflt, dbl;
    int failed = run("", ts, n, &dflt);
    failed |= run(DOUBLING, ts, n, &dbl);
    printf("defaults: MinQueryExecutionPollingInterval=50, multiplier 1.1, MaxQueryExecutionPollingInterval=10000\n"
           "doubling: %s\n", DOUBLING);
    printf("T s|defaults: late ms|bound ms (10%% + 50)|within|GetQueryExecution calls|call ms|"
           "doubling: late ms|doubling: calls|doubling: call ms\n");
    for (int i = 0; i < n; i++) {
        double bound = 0.1 * strtod(ts[i], NULL) * 1000.0 + 50.0;
        printf("%s|%.0f|%.0f|%s|%ld|%.0f|%.0f|%ld|%.0f\n", ts[i], dflt.late[i], bound,
               dflt.late[i] >= 0 && dflt.late[i] <= bound ? "yes" : "NO", dflt.calls[i], dflt.call_ms[i],
               dbl.late[i], dbl.calls[i], dbl.call_ms[i]);
    }
    return failed;
}

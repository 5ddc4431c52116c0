/* bench_fetch.c - end-to-end fetch speed through the driver manager: runs a
 * query (default: every row of sampledb.numbers) and prints the time to the
 * first row, rows per second and the driver's CPU time per row. It prints
 * figures; it asserts nothing.
 *   bench_fetch [SQL] [extra connection keys]   (DSN from ATHENA_TEST_DSN) */
#include "bench_util.h"

int main(int argc, char **argv)
{
    const char *sql = argc > 1 ? argv[1] : "SELECT n, n_text, half FROM sampledb.numbers";
    const char *extra = argc > 2 ? argv[2] : "";
    SQLHENV env;
    SQLHDBC dbc = bench_connect(extra, &env);
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    double t0 = now_s(), c0 = cpu_s();
    if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS)))
        bench_fail("execute", SQL_HANDLE_STMT, st);
    double t_exec = now_s();
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    char bufs[16][256];
    SQLLEN inds[16];
    for (SQLSMALLINT i = 0; i < ncols && i < 16; i++)
        SQLBindCol(st, (SQLUSMALLINT)(i + 1), SQL_C_CHAR, bufs[i], sizeof bufs[i], &inds[i]);
    long long rows = 0, bytes = 0;
    double t_first = 0, c_fetch0 = cpu_s();
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        if (rows++ == 0)
            t_first = now_s();
        for (SQLSMALLINT i = 0; i < ncols && i < 16; i++)
            if (inds[i] > 0)
                bytes += inds[i];
    }
    double t_end = now_s(), c_end = cpu_s();
    double fetch_s = t_end - t_exec;
    printf("query: %s\n", sql);
    printf("execute (start + poll until SUCCEEDED): %.3f s\n", t_exec - t0);
    printf("first row after execute:               %.3f s\n", rows ? t_first - t_exec : 0.0);
    printf("rows: %lld in %.3f s = %.0f rows/s, %.1f MB/s of cell text\n", rows, fetch_s,
           rows / (fetch_s > 0 ? fetch_s : 1), bytes / 1e6 / (fetch_s > 0 ? fetch_s : 1));
    printf("CPU of this process while fetching: %.3f s = %.2f us/row (%.2f us/cell)\n", c_end - c_fetch0,
           rows ? (c_end - c_fetch0) * 1e6 / (double)rows : 0.0,
           rows && ncols ? (c_end - c_fetch0) * 1e6 / (double)rows / ncols : 0.0);
    printf("total wall %.3f s, total CPU %.3f s\n", t_end - t0, c_end - c0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bench_disconnect(dbc, env);
    return 0;
}

/* bench_fetchers.c - one client of the side-by-side result benchmark
 * (tests/bench/run-bench.sh): runs one query through the driver manager with
 * the given connection keys and fetch style, reads every cell, and prints one
 * line of figures. It asserts nothing.
 *   bench_fetchers LABEL KEYS getdata|block SQL      (DSN from ATHENA_TEST_DSN)
 * getdata: SQLFetch + SQLGetData(SQL_C_CHAR) per cell; block: SQL_C_CHAR
 * columns bound, SQL_ATTR_ROW_ARRAY_SIZE 1000.
 * Output: LABEL|wall s|fetch s|rows|rows/s|CPU ns/cell|peak RSS MB
 * (wall: execute + fetch; fetch: after the query SUCCEEDED; CPU: the whole
 * process, every thread, while fetching; RSS: ru_maxrss). */
#include <string.h>

#include "bench_util.h"

enum { BLOCK = 1000, MAXC = 16, W = 128 };

static char bufs[MAXC][BLOCK][W];
static SQLLEN inds[MAXC][BLOCK];

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: bench_fetchers LABEL KEYS getdata|block SQL\n");
        return 2;
    }
    const char *label = argv[1], *keys = argv[2], *sql = argv[4];
    int block = strcmp(argv[3], "block") == 0;
    SQLHENV env;
    SQLHDBC dbc = bench_connect(keys, &env);
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    double t0 = now_s();
    if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS)))
        bench_fail("execute", SQL_HANDLE_STMT, st);
    double t_exec = now_s(), c0 = cpu_s();
    SQLSMALLINT ncols = 0;
    SQLNumResultCols(st, &ncols);
    if (ncols > MAXC)
        ncols = MAXC;
    long long rows = 0, cells = 0, bytes = 0;
    SQLRETURN rc;
    if (block) {
        SQLULEN got = 0;
        SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)(SQLULEN)BLOCK, 0);
        SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &got, 0);
        for (SQLSMALLINT c = 0; c < ncols; c++)
            SQLBindCol(st, (SQLUSMALLINT)(c + 1), SQL_C_CHAR, bufs[c], W, inds[c]);
        while (SQL_SUCCEEDED(rc = SQLFetch(st))) {
            rows += (long long)got;
            for (SQLSMALLINT c = 0; c < ncols; c++)
                for (SQLULEN r = 0; r < got; r++)
                    if (inds[c][r] > 0)
                        bytes += inds[c][r];
        }
    } else {
        char buf[W];
        SQLLEN ind;
        while (SQL_SUCCEEDED(rc = SQLFetch(st))) {
            rows++;
            for (SQLSMALLINT c = 1; c <= ncols; c++)
                if (SQL_SUCCEEDED(SQLGetData(st, (SQLUSMALLINT)c, SQL_C_CHAR, buf, sizeof buf, &ind)) && ind > 0)
                    bytes += ind;
        }
    }
    if (rc != SQL_NO_DATA)
        bench_fail("fetch", SQL_HANDLE_STMT, st);
    double t_end = now_s(), cpu = cpu_s() - c0;
    cells = rows * ncols;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double fetch = t_end - t_exec;
    printf("%s|%.2f|%.2f|%lld|%.0f|%.0f|%.1f\n", label, t_end - t0, fetch, rows, rows / (fetch > 0 ? fetch : 1),
           cells ? cpu * 1e9 / (double)cells : 0.0, (double)ru.ru_maxrss / 1024.0);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bench_disconnect(dbc, env);
    return 0;
}

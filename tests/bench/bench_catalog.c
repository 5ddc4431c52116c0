/* bench_catalog.c - how fast the catalog of a big database is read:
 * SQLColumns (and SQLTables) over every table of a database of N tables
 * (default 2,000) that a second athena-local mounts with --data, through the
 * driver manager and the DSN in ATHENA_TEST_DSN with its endpoints pointed
 * at that athena-local. Prints the time, the rows and the Athena calls
 * (athena-local's stats), cold and then from the metadata cache.
 *
 *   bench_catalog [tables] [latency]   latency: athena-local's --latency
 *                                      profile, e.g. "aws" (60 ms a call)
 * Prints figures; asserts nothing (tests/odbc/odbc_catalog_big does). */
#include "bench_util.h"
#include "odbc/big_catalog.h"

static long drain(SQLHSTMT st)
{
    long n = 0;
    while (SQL_SUCCEEDED(SQLFetch(st)))
        n++;
    SQLCloseCursor(st);
    return n;
}

static void run(SQLHDBC dbc, const char *what, int columns)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    admin("POST", "/_athena_local/stats/reset", NULL, NULL, 0);
    double t0 = now_s();
    SQLRETURN rc = columns ? SQLColumns(st, NULL, 0, (SQLCHAR *)BIG_DATABASE, SQL_NTS, NULL, 0, NULL, 0)
                           : SQLTables(st, NULL, 0, (SQLCHAR *)BIG_DATABASE, SQL_NTS, NULL, 0, NULL, 0);
    long rows = SQL_SUCCEEDED(rc) ? drain(st) : -1;
    double t = now_s() - t0;
    printf("%-28s %8.3f s %8ld rows %5ld Athena calls (%ld ListTableMetadata)\n", what, t, rows,
           athena_metadata_calls(), athena_calls("athena:ListTableMetadata"));
    if (!SQL_SUCCEEDED(rc))
        show_diag(what, SQL_HANDLE_STMT, st);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(int argc, char **argv)
{
    int ntables = argc > 1 ? atoi(argv[1]) : 2000;
    const char *latency = argc > 2 ? argv[2] : NULL;
    if (ntables < 1 || ntables > 99999) {
        fprintf(stderr, "usage: bench_catalog [tables 1..99999] [latency profile]\n");
        return 2;
    }
    big_catalog b;
    double t0 = now_s();
    if (big_start(&b, ntables, latency) != 0) {
        fprintf(stderr, "cannot start athena-local with %d tables\n", ntables);
        return 1;
    }
    printf("athena-local with %d tables (5 columns each, latency %s) up in %.1f s\n", ntables,
           latency ? latency : "none", now_s() - t0);
    SQLHDBC dbc = big_connect(&b, "MetadataCacheTTL=300");
    if (!dbc) {
        big_stop(&b);
        return 1;
    }
    run(dbc, "SQLColumns, cold", 1);
    run(dbc, "SQLColumns, cached", 1);
    run(dbc, "SQLTables, cached", 0);
    test_disconnect(dbc);
    dbc = big_connect(&b, "MetadataCacheTTL=0");
    run(dbc, "SQLTables, cold", 0);
    test_disconnect(dbc);
    big_stop(&b);
    return 0;
}

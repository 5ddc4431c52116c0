/* odbc_catalog_big.c - the catalog functions on a big catalog: a second
 * athena-local mounting 2,000 tables (--data), through the driver manager.
 *  - SQLColumns over the whole database: every column of every table, in
 *    ODBC's order, in at most 60 Athena calls (athena-local's stats count
 *    them: ListTableMetadata pages carry 50 tables with their columns);
 *  - SQLTables over it, and a table-name pattern pushed down to
 *    ListTableMetadata's Expression (fewer pages);
 *  - the metadata cache: the same call again makes no Athena call.
 * tests/bench/bench_catalog prints the time of the same walk. */
#include "big_catalog.h"

#define NTABLES 2000

/* Fetches every row of SQLColumns; checks the order (table name, then
 * ordinal) and the first and last rows. Returns the row count. */
static long read_columns(SQLHSTMT st, int *out_of_order, char *first, char *last, size_t n)
{
    char prev_table[256] = "", table[256], column[256];
    SQLINTEGER pos = 0, prev_pos = 0;
    long rows = 0;
    *out_of_order = 0;
    SQLBindCol(st, 3, SQL_C_CHAR, table, sizeof table, NULL);
    SQLBindCol(st, 4, SQL_C_CHAR, column, sizeof column, NULL);
    SQLBindCol(st, 17, SQL_C_SLONG, &pos, 0, NULL);
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        int c = strcmp(table, prev_table);
        if (c < 0 || (c == 0 && pos <= prev_pos))
            (*out_of_order)++;
        snprintf(prev_table, sizeof prev_table, "%s", table);
        prev_pos = pos;
        if (rows++ == 0)
            snprintf(first, n, "%s.%s:%d", table, column, (int)pos);
        snprintf(last, n, "%s.%s:%d", table, column, (int)pos);
    }
    SQLFreeStmt(st, SQL_UNBIND);
    SQLCloseCursor(st);
    return rows;
}

int main(void)
{
    big_catalog b;
    if (big_start(&b, NTABLES, NULL) != 0) {
        CHECK(0, "athena-local with %d tables mounted", NTABLES);
        return th_done();
    }
    SQLHDBC dbc = big_connect(&b, "MetadataCacheTTL=60");
    CHECK(dbc != NULL, "connect to the big catalog");
    if (!dbc) {
        big_stop(&b);
        return th_done();
    }
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    char first[600], last[600];
    int disorder = 0;

    admin("POST", "/_athena_local/stats/reset", NULL, NULL, 0);
    CHECK_RC(SQLColumns(st, NULL, 0, (SQLCHAR *)BIG_DATABASE, SQL_NTS, NULL, 0, NULL, 0), SQL_SUCCESS,
             "SQLColumns over the whole database");
    long rows = read_columns(st, &disorder, first, last, sizeof first);
    CHECK_INT(rows, NTABLES * 5, "every column of every table");
    CHECK_INT(disorder, 0, "rows ordered by table name, then ORDINAL_POSITION");
    CHECK_STR(first, "t00001.id:1", "the first row");
    CHECK_STR(last, "t02000.flag:5", "the last row");
    long calls = athena_metadata_calls();
    CHECK(calls <= 60, "SQLColumns over %d tables in at most 60 Athena calls: %ld", NTABLES, calls);
    CHECK_INT(athena_calls("athena:ListTableMetadata"), NTABLES / 50, "ListTableMetadata: pages of 50 tables");
    CHECK_INT(athena_calls("athena:GetTableMetadata"), 0, "never one call per table");

    /* the same again: from the cache */
    admin("POST", "/_athena_local/stats/reset", NULL, NULL, 0);
    SQLColumns(st, NULL, 0, (SQLCHAR *)BIG_DATABASE, SQL_NTS, NULL, 0, NULL, 0);
    CHECK_INT(read_columns(st, &disorder, first, last, sizeof first), NTABLES * 5, "again");
    CHECK_INT(athena_metadata_calls(), 0, "again: no Athena call (metadata cache)");

    /* SQLTables over the database, and a pattern pushed down */
    SQLHDBC d2 = big_connect(&b, "MetadataCacheTTL=0");
    SQLHSTMT s2;
    SQLAllocHandle(SQL_HANDLE_STMT, d2, &s2);
    admin("POST", "/_athena_local/stats/reset", NULL, NULL, 0);
    CHECK_RC(SQLTables(s2, NULL, 0, (SQLCHAR *)BIG_DATABASE, SQL_NTS, NULL, 0, NULL, 0), SQL_SUCCESS, "SQLTables");
    long n = 0;
    while (SQL_SUCCEEDED(SQLFetch(s2)))
        n++;
    SQLCloseCursor(s2);
    CHECK_INT(n, NTABLES, "SQLTables: every table");
    CHECK(athena_metadata_calls() <= 60, "SQLTables in at most 60 calls: %ld", athena_metadata_calls());
    admin("POST", "/_athena_local/stats/reset", NULL, NULL, 0);
    CHECK_RC(SQLColumns(s2, NULL, 0, (SQLCHAR *)BIG_DATABASE, SQL_NTS, (SQLCHAR *)"t0001%", SQL_NTS, NULL, 0),
             SQL_SUCCESS, "SQLColumns of t0001%");
    CHECK_INT(read_columns(s2, &disorder, first, last, sizeof first), 10 * 5,
              "t00010 .. t00019: 10 tables");
    CHECK_STR(first, "t00010.id:1", "t0001%: the first row");
    CHECK_INT(athena_calls("athena:ListTableMetadata"), 1, "the pattern went to Expression: one page");
    SQLFreeHandle(SQL_HANDLE_STMT, s2);
    test_disconnect(d2);

    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
    big_stop(&b);
    return th_done();
}

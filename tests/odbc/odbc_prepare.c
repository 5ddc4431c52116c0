/* odbc_prepare.c - the columns of a prepared statement before SQLExecute:
 * for every table of sampledb, SQLNumResultCols, SQLDescribeCol and
 * SQLColAttribute after SQLPrepare equal those after SQLExecute, athena-local
 * ran one metadata query for them (not again for a second describe, and
 * SQLExecute runs only the statement), and that query is the LIMIT 0 wrapper
 * (the driver's DEBUG log); a statement without a result set has 0 columns;
 * parameters bound before the describe give their types; SHOW, DESCRIBE and
 * EXPLAIN are described by running them, and SQLExecute opens that result. */
#include "odbc_util.h"

#define MAXCOLS 64

typedef struct col_desc {
    char name[128], type_name[64], label[128];
    SQLSMALLINT type, digits, nullable;
    SQLULEN size;
    SQLLEN display, octet, precision, scale, unsigned_, searchable, case_sensitive;
} col_desc;

static int describe(SQLHSTMT st, col_desc *cols)
{
    SQLSMALLINT n = -1;
    if (!SQL_SUCCEEDED(SQLNumResultCols(st, &n))) {
        show_diag("SQLNumResultCols", SQL_HANDLE_STMT, st);
        return -1;
    }
    for (SQLUSMALLINT i = 1; i <= n && i <= MAXCOLS; i++) {
        col_desc *c = &cols[i - 1];
        memset(c, 0, sizeof *c);
        SQLDescribeCol(st, i, (SQLCHAR *)c->name, sizeof c->name, NULL, &c->type, &c->size, &c->digits, &c->nullable);
        SQLColAttribute(st, i, SQL_DESC_TYPE_NAME, c->type_name, sizeof c->type_name, NULL, NULL);
        SQLColAttribute(st, i, SQL_DESC_LABEL, c->label, sizeof c->label, NULL, NULL);
        SQLColAttribute(st, i, SQL_DESC_DISPLAY_SIZE, NULL, 0, NULL, &c->display);
        SQLColAttribute(st, i, SQL_DESC_OCTET_LENGTH, NULL, 0, NULL, &c->octet);
        SQLColAttribute(st, i, SQL_DESC_PRECISION, NULL, 0, NULL, &c->precision);
        SQLColAttribute(st, i, SQL_DESC_SCALE, NULL, 0, NULL, &c->scale);
        SQLColAttribute(st, i, SQL_DESC_UNSIGNED, NULL, 0, NULL, &c->unsigned_);
        SQLColAttribute(st, i, SQL_DESC_SEARCHABLE, NULL, 0, NULL, &c->searchable);
        SQLColAttribute(st, i, SQL_DESC_CASE_SENSITIVE, NULL, 0, NULL, &c->case_sensitive);
    }
    return n;
}

static long executions(void)
{
    char stats[65536];
    if (admin("GET", "/_athena_local/stats", NULL, stats, sizeof stats) != 200)
        return -1;
    return json_number(stats, "\"executions\"", "total");
}

static void test_tables(SQLHDBC dbc)
{
    static const char *const tables[] = {"all_types", "elb_errors", "elb_logs", "impressions", "numbers"};
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        char sql[256];
        /* LIMIT keeps the execute small; the describe is of the same statement */
        snprintf(sql, sizeof sql, "SELECT * FROM sampledb.%s LIMIT 2 -- trailing comment", tables[t]);
        SQLHSTMT st;
        SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
        CHECK_RC(SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "prepare");
        long e0 = executions();
        static col_desc before[MAXCOLS], again[MAXCOLS], after[MAXCOLS];
        int nb = describe(st, before);
        long e1 = executions();
        int na = describe(st, again);
        long e2 = executions();
        CHECK(nb > 0 && e1 == e0 + 1 && e2 == e1 && na == nb,
              "%s: %d columns before SQLExecute, from one metadata query (%ld, %ld, %ld)", tables[t], nb, e0, e1, e2);
        CHECK_RC(SQLExecute(st), SQL_SUCCESS, "execute");
        long e3 = executions();
        CHECK(e3 == e2 + 1, "%s: SQLExecute runs only the statement (%ld -> %ld)", tables[t], e2, e3);
        int nx = describe(st, after);
        CHECK_INT(nx, nb, "same column count after SQLExecute");
        int diff = 0;
        for (int i = 0; i < nb && i < nx && i < MAXCOLS; i++)
            if (memcmp(&before[i], &after[i], sizeof before[i]) != 0) {
                diff++;
                printf("# %s column %d: %s %s %d %lu | %s %s %d %lu\n", tables[t], i + 1, before[i].name,
                       before[i].type_name, before[i].type, (unsigned long)before[i].size, after[i].name,
                       after[i].type_name, after[i].type, (unsigned long)after[i].size);
            }
        CHECK_INT(diff, 0, "every column described the same before and after SQLExecute");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

/* Every row of the open cursor as text, columns separated by '|', rows by '\n'. */
static void rows_of(SQLHSTMT st, int ncols, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        for (int i = 1; i <= ncols; i++) {
            char v[1024] = "";
            SQLLEN ind = 0;
            SQLGetData(st, (SQLUSMALLINT)i, SQL_C_CHAR, v, sizeof v, &ind);
            o += (size_t)snprintf(out + o, cap > o ? cap - o : 0, "%s%s", i > 1 ? "|" : "",
                                  ind == SQL_NULL_DATA ? "(null)" : v);
        }
        o += (size_t)snprintf(out + o, cap > o ? cap - o : 0, "\n");
    }
}

static int diff_cols(const char *what, const col_desc *a, const col_desc *b, int n)
{
    int diff = 0;
    for (int i = 0; i < n && i < MAXCOLS; i++)
        if (memcmp(&a[i], &b[i], sizeof a[i]) != 0) {
            diff++;
            printf("# %s column %d: %s %s %d %lu | %s %s %d %lu\n", what, i + 1, a[i].name, a[i].type_name,
                   a[i].type, (unsigned long)a[i].size, b[i].name, b[i].type_name, b[i].type, (unsigned long)b[i].size);
        }
    return diff;
}

/* SHOW, DESCRIBE and EXPLAIN cannot be wrapped: the describe runs them (they
 * read only metadata) and SQLExecute opens that result. */
static void test_metadata_statements(SQLHDBC dbc)
{
    static const char *const stmts[] = {
        "SHOW TABLES IN sampledb", "SHOW DATABASES", "SHOW COLUMNS IN sampledb.numbers", "DESCRIBE sampledb.numbers",
        "EXPLAIN SELECT * FROM sampledb.numbers", "SHOW CREATE TABLE sampledb.numbers",
    };
    static col_desc before[MAXCOLS], after[MAXCOLS], direct[MAXCOLS];
    static char rows[65536], rows_direct[65536], rows_again[65536];
    for (size_t k = 0; k < sizeof stmts / sizeof stmts[0]; k++) {
        const char *sql = stmts[k];
        SQLHSTMT st, st2;
        SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
        SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st2);
        CHECK_RC(SQLPrepare(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, sql);
        long e0 = executions();
        int nb = describe(st, before);
        long e1 = executions();
        int n2 = describe(st, after);
        long e2 = executions();
        CHECK(nb > 0 && n2 == nb && e1 == e0 + 1 && e2 == e1, "%s: %d columns before SQLExecute, from one query "
              "(%ld, %ld, %ld)", sql, nb, e0, e1, e2);
        CHECK_RC(SQLExecute(st), SQL_SUCCESS, sql);
        long e3 = executions();
        CHECK(e3 == e2, "%s: SQLExecute opens the describe's result (%ld -> %ld)", sql, e2, e3);
        int na = describe(st, after);
        CHECK(na == nb && diff_cols(sql, before, after, nb) == 0, "%s: the description before SQLExecute equals "
              "the one after, exactly", sql);
        rows_of(st, na, rows, sizeof rows);
        /* the same statement run directly: the same description and rows */
        CHECK_RC(SQLExecDirect(st2, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, sql);
        int nd = describe(st2, direct);
        rows_of(st2, nd, rows_direct, sizeof rows_direct);
        CHECK(nd == nb && diff_cols(sql, before, direct, nb) == 0, "%s: described as SQLExecDirect's result", sql);
        CHECK(rows[0] != '\0' && strcmp(rows, rows_direct) == 0, "%s: the rows of SQLExecDirect", sql);
        /* executing again runs the statement again */
        SQLCloseCursor(st);
        long e4 = executions();
        CHECK_RC(SQLExecute(st), SQL_SUCCESS, sql);
        long e5 = executions();
        rows_of(st, nb, rows_again, sizeof rows_again);
        CHECK(e5 == e4 + 1 && strcmp(rows_again, rows) == 0, "%s: a second SQLExecute runs it (%ld -> %ld)", sql,
              e4, e5);
        SQLFreeHandle(SQL_HANDLE_STMT, st2);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    /* with a marker the describe runs it with the value bound then, and SQLExecute runs it again */
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLINTEGER v = 7;
    SQLLEN len = 0;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &v, 0, &len);
    SQLPrepare(st, (SQLCHAR *)"EXPLAIN SELECT n FROM sampledb.numbers WHERE n = ?", SQL_NTS);
    long e0 = executions();
    int nb = describe(st, before);
    long e1 = executions();
    CHECK_RC(SQLExecute(st), SQL_SUCCESS, "EXPLAIN with a marker");
    long e2 = executions();
    int na = describe(st, after);
    CHECK(nb == 1 && na == 1 && e1 == e0 + 1 && e2 == e1 + 1 && diff_cols("EXPLAIN ?", before, after, 1) == 0,
          "EXPLAIN with a marker: described by one query, executed by another (%ld, %ld, %ld)", e0, e1, e2);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* The result the describe kept stands for SQLExecute only while it is fresh:
 * DDL on the connection since, or MetadataCacheTTL=0, makes SQLExecute run
 * the statement again, so it sees the catalog as it is then. */
static void test_metadata_fresh(SQLHDBC dbc)
{
    char name[64], sql[192], rows[4096];
    snprintf(name, sizeof name, "odbc_prepare_%d", (int)getpid());
    SQLHSTMT st, ddl;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &ddl);
    CHECK_RC(SQLPrepare(st, (SQLCHAR *)"SHOW TABLES IN sampledb", SQL_NTS), SQL_SUCCESS, "SHOW TABLES prepared");
    static col_desc cols[MAXCOLS];
    int n = describe(st, cols);
    CHECK_INT(n, 1, "SHOW TABLES described: one column");
    snprintf(sql, sizeof sql, "CREATE TABLE sampledb.%s AS SELECT n FROM sampledb.numbers WHERE n <= 2", name);
    CHECK_RC(SQLExecDirect(ddl, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "CTAS after the describe");
    SQLCloseCursor(ddl);
    long e0 = executions();
    CHECK_RC(SQLExecute(st), SQL_SUCCESS, "SQLExecute after the CTAS");
    long e1 = executions();
    CHECK(e1 == e0 + 1, "DDL on the connection since the describe: SQLExecute runs SHOW TABLES again (%ld -> %ld)",
          e0, e1);
    rows_of(st, 1, rows, sizeof rows);
    char want[256];
    snprintf(want, sizeof want, "all_types\nelb_errors\nelb_logs\nimpressions\nnumbers\n%s\n", name);
    CHECK_STR(rows, want, "SQLExecute lists the table the CTAS made");
    snprintf(sql, sizeof sql, "DROP TABLE sampledb.%s", name);
    CHECK_RC(SQLExecDirect(ddl, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, "DROP TABLE");
    SQLFreeHandle(SQL_HANDLE_STMT, ddl);
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    SQLHDBC nottl = test_connect("MetadataCacheTTL=0");
    CHECK(nottl != NULL, "connect with MetadataCacheTTL=0");
    if (!nottl)
        return;
    SQLAllocHandle(SQL_HANDLE_STMT, nottl, &st);
    SQLPrepare(st, (SQLCHAR *)"SHOW DATABASES", SQL_NTS);
    long d0 = executions();
    n = describe(st, cols);
    long d1 = executions();
    CHECK_RC(SQLExecute(st), SQL_SUCCESS, "SHOW DATABASES executed");
    long d2 = executions();
    CHECK(n == 1 && d1 == d0 + 1 && d2 == d1 + 1, "MetadataCacheTTL=0: described by one query, executed by another "
          "(%ld, %ld, %ld)", d0, d1, d2);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(nottl);
}

static void test_others(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSMALLINT n = -1;
    SQLPrepare(st, (SQLCHAR *)"CREATE TABLE x (a int)", SQL_NTS);
    CHECK_RC(SQLNumResultCols(st, &n), SQL_SUCCESS, "CREATE prepared");
    CHECK_INT(n, 0, "no result set");
    SQLPrepare(st, (SQLCHAR *)"EXPLAIN ANALYZE SELECT * FROM sampledb.numbers", SQL_NTS);
    CHECK_RC(SQLNumResultCols(st, &n), SQL_ERROR, "EXPLAIN ANALYZE prepared");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY000", "EXPLAIN ANALYZE (it runs the query) is described only after SQLExecute");
    SQLPrepare(st, (SQLCHAR *)"SELECT nosuchcolumn FROM sampledb.numbers", SQL_NTS);
    CHECK_RC(SQLNumResultCols(st, &n), SQL_ERROR, "describing a wrong statement fails like its execute");
    CHECK_STATE(SQL_HANDLE_STMT, st, "42S22", "column not found");
    /* a parameter bound before the describe gives its type */
    SQLINTEGER v = 5;
    SQLLEN len = 0;
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_SMALLINT, 0, 0, &v, 0, &len);
    SQLPrepare(st, (SQLCHAR *)"SELECT ? AS p, x FROM (VALUES 1) AS t(x) WHERE x = ?", SQL_NTS);
    SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &v, 0, &len);
    SQLSMALLINT type = 0;
    CHECK_RC(SQLDescribeCol(st, 1, NULL, 0, NULL, &type, NULL, NULL, NULL), SQL_SUCCESS, "describe with parameters");
    CHECK_INT(type, SQL_SMALLINT, "the bound parameter's type");
    SQLHDESC ird = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_IMP_ROW_DESC, &ird, 0, NULL);
    SQLSMALLINT count = 0;
    SQLGetDescField(ird, 0, SQL_DESC_COUNT, &count, 0, NULL);
    CHECK_INT(count, 2, "the IRD's count before SQLExecute");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* The metadata query is the LIMIT 0 wrapper: the driver's DEBUG log. */
static void test_log(void)
{
    char dir[] = "/tmp/athena-prepare-XXXXXX";
    SQLHDBC dbc = connect_logging(dir, "");
    if (!dbc)
        return;
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSMALLINT n = 0;
    SQLPrepare(st, (SQLCHAR *)"SELECT * FROM sampledb.numbers", SQL_NTS);
    CHECK_RC(SQLNumResultCols(st, &n), SQL_SUCCESS, "describe numbers");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
    char *log = take_log(dir);
    int meta = count_of(log, "metadata-only query");
    free(log);
    CHECK_INT(meta, 1, "one metadata-only query");
}

int main(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect");
    if (!dbc)
        return th_done();
    test_tables(dbc);
    test_others(dbc);
    test_metadata_statements(dbc);
    test_metadata_fresh(dbc);
    test_log();
    test_disconnect(dbc);
    return th_done();
}

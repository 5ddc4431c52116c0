/* odbc_prepare.c - the columns of a prepared statement before SQLExecute:
 * for every table of sampledb, SQLNumResultCols, SQLDescribeCol and
 * SQLColAttribute after SQLPrepare equal those after SQLExecute, athena-local
 * ran one metadata query for them (not again for a second describe, and
 * SQLExecute runs only the statement), and that query is the LIMIT 0 wrapper
 * (the driver's DEBUG log); a statement without a result set has 0 columns;
 * parameters bound before the describe give their types. */
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

static void test_others(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSMALLINT n = -1;
    SQLPrepare(st, (SQLCHAR *)"CREATE TABLE x (a int)", SQL_NTS);
    CHECK_RC(SQLNumResultCols(st, &n), SQL_SUCCESS, "CREATE prepared");
    CHECK_INT(n, 0, "no result set");
    SQLPrepare(st, (SQLCHAR *)"SHOW TABLES", SQL_NTS);
    CHECK_RC(SQLNumResultCols(st, &n), SQL_ERROR, "SHOW prepared");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY000", "SHOW is described only after SQLExecute");
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
    char dir[] = "/tmp/athena-prepare-XXXXXX", keys[256];
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return;
    }
    snprintf(keys, sizeof keys, "LogLevel=DEBUG;LogPath=%s", dir);
    SQLHDBC dbc = test_connect(keys);
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
    test_log();
    test_disconnect(dbc);
    return th_done();
}

/* odbc_block.c - block cursors with bound columns through every fetcher:
 * column-wise and row-wise binding with a bind offset, a truncation and a
 * conversion error in the middle of a rowset (status array, diagnostics
 * with their row numbers), the last partial rowset, SQLSetPos + SQLGetData
 * on a row of a block (an unbound column), and rowsets that span pages
 * (GetQueryResults), page one and the CSV (auto) or several CSV reads (S3),
 * whose rows the driver reads again from the source's buffers. */
#include "odbc_util.h"

#define REUSE "EnableResultReuse=1"

static const struct fetcher {
    const char *name, *keys;
} fetchers[] = {
    /* pages of 2 rows (the first: the header and row 1): a rowset of 8 spans
     * 4 or 5 pages, more than the pager keeps in circulation (the current
     * page and 2 fetched ahead), so its first page's buffer would be
     * reused by the time its last row is read if the pager did not hold it */
    {"GetQueryResults", "ResultFetcher=GetQueryResults;RowsToFetchPerBlock=2;" REUSE},
    {"S3", "ResultFetcher=S3;S3ResultBlockSize=1048576;UseMultipleS3Threads=0;" REUSE},
    /* page one holds the header and 4 rows: the first rowset spans page one and the CSV */
    {"auto", "RowsToFetchPerBlock=5;S3ResultBlockSize=1048576;" REUSE},
};

/* Row 6's text is 10 characters (bound buffer: 8 bytes), row 11's s is no
 * number (bound as SQL_C_SLONG): 01004 on row 6 of rowset 1, 22018 on
 * row 3 of rowset 2; 23 rows make rowsets of 8, 8 and 7. */
static const char sql[] =
    "SELECT n, CASE WHEN n = 6 THEN 'abcdefghij' ELSE 'r' || CAST(n AS varchar) END AS t, "
    "CASE WHEN n = 11 THEN 'bad' ELSE CAST(n * 2 AS varchar) END AS s, n * 10 AS tens "
    "FROM numbers WHERE n <= 23 ORDER BY n";

enum { ROWS = 8, TW = 8 };

/* Column-wise: arrays bound at element 0, read through a bind offset of
 * 16 bytes (it applies to every address): from element 2 of the 8-byte
 * arrays, element 4 of the SQLINTEGER one. */
typedef struct col_bufs {
    SQLBIGINT n[ROWS + 2];
    SQLLEN n_ind[ROWS + 2];
    char t[ROWS + 2][TW];
    SQLLEN t_ind[ROWS + 2];
    SQLINTEGER s[ROWS + 4];
    SQLLEN s_ind[ROWS + 2];
} col_bufs;

/* Row-wise: one row's values; also the values of a row, wherever the
 * binding put them (row_of). */
typedef struct row_rec {
    SQLBIGINT n;
    SQLLEN n_ind;
    char t[TW];
    SQLLEN t_ind;
    SQLINTEGER s;
    SQLLEN s_ind;
} row_rec;

typedef struct binding {
    bool by_row;
    col_bufs cols;
    row_rec recs[ROWS + 1];
    SQLLEN offset;
} binding;

static void bind_cols(SQLHSTMT st, binding *b)
{
    if (b->by_row) {
        /* bound to recs[0], read into recs[1..] through the offset */
        b->offset = (SQLLEN)sizeof(row_rec);
        SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)sizeof(row_rec), 0);
        SQLBindCol(st, 1, SQL_C_SBIGINT, &b->recs[0].n, 0, &b->recs[0].n_ind);
        SQLBindCol(st, 2, SQL_C_CHAR, b->recs[0].t, TW, &b->recs[0].t_ind);
        SQLBindCol(st, 3, SQL_C_SLONG, &b->recs[0].s, 0, &b->recs[0].s_ind);
    } else {
        b->offset = 16; /* two SQLBIGINT / SQLLEN / char[8] elements, four SQLINTEGER */
        SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)SQL_BIND_BY_COLUMN, 0);
        SQLBindCol(st, 1, SQL_C_SBIGINT, b->cols.n, 0, b->cols.n_ind);
        SQLBindCol(st, 2, SQL_C_CHAR, b->cols.t, TW, b->cols.t_ind);
        SQLBindCol(st, 3, SQL_C_SLONG, b->cols.s, 0, b->cols.s_ind);
    }
    SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_OFFSET_PTR, &b->offset, 0);
}

static row_rec row_of(const binding *b, int i)
{
    if (b->by_row)
        return b->recs[i + 1];
    row_rec g;
    const col_bufs *c = &b->cols;
    g.n = c->n[i + 2], g.n_ind = c->n_ind[i + 2], g.t_ind = c->t_ind[i + 2];
    g.s = c->s[i + 4], g.s_ind = c->s_ind[i + 2];
    memcpy(g.t, c->t[i + 2], TW);
    return g;
}

/* Checks rows first..first+count-1 of the result in the bound buffers;
 * the number of rows that differ from what the query gives. */
static int rows_differ(const binding *b, int first, int count)
{
    int bad = 0;
    for (int i = 0; i < count; i++) {
        int n = first + i;
        row_rec g = row_of(b, i);
        char t[16];
        snprintf(t, sizeof t, n == 6 ? "abcdefg" : "r%d", n);
        bool ok = g.n == n && g.n_ind == 8 && strcmp(g.t, t) == 0 && g.t_ind == (n == 6 ? 10 : (SQLLEN)strlen(t));
        if (n != 11)
            ok = ok && g.s == 2 * n && g.s_ind == 4;
        if (!ok) {
            printf("# row %d: n=%lld t=\"%.8s\" (%ld) s=%d (%ld)\n", n, (long long)g.n, g.t, (long)g.t_ind,
                   (int)g.s, (long)g.s_ind);
            bad++;
        }
    }
    return bad;
}

/* The diagnostic record rec: its SQLSTATE, row and column number. */
static void diag_at(SQLHSTMT st, SQLSMALLINT rec, char state[6], SQLLEN *row, SQLINTEGER *col)
{
    state[0] = '\0';
    *row = *col = -99;
    SQLGetDiagField(SQL_HANDLE_STMT, st, rec, SQL_DIAG_SQLSTATE, state, 6, NULL);
    SQLGetDiagField(SQL_HANDLE_STMT, st, rec, SQL_DIAG_ROW_NUMBER, row, 0, NULL);
    SQLGetDiagField(SQL_HANDLE_STMT, st, rec, SQL_DIAG_COLUMN_NUMBER, col, 0, NULL);
}

static SQLINTEGER diag_count(SQLHSTMT st)
{
    SQLINTEGER n = -1;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_NUMBER, &n, 0, NULL);
    return n;
}

/* SQLSetPos to row `pos` of the rowset, then SQLGetData of the unbound
 * column 4 (n * 10) and of column 2 as text; want_n: the row's n. */
static void check_pos(SQLHSTMT st, SQLSETPOSIROW pos, int want_n, const char *what)
{
    char label[160];
    snprintf(label, sizeof label, "%s: SQLSetPos to row %u", what, (unsigned)pos);
    CHECK_RC(SQLSetPos(st, pos, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, label);
    SQLINTEGER tens = -1;
    SQLLEN ind = 0;
    CHECK_RC(SQLGetData(st, 4, SQL_C_SLONG, &tens, 0, &ind), SQL_SUCCESS, "SQLGetData of the unbound column");
    snprintf(label, sizeof label, "%s: row %u's unbound n * 10", what, (unsigned)pos);
    CHECK_INT(tens, want_n * 10, label);
    char t[32] = "";
    CHECK_RC(SQLGetData(st, 2, SQL_C_CHAR, t, sizeof t, &ind), SQL_SUCCESS, "SQLGetData of t, whole");
    char want[16];
    snprintf(want, sizeof want, want_n == 6 ? "abcdefghij" : "r%d", want_n);
    snprintf(label, sizeof label, "%s: row %u's t, read again in full", what, (unsigned)pos);
    CHECK_STR(t, want, label);
}

/* The next rowset of 8 rows, from row `first`, where row `bad` of the
 * rowset has status bad_status and the one diagnostic, `state` at column
 * `col`; every other row converts cleanly. */
static void check_rowset(SQLHSTMT st, const binding *b, const SQLUSMALLINT *status, const SQLULEN *fetched,
                         const char *what, int first, int bad, SQLUSMALLINT bad_status, const char *state,
                         SQLINTEGER col)
{
    char label[160];
    snprintf(label, sizeof label, "%s: rows %d-%d (%s in row %d)", what, first, first + ROWS - 1, state, bad);
    CHECK_RC(SQLFetchScroll(st, SQL_FETCH_NEXT, 0), SQL_SUCCESS_WITH_INFO, label);
    CHECK_INT(*fetched, ROWS, "a full rowset");
    CHECK_INT(rows_differ(b, first, ROWS), 0, "rows that differ");
    for (int i = 0; i < ROWS; i++) {
        snprintf(label, sizeof label, "%s: rows from %d, row %d's status", what, first, i + 1);
        CHECK_INT(status[i], i + 1 == bad ? bad_status : SQL_ROW_SUCCESS, label);
    }
    CHECK_INT(diag_count(st), 1, "one diagnostic");
    char got[6];
    SQLLEN row;
    SQLINTEGER c;
    diag_at(st, 1, got, &row, &c);
    CHECK_STR(got, state, "its SQLSTATE");
    CHECK_INT(row, bad, "its row number in the rowset");
    CHECK_INT(c, col, "its column number");
}

static void test_rowsets(const struct fetcher *f, bool by_row)
{
    char what[96];
    snprintf(what, sizeof what, "%s, %s", f->name, by_row ? "row-wise" : "column-wise");
    SQLHDBC dbc = test_connect(f->keys);
    CHECK(dbc != NULL, "%s: connect", what);
    if (!dbc)
        return;
    static binding b;
    memset(&b, 0, sizeof b);
    b.by_row = by_row;
    SQLUSMALLINT status[ROWS];
    SQLULEN fetched = 0;
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)ROWS, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    bind_cols(st, &b);
    char label[160];
    snprintf(label, sizeof label, "%s: execute", what);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, label);

    /* rowset 1: rows 1..8, row 6 truncated */
    check_rowset(st, &b, status, &fetched, what, 1, 6, SQL_ROW_SUCCESS_WITH_INFO, "01004", 2);
    check_pos(st, 6, 6, what);
    check_pos(st, 1, 1, what);

    /* rowset 2: rows 9..16, row 11 (row 3 of the rowset) is no number */
    memset(&b.cols, 0, sizeof b.cols);
    memset(b.recs, 0, sizeof b.recs);
    check_rowset(st, &b, status, &fetched, what, 9, 3, SQL_ROW_ERROR, "22018", 3);
    check_pos(st, 8, 16, what);
    check_pos(st, 3, 11, what);
    char s[8] = "";
    SQLLEN ind = 0;
    CHECK_RC(SQLGetData(st, 3, SQL_C_CHAR, s, sizeof s, &ind), SQL_SUCCESS, "row 11's s as text");
    CHECK_STR(s, "bad", "row 11's s as text");
    CHECK_RC(SQLSetPos(st, 9, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_ERROR, "row 9 of an 8-row rowset");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY107", "row 9 of an 8-row rowset");

    /* rowset 3: the last 7 rows */
    memset(&b.cols, 0, sizeof b.cols);
    memset(b.recs, 0, sizeof b.recs);
    snprintf(label, sizeof label, "%s: rowset 3 (partial)", what);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, label);
    CHECK_INT(fetched, 7, "rowset 3: 7 rows");
    CHECK_INT(rows_differ(&b, 17, 7), 0, "rowset 3: rows that differ");
    int ok_rows = 0;
    for (int i = 0; i < 7; i++)
        ok_rows += status[i] == SQL_ROW_SUCCESS;
    CHECK_INT(ok_rows, 7, "rowset 3: rows with SQL_ROW_SUCCESS");
    CHECK_INT(status[7], SQL_ROW_NOROW, "rowset 3: row 8's status");
    check_pos(st, 7, 23, what);
    CHECK_RC(SQLSetPos(st, 8, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_ERROR, "row 8 of a 7-row rowset");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY107", "row 8 of a 7-row rowset");
    snprintf(label, sizeof label, "%s: the end", what);
    CHECK_RC(SQLFetch(st), SQL_NO_DATA, label);
    CHECK_INT(fetched, 0, "no rows at the end");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

/* A result larger than the CSV reader's feeds and many pages: every row of
 * every rowset (7 rows, across page and feed boundaries) in the bound
 * buffers, and the last row of each read again with SQLSetPos + SQLGetData. */
static void test_long(const struct fetcher *f)
{
    const char *keys = strstr(f->keys, "RowsToFetchPerBlock=2") ? "ResultFetcher=GetQueryResults;RowsToFetchPerBlock=97;" REUSE
                                                                 : f->keys;
    SQLHDBC dbc = test_connect(keys);
    CHECK(dbc != NULL, "%s: connect", f->name);
    if (!dbc)
        return;
    enum { R = 7, LIMIT = 30000 };
    SQLBIGINT n[R];
    SQLLEN n_ind[R], t_ind[R];
    char t[R][12];
    SQLULEN fetched = 0;
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)R, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    SQLBindCol(st, 1, SQL_C_SBIGINT, n, 0, n_ind);
    SQLBindCol(st, 2, SQL_C_CHAR, t, sizeof t[0], t_ind);
    char q[160];
    snprintf(q, sizeof q, "SELECT n, n_text, repeat('x', CAST(n %% 50 AS INTEGER)) AS pad FROM numbers "
                          "WHERE n <= %d ORDER BY n", LIMIT);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)q, SQL_NTS), SQL_SUCCESS, "execute the long query");
    long long rows = 0, bad = 0, bad_again = 0;
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
        for (SQLULEN i = 0; i < fetched; i++) {
            long long want = ++rows;
            char wt[24];
            snprintf(wt, sizeof wt, "%lld", want);
            if (n[i] != want || strcmp(t[i], wt) != 0 || t_ind[i] != (SQLLEN)strlen(wt))
                bad++;
        }
        /* the rowset's last row, read again from the source's buffers */
        char pad[64] = "", again[16] = "";
        SQLLEN ind = 0;
        SQLSetPos(st, fetched, SQL_POSITION, SQL_LOCK_NO_CHANGE);
        SQLGetData(st, 2, SQL_C_CHAR, again, sizeof again, &ind);
        SQLGetData(st, 3, SQL_C_CHAR, pad, sizeof pad, &ind);
        char wt[24];
        snprintf(wt, sizeof wt, "%lld", rows);
        if (strcmp(again, wt) != 0 || ind != rows % 50 || strspn(pad, "x") != (size_t)(rows % 50))
            bad_again++;
        /* and its first row */
        SQLSetPos(st, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE);
        SQLGetData(st, 2, SQL_C_CHAR, again, sizeof again, &ind);
        snprintf(wt, sizeof wt, "%lld", rows - (long long)fetched + 1);
        if (strcmp(again, wt) != 0)
            bad_again++;
    }
    char label[128];
    snprintf(label, sizeof label, "%s: the long result ends with SQL_NO_DATA", f->name);
    CHECK_RC(rc, SQL_NO_DATA, label);
    snprintf(label, sizeof label, "%s: rows of the long result", f->name);
    CHECK_INT(rows, LIMIT, label);
    snprintf(label, sizeof label, "%s: bound rows that differ", f->name);
    CHECK_INT(bad, 0, label);
    snprintf(label, sizeof label, "%s: rows read again that differ", f->name);
    CHECK_INT(bad_again, 0, label);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

/* SQLColumns' rows come from a source that rebuilds one row at a time
 * (it cannot hold them): a block of them is copied, and SQLSetPos +
 * SQLGetData read the copy. */
static void test_catalog_block(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect for SQLColumns");
    if (!dbc)
        return;
    enum { R = 2 };
    char name[R][32];
    SQLLEN name_ind[R];
    SQLULEN fetched = 0;
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)R, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    CHECK_RC(SQLColumns(st, (SQLCHAR *)"AwsDataCatalog", SQL_NTS, (SQLCHAR *)"sampledb", SQL_NTS,
                        (SQLCHAR *)"numbers", SQL_NTS, (SQLCHAR *)"%", SQL_NTS),
             SQL_SUCCESS, "SQLColumns of sampledb.numbers");
    SQLBindCol(st, 4, SQL_C_CHAR, name, sizeof name[0], name_ind);
    char bound[256] = "", again[256] = "";
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        for (SQLULEN i = 0; i < fetched; i++) {
            strcat(bound, name[i]);
            strcat(bound, ",");
        }
        for (SQLULEN i = fetched; i >= 1; i--) { /* last row first */
            char n[32] = "", ord[8] = "";
            SQLLEN ind;
            SQLSetPos(st, (SQLSETPOSIROW)i, SQL_POSITION, SQL_LOCK_NO_CHANGE);
            SQLGetData(st, 4, SQL_C_CHAR, n, sizeof n, &ind);
            SQLGetData(st, 17, SQL_C_CHAR, ord, sizeof ord, &ind);
            char item[48];
            snprintf(item, sizeof item, "%s=%s,", ord, n);
            strcat(again, item);
        }
    }
    CHECK_STR(bound, "n,n_text,half,", "SQLColumns in blocks of 2, bound");
    CHECK_STR(again, "2=n_text,1=n,3=half,", "each block's rows read again, last first");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

int main(void)
{
    test_catalog_block();
    for (size_t i = 0; i < sizeof fetchers / sizeof fetchers[0]; i++) {
        test_rowsets(&fetchers[i], false);
        test_rowsets(&fetchers[i], true);
        test_long(&fetchers[i]);
    }
    return th_done();
}

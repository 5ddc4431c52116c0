/* odbc_scroll.c - static (scrollable) cursors through the driver manager:
 * every SQLFetchScroll orientation against 2,500 rows, with the positions of
 * the ODBC "cursor positioning rules" (before start, after end, 01S06),
 * rowsets of 1 and 7 rows with row status and rows fetched, SQLGetData and
 * SQLSetPos(SQL_POSITION), SQLExtendedFetch, SQLRowCount once the end is
 * known, SQL_ATTR_MAX_ROWS, the attributes and SQLGetInfo answers. The
 * memory window is set to 4 KiB (ATHENA_ODBC_SCROLL_WINDOW) so that most
 * rows come back from the temporary file. */
#include <dirent.h>

#include "odbc_util.h"

#define ROWS 2500
static const char *SQL = "SELECT n, n_text FROM numbers WHERE n <= 2500 ORDER BY n";

static SQLHSTMT open_static(SQLHDBC dbc, const char *sql, SQLULEN rowset)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0), SQL_SUCCESS,
             "SQL_ATTR_CURSOR_TYPE = SQL_CURSOR_STATIC");
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)rowset, 0);
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS), SQL_SUCCESS, sql);
    return st;
}

/* Open descriptors of this process on a deleted athenaodbc-scroll file. */
static int spool_files(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char path[300], target[512];
        snprintf(path, sizeof path, "/proc/self/fd/%s", e->d_name);
        ssize_t len = readlink(path, target, sizeof target - 1);
        if (len <= 0)
            continue;
        target[len] = '\0';
        if (strstr(target, "athenaodbc-scroll-") && strstr(target, "(deleted)"))
            n++;
    }
    if (d)
        closedir(d);
    return n;
}

/* One row per fetch: fetch, then n (bound) and n_text (SQLGetData). */
static SQLBIGINT n_val;
static SQLLEN n_ind;

static void one(SQLHSTMT st, SQLSMALLINT orient, SQLLEN off, SQLRETURN want_rc, long long want_n,
                const char *what)
{
    n_val = -1;
    SQLRETURN rc = SQLFetchScroll(st, orient, off);
    CHECK_RC(rc, want_rc, what);
    if (!SQL_SUCCEEDED(rc))
        return;
    CHECK_INT(n_val, want_n, what);
    char text[32] = "";
    SQLLEN ind = 0;
    SQLGetData(st, 2, SQL_C_CHAR, text, sizeof text, &ind);
    char want_text[32];
    snprintf(want_text, sizeof want_text, "%lld", want_n);
    CHECK_STR(text, want_text, what);
}

static void test_rowset_1(SQLHDBC dbc)
{
    SQLHSTMT st = open_static(dbc, SQL, 1);
    SQLBindCol(st, 1, SQL_C_SBIGINT, &n_val, 0, &n_ind);
    SQLLEN count = 0;
    one(st, SQL_FETCH_PRIOR, 0, SQL_NO_DATA, 0, "PRIOR before the start: no data");
    one(st, SQL_FETCH_NEXT, 0, SQL_SUCCESS, 1, "NEXT from before the start: row 1");
    SQLRowCount(st, &count);
    CHECK_INT(count, -1, "SQLRowCount is -1 while the end is not known");
    one(st, SQL_FETCH_FIRST, 0, SQL_SUCCESS, 1, "FIRST");
    one(st, SQL_FETCH_NEXT, 0, SQL_SUCCESS, 2, "NEXT");
    one(st, SQL_FETCH_LAST, 0, SQL_SUCCESS, ROWS, "LAST");
    SQLRowCount(st, &count);
    CHECK_INT(count, ROWS, "SQLRowCount once the end was reached");
    CHECK_INT(spool_files(), 1, "rows beyond the 4 KiB window are in one unlinked temporary file");
    one(st, SQL_FETCH_PRIOR, 0, SQL_SUCCESS, ROWS - 1, "PRIOR");
    one(st, SQL_FETCH_ABSOLUTE, 1000, SQL_SUCCESS, 1000, "ABSOLUTE 1000");
    one(st, SQL_FETCH_ABSOLUTE, 3, SQL_SUCCESS, 3, "ABSOLUTE 3 (in the memory window)");
    one(st, SQL_FETCH_ABSOLUTE, -1, SQL_SUCCESS, ROWS, "ABSOLUTE -1: the last row");
    one(st, SQL_FETCH_ABSOLUTE, -ROWS, SQL_SUCCESS, 1, "ABSOLUTE -2500: row 1");
    one(st, SQL_FETCH_ABSOLUTE, -ROWS - 1, SQL_NO_DATA, 0, "ABSOLUTE -2501: before the start");
    one(st, SQL_FETCH_NEXT, 0, SQL_SUCCESS, 1, "NEXT after that: row 1");
    one(st, SQL_FETCH_RELATIVE, 10, SQL_SUCCESS, 11, "RELATIVE 10");
    one(st, SQL_FETCH_RELATIVE, -5, SQL_SUCCESS, 6, "RELATIVE -5");
    one(st, SQL_FETCH_RELATIVE, 0, SQL_SUCCESS, 6, "RELATIVE 0: the same row");
    one(st, SQL_FETCH_RELATIVE, -10, SQL_NO_DATA, 0, "RELATIVE -10 from row 6: before the start");
    one(st, SQL_FETCH_RELATIVE, 3, SQL_SUCCESS, 3, "RELATIVE 3 from before the start: row 3");
    one(st, SQL_FETCH_RELATIVE, 2498, SQL_NO_DATA, 0, "RELATIVE past the end: after the end");
    one(st, SQL_FETCH_NEXT, 0, SQL_NO_DATA, 0, "NEXT after the end: no data");
    one(st, SQL_FETCH_RELATIVE, -2, SQL_SUCCESS, ROWS - 1, "RELATIVE -2 from after the end: ABSOLUTE -2");
    one(st, SQL_FETCH_ABSOLUTE, ROWS + 1, SQL_NO_DATA, 0, "ABSOLUTE 2501: after the end");
    one(st, SQL_FETCH_PRIOR, 0, SQL_SUCCESS, ROWS, "PRIOR from after the end: the last row");
    one(st, SQL_FETCH_ABSOLUTE, 0, SQL_NO_DATA, 0, "ABSOLUTE 0: before the start");
    one(st, SQL_FETCH_FIRST, 0, SQL_SUCCESS, 1, "FIRST again");
    one(st, SQL_FETCH_PRIOR, 0, SQL_NO_DATA, 0, "PRIOR from row 1: before the start");
    SQLULEN rownum = 99;
    one(st, SQL_FETCH_ABSOLUTE, 1234, SQL_SUCCESS, 1234, "ABSOLUTE 1234");
    SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rownum, 0, NULL);
    CHECK_INT(rownum, 1234, "SQL_ATTR_ROW_NUMBER");
    CHECK_RC(SQLFetchScroll(st, SQL_FETCH_BOOKMARK, 0), SQL_ERROR, "SQL_FETCH_BOOKMARK");
    SQLCloseCursor(st);
    CHECK_INT(spool_files(), 0, "closing the cursor closes the temporary file");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* A rowset of 7 rows: first row, rows fetched, every status. */
static SQLBIGINT ns[7];
static SQLLEN inds[7];
static SQLUSMALLINT status[7];
static SQLULEN fetched;
static SQLULEN rowset_size = 7;

static void seven(SQLHSTMT st, SQLSMALLINT orient, SQLLEN off, SQLRETURN want_rc, long long first,
                  SQLULEN want_rows, const char *what)
{
    memset(ns, 0, sizeof ns);
    fetched = 99;
    SQLRETURN rc = SQLFetchScroll(st, orient, off);
    CHECK_RC(rc, want_rc, what);
    if (want_rc == SQL_SUCCESS_WITH_INFO)
        CHECK_STATE(SQL_HANDLE_STMT, st, "01S06", what);
    if (!SQL_SUCCEEDED(rc)) {
        CHECK_INT(fetched, 0, what);
        return;
    }
    CHECK_INT(fetched, want_rows, what);
    bool ok = true;
    for (SQLULEN i = 0; i < rowset_size; i++) {
        if (i < want_rows)
            ok = ok && ns[i] == first + (long long)i && status[i] == SQL_ROW_SUCCESS;
        else
            ok = ok && status[i] == SQL_ROW_NOROW;
    }
    CHECK(ok, "%s: rows %lld.. and their status", what, first);
}

static void test_rowset_7(SQLHDBC dbc)
{
    SQLHSTMT st = open_static(dbc, SQL, 7);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    SQLBindCol(st, 1, SQL_C_SBIGINT, ns, 0, inds);
    seven(st, SQL_FETCH_FIRST, 0, SQL_SUCCESS, 1, 7, "FIRST x7");
    seven(st, SQL_FETCH_NEXT, 0, SQL_SUCCESS, 8, 7, "NEXT x7");
    seven(st, SQL_FETCH_ABSOLUTE, 2497, SQL_SUCCESS, 2497, 4, "ABSOLUTE 2497 x7: 4 rows, 3 SQL_ROW_NOROW");
    seven(st, SQL_FETCH_NEXT, 0, SQL_NO_DATA, 0, 0, "NEXT past the end x7");
    seven(st, SQL_FETCH_PRIOR, 0, SQL_SUCCESS, 2494, 7, "PRIOR from after the end x7");
    seven(st, SQL_FETCH_ABSOLUTE, 3, SQL_SUCCESS, 3, 7, "ABSOLUTE 3 x7");
    seven(st, SQL_FETCH_PRIOR, 0, SQL_SUCCESS_WITH_INFO, 1, 7, "PRIOR from row 3 x7: row 1, 01S06");
    seven(st, SQL_FETCH_RELATIVE, -3, SQL_NO_DATA, 0, 0, "RELATIVE -3 from row 1: before the start");
    seven(st, SQL_FETCH_ABSOLUTE, 10, SQL_SUCCESS, 10, 7, "ABSOLUTE 10 x7");
    seven(st, SQL_FETCH_RELATIVE, -12, SQL_NO_DATA, 0, 0, "RELATIVE -12 from row 10 x7: before the start");
    seven(st, SQL_FETCH_ABSOLUTE, 10, SQL_SUCCESS, 10, 7, "ABSOLUTE 10 x7 again");
    seven(st, SQL_FETCH_RELATIVE, -9, SQL_SUCCESS, 1, 7, "RELATIVE -9 from row 10 x7: row 1");
    seven(st, SQL_FETCH_ABSOLUTE, 5, SQL_SUCCESS, 5, 7, "ABSOLUTE 5 x7");
    seven(st, SQL_FETCH_RELATIVE, -7, SQL_SUCCESS_WITH_INFO, 1, 7, "RELATIVE -7 from row 5 x7: row 1, 01S06");
    seven(st, SQL_FETCH_ABSOLUTE, -5, SQL_SUCCESS, 2496, 5, "ABSOLUTE -5 x7");
    seven(st, SQL_FETCH_ABSOLUTE, -2503, SQL_NO_DATA, 0, 0, "ABSOLUTE -2503 x7: before the start");
    seven(st, SQL_FETCH_LAST, 0, SQL_SUCCESS, 2494, 7, "LAST x7");
    /* SQLSetPos + SQLGetData on the third row of the rowset */
    CHECK_RC(SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQLSetPos(3, SQL_POSITION)");
    char text[32] = "";
    SQLLEN ind = 0;
    CHECK_RC(SQLGetData(st, 2, SQL_C_CHAR, text, sizeof text, &ind), SQL_SUCCESS, "SQLGetData on row 3");
    CHECK_STR(text, "2496", "SQLGetData on row 3 of the rowset of LAST");
    SQLULEN rownum = 0;
    SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rownum, 0, NULL);
    CHECK_INT(rownum, 2496, "SQL_ATTR_ROW_NUMBER after SQLSetPos");
    CHECK_RC(SQLSetPos(st, 8, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_ERROR, "SQLSetPos(8) on 7 rows");
    /* rowset size changed between fetches: the rules use the new size */
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0);
    rowset_size = 3;
    seven(st, SQL_FETCH_PRIOR, 0, SQL_SUCCESS, 2491, 3, "PRIOR with a rowset of 3");
    rowset_size = 7;
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* a result of 5 rows, smaller than the rowset */
    st = open_static(dbc, "SELECT n FROM numbers WHERE n <= 5 ORDER BY n", 7);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    SQLBindCol(st, 1, SQL_C_SBIGINT, ns, 0, inds);
    seven(st, SQL_FETCH_ABSOLUTE, -6, SQL_SUCCESS_WITH_INFO, 1, 5, "ABSOLUTE -6 of 5 rows x7: row 1, 01S06");
    seven(st, SQL_FETCH_ABSOLUTE, -8, SQL_NO_DATA, 0, 0, "ABSOLUTE -8 of 5 rows x7: before the start");
    seven(st, SQL_FETCH_LAST, 0, SQL_SUCCESS, 1, 5, "LAST of 5 rows x7: row 1");
    seven(st, SQL_FETCH_NEXT, 0, SQL_NO_DATA, 0, 0, "NEXT of 5 rows x7: after the end");
    seven(st, SQL_FETCH_PRIOR, 0, SQL_SUCCESS_WITH_INFO, 1, 5, "PRIOR from after the end of 5 rows x7: row 1, 01S06");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* SQLFetch reads a static cursor in order, and SQLExtendedFetch scrolls it. */
static void test_fetch_and_extended(SQLHDBC dbc)
{
    SQLHSTMT st = open_static(dbc, SQL, 1);
    SQLBindCol(st, 1, SQL_C_SBIGINT, &n_val, 0, &n_ind);
    long long n = 0;
    bool in_order = true;
    while (SQLFetch(st) == SQL_SUCCESS)
        in_order = in_order && n_val == ++n;
    CHECK_INT(n, ROWS, "SQLFetch reads every row of a static cursor");
    CHECK(in_order, "in order");
    SQLLEN count = 0;
    SQLRowCount(st, &count);
    CHECK_INT(count, ROWS, "SQLRowCount after SQLFetch reached the end");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0);
    SQLSetStmtAttr(st, SQL_ROWSET_SIZE, (SQLPOINTER)7, 0);
    SQLExecDirect(st, (SQLCHAR *)SQL, SQL_NTS);
    SQLBindCol(st, 1, SQL_C_SBIGINT, ns, 0, inds);
    SQLUSMALLINT ext_status[7];
    SQLULEN rows = 0;
    memset(ns, 0, sizeof ns);
    CHECK_RC(SQLExtendedFetch(st, SQL_FETCH_ABSOLUTE, 100, &rows, ext_status), SQL_SUCCESS,
             "SQLExtendedFetch ABSOLUTE 100");
    CHECK_INT(rows, 7, "SQLExtendedFetch: 7 rows");
    CHECK(ns[0] == 100 && ns[6] == 106 && ext_status[0] == SQL_ROW_SUCCESS && ext_status[6] == SQL_ROW_SUCCESS,
          "SQLExtendedFetch: rows 100..106");
    CHECK_RC(SQLExtendedFetch(st, SQL_FETCH_LAST, 0, &rows, ext_status), SQL_SUCCESS, "SQLExtendedFetch LAST");
    CHECK(rows == 7 && ns[0] == 2494 && ns[6] == 2500, "SQLExtendedFetch LAST: rows 2494..2500");
    CHECK_RC(SQLExtendedFetch(st, SQL_FETCH_NEXT, 0, &rows, ext_status), SQL_NO_DATA,
             "SQLExtendedFetch NEXT after the last rowset");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_limits(SQLHDBC dbc)
{
    /* SQL_ATTR_MAX_ROWS bounds the static cursor's result */
    SQLHSTMT st = SQL_NULL_HSTMT;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0);
    SQLSetStmtAttr(st, SQL_ATTR_MAX_ROWS, (SQLPOINTER)100, 0);
    SQLExecDirect(st, (SQLCHAR *)SQL, SQL_NTS);
    SQLBindCol(st, 1, SQL_C_SBIGINT, &n_val, 0, &n_ind);
    one(st, SQL_FETCH_LAST, 0, SQL_SUCCESS, 100, "LAST with SQL_ATTR_MAX_ROWS 100");
    one(st, SQL_FETCH_ABSOLUTE, 101, SQL_NO_DATA, 0, "ABSOLUTE 101 with SQL_ATTR_MAX_ROWS 100");
    SQLLEN count = 0;
    SQLRowCount(st, &count);
    CHECK_INT(count, 100, "SQLRowCount with SQL_ATTR_MAX_ROWS 100");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* an empty result */
    st = open_static(dbc, "SELECT n, n_text FROM numbers WHERE n < 0", 1);
    SQLBindCol(st, 1, SQL_C_SBIGINT, &n_val, 0, &n_ind);
    one(st, SQL_FETCH_FIRST, 0, SQL_NO_DATA, 0, "FIRST on an empty result");
    one(st, SQL_FETCH_LAST, 0, SQL_NO_DATA, 0, "LAST on an empty result");
    one(st, SQL_FETCH_PRIOR, 0, SQL_NO_DATA, 0, "PRIOR on an empty result");
    SQLLEN count0 = -5;
    SQLRowCount(st, &count0);
    CHECK_INT(count0, 0, "SQLRowCount of an empty result");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* a static SQLGetTypeInfo result scrolls too */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, (SQLPOINTER)SQL_SCROLLABLE, 0);
    SQLGetTypeInfo(st, SQL_ALL_TYPES);
    CHECK_RC(SQLFetchScroll(st, SQL_FETCH_LAST, 0), SQL_SUCCESS, "SQLGetTypeInfo: LAST");
    CHECK_RC(SQLFetchScroll(st, SQL_FETCH_FIRST, 0), SQL_SUCCESS, "SQLGetTypeInfo: FIRST");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_attributes(SQLHDBC dbc)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLULEN v = 0;
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
    CHECK_INT(v, SQL_CURSOR_FORWARD_ONLY, "the default cursor is forward-only");
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_KEYSET_DRIVEN, 0),
             SQL_SUCCESS_WITH_INFO, "a keyset-driven cursor");
    CHECK_STATE(SQL_HANDLE_STMT, st, "01S02", "keyset-driven becomes static");
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
    CHECK_INT(v, SQL_CURSOR_STATIC, "keyset-driven became static");
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_DYNAMIC, 0),
             SQL_SUCCESS_WITH_INFO, "a dynamic cursor becomes static");
    SQLSetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, (SQLPOINTER)SQL_NONSCROLLABLE, 0);
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
    CHECK_INT(v, SQL_CURSOR_FORWARD_ONLY, "SQL_NONSCROLLABLE: forward-only");
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, (SQLPOINTER)SQL_SCROLLABLE, 0), SQL_SUCCESS,
             "SQL_SCROLLABLE");
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
    CHECK_INT(v, SQL_CURSOR_STATIC, "SQL_SCROLLABLE: static");
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, &v, 0, NULL);
    CHECK_INT(v, SQL_SCROLLABLE, "SQL_ATTR_CURSOR_SCROLLABLE reads back");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* a forward-only cursor still refuses to scroll */
    SQLRETURN rc;
    st = test_exec(dbc, SQL, &rc);
    CHECK_RC(SQLFetchScroll(st, SQL_FETCH_PRIOR, 0), SQL_ERROR, "PRIOR on a forward-only cursor");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY106", "PRIOR on a forward-only cursor");
    CHECK_INT(spool_files(), 0, "a forward-only cursor has no temporary file");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    SQLUINTEGER a1 = 0, so = 0, fd = 0;
    SQLGetInfo(dbc, SQL_STATIC_CURSOR_ATTRIBUTES1, &a1, sizeof a1, NULL);
    CHECK_INT(a1, SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE | SQL_CA1_LOCK_NO_CHANGE | SQL_CA1_POS_POSITION,
              "SQL_STATIC_CURSOR_ATTRIBUTES1");
    SQLGetInfo(dbc, SQL_SCROLL_OPTIONS, &so, sizeof so, NULL);
    CHECK_INT(so, SQL_SO_FORWARD_ONLY | SQL_SO_STATIC, "SQL_SCROLL_OPTIONS");
    SQLGetInfo(dbc, SQL_FETCH_DIRECTION, &fd, sizeof fd, NULL);
    CHECK(fd & SQL_FD_FETCH_PRIOR, "SQL_FETCH_DIRECTION has SQL_FD_FETCH_PRIOR");
}

/* The temporary file cannot be created: a clear error, not a crash. */
static void test_no_temp_dir(SQLHDBC dbc)
{
    setenv("TMPDIR", "/nonexistent-athena-odbc-dir", 1);
    setenv("ATHENA_ODBC_SCROLL_WINDOW", "0", 1);
    SQLHSTMT st = open_static(dbc, SQL, 1);
    CHECK_RC(SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 10), SQL_ERROR, "no temporary directory: the fetch fails");
    char state[6], msg[512];
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_STR(state, "HY000", "no temporary directory: HY000");
    CHECK(strstr(msg, "cannot create the scrollable cursor's temporary file: No such file or directory") != NULL,
          "no temporary directory: the message says so (%s)", msg);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    unsetenv("TMPDIR");
    setenv("ATHENA_ODBC_SCROLL_WINDOW", "4096", 1);
}

int main(void)
{
    setenv("ATHENA_ODBC_SCROLL_WINDOW", "4096", 1);
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != SQL_NULL_HDBC, "connect");
    if (!dbc)
        return th_done();
    test_attributes(dbc);
    test_rowset_1(dbc);
    test_rowset_7(dbc);
    test_fetch_and_extended(dbc);
    test_limits(dbc);
    test_no_temp_dir(dbc);
    test_disconnect(dbc);
    return th_done();
}

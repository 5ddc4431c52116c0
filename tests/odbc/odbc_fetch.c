/* odbc_fetch.c - fetching: paging through GetQueryResults (header rule,
 * page sizes), the 1,000,000-row result, SQLBindCol and SQLGetData with
 * natural C types, long values in pieces, NULLs, .txt results, block fetches.
 * ATHENA_TEST_QUICK=1 (used under valgrind) reads 20,000 rows instead of 1,000,000. */
#include "odbc_util.h"

static bool quick(void) { return getenv("ATHENA_TEST_QUICK") != NULL; }

static void test_paging(void)
{
    /* page sizes that split the rows every way around the header row */
    static const int sizes[] = {1, 2, 7, 999, 1000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        char extra[64];
        snprintf(extra, sizeof extra, "RowsToFetchPerBlock=%d", sizes[i]);
        SQLHDBC dbc = test_connect(extra);
        if (!dbc) {
            CHECK(0, "connect with %s", extra);
            continue;
        }
        int want_rows = sizes[i] < 10 ? 23 : 2500;
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT n FROM numbers WHERE n <= %d ORDER BY n", want_rows);
        SQLRETURN rc;
        SQLHSTMT st = test_exec(dbc, sql, &rc);
        SQLBIGINT v = 0;
        SQLLEN ind = 0;
        SQLBindCol(st, 1, SQL_C_SBIGINT, &v, 0, &ind);
        int n = 0, in_order = 1;
        while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
            n++;
            if (v != n)
                in_order = 0;
        }
        CHECK_RC(rc, SQL_NO_DATA, "ends with SQL_NO_DATA");
        CHECK_INT(n, want_rows, extra);
        CHECK(in_order, "%s: every row once, in order, no header row", extra);
        CHECK_RC(SQLFetch(st), SQL_NO_DATA, "SQL_NO_DATA again after the end");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        test_disconnect(dbc);
    }
}

static void test_big(SQLHDBC dbc)
{
    long long limit = quick() ? 20000 : 1000000;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT n, n_text FROM numbers WHERE n <= %lld", limit);
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    CHECK_RC(rc, SQL_SUCCESS, "execute the big query");
    SQLBIGINT v = 0;
    char text[32];
    SQLLEN ind1 = 0, ind2 = 0;
    SQLBindCol(st, 1, SQL_C_SBIGINT, &v, 0, &ind1);
    SQLBindCol(st, 2, SQL_C_CHAR, text, sizeof text, &ind2);
    long long count = 0, sum = 0, text_ok = 0;
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        count++;
        sum += v;
        if (ind2 > 0 && atoll(text) == v)
            text_ok++;
    }
    CHECK_INT(count, limit, "rows of the big result");
    CHECK_INT(sum, limit * (limit + 1) / 2, "sum of n");
    CHECK_INT(text_ok, limit, "n_text matches n on every row");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_types_bound(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc,
        "SELECT true, CAST(-128 AS TINYINT), CAST(32767 AS SMALLINT), 2147483647, 9223372036854775807, "
        "CAST(0.5 AS REAL), 0.25E0, CAST(12.5 AS DECIMAL(10,2)), DATE '2017-01-02', "
        "TIMESTAMP '2017-01-01 12:34:56.789', 'héllo', from_hex('313233')", &rc);
    CHECK_RC(rc, SQL_SUCCESS, "execute the typed literals");
    unsigned char bit = 9;
    signed char ti = 0;
    short si = 0;
    SQLINTEGER i = 0;
    SQLBIGINT bi = 0;
    SQLREAL r = 0;
    SQLDOUBLE d = 0;
    char dec[16];
    SQL_DATE_STRUCT date;
    SQL_TIMESTAMP_STRUCT ts;
    char str[16];
    unsigned char bin[8];
    SQLLEN ind[12];
    SQLBindCol(st, 1, SQL_C_BIT, &bit, 0, &ind[0]);
    SQLBindCol(st, 2, SQL_C_STINYINT, &ti, 0, &ind[1]);
    SQLBindCol(st, 3, SQL_C_SSHORT, &si, 0, &ind[2]);
    SQLBindCol(st, 4, SQL_C_SLONG, &i, 0, &ind[3]);
    SQLBindCol(st, 5, SQL_C_SBIGINT, &bi, 0, &ind[4]);
    SQLBindCol(st, 6, SQL_C_FLOAT, &r, 0, &ind[5]);
    SQLBindCol(st, 7, SQL_C_DOUBLE, &d, 0, &ind[6]);
    SQLBindCol(st, 8, SQL_C_CHAR, dec, sizeof dec, &ind[7]);
    SQLBindCol(st, 9, SQL_C_TYPE_DATE, &date, 0, &ind[8]);
    SQLBindCol(st, 10, SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind[9]);
    SQLBindCol(st, 11, SQL_C_CHAR, str, sizeof str, &ind[10]);
    SQLBindCol(st, 12, SQL_C_BINARY, bin, sizeof bin, &ind[11]);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch the typed row");
    CHECK_INT(bit, 1, "boolean -> SQL_C_BIT");
    CHECK_INT(ti, -128, "tinyint");
    CHECK_INT(si, 32767, "smallint");
    CHECK_INT(i, 2147483647, "integer");
    CHECK_INT(bi, 9223372036854775807LL, "bigint");
    CHECK_DBL(r, 0.5, "real");
    CHECK_DBL(d, 0.25, "double");
    CHECK_STR(dec, "12.50", "decimal as text keeps its scale");
    CHECK_INT(ind[7], 5, "decimal text length");
    CHECK(date.year == 2017 && date.month == 1 && date.day == 2, "date struct %d-%d-%d", date.year, date.month, date.day);
    CHECK(ts.year == 2017 && ts.month == 1 && ts.day == 1 && ts.hour == 12 && ts.minute == 34 && ts.second == 56 &&
          ts.fraction == 789000000, "timestamp struct, fraction in ns: %u", (unsigned)ts.fraction);
    CHECK_STR(str, "h\xc3\xa9llo", "UTF-8 text");
    CHECK_INT(ind[10], 6, "UTF-8 byte length");
    CHECK_INT(ind[11], 3, "varbinary length");
    CHECK_MEM(bin, "123", 3, "varbinary bytes");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_describe(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT 1 AS a, CAST(1.5 AS DECIMAL(10,2)) AS b, 'x' AS c, n FROM numbers LIMIT 0", &rc);
    CHECK_RC(rc, SQL_SUCCESS, "an empty result");
    char name[64];
    SQLSMALLINT len, type, digits, nullable;
    SQLULEN size;
    CHECK_RC(SQLDescribeCol(st, 1, (SQLCHAR *)name, sizeof name, &len, &type, &size, &digits, &nullable),
             SQL_SUCCESS, "SQLDescribeCol 1");
    CHECK_STR(name, "a", "name");
    CHECK_INT(type, SQL_INTEGER, "integer type");
    CHECK_INT(size, 10, "integer size");
    CHECK_INT(nullable, SQL_NULLABLE_UNKNOWN, "nullable unknown");
    SQLDescribeCol(st, 2, (SQLCHAR *)name, sizeof name, &len, &type, &size, &digits, &nullable);
    CHECK_INT(type, SQL_DECIMAL, "decimal type");
    CHECK_INT(size, 10, "decimal precision");
    CHECK_INT(digits, 2, "decimal scale");
    SQLDescribeCol(st, 3, (SQLCHAR *)name, sizeof name, &len, &type, &size, &digits, &nullable);
    CHECK_INT(type, SQL_VARCHAR, "varchar type");
    SQLDescribeCol(st, 4, (SQLCHAR *)name, sizeof name, &len, &type, &size, &digits, &nullable);
    CHECK_STR(name, "n", "column name from the table");
    CHECK_INT(type, SQL_BIGINT, "bigint type");
    CHECK_RC(SQLDescribeCol(st, 5, (SQLCHAR *)name, sizeof name, &len, &type, &size, &digits, &nullable),
             SQL_ERROR, "column 5 does not exist");
    CHECK_STATE(SQL_HANDLE_STMT, st, "07009", "bad column");
    CHECK_RC(SQLDescribeCol(st, 1, (SQLCHAR *)name, 1, &len, &type, &size, &digits, &nullable),
             SQL_SUCCESS_WITH_INFO, "name truncated");
    SQLLEN num = 0;
    char tname[64];
    SQLColAttribute(st, 4, SQL_DESC_TYPE_NAME, tname, sizeof tname, &len, NULL);
    CHECK_STR(tname, "bigint", "SQL_DESC_TYPE_NAME");
    SQLColAttribute(st, 3, SQL_DESC_CASE_SENSITIVE, NULL, 0, NULL, &num);
    CHECK_INT(num, SQL_TRUE, "varchar is case sensitive");
    SQLColAttribute(st, 1, SQL_DESC_CASE_SENSITIVE, NULL, 0, NULL, &num);
    CHECK_INT(num, SQL_FALSE, "integer is not");
    SQLColAttribute(st, 1, SQL_DESC_DISPLAY_SIZE, NULL, 0, NULL, &num);
    CHECK_INT(num, 11, "integer display size");
    CHECK_RC(SQLFetch(st), SQL_NO_DATA, "no rows");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* StringColumnLength, ComplexTypeColumnLength and UseWCharForStringTypes
 * change what string columns report. */
static void test_string_keys(void)
{
    SQLHDBC dbc = test_connect("UseWCharForStringTypes=1;StringColumnLength=1000;ComplexTypeColumnLength=4000");
    CHECK(dbc != NULL, "connect with the string keys");
    if (!dbc)
        return;
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT c_varchar, c_varchar10, c_char, c_array_int, c_map FROM all_types WHERE id = 1", &rc);
    SQLSMALLINT type, digits, nullable, len;
    SQLULEN size;
    char name[64];
    static const struct { SQLSMALLINT type; SQLULEN size; } want[] = {
        {SQL_WVARCHAR, 1000}, {SQL_WVARCHAR, 10}, {SQL_WCHAR, 5}, {SQL_WVARCHAR, 4000}, {SQL_WVARCHAR, 4000}};
    for (SQLUSMALLINT i = 1; i <= 5; i++) {
        SQLDescribeCol(st, i, (SQLCHAR *)name, sizeof name, &len, &type, &size, &digits, &nullable);
        CHECK(type == want[i - 1].type && size == want[i - 1].size, "%s: type %d size %lu, want %d %lu", name, type,
              (unsigned long)size, want[i - 1].type, (unsigned long)want[i - 1].size);
    }
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch");
    char buf[64];
    SQLLEN ind;
    SQLGetData(st, 3, SQL_C_CHAR, buf, sizeof buf, &ind);
    CHECK_STR(buf, "ab   ", "char(5) keeps its padding");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

static void test_getdata_pieces(SQLHDBC dbc)
{
    SQLRETURN rc;
    /* 26 letters * 4 = 104 characters */
    SQLHSTMT st = test_exec(dbc, "SELECT rpad('', 104, 'abcdefghijklmnopqrstuvwxyz'), NULL, ''", &rc);
    CHECK_RC(rc, SQL_SUCCESS, "execute");
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch");
    char buf[11];
    SQLLEN ind = 0;
    char whole[200] = "";
    int pieces = 0;
    while ((rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind)) != SQL_NO_DATA) {
        if (pieces == 0) {
            CHECK_RC(rc, SQL_SUCCESS_WITH_INFO, "first piece truncated");
            CHECK_STATE(SQL_HANDLE_STMT, st, "01004", "first piece");
            CHECK_INT(ind, 104, "first piece: total length");
        }
        if (pieces == 1)
            CHECK_INT(ind, 94, "second piece: what remains");
        if (rc == SQL_ERROR)
            break;
        strcat(whole, buf);
        pieces++;
        if (pieces > 20)
            break;
    }
    CHECK_INT(pieces, 11, "ten full pieces and the rest");
    CHECK_INT(strlen(whole), 104, "every character once");
    CHECK(strncmp(whole, "abcdefghijklmnopqrstuvwxyzabcd", 30) == 0, "pieces in order");
    CHECK_RC(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_NO_DATA, "SQL_NO_DATA after the end");

    CHECK_RC(SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, NULL), SQL_ERROR, "NULL without an indicator");
    CHECK_STATE(SQL_HANDLE_STMT, st, "22002", "indicator required");
    CHECK_RC(SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_SUCCESS, "NULL");
    CHECK_INT(ind, SQL_NULL_DATA, "NULL indicator");
    CHECK_RC(SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_NO_DATA, "NULL already returned");
    CHECK_RC(SQLGetData(st, 3, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_SUCCESS, "empty string");
    CHECK_INT(ind, 0, "empty string is not NULL");
    CHECK_STR(buf, "", "empty string");
    CHECK_RC(SQLGetData(st, 4, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_ERROR, "column 4 does not exist");
    CHECK_STATE(SQL_HANDLE_STMT, st, "07009", "bad column");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_conversion_errors(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT 'abc', 300, 2.75E0, 'not a date'", &rc);
    SQLFetch(st);
    SQLINTEGER i;
    signed char t;
    SQLLEN ind;
    CHECK_RC(SQLGetData(st, 1, SQL_C_SLONG, &i, 0, &ind), SQL_ERROR, "text to integer");
    CHECK_STATE(SQL_HANDLE_STMT, st, "22018", "invalid character value");
    CHECK_RC(SQLGetData(st, 2, SQL_C_STINYINT, &t, 0, &ind), SQL_ERROR, "300 into a tinyint");
    CHECK_STATE(SQL_HANDLE_STMT, st, "22003", "out of range");
    CHECK_RC(SQLGetData(st, 3, SQL_C_SLONG, &i, 0, &ind), SQL_SUCCESS_WITH_INFO, "2.75 into an integer");
    CHECK_STATE(SQL_HANDLE_STMT, st, "01S07", "fractional truncation");
    CHECK_INT(i, 2, "truncated toward zero");
    SQL_DATE_STRUCT d;
    CHECK_RC(SQLGetData(st, 4, SQL_C_TYPE_DATE, &d, 0, &ind), SQL_ERROR, "text that is no date");
    CHECK_STATE(SQL_HANDLE_STMT, st, "22018", "invalid date text");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_txt_results(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SHOW TABLES IN sampledb", &rc);
    CHECK_RC(rc, SQL_SUCCESS, "SHOW TABLES");
    SQLSMALLINT n = 0;
    SQLNumResultCols(st, &n);
    CHECK_INT(n, 1, "SHOW TABLES has one column");
    char name[128];
    SQLLEN ind;
    char listed[512] = "";
    while (SQL_SUCCEEDED(SQLFetch(st))) {
        SQLGetData(st, 1, SQL_C_CHAR, name, sizeof name, &ind);
        strncat(listed, name, sizeof listed - strlen(listed) - 2);
        strcat(listed, ",");
    }
    CHECK_STR(listed, "all_types,elb_errors,elb_logs,impressions,numbers,",
              "every table and view of sampledb, one per row, no header row");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    st = test_exec(dbc, "DESCRIBE numbers", &rc);
    CHECK_RC(rc, SQL_SUCCESS, "DESCRIBE");
    SQLNumResultCols(st, &n);
    CHECK_INT(n, 3, "DESCRIBE has three columns");
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "first DESCRIBE row");
    char type[64];
    SQLGetData(st, 1, SQL_C_CHAR, name, sizeof name, &ind);
    SQLGetData(st, 2, SQL_C_CHAR, type, sizeof type, &ind);
    CHECK_STR(name, "n", "first column's name, split from the tab-separated line and trimmed");
    CHECK_STR(type, "bigint", "its type");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_block_fetch(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    enum { ROWS = 8 };
    SQLBIGINT vals[ROWS];
    SQLLEN inds[ROWS];
    SQLUSMALLINT status[ROWS];
    SQLULEN fetched = 0;
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)ROWS, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    SQLExecDirect(st, (SQLCHAR *)"SELECT n FROM numbers WHERE n <= 20 ORDER BY n", SQL_NTS);
    SQLBindCol(st, 1, SQL_C_SBIGINT, vals, 0, inds);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "first block");
    CHECK_INT(fetched, 8, "8 rows");
    CHECK(vals[0] == 1 && vals[7] == 8 && status[7] == SQL_ROW_SUCCESS, "rows 1..8");
    CHECK_RC(SQLFetchScroll(st, SQL_FETCH_NEXT, 0), SQL_SUCCESS, "second block");
    CHECK(vals[0] == 9 && vals[7] == 16, "rows 9..16");
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "last, partial block");
    CHECK_INT(fetched, 4, "4 rows left");
    CHECK(vals[3] == 20 && status[3] == SQL_ROW_SUCCESS && status[4] == SQL_ROW_NOROW, "rows 17..20, then NOROW");
    CHECK_RC(SQLFetch(st), SQL_NO_DATA, "end");
    CHECK_RC(SQLFetchScroll(st, SQL_FETCH_PRIOR, 0), SQL_ERROR, "forward only");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY106", "fetch type out of range");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Row-wise binding with a bind offset, per-row conversion errors in the
 * status array, SQLSetPos + SQLGetData inside a block, SQLExtendedFetch,
 * SQL_ATTR_RETRIEVE_DATA off. */
struct row_buf {
    SQLINTEGER n;
    SQLLEN n_ind;
    signed char small;
    SQLLEN small_ind;
    char text[8];
    SQLLEN text_ind;
};

static void test_row_wise(SQLHDBC dbc)
{
    enum { ROWS = 4 };
    struct row_buf rows[ROWS + 1];
    SQLUSMALLINT status[ROWS];
    SQLULEN fetched = 0;
    SQLLEN offset = (SQLLEN)sizeof(struct row_buf); /* bind to rows[0], read into rows[1..] */
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)ROWS, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)sizeof(struct row_buf), 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_OFFSET_PTR, &offset, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0);
    SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    /* n * 60 overflows a tinyint from n = 3 on; the text is 9 characters on row 4 */
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT n, n * 60, rpad('', CAST(n AS INTEGER) * 2 + 1, 'x') "
                                          "FROM numbers WHERE n <= 6 ORDER BY n", SQL_NTS),
             SQL_SUCCESS, "execute for row-wise binding");
    SQLBindCol(st, 1, SQL_C_SLONG, &rows[0].n, 0, &rows[0].n_ind);
    SQLBindCol(st, 2, SQL_C_STINYINT, &rows[0].small, 0, &rows[0].small_ind);
    SQLBindCol(st, 3, SQL_C_CHAR, rows[0].text, sizeof rows[0].text, &rows[0].text_ind);
    memset(rows, 0, sizeof rows);
    SQLRETURN rc = SQLFetch(st);
    CHECK_RC(rc, SQL_SUCCESS_WITH_INFO, "a block with errors in some rows");
    CHECK_INT(fetched, 4, "four rows");
    CHECK(rows[1].n == 1 && rows[2].n == 2 && rows[3].n == 3 && rows[4].n == 4, "row-wise values at the offset");
    CHECK_INT(rows[1].small, 60, "row 1 tinyint");
    CHECK_INT(rows[2].small, 120, "row 2 tinyint");
    CHECK_INT(status[0], SQL_ROW_SUCCESS, "row 1 status");
    CHECK_INT(status[1], SQL_ROW_SUCCESS, "row 2 status");
    CHECK_INT(status[2], SQL_ROW_ERROR, "row 3: 180 does not fit a tinyint");
    CHECK_INT(status[3], SQL_ROW_ERROR, "row 4: 240 does not fit either");
    CHECK_STR(rows[3].text, "xxxxxxx", "row 3 text fits exactly");
    CHECK_STR(rows[4].text, "xxxxxxx", "row 4 text truncated");
    CHECK_INT(rows[4].text_ind, 9, "row 4 full length");
    SQLINTEGER nrec = 0;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_NUMBER, &nrec, 0, NULL);
    CHECK_INT(nrec, 3, "two range errors and one truncation");
    char state[6];
    SQLLEN rownum = 0;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_SQLSTATE, state, sizeof state, NULL);
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_ROW_NUMBER, &rownum, 0, NULL);
    CHECK_STR(state, "22003", "first record");
    CHECK_INT(rownum, 3, "first record's row number");

    /* SQLSetPos + SQLGetData inside the block */
    char buf[16];
    SQLLEN ind;
    CHECK_RC(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_SUCCESS, "GetData on row 1 of the block");
    CHECK_STR(buf, "1", "the cursor is on the first row after a block fetch");
    CHECK_RC(SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS, "SQLSetPos to row 3");
    CHECK_RC(SQLGetData(st, 3, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_SUCCESS, "GetData on row 3");
    CHECK_STR(buf, "xxxxxxx", "row 3's text");
    CHECK_RC(SQLSetPos(st, 5, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_ERROR, "row 5 of a 4-row block");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY107", "row out of range");
    CHECK_RC(SQLSetPos(st, 1, SQL_UPDATE, SQL_LOCK_NO_CHANGE), SQL_ERROR, "updates are refused");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HYC00", "read-only cursor");
    CHECK_RC(SQLSetPos(st, 1, SQL_REFRESH, SQL_LOCK_NO_CHANGE), SQL_ERROR, "SQL_REFRESH is not offered");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HYC00", "only SQL_POSITION");

    /* the last two rows, then the end */
    memset(rows, 0, sizeof rows);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS_WITH_INFO, "second block");
    CHECK_INT(fetched, 2, "two rows left");
    CHECK(rows[1].n == 5 && rows[2].n == 6 && status[2] == SQL_ROW_NOROW, "rows 5 and 6, then NOROW");
    CHECK_RC(SQLFetch(st), SQL_NO_DATA, "end");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* SQLExtendedFetch with its own counters; SQL_ATTR_RETRIEVE_DATA off leaves buffers alone */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLSetStmtAttr(st, SQL_ROWSET_SIZE, (SQLPOINTER)3, 0);
    SQLExecDirect(st, (SQLCHAR *)"SELECT n FROM numbers WHERE n <= 5 ORDER BY n", SQL_NTS);
    SQLINTEGER vals[3] = {0, 0, 0};
    SQLLEN inds[3];
    SQLULEN got = 0;
    SQLUSMALLINT est[3];
    SQLBindCol(st, 1, SQL_C_SLONG, vals, 0, inds);
    CHECK_RC(SQLExtendedFetch(st, SQL_FETCH_NEXT, 0, &got, est), SQL_SUCCESS, "SQLExtendedFetch");
    CHECK(got == 3 && vals[0] == 1 && vals[2] == 3 && est[2] == SQL_ROW_SUCCESS, "three rows through SQLExtendedFetch");
    SQLSetStmtAttr(st, SQL_ATTR_RETRIEVE_DATA, (SQLPOINTER)SQL_RD_OFF, 0);
    vals[0] = vals[1] = -7;
    CHECK_RC(SQLExtendedFetch(st, SQL_FETCH_NEXT, 0, &got, est), SQL_SUCCESS, "fetch with SQL_RD_OFF");
    CHECK(got == 2 && vals[0] == -7 && vals[1] == -7, "SQL_RD_OFF moves the cursor without filling buffers");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

int main(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect");
    if (!dbc)
        return th_done();
    test_big(dbc);
    test_types_bound(dbc);
    test_describe(dbc);
    test_getdata_pieces(dbc);
    test_conversion_errors(dbc);
    test_txt_results(dbc);
    test_block_fetch(dbc);
    test_row_wise(dbc);
    test_disconnect(dbc);
    test_string_keys();
    if (!quick())
        test_paging();
    return th_done();
}

/* odbc_desc.c - descriptors and attributes: the IRD describes the result,
 * ARD records are what SQLBindCol wrote, SQLSetDescField binds too, explicit
 * descriptors through SQL_ATTR_APP_ROW_DESC, SQLCopyDesc, SQL_C_NUMERIC with
 * the ARD's precision and scale, and the statement/connection attributes. */
#include "odbc_util.h"

static void test_ird(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT CAST(12.345 AS DECIMAL(10,3)) AS d, 'x' AS s, DATE '2020-01-02' AS dt", &rc);
    SQLHDESC ird = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_IMP_ROW_DESC, &ird, 0, NULL);
    SQLSMALLINT count = 0;
    CHECK_RC(SQLGetDescField(ird, 0, SQL_DESC_COUNT, &count, 0, NULL), SQL_SUCCESS, "IRD count");
    CHECK_INT(count, 3, "three columns");
    char name[32];
    SQLINTEGER len = 0;
    CHECK_RC(SQLGetDescField(ird, 1, SQL_DESC_NAME, name, sizeof name, &len), SQL_SUCCESS, "IRD name");
    CHECK_STR(name, "d", "column name");
    CHECK_INT(len, 1, "name length");
    SQLSMALLINT type = 0, prec = 0, scale = 0, nullable = 0, sub = 0;
    SQLGetDescField(ird, 1, SQL_DESC_CONCISE_TYPE, &type, 0, NULL);
    SQLGetDescField(ird, 1, SQL_DESC_PRECISION, &prec, 0, NULL);
    SQLGetDescField(ird, 1, SQL_DESC_SCALE, &scale, 0, NULL);
    CHECK(type == SQL_DECIMAL && prec == 10 && scale == 3, "decimal(10,3): type %d precision %d scale %d", type, prec, scale);
    SQLGetDescField(ird, 3, SQL_DESC_TYPE, &type, 0, NULL);
    SQLGetDescField(ird, 3, SQL_DESC_DATETIME_INTERVAL_CODE, &sub, 0, NULL);
    CHECK(type == SQL_DATETIME && sub == SQL_CODE_DATE, "date: verbose type %d, code %d", type, sub);
    SQLLEN octet = 0;
    SQLGetDescField(ird, 3, SQL_DESC_OCTET_LENGTH, &octet, 0, NULL);
    CHECK_INT(octet, sizeof(SQL_DATE_STRUCT), "date octet length");
    SQLLEN length = 0;
    CHECK_RC(SQLGetDescRec(ird, 2, (SQLCHAR *)name, sizeof name, NULL, &type, &sub, &length, &prec, &scale, &nullable),
             SQL_SUCCESS, "SQLGetDescRec on the IRD");
    CHECK_STR(name, "s", "record name");
    CHECK_INT(type, SQL_VARCHAR, "record type");
    CHECK_INT(nullable, SQL_NULLABLE_UNKNOWN, "record nullable");
    CHECK_RC(SQLSetDescField(ird, 1, SQL_DESC_NAME, (SQLPOINTER) "z", SQL_NTS), SQL_ERROR, "the IRD is read-only");
    CHECK_STATE(SQL_HANDLE_DESC, ird, "HY016", "cannot modify an IRD");
    CHECK_RC(SQLGetDescField(ird, 9, SQL_DESC_NAME, name, sizeof name, &len), SQL_ERROR, "IRD record 9");
    CHECK_STATE(SQL_HANDLE_DESC, ird, "07009", "bad descriptor index");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* real, double and decimal: SQLDescribeCol's size, SQL_DESC_PRECISION,
 * SQL_DESC_LENGTH and the radix agree (bits for the approximate types),
 * and a client that sizes a character buffer from them gets every value:
 * display size + 1 bytes always; column size + 2 bytes (node-odbc's choice)
 * for real and double, not for a negative decimal that uses every digit. */
static void test_numeric_sizes(SQLHDBC dbc)
{
    static const char *sql = "SELECT c_real, c_double, c_decimal, REAL '-1.00025285E-36' AS r15, "
                             "DOUBLE '-2.2250738585072014E-308' AS d24 FROM sampledb.all_types WHERE id = 2";
    static const struct {
        SQLSMALLINT type;
        SQLULEN size;
        SQLLEN display, radix;
        const char *text;
    } want[] = {{SQL_REAL, 24, 15, 2, "-3.4028235E38"},
                {SQL_DOUBLE, 53, 24, 2, "-1.7976931348623157E308"},
                {SQL_DECIMAL, 10, 12, 10, "-99999999.99"},
                {SQL_REAL, 24, 15, 2, "-1.00025285E-36"},
                {SQL_DOUBLE, 53, 24, 2, "-2.2250738585072014E-308"}};
    for (int pass = 0; pass < 2; pass++) {
        SQLRETURN rc;
        SQLHSTMT st = test_exec(dbc, sql, &rc);
        CHECK_RC(rc, SQL_SUCCESS, "execute");
        CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch");
        for (SQLUSMALLINT i = 1; i <= 5; i++) {
            char name[32], buf[64];
            SQLSMALLINT type = 0, digits = 0, nullable = 0, len = 0;
            SQLULEN size = 0;
            SQLLEN prec = 0, length = 0, display = 0, radix = 0, ind = 0;
            SQLDescribeCol(st, i, (SQLCHAR *)name, sizeof name, &len, &type, &size, &digits, &nullable);
            SQLColAttribute(st, i, SQL_DESC_PRECISION, NULL, 0, NULL, &prec);
            SQLColAttribute(st, i, SQL_DESC_LENGTH, NULL, 0, NULL, &length);
            SQLColAttribute(st, i, SQL_DESC_DISPLAY_SIZE, NULL, 0, NULL, &display);
            SQLColAttribute(st, i, SQL_DESC_NUM_PREC_RADIX, NULL, 0, NULL, &radix);
            if (pass == 0) {
                CHECK(type == want[i - 1].type && size == want[i - 1].size && (SQLULEN)prec == size &&
                          (SQLULEN)length == size && display == want[i - 1].display && radix == want[i - 1].radix,
                      "%s: type %d size %lu precision %ld length %ld display %ld radix %ld", name, type,
                      (unsigned long)size, (long)prec, (long)length, (long)display, (long)radix);
                CHECK_RC(SQLGetData(st, i, SQL_C_CHAR, buf, display + 1, &ind), SQL_SUCCESS, name);
                CHECK_STR(buf, want[i - 1].text, "in display size + 1 bytes");
            } else if (type == SQL_DECIMAL) {
                /* p + 2 bytes hold p + 1 characters: the last digit of -99999999.99 does not fit */
                CHECK_RC(SQLGetData(st, i, SQL_C_CHAR, buf, (SQLLEN)size + 2, &ind), SQL_SUCCESS_WITH_INFO, name);
                CHECK_STATE(SQL_HANDLE_STMT, st, "01004", "decimal(10,2) in 12 bytes");
                CHECK_STR(buf, "-99999999.9", "decimal(10,2) in 12 bytes: cut");
            } else {
                CHECK_RC(SQLGetData(st, i, SQL_C_CHAR, buf, (SQLLEN)size + 2, &ind), SQL_SUCCESS, name);
                CHECK_STR(buf, want[i - 1].text, "in column size + 2 bytes");
            }
        }
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

static void test_ard(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLHDESC ard = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, &ard, 0, NULL);
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    SQLBindCol(st, 1, SQL_C_SLONG, &v, 0, &ind);
    SQLSMALLINT count = 0, type = 0;
    SQLPOINTER ptr = NULL;
    SQLGetDescField(ard, 0, SQL_DESC_COUNT, &count, 0, NULL);
    CHECK_INT(count, 1, "SQLBindCol made ARD record 1");
    SQLGetDescField(ard, 1, SQL_DESC_CONCISE_TYPE, &type, 0, NULL);
    CHECK_INT(type, SQL_C_SLONG, "ARD type");
    SQLGetDescField(ard, 1, SQL_DESC_DATA_PTR, &ptr, 0, NULL);
    CHECK(ptr == &v, "ARD data pointer");

    /* bind column 2 through the descriptor: SQL_C_NUMERIC with precision and scale */
    SQL_NUMERIC_STRUCT num;
    SQLLEN num_ind = 0;
    CHECK_RC(SQLSetDescField(ard, 2, SQL_DESC_TYPE, (SQLPOINTER)SQL_C_NUMERIC, 0), SQL_SUCCESS, "ARD type numeric");
    SQLSetDescField(ard, 2, SQL_DESC_PRECISION, (SQLPOINTER)10, 0);
    SQLSetDescField(ard, 2, SQL_DESC_SCALE, (SQLPOINTER)2, 0);
    SQLSetDescField(ard, 2, SQL_DESC_INDICATOR_PTR, &num_ind, 0);
    SQLSetDescField(ard, 2, SQL_DESC_OCTET_LENGTH_PTR, &num_ind, 0);
    CHECK_RC(SQLSetDescField(ard, 2, SQL_DESC_DATA_PTR, &num, 0), SQL_SUCCESS, "ARD data pointer set last");
    CHECK_RC(SQLExecDirect(st, (SQLCHAR *)"SELECT 7, CAST(-12.345 AS DECIMAL(10,3))", SQL_NTS), SQL_SUCCESS, "execute");
    SQLRETURN rc = SQLFetch(st);
    CHECK_RC(rc, SQL_SUCCESS_WITH_INFO, "fetch into the descriptor-bound buffers: a digit is cut");
    CHECK_STATE(SQL_HANDLE_STMT, st, "01S07", "fractional truncation");
    CHECK_INT(v, 7, "bound int");
    CHECK(num.precision == 10 && num.scale == 2 && num.sign == 0, "numeric precision %d scale %d sign %d",
          num.precision, num.scale, num.sign);
    unsigned long long mant = 0;
    for (int i = 15; i >= 0; i--)
        mant = mant * 256 + num.val[i];
    CHECK(mant == 1234, "-12.345 at scale 2 is truncated to -12.34: mantissa %llu", mant);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_explicit_desc(SQLHDBC dbc)
{
    SQLHDESC desc;
    CHECK_RC(SQLAllocHandle(SQL_HANDLE_DESC, dbc, &desc), SQL_SUCCESS, "allocate a descriptor");
    SQLBIGINT vals[3];
    SQLLEN inds[3];
    SQLSetDescField(desc, 1, SQL_DESC_TYPE, (SQLPOINTER)SQL_C_SBIGINT, 0);
    SQLSetDescField(desc, 1, SQL_DESC_INDICATOR_PTR, inds, 0);
    SQLSetDescField(desc, 1, SQL_DESC_OCTET_LENGTH_PTR, inds, 0);
    SQLSetDescField(desc, 1, SQL_DESC_DATA_PTR, vals, 0);
    SQLSetDescField(desc, 0, SQL_DESC_ARRAY_SIZE, (SQLPOINTER)3, 0);
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, desc, 0), SQL_SUCCESS, "use it as the ARD");
    SQLExecDirect(st, (SQLCHAR *)"SELECT n FROM numbers WHERE n <= 3 ORDER BY n", SQL_NTS);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch 3 rows through the explicit ARD");
    CHECK(vals[0] == 1 && vals[1] == 2 && vals[2] == 3, "values 1, 2, 3");

    /* SQLCopyDesc: the IRD copied into another explicit descriptor gives the column types */
    SQLHDESC copy, ird;
    SQLAllocHandle(SQL_HANDLE_DESC, dbc, &copy);
    SQLGetStmtAttr(st, SQL_ATTR_IMP_ROW_DESC, &ird, 0, NULL);
    CHECK_RC(SQLCopyDesc(ird, copy), SQL_SUCCESS, "copy the IRD");
    SQLSMALLINT type = 0;
    SQLGetDescField(copy, 1, SQL_DESC_CONCISE_TYPE, &type, 0, NULL);
    CHECK_INT(type, SQL_BIGINT, "copied type");
    CHECK_RC(SQLCopyDesc(copy, ird), SQL_ERROR, "an IRD cannot be a target");

    /* freeing the explicit ARD puts the implicit one back */
    CHECK_RC(SQLFreeHandle(SQL_HANDLE_DESC, desc), SQL_SUCCESS, "free the explicit descriptor");
    SQLHDESC now = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_APP_ROW_DESC, &now, 0, NULL);
    CHECK(now != NULL && now != desc, "the statement uses its implicit ARD again");
    CHECK_RC(SQLFreeHandle(SQL_HANDLE_DESC, ird), SQL_ERROR, "implicit descriptors cannot be freed");
    SQLFreeHandle(SQL_HANDLE_DESC, copy);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_attributes(SQLHDBC dbc)
{
    SQLHSTMT st;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLULEN v = 99;
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_DYNAMIC, 0), SQL_SUCCESS_WITH_INFO,
             "a dynamic cursor is changed to static (odbc_scroll tests static cursors)");
    CHECK_STATE(SQL_HANDLE_STMT, st, "01S02", "option value changed");
    SQLGetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, &v, 0, NULL);
    CHECK_INT(v, SQL_CURSOR_STATIC, "static");
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, (SQLPOINTER)7, 0), SQL_ERROR,
             "SQL_ATTR_CURSOR_SCROLLABLE 7 refused");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY024", "invalid attribute value");
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_ASYNC_ENABLE, (SQLPOINTER)SQL_ASYNC_ENABLE_ON, 0), SQL_ERROR,
             "async refused");
    CHECK_RC(SQLSetStmtAttr(st, 12345, (SQLPOINTER)1, 0), SQL_ERROR, "unknown statement attribute");
    CHECK_STATE(SQL_HANDLE_STMT, st, "HY092", "invalid attribute");
    CHECK_RC(SQLSetStmtAttr(st, SQL_ATTR_NOSCAN, (SQLPOINTER)SQL_NOSCAN_ON, 0), SQL_SUCCESS, "noscan on");
    SQLGetStmtAttr(st, SQL_ATTR_NOSCAN, &v, 0, NULL);
    CHECK_INT(v, SQL_NOSCAN_ON, "noscan read back");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    SQLUINTEGER dead = 99;
    CHECK_RC(SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_DEAD, &dead, 0, NULL), SQL_SUCCESS, "connection dead?");
    CHECK_INT(dead, SQL_CD_FALSE, "alive");
    char cat[64];
    SQLINTEGER len = 0;
    CHECK_RC(SQLGetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, cat, sizeof cat, &len), SQL_SUCCESS, "current catalog");
    CHECK_STR(cat, "AwsDataCatalog", "the default catalog");
    CHECK_INT(len, 14, "its length");
    CHECK_RC(SQLSetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, (SQLPOINTER) "nosuchcatalog", SQL_NTS), SQL_SUCCESS,
             "switch the catalog");
    SQLGetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, cat, sizeof cat, &len);
    CHECK_STR(cat, "nosuchcatalog", "read back");
    char state[6], msg[512];
    SQLRETURN rc;
    st = test_exec(dbc, "SELECT count(*) FROM numbers", &rc);
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK(rc == SQL_ERROR, "queries now run in the unknown catalog and fail: [%s] %s", state, msg);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLSetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, (SQLPOINTER) "AwsDataCatalog", SQL_NTS);
    CHECK_STR(test_scalar(dbc, "SELECT count(*) FROM numbers"), "1000000", "back in AwsDataCatalog");
    CHECK_RC(SQLSetConnectAttr(dbc, SQL_ATTR_TXN_ISOLATION, (SQLPOINTER)SQL_TXN_READ_COMMITTED, 0), SQL_ERROR,
             "no isolation level can be set");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "HYC00", "no transactions");
    SQLUINTEGER iso = 99;
    SQLGetConnectAttr(dbc, SQL_ATTR_TXN_ISOLATION, &iso, 0, NULL);
    CHECK_INT(iso, 0, "isolation reads 0, as SQL_DEFAULT_TXN_ISOLATION says");
    CHECK_RC(SQLSetConnectAttr(dbc, 54321, (SQLPOINTER)1, 0), SQL_ERROR, "unknown connection attribute");
    CHECK_STATE(SQL_HANDLE_DBC, dbc, "HY092", "invalid attribute");
}

int main(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != NULL, "connect");
    if (!dbc)
        return th_done();
    test_ird(dbc);
    test_numeric_sizes(dbc);
    test_ard(dbc);
    test_explicit_desc(dbc);
    test_attributes(dbc);
    test_disconnect(dbc);
    return th_done();
}

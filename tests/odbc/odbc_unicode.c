/* odbc_unicode.c - the W (UTF-16) entry points through the unixODBC driver
 * manager, with characters outside the BMP (emoji, two SQLWCHARs each) in SQL
 * text, column aliases, data and diagnostics; length units (characters or
 * bytes) and truncation of every W function with string output; then the
 * same through ANSI calls on a connection made with SQLDriverConnectW (the
 * driver manager turns them into W calls), and on an ANSI connection.
 *
 * The driver manager sits between this program and the driver. Where
 * unixODBC 2.3.11 itself loses characters (it converts between the
 * application's ANSI strings and the driver's W strings as UCS-2, which has
 * no surrogate pairs), the checks are labelled "unixODBC limitation" and pin
 * what it does; docs/unicode.md explains. */
#include <dlfcn.h>
#include <locale.h>
#include <stdint.h>
#include <unistd.h>

#include "odbc_util.h"

#include <sqlucode.h>

/* ------------------------------------------------------------ UTF helpers */

/* A W string argument built from UTF-8 (one of a few rotating buffers). */
static SQLWCHAR *W(const char *s)
{
    static SQLWCHAR bufs[4][1024];
    static int i;
    i = (i + 1) % 4;
    to_w(s, bufs[i], 1024);
    return bufs[i];
}

/* UTF-16 (n units, or up to the NUL when n < 0) -> UTF-8 for comparison and
 * printing. A lone surrogate is shown as \uD83D so a split pair is visible. */
static const char *from_w(const SQLWCHAR *w, long n)
{
    static char bufs[4][4096];
    static int i;
    i = (i + 1) % 4;
    char *o = bufs[i];
    size_t k = 0;
    if (n < 0)
        for (n = 0; w[n]; n++)
            ;
    for (long j = 0; j < n && k < sizeof bufs[0] - 12; j++) {
        uint32_t cp = w[j];
        if (cp >= 0xD800 && cp <= 0xDBFF && j + 1 < n && w[j + 1] >= 0xDC00 && w[j + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (w[j + 1] - 0xDC00u);
            j++;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            k += (size_t)sprintf(o + k, "\\u%04X", (unsigned)cp);
            continue;
        }
        if (cp < 0x80) {
            o[k++] = (char)cp;
        } else if (cp < 0x800) {
            o[k++] = (char)(0xC0 | (cp >> 6));
            o[k++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            o[k++] = (char)(0xE0 | (cp >> 12));
            o[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            o[k++] = (char)(0x80 | (cp & 0x3F));
        } else {
            o[k++] = (char)(0xF0 | (cp >> 18));
            o[k++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            o[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            o[k++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    o[k] = '\0';
    return o;
}

/* Checks a NUL-terminated W buffer against UTF-8 text. */
#define CHECK_W(buf, want, what) CHECK_STR(from_w((buf), -1), (want), (what))

/* Bytes as hex, for checks whose point is the exact bytes. */
static const char *hex(const char *s, size_t n)
{
    static char bufs[2][1024];
    static int i;
    i = (i + 1) % 2;
    size_t k = 0;
    for (size_t j = 0; j < n && k + 3 < sizeof bufs[0]; j++)
        k += (size_t)sprintf(bufs[i] + k, "%02x", (unsigned char)s[j]);
    bufs[i][k] = '\0';
    return bufs[i];
}

/* A buffer filled with a marker, so that writes past the NUL show. */
#define MARK 0xAAAA
static void mark(SQLWCHAR *w, size_t n)
{
    for (size_t j = 0; j < n; j++)
        w[j] = MARK;
}

/* First diagnostic record through SQLGetDiagRecW: state and message as UTF-8. */
static void first_diag_w(SQLSMALLINT type, SQLHANDLE h, char state[6], char *msg, size_t msg_size)
{
    SQLWCHAR ws[6], wm[1024];
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    state[0] = '\0';
    msg[0] = '\0';
    if (SQL_SUCCEEDED(SQLGetDiagRecW(type, h, 1, ws, &native, wm, 1024, &len))) {
        snprintf(state, 6, "%s", from_w(ws, -1));
        snprintf(msg, msg_size, "%s", from_w(wm, -1));
    }
}

#define CHECK_STATE_W(type, h, want, what)                                                              \
    do {                                                                                                \
        char st_[6], msg_[2048];                                                                        \
        first_diag_w((type), (h), st_, msg_, sizeof msg_);                                              \
        CHECK(strcmp(st_, (want)) == 0, "%s: SQLSTATE %s (%s), want %s", (what), st_, msg_, (want));     \
    } while (0)

/* ------------------------------------------------------------- test data */

/* sampledb.all_types id 6 (tests/athena-local/src/engine/README.md). */
#define V10 "é日本😀"    /* c_varchar10: U+00E9 U+65E5 U+672C U+1F600 = 5 SQLWCHARs, 12 UTF-8 bytes */
#define VCHAR "ü😀   "   /* c_char (char(5)) */
#define VLONG "quote \" comma , tab \t newline \n é ü 日本 😀"  /* c_varchar */
#define MISSING_MSG "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.nope😀' does not exist"

static SQLHDBC connect_w(const char *extra)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    char in[1024];
    snprintf(in, sizeof in, "DSN=%s;%s", test_dsn(), extra ? extra : "");
    SQLRETURN rc = SQLDriverConnectW(dbc, NULL, W(in), SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc)) {
        char st[6], msg[1024];
        first_diag_w(SQL_HANDLE_DBC, dbc, st, msg, sizeof msg);
        printf("# SQLDriverConnectW failed: [%s] %s\n", st, msg);
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        return SQL_NULL_HDBC;
    }
    return dbc;
}

static SQLHSTMT exec_w(SQLHDBC dbc, const char *sql, SQLRETURN *rc_out)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLRETURN rc = SQLExecDirectW(st, W(sql), SQL_NTS);
    if (rc_out)
        *rc_out = rc;
    if (!SQL_SUCCEEDED(rc)) {
        char s[6], m[1024];
        first_diag_w(SQL_HANDLE_STMT, st, s, m, sizeof m);
        printf("# %s: [%s] %s\n", sql, s, m);
    }
    return st;
}

/* ========================================== a W form for every function */

/* Every ODBC function with string arguments that the driver exports has its
 * W form. The driver library is the one the driver manager loads for the
 * DSN's driver ("Athena ODBC"), found through SQLDrivers. */
static void test_w_forms_exported(void)
{
    static const char *const with_strings[] = {
        "SQLBrowseConnect", "SQLColAttribute", "SQLColAttributes", "SQLColumnPrivileges", "SQLColumns",
        "SQLConnect", "SQLDescribeCol", "SQLDriverConnect", "SQLError", "SQLExecDirect", "SQLForeignKeys",
        "SQLGetConnectAttr", "SQLGetConnectOption", "SQLGetCursorName", "SQLGetDescField", "SQLGetDescRec",
        "SQLGetDiagField", "SQLGetDiagRec", "SQLGetInfo", "SQLGetStmtAttr", "SQLGetTypeInfo", "SQLNativeSql",
        "SQLPrepare", "SQLPrimaryKeys", "SQLProcedureColumns", "SQLProcedures", "SQLSetConnectAttr",
        "SQLSetConnectOption", "SQLSetCursorName", "SQLSetDescField", "SQLSetStmtAttr", "SQLSpecialColumns",
        "SQLStatistics", "SQLTablePrivileges", "SQLTables",
    };
    char path[1024] = "";
    SQLCHAR desc[256], attrs[2048];
    SQLSMALLINT dl = 0, al = 0;
    SQLUSMALLINT dir = SQL_FETCH_FIRST;
    while (SQL_SUCCEEDED(SQLDrivers(test_env(), dir, desc, sizeof desc, &dl, attrs, sizeof attrs, &al))) {
        dir = SQL_FETCH_NEXT;
        if (strcmp((char *)desc, "Athena ODBC") != 0)
            continue;
        /* attributes: "key=value\0key=value\0\0" */
        for (const char *a = (const char *)attrs; *a; a += strlen(a) + 1)
            if (strncmp(a, "Driver=", 7) == 0)
                snprintf(path, sizeof path, "%s", a + 7);
    }
    CHECK(path[0] != '\0', "the Athena ODBC driver's library is registered");
    void *lib = path[0] ? dlopen(path, RTLD_LAZY | RTLD_LOCAL) : NULL;
    CHECK(lib != NULL, "dlopen the driver: %s", lib ? "ok" : dlerror());
    if (!lib)
        return;
    int exported = 0;
    for (size_t i = 0; i < sizeof with_strings / sizeof with_strings[0]; i++) {
        if (!dlsym(lib, with_strings[i]))
            continue;
        exported++;
        char w[64];
        snprintf(w, sizeof w, "%sW", with_strings[i]);
        CHECK(dlsym(lib, w) != NULL, "%s is exported, and so is %s", with_strings[i], w);
    }
    CHECK(exported >= 18, "the driver exports %d functions with string arguments", exported);
    dlclose(lib);
}

/* ============================================ W calls on a W connection */

static void test_driver_connect_w(void)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    char in[256];
    snprintf(in, sizeof in, "DSN=%s", test_dsn());
    SQLWCHAR out[1024];
    SQLSMALLINT out_len = -1;
    SQLRETURN rc = SQLDriverConnectW(dbc, NULL, W(in), SQL_NTS, out, 1024, &out_len, SQL_DRIVER_NOPROMPT);
    CHECK_RC(rc, SQL_SUCCESS, "SQLDriverConnectW");
    /* The completed string is not printed: it names the key id. */
    size_t full = 0;
    while (out[full])
        full++;
    CHECK_INT(out_len, full, "SQLDriverConnectW: StringLength2 counts characters");
    char prefix[64];
    snprintf(prefix, sizeof prefix, "DSN=%s;", test_dsn());
    CHECK(strncmp(from_w(out, -1), prefix, strlen(prefix)) == 0, "completed string starts with %s", prefix);
    SQLDisconnect(dbc);

    /* Truncated: BufferLength in characters, NUL included. */
    SQLWCHAR small[16];
    mark(small, 16);
    SQLSMALLINT small_len = -1;
    rc = SQLDriverConnectW(dbc, NULL, W(in), SQL_NTS, small, 10, &small_len, SQL_DRIVER_NOPROMPT);
    CHECK_RC(rc, SQL_SUCCESS_WITH_INFO, "SQLDriverConnectW into 10 characters");
    CHECK_INT(small_len, out_len, "truncated: StringLength2 is the full length in characters");
    CHECK_STR(from_w(small, 9), "DSN=athen", "truncated to 9 characters");
    CHECK_INT(small[9], 0, "NUL in the 10th character");
    CHECK_INT(small[10], MARK, "nothing written past BufferLength");
    CHECK_STATE_W(SQL_HANDLE_DBC, dbc, "01004", "truncated connection string");
    SQLDisconnect(dbc);

    /* A connect-time error whose message carries the emoji of the bad value. */
    snprintf(in, sizeof in, "DSN=%s;RowsToFetchPerBlock=😀", test_dsn());
    rc = SQLDriverConnectW(dbc, NULL, W(in), SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    CHECK_RC(rc, SQL_ERROR, "bad RowsToFetchPerBlock");
    char st[6], msg[1024];
    first_diag_w(SQL_HANDLE_DBC, dbc, st, msg, sizeof msg);
    CHECK_STR(st, "HY024", "bad value: SQLSTATE");
    CHECK(strstr(msg, "Invalid value '😀' for RowsToFetchPerBlock: expected an integer from 1 to 1000") != NULL,
          "bad value named with its emoji: %s", msg);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_connect_w(void)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    SQLRETURN rc = SQLConnectW(dbc, W(test_dsn()), SQL_NTS, NULL, 0, NULL, 0);
    CHECK_RC(rc, SQL_SUCCESS, "SQLConnectW with the DSN's own credentials");
    if (SQL_SUCCEEDED(rc)) {
        SQLHSTMT st = exec_w(dbc, "SELECT '😀' AS \"é\"", &rc);
        CHECK_RC(rc, SQL_SUCCESS, "query after SQLConnectW");
        SQLWCHAR v[8];
        SQLLEN ind = 0;
        CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch");
        CHECK_RC(SQLGetData(st, 1, SQL_C_WCHAR, v, sizeof v, &ind), SQL_SUCCESS, "SQL_C_WCHAR");
        CHECK_W(v, "😀", "value after SQLConnectW");
        CHECK_INT(ind, 4, "one emoji is 4 bytes of SQLWCHARs");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        SQLDisconnect(dbc);
    }
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

/* SQL text with emoji reaches Athena intact: Athena compares, measures and
 * encodes it. */
static void test_sql_text(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = exec_w(dbc,
                         "SELECT id, length('" V10 "') AS n, to_hex(to_utf8('😀')) AS h "
                         "FROM sampledb.all_types WHERE c_varchar10 = '" V10 "'",
                         &rc);
    CHECK_RC(rc, SQL_SUCCESS, "SQLExecDirectW with emoji in a literal and a WHERE clause");
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "the row whose c_varchar10 is " V10);
    SQLINTEGER id = 0;
    SQLBIGINT n = 0;
    SQLWCHAR h[32];
    SQLGetData(st, 1, SQL_C_SLONG, &id, 0, NULL);
    SQLGetData(st, 2, SQL_C_SBIGINT, &n, 0, NULL);
    SQLGetData(st, 3, SQL_C_WCHAR, h, sizeof h, NULL);
    CHECK_INT(id, 6, "matched row");
    CHECK_INT(n, 4, "Athena counts 4 characters in " V10);
    CHECK_W(h, "F09F9880", "Athena received U+1F600 as its UTF-8 bytes");
    CHECK_RC(SQLFetch(st), SQL_NO_DATA, "only one row");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* TextLength is in characters: 8 SQLWCHARs of a longer buffer. */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLWCHAR *sql = W("SELECT 1;not part of the statement");
    CHECK_RC(SQLExecDirectW(st, sql, 8), SQL_SUCCESS, "SQLExecDirectW with TextLength 8 characters");
    SQLINTEGER one = 0;
    SQLFetch(st);
    SQLGetData(st, 1, SQL_C_SLONG, &one, 0, NULL);
    CHECK_INT(one, 1, "statement cut at TextLength");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* "SELECT 'a😀b' AS x" is 18 SQLWCHARs: the emoji counts 2. */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    sql = W("SELECT 'a😀b' AS x;--");
    CHECK_RC(SQLExecDirectW(st, sql, 18), SQL_SUCCESS, "TextLength counts a surrogate pair as 2");
    SQLWCHAR v[16];
    SQLLEN ind = 0;
    SQLFetch(st);
    SQLGetData(st, 1, SQL_C_WCHAR, v, sizeof v, &ind);
    CHECK_W(v, "a😀b", "value of the cut statement");
    CHECK_INT(ind, 8, "a, pair, b: 8 bytes");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* SQLPrepareW + SQLExecute. */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    CHECK_RC(SQLPrepareW(st, W("SELECT '日本😀' AS \"p😀\""), SQL_NTS), SQL_SUCCESS, "SQLPrepareW");
    CHECK_RC(SQLExecute(st), SQL_SUCCESS, "SQLExecute");
    SQLWCHAR name[16];
    SQLSMALLINT name_len = 0;
    SQLDescribeColW(st, 1, name, 16, &name_len, NULL, NULL, NULL, NULL);
    CHECK_W(name, "p😀", "prepared statement's alias");
    SQLFetch(st);
    SQLGetData(st, 1, SQL_C_WCHAR, v, sizeof v, &ind);
    CHECK_W(v, "日本😀", "prepared statement's value");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Column names: SQLDescribeColW counts characters (a pair is 2) and never
 * splits a pair when it truncates; SQLColAttributeW and SQLGetDescFieldW
 * count bytes; SQLGetDescRecW counts characters. */
static void test_column_names(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = exec_w(dbc, "SELECT '" V10 "' AS \"x😀y\", c_char AS \"😀\" FROM sampledb.all_types WHERE id = 6",
                         &rc);
    CHECK_RC(rc, SQL_SUCCESS, "emoji aliases");
    SQLSMALLINT cols = 0;
    SQLNumResultCols(st, &cols);
    CHECK_INT(cols, 2, "two columns");

    static const struct {
        SQLSMALLINT buflen;
        SQLRETURN rc;
        const char *name;
    } dc[] = {
        {32, SQL_SUCCESS, "x😀y"},        /* x D83D DE00 y: 4 characters */
        {5, SQL_SUCCESS, "x😀y"},         /* exactly enough: 4 + NUL */
        {4, SQL_SUCCESS_WITH_INFO, "x😀"}, /* room for 3: x and the pair */
        {3, SQL_SUCCESS_WITH_INFO, "x"},  /* room for 2: the pair would be split */
        {2, SQL_SUCCESS_WITH_INFO, "x"},
        {1, SQL_SUCCESS_WITH_INFO, ""},
    };
    for (size_t i = 0; i < sizeof dc / sizeof dc[0]; i++) {
        SQLWCHAR name[40];
        mark(name, 40);
        SQLSMALLINT len = -1, type = 0, digits = -1, nullable = -1;
        SQLULEN size = 0;
        char what[96];
        snprintf(what, sizeof what, "SQLDescribeColW BufferLength %d", dc[i].buflen);
        CHECK_RC(SQLDescribeColW(st, 1, name, dc[i].buflen, &len, &type, &size, &digits, &nullable), dc[i].rc, what);
        CHECK_W(name, dc[i].name, what);
        CHECK_INT(len, 4, "NameLength: the full name in characters");
        size_t written = 0;
        while (name[written])
            written++;
        CHECK_INT(name[written + 1], MARK, "nothing written after the NUL");
        if (dc[i].rc == SQL_SUCCESS_WITH_INFO)
            CHECK_STATE_W(SQL_HANDLE_STMT, st, "01004", "truncated column name");
    }
    SQLSMALLINT len = -1;
    CHECK_RC(SQLDescribeColW(st, 1, NULL, 0, &len, NULL, NULL, NULL, NULL), SQL_SUCCESS, "no name buffer");
    CHECK_INT(len, 4, "no name buffer: length still returned");
    SQLWCHAR name2[8];
    SQLDescribeColW(st, 2, name2, 8, &len, NULL, NULL, NULL, NULL);
    CHECK_W(name2, "😀", "a name that is only an emoji");
    CHECK_INT(len, 2, "one emoji is 2 characters");

    static const struct {
        SQLSMALLINT bytes;
        SQLRETURN rc;
        const char *text;
    } ca[] = {
        {64, SQL_SUCCESS, "x😀y"},
        {10, SQL_SUCCESS, "x😀y"},       /* 8 bytes + 2 for the NUL */
        {9, SQL_SUCCESS_WITH_INFO, "x😀"}, /* 4 SQLWCHARs: room for 3 */
        {8, SQL_SUCCESS_WITH_INFO, "x😀"},
        {7, SQL_SUCCESS_WITH_INFO, "x"},  /* 3 SQLWCHARs: room for 2, the pair would be split */
        {6, SQL_SUCCESS_WITH_INFO, "x"},
        {2, SQL_SUCCESS_WITH_INFO, ""},
    };
    static const SQLUSMALLINT fields[] = {SQL_DESC_NAME, SQL_DESC_LABEL};
    for (size_t f = 0; f < 2; f++) {
        for (size_t i = 0; i < sizeof ca / sizeof ca[0]; i++) {
            SQLWCHAR buf[40];
            mark(buf, 40);
            SQLSMALLINT blen = -1;
            char what[96];
            snprintf(what, sizeof what, "SQLColAttributeW(%s) BufferLength %d bytes",
                     fields[f] == SQL_DESC_NAME ? "SQL_DESC_NAME" : "SQL_DESC_LABEL", ca[i].bytes);
            CHECK_RC(SQLColAttributeW(st, 1, fields[f], buf, ca[i].bytes, &blen, NULL), ca[i].rc, what);
            CHECK_W(buf, ca[i].text, what);
            CHECK_INT(blen, 8, "StringLength: the full name in bytes");
        }
    }
    SQLWCHAR tn[32];
    SQLSMALLINT tl = -1;
    CHECK_RC(SQLColAttributeW(st, 1, SQL_DESC_TYPE_NAME, tn, sizeof tn, &tl, NULL), SQL_SUCCESS,
             "SQLColAttributeW(SQL_DESC_TYPE_NAME)");
    CHECK_W(tn, "varchar", "type name");
    CHECK_INT(tl, 14, "type name: 7 characters = 14 bytes");
    SQLLEN num = -1;
    CHECK_RC(SQLColAttributeW(st, 1, SQL_DESC_LENGTH, NULL, 0, NULL, &num), SQL_SUCCESS, "numeric field");
    CHECK_INT(num, 4, "SQL_DESC_LENGTH of varchar(4) is in characters");

    /* The IRD through the W descriptor functions. */
    SQLHDESC ird = SQL_NULL_HDESC;
    SQLGetStmtAttrW(st, SQL_ATTR_IMP_ROW_DESC, &ird, 0, NULL);
    SQLWCHAR dn[40];
    SQLINTEGER dlen = -1;
    CHECK_RC(SQLGetDescFieldW(ird, 1, SQL_DESC_NAME, dn, sizeof dn, &dlen), SQL_SUCCESS, "SQLGetDescFieldW NAME");
    CHECK_W(dn, "x😀y", "IRD name");
    CHECK_INT(dlen, 8, "SQLGetDescFieldW: bytes");
    mark(dn, 40);
    CHECK_RC(SQLGetDescFieldW(ird, 1, SQL_DESC_NAME, dn, 7, &dlen), SQL_SUCCESS_WITH_INFO,
             "SQLGetDescFieldW into 7 bytes");
    CHECK_W(dn, "x", "SQLGetDescFieldW truncated before the pair");
    CHECK_INT(dlen, 8, "SQLGetDescFieldW truncated: full length in bytes");
    SQLSMALLINT rlen = -1, type = 0;
    mark(dn, 40);
    CHECK_RC(SQLGetDescRecW(ird, 1, dn, 40, &rlen, &type, NULL, NULL, NULL, NULL, NULL), SQL_SUCCESS,
             "SQLGetDescRecW");
    CHECK_W(dn, "x😀y", "SQLGetDescRecW name");
    CHECK_INT(rlen, 4, "SQLGetDescRecW: characters");
    CHECK_INT(type, SQL_VARCHAR, "SQLGetDescRecW type");
    mark(dn, 40);
    CHECK_RC(SQLGetDescRecW(ird, 1, dn, 3, &rlen, NULL, NULL, NULL, NULL, NULL, NULL), SQL_SUCCESS_WITH_INFO,
             "SQLGetDescRecW into 3 characters");
    CHECK_W(dn, "x", "SQLGetDescRecW truncated before the pair");
    CHECK_INT(rlen, 4, "SQLGetDescRecW truncated: full length in characters");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* The pieces of a value read with SQLGetData. ODBC: "If the application
 * buffer is not large enough to return all of the character data, the driver
 * truncates it to the byte length of the buffer less the number of bytes
 * required by the null-termination character": every piece but the last fills
 * the buffer, so a piece may end inside a UTF-8 sequence or between the two
 * halves of a surrogate pair; the application joins the pieces. pyodbc and
 * DBD::ODBC count on it: they take BufferLength minus the NUL as the length
 * of a truncated piece. Each piece is given as the hex of its bytes
 * (SQL_C_CHAR) or of its SQLWCHARs (SQL_C_WCHAR), with its indicator. */
typedef struct {
    SQLRETURN rc;
    SQLLEN ind;
    const char *hex;
} piece;

/* SQLWCHARs as hex, 4 digits each. */
static const char *hex_w(const SQLWCHAR *w, size_t n)
{
    static char buf[512];
    size_t k = 0;
    for (size_t j = 0; j < n && k + 5 < sizeof buf; j++)
        k += (size_t)sprintf(buf + k, "%04x", (unsigned)w[j]);
    buf[k] = '\0';
    return buf;
}

static void check_pieces(SQLHSTMT st, SQLUSMALLINT col, SQLSMALLINT ctype, SQLLEN buflen, const piece *want,
                         size_t n, const char *label)
{
    for (size_t i = 0; i <= n; i++) {
        char buf[64];
        memset(buf, 0xAA, sizeof buf);
        SQLLEN ind = -12345;
        SQLRETURN rc = SQLGetData(st, col, ctype, buf, buflen, &ind);
        char what[128];
        snprintf(what, sizeof what, "%s, BufferLength %ld, call %zu", label, (long)buflen, i + 1);
        if (i == n) {
            CHECK_RC(rc, SQL_NO_DATA, what);
            break;
        }
        CHECK_RC(rc, want[i].rc, what);
        CHECK_INT(ind, want[i].ind, what);
        /* the piece: everything before the terminating NUL, which must be at
         * BufferLength - NUL for a truncated piece */
        size_t unit = ctype == SQL_C_WCHAR ? sizeof(SQLWCHAR) : 1;
        size_t len = rc == SQL_SUCCESS_WITH_INFO ? (size_t)buflen / unit - 1 : (size_t)ind / unit;
        if (ctype == SQL_C_WCHAR) {
            CHECK_STR(hex_w((SQLWCHAR *)buf, len), want[i].hex, what);
            CHECK_INT(((SQLWCHAR *)buf)[len], 0, "NUL after the piece");
        } else {
            CHECK_STR(hex(buf, len), want[i].hex, what);
            CHECK_INT(buf[len], 0, "NUL after the piece");
        }
        if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO)
            break;
    }
}

static void test_get_data(SQLHDBC dbc)
{
    SQLRETURN rc;
    const char *sql = "SELECT c_varchar10, c_char, c_varchar FROM sampledb.all_types WHERE id = 6";
    /* é日本😀 as SQL_C_WCHAR: 00e9 65e5 672c d83d de00, 10 bytes. */
    static const piece w4[] = {{SQL_SUCCESS_WITH_INFO, 10, "00e9"},
                               {SQL_SUCCESS_WITH_INFO, 8, "65e5"},
                               {SQL_SUCCESS_WITH_INFO, 6, "672c"},
                               {SQL_SUCCESS_WITH_INFO, 4, "d83d"},
                               {SQL_SUCCESS, 2, "de00"}};
    static const piece w6[] = {{SQL_SUCCESS_WITH_INFO, 10, "00e965e5"},
                               {SQL_SUCCESS_WITH_INFO, 6, "672cd83d"},
                               {SQL_SUCCESS, 2, "de00"}};
    static const piece w8[] = {{SQL_SUCCESS_WITH_INFO, 10, "00e965e5672c"}, {SQL_SUCCESS, 4, "d83dde00"}};
    static const piece w10[] = {{SQL_SUCCESS_WITH_INFO, 10, "00e965e5672cd83d"}, {SQL_SUCCESS, 2, "de00"}};
    static const piece w12[] = {{SQL_SUCCESS, 10, "00e965e5672cd83dde00"}};
    /* As SQL_C_CHAR (UTF-8): c3a9 e697a5 e69cac f09f9880, 12 bytes. */
    static const piece c5[] = {{SQL_SUCCESS_WITH_INFO, 12, "c3a9e697"},
                               {SQL_SUCCESS_WITH_INFO, 8, "a5e69cac"},
                               {SQL_SUCCESS, 4, "f09f9880"}};
    static const piece c8[] = {{SQL_SUCCESS_WITH_INFO, 12, "c3a9e697a5e69c"}, {SQL_SUCCESS, 5, "acf09f9880"}};
    static const piece c13[] = {{SQL_SUCCESS, 12, "c3a9e697a5e69cacf09f9880"}};
    static const struct {
        SQLSMALLINT ctype;
        SQLLEN buflen;
        const piece *p;
        size_t n;
    } cases[] = {
        {SQL_C_WCHAR, 4, w4, 5},  {SQL_C_WCHAR, 6, w6, 3},   {SQL_C_WCHAR, 7, w6, 3}, /* odd: 3 SQLWCHARs */
        {SQL_C_WCHAR, 8, w8, 2},  {SQL_C_WCHAR, 10, w10, 2}, {SQL_C_WCHAR, 12, w12, 1},
        {SQL_C_CHAR, 5, c5, 3},   {SQL_C_CHAR, 8, c8, 2},    {SQL_C_CHAR, 13, c13, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        SQLHSTMT st = exec_w(dbc, sql, &rc);
        SQLFetch(st);
        check_pieces(st, 1, cases[i].ctype, cases[i].buflen, cases[i].p, cases[i].n,
                     cases[i].ctype == SQL_C_WCHAR ? "c_varchar10 as SQL_C_WCHAR" : "c_varchar10 as SQL_C_CHAR");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }

    SQLHSTMT st = exec_w(dbc, sql, &rc);
    SQLFetch(st);
    SQLWCHAR v[128];
    SQLLEN ind = 0;
    CHECK_RC(SQLGetData(st, 2, SQL_C_WCHAR, v, sizeof v, &ind), SQL_SUCCESS, "c_char as SQL_C_WCHAR");
    CHECK_W(v, VCHAR, "char(5) with an emoji, space-padded");
    CHECK_INT(ind, 12, "ü, pair, 3 spaces: 6 SQLWCHARs");
    CHECK_RC(SQLGetData(st, 3, SQL_C_WCHAR, v, sizeof v, &ind), SQL_SUCCESS, "c_varchar as SQL_C_WCHAR");
    CHECK_W(v, VLONG, "c_varchar of id 6");
    CHECK_INT(ind, 2 * 41, "c_varchar of id 6: 41 SQLWCHARs");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* NULL and '' as SQL_C_WCHAR. */
    st = exec_w(dbc, "SELECT c_varchar FROM sampledb.all_types WHERE id IN (4, 5) ORDER BY id", &rc);
    SQLFetch(st);
    CHECK_RC(SQLGetData(st, 1, SQL_C_WCHAR, v, sizeof v, &ind), SQL_SUCCESS, "NULL as SQL_C_WCHAR");
    CHECK_INT(ind, SQL_NULL_DATA, "NULL indicator");
    SQLFetch(st);
    mark(v, 4);
    CHECK_RC(SQLGetData(st, 1, SQL_C_WCHAR, v, sizeof v, &ind), SQL_SUCCESS, "'' as SQL_C_WCHAR");
    CHECK_INT(ind, 0, "empty string: 0 bytes");
    CHECK_INT(v[0], 0, "empty string: a NUL");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* SQLBindCol with SQL_C_WCHAR: the fetch truncates at a pair too. */
    st = exec_w(dbc, sql, &rc);
    SQLWCHAR bound[4];
    SQLLEN bind_ind = 0;
    SQLBindCol(st, 1, SQL_C_WCHAR, bound, sizeof bound, &bind_ind);
    CHECK_RC(SQLFetch(st), SQL_SUCCESS_WITH_INFO, "bound SQL_C_WCHAR buffer of 4 SQLWCHARs");
    CHECK_W(bound, "é日本", "bound column truncated before the pair");
    CHECK_INT(bind_ind, 10, "bound column: full length in bytes");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* Diagnostics with an emoji: SQLGetDiagRecW counts characters,
 * SQLGetDiagFieldW bytes; truncation keeps pairs whole. */
static void test_diagnostics(SQLHDBC dbc)
{
    SQLRETURN rc;
    SQLHSTMT st = SQL_NULL_HSTMT;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    rc = SQLExecDirectW(st, W("SELECT * FROM nope😀"), SQL_NTS);
    CHECK_RC(rc, SQL_ERROR, "unknown table with an emoji in its name");
    size_t full = strlen(MISSING_MSG) - 2; /* UTF-8 bytes - 2 = SQLWCHARs (the emoji: 4 bytes, 2 units) */
    CHECK_INT(full, 102, "the message is 102 SQLWCHARs");
    SQLWCHAR state[6], msg[256];
    SQLINTEGER native = -1;
    SQLSMALLINT len = -1;
    CHECK_RC(SQLGetDiagRecW(SQL_HANDLE_STMT, st, 1, state, &native, msg, 256, &len), SQL_SUCCESS, "SQLGetDiagRecW");
    CHECK_W(state, "42S02", "SQLSTATE");
    CHECK_W(msg, MISSING_MSG, "message with the emoji");
    CHECK_INT(len, full, "TextLength in characters");

    /* The emoji is units 84 and 85 (0-based). */
    static const struct {
        SQLSMALLINT buflen;
        size_t written;
    } tr[] = {{85, 84}, {86, 84}, {87, 86}, {103, 102}};
    for (size_t i = 0; i < sizeof tr / sizeof tr[0]; i++) {
        mark(msg, 256);
        len = -1;
        char what[96];
        snprintf(what, sizeof what, "SQLGetDiagRecW BufferLength %d", tr[i].buflen);
        rc = SQLGetDiagRecW(SQL_HANDLE_STMT, st, 1, state, &native, msg, tr[i].buflen, &len);
        CHECK_RC(rc, tr[i].written == full ? SQL_SUCCESS : SQL_SUCCESS_WITH_INFO, what);
        size_t w = 0;
        while (w < 256 && msg[w] != 0)
            w++;
        CHECK_INT(w, tr[i].written, what);
        CHECK_INT(len, full, "truncated: full length in characters");
        CHECK(memcmp(msg, W(MISSING_MSG), w * sizeof(SQLWCHAR)) == 0, "%s: the start of the message", what);
    }

    SQLSMALLINT flen = -1;
    mark(msg, 256);
    CHECK_RC(SQLGetDiagFieldW(SQL_HANDLE_STMT, st, 1, SQL_DIAG_MESSAGE_TEXT, msg, sizeof msg, &flen), SQL_SUCCESS,
             "SQLGetDiagFieldW(SQL_DIAG_MESSAGE_TEXT)");
    CHECK_W(msg, MISSING_MSG, "message text field");
    CHECK_INT(flen, 2 * full, "SQLGetDiagFieldW: bytes");
    static const struct {
        SQLSMALLINT bytes;
        size_t written;
    } fr[] = {{172, 84}, {173, 84}, {174, 86}};
    for (size_t i = 0; i < sizeof fr / sizeof fr[0]; i++) {
        mark(msg, 256);
        char what[96];
        snprintf(what, sizeof what, "SQLGetDiagFieldW(MESSAGE_TEXT) BufferLength %d bytes", fr[i].bytes);
        CHECK_RC(SQLGetDiagFieldW(SQL_HANDLE_STMT, st, 1, SQL_DIAG_MESSAGE_TEXT, msg, fr[i].bytes, &flen),
                 SQL_SUCCESS_WITH_INFO, what);
        size_t w = 0;
        while (w < 256 && msg[w] != 0)
            w++;
        CHECK_INT(w, fr[i].written, what);
        CHECK_INT(flen, 2 * full, "truncated field: full length in bytes");
    }
    CHECK_RC(SQLGetDiagFieldW(SQL_HANDLE_STMT, st, 1, SQL_DIAG_SQLSTATE, state, sizeof state, &flen), SQL_SUCCESS,
             "SQLGetDiagFieldW(SQL_DIAG_SQLSTATE)");
    CHECK_W(state, "42S02", "SQLSTATE field");
    CHECK_INT(flen, 10, "SQLSTATE: 5 characters = 10 bytes");

    /* ODBC 2's SQLErrorW: characters; it consumes the record. */
    mark(msg, 256);
    len = -1;
    CHECK_RC(SQLErrorW(SQL_NULL_HENV, SQL_NULL_HDBC, st, state, &native, msg, 256, &len), SQL_SUCCESS, "SQLErrorW");
    CHECK_W(state, "42S02", "SQLErrorW state");
    CHECK_W(msg, MISSING_MSG, "SQLErrorW message");
    CHECK_INT(len, full, "SQLErrorW: characters");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* An error raised while the statement is parsed (synchronous). */
    st = exec_w(dbc, "SELEC '😀'", &rc);
    CHECK_RC(rc, SQL_ERROR, "syntax error");
    char s[6], m[1024];
    first_diag_w(SQL_HANDLE_STMT, st, s, m, sizeof m);
    CHECK_STR(s, "42000", "syntax error: SQLSTATE");
    CHECK(strstr(m, "line 1:1: mismatched input 'SELEC'") != NULL, "syntax error message: %s", m);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_native_sql(SQLHDBC dbc)
{
    const char *in = "SELECT {fn UCASE('é😀')} AS \"😀\", {d '2017-01-02'}";
    const char *want = "SELECT upper('é😀') AS \"😀\", DATE '2017-01-02'";
    SQLWCHAR out[128];
    SQLINTEGER len = -1;
    CHECK_RC(SQLNativeSqlW(dbc, W(in), SQL_NTS, out, 128, &len), SQL_SUCCESS, "SQLNativeSqlW");
    CHECK_W(out, want, "escapes translated, emoji kept");
    SQLWCHAR tmp[128];
    SQLINTEGER units = (SQLINTEGER)to_w(want, tmp, 128);
    CHECK_INT(units, 46, "the translation is 46 SQLWCHARs");
    CHECK_INT(len, units, "SQLNativeSqlW: characters");
    /* upper(' is units 7..13, é 14, the pair 15-16. */
    static const struct {
        SQLINTEGER buflen;
        const char *text;
    } tr[] = {{17, "SELECT upper('é"}, {16, "SELECT upper('é"}, {18, "SELECT upper('é😀"}};
    for (size_t i = 0; i < sizeof tr / sizeof tr[0]; i++) {
        mark(out, 128);
        len = -1;
        char what[64];
        snprintf(what, sizeof what, "SQLNativeSqlW BufferLength %d", (int)tr[i].buflen);
        CHECK_RC(SQLNativeSqlW(dbc, W(in), SQL_NTS, out, tr[i].buflen, &len), SQL_SUCCESS_WITH_INFO, what);
        CHECK_W(out, tr[i].text, what);
        CHECK_INT(len, units, "truncated: full length in characters");
        CHECK_STATE_W(SQL_HANDLE_DBC, dbc, "01004", "SQLNativeSqlW truncation");
    }
    /* TextLength1 in characters. */
    CHECK_RC(SQLNativeSqlW(dbc, W("SELECT '😀' garbage"), 10, out, 128, &len), SQL_SUCCESS,
             "SQLNativeSqlW TextLength1 10");
    CHECK_W(out, "SELECT '😀", "input cut after 10 SQLWCHARs");
    CHECK_INT(len, 10, "output length");
}

static void test_info_and_attrs(SQLHDBC dbc)
{
    SQLWCHAR buf[64];
    SQLSMALLINT len = -1;
    CHECK_RC(SQLGetInfoW(dbc, SQL_DBMS_NAME, buf, sizeof buf, &len), SQL_SUCCESS, "SQLGetInfoW(SQL_DBMS_NAME)");
    CHECK_W(buf, "Amazon Athena", "DBMS name");
    CHECK_INT(len, 26, "SQLGetInfoW: bytes");
    mark(buf, 64);
    CHECK_RC(SQLGetInfoW(dbc, SQL_DBMS_NAME, buf, 10, &len), SQL_SUCCESS_WITH_INFO, "SQLGetInfoW into 10 bytes");
    CHECK_W(buf, "Amaz", "4 characters and the NUL");
    CHECK_INT(buf[5], MARK, "nothing past 10 bytes");
    CHECK_INT(len, 26, "truncated: full length in bytes");
    CHECK_STATE_W(SQL_HANDLE_DBC, dbc, "01004", "SQLGetInfoW truncation");
    mark(buf, 64);
    CHECK_RC(SQLGetInfoW(dbc, SQL_DBMS_NAME, buf, 11, &len), SQL_SUCCESS_WITH_INFO, "SQLGetInfoW into 11 bytes");
    CHECK_W(buf, "Amaz", "an odd byte count holds 5 SQLWCHARs");
    CHECK_RC(SQLGetInfoW(dbc, SQL_IDENTIFIER_QUOTE_CHAR, buf, sizeof buf, &len), SQL_SUCCESS, "quote char");
    CHECK_W(buf, "\"", "identifier quote");
    CHECK_INT(len, 2, "one character = 2 bytes");
    CHECK_RC(SQLGetInfoW(dbc, SQL_DATA_SOURCE_NAME, buf, sizeof buf, &len), SQL_SUCCESS, "SQL_DATA_SOURCE_NAME");
    CHECK_W(buf, test_dsn(), "data source name");
    CHECK_INT(len, 2 * (SQLSMALLINT)strlen(test_dsn()), "data source name length in bytes");

    SQLINTEGER alen = -1;
    CHECK_RC(SQLGetConnectAttrW(dbc, SQL_ATTR_CURRENT_CATALOG, buf, sizeof buf, &alen), SQL_SUCCESS,
             "SQLGetConnectAttrW(SQL_ATTR_CURRENT_CATALOG)");
    CHECK_W(buf, "AwsDataCatalog", "current catalog");
    CHECK_INT(alen, 28, "SQLGetConnectAttrW: bytes");
    CHECK_RC(SQLSetConnectAttrW(dbc, SQL_ATTR_CURRENT_CATALOG, W("cat😀"), SQL_NTS), SQL_SUCCESS,
             "SQLSetConnectAttrW catalog with an emoji");
    mark(buf, 64);
    CHECK_RC(SQLGetConnectAttrW(dbc, SQL_ATTR_CURRENT_CATALOG, buf, sizeof buf, &alen), SQL_SUCCESS, "read back");
    CHECK_W(buf, "cat😀", "catalog read back");
    CHECK_INT(alen, 10, "3 + 2 SQLWCHARs = 10 bytes");
    mark(buf, 64);
    CHECK_RC(SQLGetConnectAttrW(dbc, SQL_ATTR_CURRENT_CATALOG, buf, 9, &alen), SQL_SUCCESS_WITH_INFO,
             "SQLGetConnectAttrW into 9 bytes");
    CHECK_W(buf, "cat", "truncated before the pair");
    CHECK_INT(alen, 10, "truncated: full length in bytes");
    /* StringLength of SQLSetConnectAttrW is in bytes: 28 bytes are the first 14 characters. */
    CHECK_RC(SQLSetConnectAttrW(dbc, SQL_ATTR_CURRENT_CATALOG, W("AwsDataCatalogX"), 28), SQL_SUCCESS,
             "SQLSetConnectAttrW StringLength 28 bytes");
    CHECK_RC(SQLGetConnectAttrW(dbc, SQL_ATTR_CURRENT_CATALOG, buf, sizeof buf, &alen), SQL_SUCCESS, "read back");
    CHECK_W(buf, "AwsDataCatalog", "catalog set from 28 bytes = 14 characters");
}

/* ============================== ANSI calls on a SQLDriverConnectW connection */

/* unixODBC turns ANSI calls on a connection made with a W function into W
 * calls, converting strings between the application's locale (here UTF-8)
 * and UCS-2. */
static void test_ansi_on_w_connection(void)
{
    char log_path[128];
    snprintf(log_path, sizeof log_path, "/tmp/odbc_unicode_%ld.log", (long)getpid());
    unlink(log_path);
    char extra[256];
    snprintf(extra, sizeof extra, "LogLevel=TRACE;LogPath=%s", log_path);
    SQLHDBC dbc = connect_w(extra);
    CHECK(dbc != SQL_NULL_HDBC, "SQLDriverConnectW with a driver log");
    if (!dbc)
        return;
    SQLHSTMT st = SQL_NULL_HSTMT;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 'é日本' AS \"ünï\", length('é日本') AS n, "
                                                "to_hex(to_utf8('é日本')) AS h",
                                 SQL_NTS);
    CHECK_RC(rc, SQL_SUCCESS, "ANSI SQLExecDirect on a W connection");
    /* The driver's trace names the entry points it was called through. */
    FILE *f = fopen(log_path, "r");
    int saw_w = 0, saw_ansi = 0;
    char line[2048];
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        size_t n = strlen(line);
        if (n >= 14 && strcmp(line + n - 14, "SQLExecDirectW") == 0)
            saw_w++;
        if (n >= 13 && strcmp(line + n - 13, "SQLExecDirect") == 0)
            saw_ansi++;
    }
    if (f)
        fclose(f);
    CHECK_INT(saw_w, 1, "the driver was called through SQLExecDirectW");
    CHECK_INT(saw_ansi, 0, "and not through SQLExecDirect");

    char name[64];
    SQLSMALLINT len = -1;
    CHECK_RC(SQLDescribeCol(st, 1, (SQLCHAR *)name, sizeof name, &len, NULL, NULL, NULL, NULL), SQL_SUCCESS,
             "ANSI SQLDescribeCol");
    CHECK_STR(name, "ünï", "alias through the UCS-2 mapping");
    CHECK_RC(SQLColAttribute(st, 1, SQL_DESC_LABEL, name, sizeof name, &len, NULL), SQL_SUCCESS,
             "ANSI SQLColAttribute");
    CHECK_STR(name, "ünï", "label through the UCS-2 mapping");
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "fetch");
    char v[64];
    SQLLEN ind = 0;
    SQLGetData(st, 1, SQL_C_CHAR, v, sizeof v, &ind);
    CHECK_STR(v, "é日本", "value");
    CHECK_INT(ind, 8, "UTF-8 bytes");
    SQLGetData(st, 2, SQL_C_CHAR, v, sizeof v, &ind);
    CHECK_STR(v, "3", "Athena counts 3 characters");
    SQLGetData(st, 3, SQL_C_CHAR, v, sizeof v, &ind);
    CHECK_STR(v, "C3A9E697A5E69CAC", "Athena received the text's UTF-8 bytes");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* SQLGetData is not a string function to the driver manager: emoji data
     * arrives exactly, as UTF-8 or UTF-16. */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLExecDirect(st, (SQLCHAR *)"SELECT c_varchar10, c_char FROM sampledb.all_types WHERE id = 6", SQL_NTS);
    SQLFetch(st);
    CHECK_RC(SQLGetData(st, 1, SQL_C_CHAR, v, sizeof v, &ind), SQL_SUCCESS, "emoji data as SQL_C_CHAR");
    CHECK_STR(hex(v, (size_t)ind), "c3a9e697a5e69cacf09f9880", "é日本😀 as UTF-8");
    SQLWCHAR wv[16];
    CHECK_RC(SQLGetData(st, 2, SQL_C_WCHAR, wv, sizeof wv, &ind), SQL_SUCCESS, "emoji data as SQL_C_WCHAR");
    CHECK_W(wv, VCHAR, "c_char as UTF-16");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* Diagnostics (BMP characters). */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT * FROM nöpe日", SQL_NTS);
    CHECK_RC(rc, SQL_ERROR, "unknown table");
    char state[6], msg[512];
    SQLINTEGER native = 0;
    CHECK_RC(SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, (SQLCHAR *)state, &native, (SQLCHAR *)msg, sizeof msg, &len),
             SQL_SUCCESS, "ANSI SQLGetDiagRec");
    CHECK_STR(state, "42S02", "state");
    CHECK_STR(msg, "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.nöpe日' does not "
                   "exist", "message through the UCS-2 mapping");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    char out[128];
    SQLINTEGER olen = -1;
    CHECK_RC(SQLNativeSql(dbc, (SQLCHAR *)"SELECT {d '2017-01-02'}, 'é日'", SQL_NTS, (SQLCHAR *)out, sizeof out,
                          &olen),
             SQL_SUCCESS, "ANSI SQLNativeSql");
    CHECK_STR(out, "SELECT DATE '2017-01-02', 'é日'", "native SQL");
    SQLSMALLINT ilen = -1;
    CHECK_RC(SQLGetInfo(dbc, SQL_DBMS_NAME, out, sizeof out, &ilen), SQL_SUCCESS, "ANSI SQLGetInfo");
    CHECK_STR(out, "Amazon Athena", "DBMS name");
    CHECK_RC(SQLGetConnectAttr(dbc, SQL_ATTR_CURRENT_CATALOG, out, sizeof out, &olen), SQL_SUCCESS,
             "ANSI SQLGetConnectAttr");
    CHECK_STR(out, "AwsDataCatalog", "catalog");

    /* unixODBC limitation: its ANSI -> W conversion (UTF-8 -> UCS-2) fails on
     * a character outside the BMP, and it then widens every byte of the
     * statement to one SQLWCHAR, so Athena receives U+00F0 U+009F U+0098
     * U+0080 instead of U+1F600. */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLExecDirect(st, (SQLCHAR *)"SELECT length('😀') AS n", SQL_NTS);
    SQLFetch(st);
    SQLGetData(st, 1, SQL_C_CHAR, v, sizeof v, &ind);
    CHECK_STR(v, "4", "unixODBC limitation: an ANSI statement with an emoji on a W connection arrives byte-widened");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* unixODBC limitation: the W -> ANSI conversion of a message (UCS-2 ->
     * UTF-8) fails at the surrogate pair and keeps the low byte of each
     * SQLWCHAR, so the message ends at the emoji. */
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLExecDirectW(st, W("SELECT * FROM nope😀"), SQL_NTS);
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_STR(msg, "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.nope=",
              "unixODBC limitation: an ANSI SQLGetDiagRec on a W connection cuts the message at the emoji");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    test_disconnect(dbc);
    unlink(log_path);
}

/* ======================================================= an ANSI connection */

/* The driver's ANSI functions: UTF-8, lengths in bytes, truncation never
 * inside a UTF-8 sequence. */
static void test_ansi_connection(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != SQL_NULL_HDBC, "ANSI SQLDriverConnect");
    if (!dbc)
        return;
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT c_varchar10 AS \"x😀y\" FROM sampledb.all_types WHERE c_varchar10 = '" V10 "'",
                            &rc);
    CHECK_RC(rc, SQL_SUCCESS, "ANSI SQLExecDirect with emoji");
    static const struct {
        SQLSMALLINT buflen;
        SQLRETURN rc;
        const char *name;
    } dc[] = {
        {7, SQL_SUCCESS, "x😀y"},         /* 6 bytes + NUL */
        {6, SQL_SUCCESS_WITH_INFO, "x😀"}, /* room for 5 */
        {5, SQL_SUCCESS_WITH_INFO, "x"},   /* room for 4: the emoji's 4 bytes would not fit after x */
        {2, SQL_SUCCESS_WITH_INFO, "x"},
    };
    for (size_t i = 0; i < sizeof dc / sizeof dc[0]; i++) {
        char name[16];
        memset(name, 0xAA, sizeof name);
        SQLSMALLINT len = -1;
        char what[64];
        snprintf(what, sizeof what, "ANSI SQLDescribeCol BufferLength %d", dc[i].buflen);
        CHECK_RC(SQLDescribeCol(st, 1, (SQLCHAR *)name, dc[i].buflen, &len, NULL, NULL, NULL, NULL), dc[i].rc, what);
        CHECK_STR(name, dc[i].name, what);
        CHECK_INT(len, 6, "NameLength in bytes");
    }
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "the emoji row");
    char v[16];
    SQLLEN ind = 0;
    SQLGetData(st, 1, SQL_C_CHAR, v, sizeof v, &ind);
    CHECK_STR(v, V10, "value");
    CHECK_INT(ind, 12, "12 bytes");
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    /* SQLGetDiagRec on an ANSI connection hands the driver's UTF-8 message
     * over unchanged. */
    st = test_exec(dbc, "SELECT * FROM nope😀", &rc);
    char state[6], msg[512];
    first_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_STR(state, "42S02", "state");
    CHECK_STR(msg, MISSING_MSG, "ANSI SQLGetDiagRec: the message with its emoji");
    /* unixODBC limitation: ODBC 2's SQLError reads the driver manager's own
     * copy of the records, kept as UCS-2; converting it back to UTF-8 fails
     * at the surrogate pair and keeps the low byte of each SQLWCHAR (U+D83D
     * -> '=', U+DE00 -> NUL), so the message ends at the emoji. */
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    CHECK_RC(SQLError(SQL_NULL_HENV, SQL_NULL_HDBC, st, (SQLCHAR *)state, &native, (SQLCHAR *)msg, sizeof msg, &len),
             SQL_SUCCESS, "ANSI SQLError");
    CHECK_STR(msg, "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.nope=",
              "unixODBC limitation: SQLError's message is cut at the emoji");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

/* Ill-formed UTF-8 is decoded by one decoder (driver/utf.c) wherever it meets
 * the driver. athena-local (like Athena) only sends well-formed UTF-8, so the
 * ill-formed bytes come from the application: the ANSI SQL text. The ANSI
 * edge reads it as UTF-8, each maximal subpart of an ill-formed sequence
 * becoming one U+FFFD (ED A0 80: three; E1 80 before 'z': one), exactly as
 * the W edge does for lone surrogates. The same bytes then come back as data
 * through SQLGetData(SQL_C_WCHAR) and inside a message through
 * SQLGetDiagRecW: both show the same four U+FFFD. (Before, Jansson refused
 * the text and StartQueryExecution went out without its QueryString.) */
#define BAD_UTF8 "a\xed\xa0\x80" "b\xe1\x80" "z" /* lower case: Athena lower-cases table names */
#define BAD_AS_W "0061fffdfffdfffd0062fffd007a"

static size_t count_fffd(const SQLWCHAR *w)
{
    size_t n = 0;
    for (; *w; w++)
        n += *w == 0xFFFD;
    return n;
}

static void test_malformed_utf8(void)
{
    SQLHDBC dbc = test_connect(NULL);
    CHECK(dbc != SQL_NULL_HDBC, "ANSI SQLDriverConnect");
    if (!dbc)
        return;
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, "SELECT '" BAD_UTF8 "' AS v", &rc);
    CHECK_RC(rc, SQL_SUCCESS, "ANSI SQLExecDirect with ill-formed UTF-8 in a literal");
    CHECK_RC(SQLFetch(st), SQL_SUCCESS, "its row");
    SQLWCHAR data[32];
    SQLLEN ind = 0;
    mark(data, 32);
    CHECK_RC(SQLGetData(st, 1, SQL_C_WCHAR, data, sizeof data, &ind), SQL_SUCCESS, "SQLGetData(SQL_C_WCHAR)");
    CHECK_INT(ind, 7 * (SQLLEN)sizeof(SQLWCHAR), "7 SQLWCHARs");
    CHECK_STR(hex_w(data, 7), BAD_AS_W, "SQLGetData: a, 3 x U+FFFD, b, U+FFFD, z");
    size_t data_fffd = count_fffd(data);
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    st = test_exec(dbc, "SELECT * FROM \"" BAD_UTF8 "\"", &rc);
    CHECK_RC(rc, SQL_ERROR, "a missing table whose name holds the same bytes");
    SQLWCHAR ws[6], wm[512];
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    mark(wm, 512);
    CHECK_RC(SQLGetDiagRecW(SQL_HANDLE_STMT, st, 1, ws, &native, wm, 512, &len), SQL_SUCCESS, "SQLGetDiagRecW");
    CHECK_STR(from_w(wm, -1),
              "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb."
              "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd" "z' does not exist",
              "SQLGetDiagRecW: the name with its U+FFFD");
    CHECK_INT(count_fffd(wm), data_fffd, "the diagnostic has as many U+FFFD as the data");
    CHECK_INT(data_fffd, 4, "four U+FFFD");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    test_disconnect(dbc);
}

int main(void)
{
    /* The driver manager converts between ANSI and W strings with the
     * locale's character set; applications that pass UTF-8 set a UTF-8
     * locale. */
    if (!setlocale(LC_ALL, "C.UTF-8"))
        printf("# could not set the C.UTF-8 locale\n");
    test_w_forms_exported();
    test_driver_connect_w();
    test_connect_w();
    SQLHDBC dbc = connect_w(NULL);
    CHECK(dbc != SQL_NULL_HDBC, "SQLDriverConnectW");
    if (dbc) {
        test_sql_text(dbc);
        test_column_names(dbc);
        test_get_data(dbc);
        test_diagnostics(dbc);
        test_native_sql(dbc);
        test_info_and_attrs(dbc);
        test_disconnect(dbc);
    }
    test_ansi_on_w_connection();
    test_ansi_connection();
    test_malformed_utf8();
    SQLFreeHandle(SQL_HANDLE_ENV, test_env());
    return th_done();
}

/* odbc_robust.c - every exported ODBC function with a null handle and with
 * a handle of the wrong type, called on the driver directly (dlopen: the
 * driver manager would catch these before the driver): each answers
 * SQL_INVALID_HANDLE and nothing crashes. The exported functions are listed
 * from the library itself (nm -D), so a new entry point is covered at once.
 * Then, on a live connection to athena-local (still the driver alone), bad
 * lengths, out-of-range attributes and options, and calls out of sequence:
 * each answers the SQLSTATE the ODBC reference names for it. */
#include "odbc_util.h"

#include <dlfcn.h>
#include <stdint.h>
#include <sqlucode.h>

typedef SQLRETURN (*any_fn)(void *, intptr_t, intptr_t, intptr_t, intptr_t, intptr_t, intptr_t, intptr_t,
                            intptr_t, intptr_t, intptr_t, intptr_t, intptr_t, intptr_t);

static void *lib;

static SQLRETURN call0(const char *name, void *first)
{
    any_fn f = (any_fn)(uintptr_t)dlsym(lib, name);
    return f ? f(first, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) : -99;
}

/* Functions whose arguments do not start with the one handle they act on. */
static bool special(const char *n)
{
    static const char *const s[] = {"SQLAllocHandle", "SQLAllocEnv", "SQLFreeHandle", "SQLGetDiagRec",
                                    "SQLGetDiagRecW", "SQLGetDiagField", "SQLGetDiagFieldW", "SQLEndTran",
                                    "SQLTransact", "SQLError", "SQLErrorW", NULL};
    for (int i = 0; s[i]; i++)
        if (!strcmp(n, s[i]))
            return true;
    return false;
}

static bool env_first(const char *n)
{
    return !strcmp(n, "SQLGetEnvAttr") || !strcmp(n, "SQLSetEnvAttr") || !strcmp(n, "SQLFreeEnv") ||
           !strcmp(n, "SQLAllocConnect");
}

/* 0 when the handle's first diagnostic is HY009 (through the driver's own SQLGetDiagRec). */
static int diag_state(SQLSMALLINT type, SQLHANDLE h)
{
    typedef SQLRETURN (*diag_fn)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT, SQLCHAR *, SQLINTEGER *, SQLCHAR *,
                                 SQLSMALLINT, SQLSMALLINT *);
    diag_fn diag = (diag_fn)(uintptr_t)dlsym(lib, "SQLGetDiagRec");
    SQLCHAR st[6] = "", msg[256];
    SQLINTEGER native;
    SQLSMALLINT len;
    if (!SQL_SUCCEEDED(diag(type, h, 1, st, &native, msg, sizeof msg, &len)))
        return -1;
    return strcmp((char *)st, "HY009");
}


/* The driver's own entry point, typed from its prototype in sql.h/sqlext.h. */
#define D(fn) ((__typeof__(&fn))(uintptr_t)dlsym(lib, #fn))

/* The first diagnostic's SQLSTATE of a handle, "" when none. */
static const char *state_of(SQLSMALLINT type, SQLHANDLE h)
{
    static SQLCHAR st[6];
    SQLCHAR msg[512];
    SQLINTEGER native;
    SQLSMALLINT len;
    st[0] = '\0';
    if (!SQL_SUCCEEDED(D(SQLGetDiagRec)(type, h, 1, st, &native, msg, sizeof msg, &len)))
        st[0] = '\0';
    return (const char *)st;
}

/* rc is SQL_ERROR and the handle's first diagnostic is want. */
#define EXPECT(type, h, call, want, what)                                                     \
    do {                                                                                      \
        SQLRETURN rc_ = (call);                                                               \
        const char *st_ = state_of(type, h);                                                  \
        CHECK(rc_ == SQL_ERROR && !strcmp(st_, want), "%s: %s (rc %d, state %s)", what, want, rc_, \
              st_);                                                                           \
    } while (0)
#define EXPECT_ENV(h, call, want, what) EXPECT(SQL_HANDLE_ENV, h, call, want, what)
#define EXPECT_DBC(h, call, want, what) EXPECT(SQL_HANDLE_DBC, h, call, want, what)
#define EXPECT_STMT(h, call, want, what) EXPECT(SQL_HANDLE_STMT, h, call, want, what)

static SQLHSTMT new_stmt(SQLHDBC dbc)
{
    SQLHSTMT s = SQL_NULL_HSTMT;
    D(SQLAllocHandle)(SQL_HANDLE_STMT, dbc, &s);
    return s;
}

/* Bad values, lengths and sequences on a live connection. */
static void bad_input(SQLHENV env)
{
    SQLCHAR buf[256];
    SQLWCHAR wbuf[128] = {'S', 0};
    SQLINTEGER ilen;
    SQLSMALLINT slen;
    SQLLEN ind;

    EXPECT_ENV(env, D(SQLSetEnvAttr)(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)12345, 0), "HY024",
               "SQLSetEnvAttr(ODBC_VERSION, 12345)");
    EXPECT_ENV(env, D(SQLSetEnvAttr)(env, 99999, (SQLPOINTER)1, 0), "HY092", "SQLSetEnvAttr(attribute 99999)");

    SQLHDBC dbc = SQL_NULL_HDBC;
    D(SQLAllocHandle)(SQL_HANDLE_DBC, env, &dbc);
    EXPECT_DBC(dbc, D(SQLSetConnectAttr)(dbc, 99999, (SQLPOINTER)1, 0), "HY092",
               "SQLSetConnectAttr(attribute 99999)");
    EXPECT_DBC(dbc, D(SQLSetConnectAttr)(dbc, SQL_ATTR_ACCESS_MODE, (SQLPOINTER)77, 0), "HY024",
               "SQLSetConnectAttr(ACCESS_MODE, 77)");
    EXPECT_DBC(dbc, D(SQLSetConnectAttr)(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)77, 0), "HY024",
               "SQLSetConnectAttr(AUTOCOMMIT, 77)");
    char in[512];
    const char *dsn = getenv("ATHENA_TEST_DSN");
    snprintf(in, sizeof in, "DSN=%s", dsn && *dsn ? dsn : "athena-local");
    SQLRETURN rc = D(SQLDriverConnect)(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    CHECK(SQL_SUCCEEDED(rc), "the driver alone connects to %s (state %s)", in, state_of(SQL_HANDLE_DBC, dbc));
    if (!SQL_SUCCEEDED(rc)) {
        D(SQLFreeHandle)(SQL_HANDLE_DBC, dbc);
        return;
    }

    /* lengths */
    EXPECT_DBC(dbc, D(SQLGetInfo)(dbc, SQL_DBMS_NAME, buf, -1, &slen), "HY090", "SQLGetInfo(BufferLength -1)");
    EXPECT_DBC(dbc, D(SQLGetInfo)(dbc, 65000, buf, sizeof buf, &slen), "HY096", "SQLGetInfo(InfoType 65000)");
    EXPECT_DBC(dbc, D(SQLGetConnectAttr)(dbc, SQL_ATTR_CURRENT_CATALOG, buf, -1, &ilen), "HY090",
               "SQLGetConnectAttr(CURRENT_CATALOG, BufferLength -1)");
    EXPECT_DBC(dbc, D(SQLGetConnectAttr)(dbc, 99999, buf, sizeof buf, &ilen), "HY092",
               "SQLGetConnectAttr(attribute 99999)");
    EXPECT_DBC(dbc, D(SQLSetConnectAttr)(dbc, SQL_ATTR_CURRENT_CATALOG, (SQLPOINTER) "x", -5), "HY090",
               "SQLSetConnectAttr(CURRENT_CATALOG, StringLength -5)");

    /* diagnostics with a negative buffer: SQL_ERROR, no record posted (dbc has one from above) */
    SQLCHAR st[6];
    CHECK_INT(D(SQLGetDiagRec)(SQL_HANDLE_DBC, dbc, 1, st, &ilen, buf, -1, &slen), SQL_ERROR,
              "SQLGetDiagRec(BufferLength -1)");
    CHECK_INT(D(SQLGetDiagField)(SQL_HANDLE_DBC, dbc, 1, SQL_DIAG_MESSAGE_TEXT, buf, -1, &slen), SQL_ERROR,
              "SQLGetDiagField(MESSAGE_TEXT, BufferLength -1)");
    CHECK_INT(D(SQLGetDiagRec)(SQL_HANDLE_DBC, dbc, 0, st, &ilen, buf, sizeof buf, &slen), SQL_ERROR,
              "SQLGetDiagRec(RecNumber 0)");

    SQLHSTMT s = new_stmt(dbc);
    EXPECT_STMT(s, D(SQLExecDirect)(s, (SQLCHAR *)"SELECT 1", -5), "HY090", "SQLExecDirect(TextLength -5)");
    EXPECT_STMT(s, D(SQLPrepare)(s, (SQLCHAR *)"SELECT 1", -5), "HY090", "SQLPrepare(TextLength -5)");
    EXPECT_STMT(s, D(SQLTables)(s, NULL, 0, NULL, 0, (SQLCHAR *)"t", -5, NULL, 0), "HY090",
                "SQLTables(NameLength3 -5)");
    EXPECT_STMT(s, D(SQLColumns)(s, NULL, 0, (SQLCHAR *)"d", -7, NULL, 0, NULL, 0), "HY090",
                "SQLColumns(NameLength2 -7)");
    EXPECT_STMT(s, D(SQLExecDirectW)(s, wbuf, -5), "HY090", "SQLExecDirectW(TextLength -5)");
    SQLCHAR *x = (SQLCHAR *)"x";
    EXPECT_STMT(s, D(SQLPrimaryKeys)(s, NULL, 0, NULL, 0, x, -7), "HY090", "SQLPrimaryKeys(NameLength3 -7)");
    EXPECT_STMT(s, D(SQLStatistics)(s, x, -2, NULL, 0, x, 1, SQL_INDEX_ALL, SQL_QUICK), "HY090",
                "SQLStatistics(NameLength1 -2)");
    EXPECT_STMT(s, D(SQLSpecialColumns)(s, SQL_BEST_ROWID, NULL, 0, NULL, 0, x, -4, SQL_SCOPE_SESSION, SQL_NULLABLE),
                "HY090", "SQLSpecialColumns(NameLength3 -4)");
    EXPECT_STMT(s, D(SQLForeignKeys)(s, NULL, 0, NULL, 0, x, -6, NULL, 0, NULL, 0, NULL, 0), "HY090",
                "SQLForeignKeys(NameLength3 -6)");
    EXPECT_STMT(s, D(SQLProcedures)(s, NULL, 0, NULL, 0, x, -8), "HY090", "SQLProcedures(NameLength3 -8)");
    EXPECT_STMT(s, D(SQLProcedureColumns)(s, NULL, 0, NULL, 0, NULL, 0, x, -9), "HY090",
                "SQLProcedureColumns(NameLength4 -9)");
    EXPECT_STMT(s, D(SQLTablePrivileges)(s, NULL, 0, x, -10, NULL, 0), "HY090",
                "SQLTablePrivileges(NameLength2 -10)");
    EXPECT_STMT(s, D(SQLColumnPrivileges)(s, NULL, 0, NULL, 0, x, 1, x, -11), "HY090",
                "SQLColumnPrivileges(NameLength4 -11)");
    EXPECT_DBC(dbc, D(SQLNativeSql)(dbc, x, -13, buf, sizeof buf, &ilen), "HY090", "SQLNativeSql(TextLength1 -13)");
    EXPECT_DBC(dbc, D(SQLNativeSql)(dbc, x, 1, buf, -1, &ilen), "HY090", "SQLNativeSql(BufferLength -1)");

    /* options and attributes */
    EXPECT_STMT(s, D(SQLSetStmtAttr)(s, 99999, (SQLPOINTER)1, 0), "HY092", "SQLSetStmtAttr(attribute 99999)");
    EXPECT_STMT(s, D(SQLGetStmtAttr)(s, 99999, buf, sizeof buf, &ilen), "HY092", "SQLGetStmtAttr(attribute 99999)");
    EXPECT_STMT(s, D(SQLSetStmtAttr)(s, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)77, 0), "HY024",
                "SQLSetStmtAttr(CURSOR_TYPE, 77)");
    EXPECT_STMT(s, D(SQLSetStmtAttr)(s, SQL_ATTR_CONCURRENCY, (SQLPOINTER)77, 0), "HY024",
                "SQLSetStmtAttr(CONCURRENCY, 77)");
    EXPECT_STMT(s, D(SQLSetStmtAttr)(s, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)0, 0), "HY024",
                "SQLSetStmtAttr(ROW_ARRAY_SIZE, 0)");
    EXPECT_STMT(s, D(SQLFreeStmt)(s, 99), "HY092", "SQLFreeStmt(option 99)");
    EXPECT_STMT(s, D(SQLGetTypeInfo)(s, 12345), "HY004", "SQLGetTypeInfo(DataType 12345)");
    EXPECT_STMT(s, D(SQLBindCol)(s, 1, 9999, buf, sizeof buf, &ind), "HY003", "SQLBindCol(TargetType 9999)");
    EXPECT_STMT(s, D(SQLBindCol)(s, 1, SQL_C_CHAR, buf, -1, &ind), "HY090", "SQLBindCol(BufferLength -1)");

    /* sequence: nothing executed yet */
    EXPECT_STMT(s, D(SQLFetch)(s), "HY010", "SQLFetch before any execute");
    EXPECT_STMT(s, D(SQLFetchScroll)(s, SQL_FETCH_NEXT, 0), "HY010", "SQLFetchScroll before any execute");
    EXPECT_STMT(s, D(SQLGetData)(s, 1, SQL_C_CHAR, buf, sizeof buf, &ind), "HY010",
                "SQLGetData before any execute");
    SQLSMALLINT cols = -1;
    EXPECT_STMT(s, D(SQLNumResultCols)(s, &cols), "HY010", "SQLNumResultCols before any execute");
    EXPECT_STMT(s, D(SQLDescribeCol)(s, 1, buf, sizeof buf, &slen, &slen, NULL, NULL, NULL), "HY010",
                "SQLDescribeCol before any execute");
    EXPECT_STMT(s, D(SQLColAttribute)(s, 1, SQL_DESC_NAME, buf, sizeof buf, &slen, NULL), "HY010",
                "SQLColAttribute before any execute");
    EXPECT_STMT(s, D(SQLExecute)(s), "HY010", "SQLExecute without SQLPrepare");
    SQLPOINTER token;
    EXPECT_STMT(s, D(SQLParamData)(s, &token), "HY010", "SQLParamData without data-at-execution");
    EXPECT_STMT(s, D(SQLPutData)(s, buf, 1), "HY010", "SQLPutData without SQLParamData");
    EXPECT_STMT(s, D(SQLSetPos)(s, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE), "HY010", "SQLSetPos before any execute");
    EXPECT_STMT(s, D(SQLCloseCursor)(s), "24000", "SQLCloseCursor with no cursor");

    /* an open result */
    rc = D(SQLExecDirect)(s, (SQLCHAR *)"SELECT 1 AS a, 'x' AS b", SQL_NTS);
    CHECK(SQL_SUCCEEDED(rc), "execute a two-column query (state %s)", state_of(SQL_HANDLE_STMT, s));
    EXPECT_STMT(s, D(SQLGetData)(s, 1, SQL_C_CHAR, buf, sizeof buf, &ind), "24000", "SQLGetData before SQLFetch");
    EXPECT_STMT(s, D(SQLSetPos)(s, 1, SQL_POSITION, SQL_LOCK_NO_CHANGE), "24000", "SQLSetPos before SQLFetch");
    EXPECT_STMT(s, D(SQLColAttribute)(s, 1, 9999, buf, sizeof buf, &slen, NULL), "HY091",
                "SQLColAttribute(FieldIdentifier 9999)");
    EXPECT_STMT(s, D(SQLColAttribute)(s, 2, SQL_DESC_NAME, buf, -1, &slen, NULL), "HY090",
                "SQLColAttribute(NAME, BufferLength -1)");
    EXPECT_STMT(s, D(SQLDescribeCol)(s, 1, buf, -1, &slen, &slen, NULL, NULL, NULL), "HY090",
                "SQLDescribeCol(BufferLength -1)");
    EXPECT_STMT(s, D(SQLFetchScroll)(s, 99, 0), "HY106", "SQLFetchScroll(FetchOrientation 99)");
    EXPECT_STMT(s, D(SQLExecDirect)(s, (SQLCHAR *)"SELECT 2", SQL_NTS), "24000",
                "SQLExecDirect with an open cursor");
    CHECK_INT(D(SQLFetch)(s), SQL_SUCCESS, "fetch the row");
    EXPECT_STMT(s, D(SQLGetData)(s, 2, SQL_C_CHAR, buf, -1, &ind), "HY090", "SQLGetData(BufferLength -1)");
    EXPECT_STMT(s, D(SQLGetData)(s, 2, 9999, buf, sizeof buf, &ind), "HY003", "SQLGetData(TargetType 9999)");
    CHECK_INT(D(SQLGetData)(s, 2, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_SUCCESS, "the row still reads");
    CHECK_STR((char *)buf, "x", "and holds its value");
    D(SQLFreeHandle)(SQL_HANDLE_STMT, s);
    D(SQLDisconnect)(dbc);
    D(SQLFreeHandle)(SQL_HANDLE_DBC, dbc);
}

/* One malformed server answer: the fault (athena-local's bodyNext, on every
 * attempt), the fetcher, and what the query must give: SQL_ERROR with that
 * state and a message holding that text, and no value. */
typedef struct bad_answer {
    const char *what, *fault, *fetcher, *state, *msg;
} bad_answer;

static const bad_answer bad_answers[] = {
    {"GetQueryExecution cut short", "{\"bodyNext\":[{\"op\":\"athena:GetQueryExecution\",\"drop\":25,\"count\":20}]}",
     "GetQueryResults", "08S01",
     "GetQueryExecution: the answer is not a JSON object (premature end of input"},
    {"GetQueryExecution with a number for State",
     "{\"bodyNext\":[{\"op\":\"athena:GetQueryExecution\",\"from\":\"\\\"State\\\":\\\"\",\"to\":\"\\\"State\\\":7,\\\"S\\\":\\\"\",\"count\":20}]}",
     "GetQueryResults", "08S01",
     "GetQueryExecution: the answer has no QueryExecution.Status.State"},
    {"GetQueryResults cut short", "{\"bodyNext\":[{\"op\":\"athena:GetQueryResults\",\"drop\":30,\"count\":20}]}",
     "GetQueryResults", "08S01",
     "Unusable GetQueryResults answer: a string is not terminated at byte 282 of 282"},
    {"GetQueryResults with a number for Rows",
     "{\"bodyNext\":[{\"op\":\"athena:GetQueryResults\",\"from\":\"\\\"Rows\\\":[\",\"to\":\"\\\"Rows\\\":7,\\\"R\\\":[\",\"count\":20}]}",
     "GetQueryResults", "08S01",
     "Unusable GetQueryResults answer: Rows must be an array at byte 37 of 318"},
    {"GetQueryResults with a number for a VarCharValue",
     "{\"bodyNext\":[{\"op\":\"athena:GetQueryResults\",\"from\":\"\\\"hello world\\\"\",\"to\":\"42\",\"count\":20}]}",
     "GetQueryResults", "08S01",
     "Unusable GetQueryResults answer: VarCharValue must be a string at byte 95 of 301"},
    {"GetQueryResults with invalid UTF-8 in a VarCharValue",
     "{\"bodyNext\":[{\"op\":\"athena:GetQueryResults\",\"from\":\"hello\",\"toHex\":\"68ff6c6c6f\",\"count\":20}]}",
     "GetQueryResults", "08S01",
     "Unusable GetQueryResults answer: invalid UTF-8 in a string at byte 96 of 312"},
    {"GetQueryResults with a huge Precision",
     "{\"bodyNext\":[{\"op\":\"athena:GetQueryResults\",\"from\":\"\\\"Precision\\\":\",\"to\":\"\\\"Precision\\\":99999999999999999999,\\\"P\\\":\",\"count\":20}]}",
     "GetQueryResults", "08S01",
     "Unusable GetQueryResults answer: a number too large at byte 271 of 337"},
    {"the result CSV with invalid UTF-8",
     "{\"bodyNext\":[{\"op\":\"s3:GetObject\",\"from\":\"hello\",\"toHex\":\"68ff6c6c6f\",\"count\":20}]}", "S3",
     "08S01", "The result file is not valid Athena CSV: invalid UTF-8 in a value in record 2 (byte 5)"},
    {"the result CSV cut short", "{\"bodyNext\":[{\"op\":\"s3:GetObject\",\"drop\":4,\"count\":20}]}", "S3",
     "08S01",
     "GetObject of the result file returned 14 bytes for a range of 18"},
    {"the result CSV ending inside a quoted field",
     "{\"bodyNext\":[{\"op\":\"s3:GetObject\",\"from\":\"world\\\"\",\"to\":\"world\\n\",\"count\":20}]}", "S3", "08S01",
     "The result file is not valid Athena CSV: the file ends inside a quoted value in record 2 (byte 18)"},
};

static void bad_answer_check(const bad_answer *b)
{
    char out[4096], in[512];
    int set = admin("POST", "/_athena_local/faults", b->fault, out, sizeof out);
    CHECK(set == 200, "%s: fault set (%d %s)", b->what, set, set == 200 ? "" : out);
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLHENV env = SQL_NULL_HENV;
    D(SQLAllocHandle)(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
    D(SQLSetEnvAttr)(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
    D(SQLAllocHandle)(SQL_HANDLE_DBC, env, &dbc);
    const char *dsn = getenv("ATHENA_TEST_DSN");
    snprintf(in, sizeof in, "DSN=%s;ResultFetcher=%s;MaxRetries=1", dsn && *dsn ? dsn : "athena-local", b->fetcher);
    SQLRETURN rc = D(SQLDriverConnect)(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    CHECK(SQL_SUCCEEDED(rc), "%s: connect", b->what);
    SQLHSTMT s = new_stmt(dbc);
    SQLCHAR v[64] = "";
    SQLLEN ind = 0;
    rc = D(SQLExecDirect)(s, (SQLCHAR *)"SELECT 'hello world' AS v", SQL_NTS);
    if (SQL_SUCCEEDED(rc))
        rc = D(SQLFetch)(s);
    if (SQL_SUCCEEDED(rc))
        rc = D(SQLGetData)(s, 1, SQL_C_CHAR, v, sizeof v, &ind);
    SQLCHAR st[6] = "", msg[1024] = "";
    SQLINTEGER native;
    SQLSMALLINT len;
    D(SQLGetDiagRec)(SQL_HANDLE_STMT, s, 1, st, &native, msg, sizeof msg, &len);
    CHECK(rc == SQL_ERROR && !strcmp((char *)st, b->state) && strstr((char *)msg, b->msg) && !v[0],
          "%s: %s \"%s\" and no row (rc %d, [%s] %s, value '%s')", b->what, b->state, b->msg, rc, st, msg, v);
    D(SQLFreeHandle)(SQL_HANDLE_STMT, s);
    D(SQLDisconnect)(dbc);
    D(SQLFreeHandle)(SQL_HANDLE_DBC, dbc);
    D(SQLFreeHandle)(SQL_HANDLE_ENV, env);
    admin("DELETE", "/_athena_local/faults", NULL, out, sizeof out);
}

int main(void)
{
    lib = dlopen(DRIVER_SO, RTLD_NOW);
    CHECK(lib != NULL, "dlopen the driver (%s)", lib ? "" : dlerror());
    if (!lib)
        return th_done();
    char cmd[1200], names[200][64];
    int n = 0;
    snprintf(cmd, sizeof cmd, "nm -D --defined-only '%s'", DRIVER_SO);
    FILE *p = popen(cmd, "r");
    char line[512];
    while (p && fgets(line, sizeof line, p) && n < 200) {
        char addr[64], type[8], name[128];
        if (sscanf(line, "%63s %7s %127s", addr, type, name) == 3 && !strncmp(name, "SQL", 3) &&
            strlen(name) < 64)
            strcpy(names[n++], name);
    }
    if (p)
        pclose(p);
    CHECK(n >= 80, "the driver exports %d SQL functions", n);

    SQLHANDLE env = NULL, dbc = NULL;
    typedef SQLRETURN (*alloc_fn)(SQLSMALLINT, SQLHANDLE, SQLHANDLE *);
    typedef SQLRETURN (*free_fn)(SQLSMALLINT, SQLHANDLE);
    typedef SQLRETURN (*setenv_fn)(SQLHENV, SQLINTEGER, SQLPOINTER, SQLINTEGER);
    alloc_fn alloc = (alloc_fn)(uintptr_t)dlsym(lib, "SQLAllocHandle");
    free_fn hfree = (free_fn)(uintptr_t)dlsym(lib, "SQLFreeHandle");
    setenv_fn set_env = (setenv_fn)(uintptr_t)dlsym(lib, "SQLSetEnvAttr");
    CHECK_INT(alloc(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env), SQL_SUCCESS, "an environment");
    CHECK_INT(set_env(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0), SQL_SUCCESS, "ODBC 3");
    CHECK_INT(alloc(SQL_HANDLE_DBC, env, &dbc), SQL_SUCCESS, "a connection");

    int null_ok = 0, wrong_ok = 0, plain = 0;
    for (int i = 0; i < n; i++) {
        if (special(names[i]) || !strcmp(names[i], "SQLAllocEnv"))
            continue;
        plain++;
        SQLRETURN r = call0(names[i], NULL);
        if (r == SQL_INVALID_HANDLE)
            null_ok++;
        else
            printf("# %s(NULL, ...) returned %d\n", names[i], r);
        /* the wrong type: a connection where an environment belongs, an environment elsewhere */
        r = call0(names[i], env_first(names[i]) ? dbc : env);
        if (r == SQL_INVALID_HANDLE)
            wrong_ok++;
        else
            printf("# %s(wrong handle type, ...) returned %d\n", names[i], r);
    }
    CHECK_INT(null_ok, plain, "a null handle: SQL_INVALID_HANDLE from every function taking one handle first");
    CHECK_INT(wrong_ok, plain, "a handle of the wrong type: SQL_INVALID_HANDLE from every such function");

    /* the functions with a handle type argument */
    SQLHANDLE out = NULL;
    CHECK_INT(alloc(SQL_HANDLE_DBC, SQL_NULL_HANDLE, &out), SQL_INVALID_HANDLE, "SQLAllocHandle(DBC, NULL)");
    CHECK_INT(alloc(SQL_HANDLE_STMT, env, &out), SQL_INVALID_HANDLE, "SQLAllocHandle(STMT, an environment)");
    CHECK_INT(alloc(SQL_HANDLE_DBC, dbc, &out), SQL_INVALID_HANDLE, "SQLAllocHandle(DBC, a connection)");
    CHECK_INT(alloc(SQL_HANDLE_DBC, env, NULL), SQL_ERROR, "SQLAllocHandle(DBC, env, NULL output)");
    CHECK_INT(diag_state(SQL_HANDLE_ENV, env), 0, "HY009 on the environment");
    CHECK_INT(alloc(SQL_HANDLE_STMT, dbc, NULL), SQL_ERROR, "SQLAllocHandle(STMT, dbc, NULL output)");
    CHECK_INT(diag_state(SQL_HANDLE_DBC, dbc), 0, "HY009 on the connection");
    CHECK_INT(hfree(SQL_HANDLE_STMT, NULL), SQL_INVALID_HANDLE, "SQLFreeHandle(STMT, NULL)");
    CHECK_INT(hfree(SQL_HANDLE_STMT, dbc), SQL_INVALID_HANDLE, "SQLFreeHandle(STMT, a connection)");
    CHECK_INT(hfree(SQL_HANDLE_DESC, env), SQL_INVALID_HANDLE, "SQLFreeHandle(DESC, an environment)");
    typedef SQLRETURN (*diag_fn)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT, SQLCHAR *, SQLINTEGER *, SQLCHAR *,
                                 SQLSMALLINT, SQLSMALLINT *);
    diag_fn diag = (diag_fn)(uintptr_t)dlsym(lib, "SQLGetDiagRec");
    SQLCHAR st[6], msg[256];
    SQLINTEGER native;
    SQLSMALLINT len;
    CHECK_INT(diag(SQL_HANDLE_DBC, NULL, 1, st, &native, msg, sizeof msg, &len), SQL_INVALID_HANDLE,
              "SQLGetDiagRec(DBC, NULL)");
    CHECK_INT(diag(SQL_HANDLE_STMT, dbc, 1, st, &native, msg, sizeof msg, &len), SQL_INVALID_HANDLE,
              "SQLGetDiagRec(STMT, a connection)");
    typedef SQLRETURN (*endtran_fn)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT);
    endtran_fn endtran = (endtran_fn)(uintptr_t)dlsym(lib, "SQLEndTran");
    CHECK_INT(endtran(SQL_HANDLE_DBC, NULL, SQL_COMMIT), SQL_INVALID_HANDLE, "SQLEndTran(DBC, NULL)");
    CHECK_INT(endtran(SQL_HANDLE_DBC, env, SQL_COMMIT), SQL_INVALID_HANDLE, "SQLEndTran(DBC, an environment)");

    CHECK_INT(hfree(SQL_HANDLE_DBC, dbc), SQL_SUCCESS, "free the connection");
    bad_input(env);
    for (size_t i = 0; i < sizeof bad_answers / sizeof bad_answers[0]; i++)
        bad_answer_check(&bad_answers[i]);
    CHECK_INT(hfree(SQL_HANDLE_ENV, env), SQL_SUCCESS, "free the environment");
    /* no dlclose: the driver's process-wide state (made once, kept until
     * exit) stays reachable instead of showing as leaked under LeakSanitizer
     * once the library is unmapped */
    return th_done();
}

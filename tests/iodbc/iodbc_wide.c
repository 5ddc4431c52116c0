/* iodbc_wide.c - the driver's W functions with iODBC's 4-byte SQLWCHAR
 * (wchar_t) in a program that has the shared iODBC library (libiodbc.so.2)
 * loaded, as applications linked with iODBC have: the unit is known from the
 * first W call, also before any connection, and agrees with what the driver
 * answers to iODBC's SQL_ATTR_DRIVER_UNICODE_TYPE. Then through iODBC:
 * SQLDriverConnectW by DSN, SQLGetInfoW, SQLTablesW, SQLColumnsW, bounded
 * multibyte text as SQL_C_WCHAR and an error message.
 *
 * Loads libiodbc.so.2 and the driver with dlopen and calls them through
 * pointers of its own, so that it neither links nor loads unixODBC (whose
 * headers give the constants). Run by tests/iodbc/run.sh with ODBCINI and
 * ODBCINSTINI naming a private iODBC DSN "athena-local"; needs
 * ATHENA_DRIVER_SO and ATHENA_LOCAL_URL. Prints TAP. */
#include <dlfcn.h>
#include <locale.h>
#include <sql.h>
#include <sqlext.h>
#include <wchar.h>

#include "harness.h"

typedef SQLRETURN (*alloc_handle_fn)(SQLSMALLINT, SQLHANDLE, SQLHANDLE *);
typedef SQLRETURN (*free_handle_fn)(SQLSMALLINT, SQLHANDLE);
typedef SQLRETURN (*set_env_attr_fn)(SQLHENV, SQLINTEGER, SQLPOINTER, SQLINTEGER);
typedef SQLRETURN (*get_env_attr_fn)(SQLHENV, SQLINTEGER, SQLPOINTER, SQLINTEGER, SQLINTEGER *);
typedef SQLRETURN (*set_connect_attr_fn)(SQLHDBC, SQLINTEGER, SQLPOINTER, SQLINTEGER);
typedef SQLRETURN (*get_connect_attr_fn)(SQLHDBC, SQLINTEGER, SQLPOINTER, SQLINTEGER, SQLINTEGER *);
typedef SQLRETURN (*driver_connect_fn)(SQLHDBC, SQLHWND, wchar_t *, SQLSMALLINT, wchar_t *, SQLSMALLINT,
                                       SQLSMALLINT *, SQLUSMALLINT);
typedef SQLRETURN (*disconnect_fn)(SQLHDBC);
typedef SQLRETURN (*get_info_fn)(SQLHDBC, SQLUSMALLINT, SQLPOINTER, SQLSMALLINT, SQLSMALLINT *);
typedef SQLRETURN (*tables_fn)(SQLHSTMT, wchar_t *, SQLSMALLINT, wchar_t *, SQLSMALLINT, wchar_t *, SQLSMALLINT,
                               wchar_t *, SQLSMALLINT);
typedef SQLRETURN (*columns_fn)(SQLHSTMT, wchar_t *, SQLSMALLINT, wchar_t *, SQLSMALLINT, wchar_t *, SQLSMALLINT,
                                wchar_t *, SQLSMALLINT);
typedef SQLRETURN (*exec_direct_fn)(SQLHSTMT, wchar_t *, SQLINTEGER);
typedef SQLRETURN (*fetch_fn)(SQLHSTMT);
typedef SQLRETURN (*get_data_fn)(SQLHSTMT, SQLUSMALLINT, SQLSMALLINT, SQLPOINTER, SQLLEN, SQLLEN *);
typedef SQLRETURN (*close_cursor_fn)(SQLHSTMT);
typedef SQLRETURN (*get_diag_rec_fn)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT, wchar_t *, SQLINTEGER *, wchar_t *,
                                     SQLSMALLINT, SQLSMALLINT *);

/* the ODBC functions of one library */
typedef struct {
    alloc_handle_fn alloc_handle;
    free_handle_fn free_handle;
    set_env_attr_fn set_env_attr;
    get_env_attr_fn get_env_attr;
    set_connect_attr_fn set_connect_attr;
    get_connect_attr_fn get_connect_attr;
    driver_connect_fn driver_connect;
    disconnect_fn disconnect;
    get_info_fn get_info;
    tables_fn tables;
    columns_fn columns;
    exec_direct_fn exec_direct;
    fetch_fn fetch;
    get_data_fn get_data;
    close_cursor_fn close_cursor;
    get_diag_rec_fn get_diag_rec;
} odbc_api;

static void *sym(void *lib, const char *name)
{
    void *p = dlsym(lib, name);
    if (!p) {
        printf("Bail out! %s: %s\n", name, dlerror());
        exit(1);
    }
    return p;
}

static odbc_api load(const char *path)
{
    void *lib = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    if (!lib) {
        printf("Bail out! dlopen %s: %s\n", path, dlerror());
        exit(1);
    }
    odbc_api a;
    a.alloc_handle = (alloc_handle_fn)sym(lib, "SQLAllocHandle");
    a.free_handle = (free_handle_fn)sym(lib, "SQLFreeHandle");
    a.set_env_attr = (set_env_attr_fn)sym(lib, "SQLSetEnvAttr");
    a.get_env_attr = (get_env_attr_fn)sym(lib, "SQLGetEnvAttr");
    a.set_connect_attr = (set_connect_attr_fn)sym(lib, "SQLSetConnectAttrW");
    a.get_connect_attr = (get_connect_attr_fn)sym(lib, "SQLGetConnectAttrW");
    a.driver_connect = (driver_connect_fn)sym(lib, "SQLDriverConnectW");
    a.disconnect = (disconnect_fn)sym(lib, "SQLDisconnect");
    a.get_info = (get_info_fn)sym(lib, "SQLGetInfoW");
    a.tables = (tables_fn)sym(lib, "SQLTablesW");
    a.columns = (columns_fn)sym(lib, "SQLColumnsW");
    a.exec_direct = (exec_direct_fn)sym(lib, "SQLExecDirectW");
    a.fetch = (fetch_fn)sym(lib, "SQLFetch");
    a.get_data = (get_data_fn)sym(lib, "SQLGetData");
    a.close_cursor = (close_cursor_fn)sym(lib, "SQLCloseCursor");
    a.get_diag_rec = (get_diag_rec_fn)sym(lib, "SQLGetDiagRecW");
    return a;
}

/* wchar_t text as UTF-8, for comparing and printing */
static const char *utf8(const wchar_t *w)
{
    static char out[2][2048];
    static int which;
    char *o = out[which ^= 1];
    mbstate_t st = {0};
    const wchar_t *p = w;
    size_t n = wcsrtombs(o, &p, sizeof out[0] - 1, &st);
    if (n == (size_t)-1)
        snprintf(o, sizeof out[0], "(not convertible)");
    return o;
}

static const char *diag(const odbc_api *a, SQLSMALLINT type, SQLHANDLE h)
{
    static char out[2200];
    wchar_t state[6] = L"", msg[512] = L"";
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    a->get_diag_rec(type, h, 1, state, &native, msg, 512, &len);
    snprintf(out, sizeof out, "%s %s (%d chars)", utf8(state), utf8(msg), (int)len);
    return out;
}

/* column 'col' of each row of the open result, joined with spaces */
static const char *column_of_rows(const odbc_api *a, SQLHSTMT st, SQLUSMALLINT col, int *rows)
{
    static char out[2048];
    size_t o = 0;
    *rows = 0;
    out[0] = 0;
    while (SQL_SUCCEEDED(a->fetch(st))) {
        wchar_t w[129];
        SQLLEN ind = 0;
        if (!SQL_SUCCEEDED(a->get_data(st, col, SQL_C_WCHAR, w, sizeof w, &ind)))
            break;
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", o ? " " : "", utf8(w));
        if (o >= sizeof out)
            o = sizeof out - 1;
        (*rows)++;
    }
    a->close_cursor(st);
    return out;
}

/* Calls the driver itself, as iODBC does with connection attributes an
 * application set before connecting: with only iODBC loaded, a W string
 * before the first connect is read as UTF-32. */
static void before_connect(const char *so, const char *url)
{
    odbc_api drv = load(so);
    SQLHENV env;
    SQLHDBC dbc;
    drv.alloc_handle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
    drv.set_env_attr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
    drv.alloc_handle(SQL_HANDLE_DBC, env, &dbc);
    SQLRETURN rc = drv.set_connect_attr(dbc, SQL_ATTR_CURRENT_CATALOG, L"AwsDataCatalog", SQL_NTS);
    CHECK_INT(rc, SQL_SUCCESS, "driver's SQLSetConnectAttrW(SQL_ATTR_CURRENT_CATALOG) before any connect");

    wchar_t in[1024];
    swprintf(in, 1024,
             L"AwsRegion=us-east-1;EndpointOverride=%s;S3OutputLocation=s3://athena-local-results/iodbc/;"
             L"UID=AKIAIOSFODNN7EXAMPLE;PWD={wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}",
             url);
    rc = drv.driver_connect(dbc, NULL, in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    CHECK(SQL_SUCCEEDED(rc), "driver's SQLDriverConnectW: %s", SQL_SUCCEEDED(rc) ? "" : diag(&drv, SQL_HANDLE_DBC, dbc));
    wchar_t cat[64] = L"";
    SQLINTEGER len = -1;
    drv.get_connect_attr(dbc, SQL_ATTR_CURRENT_CATALOG, cat, sizeof cat, &len);
    CHECK_STR(utf8(cat), "AwsDataCatalog", "the catalog set before connecting, read back whole");
    CHECK_INT(len, 14 * 4, "its length in bytes of 4-byte units");

    SQLINTEGER type = 0;
    rc = drv.get_env_attr(env, 1065, &type, 0, NULL);
    CHECK(rc == SQL_SUCCESS && type == 3,
          "driver's SQLGetEnvAttr(SQL_ATTR_DRIVER_UNICODE_TYPE): SQL_DM_CP_UCS4 (3), got %d", (int)type);
    drv.disconnect(dbc);
    drv.free_handle(SQL_HANDLE_DBC, dbc);
    drv.free_handle(SQL_HANDLE_ENV, env);
}

static void through_iodbc(const char *so, const char *url)
{
    odbc_api dm = load("libiodbc.so.2");
    SQLHENV env;
    SQLHDBC dbc;
    SQLHSTMT st;
    dm.alloc_handle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
    dm.set_env_attr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
    dm.alloc_handle(SQL_HANDLE_DBC, env, &dbc);
    wchar_t out[1024] = L"";
    SQLSMALLINT out_len = 0;
    SQLRETURN rc = dm.driver_connect(dbc, NULL, L"DSN=athena-local", SQL_NTS, out, 1024, &out_len,
                                     SQL_DRIVER_NOPROMPT);
    CHECK(SQL_SUCCEEDED(rc), "iODBC SQLDriverConnectW by DSN: %s", SQL_SUCCEEDED(rc) ? "" : diag(&dm, SQL_HANDLE_DBC, dbc));
    wchar_t want[1024];
    swprintf(want, 1024,
             L"DSN=athena-local;DRIVER=%s;AwsRegion=us-east-1;Schema=sampledb;"
             L"S3OutputLocation=s3://athena-local-results/odbc/;UID=AKIAIOSFODNN7EXAMPLE;EndpointOverride=%s;",
             so, url);
    CHECK(wcscmp(out, want) == 0, "the completed connection string, without the secret: %s", utf8(out));
    /* iODBC 3.52.9 itself rewrites the length in bytes for a W application */
    CHECK_INT(out_len, wcslen(out) * sizeof(wchar_t), "its length, as iODBC 3.52.9 reports it: in bytes");

    wchar_t name[64] = L"";
    SQLSMALLINT len = 0;
    dm.get_info(dbc, SQL_DRIVER_NAME, name, sizeof name, &len);
    CHECK_STR(utf8(name), "libathenaodbc.so", "SQLGetInfoW(SQL_DRIVER_NAME)");
    CHECK_INT(len, 16 * 4, "SQLGetInfoW: the length in bytes of 4-byte units");

    dm.alloc_handle(SQL_HANDLE_STMT, dbc, &st);
    int rows;
    dm.tables(st, NULL, 0, L"sampledb", SQL_NTS, L"%", SQL_NTS, NULL, 0);
    CHECK_STR(column_of_rows(&dm, st, 3, &rows), "all_types elb_logs impressions numbers elb_errors",
              "SQLTablesW: sampledb's tables and view");
    dm.columns(st, NULL, 0, L"sampledb", SQL_NTS, L"all_types", SQL_NTS, L"c\\_var%", SQL_NTS);
    CHECK_STR(column_of_rows(&dm, st, 4, &rows), "c_varchar c_varchar10 c_varbinary",
              "SQLColumnsW with an escaped pattern: its columns");
    dm.columns(st, NULL, 0, L"sampledb", SQL_NTS, L"all_types", SQL_NTS, L"%", SQL_NTS);
    column_of_rows(&dm, st, 4, &rows);
    CHECK_INT(rows, 27, "SQLColumnsW: all_types' 27 columns");

    dm.exec_direct(st, L"SELECT c_varchar10, c_char FROM sampledb.all_types WHERE id = 6", SQL_NTS);
    wchar_t v[16] = L"", c[16] = L"";
    SQLLEN vi = 0, ci = 0;
    dm.fetch(st);
    dm.get_data(st, 1, SQL_C_WCHAR, v, sizeof v, &vi);
    dm.get_data(st, 2, SQL_C_WCHAR, c, sizeof c, &ci);
    CHECK(wcscmp(v, L"é日本\U0001F600") == 0 && vi == 16, "varchar(10) as SQL_C_WCHAR: %s, %ld bytes", utf8(v),
          (long)vi);
    CHECK(wcscmp(c, L"ü\U0001F600   ") == 0 && ci == 20, "char(5) as SQL_C_WCHAR: '%s', %ld bytes", utf8(c), (long)ci);
    dm.close_cursor(st);

    rc = dm.exec_direct(st, L"SELECT * FROM sampledb.no_such_table", SQL_NTS);
    CHECK_INT(rc, SQL_ERROR, "a missing table: SQL_ERROR");
    CHECK_STR(diag(&dm, SQL_HANDLE_STMT, st),
              "42S02 [Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table "
              "'awsdatacatalog.sampledb.no_such_table' does not exist (109 chars)",
              "SQLGetDiagRecW: SQLSTATE and Athena's message");
    dm.free_handle(SQL_HANDLE_STMT, st);
    dm.disconnect(dbc);
    dm.free_handle(SQL_HANDLE_DBC, dbc);
    dm.free_handle(SQL_HANDLE_ENV, env);
}

int main(void)
{
    const char *so = getenv("ATHENA_DRIVER_SO"), *url = getenv("ATHENA_LOCAL_URL");
    if (!so || !url) {
        printf("Bail out! ATHENA_DRIVER_SO and ATHENA_LOCAL_URL are needed\n");
        return 1;
    }
    setlocale(LC_ALL, "C.UTF-8");
    /* the shared iODBC library first, as in a program linked with it */
    if (!dlopen("libiodbc.so.2", RTLD_NOW | RTLD_GLOBAL)) {
        printf("Bail out! %s\n", dlerror());
        return 1;
    }
    before_connect(so, url);
    through_iodbc(so, url);
    return th_done();
}

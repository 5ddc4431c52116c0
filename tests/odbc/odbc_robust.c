/* odbc_robust.c - every exported ODBC function with a null handle and with
 * a handle of the wrong type, called on the driver directly (dlopen: the
 * driver manager would catch these before the driver): each answers
 * SQL_INVALID_HANDLE and nothing crashes. The exported functions are listed
 * from the library itself (nm -D), so a new entry point is covered at once. */
#include "odbc_util.h"

#include <dlfcn.h>
#include <stdint.h>

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
    CHECK_INT(hfree(SQL_HANDLE_ENV, env), SQL_SUCCESS, "free the environment");
    dlclose(lib);
    return th_done();
}

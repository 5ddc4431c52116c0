/* odbc_util.h - helpers for the ODBC API tests: they go through the unixODBC
 * driver manager exactly like an application, with the private DSN that
 * ./run-tests registers (ATHENA_TEST_DSN, default "athena-local"). */
#ifndef ATHENA_ODBC_UTIL_H
#define ATHENA_ODBC_UTIL_H

#include <sql.h>
#include <sqlext.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static inline const char *test_dsn(void)
{
    const char *d = getenv("ATHENA_TEST_DSN");
    return d && *d ? d : "athena-local";
}

static inline SQLHENV test_env(void)
{
    static SQLHENV env = SQL_NULL_HENV;
    if (!env) {
        SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
        SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
    }
    return env;
}

/* First diagnostic record of a handle: state (6 bytes) and message. */
static inline void first_diag(SQLSMALLINT type, SQLHANDLE h, char state[6], char *msg, size_t msg_size)
{
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    state[0] = '\0';
    if (msg_size)
        msg[0] = '\0';
    if (!SQL_SUCCEEDED(SQLGetDiagRec(type, h, 1, (SQLCHAR *)state, &native, (SQLCHAR *)msg,
                                     (SQLSMALLINT)msg_size, &len)))
        state[0] = '\0';
}

static inline void show_diag(const char *what, SQLSMALLINT type, SQLHANDLE h)
{
    char state[6], msg[1024];
    first_diag(type, h, state, msg, sizeof msg);
    printf("# %s: [%s] %s\n", what, state, msg);
}

/* Connects with "DSN=<test dsn>;<extra>"; NULL (with the diagnostic shown) on failure. */
static inline SQLHDBC test_connect(const char *extra)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLAllocHandle(SQL_HANDLE_DBC, test_env(), &dbc);
    char in[2048];
    snprintf(in, sizeof in, "DSN=%s;%s", test_dsn(), extra ? extra : "");
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc)) {
        show_diag("connect failed", SQL_HANDLE_DBC, dbc);
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        return SQL_NULL_HDBC;
    }
    return dbc;
}

static inline void test_disconnect(SQLHDBC dbc)
{
    if (!dbc)
        return;
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

/* Executes sql on a new statement; returns it (even on failure: check rc). */
static inline SQLHSTMT test_exec(SQLHDBC dbc, const char *sql, SQLRETURN *rc_out)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (rc_out)
        *rc_out = rc;
    return st;
}

/* Fetches the first row and returns column col as text (static buffer). */
static inline const char *test_scalar(SQLHDBC dbc, const char *sql)
{
    static char buf[4096];
    SQLRETURN rc;
    SQLHSTMT st = test_exec(dbc, sql, &rc);
    strcpy(buf, "(error)");
    if (SQL_SUCCEEDED(rc) && SQL_SUCCEEDED(SQLFetch(st))) {
        SQLLEN ind = 0;
        if (SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind)) && ind == SQL_NULL_DATA)
            strcpy(buf, "(null)");
    } else {
        show_diag(sql, SQL_HANDLE_STMT, st);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return buf;
}

#define CHECK_RC(rc, want, what) CHECK_INT((rc), (want), (what))

/* Checks that the handle's first diagnostic has SQLSTATE `want`. */
#define CHECK_STATE(type, h, want, what)                                    \
    do {                                                                    \
        char st_[6], msg_[1024];                                            \
        first_diag((type), (h), st_, msg_, sizeof msg_);                    \
        CHECK(strcmp(st_, (want)) == 0, "%s: SQLSTATE %s (%s), want %s", (what), st_, msg_, (want)); \
    } while (0)

#endif

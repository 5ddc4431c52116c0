/* bench_util.h - clocks, and connecting through the driver manager, shared
 * by the benchmark programs that do not use the test harness. */
#ifndef ATHENA_BENCH_UTIL_H
#define ATHENA_BENCH_UTIL_H

#include <sql.h>
#include <sqlext.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* Monotonic wall clock, seconds. */
static inline double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of the whole process (every thread, user + system), seconds. */
static inline double cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec / 1e6;
}

/* Prints what failed with the handle's first diagnostic and exits 1. */
static inline void bench_fail(const char *what, SQLSMALLINT type, SQLHANDLE h)
{
    SQLCHAR state[6] = "", msg[1024] = "";
    SQLINTEGER native;
    SQLSMALLINT len;
    SQLGetDiagRec(type, h, 1, state, &native, msg, sizeof msg, &len);
    fprintf(stderr, "%s failed: %s %s\n", what, state, msg);
    exit(1);
}

/* A connection (and in *env its environment, ODBC 3) to the DSN in
 * ATHENA_TEST_DSN (default athena-local) with the extra keys ("" for
 * none); exits through bench_fail when it fails. */
static inline SQLHDBC bench_connect(const char *keys, SQLHENV *env)
{
    const char *dsn = getenv("ATHENA_TEST_DSN") ? getenv("ATHENA_TEST_DSN") : "athena-local";
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, env);
    SQLSetEnvAttr(*env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
    SQLAllocHandle(SQL_HANDLE_DBC, *env, &dbc);
    char in[2048];
    snprintf(in, sizeof in, "DSN=%s;%s", dsn, keys);
    if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *)in, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT)))
        bench_fail("connect", SQL_HANDLE_DBC, dbc);
    return dbc;
}

/* Disconnects and frees the connection and its environment. */
static inline void bench_disconnect(SQLHDBC dbc, SQLHENV env)
{
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
}

#endif

/* odbc_util.h - helpers for the ODBC API tests: they go through the unixODBC
 * driver manager exactly like an application, with the private DSN that
 * ./run-tests registers (ATHENA_TEST_DSN, default "athena-local"). */
#ifndef ATHENA_ODBC_UTIL_H
#define ATHENA_ODBC_UTIL_H

#include <sql.h>
#include <sqlext.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

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

/* One HTTP/1.0 request to athena-local's admin endpoint; the body of the
 * answer goes into out. Returns the status, or -1. */
static inline int admin(const char *method, const char *path, const char *body, char *out, size_t out_size)
{
    const char *port = getenv("ATHENA_LOCAL_PORT");
    if (!port)
        return -1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)atoi(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    char req[1024];
    int n = snprintf(req, sizeof req, "%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: %zu\r\n\r\n%s", method,
                     path, body ? strlen(body) : 0, body ? body : "");
    if (write(fd, req, (size_t)n) != n) {
        close(fd);
        return -1;
    }
    char buf[65536];
    size_t got = 0;
    ssize_t r;
    while (got < sizeof buf - 1 && (r = read(fd, buf + got, sizeof buf - 1 - got)) > 0)
        got += (size_t)r;
    close(fd);
    buf[got] = '\0';
    int status = -1;
    sscanf(buf, "HTTP/%*s %d", &status);
    const char *b = strstr(buf, "\r\n\r\n");
    if (out && out_size) {
        snprintf(out, out_size, "%s", b ? b + 4 : "");
    }
    return status;
}

/* Value of "key": N in a JSON text (the first occurrence after `after`). */
static inline long json_number(const char *json, const char *after, const char *key)
{
    const char *p = after ? strstr(json, after) : json;
    if (!p)
        return -1;
    char pat[128];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    p = strstr(p, pat);
    return p ? strtol(p + strlen(pat), NULL, 10) : -1;
}

/* Calls athena-local answered for op ("athena:ListDatabases") since its
 * stats were last reset; -1 if the stats cannot be read. */
static inline long athena_calls(const char *op)
{
    char stats[65536];
    if (admin("GET", "/_athena_local/stats", NULL, stats, sizeof stats) != 200)
        return -1;
    long n = json_number(stats, "\"calls\"", op);
    return n < 0 ? 0 : n;
}

/* The metadata calls the catalog functions make. */
static inline long athena_metadata_calls(void)
{
    return athena_calls("athena:ListDataCatalogs") + athena_calls("athena:ListDatabases") +
           athena_calls("athena:ListTableMetadata") + athena_calls("athena:GetTableMetadata");
}

/* Waits (at most 10 s) until athena-local has answered `op` at least n times
 * since its stats were last reset: a condition, not a guess at a delay. */
static inline bool wait_for_calls(const char *op, long n)
{
    char stats[65536];
    for (int i = 0; i < 1000; i++) {
        if (admin("GET", "/_athena_local/stats", NULL, stats, sizeof stats) == 200 &&
            json_number(stats, "\"calls\"", op) >= n)
            return true;
        struct timespec ts = {0, 10000000L};
        nanosleep(&ts, NULL);
    }
    return false;
}

/* ---- a second athena-local of a test's own (other flags than the shared one) ---- */

/* Starts the athena-local launcher (ATHENA_LOCAL_BIN, ./tests/athena-local, or
 * the one beside this program's build tree) with `--port 0 --port-file
 * port_file` and the NULL-terminated extra arguments; waits (at most 120 s)
 * for its port. 0 with *pid and url set, or -1. */
static inline int local_start(const char *const *extra, const char *port_file, pid_t *pid, char *url, size_t n)
{
    const char *candidates[3];
    char a[1024], b[1024];
    snprintf(a, sizeof a, "%s/tests/athena-local/athena-local", getenv("PWD") ? getenv("PWD") : ".");
    char exe[900];
    ssize_t l = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[l > 0 ? l : 0] = '\0';
    char *cut = strstr(exe, "/tests/");
    if (cut)
        *cut = '\0';
    snprintf(b, sizeof b, "%s/tests/athena-local/athena-local", exe);
    candidates[0] = getenv("ATHENA_LOCAL_BIN");
    candidates[1] = a;
    candidates[2] = b;
    const char *bin = NULL;
    for (int i = 0; i < 3 && !bin; i++) {
        char deps[1100];
        snprintf(deps, sizeof deps, "%.1000s", candidates[i] ? candidates[i] : "");
        char *slash = strrchr(deps, '/');
        if (slash)
            snprintf(slash, sizeof deps - (size_t)(slash - deps), "/node_modules");
        if (candidates[i] && access(candidates[i], X_OK) == 0 && access(deps, F_OK) == 0)
            bin = candidates[i];
    }
    if (!bin) {
        printf("# athena-local launcher not found (set ATHENA_LOCAL_BIN)\n");
        return -1;
    }
    const char *argv[16] = {bin, "--port", "0", "--port-file", port_file};
    int argc = 5;
    for (; extra && *extra && argc < 15; extra++)
        argv[argc++] = *extra;
    argv[argc] = NULL;
    unlink(port_file);
    *pid = fork();
    if (*pid == 0) {
        int nul = open("/dev/null", O_WRONLY);
        if (nul >= 0) {
            dup2(nul, 1);
            dup2(nul, 2);
        }
        execv(bin, (char *const *)argv);
        _exit(127);
    }
    for (int i = 0; i < 1200; i++) { /* at most 120 s */
        FILE *f = fopen(port_file, "r");
        int port = 0;
        if (f) {
            if (fscanf(f, "%d", &port) != 1)
                port = 0;
            fclose(f);
        }
        if (port > 0) {
            snprintf(url, n, "http://127.0.0.1:%d", port);
            return 0;
        }
        if (waitpid(*pid, NULL, WNOHANG) == *pid) {
            *pid = -1;
            return -1;
        }
        usleep(100000);
    }
    return -1;
}

static inline void local_stop(pid_t *pid)
{
    if (*pid > 0) {
        kill(*pid, SIGTERM);
        for (int i = 0; i < 50 && waitpid(*pid, NULL, WNOHANG) == 0; i++)
            usleep(100000);
        kill(*pid, SIGKILL);
        waitpid(*pid, NULL, 0);
        *pid = -1;
    }
}

/* UTF-8 -> UTF-16 (test data is valid UTF-8). Returns the number of units. */
static inline size_t to_w(const char *s, SQLWCHAR *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p && n + 2 < cap) {
        uint32_t cp;
        if (p[0] < 0x80) {
            cp = p[0];
            p += 1;
        } else if ((p[0] & 0xE0) == 0xC0) {
            cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else if ((p[0] & 0xF0) == 0xE0) {
            cp = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            p += 3;
        } else {
            cp = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 | (uint32_t)(p[2] & 0x3F) << 6 |
                 (p[3] & 0x3F);
            p += 4;
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[n++] = (SQLWCHAR)(0xD800 + (cp >> 10));
            out[n++] = (SQLWCHAR)(0xDC00 + (cp & 0x3FF));
        } else {
            out[n++] = (SQLWCHAR)cp;
        }
    }
    out[n] = 0;
    return n;
}

/* A connection logging at DEBUG into dir, a new temporary directory made
 * from the template dir ("/tmp/x-XXXXXX"), with the keys extra ("" for none)
 * before the log keys; NULL (and a failed check) when dir cannot be made or
 * the connection fails.
 * take_log reads the log and removes dir. */
static inline SQLHDBC connect_logging(char *dir, const char *extra)
{
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp %s", dir);
        return SQL_NULL_HDBC;
    }
    char keys[1024];
    snprintf(keys, sizeof keys, "%s%sLogLevel=DEBUG;LogPath=%s", extra, *extra ? ";" : "", dir);
    SQLHDBC dbc = test_connect(keys);
    CHECK(dbc != SQL_NULL_HDBC, "connect logging into %s", dir);
    return dbc;
}

/* The driver log this process wrote in dir (LogPath=dir): its text, malloc'd
 * (NULL if none); the file and dir are removed. */
static inline char *take_log(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/athenaodbc_%d.log", dir, (int)getpid());
    char *text = th_read_file(path, NULL);
    remove(path);
    rmdir(dir);
    return text;
}

/* Occurrences of needle in text. */
static inline int count_of(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = text; p && (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* Occurrences of needle in the file at path; -1 when it cannot be read. */
static inline long count_in_file(const char *path, const char *needle)
{
    char *text = th_read_file(path, NULL);
    if (!text)
        return -1;
    long n = count_of(text, needle);
    free(text);
    return n;
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

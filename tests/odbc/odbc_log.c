/* odbc_log.c - LogLevel and LogPath: API calls at TRACE, HTTP calls at DEBUG
 * (operation, status, milliseconds, request id), nothing below the level,
 * and never a secret, session token or signature. */
#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "odbc_util.h"

/* Runs a short session with the given extra keys, returns the log's text (or NULL if no file). */
static char *session(const char *dir, const char *extra, const char *sql)
{
    char keys[1024], path[600];
    snprintf(keys, sizeof keys, "LogPath=%s;%s", dir, extra);
    SQLHDBC dbc = test_connect(keys);
    if (dbc) {
        if (sql) {
            SQLRETURN rc;
            SQLHSTMT st = test_exec(dbc, sql, &rc);
            while (SQL_SUCCEEDED(SQLFetch(st)))
                ;
            SQLFreeHandle(SQL_HANDLE_STMT, st);
        }
        test_disconnect(dbc);
    }
    snprintf(path, sizeof path, "%s/athenaodbc_%d.log", dir, (int)getpid());
    char *text = th_read_file(path, NULL);
    unlink(path);
    return text;
}

/* Whether the text at s (len bytes) matches pattern: all of it when whole,
 * else its beginning. In the pattern
 * %T is a log timestamp ("2026-01-02 03:04:05.678Z"), %N a number, %F a
 * number with one decimal (milliseconds) and %U a request or query id (a
 * UUID); everything else stands for itself. */
static bool line_matches(const char *s, size_t len, const char *pattern, bool whole)
{
    size_t i = 0;
    for (const char *p = pattern; *p; p++) {
        if (*p != '%') {
            if (i >= len || s[i++] != *p)
                return false;
            continue;
        }
        char k = *++p;
        if (k == 'T') {
            const char *shape = "dddd-dd-dd dd:dd:dd.dddZ";
            for (const char *c = shape; *c; c++, i++)
                if (i >= len || (*c == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != *c))
                    return false;
        } else if (k == 'N' || k == 'F') {
            size_t start = i;
            while (i < len && isdigit((unsigned char)s[i]))
                i++;
            if (i == start)
                return false;
            if (k == 'F') {
                if (i + 1 >= len || s[i] != '.' || !isdigit((unsigned char)s[i + 1]))
                    return false;
                i += 2;
            }
        } else if (k == 'U') {
            for (int c = 0; c < 36; c++, i++) {
                bool dash = c == 8 || c == 13 || c == 18 || c == 23;
                if (i >= len || (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i])))
                    return false;
            }
        } else {
            return false;
        }
    }
    return !whole || i == len;
}

/* Whether some line of the log matches pattern exactly (see line_matches). */
static bool has_line(const char *log, const char *pattern)
{
    for (const char *l = log; *l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        if (line_matches(l, n, pattern, true))
            return true;
        l += n + (e ? 1 : 0);
    }
    return false;
}

/* Whether every line of the log has the form "<timestamp> <LEVEL> [tid N] text". */
static bool all_lines_formed(const char *log)
{
    static const char *const levels[] = {"ERROR", "WARN ", "INFO ", "DEBUG", "TRACE"};
    for (const char *l = log; *l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        bool ok = false;
        for (size_t k = 0; k < sizeof levels / sizeof levels[0] && !ok; k++) {
            char pat[64];
            snprintf(pat, sizeof pat, "%%T %s [tid %%N] ", levels[k]);
            ok = line_matches(l, n, pat, false);
        }
        if (!ok)
            return false;
        l += n + (e ? 1 : 0);
    }
    return true;
}

int main(void)
{
    char dir[] = "/tmp/athena-odbc-log-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return th_done();
    }

    char *log = session(dir, "LogLevel=TRACE", "SELECT 1");
    CHECK(log != NULL, "TRACE writes a log file named after the process in LogPath");
    if (log) {
        CHECK(all_lines_formed(log), "every line: timestamp, level, thread, text");
        CHECK(has_line(log, "%T TRACE [tid %N] SQLExecDirect"), "API calls at TRACE");
        CHECK(has_line(log, "%T TRACE [tid %N] SQLFetch"), "SQLFetch at TRACE");
        CHECK(has_line(log, "%T DEBUG [tid %N] POST StartQueryExecution -> HTTP 200 in %F ms "
                            "(request id %U, attempt 1)"),
              "HTTP call: operation, status, milliseconds, request id, attempt");
        CHECK(has_line(log, "%T DEBUG [tid %N] POST GetQueryResults -> HTTP 200 in %F ms (request id %U, attempt 1)"),
              "GetQueryResults logged the same way");
        CHECK(has_line(log, "%T DEBUG [tid %N] started query %U with 0 ExecutionParameters"), "the query id");
        CHECK(has_line(log, "%T INFO  [tid %N] execute %U: rc=0 in %N ms"), "the execution's outcome and time");
        CHECK(strstr(log, "wJalrXUtnFEMI") == NULL, "the secret key is not in the log");
        CHECK(strstr(log, "Signature=") == NULL, "no signature in the log");
        CHECK(strstr(log, "Authorization") == NULL, "no Authorization header in the log");
        free(log);
    }

    log = session(dir, "LogLevel=INFO", "SELECT 1");
    CHECK(log != NULL, "INFO writes a log");
    if (log) {
        CHECK(has_line(log, "%T INFO  [tid %N] connected"), "connect logged at INFO");
        CHECK(strstr(log, "SQLExecDirect") == NULL, "no API trace below TRACE");
        CHECK(strstr(log, "HTTP 200") == NULL, "no HTTP detail below DEBUG");
        free(log);
    }

    log = session(dir, "LogLevel=OFF", "SELECT 1");
    CHECK(log == NULL, "LogLevel=OFF writes nothing");
    free(log);

    /* a session token that athena-local does not know: the call fails, the token stays secret */
    log = session(dir, "LogLevel=6;ConnectionTest=0;SessionToken=SeCrEtToKeN-1234567890", "SELECT 1");
    CHECK(log != NULL, "log of a refused session token");
    if (log) {
        CHECK(strstr(log, "SeCrEtToKeN") == NULL, "the session token is not in the log");
        CHECK(has_line(log, "%T DEBUG [tid %N] POST StartQueryExecution -> HTTP 400 UnrecognizedClientException "
                            "in %F ms (request id %U, attempt 1)"),
              "the refusal is logged with operation, status and error type");
        free(log);
    }
    rmdir(dir);
    return th_done();
}

/* odbc_log.c - LogLevel and LogPath: API calls at TRACE, HTTP calls at DEBUG
 * (operation, status, milliseconds, request id), nothing below the level,
 * and never a secret, session token or signature. */
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "odbc_util.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

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
    char *text = slurp(path);
    unlink(path);
    return text;
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
        CHECK(strstr(log, "SQLExecDirect") != NULL, "API calls at TRACE");
        CHECK(strstr(log, "SQLFetch") != NULL, "SQLFetch at TRACE");
        CHECK(strstr(log, "StartQueryExecution") != NULL, "HTTP operation logged");
        CHECK(strstr(log, "GetQueryResults") != NULL, "GetQueryResults logged");
        CHECK(strstr(log, "HTTP 200") != NULL, "HTTP status logged");
        CHECK(strstr(log, "request id") != NULL, "request id logged");
        CHECK(strstr(log, " ms") != NULL, "milliseconds logged");
        CHECK(strstr(log, "wJalrXUtnFEMI") == NULL, "the secret key is not in the log");
        CHECK(strstr(log, "Signature=") == NULL, "no signature in the log");
        CHECK(strstr(log, "Authorization") == NULL, "no Authorization header in the log");
        free(log);
    }

    log = session(dir, "LogLevel=INFO", "SELECT 1");
    CHECK(log != NULL, "INFO writes a log");
    if (log) {
        CHECK(strstr(log, "connect") != NULL, "connect logged at INFO");
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
        CHECK(strstr(log, "POST StartQueryExecution -> HTTP 400 UnrecognizedClientException in ") != NULL,
              "the refusal is logged with operation, status and error type");
        free(log);
    }
    rmdir(dir);
    return th_done();
}

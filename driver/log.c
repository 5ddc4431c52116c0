/* log.c - the driver log.
 *
 * One line per message: "2024-05-01 12:34:56.789Z DEBUG [tid 4242] text".
 * Lines are formatted first and then written with one write(2) on an
 * O_APPEND descriptor under a mutex, so lines from several threads (and
 * several connections logging into the same file) never interleave. */
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "connstr.h"

struct athena_log {
    log_level level;
    int fd;            /* STDERR_FILENO when logging to stderr */
    bool own_fd;
    pthread_mutex_t mu;
    char path[4096];
};

const char *log_level_name(log_level level)
{
    static const char *const names[] = {"OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"};
    return (level >= LOG_OFF && level <= LOG_TRACE) ? names[level] : "?";
}

athena_log *log_open(log_level level, const char *path)
{
    if (level <= LOG_OFF)
        return NULL;
    athena_log *log = calloc(1, sizeof *log);
    if (!log)
        return NULL;
    log->level = level > LOG_TRACE ? LOG_TRACE : level;
    log->fd = STDERR_FILENO;
    pthread_mutex_init(&log->mu, NULL);
    if (path && *path) {
        struct stat st;
        size_t n = strlen(path);
        bool dir = (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) || path[n - 1] == '/';
        if (dir)
            snprintf(log->path, sizeof log->path, "%s%sathenaodbc_%ld.log", path,
                     path[n - 1] == '/' ? "" : "/", (long)getpid());
        else
            snprintf(log->path, sizeof log->path, "%s", path);
        int fd = open(log->path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0) {
            log->fd = fd;
            log->own_fd = true;
        } else {
            int e = errno;
            char line[4400];
            int len = snprintf(line, sizeof line,
                               "athenaodbc: cannot open log file %s (%s); logging to stderr\n",
                               log->path, strerror(e));
            if (len > 0)
                (void)!write(STDERR_FILENO, line, (size_t)len < sizeof line ? (size_t)len : sizeof line - 1);
            log->path[0] = '\0';
        }
    }
    return log;
}

void log_close(athena_log *log)
{
    if (!log)
        return;
    if (log->own_fd)
        close(log->fd);
    pthread_mutex_destroy(&log->mu);
    free(log);
}

bool log_enabled(const athena_log *log, log_level level)
{
    return log && level != LOG_OFF && level <= log->level;
}

const char *log_file_path(const athena_log *log)
{
    return (log && log->path[0]) ? log->path : NULL;
}

void log_msg(athena_log *log, log_level level, const char *fmt, ...)
{
    if (!log_enabled(log, level))
        return;
    char line[8192];
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    int n = snprintf(line, sizeof line, "%04d-%02d-%02d %02d:%02d:%02d.%03ldZ %-5s [tid %ld] ",
                     tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                     tm.tm_sec, ts.tv_nsec / 1000000L, log_level_name(level),
                     (long)syscall(SYS_gettid));
    if (n < 0)
        return;
    size_t used = (size_t)n;
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + used, sizeof line - used, fmt, ap);
    va_end(ap);
    if (m < 0)
        m = 0;
    used += (size_t)m;
    if (used >= sizeof line - 1) {
        /* truncated: mark it and keep the newline */
        used = sizeof line - 5;
        memcpy(line + used, "...", 3);
        used += 3;
    }
    /* one message, one line: fold embedded newlines */
    for (size_t i = (size_t)n; i < used; i++)
        if (line[i] == '\n' || line[i] == '\r')
            line[i] = ' ';
    line[used++] = '\n';
    pthread_mutex_lock(&log->mu);
    size_t off = 0;
    while (off < used) {
        ssize_t w = write(log->fd, line + off, used - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        off += (size_t)w;
    }
    pthread_mutex_unlock(&log->mu);
}

/* ---- redaction helpers ---- */

void log_mask_key_id(const char *key_id, char *out, size_t out_size)
{
    if (!out || out_size == 0)
        return;
    if (!key_id || !*key_id) {
        snprintf(out, out_size, "(none)");
        return;
    }
    size_t n = strlen(key_id);
    size_t stars = n > 4 ? n - 4 : n;
    if (stars > 16)
        stars = 16; /* the length of a key id is no secret, but keep lines short */
    size_t o = 0;
    for (size_t i = 0; i < stars && o + 1 < out_size; i++)
        out[o++] = '*';
    if (n > 4)
        for (size_t i = n - 4; i < n && o + 1 < out_size; i++)
            out[o++] = key_id[i];
    out[o] = '\0';
}

void log_redact_connstr(const char *text, size_t len, strbuf *out)
{
    connstr cs;
    strbuf err = STRBUF_INIT;
    if (connstr_parse(text, len, &cs, &err) != 0) {
        /* we cannot tell keys from values: say nothing about the content */
        sb_appends(out, "(unparsable connection string)");
        sb_free(&err);
        return;
    }
    sb_free(&err);
    for (size_t i = 0; i < cs.count; i++) {
        if (config_key_is_secret(cs.pairs[i].key))
            connstr_append(out, cs.pairs[i].key, "****");
        else
            connstr_append(out, cs.pairs[i].key, cs.pairs[i].value);
    }
    connstr_free(&cs);
}

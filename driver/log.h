/* log.h - the driver log (LogLevel, LogPath). Never pass a secret to it. */
#ifndef ATHENA_LOG_H
#define ATHENA_LOG_H

#include "dsn_keys.h"

typedef struct athena_log athena_log;

/* Opens a log at `level` writing to `path`: a directory gets a file
 * athenaodbc_<pid>.log inside it; NULL/empty means stderr. Returns NULL when
 * level is LOG_OFF (all log calls accept NULL and do nothing). */
athena_log *log_open(log_level level, const char *path);
void log_close(athena_log *log);
bool log_enabled(const athena_log *log, log_level level);
void log_msg(athena_log *log, log_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define LOG_AT(log, lvl, ...) \
    do { if (log_enabled((log), (lvl))) log_msg((log), (lvl), __VA_ARGS__); } while (0)

#endif

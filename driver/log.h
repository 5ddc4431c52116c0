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

/* "OFF", "FATAL", ... "TRACE". */
const char *log_level_name(log_level level);
/* The file the log writes to, or NULL for stderr. */
const char *log_file_path(const athena_log *log);

/* Redaction helpers: what may be logged about credentials.
 * log_mask_key_id writes an access key id with all but its last 4
 * characters replaced by '*' (at most 16 stars), e.g. "****************MPLE". */
void log_mask_key_id(const char *key_id, char *out, size_t out_size);
/* Appends the connection string with the value of every secret key
 * (PWD, SessionToken, ProxyPWD, ... in any spelling) replaced by "****".
 * An unparsable string is replaced as a whole. */
void log_redact_connstr(const char *text, size_t len, strbuf *out);

#define LOG_AT(log, lvl, ...) \
    do { if (log_enabled((log), (lvl))) log_msg((log), (lvl), __VA_ARGS__); } while (0)

#endif

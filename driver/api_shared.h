/* api_shared.h - the bodies of the entry points that take or return
 * strings, shared by the ANSI (api_odbc.c) and W (api_odbcw.c) edges: they
 * receive UTF-8 input and write output through an outstr. The edges only
 * convert strings. */
#ifndef ATHENA_API_SHARED_H
#define ATHENA_API_SHARED_H

#include "common.h"
#include "handles.h"
#include "api_strings.h"

/* Handle entry/exit: validate, lock, clear diagnostics; record the return code. */
#define STMT_ENTER(h)                           \
    athena_stmt *s = (athena_stmt *)(h);        \
    if (!stmt_valid(s))                         \
        return SQL_INVALID_HANDLE;              \
    pthread_mutex_lock(&s->lock);               \
    diag_clear(&s->diag);                       \
    LOG_AT(s->dbc->log, LOG_TRACE, "%s", __func__)

#define STMT_LEAVE(rc)                          \
    do {                                        \
        SQLRETURN rc_ = (rc);                   \
        s->diag.return_code = rc_;              \
        pthread_mutex_unlock(&s->lock);         \
        return rc_;                             \
    } while (0)

#define DBC_ENTER(h)                            \
    athena_dbc *d = (athena_dbc *)(h);          \
    if (!dbc_valid(d))                          \
        return SQL_INVALID_HANDLE;              \
    pthread_mutex_lock(&d->lock);               \
    diag_clear(&d->diag);                       \
    LOG_AT(d->log, LOG_TRACE, "%s", __func__)

#define DBC_LEAVE(rc)                           \
    do {                                        \
        SQLRETURN rc_ = (rc);                   \
        d->diag.return_code = rc_;              \
        pthread_mutex_unlock(&d->lock);         \
        return rc_;                             \
    } while (0)

/* The driver manager shares one environment handle among the connections of
 * every thread: its calls hold the environment's lock. */
#define ENV_ENTER(h)                            \
    athena_env *e = (athena_env *)(h);          \
    if (!env_valid(e))                          \
        return SQL_INVALID_HANDLE;              \
    pthread_mutex_lock(&e->lock);               \
    diag_clear(&e->diag)

#define ENV_LEAVE(rc)                           \
    do {                                        \
        SQLRETURN rc_ = (rc);                   \
        e->diag.return_code = rc_;              \
        pthread_mutex_unlock(&e->lock);         \
        return rc_;                             \
    } while (0)

/* Stores a length into a SQLSMALLINT output, saturating. */
void put_small(SQLSMALLINT *out, SQLLEN v);

/* Input strings have been converted by the edge; `bad` says the conversion
 * already posted an error to the handle (the function then only returns). */
SQLRETURN api_connect(athena_dbc *d, bool bad, const char *dsn, const char *uid, const char *pwd);
SQLRETURN api_driver_connect(athena_dbc *d, bool bad, const char *in, size_t in_len, const outstr *out,
                             SQLSMALLINT *out_len, SQLUSMALLINT completion);
SQLRETURN api_prepare(athena_stmt *s, bool bad, const char *sql, size_t len);
SQLRETURN api_exec_direct(athena_stmt *s, bool bad, const char *sql, size_t len);
SQLRETURN api_native_sql(athena_dbc *d, bool bad, const char *sql, size_t len, const outstr *out,
                         SQLINTEGER *out_len);
SQLRETURN api_get_connect_attr(athena_dbc *d, SQLINTEGER attr, SQLPOINTER value, const outstr *out,
                               SQLINTEGER *len);
SQLRETURN api_describe_col(athena_stmt *s, SQLUSMALLINT col, const outstr *name, SQLSMALLINT *name_len,
                           SQLSMALLINT *type, SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable);
SQLRETURN api_col_attribute(athena_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field, const outstr *str,
                            SQLSMALLINT *str_len, SQLLEN *num_out);
SQLRETURN api_get_diag_rec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, const outstr *state,
                           SQLINTEGER *native, const outstr *msg, SQLSMALLINT *msg_len);
SQLRETURN api_get_diag_field(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                             SQLPOINTER info, const outstr *str, SQLSMALLINT *info_len);
SQLRETURN api_error(SQLHENV env, SQLHDBC dbc, SQLHSTMT stmt, const outstr *state, SQLINTEGER *native,
                    const outstr *msg, SQLSMALLINT *msg_len);
SQLRETURN api_get_info(athena_dbc *d, SQLUSMALLINT type, SQLPOINTER value, const outstr *str,
                       SQLSMALLINT *len);


/* Descriptors: validate, lock the owning statement (implicit descriptors), clear. */
#define DESC_ENTER(h)                                   \
    athena_desc *x = (athena_desc *)(h);                \
    if (!desc_valid(x))                                 \
        return SQL_INVALID_HANDLE;                      \
    if (x->stmt)                                        \
        pthread_mutex_lock(&x->stmt->lock);             \
    diag_clear(&x->diag)

#define DESC_LEAVE(rc)                                  \
    do {                                                \
        SQLRETURN rc_ = (rc);                           \
        x->diag.return_code = rc_;                      \
        if (x->stmt)                                    \
            pthread_mutex_unlock(&x->stmt->lock);       \
        return rc_;                                     \
    } while (0)

SQLRETURN api_get_desc_field(athena_desc *x, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                             const outstr *str, SQLINTEGER *len);
SQLRETURN api_get_desc_rec(athena_desc *x, SQLSMALLINT rec, const outstr *name, SQLSMALLINT *name_len,
                           SQLSMALLINT *type, SQLSMALLINT *subtype, SQLLEN *length, SQLSMALLINT *precision,
                           SQLSMALLINT *scale, SQLSMALLINT *nullable);
SQLRETURN api_set_desc_rec(athena_desc *x, SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subtype,
                           SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data,
                           SQLLEN *string_length, SQLLEN *indicator);

#endif

/* exec.c - SQLExecDirect/SQLPrepare/SQLExecute: StartQueryExecution, then
 * GetQueryExecution on an adaptive schedule until the query ends, then the
 * result source. */
#include "exec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meta_cache.h"
#include "param_bind.h"
#include "poll_schedule.h"
#include "prepare_meta.h"
#include "query_tag.h"
#include "sql_escape.h"
#include "strbuf.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Milliseconds from an epoch time the service reported (CompletionDateTime)
 * to now on this machine's clock; -1 when the service reported none. Only
 * logged (polling's lateness, see docs/performance.md). */
static double ms_since_epoch_s(double epoch_s)
{
    if (epoch_s <= 0.0)
        return -1.0;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6 - epoch_s * 1000.0;
}

void exec_close_cursor(athena_stmt *s)
{
    if (s->rs) {
        s->rs->close(s->rs);
        s->rs = NULL;
    }
    s->row = NULL;
    s->rows_fetched = 0;
    s->rowset_rows = 0;
    s->pos_row = 0;
    s->rowset_start = 0;
    s->rowset_block = false;
    s->rowset_held = false;
    sb_reset(&s->rowset_text);
    s->getdata_col = 0;
    memset(&s->getdata_piece, 0, sizeof s->getdata_piece);
    desc_reset_records(&s->ird_impl);
    if (s->state == ST_CURSOR || s->state == ST_EXECUTED_NO_RESULT)
        s->state = s->sql ? ST_PREPARED : ST_ALLOCATED;
}

void exec_discard_pending(athena_stmt *s)
{
    free(s->pending_qids);
    s->pending_qids = NULL;
    s->pending_count = s->pending_next = 0;
}

void exec_close_all(athena_stmt *s)
{
    exec_close_cursor(s);
    exec_discard_pending(s);
}

SQLRETURN exec_prepare(athena_stmt *s, const char *sql, size_t len)
{
    if (s->state == ST_CURSOR)
        return diag_set(&s->diag, SS_24000, "close the cursor first");
    if (len == 0)
        return diag_set(&s->diag, SS_42000, "the SQL text is empty");
    if (memchr(sql, '\0', len))
        return diag_set(&s->diag, SS_HY090, "the SQL text contains a NUL character");
    if (len > 262144)
        return diag_set(&s->diag, SS_42000,
                         "the SQL text is %zu bytes; Athena accepts at most 262144 bytes", len);
    char *copy;
    if (s->noscan == SQL_NOSCAN_ON) {
        copy = str_ndup(sql, len);
    } else {
        /* ODBC escape sequences become Athena SQL ({fn ...}, {d ...}, {oj ...}) */
        strbuf out = STRBUF_INIT;
        athena_error ae;
        ae_clear(&ae);
        if (sql_translate(sql, len, &out, &ae) != 0) {
            sb_free(&out);
            return diag_post_error(&s->diag, &ae);
        }
        copy = sb_detach(&out);
    }
    if (!copy)
        return diag_set(&s->diag, SS_HY001, NULL);
    exec_close_all(s);
    param_run_free(s);
    prepare_meta_free(s);
    free(s->sql);
    s->sql = copy;
    s->state = ST_PREPARED;
    s->row_count = -1;
    return SQL_SUCCESS;
}

/* Waits up to ms, waking early on SQLCancel. */
static void interruptible_wait(athena_stmt *s, double ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    long long ns = (long long)ts.tv_nsec + (long long)(ms * 1e6);
    ts.tv_sec += (time_t)(ns / 1000000000LL);
    ts.tv_nsec = (long)(ns % 1000000000LL);
    pthread_mutex_lock(&s->wait_lock);
    while (!CANCEL_GET(s->cancel)) {
        if (pthread_cond_timedwait(&s->wait_cond, &s->wait_lock, &ts) == ETIMEDOUT)
            break;
    }
    pthread_mutex_unlock(&s->wait_lock);
}

static SQLRETURN stop_and_report(athena_stmt *s, ae_code code, const char *why)
{
    athena_dbc *d = s->dbc;
    athena_error ae;
    ae_clear(&ae);
    ac_set_cancel_flag(NULL); /* the stop itself must not be cancelled */
    if (ac_stop_query(d->client, s->qid, &ae) != 0)
        LOG_AT(d->log, LOG_WARN, "StopQueryExecution %s failed: %s", s->qid, ae.message);
    ae_set(&ae, code, 0, "%s (query %s was stopped)", why, s->qid);
    return diag_post_error(&s->diag, &ae);
}

/* Polls until the query ends. Returns SQL_SUCCESS when it SUCCEEDED. */
static SQLRETURN poll_until_done(athena_stmt *s)
{
    athena_dbc *d = s->dbc;
    const athena_config *cfg = &d->cfg;
    double start = now_ms();
    double wait = 0.0; /* the previous wait; poll_schedule.c picks the next one */
    double timeout_ms = s->query_timeout ? (double)s->query_timeout * 1000.0 : 0.0;
    athena_error ae;
    for (int polls = 1;; polls++) {
        double poll_start = now_ms();
        ae_clear(&ae);
        if (ac_get_query_execution(d->client, s->qid, &s->status, &ae) != 0) {
            if (CANCEL_GET(s->cancel)) /* SQLCancel interrupted the call (or its retry wait) */
                return stop_and_report(s, AE_CANCELLED, "Operation canceled");
            return diag_post_error(&s->diag, &ae);
        }
        switch (s->status.state) {
        case QS_SUCCEEDED:
            LOG_AT(d->log, LOG_DEBUG, "query %s succeeded after %d polls, %.0f ms; seen %.0f ms after it completed",
                   s->qid, polls, now_ms() - start, ms_since_epoch_s(s->status.completion_s));
            return SQL_SUCCESS;
        case QS_FAILED:
            ac_status_to_error(&s->status, &ae);
            return diag_post_error(&s->diag, &ae);
        case QS_CANCELLED:
            ae_set(&ae, AE_CANCELLED, 0, "Operation canceled: query %s was cancelled%s%s", s->qid,
                   s->status.state_change_reason[0] ? ": " : "", s->status.state_change_reason);
            return diag_post_error(&s->diag, &ae);
        default:
            break;
        }
        if (CANCEL_GET(s->cancel))
            return stop_and_report(s, AE_CANCELLED, "Operation canceled");
        double now = now_ms(), elapsed = now - start;
        if (timeout_ms > 0 && elapsed >= timeout_ms)
            return stop_and_report(s, AE_QUERY_TIMEOUT, "Timeout expired: the query ran longer than SQL_ATTR_QUERY_TIMEOUT");
        if (cfg->max_poll_duration_ms > 0 && elapsed >= (double)cfg->max_poll_duration_ms)
            return stop_and_report(s, AE_QUERY_TIMEOUT, "Timeout expired: the query ran longer than MaxPollDuration");
        /* the wait counts from this poll's start, so the poll's own time
         * (network, retries, the rate limiter) does not add to the lateness */
        wait = poll_next_wait(cfg, wait);
        double w = wait - (now - poll_start);
        if (timeout_ms > 0 && elapsed + w > timeout_ms)
            w = timeout_ms - elapsed;
        if (cfg->max_poll_duration_ms > 0 && elapsed + w > (double)cfg->max_poll_duration_ms)
            w = (double)cfg->max_poll_duration_ms - elapsed;
        if (w > 0)
            interruptible_wait(s, w);
        if (CANCEL_GET(s->cancel))
            return stop_and_report(s, AE_CANCELLED, "Operation canceled");
    }
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Statements whose answer is a count, not rows. */
static bool is_update_statement(const query_status *st)
{
    static const char *const kinds[] = {"INSERT", "CREATE_TABLE_AS_SELECT", "UPDATE", "DELETE",
                                        "MERGE", "VACUUM", "OPTIMIZE"};
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
        if (strcmp(st->substatement_type, kinds[i]) == 0)
            return true;
    return false;
}

SQLRETURN exec_open_cursor(athena_stmt *s)
{
    s->row_count = -1;
    s->rowset_start = 0;
    if (s->cursor_type == SQL_CURSOR_STATIC && !s->rs->scrollable) {
        athena_error ae;
        ae_clear(&ae);
        result_source *scroll = result_scroll_open(s->rs, &ae);
        if (!scroll) {
            s->rs->close(s->rs);
            s->rs = NULL;
            return diag_post_error(&s->diag, &ae);
        }
        s->rs = scroll;
    }
    s->state = ST_CURSOR;
    return SQL_SUCCESS;
}

static SQLRETURN open_results(athena_stmt *s)
{
    athena_dbc *d = s->dbc;
    /* DDL (and CTAS) changed the catalog: what the catalog functions kept is stale */
    if (!strcmp(s->status.statement_type, "DDL") ||
        !strcmp(s->status.substatement_type, "CREATE_TABLE_AS_SELECT")) {
        pthread_mutex_lock(&d->lock);
        meta_cache_clear(d->meta_cache);
        d->ddl_runs++;
        pthread_mutex_unlock(&d->lock);
    }
    pager_options opt;
    memset(&opt, 0, sizeof opt);
    opt.page_size = (int)d->cfg.rows_to_fetch_per_block;
    opt.txt_result = ends_with(s->status.output_location, ".txt");
    opt.header_candidate = !opt.txt_result;
    opt.types.string_column_length = d->cfg.string_column_length;
    opt.types.complex_type_column_length = d->cfg.complex_type_column_length;
    opt.types.use_wchar = d->cfg.use_wchar_for_string_types;
    athena_error ae;
    ae_clear(&ae);
    result_env env = {&d->cfg, d->creds, d->log, &s->cancel};
    s->rs = result_open(d->client, s->qid, &s->status, &opt, &env, &ae);
    if (!s->rs)
        return diag_post_error(&s->diag, &ae);
    /* Athena sends UpdateCount (0) with SELECT results too: only the
     * statement type says whether the answer is a count. */
    if (is_update_statement(&s->status)) {
        s->row_count = s->rs->has_update_count ? (SQLLEN)s->rs->update_count : 0;
        s->rs->close(s->rs);
        s->rs = NULL;
        s->state = ST_EXECUTED_NO_RESULT;
        return SQL_SUCCESS;
    }
    if (s->rs->ncolumns == 0) {
        s->rs->close(s->rs);
        s->rs = NULL;
        s->state = ST_EXECUTED_NO_RESULT;
        return SQL_SUCCESS;
    }
    return exec_open_cursor(s);
}

SQLRETURN exec_open_query(athena_stmt *s, const char *qid)
{
    exec_close_cursor(s);
    s->row_count = -1;
    snprintf(s->qid, sizeof s->qid, "%s", qid);
    athena_error ae;
    ae_clear(&ae);
    if (ac_get_query_execution(s->dbc->client, s->qid, &s->status, &ae) != 0)
        return diag_post_error(&s->diag, &ae);
    if (s->status.state != QS_SUCCEEDED)
        return diag_set(&s->diag, SS_HY000, "query %s has not succeeded", s->qid);
    return open_results(s);
}

SQLRETURN exec_check_executable(athena_stmt *s)
{
    if (!s->sql || s->state == ST_ALLOCATED)
        return diag_set(&s->diag, SS_HY010, "no statement was prepared");
    if (s->state == ST_CURSOR)
        return diag_set(&s->diag, SS_24000, "close the cursor first");
    return SQL_SUCCESS;
}

SQLRETURN exec_execute(athena_stmt *s)
{
    SQLRETURN rc = exec_check_executable(s);
    if (rc != SQL_SUCCESS)
        return rc;
    if (s->meta_qid[0]) { /* the describe ran this statement (prepare_meta.c) */
        char qid[sizeof s->meta_qid];
        memcpy(qid, s->meta_qid, sizeof qid);
        s->meta_qid[0] = '\0';
        if (prepare_meta_fresh(s, now_ms() / 1000.0)) /* its result is this execution's */
            return exec_open_query(s, qid);
    }
    return exec_run(s, s->sql, NULL, 0);
}

SQLRETURN exec_run(athena_stmt *s, const char *sql, const char *const *params, size_t nparams)
{
    athena_dbc *d = s->dbc;
    exec_close_cursor(s);
    s->row_count = -1;
    exec_busy_begin(s, &s->executing);
    memset(&s->status, 0, sizeof s->status);

    start_options opt;
    memset(&opt, 0, sizeof opt);
    pthread_mutex_lock(&d->lock);
    char *catalog = str_dup(d->current_catalog);
    pthread_mutex_unlock(&d->lock);
    opt.catalog = catalog;
    opt.schema = d->cfg.schema;
    opt.workgroup = d->cfg.workgroup;
    opt.output_location = d->cfg.s3_output_location;
    opt.enc_option = d->cfg.s3_output_enc_option;
    opt.kms_key = d->cfg.s3_output_enc_kms_key;
    opt.expected_bucket_owner = d->cfg.expected_bucket_owner;
    opt.acl_option = d->cfg.acl_option;
    opt.result_reuse = d->cfg.enable_result_reuse;
    opt.result_reuse_max_age = d->cfg.reused_result_max_age;
    opt.execution_parameters = params;
    opt.execution_parameter_count = nparams;

    athena_error ae;
    ae_clear(&ae);
    double t0 = now_ms();
    SQLRETURN rc;
    char *tagged = d->cfg.query_tagging ? query_tag(&d->cfg, sql) : NULL;
    if (tagged)
        LOG_AT(d->log, LOG_DEBUG, "query tag:%s", strrchr(tagged, '\n') + 3);
    if (d->cfg.query_tagging && !tagged) {
        s->qid[0] = '\0';
        rc = diag_set(&s->diag, SS_HY001, NULL);
    } else if (ac_start_query(d->client, tagged ? tagged : sql, &opt, s->qid, &ae) != 0) {
        if (ae.code == AE_CANCELLED && s->qid[0]) /* started before SQLCancel cut the answer short */
            rc = stop_and_report(s, AE_CANCELLED, "Operation canceled");
        else
            rc = diag_post_error(&s->diag, &ae);
        s->qid[0] = '\0';
    } else {
        LOG_AT(d->log, LOG_DEBUG, "started query %s with %zu ExecutionParameters", s->qid, nparams);
        rc = poll_until_done(s);
        if (rc == SQL_SUCCESS)
            rc = open_results(s);
    }
    free(tagged);
    free(catalog);
    exec_busy_end(s, &s->executing);
    LOG_AT(d->log, LOG_INFO, "execute %s: rc=%d in %.0f ms", s->qid[0] ? s->qid : "(not started)",
           (int)rc, now_ms() - t0);
    return rc;
}

SQLRETURN exec_close_open_cursor(athena_stmt *s)
{
    if (s->state != ST_CURSOR)
        return diag_set(&s->diag, SS_24000, "no cursor is open");
    exec_close_all(s);
    return SQL_SUCCESS;
}

void exec_busy_begin(athena_stmt *s, volatile int *busy)
{
    pthread_mutex_lock(&s->wait_lock);
    CANCEL_SET(s->cancel, 0);
    *busy = 1;
    pthread_mutex_unlock(&s->wait_lock);
    ac_set_cancel_flag(&s->cancel);
}

bool exec_busy_end(athena_stmt *s, volatile int *busy)
{
    ac_set_cancel_flag(NULL);
    pthread_mutex_lock(&s->wait_lock);
    bool cancelled = CANCEL_GET(s->cancel);
    *busy = 0;
    CANCEL_SET(s->cancel, 0);
    pthread_mutex_unlock(&s->wait_lock);
    return cancelled;
}

SQLRETURN exec_cancel(athena_stmt *s)
{
    pthread_mutex_lock(&s->wait_lock);
    bool running = s->executing || s->fetching;
    if (running) {
        CANCEL_SET(s->cancel, 1);
        pthread_cond_broadcast(&s->wait_cond);
    }
    pthread_mutex_unlock(&s->wait_lock);
    /* Nothing running: the driver manager's state table treats SQLCancel
     * like SQLFreeStmt(SQL_CLOSE) here, so close the cursor to match it. */
    if (!running && pthread_mutex_trylock(&s->lock) == 0) {
        param_run_free(s); /* SQLCancel ends a data-at-execution sequence too */
        exec_close_all(s);
        pthread_mutex_unlock(&s->lock);
    }
    return SQL_SUCCESS;
}

SQLRETURN exec_row_count(athena_stmt *s, SQLLEN *count)
{
    if (s->state == ST_ALLOCATED || s->state == ST_PREPARED)
        return diag_set(&s->diag, SS_HY010, "the statement was not executed");
    if (count)
        *count = s->row_count;
    return SQL_SUCCESS;
}

SQLRETURN exec_more_results(athena_stmt *s)
{
    /* Athena runs one statement per query: a second result set is the next
     * parameter set's (param_exec.c keeps their queries) */
    if (s->state == ST_CURSOR || s->state == ST_EXECUTED_NO_RESULT)
        exec_close_cursor(s);
    if (s->pending_next < s->pending_count) {
        char qid[128];
        memcpy(qid, s->pending_qids[s->pending_next++], sizeof qid);
        return exec_open_query(s, qid);
    }
    exec_discard_pending(s);
    return SQL_NO_DATA;
}

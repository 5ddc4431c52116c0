/* prepare_meta.c - describing a prepared statement without running it over
 * the data (see prepare_meta.h and docs/parameters.md). Athena has no
 * describe call for an ad-hoc query; SELECT * FROM (query) LIMIT 0 is planned
 * like the query, so its ColumnInfo is the query's, and the engine reads no
 * rows for it. SHOW, DESCRIBE and EXPLAIN read no data: they run as they
 * are, and their result is kept for the execute. Parameter markers take the values bound at that time (NULL
 * for those not bound yet). */
#include "prepare_meta.h"

#include <string.h>
#include <time.h>

#include "exec.h"
#include "param_bind.h"
#include "param_scan.h"
#include "strbuf.h"

void prepare_meta_free(athena_stmt *s)
{
    if (s->meta)
        s->meta->close(s->meta);
    s->meta = NULL;
    s->meta_known = false;
    s->meta_qid[0] = '\0';
}

bool prepare_meta_fresh(athena_stmt *s, double now)
{
    athena_dbc *d = s->dbc;
    pthread_mutex_lock(&d->lock);
    bool fresh = d->ddl_runs == s->meta_qid_ddl;
    pthread_mutex_unlock(&d->lock);
    return fresh && now - s->meta_qid_at <= (double)d->cfg.metadata_cache_ttl;
}

static bool word_in(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(w, list[i]) == 0)
            return true;
    return false;
}

/* Runs sql to describe the statement and keeps its result as the columns;
 * keep_qid: the query is also the next SQLExecute's result. */
static SQLRETURN describe_with(athena_stmt *s, const char *sql, bool keep_qid, const result_source **rs)
{
    SQLRETURN rc = exec_run(s, sql, NULL, 0);
    if (SQL_SUCCEEDED(rc)) {
        s->meta = s->rs;
        s->meta_known = true;
        s->rs = NULL;
        if (keep_qid) {
            memcpy(s->meta_qid, s->qid, sizeof s->meta_qid);
            struct timespec ts;
            clock_gettime(CLOCK_MONOTONIC, &ts);
            s->meta_qid_at = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
            pthread_mutex_lock(&s->dbc->lock);
            s->meta_qid_ddl = s->dbc->ddl_runs;
            pthread_mutex_unlock(&s->dbc->lock);
        }
    }
    s->row = NULL;
    s->row_count = -1;
    s->state = ST_PREPARED;
    *rs = s->meta;
    return rc;
}

/* SHOW, DESCRIBE and EXPLAIN (not EXPLAIN ANALYZE) read only the catalog or
 * plan the query, and cannot be wrapped: they run themselves. Without
 * markers their query is the next SQLExecute's result too. */
static SQLRETURN describe_by_running(athena_stmt *s, bool markers, const result_source **rs)
{
    strbuf text = STRBUF_INIT;
    SQLRETURN rc = param_inline_text(s, &text);
    if (SQL_SUCCEEDED(rc)) {
        LOG_AT(s->dbc->log, LOG_DEBUG, "describing the prepared statement by running it (it reads metadata only)");
        rc = describe_with(s, sb_str(&text), !markers, rs);
    }
    sb_free(&text);
    return rc;
}

SQLRETURN prepare_meta(athena_stmt *s, const result_source **rs)
{
    *rs = NULL;
    if (s->meta_known) {
        *rs = s->meta;
        return SQL_SUCCESS;
    }
    static const char *const queries[] = {"SELECT", "WITH", "VALUES", "TABLE"};
    static const char *const no_result[] = {"INSERT", "DELETE", "UPDATE", "MERGE", "CREATE", "DROP", "ALTER"};
    static const char *const reads_metadata[] = {"SHOW", "DESCRIBE", "EXPLAIN"};
    param_scan_result sc;
    if (param_scan(s->sql, strlen(s->sql), &sc) != 0)
        return diag_set(&s->diag, SS_HY001, NULL);
    char first[sizeof sc.first_word];
    memcpy(first, sc.first_word, sizeof first);
    bool metadata = (word_in(first, reads_metadata, ARRAY_LEN(reads_metadata)) &&
                     strcmp(sc.second_word, "ANALYZE") != 0);
    bool markers = sc.count > 0;
    param_scan_free(&sc);
    if (metadata)
        return describe_by_running(s, markers, rs);
    if (word_in(first, no_result, ARRAY_LEN(no_result))) {
        s->meta_known = true;
        return SQL_SUCCESS;
    }
    if (!word_in(first, queries, ARRAY_LEN(queries)))
        return diag_set(&s->diag, SS_HY000, "the columns of a %s statement are known only after SQLExecute "
                        "(Athena describes queries only)", first[0] ? first : "non-query");
    strbuf text = STRBUF_INIT;
    sb_appends(&text, "SELECT * FROM (\n");
    SQLRETURN rc = param_inline_text(s, &text);
    if (!SQL_SUCCEEDED(rc)) {
        sb_free(&text);
        return rc;
    }
    while (text.len && (text.data[text.len - 1] == ';' || text.data[text.len - 1] == ' ' ||
                        text.data[text.len - 1] == '\n' || text.data[text.len - 1] == '\t' ||
                        text.data[text.len - 1] == '\r'))
        text.data[--text.len] = '\0';
    /* the newline ends a trailing -- comment of the statement */
    if (!sb_appends(&text, "\n) LIMIT 0")) {
        sb_free(&text);
        return diag_set(&s->diag, SS_HY001, NULL);
    }
    LOG_AT(s->dbc->log, LOG_DEBUG, "describing the prepared statement with a metadata-only query");
    rc = describe_with(s, sb_str(&text), false, rs);
    sb_free(&text);
    return rc;
}

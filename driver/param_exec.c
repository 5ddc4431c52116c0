/* param_exec.c - running a statement with parameter markers: one query per
 * parameter set (SQL_ATTR_PARAMSET_SIZE), values read from the APD's buffers
 * (column- or row-wise, with the bind offset) or sent at execution with
 * SQLParamData/SQLPutData, written as Athena literals (param_literal.c) and
 * sent either as StartQueryExecution's ExecutionParameters or in the text
 * (docs/parameters.md says which, and why). */
#include "param_bind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec.h"
#include "param_literal.h"
#include "param_scan.h"
#include "wide.h"

/* ExecutionParameters: each value is 1..1024 characters. */
#define EXEC_PARAM_MAX 1024

typedef struct dae_slot {
    SQLULEN set;            /* 0-based parameter set */
    SQLUSMALLINT param;     /* 1-based parameter */
    strbuf data;
    bool is_null;
    bool put;               /* SQLPutData was called */
} dae_slot;

struct param_run {
    dae_slot *slots;
    size_t nslots;
    size_t cur;             /* slot being sent, SIZE_MAX before the first SQLParamData */
};

void param_run_free(athena_stmt *s)
{
    param_run *r = s->prun;
    if (!r)
        return;
    for (size_t i = 0; i < r->nslots; i++)
        sb_free(&r->slots[i].data);
    free(r->slots);
    free(r);
    s->prun = NULL;
}

/* Address of set i's element of a bound buffer of elem_size bytes. */
static char *element(const athena_desc *apd, void *base, SQLULEN i, size_t elem_size)
{
    if (!base)
        return NULL;
    SQLLEN off = apd->bind_offset_ptr ? *apd->bind_offset_ptr : 0;
    size_t step = apd->bind_type == SQL_PARAM_BIND_BY_COLUMN ? elem_size : (size_t)apd->bind_type;
    return (char *)base + off + (size_t)i * step;
}

static size_t value_size(const desc_rec *a)
{
    size_t n = param_ctype_size(a->concise_type);
    return n ? n : (size_t)(a->octet_length > 0 ? a->octet_length : 0);
}

static bool is_dae(const SQLLEN *len)
{
    return len && (*len == SQL_DATA_AT_EXEC || *len <= SQL_LEN_DATA_AT_EXEC_OFFSET);
}

static const SQLLEN *len_ptr(const athena_desc *apd, const desc_rec *a, SQLULEN set)
{
    return (const SQLLEN *)element(apd, a->octet_length_ptr, set, sizeof(SQLLEN));
}

static const SQLLEN *ind_ptr(const athena_desc *apd, const desc_rec *a, SQLULEN set)
{
    return (const SQLLEN *)element(apd, a->indicator_ptr, set, sizeof(SQLLEN));
}

/* The literal of parameter `num` of parameter set `set`. */
static int literal_of(athena_stmt *s, SQLULEN set, SQLUSMALLINT num, const dae_slot *slot, strbuf *out,
                      param_error *err)
{
    const athena_desc *apd = s->apd;
    const desc_rec *a = &apd->recs[num];
    const desc_rec *i = &s->ipd_impl.recs[num];
    param_value v = {a->concise_type, NULL, 0, false, a->precision};
    param_target t = {i->concise_type, (SQLULEN)(i->octet_length > 0 ? i->octet_length : 0), i->precision,
                      i->scale, (SQLSMALLINT)i->datetime_interval_precision};
    if (v.ctype == SQL_C_DEFAULT)
        v.ctype = ctype_default_of(t.sql_type);
    if (slot) {
        v.is_null = slot->is_null;
        v.data = sb_str(&slot->data);
        v.len = slot->data.len;
        size_t fixed = param_ctype_size(v.ctype);
        if (!v.is_null && fixed && v.len < fixed) {
            err->state = SS_HY090;
            snprintf(err->detail, sizeof err->detail, "parameter %u: %zu bytes were sent for a value of %zu bytes",
                     (unsigned)num, v.len, fixed);
            return -1;
        }
    } else {
        const SQLLEN *ind = ind_ptr(apd, a, set);
        const SQLLEN *len = len_ptr(apd, a, set);
        v.data = element(apd, a->data_ptr, set, value_size(a));
        if (ind && *ind == SQL_NULL_DATA) {
            v.is_null = true;
        } else if (!v.data) {
            err->state = SS_HY009;
            snprintf(err->detail, sizeof err->detail, "parameter %u has no value buffer", (unsigned)num);
            return -1;
        } else if (param_ctype_size(v.ctype) == 0) {
            SQLLEN n = len ? *len : SQL_NTS;
            if (n == SQL_NTS && v.ctype == SQL_C_BINARY && !len)
                n = a->octet_length;
            if (n == SQL_NTS)
                v.len = v.ctype == SQL_C_WCHAR ? w_strlen(v.data) * w_unit() : strlen(v.data);
            else if (n >= 0)
                v.len = (size_t)n;
            else {
                err->state = SS_HY090;
                snprintf(err->detail, sizeof err->detail, "parameter %u: length/indicator %ld", (unsigned)num,
                         (long)n);
                return -1;
            }
        }
    }
    char *utf8 = NULL;
    if (!v.is_null && v.ctype == SQL_C_WCHAR) {
        bool bad = false;
        size_t n = 0;
        utf8 = w_in(v.data, (SQLLEN)(v.len / w_unit()), &n, &s->diag, &bad);
        if (bad || !utf8) {
            free(utf8);
            err->state = SS_HY001;
            snprintf(err->detail, sizeof err->detail, "converting parameter %u", (unsigned)num);
            return -1;
        }
        v.ctype = SQL_C_CHAR, v.data = utf8, v.len = n;
    }
    int rc = param_literal(&v, &t, out, err);
    free(utf8);
    if (rc != 0) { /* "parameter N: " before the reason */
        char prefix[24];
        int np = snprintf(prefix, sizeof prefix, "parameter %u: ", (unsigned)num);
        size_t keep = sizeof err->detail - 1 - (size_t)np;
        memmove(err->detail + np, err->detail, keep);
        err->detail[sizeof err->detail - 1] = '\0';
        memcpy(err->detail, prefix, (size_t)np);
    }
    return rc;
}

/* ExecutionParameters are taken for SELECT, WITH (a query), INSERT and
 * UNLOAD when every marker sits in a WHERE clause and every value fits. */
static bool use_execution_parameters(const param_scan_result *sc, strbuf *lits)
{
    static const char *const kinds[] = {"SELECT", "WITH", "INSERT", "UNLOAD"};
    bool kind = false;
    for (size_t k = 0; k < ARRAY_LEN(kinds); k++)
        kind = kind || strcmp(sc->first_word, kinds[k]) == 0;
    if (!kind)
        return false;
    for (size_t j = 0; j < sc->count; j++)
        if (!sc->markers[j].in_where || lits[j].len > EXEC_PARAM_MAX)
            return false;
    return true;
}

static const dae_slot *slot_of(const param_run *r, SQLULEN set, SQLUSMALLINT num)
{
    for (size_t k = 0; r && k < r->nslots; k++)
        if (r->slots[k].set == set && r->slots[k].param == num)
            return &r->slots[k];
    return NULL;
}

/* Runs parameter set `set`. */
static SQLRETURN run_set(athena_stmt *s, const param_scan_result *sc, SQLULEN set, strbuf *lits)
{
    param_error err;
    for (size_t j = 0; j < sc->count; j++) {
        sb_reset(&lits[j]);
        if (literal_of(s, set, (SQLUSMALLINT)(j + 1), slot_of(s->prun, set, (SQLUSMALLINT)(j + 1)), &lits[j],
                       &err) != 0) {
            SQLRETURN rc = diag_set(&s->diag, err.state, "%s", err.detail);
            diag_set_position(&s->diag, (SQLLEN)set + 1, (SQLINTEGER)(j + 1));
            return rc;
        }
    }
    if (use_execution_parameters(sc, lits)) {
        const char **vals = calloc(sc->count, sizeof *vals);
        if (!vals)
            return diag_set(&s->diag, SS_HY001, NULL);
        for (size_t j = 0; j < sc->count; j++)
            vals[j] = sb_str(&lits[j]);
        SQLRETURN rc = exec_run(s, s->sql, vals, sc->count);
        free(vals);
        return rc;
    }
    strbuf text = STRBUF_INIT;
    size_t at = 0;
    bool ok = true;
    for (size_t j = 0; j < sc->count; j++) {
        ok = ok && sb_append(&text, s->sql + at, sc->markers[j].pos - at) && sb_append(&text, lits[j].data, lits[j].len);
        at = sc->markers[j].pos + 1;
    }
    ok = ok && sb_appends(&text, s->sql + at);
    SQLRETURN rc;
    if (!ok)
        rc = diag_set(&s->diag, SS_HY001, NULL);
    else if (text.len > 262144)
        rc = diag_set(&s->diag, SS_42000, "with its parameter values the statement is %zu bytes; Athena accepts "
                      "at most 262144", text.len);
    else
        rc = exec_run(s, sb_str(&text), NULL, 0);
    sb_free(&text);
    return rc;
}

/* Remembers the query of a set that gave a result set. */
static bool keep_result(athena_stmt *s)
{
    char (*q)[128] = realloc(s->pending_qids, (s->pending_count + 1) * sizeof *q);
    if (!q)
        return false;
    s->pending_qids = q;
    memcpy(q[s->pending_count++], s->qid, sizeof *q);
    return true;
}

static SQLRETURN run_sets(athena_stmt *s, const param_scan_result *sc)
{
    athena_desc *apd = s->apd, *ipd = &s->ipd_impl;
    SQLULEN nsets = apd->array_size ? apd->array_size : 1;
    strbuf *lits = calloc(sc->count, sizeof *lits);
    if (!lits)
        return diag_set(&s->diag, SS_HY001, NULL);
    SQLULEN processed = 0, failed = 0, ran = 0;
    SQLLEN rows = -1;
    bool info = false;
    SQLRETURN last = SQL_SUCCESS;
    if (ipd->rows_processed_ptr)
        *ipd->rows_processed_ptr = 0;
    for (SQLULEN set = 0; set < nsets; set++) {
        SQLUSMALLINT *status = ipd->array_status_ptr ? &ipd->array_status_ptr[set] : NULL;
        if (apd->array_status_ptr && apd->array_status_ptr[set] == SQL_PARAM_IGNORE) {
            if (status)
                *status = SQL_PARAM_UNUSED;
            continue;
        }
        exec_close_cursor(s); /* one query per set; SQLMoreResults reopens their result sets */
        SQLRETURN rc = run_set(s, sc, set, lits);
        processed++;
        if (ipd->rows_processed_ptr)
            *ipd->rows_processed_ptr = processed;
        if (!SQL_SUCCEEDED(rc)) {
            failed++;
            if (nsets > 1 && s->diag.count > 0 && s->diag.recs[s->diag.count - 1].row_number <= 0)
                diag_set_position(&s->diag, (SQLLEN)set + 1, SQL_COLUMN_NUMBER_UNKNOWN);
            if (status)
                *status = SQL_PARAM_ERROR;
            last = rc;
            continue;
        }
        if (nsets > 1 && s->state == ST_CURSOR && !keep_result(s)) {
            last = diag_set(&s->diag, SS_HY001, NULL);
            diag_set_position(&s->diag, (SQLLEN)set + 1, SQL_COLUMN_NUMBER_UNKNOWN);
            exec_close_cursor(s);
            failed++;
            if (status)
                *status = SQL_PARAM_ERROR;
            continue;
        }
        ran++;
        info = info || rc == SQL_SUCCESS_WITH_INFO;
        if (status)
            *status = rc == SQL_SUCCESS_WITH_INFO ? SQL_PARAM_SUCCESS_WITH_INFO : SQL_PARAM_SUCCESS;
        if (s->row_count >= 0)
            rows = (rows < 0 ? 0 : rows) + s->row_count;
    }
    for (size_t j = 0; j < sc->count; j++)
        sb_free(&lits[j]);
    free(lits);
    /* the first set's result set is the cursor, SQLMoreResults opens the others */
    if (s->pending_count > 0 && (s->pending_count > 1 || s->state != ST_CURSOR)) {
        char qid[128];
        memcpy(qid, s->pending_qids[0], sizeof qid);
        SQLRETURN rc = exec_open_query(s, qid);
        if (!SQL_SUCCEEDED(rc))
            return rc;
    }
    s->pending_next = 1;
    if (ran > 0)
        s->row_count = rows;
    if (processed == 0)
        return SQL_SUCCESS; /* every set ignored */
    if (failed == processed)
        return last;
    return failed || info ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}

SQLRETURN param_inline_text(athena_stmt *s, strbuf *out)
{
    param_scan_result sc;
    if (param_scan(s->sql, strlen(s->sql), &sc) != 0)
        return diag_set(&s->diag, SS_HY001, NULL);
    size_t at = 0;
    bool ok = true;
    SQLRETURN rc = SQL_SUCCESS;
    for (size_t j = 0; ok && rc == SQL_SUCCESS && j < sc.count; j++) {
        ok = sb_append(out, s->sql + at, sc.markers[j].pos - at);
        at = sc.markers[j].pos + 1;
        SQLUSMALLINT num = (SQLUSMALLINT)(j + 1);
        const athena_desc *apd = s->apd;
        bool bound = j < 32767 && num <= apd->count && apd->recs[num].concise_type && num <= s->ipd_impl.count &&
                     s->ipd_impl.recs[num].concise_type;
        param_error err;
        if (!bound || is_dae(len_ptr(apd, &apd->recs[num], 0)))
            ok = ok && sb_appends(out, "NULL");
        else if (literal_of(s, 0, num, NULL, out, &err) != 0)
            rc = diag_set(&s->diag, err.state, "%s", err.detail);
    }
    ok = ok && sb_appends(out, s->sql + at);
    param_scan_free(&sc);
    if (rc == SQL_SUCCESS && !ok)
        rc = diag_set(&s->diag, SS_HY001, NULL);
    return rc;
}

/* Runs the sets once every data-at-execution value is in. */
static SQLRETURN run_all(athena_stmt *s)
{
    param_scan_result sc;
    if (param_scan(s->sql, strlen(s->sql), &sc) != 0)
        return diag_set(&s->diag, SS_HY001, NULL);
    SQLRETURN rc = run_sets(s, &sc);
    param_scan_free(&sc);
    param_run_free(s);
    return rc;
}

SQLRETURN param_execute(athena_stmt *s)
{
    SQLRETURN rc = exec_check_executable(s);
    if (rc != SQL_SUCCESS)
        return rc;
    param_run_free(s);
    exec_discard_pending(s);
    size_t n = param_count_markers(s->sql, strlen(s->sql));
    if (n == 0)
        return exec_execute(s);
    athena_desc *apd = s->apd;
    if (n > 32767 || (size_t)apd->count < n)
        return diag_set(&s->diag, SS_07002, "the statement has %zu parameter markers and %d parameters are bound",
                        n, (int)apd->count);
    for (size_t j = 1; j <= n; j++)
        if (!apd->recs[j].concise_type || j > (size_t)s->ipd_impl.count || !s->ipd_impl.recs[j].concise_type)
            return diag_set(&s->diag, SS_07002, "parameter %zu of %zu is not bound", j, n);
    param_run *r = calloc(1, sizeof *r);
    if (!r)
        return diag_set(&s->diag, SS_HY001, NULL);
    r->cur = SIZE_MAX;
    SQLULEN nsets = apd->array_size ? apd->array_size : 1;
    for (SQLULEN set = 0; set < nsets; set++) {
        if (apd->array_status_ptr && apd->array_status_ptr[set] == SQL_PARAM_IGNORE)
            continue;
        for (size_t j = 1; j <= n; j++) {
            if (!is_dae(len_ptr(apd, &apd->recs[j], set)))
                continue;
            dae_slot *ns = realloc(r->slots, (r->nslots + 1) * sizeof *ns);
            if (!ns) {
                s->prun = r;
                param_run_free(s);
                return diag_set(&s->diag, SS_HY001, NULL);
            }
            r->slots = ns;
            memset(&ns[r->nslots], 0, sizeof *ns);
            ns[r->nslots].set = set;
            ns[r->nslots].param = (SQLUSMALLINT)j;
            r->nslots++;
        }
    }
    s->prun = r;
    if (r->nslots > 0)
        return SQL_NEED_DATA;
    return run_all(s);
}

SQLRETURN param_data(athena_stmt *s, SQLPOINTER *token)
{
    param_run *r = s->prun;
    if (!r)
        return diag_set(&s->diag, SS_HY010, "no parameter is waiting for data");
    r->cur = r->cur == SIZE_MAX ? 0 : r->cur + 1;
    if (r->cur < r->nslots) {
        const dae_slot *sl = &r->slots[r->cur];
        const desc_rec *a = &s->apd->recs[sl->param];
        if (token)
            *token = element(s->apd, a->data_ptr, sl->set, value_size(a));
        return SQL_NEED_DATA;
    }
    return run_all(s);
}

static SQLRETURN put_data(athena_stmt *s, SQLPOINTER data, SQLLEN len);

/* An error ends the data-at-execution sequence, as the driver manager's
 * state table has it: the statement is back where it was before SQLExecute. */
SQLRETURN param_put_data(athena_stmt *s, SQLPOINTER data, SQLLEN len)
{
    SQLRETURN rc = put_data(s, data, len);
    if (!SQL_SUCCEEDED(rc))
        param_run_free(s);
    return rc;
}

static SQLRETURN put_data(athena_stmt *s, SQLPOINTER data, SQLLEN len)
{
    param_run *r = s->prun;
    if (!r || r->cur == SIZE_MAX || r->cur >= r->nslots)
        return diag_set(&s->diag, SS_HY010, "call SQLParamData first");
    dae_slot *sl = &r->slots[r->cur];
    SQLSMALLINT ctype = s->apd->recs[sl->param].concise_type;
    if (ctype == SQL_C_DEFAULT)
        ctype = ctype_default_of(s->ipd_impl.recs[sl->param].concise_type);
    size_t fixed = param_ctype_size(ctype);
    if (len == SQL_NULL_DATA) {
        if (sl->put)
            return diag_set(&s->diag, SS_HY020, "SQL_NULL_DATA after data was sent for the parameter");
        sl->is_null = sl->put = true;
        return SQL_SUCCESS;
    }
    if (sl->is_null)
        return diag_set(&s->diag, SS_HY020, NULL);
    if (sl->put && fixed)
        return diag_set(&s->diag, SS_HY019, NULL);
    if (!data && len != 0)
        return diag_set(&s->diag, SS_HY009, NULL);
    size_t n;
    if (fixed)
        n = fixed;
    else if (len == SQL_NTS)
        n = ctype == SQL_C_WCHAR ? w_strlen(data) * w_unit() : strlen(data);
    else if (len >= 0)
        n = (size_t)len;
    else
        return diag_set(&s->diag, SS_HY090, "StrLen_or_Ind %ld", (long)len);
    if (!sb_append(&sl->data, data, n))
        return diag_set(&s->diag, SS_HY001, NULL);
    sl->put = true;
    return SQL_SUCCESS;
}

/* handles.c - allocation, validation and release of ODBC handles. */
#include "handles.h"
#include "handle_registry.h"
#include "param_bind.h"
#include "prepare_meta.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "strbuf.h"

/* The registry first: a freed or made-up handle is not read. */
bool env_valid(const athena_env *e) { return hr_live(e, HR_ENV) && e->magic == MAGIC_ENV; }
bool dbc_valid(const athena_dbc *d) { return hr_live(d, HR_DBC) && d->magic == MAGIC_DBC; }
bool stmt_valid(const athena_stmt *s) { return hr_live(s, HR_STMT) && s->magic == MAGIC_STMT; }
bool desc_valid(const athena_desc *d) { return hr_live(d, HR_DESC) && d->magic == MAGIC_DESC; }

SQLRETURN env_alloc(athena_env **out)
{
    athena_env *e = calloc(1, sizeof *e);
    if (!e)
        return SQL_ERROR;
    e->magic = MAGIC_ENV;
    /* recursive: an API call on the environment holds it (ENV_ENTER) and
     * dbc_alloc takes it again for the connection count */
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&e->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    /* The driver manager enforces SQL_ATTR_ODBC_VERSION for applications and
     * does not always pass it on (ODBC 2 applications): assume ODBC 3. */
    e->odbc_version = SQL_OV_ODBC3;
    e->connection_pooling = SQL_CP_OFF;
    e->cp_match = SQL_CP_STRICT_MATCH;
    if (!hr_add(e, HR_ENV)) {
        pthread_mutex_destroy(&e->lock);
        free(e);
        return SQL_ERROR;
    }
    *out = e;
    return SQL_SUCCESS;
}

SQLRETURN env_free(athena_env *e)
{
    if (e->dbc_count > 0)
        return diag_set(&e->diag, SS_HY010,
                         "the environment still has connections");
    hr_remove(e, HR_ENV);
    e->magic = 0;
    pthread_mutex_unlock(&e->lock);
    diag_free(&e->diag);
    pthread_mutex_destroy(&e->lock);
    free(e);
    return SQL_SUCCESS;
}

SQLINTEGER env_odbc_version(athena_env *e)
{
    pthread_mutex_lock(&e->lock);
    SQLINTEGER v = e->odbc_version;
    pthread_mutex_unlock(&e->lock);
    return v;
}

SQLRETURN dbc_alloc(athena_env *e, athena_dbc **out)
{
    athena_dbc *d = calloc(1, sizeof *d);
    if (!d)
        return diag_set(&e->diag, SS_HY001, NULL);
    d->magic = MAGIC_DBC;
    /* recursive: the API call running on the connection holds it (DBC_ENTER)
     * and the core takes it again for the statement list */
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&d->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    d->env = e;
    config_init(&d->cfg);
    d->access_mode = SQL_MODE_READ_WRITE;
    d->autocommit = SQL_AUTOCOMMIT_ON;
    d->txn_isolation = 0; /* no transactions: SQL_TXN_CAPABLE is SQL_TC_NONE */
    if (!hr_add(d, HR_DBC)) {
        config_free(&d->cfg);
        pthread_mutex_destroy(&d->lock);
        free(d);
        return diag_set(&e->diag, SS_HY001, NULL);
    }
    pthread_mutex_lock(&e->lock);
    e->dbc_count++;
    pthread_mutex_unlock(&e->lock);
    *out = d;
    return SQL_SUCCESS;
}

SQLRETURN dbc_free(athena_dbc *d)
{
    if (d->connected)
        return diag_set(&d->diag, SS_HY010,
                         "disconnect before freeing the connection");
    while (d->stmts)
        stmt_free(d->stmts);
    athena_env *e = d->env;
    hr_remove(d, HR_DBC);
    d->magic = 0;
    config_free(&d->cfg);
    free(d->current_catalog);
    diag_free(&d->diag);
    pthread_mutex_unlock(&d->lock);
    pthread_mutex_destroy(&d->lock);
    free(d);
    pthread_mutex_lock(&e->lock);
    e->dbc_count--;
    pthread_mutex_unlock(&e->lock);
    return SQL_SUCCESS;
}

static void desc_init(athena_desc *d, athena_dbc *dbc, athena_stmt *s, bool is_app, bool is_row)
{
    memset(d, 0, sizeof *d);
    d->magic = MAGIC_DESC;
    d->dbc = dbc;
    d->stmt = s;
    d->is_app = is_app;
    d->is_row = is_row;
    d->array_size = 1;
    d->bind_type = SQL_BIND_BY_COLUMN;
}

static void desc_release(athena_desc *d)
{
    free(d->recs);
    diag_free(&d->diag);
    d->recs = NULL;
    d->count = d->cap = 0;
    d->magic = 0;
}

bool desc_ensure(athena_desc *d, SQLSMALLINT n)
{
    if (n < 0)
        return false;
    if (n >= d->cap) {
        SQLSMALLINT cap = d->cap ? d->cap : 8;
        while (cap <= n)
            cap = (SQLSMALLINT)(cap * 2 > 32767 ? 32767 : cap * 2);
        if (cap <= n)
            return false;
        desc_rec *r = realloc(d->recs, (size_t)cap * sizeof *r);
        if (!r)
            return false;
        memset(r + d->cap, 0, (size_t)(cap - d->cap) * sizeof *r);
        d->recs = r;
        d->cap = cap;
    }
    if (n > d->count)
        d->count = n;
    return true;
}

void desc_reset_records(athena_desc *d)
{
    if (d->recs)
        memset(d->recs, 0, (size_t)d->cap * sizeof *d->recs);
    d->count = 0;
}

/* A statement and its four implicit descriptors enter and leave the
 * registry together. */
static athena_desc *impl_desc(athena_stmt *s, int i)
{
    athena_desc *const all[4] = {&s->ard_impl, &s->apd_impl, &s->ird_impl, &s->ipd_impl};
    return all[i];
}

static void stmt_unregister(athena_stmt *s)
{
    hr_remove(s, HR_STMT);
    for (int i = 0; i < 4; i++)
        hr_remove(impl_desc(s, i), HR_DESC);
}

static bool stmt_register(athena_stmt *s)
{
    bool ok = hr_add(s, HR_STMT);
    for (int i = 0; i < 4 && ok; i++)
        ok = hr_add(impl_desc(s, i), HR_DESC);
    if (!ok)
        stmt_unregister(s);
    return ok;
}

/* What stmt_alloc made, given back (the statement is out of the registry). */
static void stmt_destroy(athena_stmt *s)
{
    for (int i = 0; i < 4; i++)
        desc_release(impl_desc(s, i));
    pthread_cond_destroy(&s->wait_cond);
    pthread_mutex_destroy(&s->wait_lock);
    pthread_mutex_destroy(&s->lock);
    s->magic = 0;
    free(s);
}

SQLRETURN stmt_alloc(athena_dbc *d, athena_stmt **out)
{
    if (!d->connected)
        return diag_set(&d->diag, SS_08003, NULL);
    athena_stmt *s = calloc(1, sizeof *s);
    if (!s)
        return diag_set(&d->diag, SS_HY001, NULL);
    s->magic = MAGIC_STMT;
    pthread_mutex_init(&s->lock, NULL);
    pthread_mutex_init(&s->wait_lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->wait_cond, &ca);
    pthread_condattr_destroy(&ca);
    s->dbc = d;
    s->state = ST_ALLOCATED;
    s->row_count = -1;
    desc_init(&s->ard_impl, d, s, true, true);
    desc_init(&s->apd_impl, d, s, true, false);
    desc_init(&s->ird_impl, d, s, false, true);
    desc_init(&s->ipd_impl, d, s, false, false);
    s->ard = &s->ard_impl;
    s->apd = &s->apd_impl;
    s->retrieve_data = SQL_RD_ON;
    s->cursor_type = SQL_CURSOR_FORWARD_ONLY;
    s->concurrency = SQL_CONCUR_READ_ONLY;
    s->noscan = SQL_NOSCAN_OFF;
    s->use_bookmarks = SQL_UB_OFF;
    s->metadata_id = d->metadata_id;
    if (!stmt_register(s)) {
        stmt_destroy(s);
        return diag_set(&d->diag, SS_HY001, NULL);
    }
    pthread_mutex_lock(&d->lock);
    s->next = d->stmts;
    d->stmts = s;
    pthread_mutex_unlock(&d->lock);
    *out = s;
    return SQL_SUCCESS;
}

SQLRETURN stmt_free(athena_stmt *s)
{
    athena_dbc *d = s->dbc;
    pthread_mutex_lock(&d->lock);
    for (athena_stmt **p = &d->stmts; *p; p = &(*p)->next) {
        if (*p == s) {
            *p = s->next;
            break;
        }
    }
    pthread_mutex_unlock(&d->lock);
    stmt_unregister(s);
    if (s->rs)
        s->rs->close(s->rs);
    param_run_free(s);
    prepare_meta_free(s);
    free(s->pending_qids);
    free(s->sql);
    free(s->rowset_cells);
    free(s->plan);
    sb_free(&s->rowset_text);
    diag_free(&s->diag);
    stmt_destroy(s);
    return SQL_SUCCESS;
}

SQLRETURN desc_alloc(athena_dbc *d, athena_desc **out)
{
    athena_desc *x = calloc(1, sizeof *x);
    if (!x)
        return diag_set(&d->diag, SS_HY001, NULL);
    desc_init(x, d, NULL, true, true);
    if (!hr_add(x, HR_DESC)) {
        free(x);
        return diag_set(&d->diag, SS_HY001, NULL);
    }
    *out = x;
    return SQL_SUCCESS;
}

SQLRETURN desc_free(athena_desc *x)
{
    if (x->stmt)
        return diag_set(&x->diag, SS_HY017, NULL);
    hr_remove(x, HR_DESC);
    /* Statements that used it fall back to their implicit descriptor. */
    athena_dbc *d = x->dbc;
    pthread_mutex_lock(&d->lock);
    for (athena_stmt *s = d->stmts; s; s = s->next) {
        if (s->ard == x)
            s->ard = &s->ard_impl;
        if (s->apd == x)
            s->apd = &s->apd_impl;
    }
    pthread_mutex_unlock(&d->lock);
    desc_release(x);
    free(x);
    return SQL_SUCCESS;
}

diag_list *handle_diag(SQLSMALLINT type, SQLHANDLE h)
{
    switch (type) {
    case SQL_HANDLE_ENV:
        return env_valid(h) ? &((athena_env *)h)->diag : NULL;
    case SQL_HANDLE_DBC:
        return dbc_valid(h) ? &((athena_dbc *)h)->diag : NULL;
    case SQL_HANDLE_STMT:
        return stmt_valid(h) ? &((athena_stmt *)h)->diag : NULL;
    case SQL_HANDLE_DESC:
        return desc_valid(h) ? &((athena_desc *)h)->diag : NULL;
    default:
        return NULL;
    }
}

bool handle_odbc2(SQLSMALLINT type, SQLHANDLE h)
{
    athena_env *e = NULL;
    switch (type) {
    case SQL_HANDLE_ENV: e = h; break;
    case SQL_HANDLE_DBC: e = ((athena_dbc *)h)->env; break;
    case SQL_HANDLE_STMT: e = ((const athena_stmt *)h)->dbc->env; break;
    case SQL_HANDLE_DESC: e = ((const athena_desc *)h)->dbc->env; break;
    default: break;
    }
    return e && env_odbc_version(e) == SQL_OV_ODBC2;
}

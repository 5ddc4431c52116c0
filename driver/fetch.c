/* fetch.c - moves rows from the result source into application buffers
 * through the one conversion module. */
#include "fetch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exec.h"
#include "scroll_rules.h"

/* A C type an application may bind or ask for: the catalogue's, or SQL_C_DEFAULT. */
static bool ctype_known(SQLSMALLINT t) { return t == SQL_C_DEFAULT || ctype_find(t) != NULL; }

SQLRETURN fetch_bind_col(athena_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER ptr,
                         SQLLEN buflen, SQLLEN *ind)
{
    if (col == 0)
        return diag_set(&s->diag, SS_07009, "bookmarks (record 0) are not supported");
    if (!ctype_known(ctype))
        return diag_set(&s->diag, SS_HY003, "C type %d", (int)ctype);
    if (buflen < 0)
        return diag_set(&s->diag, SS_HY090, "length %ld", (long)buflen);
    athena_desc *ard = s->ard;
    if (!ptr && !ind) {
        /* unbind this column */
        if (col <= ard->count) {
            memset(&ard->recs[col], 0, sizeof ard->recs[col]);
            while (ard->count > 0 && !ard->recs[ard->count].data_ptr &&
                   !ard->recs[ard->count].indicator_ptr && !ard->recs[ard->count].octet_length_ptr)
                ard->count--;
        }
        return SQL_SUCCESS;
    }
    if (!desc_ensure(ard, (SQLSMALLINT)col))
        return diag_set(&s->diag, SS_HY001, NULL);
    desc_rec *r = &ard->recs[col];
    r->concise_type = ctype;
    r->data_ptr = ptr;
    r->octet_length = buflen;
    r->octet_length_ptr = ind;
    r->indicator_ptr = ind;
    r->precision = 0;
    r->scale = 0;
    return SQL_SUCCESS;
}

void fetch_unbind(athena_stmt *s) { desc_reset_records(s->ard); }

/* Address of element `row` of a bound buffer, honouring bind type and offset. */
static void *elem(const athena_desc *ard, void *base, SQLLEN elem_size, SQLULEN row)
{
    if (!base)
        return NULL;
    char *p = (char *)base;
    if (ard->bind_offset_ptr)
        p += *ard->bind_offset_ptr;
    if (ard->bind_type == SQL_BIND_BY_COLUMN)
        p += (SQLLEN)row * elem_size;
    else
        p += (SQLLEN)(row * ard->bind_type);
    return p;
}

/* Posts the diagnostic of a conversion status, at row and col. Returns
 * SQL_SUCCESS (nothing to post), SQL_SUCCESS_WITH_INFO (truncation) or
 * SQL_ERROR. */
static SQLRETURN post_cv(athena_stmt *s, cv_status st, SQLLEN row, SQLUSMALLINT col)
{
    sqlstate_id id;
    if (!cv_state(st, &id))
        return SQL_SUCCESS;
    SQLRETURN rc = diag_set(&s->diag, id, "column %u", (unsigned)col);
    diag_set_position(&s->diag, row, (SQLINTEGER)col);
    return rc;
}

/* The conversion settings of an ARD record: C type, numeric precision and
 * scale, interval leading and seconds precision. */
static void target_from_ard(cv_target *t, const desc_rec *b)
{
    t->ctype = b->concise_type;
    t->precision = b->precision;
    t->scale = b->scale;
    t->interval_precision = (SQLSMALLINT)b->datetime_interval_precision;
    t->fraction_precision = b->precision;
}

/* Converts the current row into rowset position `r`. Returns the row status. */
static SQLUSMALLINT convert_row(athena_stmt *s, SQLULEN r, SQLLEN row_number)
{
    const athena_desc *ard = s->ard;
    const result_source *rs = s->rs;
    SQLUSMALLINT status = SQL_ROW_SUCCESS;
    SQLSMALLINT n = ard->count;
    if ((size_t)n > rs->ncolumns)
        n = (SQLSMALLINT)rs->ncolumns;
    for (SQLSMALLINT c = 1; c <= n; c++) {
        const desc_rec *b = &ard->recs[c];
        if (!b->data_ptr && !b->indicator_ptr && !b->octet_length_ptr)
            continue;
        cv_target t;
        target_from_ard(&t, b);
        /* SQL_C_DEFAULT arrays are laid out with the default type's size */
        SQLLEN esize = ctype_element_size(&rs->columns[c - 1], b->concise_type, b->octet_length);
        t.ptr = elem(ard, b->data_ptr, esize, r);
        t.buflen = b->octet_length;
        t.octet_len = elem(ard, b->octet_length_ptr, sizeof(SQLLEN), r);
        t.ind = elem(ard, b->indicator_ptr, sizeof(SQLLEN), r);
        const pd_cell *cell = &s->row[c - 1];
        cv_status st = convert_value(&rs->columns[c - 1], cell->ptr, cell->len, &t, NULL);
        SQLRETURN rc = post_cv(s, st, row_number, (SQLUSMALLINT)c);
        if (rc == SQL_ERROR)
            status = SQL_ROW_ERROR;
        else if (rc == SQL_SUCCESS_WITH_INFO && status == SQL_ROW_SUCCESS)
            status = SQL_ROW_SUCCESS_WITH_INFO;
    }
    return status;
}

/* Keeps row r of a multi-row rowset (its cells die with the page). */
static bool keep_row(athena_stmt *s, SQLULEN r)
{
    size_t n = s->rs->ncolumns;
    size_t need = (size_t)(r + 1) * n;
    if (need > s->rowset_cap) {
        size_t cap = s->rowset_cap ? s->rowset_cap : 64;
        while (cap < need)
            cap *= 2;
        size_t *off = realloc(s->rowset_off, cap * sizeof *off);
        if (!off)
            return false;
        s->rowset_off = off;
        s->rowset_cap = cap;
    }
    size_t *off = s->rowset_off + (size_t)r * n;
    for (size_t i = 0; i < n; i++) {
        const pd_cell *c = &s->row[i];
        if (!c->ptr) {
            off[i] = SIZE_MAX;
            continue;
        }
        off[i] = s->rowset_text.len;
        if (!sb_append(&s->rowset_text, c->ptr, c->len + 1))
            return false;
    }
    return true;
}

/* Points pos_cells at row `row` (1-based) of the kept rowset. */
static bool position_row(athena_stmt *s, SQLULEN row)
{
    size_t n = s->rs->ncolumns;
    if (!s->pos_cells && !(s->pos_cells = calloc(n ? n : 1, sizeof *s->pos_cells)))
        return false;
    const size_t *off = s->rowset_off + (size_t)(row - 1) * n;
    for (size_t i = 0; i < n; i++) {
        if (off[i] == SIZE_MAX) {
            s->pos_cells[i].ptr = NULL;
            s->pos_cells[i].len = 0;
        } else {
            s->pos_cells[i].ptr = s->rowset_text.data + off[i];
            s->pos_cells[i].len = strlen(s->pos_cells[i].ptr);
        }
    }
    s->pos_row = row;
    s->row = s->pos_cells;
    s->getdata_col = 0;
    memset(&s->getdata_piece, 0, sizeof s->getdata_piece);
    return true;
}

/* The next row of the rowset being filled: the source's next row, or for a
 * static cursor row `start + got` (1-based start) read back by number. */
static int rowset_row(athena_stmt *s, SQLLEN start, SQLULEN got, athena_error *ae)
{
    if (!start)
        return s->rs->next_row(s->rs, &s->row, ae);
    SQLULEN k = (SQLULEN)(start - 1) + got;
    if (s->max_rows && k >= s->max_rows)
        return 0;
    return result_scroll_row(s->rs, (size_t)k, &s->row, ae);
}

/* Fills the rowset: from the source's next row (start 0) or from row
 * `start` of a static cursor. */
static SQLRETURN fill_rowset(athena_stmt *s, SQLLEN start, SQLULEN *rows_fetched_override,
                             SQLUSMALLINT *row_status_override)
{
    SQLULEN array_size = s->ard->array_size ? s->ard->array_size : 1;
    SQLULEN *rows_fetched = rows_fetched_override ? rows_fetched_override : s->ird_impl.rows_processed_ptr;
    SQLUSMALLINT *row_status = row_status_override ? row_status_override : s->ird_impl.array_status_ptr;
    s->getdata_col = 0;
    memset(&s->getdata_piece, 0, sizeof s->getdata_piece);

    SQLULEN got = 0;
    int errors = 0, infos = 0;
    athena_error ae;
    ae_clear(&ae);
    bool block = array_size > 1;
    sb_reset(&s->rowset_text);
    s->rowset_rows = 0;
    s->pos_row = 0;
    while (got < array_size) {
        if (!start && s->max_rows && s->rows_fetched >= s->max_rows) {
            s->row = NULL;
            break;
        }
        int r = rowset_row(s, start, got, &ae);
        if (r < 0) {
            s->row = NULL;
            if (rows_fetched)
                *rows_fetched = got;
            return diag_post_error(&s->diag, &ae);
        }
        if (r == 0) {
            s->row = NULL;
            break;
        }
        s->rows_fetched++;
        if (block && !keep_row(s, got)) {
            s->row = NULL;
            return diag_set(&s->diag, SS_HY001, NULL);
        }
        SQLUSMALLINT st = s->retrieve_data == SQL_RD_OFF ? SQL_ROW_SUCCESS
                                                         : convert_row(s, got, (SQLLEN)got + 1);
        if (st == SQL_ROW_ERROR)
            errors++;
        else if (st == SQL_ROW_SUCCESS_WITH_INFO)
            infos++;
        if (row_status)
            row_status[got] = st;
        got++;
    }
    if (rows_fetched)
        *rows_fetched = got;
    if (row_status)
        for (SQLULEN i = got; i < array_size; i++)
            row_status[i] = SQL_ROW_NOROW;
    s->row_number = got;
    s->rowset_rows = got;
    if (got == 0)
        return SQL_NO_DATA;
    /* after a block fetch the cursor is on the first row of the rowset */
    if (block && !position_row(s, 1))
        return diag_set(&s->diag, SS_HY001, NULL);
    if (errors && array_size == 1)
        return SQL_ERROR;
    if (errors || infos)
        return SQL_SUCCESS_WITH_INFO;
    return SQL_SUCCESS;
}

static SQLRETURN fetch_static(athena_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *rows,
                              SQLUSMALLINT *status);

/* No cursor: HY010 when nothing has been executed yet, 24000 when the
 * statement ran without a result set or its cursor was closed. */
static SQLRETURN no_result(athena_stmt *s)
{
    if (s->state == ST_ALLOCATED || s->state == ST_PREPARED)
        return diag_set(&s->diag, SS_HY010, "the statement has not been executed");
    return diag_set(&s->diag, SS_24000, "no result set");
}

/* One fetch in any orientation: a static cursor positions and fills its
 * rowset; a forward-only one takes SQL_FETCH_NEXT only. */
static SQLRETURN fetch_rows(athena_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *rows,
                            SQLUSMALLINT *status)
{
    if (s->state != ST_CURSOR || !s->rs)
        return no_result(s);
    if (s->rs->scrollable)
        return fetch_static(s, orientation, offset, rows, status);
    if (orientation != SQL_FETCH_NEXT)
        return diag_set(&s->diag, SS_HY106,
                         "the cursor is forward-only, only SQL_FETCH_NEXT is allowed");
    return fill_rowset(s, 0, rows, status);
}

/* While rows are fetched, SQLCancel from another thread makes a source that
 * waits for a page or range give up (HY008) and closes the cursor. */
static SQLRETURN fetch_cancellable(athena_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *rows,
                                   SQLUSMALLINT *status)
{
    pthread_mutex_lock(&s->wait_lock);
    CANCEL_SET(s->cancel, 0);
    s->fetching = 1;
    pthread_mutex_unlock(&s->wait_lock);
    SQLRETURN rc = fetch_rows(s, orientation, offset, rows, status);
    pthread_mutex_lock(&s->wait_lock);
    bool cancelled = CANCEL_GET(s->cancel);
    s->fetching = 0;
    CANCEL_SET(s->cancel, 0);
    pthread_mutex_unlock(&s->wait_lock);
    /* the driver manager takes the statement as closed after SQLCancel:
     * close the cursor too, which stops its downloads */
    if (cancelled)
        exec_close_all(s);
    return rc;
}

SQLRETURN fetch_next(athena_stmt *s, SQLULEN *rows_fetched_override, SQLUSMALLINT *row_status_override)
{
    return fetch_cancellable(s, SQL_FETCH_NEXT, 0, rows_fetched_override, row_status_override);
}

/* The number of rows of a static cursor's result (reads to the end). */
static SQLRETURN last_row(athena_stmt *s, SQLLEN *last)
{
    athena_error ae;
    ae_clear(&ae);
    long long n = result_scroll_count(s->rs, &ae);
    if (n < 0)
        return diag_post_error(&s->diag, &ae);
    if (s->max_rows && (unsigned long long)n > s->max_rows)
        n = (long long)s->max_rows;
    *last = (SQLLEN)n;
    return SQL_SUCCESS;
}

/* A fetch of a static cursor: position, then fill the rowset from there. */
static SQLRETURN fetch_static(athena_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *rows,
                              SQLUSMALLINT *status)
{
    SQLULEN size = s->ard->array_size ? s->ard->array_size : 1;
    if (orientation == SQL_FETCH_BOOKMARK)
        return diag_set(&s->diag, SS_HYC00, "bookmarks");
    SQLLEN target, last = -1;
    bool warn;
    SQLRETURN rc;
    scroll_result sr = scroll_rule(s->rowset_start, orientation, offset, (SQLLEN)size, last, &target, &warn);
    if (sr == SCROLL_NEED_LAST) {
        if ((rc = last_row(s, &last)) != SQL_SUCCESS)
            return rc;
        sr = scroll_rule(s->rowset_start, orientation, offset, (SQLLEN)size, last, &target, &warn);
    }
    if (sr == SCROLL_BAD_ORIENTATION)
        return diag_set(&s->diag, SS_HY106, "fetch orientation %u", (unsigned)orientation);
    if (target <= 0) {
        s->rowset_start = target;
        s->row = NULL;
        s->rowset_rows = 0;
        s->pos_row = 0;
        if (rows || (rows = s->ird_impl.rows_processed_ptr))
            *rows = 0;
        return SQL_NO_DATA;
    }
    rc = fill_rowset(s, target, rows, status);
    s->rowset_start = rc == SQL_NO_DATA ? SCROLL_AFTER_END : target;
    long long n = result_scroll_known_count(s->rs);
    if (n >= 0)
        s->row_count = (SQLLEN)(s->max_rows && (unsigned long long)n > s->max_rows ? s->max_rows
                                                                                   : (SQLULEN)n);
    if (warn && SQL_SUCCEEDED(rc)) {
        diag_set(&s->diag, SS_01S06, "the rowset starts at row 1");
        rc = SQL_SUCCESS_WITH_INFO;
    }
    return rc;
}

SQLRETURN fetch_scroll(athena_stmt *s, SQLSMALLINT orientation, SQLLEN offset)
{
    return fetch_extended(s, (SQLUSMALLINT)orientation, offset, s->ird_impl.rows_processed_ptr,
                          s->ird_impl.array_status_ptr);
}

SQLRETURN fetch_extended(athena_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *rows,
                         SQLUSMALLINT *status)
{
    SQLULEN ignored = 0;
    return fetch_cancellable(s, orientation, offset, rows ? rows : &ignored, status);
}

SQLRETURN fetch_get_data(athena_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER ptr,
                         SQLLEN buflen, SQLLEN *ind)
{
    if (s->state != ST_CURSOR || !s->rs)
        return no_result(s);
    if (!s->row)
        return diag_set(&s->diag, SS_24000, "no current row");
    if (col == 0 || col > s->rs->ncolumns)
        return diag_set(&s->diag, SS_07009, "column %u (the result has %zu columns)",
                         (unsigned)col, s->rs->ncolumns);
    if (!ctype_known(ctype) && ctype != SQL_ARD_TYPE)
        return diag_set(&s->diag, SS_HY003, "C type %d", (int)ctype);
    if (buflen < 0)
        return diag_set(&s->diag, SS_HY090, "length %ld", (long)buflen);
    if (col != s->getdata_col) {
        s->getdata_col = col;
        memset(&s->getdata_piece, 0, sizeof s->getdata_piece);
    }
    cv_target t;
    memset(&t, 0, sizeof t);
    t.ctype = ctype;
    if (ctype == SQL_ARD_TYPE) {
        if (col > s->ard->count)
            return diag_set(&s->diag, SS_07009, "SQL_ARD_TYPE: column %u has no ARD record", (unsigned)col);
        target_from_ard(&t, &s->ard->recs[col]); /* as for a bound column */
    }
    t.ptr = ptr;
    t.buflen = buflen;
    t.octet_len = ind;
    t.ind = ind;
    const pd_cell *cell = &s->row[col - 1];
    cv_status st = convert_value(&s->rs->columns[col - 1], cell->ptr, cell->len, &t, &s->getdata_piece);
    if (st == CV_NO_DATA)
        return SQL_NO_DATA;
    return post_cv(s, st, s->pos_row ? (SQLLEN)s->pos_row : 1, col);
}

SQLRETURN fetch_set_pos(athena_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock)
{
    if (s->state != ST_CURSOR || !s->rs)
        return no_result(s);
    if (op != SQL_POSITION)
        return diag_set(&s->diag, SS_HYC00,
                         "SQLSetPos supports only SQL_POSITION "
                         "(the cursor is read-only; operation %u)", (unsigned)op);
    if (lock != SQL_LOCK_NO_CHANGE)
        return diag_set(&s->diag, SS_HYC00, "row locking");
    SQLULEN rows = s->ard->array_size > 1 ? s->rowset_rows : (s->row ? 1 : 0);
    if (rows == 0)
        return diag_set(&s->diag, SS_24000, "no rowset has been fetched");
    if (row == 0)
        return diag_set(&s->diag, SS_HY109, "SQL_POSITION needs a single row");
    if ((SQLULEN)row > rows)
        return diag_set(&s->diag, SS_HY107, "the rowset has %lu rows", (unsigned long)rows);
    if (s->ard->array_size > 1 && !position_row(s, (SQLULEN)row))
        return diag_set(&s->diag, SS_HY001, NULL);
    return SQL_SUCCESS;
}

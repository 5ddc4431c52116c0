/* fetch.c - moves rows from the result source into application buffers
 * through the one conversion module. */
#include "fetch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exec.h"

static bool ctype_known(SQLSMALLINT t)
{
    switch (t) {
    case SQL_C_CHAR: case SQL_C_WCHAR: case SQL_C_BIT: case SQL_C_TINYINT: case SQL_C_STINYINT:
    case SQL_C_UTINYINT: case SQL_C_SHORT: case SQL_C_SSHORT: case SQL_C_USHORT: case SQL_C_LONG:
    case SQL_C_SLONG: case SQL_C_ULONG: case SQL_C_SBIGINT: case SQL_C_UBIGINT: case SQL_C_FLOAT:
    case SQL_C_DOUBLE: case SQL_C_NUMERIC: case SQL_C_DATE: case SQL_C_TIME: case SQL_C_TIMESTAMP:
    case SQL_C_TYPE_DATE: case SQL_C_TYPE_TIME: case SQL_C_TYPE_TIMESTAMP: case SQL_C_BINARY:
    case SQL_C_GUID: case SQL_C_DEFAULT:
    case SQL_C_INTERVAL_YEAR: case SQL_C_INTERVAL_MONTH: case SQL_C_INTERVAL_DAY:
    case SQL_C_INTERVAL_HOUR: case SQL_C_INTERVAL_MINUTE: case SQL_C_INTERVAL_SECOND:
    case SQL_C_INTERVAL_YEAR_TO_MONTH: case SQL_C_INTERVAL_DAY_TO_HOUR:
    case SQL_C_INTERVAL_DAY_TO_MINUTE: case SQL_C_INTERVAL_DAY_TO_SECOND:
    case SQL_C_INTERVAL_HOUR_TO_MINUTE: case SQL_C_INTERVAL_HOUR_TO_SECOND:
    case SQL_C_INTERVAL_MINUTE_TO_SECOND:
        return true;
    default:
        return false;
    }
}

SQLRETURN fetch_bind_col(athena_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER ptr,
                         SQLLEN buflen, SQLLEN *ind)
{
    if (col == 0)
        return diag_post(&s->diag, "07009", 0, "Invalid descriptor index 0: bookmarks are not supported");
    if (!ctype_known(ctype))
        return diag_post(&s->diag, "HY003", 0, "Invalid application buffer type %d", (int)ctype);
    if (buflen < 0)
        return diag_post(&s->diag, "HY090", 0, "Invalid string or buffer length %ld", (long)buflen);
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

/* Size of one element of a column-wise bound buffer. */
static SQLLEN ctype_size(SQLSMALLINT ctype, SQLLEN buflen)
{
    switch (ctype) {
    case SQL_C_BIT: case SQL_C_TINYINT: case SQL_C_STINYINT: case SQL_C_UTINYINT: return 1;
    case SQL_C_SHORT: case SQL_C_SSHORT: case SQL_C_USHORT: return 2;
    case SQL_C_LONG: case SQL_C_SLONG: case SQL_C_ULONG: return 4;
    case SQL_C_SBIGINT: case SQL_C_UBIGINT: return 8;
    case SQL_C_FLOAT: return sizeof(SQLREAL);
    case SQL_C_DOUBLE: return sizeof(SQLDOUBLE);
    case SQL_C_NUMERIC: return sizeof(SQL_NUMERIC_STRUCT);
    case SQL_C_DATE: case SQL_C_TYPE_DATE: return sizeof(SQL_DATE_STRUCT);
    case SQL_C_TIME: case SQL_C_TYPE_TIME: return sizeof(SQL_TIME_STRUCT);
    case SQL_C_TIMESTAMP: case SQL_C_TYPE_TIMESTAMP: return sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_C_GUID: return sizeof(SQLGUID);
    case SQL_C_CHAR: case SQL_C_WCHAR: case SQL_C_BINARY: case SQL_C_DEFAULT: return buflen;
    default: return sizeof(SQL_INTERVAL_STRUCT);
    }
}

/* Posts a conversion status; returns true if it is an error for the row. */
static bool post_cv(athena_stmt *s, cv_status st, SQLLEN row, SQLUSMALLINT col)
{
    const char *state = cv_sqlstate(st);
    if (!state)
        return false;
    diag_post(&s->diag, state, 0, "%s (column %u)", cv_message(st), (unsigned)col);
    diag_set_position(&s->diag, row, (SQLINTEGER)col);
    return !(st == CV_TRUNCATED || st == CV_FRACTIONAL);
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
        t.ctype = b->concise_type;
        /* SQL_C_DEFAULT arrays are laid out with the default type's size */
        SQLSMALLINT etype = b->concise_type == SQL_C_DEFAULT ? type_default_ctype(&rs->columns[c - 1])
                                                             : b->concise_type;
        SQLLEN esize = ctype_size(etype, b->octet_length);
        t.ptr = elem(ard, b->data_ptr, esize, r);
        t.buflen = b->octet_length;
        t.octet_len = elem(ard, b->octet_length_ptr, sizeof(SQLLEN), r);
        t.ind = elem(ard, b->indicator_ptr, sizeof(SQLLEN), r);
        t.precision = b->precision;
        t.scale = b->scale;
        t.interval_precision = (SQLSMALLINT)b->datetime_interval_precision;
        t.fraction_precision = b->precision;
        const pd_cell *cell = &s->row[c - 1];
        cv_status st = convert_value(&rs->columns[c - 1], cell->ptr, cell->len, &t, NULL);
        if (post_cv(s, st, row_number, (SQLUSMALLINT)c))
            status = SQL_ROW_ERROR;
        else if (cv_sqlstate(st) && status == SQL_ROW_SUCCESS)
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

static SQLRETURN fetch_rows(athena_stmt *s, SQLULEN *rows_fetched_override, SQLUSMALLINT *row_status_override)
{
    if (s->state != ST_CURSOR || !s->rs)
        return diag_post(&s->diag, "24000", 0, "Invalid cursor state: no result set");
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
        if (s->max_rows && s->rows_fetched >= s->max_rows) {
            s->row = NULL;
            break;
        }
        int r = s->rs->next_row(s->rs, &s->row, &ae);
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

/* While rows are fetched, SQLCancel from another thread makes a source that
 * waits for a page or range give up (HY008) and closes the cursor. */
SQLRETURN fetch_next(athena_stmt *s, SQLULEN *rows_fetched_override, SQLUSMALLINT *row_status_override)
{
    pthread_mutex_lock(&s->wait_lock);
    s->cancel = 0;
    s->fetching = 1;
    pthread_mutex_unlock(&s->wait_lock);
    SQLRETURN rc = fetch_rows(s, rows_fetched_override, row_status_override);
    pthread_mutex_lock(&s->wait_lock);
    bool cancelled = s->cancel;
    s->fetching = 0;
    s->cancel = 0;
    pthread_mutex_unlock(&s->wait_lock);
    /* the driver manager takes the statement as closed after SQLCancel:
     * close the cursor too, which stops its downloads */
    if (cancelled)
        exec_close_cursor(s);
    return rc;
}

SQLRETURN fetch_scroll(athena_stmt *s, SQLSMALLINT orientation, SQLLEN offset)
{
    (void)offset;
    if (orientation != SQL_FETCH_NEXT)
        return diag_post(&s->diag, "HY106", 0,
                         "Fetch type out of range: the cursor is forward-only, only SQL_FETCH_NEXT is allowed");
    return fetch_next(s, NULL, NULL);
}

SQLRETURN fetch_get_data(athena_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER ptr,
                         SQLLEN buflen, SQLLEN *ind)
{
    if (s->state != ST_CURSOR || !s->rs)
        return diag_post(&s->diag, "24000", 0, "Invalid cursor state: no result set");
    if (!s->row)
        return diag_post(&s->diag, "24000", 0, "Invalid cursor state: no current row");
    if (col == 0 || col > s->rs->ncolumns)
        return diag_post(&s->diag, "07009", 0, "Invalid descriptor index %u: the result has %zu columns",
                         (unsigned)col, s->rs->ncolumns);
    if (!ctype_known(ctype) && ctype != SQL_ARD_TYPE)
        return diag_post(&s->diag, "HY003", 0, "Invalid application buffer type %d", (int)ctype);
    if (buflen < 0)
        return diag_post(&s->diag, "HY090", 0, "Invalid string or buffer length %ld", (long)buflen);
    if (col != s->getdata_col) {
        s->getdata_col = col;
        memset(&s->getdata_piece, 0, sizeof s->getdata_piece);
    }
    cv_target t;
    memset(&t, 0, sizeof t);
    t.ctype = ctype;
    if (ctype == SQL_ARD_TYPE) {
        if (col > s->ard->count)
            return diag_post(&s->diag, "07009", 0, "SQL_ARD_TYPE: column %u has no ARD record", (unsigned)col);
        const desc_rec *b = &s->ard->recs[col];
        t.ctype = b->concise_type;
        t.precision = b->precision;
        t.scale = b->scale;
        /* intervals: the ARD's leading and seconds precision, as for a bound column */
        t.interval_precision = (SQLSMALLINT)b->datetime_interval_precision;
        t.fraction_precision = b->precision;
    }
    t.ptr = ptr;
    t.buflen = buflen;
    t.octet_len = ind;
    t.ind = ind;
    const pd_cell *cell = &s->row[col - 1];
    cv_status st = convert_value(&s->rs->columns[col - 1], cell->ptr, cell->len, &t, &s->getdata_piece);
    if (st == CV_NO_DATA)
        return SQL_NO_DATA;
    if (st == CV_OK || st == CV_NULL)
        return SQL_SUCCESS;
    const char *state = cv_sqlstate(st);
    SQLRETURN rc = diag_post(&s->diag, state ? state : "HY000", 0, "%s (column %u)", cv_message(st),
                             (unsigned)col);
    diag_set_position(&s->diag, s->pos_row ? (SQLLEN)s->pos_row : 1, (SQLINTEGER)col);
    return rc;
}

SQLRETURN fetch_set_pos(athena_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock)
{
    if (s->state != ST_CURSOR || !s->rs)
        return diag_post(&s->diag, "24000", 0, "Invalid cursor state: no result set");
    if (op != SQL_POSITION)
        return diag_post(&s->diag, "HYC00", 0,
                         "Optional feature not implemented: SQLSetPos supports only SQL_POSITION "
                         "(the cursor is read-only; operation %u)", (unsigned)op);
    if (lock != SQL_LOCK_NO_CHANGE)
        return diag_post(&s->diag, "HYC00", 0, "Optional feature not implemented: row locking");
    SQLULEN rows = s->ard->array_size > 1 ? s->rowset_rows : (s->row ? 1 : 0);
    if (rows == 0)
        return diag_post(&s->diag, "24000", 0, "Invalid cursor state: no rowset has been fetched");
    if (row == 0)
        return diag_post(&s->diag, "HY109", 0, "Invalid cursor position: SQL_POSITION needs a single row");
    if ((SQLULEN)row > rows)
        return diag_post(&s->diag, "HY107", 0, "Row value out of range: the rowset has %lu rows", (unsigned long)rows);
    if (s->ard->array_size > 1 && !position_row(s, (SQLULEN)row))
        return diag_set(&s->diag, SS_HY001, NULL);
    return SQL_SUCCESS;
}

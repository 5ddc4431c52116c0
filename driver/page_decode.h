/* page_decode.h - decodes one GetQueryResults JSON answer in a single pass,
 * in place, without per-cell allocation: every cell becomes a (pointer,
 * length) into the page buffer after JSON unescaping, which never grows a
 * string so it is done inside the buffer. */
#ifndef ATHENA_PAGE_DECODE_H
#define ATHENA_PAGE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include "athena_types.h"
#include "error.h"

typedef struct pd_cell {
    const char *ptr;   /* UTF-8 text, NUL-terminated in place; NULL when the datum is NULL ({}) */
    size_t len;
} pd_cell;

typedef struct pd_page {
    /* rows */
    size_t nrows;
    size_t ncols;           /* data columns per row as found in Rows (0 if no rows) */
    pd_cell *cells;         /* nrows * row_width cells, row-major; reused across pages */
    size_t row_width;       /* cells per row in `cells` (max Data length seen) */
    size_t cells_cap;
    /* paging */
    char *next_token;       /* NUL-terminated in place, NULL on the last page */
    bool has_update_count;
    long long update_count;
    /* columns (only when asked for) */
    athena_column *columns; /* malloc'd array of ncolumns, reused across pages */
    size_t ncolumns;
    size_t columns_cap;
} pd_page;

void pd_page_init(pd_page *p);
void pd_page_free(pd_page *p);
/* Decodes `json` (len bytes, modified in place; must stay alive while the
 * cells are used). want_columns parses ResultSetMetadata.ColumnInfo into
 * columns (type_describe is NOT called; the caller does it). A row with
 * fewer Data entries than others gets NULL cells for the missing ones.
 * Returns 0, or -1 with AE_BAD_RESPONSE describing what was malformed. */
int page_decode(char *json, size_t len, pd_page *page, bool want_columns, athena_error *err);
static inline const pd_cell *pd_cell_at(const pd_page *p, size_t row, size_t col)
{
    return &p->cells[row * p->row_width + col];
}

#endif

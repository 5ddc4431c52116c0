/* result_static.c - a result source held in memory, for results the driver
 * makes itself (SQLGetTypeInfo, catalog functions). */
#include "result_source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

typedef struct static_rs {
    result_source base;
    athena_column *cols;
    size_t ncols;
    strbuf text;        /* every value, NUL-terminated, back to back */
    size_t *offsets;    /* per cell: offset into text, or SIZE_MAX for NULL */
    size_t nrows, cap_rows;
    size_t next;
    pd_cell *row;
} static_rs;

static int static_next_row(result_source *self, const pd_cell **row, athena_error *err)
{
    (void)err;
    static_rs *r = (static_rs *)self;
    if (r->next >= r->nrows)
        return 0;
    const size_t *off = r->offsets + r->next * r->ncols;
    for (size_t i = 0; i < r->ncols; i++) {
        if (off[i] == SIZE_MAX) {
            r->row[i].ptr = NULL;
            r->row[i].len = 0;
        } else {
            r->row[i].ptr = r->text.data + off[i];
            r->row[i].len = strlen(r->row[i].ptr);
        }
    }
    r->next++;
    *row = r->row;
    return 1;
}

/* The values stay where they are until close: nothing to hold. */
static void static_hold(result_source *self, bool on)
{
    (void)self;
    (void)on;
}

static void static_close(result_source *self)
{
    static_rs *r = (static_rs *)self;
    free(r->cols);
    free(r->offsets);
    free(r->row);
    sb_free(&r->text);
    free(r);
}

void result_columns_describe(athena_column *cols, const char *const *names, const char *const *types,
                             size_t ncols, const type_options *opt)
{
    for (size_t i = 0; i < ncols; i++) {
        athena_column *c = &cols[i];
        memset(c, 0, sizeof *c);
        snprintf(c->name, sizeof c->name, "%s", names[i]);
        snprintf(c->label, sizeof c->label, "%s", names[i]);
        snprintf(c->type_name, sizeof c->type_name, "%s", types[i]);
        c->nullable = SQL_NULLABLE;
        c->precision = strcmp(types[i], "smallint") == 0 ? 5 : strcmp(types[i], "integer") == 0 ? 10 : 0;
        c->case_sensitive = strcmp(types[i], "varchar") == 0;
        type_describe(c, opt);
    }
}

result_source *result_static_new(const char *const *names, const char *const *types, size_t ncols,
                                 const type_options *opt, athena_error *err)
{
    static_rs *r = calloc(1, sizeof *r);
    if (!r || !(r->cols = calloc(ncols ? ncols : 1, sizeof *r->cols)) ||
        !(r->row = calloc(ncols ? ncols : 1, sizeof *r->row))) {
        if (r)
            static_close(&r->base);
        ae_set(err, AE_NOMEM, 0, "Memory allocation error");
        return NULL;
    }
    r->ncols = ncols;
    result_columns_describe(r->cols, names, types, ncols, opt);
    r->base.columns = r->cols;
    r->base.ncolumns = ncols;
    r->base.next_row = static_next_row;
    r->base.hold = static_hold;
    r->base.close = static_close;
    return &r->base;
}

int result_static_add_row(result_source *rs, const char *const *values, athena_error *err)
{
    static_rs *r = (static_rs *)rs;
    if (r->nrows == r->cap_rows) {
        size_t cap = r->cap_rows ? r->cap_rows * 2 : 16;
        size_t *o = realloc(r->offsets, cap * r->ncols * sizeof *o);
        if (!o)
            return ae_set(err, AE_NOMEM, 0, "Memory allocation error");
        r->offsets = o;
        r->cap_rows = cap;
    }
    size_t *off = r->offsets + r->nrows * r->ncols;
    for (size_t i = 0; i < r->ncols; i++) {
        if (!values[i]) {
            off[i] = SIZE_MAX;
            continue;
        }
        off[i] = r->text.len;
        if (!sb_append(&r->text, values[i], strlen(values[i]) + 1))
            return ae_set(err, AE_NOMEM, 0, "Memory allocation error");
    }
    r->nrows++;
    return 0;
}

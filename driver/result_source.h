/* result_source.h - how the core reads result rows, whatever brings them:
 * the GetQueryResults pager (result_pager.c) today, the S3 streamer later.
 * A source hands out rows as arrays of text cells, a page at a time; the
 * cells stay valid until the next call to next_row that moves to a new page
 * or until close. */
#ifndef ATHENA_RESULT_SOURCE_H
#define ATHENA_RESULT_SOURCE_H

#include "athena_client.h"
#include "athena_types.h"
#include "page_decode.h"

typedef struct result_source result_source;

struct result_source {
    /* Column metadata, valid after open. */
    athena_column *columns;
    size_t ncolumns;
    bool has_update_count;
    long long update_count;
    /* Advances to the next row: 1 = a row is current (cells in *row), 0 = no
     * more rows, -1 = error (err set). */
    int (*next_row)(result_source *self, const pd_cell **row, athena_error *err);
    void (*close)(result_source *self);
};

typedef struct pager_options {
    int page_size;              /* RowsToFetchPerBlock: 1..1000 */
    bool txt_result;            /* the output file is .txt: rows are one tab-separated datum */
    bool header_candidate;      /* .csv result: row 0 of page 1 may be the header */
    type_options types;
} pager_options;

/* Opens the GetQueryResults pager for a SUCCEEDED query: fetches page one
 * (columns, header rule of docs/wire.md). NULL with err on failure. */
result_source *result_pager_open(athena_client *client, const char *qid,
                                 const pager_options *opt, athena_error *err);

/* A result built in memory (SQLGetTypeInfo, catalog functions): columns
 * given as name + Athena type name, rows appended as text (NULL = SQL NULL). */
result_source *result_static_new(const char *const *names, const char *const *types, size_t ncols,
                                 const type_options *opt, athena_error *err);
/* Describes result columns the driver makes itself, given as name + Athena
 * type name (varchar, smallint, integer): what result_static_new does. */
void result_columns_describe(athena_column *cols, const char *const *names, const char *const *types,
                             size_t ncols, const type_options *opt);
/* Appends a row of ncols values (copied). 0, or -1 with AE_NOMEM. */
int result_static_add_row(result_source *rs, const char *const *values, athena_error *err);

#endif

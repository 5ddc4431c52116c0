/* result_source.h - how the core reads result rows, whatever brings them:
 * the GetQueryResults pager (result_pager.c), the S3 streamer (result_s3.c),
 * results made in memory. A source hands out rows as arrays of text cells;
 * the cells of a row stay valid until the next call to next_row or close. */
#ifndef ATHENA_RESULT_SOURCE_H
#define ATHENA_RESULT_SOURCE_H

#include <pthread.h>
#include <time.h>

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
    /* result_scroll_open's wrapper: rows can be read by number */
    bool scrollable;
    /* Advances to the next row: 1 = a row is current (cells in *row), 0 = no
     * more rows, -1 = error (err set). */
    int (*next_row)(result_source *self, const pd_cell **row, athena_error *err);
    void (*close)(result_source *self);
};

typedef struct pager_options {
    int page_size;              /* RowsToFetchPerBlock: 1..1000 */
    bool txt_result;            /* the output file is .txt: rows are one tab-separated datum */
    bool header_candidate;      /* .csv result: row 0 of page 1 may be the header */
    bool prefetch;              /* a background thread fetches the pages after page one ahead */
    volatile const int *cancel; /* non-zero (SQLCancel during SQLFetch): stop waiting for a page */
    type_options types;
} pager_options;

/* Opens the GetQueryResults pager for a SUCCEEDED query: fetches page one
 * (columns, header rule of docs/wire.md). NULL with err on failure. */
result_source *result_pager_open(athena_client *client, const char *qid,
                                 const pager_options *opt, athena_error *err);

/* Where the pager stands: rows of the current page not yet handed out,
 * whether another page follows, how many rows page one held (the header
 * row included: the result file's first records). result_pager_continue:
 * the pages still to come have page_size rows and are prefetched. */
size_t result_pager_rows_left(const result_source *rs);
bool result_pager_has_more_pages(const result_source *rs);
unsigned long long result_pager_first_page_records(const result_source *rs);
void result_pager_continue(result_source *rs, int page_size);

/* What the S3 result source needs from the connection (not owned). */
typedef struct result_env {
    const athena_config *cfg;   /* ResultFetcher, S3 keys, endpoints, timeouts */
    cred_provider *creds;
    athena_log *log;
    volatile const int *cancel; /* non-zero (SQLCancel during SQLFetch): stop waiting for a range */
} result_env;

/* Opens the result of a SUCCEEDED query with the fetcher ResultFetcher
 * asks for (result_s3.c): GetQueryResults paging, or page one and then the
 * result .csv from S3, falling back to paging (with a log line saying why)
 * when the file cannot be read from S3. */
result_source *result_open(athena_client *client, const char *qid, const query_status *st,
                           const pager_options *opt, const result_env *env, athena_error *err);

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

/* The static cursor (result_scroll.c): wraps `inner` (owned from then on)
 * and keeps the rows read so far, the first ones in a memory window
 * (ATHENA_ODBC_SCROLL_WINDOW bytes, default 8 MiB), the rest in an unlinked
 * temporary file. NULL with err on failure (inner is then not taken). */
result_source *result_scroll_open(result_source *inner, athena_error *err);
/* Row k (0-based) of a scrollable source: 1 = *row set (valid until the next
 * call), 0 = the result has at most k rows, -1 = error. */
int result_scroll_row(result_source *rs, size_t k, const pd_cell **row, athena_error *err);
/* Reads to the end: the number of rows, or -1 with err. */
long long result_scroll_count(result_source *rs, athena_error *err);
/* The number of rows once the end has been reached, else -1. */
long long result_scroll_known_count(const result_source *rs);

/* One wait of a source for its background thread (the lock held), waking
 * every 20 ms to look at the cancel flag. false when cancelled. */
static inline bool rs_wait(pthread_cond_t *cond, pthread_mutex_t *lock, volatile const int *cancel)
{
    if (cancel && CANCEL_GET(*cancel))
        return false;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 20000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(cond, lock, &ts);
    return !(cancel && CANCEL_GET(*cancel));
}

#endif

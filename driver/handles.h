/* handles.h - the ODBC handles: environment, connection, statement and
 * descriptor, and the locks that guard them.
 *
 * Lock order (a thread holding one lock takes only locks further down):
 *   statement lock (STMT_ENTER, DESC_ENTER of an implicit descriptor)
 *     -> connection lock (DBC_ENTER; exec.c copies current_catalog under it,
 *        handles.c links and unlinks statements)
 *       -> environment lock (ENV_ENTER: the driver manager shares one
 *          environment among all connections; the connection count,
 *          SQL_ATTR_ODBC_VERSION read through env_odbc_version)
 *       -> the HTTP client's own mutex (http.c), then the log's.
 * The handle registry's mutex (handle_registry.c) is a leaf: allocation and
 * release take it with any of the above held, and it takes no other lock;
 * validation does not lock at all.
 * A connection call never takes a statement lock, so a statement running a
 * query and a connection call cannot wait on each other. SQLCancel takes no
 * statement or connection lock: it sets the statement's cancel flag under
 * wait_lock (a leaf) and only try-locks the statement to close an idle cursor. */
#ifndef ATHENA_HANDLES_H
#define ATHENA_HANDLES_H

#include <pthread.h>
#include "common.h"
#include "athena_client.h"
#include "convert.h"
#include "auth/credentials.h"
#include "diag.h"
#include "dsn_keys.h"
#include "http.h"
#include "log.h"
#include "result_source.h"

#define MAGIC_ENV  0x41454e56u /* AENV */
#define MAGIC_DBC  0x41444243u /* ADBC */
#define MAGIC_STMT 0x4153544du /* ASTM */
#define MAGIC_DESC 0x41445343u /* ADSC */

typedef struct athena_env athena_env;
typedef struct athena_dbc athena_dbc;
typedef struct athena_stmt athena_stmt;
typedef struct athena_desc athena_desc;
typedef struct param_run param_run;

struct athena_env {
    unsigned magic;
    pthread_mutex_t lock;
    diag_list diag;
    SQLINTEGER odbc_version;       /* SQL_OV_ODBC2, SQL_OV_ODBC3, SQL_OV_ODBC3_80 */
    SQLINTEGER connection_pooling;
    SQLINTEGER cp_match;
    int dbc_count;
};

struct athena_dbc {
    unsigned magic;
    pthread_mutex_t lock;          /* recursive; held by the API call running on the connection
                                      (DBC_ENTER) and taken briefly by statements for the list
                                      below and current_catalog. See "Lock order" above. */
    diag_list diag;
    athena_env *env;
    athena_config cfg;
    bool connected;
    athena_log *log;
    cred_provider *creds;
    http_client *http;
    athena_client *client;
    char *current_catalog;         /* SQL_ATTR_CURRENT_CATALOG, starts as cfg.catalog */
    struct meta_cache *meta_cache; /* catalog metadata kept for MetadataCacheTTL (meta_cache.h) */
    unsigned long ddl_runs;        /* DDL/CTAS statements run on the connection (under lock) */
    /* attributes */
    SQLUINTEGER access_mode;
    SQLUINTEGER autocommit;
    SQLUINTEGER login_timeout;
    SQLUINTEGER connection_timeout;
    SQLUINTEGER metadata_id;
    SQLUINTEGER txn_isolation;
    SQLULEN packet_size;
    SQLUINTEGER quiet_mode_dummy;
    /* statements of this connection (for SQLFreeHandle of the dbc and SQLEndTran) */
    athena_stmt *stmts;
};

/* One record of a descriptor. */
typedef struct desc_rec {
    SQLSMALLINT concise_type;      /* SQL_C_* for application descriptors */
    SQLPOINTER data_ptr;
    SQLLEN octet_length;           /* buffer length */
    SQLLEN *octet_length_ptr;
    SQLLEN *indicator_ptr;
    SQLSMALLINT precision;
    SQLSMALLINT scale;
    SQLINTEGER datetime_interval_precision;
    SQLSMALLINT pending_type;      /* SQL_DATETIME/SQL_INTERVAL set by SQL_DESC_TYPE until the code arrives */
} desc_rec;

struct athena_desc {
    unsigned magic;
    diag_list diag;
    athena_stmt *stmt;             /* owning statement for implicit descriptors, NULL if explicit */
    athena_dbc *dbc;
    bool is_app;                   /* ARD/APD */
    bool is_row;                   /* ARD/IRD */
    desc_rec *recs;                /* recs[0] is the bookmark record, recs[1..count] the columns */
    SQLSMALLINT count;
    SQLSMALLINT cap;
    SQLULEN array_size;            /* SQL_DESC_ARRAY_SIZE (ARD) */
    SQLULEN bind_type;             /* SQL_DESC_BIND_TYPE: SQL_BIND_BY_COLUMN or row size */
    SQLLEN *bind_offset_ptr;       /* SQL_DESC_BIND_OFFSET_PTR */
    SQLUSMALLINT *array_status_ptr;/* SQL_DESC_ARRAY_STATUS_PTR (IRD row status / ARD row operation) */
    SQLULEN *rows_processed_ptr;   /* SQL_DESC_ROWS_PROCESSED_PTR (IRD) */
};

typedef enum { ST_ALLOCATED, ST_PREPARED, ST_EXECUTED_NO_RESULT, ST_CURSOR } stmt_state;

struct athena_stmt {
    unsigned magic;
    pthread_mutex_t lock;          /* held by the API call running on the statement */
    diag_list diag;
    athena_dbc *dbc;
    athena_stmt *next;             /* in dbc->stmts */
    stmt_state state;
    char *sql;                     /* prepared or last executed text */
    /* execution */
    char qid[128];
    query_status status;
    volatile int cancel;           /* set by SQLCancel from another thread */
    volatile int executing;        /* a query is being started or polled */
    volatile int fetching;         /* SQLFetch may wait for rows being downloaded */
    pthread_mutex_t wait_lock;     /* with wait_cond: an interruptible wait between polls */
    pthread_cond_t wait_cond;
    /* results */
    result_source *rs;
    const pd_cell *row;            /* current row's cells, NULL before the first fetch / after the end */
    SQLLEN row_count;              /* SQLRowCount */
    SQLULEN rows_fetched;          /* rows returned so far (SQL_ATTR_MAX_ROWS) */
    /* a forward-only rowset of more than one row keeps its rows' cells
     * (pointers into the source's buffers, which it holds until the next
     * fetch) so that SQLSetPos(SQL_POSITION) + SQLGetData reach any row */
    pd_cell *rowset_cells;         /* rows * ncols cells */
    size_t rowset_cap;             /* cells allocated in rowset_cells */
    strbuf rowset_text;            /* copied values, for a source without hold (fetch.c keep_row) */
    SQLULEN rowset_rows;           /* rows in the current rowset */
    bool rowset_block;             /* the last fetch filled a rowset of more than one row */
    bool rowset_held;              /* the source holds the rows of the rowset (result_source.h hold) */
    SQLLEN rowset_first;           /* static cursor: the rowset's first row (1-based) as filled */
    SQLULEN pos_row;               /* positioned row, 1-based, 0 = none */
    struct bind_plan *plan;        /* fetch.c: the bound columns of the fetch being filled */
    size_t plan_cap;
    SQLLEN rowset_start;           /* static cursor: first row of the rowset, 1-based; 0 = before
                                    * the start, -1 = after the end */
    SQLUSMALLINT getdata_col;      /* last column read with SQLGetData */
    cv_piece getdata_piece;
    /* descriptors: implicit ones, and what SQL_ATTR_APP_*_DESC point to */
    athena_desc ard_impl, apd_impl, ird_impl, ipd_impl;
    athena_desc *ard, *apd;
    /* attributes */
    SQLULEN query_timeout;         /* seconds, 0 = none */
    SQLULEN max_rows;
    SQLULEN max_length;
    SQLULEN noscan;
    SQLULEN retrieve_data;
    SQLULEN cursor_type;
    SQLULEN concurrency;
    SQLULEN use_bookmarks;
    SQLULEN *rows_fetched_ptr;     /* SQL_ATTR_ROWS_FETCHED_PTR (mirrors IRD rows_processed_ptr) */
    SQLULEN row_number;
    SQLULEN metadata_id;           /* SQL_ATTR_METADATA_ID: catalog arguments are identifiers */
    /* parameters: an execute waiting for data at execution (param_exec.c) */
    param_run *prun;
    /* the columns of the prepared statement before SQLExecute (prepare_meta.c) */
    result_source *meta;
    bool meta_known;               /* meta is the answer (NULL: no result set) */
    char meta_qid[128];            /* the query that described a SHOW/DESCRIBE/EXPLAIN: the next SQLExecute's
                                      result ("" if none) while still fresh: */
    double meta_qid_at;            /* when it ran (monotonic seconds) */
    unsigned long meta_qid_ddl;    /* and the connection's ddl_runs then */
    /* a query's parameter sets: the queries whose result sets SQLMoreResults
     * opens next (param_exec.c, exec.c) */
    char (*pending_qids)[128];
    size_t pending_count, pending_next;
};

/* Validation: false for NULL, for a handle freed or never allocated (the
 * registry of live handles, handle_registry.h, is asked before the memory
 * is read) and for one of another type. */
bool env_valid(const athena_env *e);
bool dbc_valid(const athena_dbc *d);
bool stmt_valid(const athena_stmt *s);
bool desc_valid(const athena_desc *d);

SQLRETURN env_alloc(athena_env **out);
/* Called with e->lock held (ENV_ENTER): on success it releases the lock
 * with the environment; on error (connections left) the lock is still held. */
SQLRETURN env_free(athena_env *e);
/* SQL_ATTR_ODBC_VERSION, read under the environment's lock (the environment
 * is shared by the connections of every thread). */
SQLINTEGER env_odbc_version(athena_env *e);
SQLRETURN dbc_alloc(athena_env *e, athena_dbc **out);
/* Called with d->lock held (DBC_ENTER): on success it releases the lock
 * with the connection; on error (still connected) the lock is still held. */
SQLRETURN dbc_free(athena_dbc *d);
SQLRETURN stmt_alloc(athena_dbc *d, athena_stmt **out);
SQLRETURN stmt_free(athena_stmt *s);
SQLRETURN desc_alloc(athena_dbc *d, athena_desc **out);
SQLRETURN desc_free(athena_desc *d);

/* Descriptor records: grows the array so recs[n] exists. false on OOM. */
bool desc_ensure(athena_desc *d, SQLSMALLINT n);
void desc_reset_records(athena_desc *d);

/* Diagnostics of any handle. */
diag_list *handle_diag(SQLSMALLINT type, SQLHANDLE h);
/* True when the handle (already validated) belongs to an environment whose
 * application asked for ODBC 2 behaviour: its diagnostics then carry ODBC 2
 * SQLSTATEs (S1000 for HY000...). */
bool handle_odbc2(SQLSMALLINT type, SQLHANDLE h);

#endif

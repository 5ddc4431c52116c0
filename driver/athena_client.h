/* athena_client.h - the seam between the ODBC core and Athena: start, poll,
 * fetch a page, stop, and the metadata calls. Control-plane answers are
 * parsed with Jansson; result pages are returned raw for page_decode. */
#ifndef ATHENA_CLIENT_H
#define ATHENA_CLIENT_H

#include <stdbool.h>
#include "dsn_keys.h"
#include "error.h"
#include "http.h"
#include "log.h"
#include "strbuf.h"

typedef struct athena_client athena_client;

typedef enum { QS_QUEUED, QS_RUNNING, QS_SUCCEEDED, QS_FAILED, QS_CANCELLED, QS_UNKNOWN } query_state;

typedef struct query_status {
    query_state state;
    char statement_type[32];       /* DDL, DML, UTILITY */
    char substatement_type[64];    /* SELECT, INSERT, CREATE_TABLE_AS_SELECT, ... */
    char output_location[1024];    /* s3://bucket/prefix/<id>.csv or .txt ("" if none) */
    char state_change_reason[2048];
    char error_type[64];           /* AthenaError.ErrorType ("" if none), e.g. "COLUMN_NOT_FOUND" */
    int error_category;            /* AthenaError.ErrorCategory, 0 if none */
    bool error_retryable;
    long long data_scanned_bytes;
    long long engine_ms;
    long long total_ms;
    double completion_s;           /* Status.CompletionDateTime (epoch seconds), 0 if none */
    bool reused_previous_result;
} query_status;

/* What StartQueryExecution sends besides the SQL, from the configuration
 * (catalog/schema may be changed per connection later). */
typedef struct start_options {
    const char *catalog;
    const char *schema;
    const char *workgroup;
    const char *output_location;
    const char *enc_option;
    const char *kms_key;
    const char *expected_bucket_owner;
    const char *acl_option;
    bool result_reuse;
    long result_reuse_max_age;
    const char *const *execution_parameters; /* ExecutionParameters (SQL literal texts), or NULL */
    size_t execution_parameter_count;
} start_options;

/* The client uses the connection's http_client; it owns neither. */
athena_client *athena_client_new(const athena_config *cfg, http_client *http, athena_log *log,
                                 athena_error *err);
void athena_client_free(athena_client *c);

/* Makes the calls this thread makes from now on stop waiting (retry
 * backoff, transfer) as soon as *flag becomes non-zero; NULL clears it.
 * The statement that is executing sets its SQLCancel flag here. */
void ac_set_cancel_flag(volatile const int *flag);

/* StartQueryExecution with a fresh ClientRequestToken kept across retries.
 * qid receives the QueryExecutionId. A synchronous InvalidRequestException
 * for a syntax error gives AE_SYNTAX with Athena's message. When the cancel
 * flag cut the call short (AE_CANCELLED), qid still receives the id if
 * Athena had started the query (asked again with the same token), so that
 * the caller can stop it; else it is "". */
int ac_start_query(athena_client *c, const char *sql, const start_options *opt,
                   char qid[128], athena_error *err);
int ac_get_query_execution(athena_client *c, const char *qid, query_status *st, athena_error *err);
int ac_stop_query(athena_client *c, const char *qid, athena_error *err);
/* GetQueryResults: the raw JSON body of one page goes into body (reset
 * first). next_token NULL for page one. max_results 1..1000. */
int ac_get_results_page(athena_client *c, const char *qid, const char *next_token,
                        int max_results, strbuf *body, athena_error *err);
/* GetWorkGroup: 0 if it exists (AE_NOT_FOUND with Athena's message if not;
 * AE_AUTH for refused credentials; AE_CONNECT if unreachable). */
int ac_get_workgroup(athena_client *c, const char *workgroup, athena_error *err);

/* ---- metadata: ListDataCatalogs, ListDatabases, ListTableMetadata,
 * GetTableMetadata. Each call reads one page; the answer is parsed with
 * Jansson and handed to a callback item by item (the strings are valid
 * during the callback only). next_in is the NextToken of the page to read
 * (NULL or "" for the first); next_out receives the answer's NextToken, ""
 * on the last page. A callback returning non-zero stops the walk and the
 * call returns -1 (the callback fills err). */
#define AC_NEXT_TOKEN_MAX 1025      /* NextToken is at most 1024 characters */

typedef struct ac_column {
    const char *name;
    const char *type;               /* Glue's (Hive) type name: string, int, array<int> ... */
    const char *comment;            /* NULL when there is none */
} ac_column;

typedef struct ac_table {
    const char *name;
    const char *table_type;         /* EXTERNAL_TABLE, MANAGED_TABLE, VIRTUAL_VIEW, ... ("" if absent) */
    const char *comment;            /* Parameters.comment, NULL when there is none */
    bool iceberg;                   /* Parameters.table_type is ICEBERG */
    const ac_column *columns;
    size_t ncolumns;
    const ac_column *partition_keys;
    size_t npartition_keys;
} ac_table;

/* One named item of a list: a data catalog (type = its Type: GLUE,
 * LAMBDA, HIVE, FEDERATED) or a database (comment = Description). */
typedef int (*ac_name_fn)(void *ctx, const char *name, const char *type_or_comment, athena_error *err);
typedef int (*ac_table_fn)(void *ctx, const ac_table *t, athena_error *err);

int ac_list_data_catalogs(athena_client *c, const char *next_in, char next_out[AC_NEXT_TOKEN_MAX],
                          ac_name_fn fn, void *ctx, athena_error *err);
int ac_list_databases(athena_client *c, const char *catalog, const char *next_in,
                      char next_out[AC_NEXT_TOKEN_MAX], ac_name_fn fn, void *ctx, athena_error *err);
/* expression: ListTableMetadata's regular expression on table names, or NULL. */
int ac_list_table_metadata(athena_client *c, const char *catalog, const char *database,
                           const char *expression, const char *next_in, char next_out[AC_NEXT_TOKEN_MAX],
                           ac_table_fn fn, void *ctx, athena_error *err);
int ac_get_table_metadata(athena_client *c, const char *catalog, const char *database, const char *table,
                          ac_table_fn fn, void *ctx, athena_error *err);

/* A fresh ClientRequestToken: a random (RAND_bytes) UUID v4, 36 chars.
 * 0, or -1 when no randomness is available. */
int ac_new_request_token(char out[37]);

/* Maps a FAILED status to the internal error (AE_TABLE_NOT_FOUND for
 * TABLE_NOT_FOUND, ...), message = StateChangeReason. */
void ac_status_to_error(const query_status *st, athena_error *err);
/* Maps an HTTP error answer (status >= 400) from Athena to an internal error. */
void ac_response_to_error(const http_response *resp, const char *operation, athena_error *err);

#endif

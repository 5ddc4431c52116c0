/* prepare_meta.h - the result columns of a prepared statement before
 * SQLExecute: a metadata-only query (the statement wrapped in
 * SELECT * FROM (...) LIMIT 0) runs once and its columns are kept until the
 * statement is prepared again. */
#ifndef ATHENA_PREPARE_META_H
#define ATHENA_PREPARE_META_H

#include "handles.h"

/* *rs receives the columns (NULL when the statement has no result set, such
 * as INSERT or CREATE). Errors are posted on the statement. */
SQLRETURN prepare_meta(athena_stmt *s, const result_source **rs);
void prepare_meta_free(athena_stmt *s);

/* Whether the SHOW/DESCRIBE/EXPLAIN result kept by the describe (meta_qid)
 * may still stand for SQLExecute at `now` (monotonic seconds): no DDL ran on
 * the connection since, and it is at most MetadataCacheTTL seconds old (0:
 * SQLExecute always runs the statement again). */
bool prepare_meta_fresh(athena_stmt *s, double now);

#endif

/* describe.h - result metadata: SQLNumResultCols, SQLDescribeCol, SQLColAttribute. */
#ifndef ATHENA_DESCRIBE_H
#define ATHENA_DESCRIBE_H

#include "handles.h"

SQLRETURN describe_num_cols(athena_stmt *s, SQLSMALLINT *count);
/* Returns the column (1-based) or posts 07009 / HY010 and returns NULL. */
const athena_column *describe_column(athena_stmt *s, SQLUSMALLINT col);
/* SQLColAttribute: fills *str (a UTF-8 string owned by the statement) for
 * string fields, *num for numeric ones. */
SQLRETURN describe_attribute(athena_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field,
                             const char **str, SQLLEN *num);

#endif

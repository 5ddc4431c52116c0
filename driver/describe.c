/* describe.c - what the result columns are. */
#include "describe.h"

#include <string.h>

#include "prepare_meta.h"

SQLRETURN describe_num_cols(athena_stmt *s, SQLSMALLINT *count)
{
    if (s->state == ST_ALLOCATED)
        return diag_set(&s->diag, SS_HY010, "the statement was not prepared");
    const result_source *rs = s->state == ST_CURSOR ? s->rs : NULL;
    if (s->state == ST_PREPARED) {
        SQLRETURN rc = prepare_meta(s, &rs);
        if (!SQL_SUCCEEDED(rc))
            return rc;
    }
    if (count)
        *count = rs ? (SQLSMALLINT)rs->ncolumns : 0;
    return SQL_SUCCESS;
}

const athena_column *describe_column(athena_stmt *s, SQLUSMALLINT col)
{
    const result_source *rs = s->state == ST_CURSOR ? s->rs : NULL;
    if (s->state == ST_PREPARED && !SQL_SUCCEEDED(prepare_meta(s, &rs)))
        return NULL;
    if (!rs) {
        if (s->state == ST_EXECUTED_NO_RESULT || s->state == ST_PREPARED)
            diag_set(&s->diag, SS_07005, NULL);
        else
            diag_set(&s->diag, SS_HY010, "no result set");
        return NULL;
    }
    if (col == 0 || col > rs->ncolumns) {
        diag_set(&s->diag, SS_07009, "column %u (the result has %zu columns)",
                  (unsigned)col, rs->ncolumns);
        return NULL;
    }
    return &rs->columns[col - 1];
}

SQLRETURN describe_attribute(athena_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field,
                             const char **str, SQLLEN *num)
{
    *str = NULL;
    *num = 0;
    if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) {
        SQLSMALLINT n = 0;
        SQLRETURN rc = describe_num_cols(s, &n);
        *num = n;
        return rc;
    }
    const athena_column *c = describe_column(s, col);
    if (!c)
        return SQL_ERROR;
    switch (field) {
    case SQL_DESC_NAME: case SQL_COLUMN_NAME: *str = c->name; break;
    case SQL_DESC_LABEL: *str = c->label[0] ? c->label : c->name; break;
    case SQL_DESC_BASE_COLUMN_NAME: *str = c->name; break;
    case SQL_DESC_BASE_TABLE_NAME: case SQL_DESC_TABLE_NAME: *str = c->table_name; break;
    case SQL_DESC_CATALOG_NAME: *str = c->catalog_name; break;
    case SQL_DESC_SCHEMA_NAME: *str = c->schema_name; break;
    case SQL_DESC_TYPE_NAME: *str = c->type_name; break;
    case SQL_DESC_LOCAL_TYPE_NAME: *str = c->type_name; break;
    case SQL_DESC_LITERAL_PREFIX: *str = c->literal_prefix ? c->literal_prefix : ""; break;
    case SQL_DESC_LITERAL_SUFFIX: *str = c->literal_suffix ? c->literal_suffix : ""; break;
    case SQL_DESC_CONCISE_TYPE: *num = c->sql_type; break;
    case SQL_DESC_TYPE: *num = c->verbose_type; break;
    case SQL_DESC_DATETIME_INTERVAL_CODE: *num = c->datetime_sub; break;
    case SQL_DESC_LENGTH: case SQL_COLUMN_LENGTH: *num = (SQLLEN)c->column_size; break;
    case SQL_DESC_OCTET_LENGTH: *num = c->octet_length; break;
    case SQL_DESC_DISPLAY_SIZE: *num = c->display_size; break;
    case SQL_DESC_PRECISION: *num = type_desc_precision(c); break;
    case SQL_COLUMN_PRECISION: *num = (SQLLEN)c->column_size; break; /* ODBC 2: the column size */
    case SQL_DESC_SCALE: case SQL_COLUMN_SCALE: *num = c->decimal_digits; break;
    case SQL_DESC_NUM_PREC_RADIX: *num = c->num_prec_radix; break;
    case SQL_DESC_NULLABLE: case SQL_COLUMN_NULLABLE: *num = c->nullable; break;
    case SQL_DESC_CASE_SENSITIVE: *num = c->case_sensitive ? SQL_TRUE : SQL_FALSE; break;
    case SQL_DESC_UNSIGNED: *num = c->unsigned_attr ? SQL_TRUE : SQL_FALSE; break;
    case SQL_DESC_SEARCHABLE: *num = c->searchable; break;
    case SQL_DESC_FIXED_PREC_SCALE: *num = SQL_FALSE; break;
    case SQL_DESC_AUTO_UNIQUE_VALUE: *num = SQL_FALSE; break;
    case SQL_DESC_UPDATABLE: *num = SQL_ATTR_READONLY; break;
    case SQL_DESC_UNNAMED: *num = c->name[0] ? SQL_NAMED : SQL_UNNAMED; break;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: *num = 0; break;
    default:
        return diag_set(&s->diag, SS_HY091, "field %u", (unsigned)field);
    }
    return SQL_SUCCESS;
}

/* catalog_columns.c - SQLColumns as a result source over the catalog walk.
 *
 * Glue keeps Hive type names (string, int, float, binary, struct<...>); each
 * is described by the same type_describe() that describes query result
 * columns, so SQLColumns and SQLDescribeCol of SELECT * agree.
 * docs/catalog.md has the mapping. */
#include "catalog_columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "typeinfo.h"

#define NCOLS 18

static const char *const col_names[NCOLS] = {
    "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
    "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS",
    "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
    "IS_NULLABLE"};
static const char *const col_types[NCOLS] = {
    "varchar", "varchar", "varchar", "varchar", "smallint", "varchar", "integer", "integer",
    "smallint", "smallint", "smallint", "varchar", "varchar", "smallint", "smallint", "integer",
    "integer", "varchar"};

typedef struct columns_rs {
    result_source base;
    athena_column cols[NCOLS];
    catalog_walk walk;
    type_options types;
    SQLINTEGER odbc_version;
    strbuf text;               /* the current row's values */
    size_t off[NCOLS];         /* offsets into text, SIZE_MAX = NULL */
    pd_cell cells[NCOLS];
    int pending;               /* the first row, found at open: 1 = a row waits, 0 = none */
} columns_rs;

void columns_describe(const char *glue_type, const type_options *types, athena_column *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->type_name, sizeof out->type_name, "%s", glue_type);
    type_describe(out, types);
}

static void put(columns_rs *r, int i, const char *v)
{
    if (!v) {
        r->off[i] = SIZE_MAX;
        return;
    }
    r->off[i] = r->text.len;
    sb_append(&r->text, v, strlen(v) + 1);
}

static void put_num(columns_rs *r, int i, long long v)
{
    r->off[i] = r->text.len;
    sb_printf(&r->text, "%lld", v);
    sb_appendc(&r->text, '\0');
}

static int make_row(columns_rs *r, athena_error *err)
{
    const catalog_walk *w = &r->walk;
    const char *type = walk_str(w, w->cur_col->type);
    athena_column c;
    columns_describe(type, &r->types, &c);
    bool digits = c.num_prec_radix == 10 || c.sql_type == SQL_TYPE_TIME || c.sql_type == SQL_TYPE_TIMESTAMP;
    sb_reset(&r->text);
    put(r, 0, w->cur_catalog);
    put(r, 1, w->cur_schema);
    put(r, 2, walk_str(w, w->cur_table->name));
    put(r, 3, walk_str(w, w->cur_col->name));
    put_num(r, 4, typeinfo_for_version(c.sql_type, r->odbc_version));
    /* Athena's own name of the type, as SQLGetTypeInfo lists it */
    put(r, 5, c.type == AT_UNKNOWN ? type : type_name_of(c.type));
    /* approximate numbers count bits (NUM_PREC_RADIX 2), as SQLDescribeCol does */
    put_num(r, 6, (long long)c.column_size);
    put_num(r, 7, (long long)c.octet_length);
    if (digits)
        put_num(r, 8, c.decimal_digits);
    else
        put(r, 8, NULL);
    if (c.num_prec_radix)
        put_num(r, 9, c.num_prec_radix);
    else
        put(r, 9, NULL);
    put_num(r, 10, SQL_NULLABLE); /* Glue has no NOT NULL */
    put(r, 11, walk_str(w, w->cur_col->comment));
    put(r, 12, NULL);
    put_num(r, 13, c.verbose_type);
    if (c.datetime_sub)
        put_num(r, 14, c.datetime_sub);
    else
        put(r, 14, NULL);
    if (sql_type_is_char_or_binary(c.sql_type))
        put_num(r, 15, (long long)c.octet_length);
    else
        put(r, 15, NULL);
    put_num(r, 16, (long long)w->cur_ordinal);
    put(r, 17, "YES");
    if (r->text.oom)
        return ae_set(err, AE_NOMEM, 0, "Out of memory");
    for (int i = 0; i < NCOLS; i++) {
        r->cells[i].ptr = r->off[i] == SIZE_MAX ? NULL : r->text.data + r->off[i];
        r->cells[i].len = r->off[i] == SIZE_MAX ? 0 : strlen(r->cells[i].ptr);
    }
    return 0;
}

static int columns_next_row(result_source *self, const pd_cell **row, athena_error *err)
{
    columns_rs *r = (columns_rs *)self;
    int rc;
    if (r->pending >= 0) {
        rc = r->pending;
        r->pending = -1;
    } else {
        rc = walk_next(&r->walk, err);
        if (rc == 1 && make_row(r, err) != 0)
            rc = -1;
    }
    if (rc == 1)
        *row = r->cells;
    return rc;
}

static void columns_close(result_source *self)
{
    columns_rs *r = (columns_rs *)self;
    walk_free(&r->walk);
    sb_free(&r->text);
    free(r);
}

result_source *columns_source_open(catalog_walk *walk, const type_options *types, SQLINTEGER odbc_version,
                                   athena_error *err)
{
    columns_rs *r = calloc(1, sizeof *r);
    if (!r) {
        walk_free(walk);
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    r->walk = *walk;
    r->types = *types;
    r->odbc_version = odbc_version;
    result_columns_describe(r->cols, col_names, col_types, NCOLS, types);
    r->base.columns = r->cols;
    r->base.ncolumns = NCOLS;
    r->base.next_row = columns_next_row;
    r->base.close = columns_close;
    int rc = walk_next(&r->walk, err);
    if (rc == 1 && make_row(r, err) != 0)
        rc = -1;
    if (rc < 0) {
        columns_close(&r->base);
        return NULL;
    }
    r->pending = rc;
    return &r->base;
}

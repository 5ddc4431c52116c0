/* catalog_walk.h - walks the catalog in the order ODBC requires (catalog,
 * database, table name, column position) and filters every level exactly:
 * the small lists (catalogs, databases) are read whole and sorted, and the
 * tables of one database at a time (ListTableMetadata, with the table-name
 * pattern pushed down to its Expression) only when the walk reaches that
 * database. Used by SQLTables and the SQLColumns result source. */
#ifndef ATHENA_CATALOG_WALK_H
#define ATHENA_CATALOG_WALK_H

#include "catalog_pattern.h"
#include "meta_cache.h"

typedef struct catalog_walk {
    /* what to walk (owned) */
    athena_client *client;
    meta_cache *mc;
    cat_arg catalog, schema, table, column;
    bool columns;              /* stop at every column, not every table */
    char expression[257];      /* pushed down to ListTableMetadata, "" = none */
    /* where the walk is */
    meta_list *cats, *dbs;
    size_t ci, di, ti, k;
    meta_db *db;
    bool started;
    /* the current item after walk_next returned 1 */
    const char *cur_catalog, *cur_schema;
    const meta_table *cur_table;
    const meta_col *cur_col;
    size_t cur_ordinal;        /* 1-based: columns, then partition keys */
} catalog_walk;

/* Takes ownership of the four arguments (they are moved into the walk). */
void walk_init(catalog_walk *w, athena_client *client, meta_cache *mc, cat_arg *catalog, cat_arg *schema,
               cat_arg *table, cat_arg *column, bool columns);
/* 1: an item is current; 0: the end; -1: err (a catalog that cannot be read is named). */
int walk_next(catalog_walk *w, athena_error *err);
void walk_free(catalog_walk *w);

static inline const char *walk_str(const catalog_walk *w, size_t off) { return meta_str(&w->db->text, off); }

#endif

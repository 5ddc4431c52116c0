/* catalog_walk.c - the ordered, filtered walk over catalogs, databases,
 * tables and columns that SQLTables and SQLColumns share. */
#include "catalog_walk.h"

#include <string.h>

void walk_init(catalog_walk *w, athena_client *client, meta_cache *mc, cat_arg *catalog, cat_arg *schema,
               cat_arg *table, cat_arg *column, bool columns)
{
    memset(w, 0, sizeof *w);
    w->client = client;
    w->mc = mc;
    w->catalog = *catalog;
    w->schema = *schema;
    w->table = *table;
    w->column = *column;
    catalog->text = schema->text = table->text = column->text = NULL;
    w->columns = columns;
    if (!cat_arg_expression(&w->table, w->expression, sizeof w->expression))
        w->expression[0] = '\0';
}

void walk_free(catalog_walk *w)
{
    meta_db_release(w->db);
    meta_list_release(w->dbs);
    meta_list_release(w->cats);
    w->db = NULL;
    w->dbs = w->cats = NULL;
    cat_arg_free(&w->catalog);
    cat_arg_free(&w->schema);
    cat_arg_free(&w->table);
    cat_arg_free(&w->column);
}

static const char *list_name(const meta_list *l, size_t i) { return l->text.data + l->name[i]; }

/* The next item of the current database, or false when it has no more. */
static bool next_in_db(catalog_walk *w)
{
    meta_db *db = w->db;
    for (; w->ti < db->ntables; w->ti++, w->k = 0) {
        const meta_table *t = &db->tables[w->ti];
        if (w->k == 0 && !cat_arg_matches(&w->table, db->text.data + t->name))
            continue;
        if (!w->columns) {
            if (w->k++ > 0)
                continue;
            w->cur_table = t;
            w->cur_col = NULL;
            return true;
        }
        size_t n = t->ncols + t->nparts;
        while (w->k < n) {
            const meta_col *c = &db->cols[t->first_col + w->k++];
            if (!cat_arg_matches(&w->column, db->text.data + c->name))
                continue;
            w->cur_table = t;
            w->cur_col = c;
            w->cur_ordinal = w->k;
            return true;
        }
    }
    return false;
}

int walk_next(catalog_walk *w, athena_error *err)
{
    if (!w->started) {
        w->started = true;
        if (!(w->cats = meta_get_catalogs(w->mc, w->client, err)))
            return -1;
    }
    for (;;) {
        if (w->db) {
            if (next_in_db(w))
                return 1;
            meta_db_release(w->db);
            w->db = NULL;
            w->di++;
        }
        if (w->dbs) {
            while (w->di < w->dbs->n && !cat_arg_matches(&w->schema, list_name(w->dbs, w->di)))
                w->di++;
            if (w->di < w->dbs->n) {
                w->cur_schema = list_name(w->dbs, w->di);
                w->db = meta_get_tables(w->mc, w->client, w->cur_catalog, w->cur_schema,
                                        w->expression[0] ? w->expression : NULL, err);
                if (!w->db)
                    return -1;
                w->ti = w->k = 0;
                continue;
            }
            meta_list_release(w->dbs);
            w->dbs = NULL;
            w->ci++;
        }
        while (w->ci < w->cats->n && !cat_arg_matches(&w->catalog, list_name(w->cats, w->ci)))
            w->ci++;
        if (w->ci >= w->cats->n)
            return 0;
        w->cur_catalog = list_name(w->cats, w->ci);
        if (!(w->dbs = meta_get_databases(w->mc, w->client, w->cur_catalog, err)))
            return -1;
        w->di = 0;
    }
}

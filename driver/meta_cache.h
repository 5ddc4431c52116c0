/* meta_cache.h - the connection's view of the catalog: lists of data
 * catalogs and databases, and the tables of one database with their
 * columns, loaded page by page through the client seam and kept for
 * MetadataCacheTTL seconds (0 = not kept). DDL run on the connection
 * empties it. docs/catalog.md describes what is kept and for how long. */
#ifndef ATHENA_META_CACHE_H
#define ATHENA_META_CACHE_H

#include <stdatomic.h>
#include <stddef.h>
#include "athena_client.h"
#include "strbuf.h"

#define META_NONE ((size_t)-1)  /* an absent string (offset) */

/* Names sorted byte-wise: the data catalogs (extra = Type) or the databases
 * of one catalog (extra = Description). */
typedef struct meta_list {
    atomic_int refs;
    strbuf text;               /* the strings, NUL-terminated, back to back */
    size_t n, cap;
    size_t *name, *extra;      /* offsets into text, extra may be META_NONE */
} meta_list;

typedef struct meta_col {
    size_t name, type, comment; /* offsets; comment may be META_NONE */
} meta_col;

typedef struct meta_table {
    size_t name, comment;      /* offsets; comment may be META_NONE */
    bool view;                 /* VIRTUAL_VIEW (else a table: EXTERNAL, MANAGED, Iceberg ...) */
    size_t first_col, ncols, nparts; /* columns, then partition keys, in cols[] */
} meta_table;

/* The tables of one database that match one Expression, sorted by name. */
typedef struct meta_db {
    atomic_int refs;
    strbuf text;
    meta_table *tables;
    size_t ntables, cap_tables;
    meta_col *cols;
    size_t ncols, cap_cols;
    int calls;                 /* ListTableMetadata pages it took */
} meta_db;

static inline const char *meta_str(const strbuf *text, size_t off)
{
    return off == META_NONE ? NULL : text->data + off;
}

typedef struct meta_cache meta_cache;

/* ttl_seconds 0: nothing is kept; every call asks Athena. */
meta_cache *meta_cache_new(long ttl_seconds);
void meta_cache_free(meta_cache *mc);
/* Forgets everything (DDL ran on the connection). NULL is allowed. */
void meta_cache_clear(meta_cache *mc);

/* Each getter returns a reference the caller gives back with
 * meta_list_release / meta_db_release; from the cache when it holds a
 * fresh copy, else loaded through the client (and kept if the TTL is not
 * 0). NULL with err on failure. */
meta_list *meta_get_catalogs(meta_cache *mc, athena_client *client, athena_error *err);
meta_list *meta_get_databases(meta_cache *mc, athena_client *client, const char *catalog, athena_error *err);
meta_db *meta_get_tables(meta_cache *mc, athena_client *client, const char *catalog, const char *database,
                         const char *expression, athena_error *err);
/* Gives a reference back (any thread; the cache may be gone already). */
void meta_list_release(meta_list *l);
void meta_db_release(meta_db *db);

#endif

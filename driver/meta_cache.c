/* meta_cache.c - the connection's metadata: data catalogs, databases and
 * the tables of a database with their columns, loaded page by page through
 * athena_client's List* calls into compact blocks (one string buffer, offsets
 * into it), sorted by name, and kept for MetadataCacheTTL seconds.
 *
 * Blocks are reference-counted (atomically): a statement still reading a
 * block keeps it alive after the cache dropped it (TTL over, DDL, a newer
 * copy, the connection closed). */
#include "meta_cache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define META_MAX_ENTRIES 256   /* blocks kept at most; the oldest goes first */

typedef enum { ME_CATALOGS, ME_DATABASES, ME_TABLES } entry_kind;

typedef struct meta_entry {
    struct meta_entry *next;
    entry_kind kind;
    char *key;                 /* catalog \x1f database \x1f expression */
    double loaded;             /* monotonic seconds */
    meta_list *list;
    meta_db *db;
} meta_entry;

struct meta_cache {
    pthread_mutex_t lock;      /* guards entries and every block's refs */
    long ttl;
    meta_entry *entries;
    int count;
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ blocks */

static size_t put_str(strbuf *text, const char *s, bool *oom)
{
    if (!s)
        return META_NONE;
    size_t off = text->len;
    if (!sb_append(text, s, strlen(s) + 1))
        *oom = true;
    return off;
}

static void list_free(meta_list *l)
{
    if (!l)
        return;
    sb_free(&l->text);
    free(l->name);
    free(l->extra);
    free(l);
}

static void db_free(meta_db *db)
{
    if (!db)
        return;
    sb_free(&db->text);
    free(db->tables);
    free(db->cols);
    free(db);
}

static int list_add(void *ctx, const char *name, const char *extra, athena_error *err)
{
    meta_list *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        size_t *a = realloc(l->name, cap * sizeof *a);
        if (a)
            l->name = a;
        size_t *b = a ? realloc(l->extra, cap * sizeof *b) : NULL;
        if (!b)
            return ae_set(err, AE_NOMEM, 0, "Out of memory reading the catalog");
        l->extra = b;
        l->cap = cap;
    }
    bool oom = false;
    l->name[l->n] = put_str(&l->text, name, &oom);
    l->extra[l->n] = put_str(&l->text, extra, &oom);
    if (oom)
        return ae_set(err, AE_NOMEM, 0, "Out of memory reading the catalog");
    l->n++;
    return 0;
}

static int cmp_list(const void *a, const void *b, void *ctx)
{
    const meta_list *l = ctx;
    return strcmp(l->text.data + l->name[*(const size_t *)a], l->text.data + l->name[*(const size_t *)b]);
}

/* Sorts the list by name (the two offset arrays move together). */
static int list_sort(meta_list *l, athena_error *err)
{
    if (l->n < 2)
        return 0;
    size_t *idx = malloc(l->n * sizeof *idx), *tmp = malloc(l->n * 2 * sizeof *tmp);
    if (!idx || !tmp) {
        free(idx);
        free(tmp);
        return ae_set(err, AE_NOMEM, 0, "Out of memory reading the catalog");
    }
    for (size_t i = 0; i < l->n; i++)
        idx[i] = i;
    qsort_r(idx, l->n, sizeof *idx, cmp_list, l);
    for (size_t i = 0; i < l->n; i++) {
        tmp[i] = l->name[idx[i]];
        tmp[l->n + i] = l->extra[idx[i]];
    }
    memcpy(l->name, tmp, l->n * sizeof *tmp);
    memcpy(l->extra, tmp + l->n, l->n * sizeof *tmp);
    free(idx);
    free(tmp);
    return 0;
}

static int db_add(void *ctx, const ac_table *t, athena_error *err)
{
    meta_db *db = ctx;
    size_t n = t->ncolumns + t->npartition_keys;
    if (db->ntables == db->cap_tables) {
        size_t cap = db->cap_tables ? db->cap_tables * 2 : 64;
        meta_table *a = realloc(db->tables, cap * sizeof *a);
        if (!a)
            return ae_set(err, AE_NOMEM, 0, "Out of memory reading the catalog");
        db->tables = a;
        db->cap_tables = cap;
    }
    if (db->ncols + n > db->cap_cols) {
        size_t cap = db->cap_cols ? db->cap_cols * 2 : 256;
        while (cap < db->ncols + n)
            cap *= 2;
        meta_col *a = realloc(db->cols, cap * sizeof *a);
        if (!a)
            return ae_set(err, AE_NOMEM, 0, "Out of memory reading the catalog");
        db->cols = a;
        db->cap_cols = cap;
    }
    bool oom = false;
    meta_table *mt = &db->tables[db->ntables];
    mt->name = put_str(&db->text, t->name, &oom);
    mt->comment = put_str(&db->text, t->comment, &oom);
    mt->view = strcmp(t->table_type, "VIRTUAL_VIEW") == 0;
    mt->first_col = db->ncols;
    mt->ncols = t->ncolumns;
    mt->nparts = t->npartition_keys;
    for (size_t i = 0; i < n; i++) {
        const ac_column *c = i < t->ncolumns ? &t->columns[i] : &t->partition_keys[i - t->ncolumns];
        meta_col *mc = &db->cols[db->ncols + i];
        mc->name = put_str(&db->text, c->name, &oom);
        mc->type = put_str(&db->text, c->type, &oom);
        mc->comment = put_str(&db->text, c->comment, &oom);
    }
    if (oom)
        return ae_set(err, AE_NOMEM, 0, "Out of memory reading the catalog");
    db->ncols += n;
    db->ntables++;
    return 0;
}

static int cmp_table(const void *a, const void *b, void *ctx)
{
    const strbuf *text = ctx;
    return strcmp(text->data + ((const meta_table *)a)->name, text->data + ((const meta_table *)b)->name);
}

/* "Catalog 'x' cannot be read: <Athena's message>" */
static void name_catalog(athena_error *err, const char *catalog)
{
    strbuf m = STRBUF_INIT;
    sb_printf(&m, "Catalog '%s' cannot be read: %s", catalog, err->message);
    if (!m.oom)
        snprintf(err->message, sizeof err->message, "%.*s", (int)(sizeof err->message - 1), sb_str(&m));
    sb_free(&m);
}

static meta_list *load_list(athena_client *client, const char *catalog, athena_error *err)
{
    meta_list *l = calloc(1, sizeof *l);
    if (!l) {
        ae_set(err, AE_NOMEM, 0, "Out of memory reading the catalog");
        return NULL;
    }
    atomic_init(&l->refs, 1);
    char next[AC_NEXT_TOKEN_MAX] = "", cur[AC_NEXT_TOKEN_MAX];
    do {
        memcpy(cur, next, sizeof cur);
        int rc = catalog ? ac_list_databases(client, catalog, cur, next, list_add, l, err)
                         : ac_list_data_catalogs(client, cur, next, list_add, l, err);
        if (rc != 0) {
            if (catalog && err && err->code != AE_NOMEM)
                name_catalog(err, catalog);
            list_free(l);
            return NULL;
        }
    } while (next[0]);
    if (list_sort(l, err) != 0) {
        list_free(l);
        return NULL;
    }
    return l;
}

static meta_db *load_db(athena_client *client, const char *catalog, const char *database,
                        const char *expression, athena_error *err)
{
    meta_db *db = calloc(1, sizeof *db);
    if (!db) {
        ae_set(err, AE_NOMEM, 0, "Out of memory reading the catalog");
        return NULL;
    }
    atomic_init(&db->refs, 1);
    char next[AC_NEXT_TOKEN_MAX] = "", cur[AC_NEXT_TOKEN_MAX];
    do {
        memcpy(cur, next, sizeof cur);
        db->calls++;
        if (ac_list_table_metadata(client, catalog, database, expression, cur, next, db_add, db, err) != 0) {
            if (err && err->code != AE_NOMEM)
                name_catalog(err, catalog);
            db_free(db);
            return NULL;
        }
    } while (next[0]);
    /* ListTableMetadata promises no order: sort by name */
    if (db->ntables > 1)
        qsort_r(db->tables, db->ntables, sizeof *db->tables, cmp_table, &db->text);
    return db;
}

/* ------------------------------------------------------------ the cache */

meta_cache *meta_cache_new(long ttl_seconds)
{
    meta_cache *mc = calloc(1, sizeof *mc);
    if (!mc)
        return NULL;
    pthread_mutex_init(&mc->lock, NULL);
    mc->ttl = ttl_seconds;
    return mc;
}

static void entry_free(meta_entry *e)
{
    /* drops the cache's reference */
    meta_list_release(e->list);
    meta_db_release(e->db);
    free(e->key);
    free(e);
}

static void clear_locked(meta_cache *mc)
{
    while (mc->entries) {
        meta_entry *e = mc->entries;
        mc->entries = e->next;
        entry_free(e);
    }
    mc->count = 0;
}

void meta_cache_clear(meta_cache *mc)
{
    if (!mc)
        return;
    pthread_mutex_lock(&mc->lock);
    clear_locked(mc);
    pthread_mutex_unlock(&mc->lock);
}

void meta_cache_free(meta_cache *mc)
{
    if (!mc)
        return;
    meta_cache_clear(mc);
    pthread_mutex_destroy(&mc->lock);
    free(mc);
}

static char *make_key(const char *a, const char *b, const char *c)
{
    strbuf k = STRBUF_INIT;
    sb_printf(&k, "%s\x1f%s\x1f%s", a ? a : "", b ? b : "", c ? c : "");
    return k.oom ? (sb_free(&k), NULL) : sb_detach(&k);
}

/* A fresh entry of that kind and key, with a reference taken; expired
 * entries met on the way are dropped. Lock held. */
static meta_entry *lookup(meta_cache *mc, entry_kind kind, const char *key)
{
    double now = now_seconds();
    for (meta_entry **pp = &mc->entries; *pp;) {
        meta_entry *e = *pp;
        if (now - e->loaded >= (double)mc->ttl) {
            *pp = e->next;
            entry_free(e);
            mc->count--;
            continue;
        }
        if (e->kind == kind && strcmp(e->key, key) == 0) {
            if (e->list)
                atomic_fetch_add(&e->list->refs, 1);
            if (e->db)
                atomic_fetch_add(&e->db->refs, 1);
            return e;
        }
        pp = &e->next;
    }
    return NULL;
}

/* Keeps a block just loaded (takes a reference of its own). Lock held. */
static void store(meta_cache *mc, entry_kind kind, char *key, meta_list *l, meta_db *db)
{
    meta_entry *e = calloc(1, sizeof *e);
    if (!e) {
        free(key);
        return;
    }
    e->kind = kind;
    e->key = key;
    e->loaded = now_seconds();
    e->list = l;
    e->db = db;
    if (l)
        atomic_fetch_add(&l->refs, 1);
    if (db)
        atomic_fetch_add(&db->refs, 1);
    e->next = mc->entries;
    mc->entries = e;
    if (++mc->count > META_MAX_ENTRIES) {
        meta_entry **pp = &mc->entries;
        while ((*pp)->next)
            pp = &(*pp)->next;
        entry_free(*pp);
        *pp = NULL;
        mc->count--;
    }
}

static void *get(meta_cache *mc, athena_client *client, entry_kind kind, const char *catalog,
                 const char *database, const char *expression, athena_error *err)
{
    char *key = NULL;
    if (mc && mc->ttl > 0) {
        if (!(key = make_key(catalog, database, expression))) {
            ae_set(err, AE_NOMEM, 0, "Out of memory reading the catalog");
            return NULL;
        }
        pthread_mutex_lock(&mc->lock);
        meta_entry *e = lookup(mc, kind, key);
        pthread_mutex_unlock(&mc->lock);
        if (e) {
            free(key);
            return e->list ? (void *)e->list : (void *)e->db;
        }
    }
    /* loaded without the lock: other statements of the connection go on */
    meta_list *l = NULL;
    meta_db *db = NULL;
    if (kind == ME_TABLES)
        db = load_db(client, catalog, database, expression, err);
    else
        l = load_list(client, kind == ME_DATABASES ? catalog : NULL, err);
    if (key && (l || db)) {
        pthread_mutex_lock(&mc->lock);
        store(mc, kind, key, l, db);
        pthread_mutex_unlock(&mc->lock);
    } else {
        free(key);
    }
    return l ? (void *)l : (void *)db;
}

meta_list *meta_get_catalogs(meta_cache *mc, athena_client *client, athena_error *err)
{
    return get(mc, client, ME_CATALOGS, NULL, NULL, NULL, err);
}

meta_list *meta_get_databases(meta_cache *mc, athena_client *client, const char *catalog, athena_error *err)
{
    return get(mc, client, ME_DATABASES, catalog, NULL, NULL, err);
}

meta_db *meta_get_tables(meta_cache *mc, athena_client *client, const char *catalog, const char *database,
                         const char *expression, athena_error *err)
{
    return get(mc, client, ME_TABLES, catalog, database, expression, err);
}

void meta_list_release(meta_list *l)
{
    if (l && atomic_fetch_sub(&l->refs, 1) == 1)
        list_free(l);
}

void meta_db_release(meta_db *db)
{
    if (db && atomic_fetch_sub(&db->refs, 1) == 1)
        db_free(db);
}

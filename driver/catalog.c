/* catalog.c - the catalog functions.
 *
 * SQLTables and SQLColumns read Athena's metadata (ListDataCatalogs,
 * ListDatabases, ListTableMetadata) through the connection's metadata cache
 * (meta_cache.c) and the ordered walk (catalog_walk.c). TABLE_CAT is the
 * data catalog, TABLE_SCHEM the database. A null catalog argument means the
 * connection's current catalog. Athena has no keys, indexes, procedures or
 * privileges: those functions answer an empty result with ODBC's columns.
 * docs/catalog.md says what each function returns. */
#include "catalog.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog_columns.h"
#include "catalog_walk.h"
#include "exec.h"

#define V "varchar"
#define SI "smallint"
#define I "integer"

typedef struct layout {
    size_t n;
    const char *names[19];
    const char *types[19];
} layout;

/* ODBC 3's result columns of each function, in order. */
static const layout layouts[] = {
    [CF_TABLES] = {5, {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"}, {V, V, V, V, V}},
    [CF_PRIMARY_KEYS] = {6, {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"},
                         {V, V, V, V, SI, V}},
    [CF_FOREIGN_KEYS] = {14,
                         {"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT",
                          "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
                          "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"},
                         {V, V, V, V, V, V, V, V, SI, SI, SI, V, V, SI}},
    [CF_STATISTICS] = {13,
                       {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER",
                        "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC",
                        "CARDINALITY", "PAGES", "FILTER_CONDITION"},
                       {V, V, V, SI, V, V, SI, SI, V, V, I, I, V}},
    [CF_SPECIAL_COLUMNS] = {8,
                            {"SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
                             "BUFFER_LENGTH", "DECIMAL_DIGITS", "PSEUDO_COLUMN"},
                            {SI, V, SI, V, I, I, SI, SI}},
    [CF_PROCEDURES] = {8,
                       {"PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "NUM_INPUT_PARAMS",
                        "NUM_OUTPUT_PARAMS", "NUM_RESULT_SETS", "REMARKS", "PROCEDURE_TYPE"},
                       {V, V, V, I, I, I, V, SI}},
    [CF_PROCEDURE_COLUMNS] = {19,
                              {"PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME",
                               "COLUMN_TYPE", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
                               "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF",
                               "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH",
                               "ORDINAL_POSITION", "IS_NULLABLE"},
                              {V, V, V, V, SI, SI, V, I, I, SI, SI, SI, V, V, SI, SI, I, I, V}},
    [CF_TABLE_PRIVILEGES] = {7,
                             {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
                              "IS_GRANTABLE"},
                             {V, V, V, V, V, V, V}},
    [CF_COLUMN_PRIVILEGES] = {8,
                              {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR",
                               "GRANTEE", "PRIVILEGE", "IS_GRANTABLE"},
                              {V, V, V, V, V, V, V, V}},
};

static type_options types_of(const athena_dbc *d)
{
    type_options t = {d->cfg.string_column_length, d->cfg.complex_type_column_length,
                      d->cfg.use_wchar_for_string_types};
    return t;
}

static result_source *static_result(athena_stmt *s, catalog_fn fn, athena_error *ae)
{
    type_options t = types_of(s->dbc);
    return result_static_new(layouts[fn].names, layouts[fn].types, layouts[fn].n, &t, ae);
}

static SQLRETURN open_cursor(athena_stmt *s, result_source *rs)
{
    s->rs = rs;
    return exec_open_cursor(s);
}

static meta_cache *cache_of(athena_dbc *d)
{
    pthread_mutex_lock(&d->lock);
    if (!d->meta_cache)
        d->meta_cache = meta_cache_new(d->cfg.metadata_cache_ttl);
    meta_cache *mc = d->meta_cache;
    pthread_mutex_unlock(&d->lock);
    return mc;
}

/* ---------------------------------------------------------------- SQLTables */

typedef struct table_types {
    bool any, table, view;
} table_types;

/* "TABLE,VIEW", "'TABLE', 'VIEW'": quoted or not, any case. NULL, "" or
 * "%" is every type. */
static table_types parse_types(const char *list)
{
    table_types t = {true, true, true};
    if (!list || !*list || !strcmp(list, "%"))
        return t;
    t.any = t.table = t.view = false;
    const char *p = list;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        const char *b = p;
        while (*p && *p != ',')
            p++;
        const char *e = p;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (e - b >= 2 && *b == '\'' && e[-1] == '\'') {
            b++;
            e--;
        }
        size_t n = (size_t)(e - b);
        if (n == 5 && !strncasecmp(b, "TABLE", 5))
            t.table = true;
        else if (n == 4 && !strncasecmp(b, "VIEW", 4))
            t.view = true;
    }
    return t;
}

/* One of the special enumerations of SQLTables, as a one-column list. */
static SQLRETURN enumeration(athena_stmt *s, int column, athena_error *ae)
{
    athena_dbc *d = s->dbc;
    result_source *rs = static_result(s, CF_TABLES, ae);
    if (!rs)
        return diag_post_error(&s->diag, ae);
    meta_list *l = NULL;
    if (column == 0)
        l = meta_get_catalogs(cache_of(d), d->client, ae);
    else if (column == 1)
        l = meta_get_databases(cache_of(d), d->client, d->current_catalog, ae);
    int rc = 0;
    if (column == 3) {
        const char *row[5] = {NULL, NULL, NULL, "TABLE", NULL};
        rc = result_static_add_row(rs, row, ae);
        row[3] = "VIEW";
        rc = rc ? rc : result_static_add_row(rs, row, ae);
    } else if (!l) {
        rc = -1;
    } else {
        for (size_t i = 0; i < l->n && rc == 0; i++) {
            const char *row[5] = {NULL, NULL, NULL, NULL, NULL};
            row[column] = l->text.data + l->name[i];
            rc = result_static_add_row(rs, row, ae);
        }
    }
    meta_list_release(l);
    if (rc != 0) {
        rs->close(rs);
        return diag_post_error(&s->diag, ae);
    }
    return open_cursor(s, rs);
}

/* Adds the walk's tables to rs; views are kept aside in views_text, since
 * ODBC orders by TABLE_TYPE first (TABLE before VIEW). */
static int add_tables(catalog_walk *w, result_source *rs, const table_types *tt, strbuf *views_text,
                      athena_error *ae)
{
    int rc;
    while ((rc = walk_next(w, ae)) == 1) {
        const meta_table *t = w->cur_table;
        const char *row[5] = {w->cur_catalog, w->cur_schema, walk_str(w, t->name), t->view ? "VIEW" : "TABLE",
                              walk_str(w, t->comment)};
        if (t->view && tt->view) {
            /* each value: '1' + text + NUL, or '0' + NUL for NULL */
            for (int i = 0; i < 5; i++) {
                sb_appendc(views_text, row[i] ? '1' : '0');
                sb_append(views_text, row[i] ? row[i] : "", strlen(row[i] ? row[i] : "") + 1);
            }
            if (views_text->oom)
                return ae_set(ae, AE_NOMEM, 0, "Out of memory");
        } else if (!t->view && tt->table && result_static_add_row(rs, row, ae) != 0) {
            return -1;
        }
    }
    return rc;
}

static int add_kept_views(result_source *rs, const strbuf *text, athena_error *ae)
{
    if (!text->len)
        return 0;
    const char *p = text->data, *end = text->data + text->len;
    while (p < end) {
        const char *row[5];
        for (int i = 0; i < 5; i++) {
            row[i] = *p == '1' ? p + 1 : NULL;
            p += strlen(p + 1) + 2;
        }
        if (result_static_add_row(rs, row, ae) != 0)
            return -1;
    }
    return 0;
}

static SQLRETURN tables(athena_stmt *s, catalog_walk *w, const char *types, athena_error *ae)
{
    table_types tt = parse_types(types);
    result_source *rs = static_result(s, CF_TABLES, ae);
    if (!rs) {
        walk_free(w);
        return diag_post_error(&s->diag, ae);
    }
    strbuf views = STRBUF_INIT;
    int rc = add_tables(w, rs, &tt, &views, ae);
    if (rc == 0)
        rc = add_kept_views(rs, &views, ae);
    sb_free(&views);
    walk_free(w);
    if (rc != 0) {
        rs->close(rs);
        return diag_post_error(&s->diag, ae);
    }
    return open_cursor(s, rs);
}

/* ---------------------------------------------------------------- arguments */

static bool is_empty(const char *s) { return s && !*s; }
static bool is_all(const char *s) { return s && !strcmp(s, "%"); }

/* Validates the numeric arguments and the null pointers ODBC forbids. */
static SQLRETURN check_args(athena_stmt *s, catalog_fn fn, const char *const *a, const SQLUSMALLINT *opt,
                            bool id)
{
    switch (fn) {
    case CF_TABLES:
    case CF_COLUMNS:
        if (id && (!a[0] || !a[1] || !a[2] || (fn == CF_COLUMNS && !a[3])))
            return diag_set(&s->diag, SS_HY009, "SQL_ATTR_METADATA_ID is on: every name must be given");
        break;
    case CF_FOREIGN_KEYS:
        if (!a[2] && !a[5])
            return diag_set(&s->diag, SS_HY009, "give the primary-key table, the foreign-key table, or both");
        break;
    case CF_STATISTICS:
        if (opt[0] != SQL_INDEX_UNIQUE && opt[0] != SQL_INDEX_ALL)
            return diag_set(&s->diag, SS_HY100, "%u", (unsigned)opt[0]);
        if (opt[1] != SQL_ENSURE && opt[1] != SQL_QUICK)
            return diag_set(&s->diag, SS_HY101, "%u", (unsigned)opt[1]);
        break;
    case CF_SPECIAL_COLUMNS:
        if (opt[0] != SQL_BEST_ROWID && opt[0] != SQL_ROWVER)
            return diag_set(&s->diag, SS_HY097, "%u", (unsigned)opt[0]);
        if (opt[1] != SQL_SCOPE_CURROW && opt[1] != SQL_SCOPE_TRANSACTION && opt[1] != SQL_SCOPE_SESSION)
            return diag_set(&s->diag, SS_HY098, "%u", (unsigned)opt[1]);
        if (opt[2] != SQL_NO_NULLS && opt[2] != SQL_NULLABLE)
            return diag_set(&s->diag, SS_HY099, "%u", (unsigned)opt[2]);
        break;
    default:
        break;
    }
    if ((fn == CF_PRIMARY_KEYS || fn == CF_STATISTICS || fn == CF_SPECIAL_COLUMNS ||
         fn == CF_COLUMN_PRIVILEGES) && !a[2])
        return diag_set(&s->diag, SS_HY009, "the table name is required");
    return SQL_SUCCESS;
}

static SQLRETURN catalog_run(athena_stmt *s, catalog_fn fn, const char *const args[CATALOG_MAX_ARGS],
                             const SQLUSMALLINT opt[3])
{
    athena_dbc *d = s->dbc;
    if (s->state == ST_CURSOR)
        return diag_set(&s->diag, SS_24000, "close the cursor first");
    bool id = s->metadata_id == SQL_TRUE;
    SQLRETURN rc = check_args(s, fn, args, opt, id);
    if (rc != SQL_SUCCESS)
        return rc;
    exec_close_cursor(s);
    athena_error ae;
    ae_clear(&ae);
    if (fn != CF_TABLES && fn != CF_COLUMNS) {
        result_source *rs = static_result(s, fn, &ae);
        return rs ? open_cursor(s, rs) : diag_post_error(&s->diag, &ae);
    }
    const char *cat = args[0], *schema = args[1], *table = args[2];
    if (fn == CF_TABLES && !id) {
        if (is_all(cat) && is_empty(schema) && is_empty(table))
            return enumeration(s, 0, &ae);
        if (is_all(schema) && is_empty(cat) && is_empty(table))
            return enumeration(s, 1, &ae);
        if (is_all(args[3]) && is_empty(cat) && is_empty(schema) && is_empty(table))
            return enumeration(s, 3, &ae);
    }
    /* SQLTables takes a catalog pattern from ODBC 3 applications; a null
     * catalog is the connection's current one */
    cat_arg a_cat, a_schema, a_table, a_column;
    bool cat_pattern = fn == CF_TABLES && env_odbc_version(d->env) != SQL_OV_ODBC2;
    int e = cat_arg_init(&a_cat, cat ? cat : d->current_catalog, cat && cat_pattern ? CAT_PATTERN : CAT_ORDINARY,
                         id && cat);
    e |= cat_arg_init(&a_schema, schema, CAT_PATTERN, id);
    e |= cat_arg_init(&a_table, table, CAT_PATTERN, id);
    e |= cat_arg_init(&a_column, fn == CF_COLUMNS ? args[3] : NULL, CAT_PATTERN, id);
    catalog_walk w;
    walk_init(&w, d->client, cache_of(d), &a_cat, &a_schema, &a_table, &a_column, fn == CF_COLUMNS);
    if (e != 0) {
        walk_free(&w);
        return diag_set(&s->diag, SS_HY001, NULL);
    }
    if (fn == CF_TABLES)
        return tables(s, &w, args[3], &ae);
    type_options t = types_of(d);
    result_source *rs = columns_source_open(&w, &t, env_odbc_version(d->env), &ae);
    return rs ? open_cursor(s, rs) : diag_post_error(&s->diag, &ae);
}

/* SQLCancel from another thread stops the Athena calls of a catalog
 * function (HY008), as it stops a query. */
SQLRETURN catalog_call(athena_stmt *s, catalog_fn fn, const char *const args[CATALOG_MAX_ARGS],
                       const SQLUSMALLINT opt[3])
{
    exec_busy_begin(s, &s->executing);
    SQLRETURN rc = catalog_run(s, fn, args, opt);
    exec_busy_end(s, &s->executing);
    return rc;
}

/* catalog.c - SQLGetTypeInfo: every Athena type, described by the same
 * type_describe that describes result columns. */
#include "catalog.h"

#include <stdio.h>
#include <string.h>

#include "exec.h"

/* Athena's types in the order SQLGetTypeInfo lists them within one
 * DATA_TYPE (closest match first), with their CREATE_PARAMS. */
static const struct {
    const char *name;
    int precision;
    int scale;
    const char *create_params;
} type_list[] = {
    {"boolean", 0, 0, NULL},
    {"tinyint", 3, 0, NULL},
    {"smallint", 5, 0, NULL},
    {"integer", 10, 0, NULL},
    {"bigint", 19, 0, NULL},
    {"real", 17, 0, NULL},
    {"double", 17, 0, NULL},
    {"decimal", 38, 0, "precision,scale"},
    {"char", 2147483647, 0, "length"},
    {"varchar", 2147483647, 0, "max length"},
    {"varbinary", 1073741824, 0, NULL},
    {"date", 0, 0, NULL},
    {"time", 3, 0, NULL},
    {"timestamp", 3, 0, NULL},
    {"time with time zone", 3, 0, NULL},
    {"timestamp with time zone", 3, 0, NULL},
    {"interval year to month", 0, 0, NULL},
    {"interval day to second", 0, 0, NULL},
    {"array", 0, 0, NULL},
    {"map", 0, 0, NULL},
    {"row", 0, 0, NULL},
    {"json", 0, 0, NULL},
    {"uuid", 0, 0, NULL},
    {"ipaddress", 0, 0, NULL},
};

static const char *const ti_names[] = {
    "TYPE_NAME", "DATA_TYPE", "COLUMN_SIZE", "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS",
    "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE",
    "AUTO_UNIQUE_VALUE", "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE", "SQL_DATA_TYPE",
    "SQL_DATETIME_SUB", "NUM_PREC_RADIX", "INTERVAL_PRECISION"};
static const char *const ti_types[] = {
    "varchar", "smallint", "integer", "varchar", "varchar", "varchar", "smallint", "smallint",
    "smallint", "smallint", "smallint", "smallint", "varchar", "smallint", "smallint", "smallint",
    "smallint", "integer", "smallint"};

/* ODBC 2 applications know the date/time types by their old codes. */
static SQLSMALLINT for_version(SQLSMALLINT t, SQLINTEGER odbc_version)
{
    if (odbc_version != SQL_OV_ODBC2)
        return t;
    switch (t) {
    case SQL_TYPE_DATE: return SQL_DATE;
    case SQL_TYPE_TIME: return SQL_TIME;
    case SQL_TYPE_TIMESTAMP: return SQL_TIMESTAMP;
    default: return t;
    }
}

SQLRETURN catalog_type_info(athena_stmt *s, SQLSMALLINT data_type)
{
    athena_dbc *d = s->dbc;
    if (s->state == ST_CURSOR)
        return diag_post(&s->diag, "24000", 0, "Invalid cursor state: close the cursor first");
    exec_close_cursor(s);
    type_options opt = {d->cfg.string_column_length, d->cfg.complex_type_column_length,
                        d->cfg.use_wchar_for_string_types};
    athena_error ae;
    ae_clear(&ae);
    result_source *rs = result_static_new(ti_names, ti_types, ARRAY_LEN(ti_names), &opt, &ae);
    if (!rs)
        return diag_post_error(&s->diag, &ae);
    SQLINTEGER ver = d->env->odbc_version;
    /* rows ordered by DATA_TYPE, then by closeness (the list's order) */
    athena_column cols[ARRAY_LEN(type_list)];
    int order[ARRAY_LEN(type_list)];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(type_list); i++) {
        athena_column *c = &cols[i];
        memset(c, 0, sizeof *c);
        snprintf(c->type_name, sizeof c->type_name, "%s", type_list[i].name);
        c->precision = type_list[i].precision;
        c->scale = type_list[i].scale;
        type_describe(c, &opt);
        SQLSMALLINT t = for_version(c->sql_type, ver);
        if (data_type != SQL_ALL_TYPES && t != for_version(data_type, ver))
            continue;
        size_t k = n++;
        while (k > 0 && for_version(cols[order[k - 1]].sql_type, ver) > t) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = (int)i;
    }
    for (size_t j = 0; j < n; j++) {
        const athena_column *c = &cols[order[j]];
        int i = order[j];
        char data_type_s[8], size_s[24], nullable_s[8], case_s[8], search_s[8], unsigned_s[8],
            fixed_s[8], auto_s[8], min_scale[8], max_scale[8], sql_data_type[8], sub[8], radix[8];
        bool numeric = c->num_prec_radix != 0;
        snprintf(data_type_s, sizeof data_type_s, "%d", for_version(c->sql_type, ver));
        snprintf(size_s, sizeof size_s, "%lu", (unsigned long)(c->sql_type == SQL_DECIMAL ? 38 : c->column_size));
        snprintf(nullable_s, sizeof nullable_s, "%d", SQL_NULLABLE);
        snprintf(case_s, sizeof case_s, "%d", c->case_sensitive ? SQL_TRUE : SQL_FALSE);
        snprintf(search_s, sizeof search_s, "%d", c->searchable);
        snprintf(unsigned_s, sizeof unsigned_s, "%d", c->unsigned_attr ? SQL_TRUE : SQL_FALSE);
        snprintf(fixed_s, sizeof fixed_s, "%d", SQL_FALSE);
        snprintf(auto_s, sizeof auto_s, "%d", SQL_FALSE);
        snprintf(min_scale, sizeof min_scale, "%d", 0);
        snprintf(max_scale, sizeof max_scale, "%d", c->sql_type == SQL_DECIMAL ? 38
                 : (c->sql_type == SQL_TYPE_TIME || c->sql_type == SQL_TYPE_TIMESTAMP) ? 12 : 0);
        snprintf(sql_data_type, sizeof sql_data_type, "%d", c->verbose_type);
        snprintf(sub, sizeof sub, "%d", c->datetime_sub);
        snprintf(radix, sizeof radix, "%d", c->num_prec_radix);
        bool has_scale = c->sql_type == SQL_DECIMAL || c->sql_type == SQL_TYPE_TIME ||
                         c->sql_type == SQL_TYPE_TIMESTAMP || numeric;
        const char *row[] = {
            type_list[i].name, data_type_s, size_s,
            c->literal_prefix && *c->literal_prefix ? c->literal_prefix : NULL,
            c->literal_suffix && *c->literal_suffix ? c->literal_suffix : NULL,
            type_list[i].create_params, nullable_s, case_s, search_s,
            numeric ? unsigned_s : NULL, fixed_s, numeric ? auto_s : NULL, type_list[i].name,
            has_scale ? min_scale : NULL, has_scale ? max_scale : NULL, sql_data_type,
            c->datetime_sub ? sub : NULL, numeric ? radix : NULL, NULL};
        if (result_static_add_row(rs, row, &ae) != 0) {
            rs->close(rs);
            return diag_post_error(&s->diag, &ae);
        }
    }
    s->rs = rs;
    s->state = ST_CURSOR;
    s->row_count = -1;
    return SQL_SUCCESS;
}

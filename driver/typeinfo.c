/* typeinfo.c - SQLGetTypeInfo: every Athena type, described by the same
 * type_describe that describes result columns. */
#include "typeinfo.h"

#include <stdio.h>
#include <string.h>

#include "exec.h"

/* Athena's types in the order SQLGetTypeInfo lists them within one
 * DATA_TYPE (closest match first). The ODBC view (DATA_TYPE, searchability,
 * radix, literal prefix and suffix...) comes from type_describe() on `describe_as`: the type at its
 * largest, so that the datetime sizes assume the longest fraction (12 digits).
 * The other columns are what Athena accepts; docs/getinfo.md explains them. */
typedef struct type_row {
    const char *name;          /* TYPE_NAME: Athena's (Trino's) name, as result columns report it */
    const char *describe_as;   /* what type_describe() sees */
    long column_size;          /* COLUMN_SIZE, or 0 for type_describe()'s column size */
    const char *create_params; /* CREATE_PARAMS */
    int min_scale, max_scale;  /* MINIMUM_SCALE / MAXIMUM_SCALE, -1 = NULL */
    bool case_sensitive;       /* CASE_SENSITIVE */
} type_row;

static const type_row type_list[] = {
    {"boolean", "boolean", 0, NULL, -1, -1, false},
    {"tinyint", "tinyint", 0, NULL, 0, 0, false},
    {"smallint", "smallint", 0, NULL, 0, 0, false},
    {"integer", "integer", 0, NULL, 0, 0, false},
    {"bigint", "bigint", 0, NULL, 0, 0, false},
    /* approximate types: NUM_PREC_RADIX 2, so COLUMN_SIZE counts bits (24, 53) */
    {"real", "real", 0, NULL, -1, -1, false},
    {"double", "double", 0, NULL, -1, -1, false},
    {"decimal", "decimal(38,0)", 38, "precision,scale", 0, 38, false},
    /* Athena's documented maxima: char(1..255), varchar(1..65535) */
    {"char", "char(255)", 255, "length", -1, -1, true},
    {"varchar", "varchar(65535)", 65535, "max length", -1, -1, true},
    /* Athena's own ColumnInfo precision for varbinary */
    {"varbinary", "varbinary", 1073741824, NULL, -1, -1, false},
    {"date", "date", 0, NULL, -1, -1, false},
    {"time", "time(12)", 0, NULL, 0, 12, false},
    {"timestamp", "timestamp(12)", 0, NULL, 0, 12, false},
    /* types the driver hands over as character data; their literals take
     * the text the driver returns */
    {"time with time zone", "time(12) with time zone", 0, NULL, -1, -1, false},
    {"timestamp with time zone", "timestamp(12) with time zone", 0, NULL, -1, -1, false},
    {"interval year to month", "interval year to month", 0, NULL, -1, -1, false},
    {"interval day to second", "interval day to second", 0, NULL, -1, -1, false},
    {"array", "array", 0, NULL, -1, -1, false},
    {"map", "map", 0, NULL, -1, -1, false},
    {"row", "row", 0, NULL, -1, -1, false},
    {"json", "json", 0, NULL, -1, -1, false},
    {"uuid", "uuid", 0, NULL, -1, -1, false},
    {"ipaddress", "ipaddress", 0, NULL, -1, -1, false},
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

SQLSMALLINT typeinfo_for_version(SQLSMALLINT t, SQLINTEGER odbc_version)
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

/* The DataType argument as the driver's own (ODBC 3) code: the ODBC 2 date
 * and time codes are accepted from any application. false if it is no ODBC
 * SQL data type at all. */
static bool requested_type(SQLSMALLINT t, SQLSMALLINT *out)
{
    *out = t;
    switch (t) {
    case SQL_DATE: *out = SQL_TYPE_DATE; return true;
    case SQL_TIME: *out = SQL_TYPE_TIME; return true;
    case SQL_TIMESTAMP: *out = SQL_TYPE_TIMESTAMP; return true;
    case SQL_ALL_TYPES:
    case SQL_CHAR: case SQL_NUMERIC: case SQL_DECIMAL: case SQL_INTEGER: case SQL_SMALLINT:
    case SQL_FLOAT: case SQL_REAL: case SQL_DOUBLE: case SQL_VARCHAR:
    case SQL_TYPE_DATE: case SQL_TYPE_TIME: case SQL_TYPE_TIMESTAMP:
    case SQL_LONGVARCHAR: case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY:
    case SQL_BIGINT: case SQL_TINYINT: case SQL_BIT:
    case SQL_WCHAR: case SQL_WVARCHAR: case SQL_WLONGVARCHAR: case SQL_GUID:
    case SQL_INTERVAL_YEAR: case SQL_INTERVAL_MONTH: case SQL_INTERVAL_DAY: case SQL_INTERVAL_HOUR:
    case SQL_INTERVAL_MINUTE: case SQL_INTERVAL_SECOND: case SQL_INTERVAL_YEAR_TO_MONTH:
    case SQL_INTERVAL_DAY_TO_HOUR: case SQL_INTERVAL_DAY_TO_MINUTE: case SQL_INTERVAL_DAY_TO_SECOND:
    case SQL_INTERVAL_HOUR_TO_MINUTE: case SQL_INTERVAL_HOUR_TO_SECOND: case SQL_INTERVAL_MINUTE_TO_SECOND:
        return true;
    default:
        return false;
    }
}

SQLRETURN typeinfo_list(athena_stmt *s, SQLSMALLINT data_type)
{
    athena_dbc *d = s->dbc;
    if (s->state == ST_CURSOR)
        return diag_set(&s->diag, SS_24000, "close the cursor first");
    SQLSMALLINT wanted;
    if (!requested_type(data_type, &wanted))
        return diag_set(&s->diag, SS_HY004, "type %d", (int)data_type);
    exec_close_cursor(s);
    type_options opt = {d->cfg.string_column_length, d->cfg.complex_type_column_length,
                        d->cfg.use_wchar_for_string_types};
    athena_error ae;
    ae_clear(&ae);
    result_source *rs = result_static_new(ti_names, ti_types, ARRAY_LEN(ti_names), &opt, &ae);
    if (!rs)
        return diag_post_error(&s->diag, &ae);
    SQLINTEGER ver = env_odbc_version(d->env);
    /* rows ordered by DATA_TYPE (as the application's ODBC version numbers
     * it), then by closeness: the list's order */
    athena_column cols[ARRAY_LEN(type_list)];
    int order[ARRAY_LEN(type_list)];
    size_t n = 0;
    for (size_t i = 0; i < ARRAY_LEN(type_list); i++) {
        athena_column *c = &cols[i];
        memset(c, 0, sizeof *c);
        snprintf(c->type_name, sizeof c->type_name, "%s", type_list[i].describe_as);
        type_describe(c, &opt);
        if (wanted != SQL_ALL_TYPES && c->sql_type != wanted)
            continue;
        SQLSMALLINT t = typeinfo_for_version(c->sql_type, ver);
        size_t k = n++;
        while (k > 0 && typeinfo_for_version(cols[order[k - 1]].sql_type, ver) > t) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = (int)i;
    }
    for (size_t j = 0; j < n; j++) {
        const athena_column *c = &cols[order[j]];
        const type_row *tr = &type_list[order[j]];
        char data_type_s[8], size_s[24], nullable_s[8], case_s[8], search_s[8], unsigned_s[8],
            fixed_s[8], auto_s[8], min_scale[8], max_scale[8], sql_data_type[8], sub[8], radix[8];
        bool numeric = c->num_prec_radix != 0;
        snprintf(data_type_s, sizeof data_type_s, "%d", typeinfo_for_version(c->sql_type, ver));
        snprintf(size_s, sizeof size_s, "%ld", tr->column_size ? tr->column_size : (long)c->column_size);
        snprintf(nullable_s, sizeof nullable_s, "%d", SQL_NULLABLE);
        snprintf(case_s, sizeof case_s, "%d", tr->case_sensitive ? SQL_TRUE : SQL_FALSE);
        snprintf(search_s, sizeof search_s, "%d", c->searchable);
        snprintf(unsigned_s, sizeof unsigned_s, "%d", SQL_FALSE); /* every Athena number is signed */
        snprintf(fixed_s, sizeof fixed_s, "%d", SQL_FALSE);
        snprintf(auto_s, sizeof auto_s, "%d", SQL_FALSE);
        snprintf(min_scale, sizeof min_scale, "%d", tr->min_scale);
        snprintf(max_scale, sizeof max_scale, "%d", tr->max_scale);
        snprintf(sql_data_type, sizeof sql_data_type, "%d", c->verbose_type);
        snprintf(sub, sizeof sub, "%d", c->datetime_sub);
        snprintf(radix, sizeof radix, "%d", c->num_prec_radix);
        const char *row[] = {
            tr->name, data_type_s, size_s, *c->literal_prefix ? c->literal_prefix : NULL,
            *c->literal_suffix ? c->literal_suffix : NULL, tr->create_params, nullable_s,
            case_s, search_s, numeric ? unsigned_s : NULL, fixed_s, numeric ? auto_s : NULL,
            NULL /* LOCAL_TYPE_NAME: Athena has no localized type names */,
            tr->min_scale >= 0 ? min_scale : NULL, tr->max_scale >= 0 ? max_scale : NULL,
            sql_data_type, c->datetime_sub ? sub : NULL, numeric ? radix : NULL,
            NULL /* INTERVAL_PRECISION: no SQL interval type is reported */};
        if (result_static_add_row(rs, row, &ae) != 0) {
            rs->close(rs);
            return diag_post_error(&s->diag, &ae);
        }
    }
    s->rs = rs;
    return exec_open_cursor(s);
}

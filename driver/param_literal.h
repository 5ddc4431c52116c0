/* param_literal.h - one application parameter value (a C type in the
 * application's buffer) as Athena SQL literal text of the parameter's SQL
 * type: 'text' with quotes doubled, DECIMAL '1.50', DATE '2024-02-29',
 * X'00ff', true, NULL ... The text is built by the driver from the value, so
 * it is one literal whatever the value holds. */
#ifndef ATHENA_PARAM_LITERAL_H
#define ATHENA_PARAM_LITERAL_H

#include "common.h"
#include "sqlstate.h"
#include "strbuf.h"

typedef struct param_value {
    SQLSMALLINT ctype;      /* concise SQL_C_* type (not SQL_C_DEFAULT) */
    const void *data;
    size_t len;             /* bytes, for character and binary C types */
    bool is_null;
    SQLSMALLINT c_precision; /* interval C types: digits of the struct's fraction (APD SQL_DESC_PRECISION) */
} param_value;

typedef struct param_target {
    SQLSMALLINT sql_type;   /* concise SQL type of the parameter (the IPD's) */
    SQLULEN column_size;    /* 0 = not given */
    SQLSMALLINT precision;  /* decimal precision, or fractional-second digits of times */
    SQLSMALLINT scale;
    SQLSMALLINT interval_precision; /* interval leading field digits, 0 = not given */
} param_target;

typedef struct param_error {
    sqlstate_id state;
    char detail[160];
} param_error;

/* Sets err (state and formatted detail); returns -1. */
int param_fail(param_error *err, sqlstate_id st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Appends the literal to out. 0, or -1 with err set (07006 a conversion ODBC
 * does not allow, 22018 text that is not a value of the type, 22003 out of
 * range, 22001 right truncation, 22008 a bad date or time, 22015 an interval field
 * overflow, HY001). */
int param_literal(const param_value *v, const param_target *t, strbuf *out, param_error *err);

/* The size of a fixed-length C type's value; 0 for character and binary types
 * (their length comes from the application) and for unknown types. */
size_t param_ctype_size(SQLSMALLINT ctype);
/* True for the C types a parameter may be bound as. */
bool param_ctype_known(SQLSMALLINT ctype);
/* True for the SQL types a parameter may have (those with an Athena literal). */
bool param_sqltype_known(SQLSMALLINT sql_type);

#endif

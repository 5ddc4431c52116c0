/* param_bind.c - SQLBindParameter, SQLNumParams, SQLDescribeParam. A bound
 * parameter is an APD record (C type, buffer, lengths) and an IPD record
 * (SQL type, column size, digits); the descriptor API reads and writes the
 * same records. */
#include "param_bind.h"

#include <string.h>

#include "param_interval.h"
#include "param_literal.h"
#include "param_scan.h"

SQLRETURN param_bind(athena_stmt *s, SQLUSMALLINT num, SQLSMALLINT io_type, SQLSMALLINT ctype,
                     SQLSMALLINT sql_type, SQLULEN column_size, SQLSMALLINT digits, SQLPOINTER value,
                     SQLLEN buffer_length, SQLLEN *ind)
{
    if (num < 1)
        return diag_set(&s->diag, SS_07009, "parameter numbers start at 1");
    if (num > 32767)
        return diag_set(&s->diag, SS_07009, "parameter %u", (unsigned)num);
    if (io_type != SQL_PARAM_INPUT)
        return diag_set(&s->diag, SS_HY105, "Athena has input parameters only");
    if (ctype == SQL_C_DEFAULT)
        ctype = ctype_default_of(sql_type);
    if (!param_ctype_known(ctype))
        return diag_set(&s->diag, SS_HY003, "C type %d cannot be a parameter", (int)ctype);
    if (!param_sqltype_known(sql_type))
        return diag_set(&s->diag, SS_HY004, "SQL type %d has no Athena literal", (int)sql_type);
    if (!value && !ind)
        return diag_set(&s->diag, SS_HY009, "both the value and the length/indicator pointer are null");
    if (buffer_length < 0)
        return diag_set(&s->diag, SS_HY090, "BufferLength %ld", (long)buffer_length);
    bool decimal = sql_type == SQL_DECIMAL || sql_type == SQL_NUMERIC;
    if (decimal && (column_size < 1 || column_size > 38 || digits < 0 || (SQLULEN)digits > column_size))
        return diag_set(&s->diag, SS_HY104, "decimal(%lu,%d): Athena's decimals have a precision of 1 to 38 "
                        "and a scale from 0 to the precision", (unsigned long)column_size, (int)digits);
    if (digits < 0)
        return diag_set(&s->diag, SS_HY104, "DecimalDigits %d", (int)digits);
    bool interval = param_is_interval(sql_type);
    int leading = interval ? param_interval_leading(sql_type, column_size, digits) : 0;
    if (leading < 0)
        return diag_set(&s->diag, SS_HY104, "ColumnSize %lu is too small for the interval's fields",
                        (unsigned long)column_size);
    if (!desc_ensure(s->apd, (SQLSMALLINT)num) || !desc_ensure(&s->ipd_impl, (SQLSMALLINT)num))
        return diag_set(&s->diag, SS_HY001, NULL);
    desc_rec *a = &s->apd->recs[num];
    a->concise_type = ctype;
    a->pending_type = 0;
    a->data_ptr = value;
    a->octet_length = buffer_length;
    a->octet_length_ptr = ind;
    a->indicator_ptr = ind;
    a->precision = decimal ? (SQLSMALLINT)column_size : 0;
    a->scale = decimal ? digits : 0;
    /* ODBC's defaults for an interval C type: seconds precision 6 (the
     * fraction counts microseconds), leading precision 2 */
    a->precision = param_interval_has_seconds(ctype) ? 6 : a->precision;
    a->datetime_interval_precision = param_is_interval(ctype) ? 2 : 0;
    if (s->apd->count < (SQLSMALLINT)num)
        s->apd->count = (SQLSMALLINT)num;
    desc_rec *i = &s->ipd_impl.recs[num];
    i->concise_type = sql_type;
    i->pending_type = 0;
    /* the column size of characters, bytes and intervals (characters of their text) */
    i->octet_length = sql_type_is_char_or_binary(sql_type) || interval ? (SQLLEN)column_size : 0;
    bool timed = sql_type == SQL_TYPE_TIME || sql_type == SQL_TYPE_TIMESTAMP || sql_type == SQL_TIME ||
                 sql_type == SQL_TIMESTAMP;
    timed = timed || param_interval_has_seconds(sql_type);
    i->precision = decimal ? (SQLSMALLINT)column_size : timed ? digits : 0;
    i->datetime_interval_precision = leading;
    i->scale = decimal ? digits : 0;
    if (s->ipd_impl.count < (SQLSMALLINT)num)
        s->ipd_impl.count = (SQLSMALLINT)num;
    return SQL_SUCCESS;
}

SQLRETURN param_num(athena_stmt *s, SQLSMALLINT *count)
{
    if (!s->sql)
        return diag_set(&s->diag, SS_HY010, "no statement was prepared");
    size_t n = param_count_markers(s->sql, strlen(s->sql));
    if (count)
        *count = (SQLSMALLINT)(n > 32767 ? 32767 : n);
    return SQL_SUCCESS;
}

SQLRETURN param_describe(athena_stmt *s, SQLUSMALLINT num, SQLSMALLINT *type, SQLULEN *size,
                         SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    if (!s->sql)
        return diag_set(&s->diag, SS_HY010, "no statement was prepared");
    size_t n = param_count_markers(s->sql, strlen(s->sql));
    if (num < 1 || num > n)
        return diag_set(&s->diag, SS_07009, "parameter %u: the statement has %zu markers", (unsigned)num, n);
    /* Athena does not describe parameters: a bound one is what the
     * application said, an unbound one Athena's unbounded varchar (a client
     * that binds with the size described must not have its values cut). */
    const athena_desc *ipd = &s->ipd_impl;
    SQLSMALLINT t = SQL_VARCHAR, dg = 0;
    SQLULEN sz = 2147483647;
    if (num <= ipd->count && ipd->recs[num].concise_type) {
        const desc_rec *r = &ipd->recs[num];
        t = r->concise_type;
        bool decimal = t == SQL_DECIMAL || t == SQL_NUMERIC;
        sz = decimal ? (SQLULEN)r->precision : (SQLULEN)r->octet_length;
        dg = decimal ? r->scale : r->precision;
    }
    if (type)
        *type = t;
    if (size)
        *size = sz;
    if (digits)
        *digits = dg;
    if (nullable)
        *nullable = SQL_NULLABLE;
    return SQL_SUCCESS;
}

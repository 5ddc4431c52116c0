/* desc.c - descriptors. Application descriptors (ARD/APD) hold what
 * SQLBindCol and SQLSetDescField put there; the IRD is the result's columns
 * (read-only, from the result source). */
#include "desc.h"

#include <string.h>

#include "describe.h"

typedef enum { F_SMALL, F_INT, F_LEN, F_ULEN, F_PTR, F_STR } field_kind;

static int field_kind_of(SQLSMALLINT field, field_kind *k)
{
    switch (field) {
    /* header */
    case SQL_DESC_ALLOC_TYPE: case SQL_DESC_COUNT: *k = F_SMALL; return 1;
    case SQL_DESC_ARRAY_SIZE: *k = F_ULEN; return 1;
    case SQL_DESC_ARRAY_STATUS_PTR: case SQL_DESC_BIND_OFFSET_PTR: case SQL_DESC_ROWS_PROCESSED_PTR:
        *k = F_PTR; return 1;
    case SQL_DESC_BIND_TYPE: *k = F_INT; return 1;
    /* records */
    case SQL_DESC_CONCISE_TYPE: case SQL_DESC_TYPE: case SQL_DESC_DATETIME_INTERVAL_CODE:
    case SQL_DESC_FIXED_PREC_SCALE: case SQL_DESC_NULLABLE: case SQL_DESC_PARAMETER_TYPE:
    case SQL_DESC_PRECISION: case SQL_DESC_ROWVER: case SQL_DESC_SCALE: case SQL_DESC_SEARCHABLE:
    case SQL_DESC_UNNAMED: case SQL_DESC_UNSIGNED: case SQL_DESC_UPDATABLE:
        *k = F_SMALL; return 1;
    case SQL_DESC_AUTO_UNIQUE_VALUE: case SQL_DESC_CASE_SENSITIVE:
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: case SQL_DESC_NUM_PREC_RADIX:
        *k = F_INT; return 1;
    case SQL_DESC_DISPLAY_SIZE: case SQL_DESC_OCTET_LENGTH: *k = F_LEN; return 1;
    case SQL_DESC_LENGTH: *k = F_ULEN; return 1;
    case SQL_DESC_DATA_PTR: case SQL_DESC_INDICATOR_PTR: case SQL_DESC_OCTET_LENGTH_PTR:
        *k = F_PTR; return 1;
    case SQL_DESC_BASE_COLUMN_NAME: case SQL_DESC_BASE_TABLE_NAME: case SQL_DESC_CATALOG_NAME:
    case SQL_DESC_LABEL: case SQL_DESC_LITERAL_PREFIX: case SQL_DESC_LITERAL_SUFFIX:
    case SQL_DESC_LOCAL_TYPE_NAME: case SQL_DESC_NAME: case SQL_DESC_SCHEMA_NAME:
    case SQL_DESC_TABLE_NAME: case SQL_DESC_TYPE_NAME:
        *k = F_STR; return 1;
    default:
        return 0;
    }
}

static bool is_header(SQLSMALLINT field)
{
    switch (field) {
    case SQL_DESC_ALLOC_TYPE: case SQL_DESC_COUNT: case SQL_DESC_ARRAY_SIZE:
    case SQL_DESC_ARRAY_STATUS_PTR: case SQL_DESC_BIND_OFFSET_PTR: case SQL_DESC_ROWS_PROCESSED_PTR:
    case SQL_DESC_BIND_TYPE:
        return true;
    default:
        return false;
    }
}

bool desc_is_ird(const athena_desc *x) { return x->stmt && x == &x->stmt->ird_impl; }

static void put(SQLPOINTER value, field_kind k, SQLLEN v, SQLPOINTER p)
{
    if (!value)
        return;
    switch (k) {
    case F_SMALL: *(SQLSMALLINT *)value = (SQLSMALLINT)v; break;
    case F_INT: *(SQLINTEGER *)value = (SQLINTEGER)v; break;
    case F_LEN: *(SQLLEN *)value = v; break;
    case F_ULEN: *(SQLULEN *)value = (SQLULEN)v; break;
    case F_PTR: *(SQLPOINTER *)value = p; break;
    case F_STR: break;
    }
}

/* Verbose type and interval code of a C type (SQL_DESC_TYPE, _CODE). */
static void verbose_of(SQLSMALLINT concise, SQLSMALLINT *type, SQLSMALLINT *code)
{
    const ctype_info *c = ctype_find(concise);
    *type = c ? c->verbose : concise;
    *code = c ? c->code : 0;
}

static SQLRETURN get_ird(athena_desc *x, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                         const char **str, field_kind k)
{
    athena_stmt *s = x->stmt;
    SQLLEN num = 0;
    if (field == SQL_DESC_OCTET_LENGTH_PTR || field == SQL_DESC_DATA_PTR || field == SQL_DESC_INDICATOR_PTR) {
        put(value, F_PTR, 0, NULL);
        return SQL_SUCCESS;
    }
    if (field == SQL_DESC_PARAMETER_TYPE || field == SQL_DESC_ROWVER) {
        put(value, k, 0, NULL);
        return SQL_SUCCESS;
    }
    /* describe_attribute posts its errors to the statement; mirror them here */
    SQLRETURN rc = describe_attribute(s, (SQLUSMALLINT)rec, (SQLUSMALLINT)field, str, &num);
    if (!SQL_SUCCEEDED(rc)) {
        diag_move_last(&s->diag, &x->diag);
        return rc;
    }
    if (!*str)
        put(value, k, num, NULL);
    return SQL_SUCCESS;
}

SQLRETURN desc_get_field(athena_desc *x, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                         const char **str)
{
    *str = NULL;
    field_kind k;
    if (!field_kind_of(field, &k))
        return diag_set(&x->diag, SS_HY091, "field %d", (int)field);
    bool ird = desc_is_ird(x);
    if (is_header(field)) {
        switch (field) {
        case SQL_DESC_ALLOC_TYPE: put(value, k, x->stmt ? SQL_DESC_ALLOC_AUTO : SQL_DESC_ALLOC_USER, NULL); break;
        case SQL_DESC_COUNT:
            if (ird) {
                SQLSMALLINT n = 0;
                if (x->stmt->state == ST_CURSOR || x->stmt->state == ST_PREPARED)
                    describe_num_cols(x->stmt, &n);
                put(value, k, n, NULL);
            } else {
                put(value, k, x->count, NULL);
            }
            break;
        case SQL_DESC_ARRAY_SIZE: put(value, k, (SQLLEN)x->array_size, NULL); break;
        case SQL_DESC_ARRAY_STATUS_PTR: put(value, k, 0, x->array_status_ptr); break;
        case SQL_DESC_BIND_OFFSET_PTR: put(value, k, 0, x->bind_offset_ptr); break;
        case SQL_DESC_ROWS_PROCESSED_PTR: put(value, k, 0, x->rows_processed_ptr); break;
        case SQL_DESC_BIND_TYPE: put(value, k, (SQLLEN)x->bind_type, NULL); break;
        }
        return SQL_SUCCESS;
    }
    if (rec < 0)
        return diag_set(&x->diag, SS_07009, "record %d", (int)rec);
    if (rec == 0)
        return diag_set(&x->diag, SS_07009, "bookmarks (record 0) are not supported");
    if (ird)
        return get_ird(x, rec, field, value, str, k);
    if (rec > x->count)
        return SQL_NO_DATA;
    const desc_rec *r = &x->recs[rec];
    SQLSMALLINT vtype, code;
    verbose_of(r->concise_type, &vtype, &code);
    switch (field) {
    case SQL_DESC_CONCISE_TYPE: put(value, k, r->concise_type, NULL); break;
    case SQL_DESC_TYPE: put(value, k, vtype, NULL); break;
    case SQL_DESC_DATETIME_INTERVAL_CODE: put(value, k, code, NULL); break;
    case SQL_DESC_DATA_PTR: put(value, k, 0, r->data_ptr); break;
    case SQL_DESC_INDICATOR_PTR: put(value, k, 0, r->indicator_ptr); break;
    case SQL_DESC_OCTET_LENGTH_PTR: put(value, k, 0, r->octet_length_ptr); break;
    case SQL_DESC_OCTET_LENGTH: put(value, k, r->octet_length, NULL); break;
    case SQL_DESC_LENGTH: put(value, k, r->octet_length, NULL); break;
    case SQL_DESC_PRECISION: put(value, k, r->precision, NULL); break;
    case SQL_DESC_SCALE: put(value, k, r->scale, NULL); break;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: put(value, k, r->datetime_interval_precision, NULL); break;
    case SQL_DESC_NUM_PREC_RADIX: put(value, k, r->concise_type == SQL_C_NUMERIC ? 10 : 0, NULL); break;
    case SQL_DESC_PARAMETER_TYPE: put(value, k, SQL_PARAM_INPUT, NULL); break;
    default:
        if (k == F_STR)
            *str = "";
        else
            put(value, k, 0, NULL);
        break;
    }
    return SQL_SUCCESS;
}

SQLRETURN desc_set_field(athena_desc *x, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                         SQLINTEGER len)
{
    (void)len;
    field_kind k;
    if (!field_kind_of(field, &k))
        return diag_set(&x->diag, SS_HY091, "field %d", (int)field);
    if (desc_is_ird(x))
        return diag_set(&x->diag, SS_HY016, NULL);
    intptr_t iv = (intptr_t)value;
    if (is_header(field)) {
        switch (field) {
        case SQL_DESC_ALLOC_TYPE:
            return diag_set(&x->diag, SS_HY091, "SQL_DESC_ALLOC_TYPE is read-only");
        case SQL_DESC_COUNT:
            if (iv < 0 || iv > 32767)
                return diag_set(&x->diag, SS_07009, "record %ld", (long)iv);
            if (iv > x->count && !desc_ensure(x, (SQLSMALLINT)iv))
                return diag_set(&x->diag, SS_HY001, NULL);
            x->count = (SQLSMALLINT)iv;
            return SQL_SUCCESS;
        case SQL_DESC_ARRAY_SIZE:
            if (iv <= 0)
                return diag_set(&x->diag, SS_HY024, "the array size must be at least 1");
            x->array_size = (SQLULEN)iv;
            return SQL_SUCCESS;
        case SQL_DESC_ARRAY_STATUS_PTR: x->array_status_ptr = value; return SQL_SUCCESS;
        case SQL_DESC_BIND_OFFSET_PTR: x->bind_offset_ptr = value; return SQL_SUCCESS;
        case SQL_DESC_ROWS_PROCESSED_PTR: x->rows_processed_ptr = value; return SQL_SUCCESS;
        case SQL_DESC_BIND_TYPE: x->bind_type = (SQLULEN)iv; return SQL_SUCCESS;
        }
    }
    if (rec <= 0)
        return diag_set(&x->diag, SS_07009, "record %d", (int)rec);
    if (!desc_ensure(x, rec))
        return diag_set(&x->diag, SS_HY001, NULL);
    desc_rec *r = &x->recs[rec];
    switch (field) {
    case SQL_DESC_CONCISE_TYPE:
        r->concise_type = (SQLSMALLINT)iv;
        r->pending_type = 0;
        r->data_ptr = NULL;
        return SQL_SUCCESS;
    case SQL_DESC_TYPE:
        /* SQL_DATETIME and SQL_INTERVAL wait for SQL_DESC_DATETIME_INTERVAL_CODE */
        if (iv == SQL_DATETIME || iv == SQL_INTERVAL)
            r->pending_type = (SQLSMALLINT)iv;
        else
            r->concise_type = (SQLSMALLINT)iv, r->pending_type = 0;
        r->data_ptr = NULL;
        return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_CODE: {
        SQLSMALLINT vtype, code;
        verbose_of(r->concise_type, &vtype, &code);
        SQLSMALLINT c = ctype_concise(r->pending_type ? r->pending_type : vtype, (SQLSMALLINT)iv);
        r->pending_type = 0;
        if (!c)
            return diag_set(&x->diag, SS_HY092, "SQL_DESC_DATETIME_INTERVAL_CODE %ld", (long)iv);
        r->concise_type = c;
        return SQL_SUCCESS;
    }
    case SQL_DESC_DATA_PTR: r->data_ptr = value; return SQL_SUCCESS;
    case SQL_DESC_INDICATOR_PTR: r->indicator_ptr = value; return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH_PTR: r->octet_length_ptr = value; return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH: r->octet_length = (SQLLEN)iv; return SQL_SUCCESS;
    case SQL_DESC_LENGTH: r->octet_length = (SQLLEN)iv; return SQL_SUCCESS;
    case SQL_DESC_PRECISION: r->precision = (SQLSMALLINT)iv; return SQL_SUCCESS;
    case SQL_DESC_SCALE: r->scale = (SQLSMALLINT)iv; return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: r->datetime_interval_precision = (SQLINTEGER)iv; return SQL_SUCCESS;
    case SQL_DESC_NUM_PREC_RADIX: case SQL_DESC_PARAMETER_TYPE: case SQL_DESC_NAME: case SQL_DESC_UNNAMED:
        return SQL_SUCCESS;
    default:
        return diag_set(&x->diag, SS_HY091, "field %d cannot be set", (int)field);
    }
}

SQLRETURN desc_copy(athena_desc *src, athena_desc *dst)
{
    if (desc_is_ird(dst))
        return diag_set(&dst->diag, SS_HY016, NULL);
    if (desc_is_ird(src)) {
        /* an IRD copies as the types of the result columns */
        athena_stmt *s = src->stmt;
        if (s->state != ST_CURSOR || !s->rs)
            return diag_set(&dst->diag, SS_HY007, NULL);
        size_t n = s->rs->ncolumns;
        if (n > 32767 || !desc_ensure(dst, (SQLSMALLINT)n))
            return diag_set(&dst->diag, SS_HY001, NULL);
        desc_reset_records(dst);
        desc_ensure(dst, (SQLSMALLINT)n);
        for (size_t i = 0; i < n; i++) {
            const athena_column *c = &s->rs->columns[i];
            desc_rec *r = &dst->recs[i + 1];
            r->concise_type = c->sql_type;
            r->octet_length = c->octet_length;
            r->precision = (SQLSMALLINT)type_desc_precision(c);
            r->scale = c->decimal_digits;
        }
        return SQL_SUCCESS;
    }
    if (src->count > 0 && !desc_ensure(dst, src->count))
        return diag_set(&dst->diag, SS_HY001, NULL);
    desc_reset_records(dst);
    if (src->count > 0) {
        desc_ensure(dst, src->count);
        memcpy(dst->recs, src->recs, (size_t)(src->count + 1) * sizeof *dst->recs);
    }
    dst->count = src->count;
    dst->array_size = src->array_size;
    dst->bind_type = src->bind_type;
    dst->bind_offset_ptr = src->bind_offset_ptr;
    dst->array_status_ptr = src->array_status_ptr;
    dst->rows_processed_ptr = src->rows_processed_ptr;
    return SQL_SUCCESS;
}

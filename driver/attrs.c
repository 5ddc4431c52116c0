/* attrs.c - attributes of the three handle kinds. */
#include "attrs.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "wide.h"

#define AS_UINT(v) ((SQLUINTEGER)(uintptr_t)(v))
#define AS_ULEN(v) ((SQLULEN)(uintptr_t)(v))

SQLRETURN attr_set_env(athena_env *e, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    (void)len;
    switch (attr) {
    case SQL_ATTR_ODBC_VERSION: {
        SQLINTEGER v = (SQLINTEGER)(intptr_t)value;
        if (v != SQL_OV_ODBC2 && v != SQL_OV_ODBC3 && v != SQL_OV_ODBC3_80)
            return diag_set(&e->diag, SS_HY024, "SQL_ATTR_ODBC_VERSION %d", (int)v);
        e->odbc_version = v;
        return SQL_SUCCESS;
    }
    case SQL_ATTR_CONNECTION_POOLING:
        e->connection_pooling = (SQLINTEGER)(intptr_t)value;
        return SQL_SUCCESS;
    case SQL_ATTR_CP_MATCH:
        e->cp_match = (SQLINTEGER)(intptr_t)value;
        return SQL_SUCCESS;
    case SQL_ATTR_OUTPUT_NTS:
        if ((SQLINTEGER)(intptr_t)value != SQL_TRUE)
            return diag_set(&e->diag, SS_HYC00, "SQL_ATTR_OUTPUT_NTS must be SQL_TRUE");
        return SQL_SUCCESS;
    default:
        return diag_set(&e->diag, SS_HY092, "attribute %d", (int)attr);
    }
}

SQLRETURN attr_get_env(athena_env *e, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                       SQLINTEGER *len)
{
    (void)buflen;
    SQLINTEGER v;
    switch (attr) {
    case SQL_ATTR_ODBC_VERSION: v = e->odbc_version; break;
    case SQL_ATTR_CONNECTION_POOLING: v = e->connection_pooling; break;
    case SQL_ATTR_CP_MATCH: v = e->cp_match; break;
    case SQL_ATTR_OUTPUT_NTS: v = SQL_TRUE; break;
    case W_ATTR_DRIVER_UNICODE_TYPE: v = w_unicode_type(); break;
    default:
        return diag_set(&e->diag, SS_HY092, "attribute %d", (int)attr);
    }
    if (value)
        *(SQLINTEGER *)value = v;
    if (len)
        *len = sizeof v;
    return SQL_SUCCESS;
}

bool attr_connect_is_string(SQLINTEGER attr)
{
    return attr == SQL_ATTR_CURRENT_CATALOG || attr == SQL_ATTR_TRACEFILE || attr == SQL_ATTR_TRANSLATE_LIB;
}

SQLRETURN attr_set_connect(athena_dbc *d, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    switch (attr) {
    case SQL_ATTR_ACCESS_MODE:
        if (AS_UINT(value) != SQL_MODE_READ_WRITE && AS_UINT(value) != SQL_MODE_READ_ONLY)
            return diag_set(&d->diag, SS_HY024, "SQL_ATTR_ACCESS_MODE %u", AS_UINT(value));
        d->access_mode = AS_UINT(value);
        return SQL_SUCCESS;
    case SQL_ATTR_AUTOCOMMIT:
        if (AS_UINT(value) != SQL_AUTOCOMMIT_ON && AS_UINT(value) != SQL_AUTOCOMMIT_OFF)
            return diag_set(&d->diag, SS_HY024, "SQL_ATTR_AUTOCOMMIT");
        d->autocommit = AS_UINT(value); /* Athena has no transactions: every statement commits */
        return SQL_SUCCESS;
    case SQL_ATTR_LOGIN_TIMEOUT: d->login_timeout = AS_UINT(value); return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_TIMEOUT: d->connection_timeout = AS_UINT(value); return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID: d->metadata_id = AS_UINT(value); return SQL_SUCCESS;
    case SQL_ATTR_PACKET_SIZE: d->packet_size = AS_ULEN(value); return SQL_SUCCESS;
    case SQL_ATTR_TXN_ISOLATION:
        return diag_set(&d->diag, SS_HYC00, "Athena has no transactions, "
                         "so there is no isolation level to set");
    case SQL_ATTR_QUIET_MODE: return SQL_SUCCESS;
    case SQL_ATTR_CURRENT_CATALOG: {
        if (!value)
            return diag_set(&d->diag, SS_HY009, NULL);
        if (len < 0 && len != SQL_NTS)
            return diag_set(&d->diag, SS_HY090, "length %ld", (long)len);
        size_t n = len == SQL_NTS ? strlen(value) : (size_t)len;
        if (n == 0)
            return diag_set(&d->diag, SS_HY024, "the catalog name is empty");
        char *c = str_ndup(value, n);
        if (!c)
            return diag_set(&d->diag, SS_HY001, NULL);
        pthread_mutex_lock(&d->lock);
        free(d->current_catalog);
        d->current_catalog = c;
        pthread_mutex_unlock(&d->lock);
        return SQL_SUCCESS;
    }
    case SQL_ATTR_ASYNC_ENABLE:
        if (AS_ULEN(value) != SQL_ASYNC_ENABLE_OFF)
            return diag_set(&d->diag, SS_HYC00, "asynchronous execution");
        return SQL_SUCCESS;
    case SQL_ATTR_ODBC_CURSORS:
    case SQL_ATTR_TRACE:
    case SQL_ATTR_TRACEFILE:
    case SQL_ATTR_TRANSLATE_LIB:
    case SQL_ATTR_TRANSLATE_OPTION:
        return diag_set(&d->diag, SS_HYC00, "attribute %d", (int)attr);
    default:
        return diag_set(&d->diag, SS_HY092, "attribute %d", (int)attr);
    }
}

SQLRETURN attr_get_connect(athena_dbc *d, SQLINTEGER attr, SQLPOINTER value, const char **str)
{
    *str = NULL;
    SQLUINTEGER v;
    switch (attr) {
    case SQL_ATTR_ACCESS_MODE: v = d->access_mode; break;
    case SQL_ATTR_AUTOCOMMIT: v = d->autocommit; break;
    case SQL_ATTR_LOGIN_TIMEOUT: v = d->login_timeout; break;
    case SQL_ATTR_CONNECTION_TIMEOUT: v = d->connection_timeout; break;
    case SQL_ATTR_METADATA_ID: v = d->metadata_id; break;
    case SQL_ATTR_TXN_ISOLATION: v = d->txn_isolation; break;
    case SQL_ATTR_CONNECTION_DEAD: v = d->connected ? SQL_CD_FALSE : SQL_CD_TRUE; break;
    case SQL_ATTR_ASYNC_ENABLE: v = SQL_ASYNC_ENABLE_OFF; break;
    case SQL_ATTR_PACKET_SIZE:
        if (value)
            *(SQLULEN *)value = d->packet_size;
        return SQL_SUCCESS;
    case SQL_ATTR_CURRENT_CATALOG:
        if (!d->connected)
            return diag_set(&d->diag, SS_08003, NULL);
        *str = d->current_catalog;
        return SQL_SUCCESS;
    default:
        return diag_set(&d->diag, SS_HY092, "attribute %d", (int)attr);
    }
    if (value)
        *(SQLUINTEGER *)value = v;
    return SQL_SUCCESS;
}

SQLRETURN attr_set_stmt(athena_stmt *s, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    (void)len;
    switch (attr) {
    case SQL_ATTR_QUERY_TIMEOUT: s->query_timeout = AS_ULEN(value); return SQL_SUCCESS;
    case SQL_ATTR_APP_ROW_DESC:
    case SQL_ATTR_APP_PARAM_DESC: {
        athena_desc **slot = attr == SQL_ATTR_APP_ROW_DESC ? &s->ard : &s->apd;
        athena_desc *impl = attr == SQL_ATTR_APP_ROW_DESC ? &s->ard_impl : &s->apd_impl;
        athena_desc *x = value;
        if (!x || x == impl) {
            *slot = impl;
            return SQL_SUCCESS;
        }
        if (!desc_valid(x) || x->stmt || x->dbc != s->dbc)
            return diag_set(&s->diag, SS_HY024,
                             "not a descriptor allocated on this connection");
        *slot = x;
        return SQL_SUCCESS;
    }
    case SQL_ATTR_IMP_ROW_DESC:
    case SQL_ATTR_IMP_PARAM_DESC:
        return diag_set(&s->diag, SS_HY017, NULL);
    case SQL_ATTR_MAX_ROWS: s->max_rows = AS_ULEN(value); return SQL_SUCCESS;
    case SQL_ATTR_MAX_LENGTH: s->max_length = AS_ULEN(value); return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN: s->noscan = AS_ULEN(value); return SQL_SUCCESS;
    case SQL_ATTR_RETRIEVE_DATA: s->retrieve_data = AS_ULEN(value); return SQL_SUCCESS;
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE:
        if (AS_ULEN(value) == 0)
            return diag_set(&s->diag, SS_HY024, "the row array size must be at least 1");
        s->ard->array_size = AS_ULEN(value);
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_TYPE: s->ard->bind_type = AS_ULEN(value); return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR: s->ard->bind_offset_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_ROW_STATUS_PTR: s->ird_impl.array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_ROWS_FETCHED_PTR: s->ird_impl.rows_processed_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_TYPE:
        if (s->state == ST_CURSOR)
            return diag_set(&s->diag, SS_24000, "close the cursor first");
        if (AS_ULEN(value) == SQL_CURSOR_FORWARD_ONLY || AS_ULEN(value) == SQL_CURSOR_STATIC) {
            s->cursor_type = AS_ULEN(value);
            return SQL_SUCCESS;
        }
        if (AS_ULEN(value) != SQL_CURSOR_KEYSET_DRIVEN && AS_ULEN(value) != SQL_CURSOR_DYNAMIC)
            return diag_set(&s->diag, SS_HY024, "SQL_ATTR_CURSOR_TYPE %lu", (unsigned long)AS_ULEN(value));
        s->cursor_type = SQL_CURSOR_STATIC;
        return diag_set(&s->diag, SS_01S02, "keyset-driven and dynamic cursors become static");
    case SQL_ATTR_CONCURRENCY:
        if (AS_ULEN(value) < SQL_CONCUR_READ_ONLY || AS_ULEN(value) > SQL_CONCUR_VALUES)
            return diag_set(&s->diag, SS_HY024, "SQL_ATTR_CONCURRENCY %lu", (unsigned long)AS_ULEN(value));
        if (AS_ULEN(value) != SQL_CONCUR_READ_ONLY)
            return diag_set(&s->diag, SS_01S02, "the cursor is read-only");
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SCROLLABLE:
        if (s->state == ST_CURSOR)
            return diag_set(&s->diag, SS_24000, "close the cursor first");
        if (AS_ULEN(value) != SQL_NONSCROLLABLE && AS_ULEN(value) != SQL_SCROLLABLE)
            return diag_set(&s->diag, SS_HY024, "SQL_ATTR_CURSOR_SCROLLABLE %lu",
                             (unsigned long)AS_ULEN(value));
        s->cursor_type = AS_ULEN(value) == SQL_SCROLLABLE ? SQL_CURSOR_STATIC : SQL_CURSOR_FORWARD_ONLY;
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SENSITIVITY:
        if (AS_ULEN(value) != SQL_UNSPECIFIED && AS_ULEN(value) != SQL_INSENSITIVE)
            return diag_set(&s->diag, SS_HYC00, "sensitive cursors");
        return SQL_SUCCESS;
    case SQL_ATTR_USE_BOOKMARKS:
        if (AS_ULEN(value) != SQL_UB_OFF)
            return diag_set(&s->diag, SS_HYC00, "bookmarks");
        return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
        if (AS_ULEN(value) != SQL_ASYNC_ENABLE_OFF)
            return diag_set(&s->diag, SS_HYC00, "asynchronous execution");
        return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID: s->metadata_id = AS_ULEN(value) ? SQL_TRUE : SQL_FALSE; return SQL_SUCCESS;
    case SQL_ATTR_ENABLE_AUTO_IPD:
    case SQL_ATTR_KEYSET_SIZE:
    case SQL_ATTR_SIMULATE_CURSOR:
    case SQL_ATTR_ROW_OPERATION_PTR:
        return SQL_SUCCESS;
    /* parameter arrays live in the APD (values) and the IPD (statuses) */
    case SQL_ATTR_PARAMSET_SIZE:
        if (AS_ULEN(value) == 0)
            return diag_set(&s->diag, SS_HY024, "the parameter set size must be at least 1");
        s->apd->array_size = AS_ULEN(value);
        return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_TYPE: s->apd->bind_type = AS_ULEN(value); return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR: s->apd->bind_offset_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_OPERATION_PTR: s->apd->array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_STATUS_PTR: s->ipd_impl.array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAMS_PROCESSED_PTR: s->ipd_impl.rows_processed_ptr = value; return SQL_SUCCESS;
    default:
        return diag_set(&s->diag, SS_HY092, "attribute %d", (int)attr);
    }
}

SQLRETURN attr_get_stmt(athena_stmt *s, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER *len)
{
    if (!value)
        return diag_set(&s->diag, SS_HY009, NULL);
    if (len) /* every statement attribute is an SQLULEN or a pointer of the same size */
        *len = sizeof(SQLULEN);
    SQLULEN v;
    switch (attr) {
    case SQL_ATTR_APP_ROW_DESC: *(SQLPOINTER *)value = s->ard; return SQL_SUCCESS;
    case SQL_ATTR_APP_PARAM_DESC: *(SQLPOINTER *)value = s->apd; return SQL_SUCCESS;
    case SQL_ATTR_IMP_ROW_DESC: *(SQLPOINTER *)value = &s->ird_impl; return SQL_SUCCESS;
    case SQL_ATTR_IMP_PARAM_DESC: *(SQLPOINTER *)value = &s->ipd_impl; return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR: *(SQLPOINTER *)value = s->ard->bind_offset_ptr; return SQL_SUCCESS;
    case SQL_ATTR_ROW_STATUS_PTR: *(SQLPOINTER *)value = s->ird_impl.array_status_ptr; return SQL_SUCCESS;
    case SQL_ATTR_ROWS_FETCHED_PTR: *(SQLPOINTER *)value = s->ird_impl.rows_processed_ptr; return SQL_SUCCESS;
    case SQL_ATTR_QUERY_TIMEOUT: v = s->query_timeout; break;
    case SQL_ATTR_MAX_ROWS: v = s->max_rows; break;
    case SQL_ATTR_MAX_LENGTH: v = s->max_length; break;
    case SQL_ATTR_NOSCAN: v = s->noscan; break;
    case SQL_ATTR_RETRIEVE_DATA: v = s->retrieve_data; break;
    case SQL_ATTR_ROW_ARRAY_SIZE: case SQL_ROWSET_SIZE: v = s->ard->array_size; break;
    case SQL_ATTR_ROW_BIND_TYPE: v = s->ard->bind_type; break;
    case SQL_ATTR_CURSOR_TYPE: v = s->cursor_type; break;
    case SQL_ATTR_CONCURRENCY: v = SQL_CONCUR_READ_ONLY; break;
    case SQL_ATTR_CURSOR_SCROLLABLE:
        v = s->cursor_type == SQL_CURSOR_STATIC ? SQL_SCROLLABLE : SQL_NONSCROLLABLE;
        break;
    case SQL_ATTR_CURSOR_SENSITIVITY: v = SQL_INSENSITIVE; break;
    case SQL_ATTR_USE_BOOKMARKS: v = SQL_UB_OFF; break;
    case SQL_ATTR_ASYNC_ENABLE: v = SQL_ASYNC_ENABLE_OFF; break;
    case SQL_ATTR_METADATA_ID: v = s->metadata_id; break;
    case SQL_ATTR_ENABLE_AUTO_IPD: v = SQL_FALSE; break;
    case SQL_ATTR_ROW_NUMBER:
        if (s->rs && s->rs->scrollable) /* the current row of a static cursor */
            v = s->row && s->rowset_start > 0 ? (SQLULEN)s->rowset_start + (s->pos_row ? s->pos_row - 1 : 0) : 0;
        else
            v = s->row ? s->rows_fetched : 0;
        break;
    case SQL_ATTR_KEYSET_SIZE: v = 0; break;
    case SQL_ATTR_SIMULATE_CURSOR: v = SQL_SC_UNIQUE; break;
    case SQL_ATTR_PARAMSET_SIZE: v = s->apd->array_size; break;
    case SQL_ATTR_PARAM_BIND_TYPE: v = s->apd->bind_type; break;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR: *(SQLPOINTER *)value = s->apd->bind_offset_ptr; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_OPERATION_PTR: *(SQLPOINTER *)value = s->apd->array_status_ptr; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_STATUS_PTR: *(SQLPOINTER *)value = s->ipd_impl.array_status_ptr; return SQL_SUCCESS;
    case SQL_ATTR_PARAMS_PROCESSED_PTR: *(SQLPOINTER *)value = s->ipd_impl.rows_processed_ptr; return SQL_SUCCESS;
    default:
        return diag_set(&s->diag, SS_HY092, "attribute %d", (int)attr);
    }
    *(SQLULEN *)value = v;
    return SQL_SUCCESS;
}

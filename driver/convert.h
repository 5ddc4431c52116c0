/* convert.h - the one place where Athena's text values become C values:
 * every SQL_C_* type ODBC allows for each Athena type, with ODBC's
 * truncation, range and format rules. No allocation on this path. */
#ifndef ATHENA_CONVERT_H
#define ATHENA_CONVERT_H

#include "athena_types.h"
#include "sqlstate.h"

typedef enum cv_status {
    CV_OK = 0,
    CV_NULL,             /* the value is NULL and *ind was set to SQL_NULL_DATA */
    CV_TRUNCATED,        /* 01004 string or binary data, right truncated (success with info) */
    CV_FRACTIONAL,       /* 01S07 fractional truncation (success with info) */
    CV_NO_DATA,          /* SQLGetData called again after the whole value was returned */
    CV_ERR_NULL_NO_IND,  /* 22002 NULL but no indicator pointer */
    CV_ERR_RANGE,        /* 22003 numeric value out of range */
    CV_ERR_CHAR,         /* 22018 invalid character value for cast specification */
    CV_ERR_DATETIME,     /* 22007 invalid datetime format */
    CV_ERR_DT_OVERFLOW,  /* 22008 datetime field overflow */
    CV_ERR_INTERVAL,     /* 22015 interval field overflow */
    CV_ERR_RESTRICTED,   /* 07006 conversion not allowed between these types */
    CV_ERR_BUFFER,       /* HY090 invalid buffer length (negative for a variable-length type) */
} cv_status;

/* Where a value goes: one application buffer (after bind offsets and row
 * strides have been applied by the caller). */
typedef struct cv_target {
    SQLSMALLINT ctype;     /* SQL_C_*; SQL_C_DEFAULT is resolved here from the column */
    SQLPOINTER ptr;        /* may be NULL: only the length/indicator is written */
    SQLLEN buflen;         /* bytes available for variable-length types */
    SQLLEN *octet_len;     /* receives the length (SQL_DESC_OCTET_LENGTH_PTR), may be NULL */
    SQLLEN *ind;           /* receives SQL_NULL_DATA (SQL_DESC_INDICATOR_PTR), may be NULL; may equal octet_len */
    SQLSMALLINT precision; /* SQL_C_NUMERIC: from the ARD (0 = use the column's) */
    SQLSMALLINT scale;     /* SQL_C_NUMERIC: from the ARD */
    SQLSMALLINT interval_precision; /* SQL_C_INTERVAL_*: leading field precision (0 = 2) */
    SQLSMALLINT fraction_precision; /* SQL_C_INTERVAL_*_SECOND: seconds precision (0 = 6) */
} cv_target;

/* Progress of SQLGetData over one column of the current row, so long
 * character and binary values can be read in pieces. Zero it when the row
 * or column changes. Every piece but the last fills the buffer (ODBC:
 * "truncates it to the byte length of the buffer less the number of bytes
 * required by the null-termination character"), so a piece may end inside
 * a UTF-8 sequence or between the halves of a surrogate pair; bound columns
 * (no piece) are cut at a character boundary instead. */
typedef struct cv_piece {
    size_t offset;   /* how much of the output form was already returned (bytes of the output encoding) */
    size_t src_offset; /* where in the source text the next piece starts (bytes) */
    bool started;    /* a previous SQLGetData call on this column returned data */
    bool finished;   /* the whole value has been returned */
    uint16_t low;    /* SQL_C_WCHAR: the low half of a surrogate pair whose high half
                        ended the last piece (0: none) */
} cv_piece;

/* Converts one value. text == NULL means SQL NULL. `piece` is NULL for bound
 * columns (truncate and report the full length) and non-NULL for SQLGetData
 * (return the next piece; CV_NO_DATA once finished). For SQL_C_CHAR the
 * output is UTF-8; for SQL_C_WCHAR, UTF-16 (SQLWCHAR), with lengths in bytes
 * as ODBC specifies. */
cv_status convert_value(const athena_column *col, const char *text, size_t len,
                        const cv_target *t, cv_piece *piece);

/* What convert_value works out from the column and the C type before it
 * looks at a value, for converting many values of one column to one C type
 * (a bound column over a rowset): convert_prepare once, then
 * convert_prepared per value, which is convert_value without that work.
 * t->ctype is not looked at by convert_prepared. */
typedef struct cv_plan {
    const athena_column *col;
    int kind;              /* what the column's text is (convert.c) */
    SQLSMALLINT ctype;     /* the C type, SQL_C_DEFAULT resolved, ODBC 3 form */
    bool allowed;          /* ODBC allows this conversion */
} cv_plan;
void convert_prepare(cv_plan *p, const athena_column *col, SQLSMALLINT ctype);
cv_status convert_prepared(const cv_plan *p, const char *text, size_t len, const cv_target *t,
                           cv_piece *piece);

/* ---- the C types: one catalogue of every SQL_C_* the driver accepts */

typedef enum ctype_kind {
    CT_CHAR, CT_WCHAR, CT_BINARY, CT_BIT, CT_INT, CT_FLOAT, CT_NUMERIC,
    CT_DATE, CT_TIME, CT_TIMESTAMP, CT_INTERVAL, CT_GUID
} ctype_kind;

typedef struct ctype_info {
    SQLSMALLINT ctype;     /* SQL_C_*, ODBC 2 spellings included */
    SQLSMALLINT canon;     /* its ODBC 3 form (SQL_C_LONG -> SQL_C_SLONG, SQL_C_DATE -> SQL_C_TYPE_DATE) */
    ctype_kind kind;
    SQLLEN size;           /* bytes of one value; 0 for the variable-length types (the buffer length) */
    SQLSMALLINT verbose;   /* SQL_DESC_TYPE: SQL_DATETIME, SQL_INTERVAL, else ctype */
    SQLSMALLINT code;      /* SQL_DESC_DATETIME_INTERVAL_CODE, 0 when none */
} ctype_info;

/* The catalogue's entry of a C type; NULL for SQL_C_DEFAULT and unknown numbers. */
const ctype_info *ctype_find(SQLSMALLINT ctype);
/* The concise C type a (SQL_DESC_TYPE, SQL_DESC_DATETIME_INTERVAL_CODE)
 * pair stands for: the ODBC 3 datetime or interval type, 0 for an unknown
 * code; any other verbose type is its own concise type. */
SQLSMALLINT ctype_concise(SQLSMALLINT verbose, SQLSMALLINT code);
/* The C type SQL_C_DEFAULT stands for with this SQL type (ODBC appendix D;
 * the ODBC 2 datetime types too), for columns and parameters alike. */
SQLSMALLINT ctype_default_of(SQLSMALLINT sql_type);
/* The same for a column. */
SQLSMALLINT ctype_default(const athena_column *col);
/* Bytes one element of a bound array of ctype takes (SQL_C_DEFAULT resolved
 * from the column; the buffer length for variable-length types). */
SQLLEN ctype_element_size(const athena_column *col, SQLSMALLINT ctype, SQLLEN buflen);

/* The diagnostic a status posts: sets *id to its entry of sqlstate.h's table
 * (01004, 22003...) and returns true; false for CV_OK, CV_NULL and
 * CV_NO_DATA, which post none. */
bool cv_state(cv_status s, sqlstate_id *id);
/* True if ODBC allows converting this column's SQL type to ctype. */
bool convert_allowed(const athena_column *col, SQLSMALLINT ctype);

#endif

/* athena_types.h - Athena's column types and what ODBC reports for them. */
#ifndef ATHENA_TYPES_H
#define ATHENA_TYPES_H

#include "common.h"

typedef enum athena_type {
    AT_UNKNOWN = 0,   /* the NULL literal's type "unknown", and anything unrecognised */
    AT_BOOLEAN, AT_TINYINT, AT_SMALLINT, AT_INTEGER, AT_BIGINT,
    AT_REAL, AT_DOUBLE, AT_DECIMAL,
    AT_VARCHAR, AT_CHAR, AT_VARBINARY,
    AT_DATE, AT_TIME, AT_TIME_TZ, AT_TIMESTAMP, AT_TIMESTAMP_TZ,
    AT_INTERVAL_YM, AT_INTERVAL_DS,
    AT_ARRAY, AT_MAP, AT_ROW, AT_JSON, AT_UUID, AT_IPADDRESS,
    AT_TYPE_COUNT
} athena_type;

/* Options that change what is reported (from the connection keys). */
typedef struct type_options {
    long string_column_length;       /* StringColumnLength */
    long complex_type_column_length; /* ComplexTypeColumnLength */
    bool use_wchar;                  /* UseWCharForStringTypes */
} type_options;

/* One result column: what Athena said (ColumnInfo) and what ODBC reports. */
typedef struct athena_column {
    /* from ColumnInfo */
    char name[256];
    char label[256];
    char catalog_name[128];
    char schema_name[128];
    char table_name[128];
    char type_name[64];        /* Athena's type name as given, lower case ("varchar", "timestamp with time zone", "string") */
    int precision;
    int scale;
    SQLSMALLINT nullable;      /* SQL_NULLABLE_UNKNOWN for "UNKNOWN", SQL_NULLABLE, SQL_NO_NULLS */
    bool case_sensitive;
    /* derived by type_describe */
    athena_type type;
    SQLSMALLINT sql_type;      /* concise SQL type: SQL_INTEGER, SQL_TYPE_TIMESTAMP, SQL_WVARCHAR ... */
    SQLSMALLINT verbose_type;  /* SQL_DESC_TYPE: SQL_DATETIME for dates, SQL_INTERVAL for intervals, else sql_type */
    SQLSMALLINT datetime_sub;  /* SQL_DESC_DATETIME_INTERVAL_CODE */
    SQLULEN column_size;       /* SQLDescribeCol ColumnSize */
    SQLSMALLINT decimal_digits;/* SQLDescribeCol DecimalDigits */
    SQLLEN display_size;       /* SQL_DESC_DISPLAY_SIZE */
    SQLLEN octet_length;       /* SQL_DESC_OCTET_LENGTH */
    SQLINTEGER num_prec_radix; /* 2, 10 or 0 */
    bool unsigned_attr;        /* SQL_DESC_UNSIGNED */
    const char *literal_prefix;/* "'" for character types, "DATE '", "TIME '", "TIMESTAMP '", "X'" for varbinary, "" */
    const char *literal_suffix;
    SQLSMALLINT searchable;    /* SQL_DESC_SEARCHABLE */
} athena_column;

/* Parses an Athena (or Hive) type name: "varchar", "varchar(10)", "string",
 * "int", "decimal(10,2)", "array(integer)", "array<int>", "timestamp(6)",
 * "timestamp with time zone", "interval day to second", "row(x integer)" ...
 * Case-insensitive. */
athena_type type_from_name(const char *name);
/* Fills the derived fields of col from type_name, precision and scale. */
void type_describe(athena_column *col, const type_options *opt);
/* Canonical Athena name of a type ("integer", "timestamp with time zone"). */
const char *type_name_of(athena_type t);
/* SQL_DESC_PRECISION of a described column: fractional seconds digits for
 * time/timestamp, 0 for date, else the column size (decimal p, integer
 * digits, 24/53 bits for real/double: their NUM_PREC_RADIX is 2). */
SQLLEN type_desc_precision(const athena_column *col);
/* True for the character and binary SQL types (those with an octet length:
 * CHAR_OCTET_LENGTH, a parameter's SQL_DESC_OCTET_LENGTH). */
bool sql_type_is_char_or_binary(SQLSMALLINT sql_type);

#endif

/* param_interval.h - interval parameters: an SQL_INTERVAL_STRUCT or interval
 * text as one sign and one total (months, or seconds and nanoseconds), checked
 * against the fields and precisions of the parameter's interval SQL type and
 * written as Athena's INTERVAL '1-2' YEAR TO MONTH or
 * INTERVAL '3 04:05:06.789' DAY TO SECOND literal (see docs/parameters.md). */
#ifndef ATHENA_PARAM_INTERVAL_H
#define ATHENA_PARAM_INTERVAL_H

#include "param_literal.h"

typedef struct param_ival {
    bool neg;
    bool year_month;             /* months counts; otherwise secs and nanos */
    unsigned long long months;
    unsigned long long secs;
    unsigned long nanos;
} param_ival;

/* SQL_INTERVAL_YEAR ... SQL_INTERVAL_MINUTE_TO_SECOND (the SQL_C_INTERVAL_*
 * codes are the same numbers). */
bool param_is_interval(SQLSMALLINT type);

/* True for the interval types with a SECOND field. */
bool param_interval_has_seconds(SQLSMALLINT type);
/* The leading precision that a column size (the characters of the type's
 * text, as ODBC defines it) and seconds precision give; 0 for a column size
 * of 0 (not given), -1 when the size is too small for the fields. */
int param_interval_leading(SQLSMALLINT type, SQLULEN column_size, SQLSMALLINT seconds_precision);

/* The value of an SQL_INTERVAL_STRUCT read as C type ctype, its fraction
 * counted in c_precision digits (the APD's SQL_DESC_PRECISION). 22015 for a
 * non-leading field out of its range. */
int param_ival_from_struct(SQLSMALLINT ctype, const SQL_INTERVAL_STRUCT *in, int c_precision, param_ival *out,
                           param_error *err);

/* Text holding an interval value in the fields of sql_type ("1-2" for YEAR
 * TO MONTH, "-3 04:05:06.5" for DAY TO SECOND, "90" for MINUTE): 22018 when
 * it is not one, 22015 for a non-leading field out of range. */
int param_ival_from_text(SQLSMALLINT sql_type, const char *s, size_t n, param_ival *out, param_error *err);

/* The value as text in the fields of type (as param_ival_from_text reads
 * it); false when a field would be cut (the value needs fields type lacks). */
bool param_ival_text(const param_ival *v, SQLSMALLINT type, char *out, size_t cap);

/* Appends the Athena literal of v as a parameter of target t's interval
 * type: 07006 across the year-month / day-time families, 22015 when a field
 * would be cut or the leading field has more digits than the leading
 * precision. */
int param_ival_literal(const param_ival *v, const param_target *t, strbuf *out, param_error *err);

#endif

/* sql_escape.h - ODBC escape sequences ({d}, {t}, {ts}, {fn}, {oj}, {escape},
 * {INTERVAL}, {guid}) translated into Athena (Trino) SQL, and the SQLGetInfo
 * bitmasks that describe what the translation supports. docs/sql-escapes.md
 * has the full table. */
#ifndef ATHENA_SQL_ESCAPE_H
#define ATHENA_SQL_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "strbuf.h"

/* Translates the ODBC escape sequences of sql (len bytes) into Athena SQL, appending to out.
 * Returns 0, or -1 with err set: AE_SYNTAX (42000) with a message naming the position and the problem;
 * a {call}/{?= call} escape also gives AE_SYNTAX with "Athena has no stored procedures: ...". Text without
 * escapes is copied byte for byte. No global state; thread-safe.
 * Positions in messages are 1-based and count characters (UTF-8 code points).
 * On failure out is left as it was before the call. */
int sql_translate(const char *sql, size_t len, strbuf *out, athena_error *err);

/* The bitmasks SQLGetInfo reports, from the same tables the translator uses (one source of truth):
 * SQL_STRING_FUNCTIONS, SQL_NUMERIC_FUNCTIONS, SQL_TIMEDATE_FUNCTIONS, SQL_SYSTEM_FUNCTIONS, SQL_CONVERT_FUNCTIONS,
 * SQL_TIMEDATE_ADD_INTERVALS, SQL_TIMEDATE_DIFF_INTERVALS, and SQL_CONVERT_<type> for each SQL type.
 * Returns false for any other info type. */
bool sql_escape_info(unsigned short info_type, unsigned int *mask);

#endif

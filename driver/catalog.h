/* catalog.h - the catalog functions: SQLTables and SQLColumns over Athena's
 * metadata calls, and the result sets Athena has nothing for (keys,
 * indexes, procedures, privileges): empty, with exactly ODBC's columns. */
#ifndef ATHENA_CATALOG_H
#define ATHENA_CATALOG_H

#include "handles.h"

typedef enum {
    CF_TABLES,             /* catalog, schema, table, table types */
    CF_COLUMNS,            /* catalog, schema, table, column */
    CF_PRIMARY_KEYS,       /* catalog, schema, table */
    CF_FOREIGN_KEYS,       /* pk catalog, schema, table, fk catalog, schema, table */
    CF_STATISTICS,         /* catalog, schema, table; opt: unique, reserved */
    CF_SPECIAL_COLUMNS,    /* catalog, schema, table; opt: identifier type, scope, nullable */
    CF_PROCEDURES,         /* catalog, schema, procedure */
    CF_PROCEDURE_COLUMNS,  /* catalog, schema, procedure, column */
    CF_TABLE_PRIVILEGES,   /* catalog, schema, table */
    CF_COLUMN_PRIVILEGES,  /* catalog, schema, table, column */
} catalog_fn;

#define CATALOG_MAX_ARGS 6

/* Runs one catalog function on s: args are its string arguments in order
 * (UTF-8, NULL for a null pointer), opt its numeric ones. */
SQLRETURN catalog_call(athena_stmt *s, catalog_fn fn, const char *const args[CATALOG_MAX_ARGS],
                       const SQLUSMALLINT opt[3]);

#endif

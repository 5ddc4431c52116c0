/* catalog_pattern.h - the arguments of the catalog functions: ODBC search
 * patterns (%, _ and the escape SQLGetInfo(SQL_SEARCH_PATTERN_ESCAPE)
 * reports), identifiers (SQL_ATTR_METADATA_ID), ordinary arguments, and
 * the pushdown of a table-name pattern to ListTableMetadata's Expression.
 * Names compare case-insensitively, as Athena's names do. */
#ifndef ATHENA_CATALOG_PATTERN_H
#define ATHENA_CATALOG_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

#define CAT_ESCAPE '\\'

typedef enum {
    CA_ANY,      /* NULL, or a pattern of only '%': every name */
    CA_EXACT,    /* one name (a pattern without wildcards, an identifier, an ordinary argument) */
    CA_PATTERN,  /* a search pattern with wildcards */
} cat_arg_kind;

typedef enum {
    CAT_ORDINARY,  /* taken literally */
    CAT_PATTERN,   /* a search pattern unless SQL_ATTR_METADATA_ID is true */
} cat_arg_role;

typedef struct cat_arg {
    cat_arg_kind kind;
    char *text;    /* CA_EXACT: the name; CA_PATTERN: the pattern; NULL for CA_ANY */
} cat_arg;

/* Interprets one argument (UTF-8, NULL = not given). With metadata_id the
 * argument is an identifier: surrounding blanks are dropped, and a quoted
 * identifier loses its quotes ("" inside stands for "). 0, or -1 when out
 * of memory. */
int cat_arg_init(cat_arg *a, const char *raw, cat_arg_role role, bool metadata_id);
void cat_arg_free(cat_arg *a);
bool cat_arg_matches(const cat_arg *a, const char *name);
/* True if name matches the search pattern (case-insensitive; '_' is one
 * UTF-8 character). */
bool cat_pattern_match(const char *pattern, const char *name);
/* A regular expression for ListTableMetadata's Expression that every name
 * the argument matches also matches (the driver still filters exactly), or
 * false when no safe one exists (then every table is asked for). */
bool cat_arg_expression(const cat_arg *a, char *out, size_t cap);

#endif

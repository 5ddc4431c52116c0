/* catalog_columns.h - SQLColumns' result source: rows made one at a time
 * from the catalog walk, so an application reading the columns of 2,000
 * tables holds one database's metadata, never the whole result. */
#ifndef ATHENA_CATALOG_COLUMNS_H
#define ATHENA_CATALOG_COLUMNS_H

#include "catalog_walk.h"
#include "result_source.h"

/* Takes over the walk (walk_free'd by close, or on failure). The first row
 * is looked for at once, so that a catalog that cannot be read fails the
 * SQLColumns call itself. NULL with err on failure. */
result_source *columns_source_open(catalog_walk *walk, const type_options *types, SQLINTEGER odbc_version,
                                   athena_error *err);

/* The SQLColumns view of one Glue column type, through type_describe. */
void columns_describe(const char *glue_type, const type_options *types, athena_column *out);

#endif

# RODBC's catalog functions: sqlTables (SQLTables with RODBC's arguments and
# ODBC's enumerations), sqlColumns (SQLColumns after odbcTableExists' own
# SQLTables), sqlPrimaryKeys and special columns (empty: Athena has no keys),
# and sqlFetch, which finds the table through SQLTables before its SELECT.
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "athena_test.R"))
source(file.path(here, "all_types_expected.R"))

TABLES <- c("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS")
tables <- function(cat, schem, name, type, remarks) {
    n <- max(length(cat), length(schem), length(name), length(type))
    d <- data.frame(rep(cat, length.out = n), rep(schem, length.out = n), rep(name, length.out = n),
                    rep(type, length.out = n), rep(remarks, length.out = n))
    names(d) <- TABLES
    d
}
NA_chr <- NA_character_

ch <- athena_connect()

# ---- sqlTables
# RODBC passes NULL for every argument not given: the current catalog
# (AwsDataCatalog), every database, every table; ordered by type, then name.
is_df(sqlTables(ch),
      tables("AwsDataCatalog", "sampledb", c("all_types", "elb_logs", "impressions", "numbers", "elb_errors"),
             c(rep("TABLE", 4), "VIEW"), c(rep(NA_chr, 4), "Presto View")),
      "sqlTables: every table and view of sampledb")
is_df(sqlTables(ch, tableType = "VIEW"),
      tables("AwsDataCatalog", "sampledb", "elb_errors", "VIEW", "Presto View"), "sqlTables: tableType VIEW")
is_same(sqlTables(ch, tableType = "TABLE")$TABLE_NAME, c("all_types", "elb_logs", "impressions", "numbers"),
      "sqlTables: tableType TABLE")
is_same(sqlTables(ch, tableType = c("TABLE", "VIEW"))$TABLE_NAME,
        c("all_types", "elb_logs", "impressions", "numbers", "elb_errors"), "sqlTables: tableType c(TABLE, VIEW)")
is_same(sqlTables(ch, schema = "sampledb", tableName = "elb%")$TABLE_NAME, c("elb_logs", "elb_errors"),
        "sqlTables: a table name pattern")
is_same(sqlTables(ch, schema = "SampleDB", tableName = "ALL_TYPES")$TABLE_NAME, "all_types",
        "sqlTables: names match without regard to case")
is_same(nrow(sqlTables(ch, schema = "default")), 0L, "sqlTables: an empty database")
# ODBC's enumerations: SQL_ALL_CATALOGS, SQL_ALL_SCHEMAS, SQL_ALL_TABLE_TYPES
is_df(sqlTables(ch, catalog = "%", schema = "", tableName = ""),
      tables("AwsDataCatalog", NA_chr, NA_chr, NA_chr, NA_chr), "sqlTables: SQL_ALL_CATALOGS")
is_df(sqlTables(ch, catalog = "", schema = "%", tableName = ""),
      tables(NA_chr, c("default", "sampledb"), NA_chr, NA_chr, NA_chr), "sqlTables: SQL_ALL_SCHEMAS")
is_df(sqlTables(ch, catalog = "", schema = "", tableName = "", tableType = "%"),
      tables(NA_chr, NA_chr, NA_chr, c("TABLE", "VIEW"), NA_chr), "sqlTables: SQL_ALL_TABLE_TYPES")

# ---- sqlColumns
# the 18 columns of ODBC 3; the types as SQLDescribeCol describes a SELECT *
# of the table (docs/types.md, docs/catalog.md)
COLUMNS18 <- c("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
               "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF",
               "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE")
N9 <- rep(NA, 9)
data_type <- c(4L, -7L, -6L, 5L, 4L, -5L, 7L, 8L, 3L, 3L, 12L, 12L, 1L, -3L, 91L, 92L, 93L, rep(12L, 10))
text_octets <- c(1020L, 40L, 20L, 255L, NA, NA, NA, 56L, rep(262140L, 5), 36L, 39L, 13L, 26L)
ALL_TYPES_COLUMNS <- data.frame(
    TABLE_CAT = "AwsDataCatalog", TABLE_SCHEM = "sampledb", TABLE_NAME = "all_types", COLUMN_NAME = COLUMNS,
    DATA_TYPE = data_type,
    TYPE_NAME = c("integer", "boolean", "tinyint", "smallint", "integer", "bigint", "real", "double", "decimal",
                  "decimal", "varchar", "varchar", "char", "varbinary", "date", "time", "timestamp",
                  "timestamp with time zone", "array", "array", "map", "row", "json", "uuid", "ipaddress",
                  "interval year to month", "interval day to second"),
    COLUMN_SIZE = c(10L, 1L, 3L, 5L, 10L, 19L, 24L, 53L, 10L, 38L, 255L, 10L, 5L, 255L, 10L, 12L, 23L, 56L,
                    rep(65535L, 5), 36L, 39L, 13L, 26L),
    BUFFER_LENGTH = c(4L, 1L, 1L, 2L, 4L, 20L, 4L, 8L, 12L, 40L, text_octets[1:4], 6L, 6L, 16L, text_octets[8:17]),
    DECIMAL_DIGITS = c(0L, NA, 0L, 0L, 0L, 0L, NA, NA, 2L, 9L, NA, NA, NA, NA, NA, 3L, 3L, rep(NA, 10)),
    NUM_PREC_RADIX = c(10L, NA, 10L, 10L, 10L, 10L, 2L, 2L, 10L, 10L, rep(NA, 17)),
    NULLABLE = 1L, REMARKS = NA_chr, COLUMN_DEF = NA_chr,
    SQL_DATA_TYPE = c(data_type[1:14], 9L, 9L, 9L, data_type[18:27]),
    SQL_DATETIME_SUB = c(rep(NA, 14), 1L, 2L, 3L, rep(NA, 10)),
    CHAR_OCTET_LENGTH = c(rep(NA, 10), text_octets),
    ORDINAL_POSITION = 1:27, IS_NULLABLE = "YES")
cols <- sqlColumns(ch, "all_types")
is_same(names(cols), COLUMNS18, "sqlColumns: ODBC 3's 18 columns")
is_df(cols, ALL_TYPES_COLUMNS, "sqlColumns(ch, \"all_types\"): every column described")
is_df(sqlColumns(ch, "all_types", schema = "sampledb"), ALL_TYPES_COLUMNS, "sqlColumns with schema = \"sampledb\"")
is_same(sqlColumns(ch, "impressions")[, c("COLUMN_NAME", "TYPE_NAME", "ORDINAL_POSITION")],
        data.frame(COLUMN_NAME = c("requestbegintime", "adid", "impressionid", "referrer", "useragent", "usercookie",
                                   "ip", "number", "dt"),
                   TYPE_NAME = c(rep("varchar", 7), "integer", "varchar"), ORDINAL_POSITION = 1:9),
        "sqlColumns: the partition key dt comes last")
is_same(sqlColumns(ch, "elb_errors")$COLUMN_NAME, c("request_timestamp", "elb_name", "elb_response_code", "url"),
        "sqlColumns of a view")
err <- tryCatch(sqlColumns(ch, "no_such_table"), error = conditionMessage)
is_same(err, "'no_such_table': table not found on channel", "sqlColumns of an unknown table: RODBC's error")

# ---- no keys, no special columns: empty results with ODBC's columns
pk <- sqlPrimaryKeys(ch, "all_types")
is_same(list(names(pk), nrow(pk)),
        list(c("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"), 0L), "sqlPrimaryKeys")
special <- sqlColumns(ch, "all_types", special = TRUE)
is_same(list(names(special), nrow(special)),
        list(c("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS",
               "PSEUDO_COLUMN"), 0L), "sqlColumns(special = TRUE): SQLSpecialColumns")

# ---- sqlFetch: SQLTables finds the table, then SELECT * FROM it
d <- sqlFetch(ch, "sampledb.all_types")
is_same(names(d), COLUMNS, "sqlFetch(ch, \"sampledb.all_types\"): column names")
is_same(nrow(d), 12L, "sqlFetch: 12 rows")
check_columns(d, CONVERTED, "sqlFetch:")
# without the database: SQLTables over every database, then SELECT * FROM "all_types"
# in the connection's Schema
is_same(sqlFetch(ch, "all_types", as.is = TRUE)[order(d$id), "c_decimal_wide"], TEXT$c_decimal_wide,
        "sqlFetch(ch, \"all_types\", as.is = TRUE)")
codes <- sqlFetch(ch, "elb_errors", as.is = TRUE)$elb_response_code
is_same(as.list(table(codes)), list("500" = 500L, "503" = 500L), "sqlFetch of a view: 1,000 rows")
odbcClose(ch)
done_testing()

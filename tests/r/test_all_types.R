# RODBC: every column of sampledb.all_types, exactly, through sqlQuery with
# RODBC's default conversions and with as.is = TRUE (the driver's text).
# test_catalog.R checks sqlFetch against the same values.
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "athena_test.R"))
source(file.path(here, "all_types_expected.R"))

ch <- athena_connect()
d <- sqlQuery(ch, "SELECT * FROM sampledb.all_types ORDER BY id")
is_same(names(d), COLUMNS, "sqlQuery: column names")
is_same(d$id, 1:12, "sqlQuery: rows in id order")
check_columns(d, CONVERTED, "sqlQuery:")

d <- sqlQuery(ch, "SELECT * FROM sampledb.all_types ORDER BY id", as.is = TRUE)
is_same(names(d), COLUMNS, "sqlQuery as.is: column names")
is_same(d$id, 1:12, "sqlQuery as.is: rows in id order")
check_columns(d, TEXT, "sqlQuery as.is:")

# NULL and '' stay apart in text columns (with as.is = TRUE: type.convert
# would turn a column of only NULL and '' into logical NAs)
is_df(sqlQuery(ch, "SELECT id, c_varchar FROM sampledb.all_types WHERE id IN (4, 5) ORDER BY id", as.is = TRUE),
      data.frame(id = 4:5, c_varchar = c(NA, "")), "NULL is NA, '' is ''")
odbcClose(ch)
done_testing()

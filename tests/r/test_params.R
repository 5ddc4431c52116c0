# RODBC's parameterised path: sqlSave(fast = TRUE) into an existing table
# calls odbcUpdate, which prepares INSERT INTO t (...) VALUES (?, ?, ?, ?) once,
# binds integer columns as SQL_C_SLONG, double columns as SQL_C_DOUBLE and the
# others (character, Date) as SQL_C_CHAR with the SQL types sqlColumns gives,
# NA as SQL_NULL_DATA, then runs SQLExecute for every row of the data frame.
# The rows read back must be the data frame, exactly.
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "athena_test.R"))

ch <- athena_connect()
tbl <- sprintf("r_params_%d", Sys.getpid())
res <- sqlQuery(ch, paste0("CREATE TABLE ", tbl, " AS SELECT CAST(NULL AS integer) AS id, ",
                           "CAST(NULL AS double) AS x, CAST(NULL AS varchar) AS s, CAST(NULL AS date) AS d ",
                           "WHERE 1 = 0"), errors = FALSE)
ok(!identical(res, -1L), "CREATE TABLE AS SELECT an empty table")

want <- data.frame(
    id = c(1L, 2L, 3L, 4L, -2147483647L),
    x = c(1.5, -0.1, 1e300, NA, 0),
    s = c("it's", "'; DROP TABLE x; --", "caf\u00e9 \u2019 \U0001F600", NA, "back\\slash ?"),
    # (R writes year 1 as "1-01-01", which is not a date literal: years from 1000 here)
    d = as.Date(c("2024-02-29", "1970-01-01", "9999-12-31", NA, "1900-01-01")),
    stringsAsFactors = FALSE)
res <- tryCatch(sqlSave(ch, want, tablename = tbl, append = TRUE, fast = TRUE, rownames = FALSE),
                error = function(e) { cat("# ", conditionMessage(e), "\n"); -1L })
ok(identical(res, 1L), "sqlSave(fast = TRUE): one prepared INSERT run for each of 5 rows")
if (!identical(res, 1L)) cat("# ", odbcGetErrMsg(ch), "\n")

got <- sqlQuery(ch, paste("SELECT id, x, s, d FROM", tbl, "ORDER BY id DESC"), stringsAsFactors = FALSE)
got <- got[order(got$id), ]
exp <- want[order(want$id), ]
is_df(got, exp, "integer, double, character with quotes and Unicode, NA as NULL, Date: exactly")
is_same(sqlQuery(ch, paste("SELECT count(*) AS n FROM", tbl, "WHERE s IS NULL AND x IS NULL AND d IS NULL")),
        data.frame(n = 1L), "NA arrives as NULL")

# the same prepared statement again, appending to the rows already there
res <- sqlSave(ch, want[1:2, ], tablename = tbl, append = TRUE, fast = TRUE, rownames = FALSE)
ok(identical(res, 1L), "sqlSave again: two more rows")
is_same(sqlQuery(ch, paste("SELECT id, count(*) AS n FROM", tbl, "GROUP BY id ORDER BY id")),
        data.frame(id = c(-2147483647L, 1L, 2L, 3L, 4L), n = c(1L, 2L, 2L, 1L, 1L)), "seven rows")

is_same(sqlQuery(ch, paste("DROP TABLE", tbl)), character(0), "DROP TABLE")
odbcClose(ch)
done_testing()

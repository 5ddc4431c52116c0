# RODBC: all 1,000,000 rows of sampledb.numbers in one sqlQuery (RODBC's
# default block of 100 rows per SQLFetch), with the time it took printed.
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "athena_test.R"))

ch <- athena_connect()
elapsed <- system.time(d <- sqlQuery(ch, "SELECT n, n_text, half FROM sampledb.numbers"))[["elapsed"]]
cat(sprintf("# 1,000,000 rows x 3 columns in %.1f s (%.0f rows/s)\n", elapsed, 1e6 / elapsed))
is_same(nrow(d), 1000000L, "1,000,000 rows")
is_same(lapply(d, typeof), list(n = "integer", n_text = "integer", half = "double"),
        "bigint and its text become integers in R, double stays double")
o <- order(d$n)
is_same(d$n[o], 1:1000000, "every n")
is_same(d$n_text[o], 1:1000000, "every n_text")
is_same(d$half[o], (1:1000000) / 2, "every half")
odbcClose(ch)
done_testing()

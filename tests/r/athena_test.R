# tests/r/athena_test.R - what the RODBC tests share: TAP output (ok / not ok
# lines and a 1..N plan, counted by ./run-tests) and connections to the DSN
# ./run-tests registers (ATHENA_TEST_DSN) or, DSN-less, to athena-local
# (ATHENA_LOCAL_URL). Sourced by each test_*.R.
suppressPackageStartupMessages(library(RODBC))
Sys.setenv(TZ = "UTC")  # RODBC turns timestamps into POSIXct in the local time zone
options(useFancyQuotes = FALSE)  # RODBC's messages quote names with sQuote()

tap_count <- 0L
tap_failed <- 0L

ok <- function(cond, name) {
    tap_count <<- tap_count + 1L
    good <- isTRUE(cond)
    if (!good) tap_failed <<- tap_failed + 1L
    cat(if (good) "ok " else "not ok ", tap_count, " - ", name, "\n", sep = "")
    invisible(good)
}

diag_lines <- function(label, x) {
    cat(paste0("#   ", label, ": ", capture.output(dput(x)), collapse = "\n"), "\n", sep = "")
}

# is_same(got, want, name): identical() values, types and attributes; on a
# failure prints both with dput() as TAP comments.
is_same <- function(got, want, name) {
    good <- ok(identical(got, want), name)
    if (!good) {
        diag_lines("got", got)
        diag_lines("expected", want)
    }
    invisible(good)
}

# is_df(got, want, name): a data frame with exactly these columns (names,
# types, values); the form of its row names is not compared.
is_df <- function(got, want, name) {
    good <- ok(is.data.frame(got) && identical(as.list(got), as.list(want)), name)
    if (!good) {
        diag_lines("got", if (is.data.frame(got)) as.list(got) else got)
        diag_lines("expected", as.list(want))
    }
    invisible(good)
}

done_testing <- function() {
    cat("1..", tap_count, "\n", sep = "")
    quit(status = if (tap_failed > 0L) 1L else 0L, save = "no")
}

athena_dsn <- function() {
    dsn <- Sys.getenv("ATHENA_TEST_DSN")
    if (nzchar(dsn)) dsn else "athena-local"
}

# The DSN carries the credentials: no user name or password here.
athena_connect <- function(...) odbcConnect(athena_dsn(), ...)

# The AWS documentation's example key pair, which athena-local accepts.
athena_dsnless <- function() {
    paste0("DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=", Sys.getenv("ATHENA_LOCAL_URL"),
           ";UID=AKIAIOSFODNN7EXAMPLE;PWD={wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}",
           ";S3OutputLocation=s3://athena-local-results/r/")
}

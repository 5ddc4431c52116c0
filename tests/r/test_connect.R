# RODBC: connecting by DSN (odbcConnect) and DSN-less (odbcDriverConnect),
# plain queries and the error messages RODBC hands to R.
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "athena_test.R"))

ch <- athena_connect()
ok(inherits(ch, "RODBC"), "odbcConnect by DSN")
info <- odbcGetInfo(ch)
is_same(unname(info[c("DBMS_Name", "Data_Source_Name", "Driver_Name", "Driver_ODBC_Ver")]),
        c("Amazon Athena", athena_dsn(), "libathenaodbc.so", "03.80"), "odbcGetInfo")
is_df(sqlQuery(ch, "SELECT 1 AS one, 'é日本😀' AS text, CAST(NULL AS varchar) AS nothing"),
        data.frame(one = 1L, text = "é日本😀", nothing = NA), "a SELECT without a table")

# Errors: sqlQuery returns the diagnostic records as text
# ("SQLSTATE native-error message") and RODBC's own line.
is_same(sqlQuery(ch, "SELECT * FROM sampledb.no_such_table"),
        c(paste("42S02 0 [Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15:",
                "Table 'awsdatacatalog.sampledb.no_such_table' does not exist"),
          "[RODBC] ERROR: Could not SQLExecDirect 'SELECT * FROM sampledb.no_such_table'"),
        "unknown table: SQLSTATE 42S02 and Athena's message")
err <- sqlQuery(ch, "SELEC 1")
ok(length(err) == 2L && startsWith(err[1], paste("42000 400 [Athena ODBC][Athena]InvalidRequestException:",
                                                 "line 1:1: mismatched input 'SELEC'.")),
   "syntax error: SQLSTATE 42000 and Athena's message")
is_same(sqlQuery(ch, "SELECT 1 / 0", errors = FALSE), -1L, "errors = FALSE: -1")
is_same(odbcGetErrMsg(ch)[1], "22012 0 [Athena ODBC][Athena]DIVISION_BY_ZERO: Division by zero",
        "odbcGetErrMsg after a failed query")
ok(odbcClose(ch), "odbcClose")

# DSN-less: the keys in the connection string; RODBC keeps the driver's
# completed connection string, which holds no secret.
ch <- odbcDriverConnect(athena_dsnless())
ok(inherits(ch, "RODBC"), "odbcDriverConnect without a DSN")
is_same(attr(ch, "connection.string"),
        paste0("DRIVER=Athena ODBC;AwsRegion=us-east-1;S3OutputLocation=s3://athena-local-results/r/;",
               "UID=AKIAIOSFODNN7EXAMPLE;EndpointOverride=", Sys.getenv("ATHENA_LOCAL_URL"), ";"),
        "the completed connection string, without the secret key")
# bigint arrives as text and R's type.convert makes an integer of it when it fits
is_df(sqlQuery(ch, "SELECT count(*) AS n FROM sampledb.numbers"), data.frame(n = 1000000L), "count(*)")
odbcClose(ch)

# RODBC sizes its text buffers from the column size (at least 256 bytes, at
# most 65535) and keeps what fits without a word. An unbounded varchar reports
# StringColumnLength (255 by default); raising it lets longer text through.
ch <- odbcDriverConnect(paste0("DSN=", athena_dsn(), ";StringColumnLength=65535"))
is_same(nchar(sqlQuery(ch, "SELECT rpad('', 1000, 'x') AS s")$s), 1000L,
        "StringColumnLength=65535: a 1,000-character varchar arrives whole")
odbcClose(ch)

# A bad key value: odbcDriverConnect warns with the driver's message and returns -1.
warnings <- character(0)
res <- withCallingHandlers(odbcDriverConnect(paste0("DSN=", athena_dsn(), ";RowsToFetchPerBlock=abc")),
                           warning = function(w) {
                               warnings <<- c(warnings, conditionMessage(w))
                               invokeRestart("muffleWarning")
                           })
is_same(res, -1L, "connection refused: -1")
is_same(warnings, c(paste("[RODBC] ERROR: state HY024, code 0, message [Athena ODBC][Driver]Invalid value 'abc'",
                          "for RowsToFetchPerBlock: expected an integer from 1 to 1000"),
                    "ODBC connection failed"), "connection refused: the driver's message")
done_testing()

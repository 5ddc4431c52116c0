# tests/r/all_types_expected.R - every column of sampledb.all_types as R gets
# it through RODBC, for test_all_types.R (sqlQuery) and test_catalog.R
# (sqlFetch). The values are those of tests/athena-local/src/engine/README.md
# and docs/types.md.
#
# RODBC binds SQL_INTEGER and SQL_SMALLINT as C ints, SQL_REAL as float,
# SQL_DOUBLE as double, binary types as bytes and everything else as text,
# which it converts afterwards unless as.is = TRUE (type.convert, as.Date,
# as.POSIXct). Two limits are R's own (docs/clients.md): -2147483648 is R's
# NA_integer_, and RODBC makes a NULL varbinary an empty raw vector, like ''.

# twelve rows: the values given, then NULLs
col12 <- function(...) { v <- c(...); c(v, rep(NA, 12L - length(v))) }
# doubles compared through their 17 significant digits (exact for a double)
digits17 <- function(x) list(typeof(x), sprintf("%.17g", x))

COLUMNS <- c("id", "c_boolean", "c_tinyint", "c_smallint", "c_integer", "c_bigint", "c_real", "c_double",
             "c_decimal", "c_decimal_wide", "c_varchar", "c_varchar10", "c_char", "c_varbinary", "c_date",
             "c_time", "c_timestamp", "c_timestamp_tz", "c_array_int", "c_array_varchar", "c_map", "c_row",
             "c_json", "c_uuid", "c_ipaddress", "c_interval_ym", "c_interval_ds")

# the columns whose R value is the same in both ways of reading
COMMON <- list(
    id = 1:12,
    c_smallint = col12(100L, -32768L, 32767L, NA, 0L, 42L, -1L),
    c_integer = col12(1000L, NA, 2147483647L, NA, 0L, 42L, -1L),   # -2147483648 is NA_integer_
    c_real = digits17(col12(1.5, -3.4028234663852886e+38, 3.4028234663852886e+38, NA, 0, NaN, Inf, -Inf,
                            0x1.99999ap-4, 0x1.4f8b58p-17, 16777216, 0x1p-149)),
    c_double = digits17(c(2.25, -1.7976931348623157e+308, 1.7976931348623157e+308, NA, 0, 1e-4, -Inf, 1e7,
                          123456.789, 0.001, 9.999999e-4, 4.9406564584124654e-324)),
    c_varchar = c("hello", "A", "zzzzzzzzzz", NA, "", "quote \" comma , tab \t newline \n é ü 日本 😀",
                  "line1\r\nline2", "  padded  ", ",", "\"", "\t", "\n"),
    c_varchar10 = col12("short", "a", "zzzzzzzzzz", NA, "", "é日本😀", "x"),
    c_char = col12("ab   ", "a    ", "zzzzz", NA, "     ", "ü😀   ", "x    "),
    c_varbinary = structure(c(list(as.raw(c(0x61, 0x62, 0x63)), as.raw(0x00), as.raw(0xff), raw(0), raw(0),
                                   as.raw(c(0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80))), rep(list(raw(0)), 6L)),
                            class = "ODBC_binary"),
    c_time = col12("01:02:03.456", "00:00:00.000", "23:59:59.999", NA, "00:00:00.000", "12:00:00.000"),
    c_timestamp_tz = col12("2017-01-01 00:00:00.000 UTC", "1970-01-01 00:00:00.000 UTC", "9999-12-31 23:59:59.999 UTC",
                           NA, "1970-01-01 00:00:00.000 UTC", "2000-02-29 12:00:00.500 UTC"),
    c_array_int = col12("[1, 2, 3]", "[-2147483648]", "[2147483647, -2147483648, 0]", NA, "[]", "[1, null, 3]", "[null]"),
    c_array_varchar = col12("[a, b]", "[A]", "[x, y, z]", NA, "[]", "[a,b, c\"d, null, ]", "[null]"),
    c_map = col12("{a=1, b=2}", "{a=-2147483648}", "{z=2147483647}", NA, "{}", "{k\"ey=null, é=1}", "{n=null}"),
    c_row = col12("{x=1, y=abc}", "{x=-2147483648, y=A}", "{x=2147483647, y=z}", NA, "{x=0, y=}", "{x=null, y=日本}",
                  "{x=null, y=null}"),
    c_json = col12("{\"a\":1,\"b\":[1,2]}", "[]", "{\"max\":1.7976931348623157E308}", NA, "{}",
                   "{\"k\":\"日本 😀\",\"q\":\"\\\"\"}", "null"),
    c_uuid = col12("123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000001",
                   "ffffffff-ffff-ffff-ffff-ffffffffffff", NA, "00000000-0000-0000-0000-000000000000",
                   "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
    c_ipaddress = col12("192.168.0.1", "0.0.0.0", "2001:db8::1", NA, "::", "2001:db8:85a3::8a2e:370:7334"),
    c_interval_ym = col12("1-2", "-1-6", "178956970-7", NA, "0-0", "1-0"),
    c_interval_ds = col12("2 03:04:05.678", "-1 00:00:00.001", "9999 23:59:59.999", NA, "0 00:00:00.000",
                          "0 00:00:00.001"))

timestamps <- col12("2017-01-01 12:34:56.789", "0001-01-01 00:00:00.000", "9999-12-31 23:59:59.999", NA,
                    "1970-01-01 00:00:00.000", "2000-02-29 12:00:00.000")
dates <- col12("2017-01-02", "0001-01-01", "9999-12-31", NA, "1970-01-01", "2000-02-29")

# sqlFetch's default conversions: integers, numbers, Date and POSIXct
CONVERTED <- c(COMMON, list(
    c_boolean = col12(1L, 0L, 1L, NA, 0L, 1L, 0L),
    c_tinyint = col12(1L, -128L, 127L, NA, 0L, 42L, -1L),
    c_bigint = digits17(col12(1e5, -2^63, 2^63, NA, 0, 42, -1)),   # beyond 2^53 a double rounds
    c_decimal = col12(12.5, -99999999.99, 99999999.99, NA, 0, -0.1, 0.01),
    c_decimal_wide = col12(12345.6789, -1e29, 1e29, NA, 0, 1e-9, -1e-9),
    c_date = as.Date(dates),
    c_timestamp = as.POSIXct(timestamps)))

# as.is = TRUE: the text the driver wrote
TEXT <- c(COMMON, list(
    c_boolean = col12("1", "0", "1", NA, "0", "1", "0"),
    c_tinyint = col12("1", "-128", "127", NA, "0", "42", "-1"),
    c_bigint = col12("100000", "-9223372036854775808", "9223372036854775807", NA, "0", "42", "-1"),
    c_decimal = col12("12.50", "-99999999.99", "99999999.99", NA, "0.00", "-0.10", "0.01"),
    c_decimal_wide = col12("12345.678900000", "-99999999999999999999999999999.999999999",
                           "99999999999999999999999999999.999999999", NA, "0.000000000", "0.000000001",
                           "-0.000000001"),
    c_date = dates,
    c_timestamp = timestamps))

# check_columns(d, want, how): each column of d in id order against want
check_columns <- function(d, want, how) {
    o <- order(d$id)
    for (name in COLUMNS) {
        got <- d[[name]][o]
        oldClass(got) <- oldClass(d[[name]])   # `[` drops the ODBC_binary class
        if (is.list(want[[name]]) && !inherits(want[[name]], "ODBC_binary")) got <- digits17(got)
        is_same(got, want[[name]], paste(how, name))
    }
}

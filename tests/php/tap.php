<?php
// tap.php - what the PHP client tests share: TAP output (ok, is_same, done),
// the connection strings ($dsn, $dsnless)
// and the rows of sampledb.all_types as the driver's text forms
// (docs/types.md), which PHP's odbc_* functions and PDO_ODBC both fetch as
// SQL_C_CHAR (binary columns: see all_types_expected).

$count = 0;
$failed = 0;

// The DSN ./run-tests registers, and a DSN-less string with the same keys:
// athena-local's address and the AWS documentation's example key pair, which
// athena-local accepts.
$dsn = getenv("ATHENA_TEST_DSN") ?: "athena-local";
$dsnless = "DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=" . getenv("ATHENA_LOCAL_URL")
    . ";UID=AKIAIOSFODNN7EXAMPLE;PWD={wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}"
    . ";S3OutputLocation=s3://athena-local-results/php/";

function ok($cond, $name, $diag = [])
{
    global $count, $failed;
    $count++;
    if (!$cond) {
        $failed++;
    }
    echo ($cond ? "ok" : "not ok"), " $count - $name\n";
    if (!$cond) {
        foreach ($diag as $line) {
            echo "#   $line\n";
        }
    }
    return $cond;
}

function is_same($got, $want, $name)
{
    return ok($got === $want, $name, ["got:      " . var_export($got, true), "expected: " . var_export($want, true)]);
}

// Prints the plan and ends the script.
function done()
{
    global $count, $failed;
    echo "1..$count\n";
    exit($failed ? 1 : 0);
}

const ALL_TYPES_COLUMNS = ["id", "c_boolean", "c_tinyint", "c_smallint", "c_integer", "c_bigint", "c_real",
    "c_double", "c_decimal", "c_decimal_wide", "c_varchar", "c_varchar10", "c_char", "c_varbinary", "c_date", "c_time", "c_timestamp",
    "c_timestamp_tz", "c_array_int", "c_array_varchar", "c_map", "c_row", "c_json", "c_uuid", "c_ipaddress",
    "c_interval_ym", "c_interval_ds"];

// The 12 rows of all_types; $bin gives what the client makes of a varbinary
// value's bytes (ext/odbc: the bytes; PDO_ODBC: hexadecimal text).
function all_types_expected(callable $bin)
{
    $N = null;
    $n16 = array_fill(0, 16, $N);
    return [
        ["1", "1", "1", "100", "1000", "100000", "1.5", "2.25", "12.50", "12345.678900000", "hello", "short", "ab   ",
         $bin("abc"), "2017-01-02", "01:02:03.456", "2017-01-01 12:34:56.789", "2017-01-01 00:00:00.000 UTC", "[1, 2, 3]",
         "[a, b]", "{a=1, b=2}", "{x=1, y=abc}", '{"a":1,"b":[1,2]}', "123e4567-e89b-12d3-a456-426614174000",
         "192.168.0.1", "1-2", "2 03:04:05.678"],
        ["2", "0", "-128", "-32768", "-2147483648", "-9223372036854775808", "-3.4028235E38", "-1.7976931348623157E308",
         "-99999999.99", "-99999999999999999999999999999.999999999", "A", "a", "a    ", $bin("\x00"), "0001-01-01",
         "00:00:00.000", "0001-01-01 00:00:00.000", "1970-01-01 00:00:00.000 UTC", "[-2147483648]", "[A]",
         "{a=-2147483648}", "{x=-2147483648, y=A}", "[]", "00000000-0000-0000-0000-000000000001", "0.0.0.0", "-1-6",
         "-1 00:00:00.001"],
        ["3", "1", "127", "32767", "2147483647", "9223372036854775807", "3.4028235E38", "1.7976931348623157E308",
         "99999999.99", "99999999999999999999999999999.999999999", "zzzzzzzzzz", "zzzzzzzzzz", "zzzzz", $bin("\xff"),
         "9999-12-31", "23:59:59.999", "9999-12-31 23:59:59.999", "9999-12-31 23:59:59.999 UTC",
         "[2147483647, -2147483648, 0]", "[x, y, z]", "{z=2147483647}", "{x=2147483647, y=z}",
         '{"max":1.7976931348623157E308}', "ffffffff-ffff-ffff-ffff-ffffffffffff", "2001:db8::1", "178956970-7",
         "9999 23:59:59.999"],
        array_merge(["4"], array_fill(0, 26, $N)),
        ["5", "0", "0", "0", "0", "0", "0.0", "0.0", "0.00", "0.000000000", "", "", "     ", $bin(""), "1970-01-01",
         "00:00:00.000", "1970-01-01 00:00:00.000", "1970-01-01 00:00:00.000 UTC", "[]", "[]", "{}", "{x=0, y=}", "{}",
         "00000000-0000-0000-0000-000000000000", "::", "0-0", "0 00:00:00.000"],
        ["6", "1", "42", "42", "42", "42", "NaN", "1.0E-4", "-0.10", "0.000000001",
         "quote \" comma , tab \t newline \n é ü 日本 😀", "é日本😀", "ü😀   ", $bin("\xc3\xa9\xf0\x9f\x98\x80"),
         "2000-02-29", "12:00:00.000", "2000-02-29 12:00:00.000", "2000-02-29 12:00:00.500 UTC", "[1, null, 3]",
         '[a,b, c"d, null, ]', '{k"ey=null, é=1}', "{x=null, y=日本}", '{"k":"日本 😀","q":"\\""}',
         "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "2001:db8:85a3::8a2e:370:7334", "1-0", "0 00:00:00.001"],
        ["7", "0", "-1", "-1", "-1", "-1", "Infinity", "-Infinity", "0.01", "-0.000000001", "line1\r\nline2", "x", "x    ",
         $N, $N, $N, $N, $N, "[null]", "[null]", "{n=null}", "{x=null, y=null}", "null", $N, $N, $N, $N],
        array_merge(["8", $N, $N, $N, $N, $N, "-Infinity", "1.0E7", $N, $N, "  padded  "], $n16),
        array_merge(["9", $N, $N, $N, $N, $N, "0.1", "123456.789", $N, $N, ","], $n16),
        array_merge(["10", $N, $N, $N, $N, $N, "1.0E-5", "0.001", $N, $N, '"'], $n16),
        array_merge(["11", $N, $N, $N, $N, $N, "1.6777216E7", "9.999999E-4", $N, $N, "\t"], $n16),
        array_merge(["12", $N, $N, $N, $N, $N, "1.4E-45", "4.9E-324", $N, $N, "\n"], $n16),
    ];
}

<?php
// PHP's odbc_* functions (Debian's php-cli + php-odbc) through the DSN ./run-tests
// registers: connecting by DSN and DSN-less, every column of sampledb.all_types
// exactly, 1,000,000 rows with the time printed, error messages. Prints TAP.
//
// ext/odbc fetches every column as text (SQL_C_CHAR; binary columns as bytes,
// SQL_C_BINARY) and asks for the whole value with SQLGetData when it is long,
// so its values are the driver's text forms (docs/types.md). It allocates its
// environment as an ODBC 2 application: the driver manager reports ODBC 2
// SQLSTATEs (S0002 for 42S02).

$count = 0;
$failed = 0;

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

$dsn = getenv("ATHENA_TEST_DSN") ?: "athena-local";
// The AWS documentation's example key pair, which athena-local accepts.
$dsnless = "DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=" . getenv("ATHENA_LOCAL_URL")
    . ";UID=AKIAIOSFODNN7EXAMPLE;PWD={wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}"
    . ";S3OutputLocation=s3://athena-local-results/php/";

$N = null;
$columns = ["id", "c_boolean", "c_tinyint", "c_smallint", "c_integer", "c_bigint", "c_real", "c_double", "c_decimal",
    "c_decimal_wide", "c_varchar", "c_varchar10", "c_char", "c_varbinary", "c_date", "c_time", "c_timestamp",
    "c_timestamp_tz", "c_array_int", "c_array_varchar", "c_map", "c_row", "c_json", "c_uuid", "c_ipaddress",
    "c_interval_ym", "c_interval_ds"];
$n16 = array_fill(0, 16, $N);
$expected = [
    ["1", "1", "1", "100", "1000", "100000", "1.5", "2.25", "12.50", "12345.678900000", "hello", "short", "ab   ",
     "abc", "2017-01-02", "01:02:03.456", "2017-01-01 12:34:56.789", "2017-01-01 00:00:00.000 UTC", "[1, 2, 3]",
     "[a, b]", "{a=1, b=2}", "{x=1, y=abc}", '{"a":1,"b":[1,2]}', "123e4567-e89b-12d3-a456-426614174000",
     "192.168.0.1", "1-2", "2 03:04:05.678"],
    ["2", "0", "-128", "-32768", "-2147483648", "-9223372036854775808", "-3.4028235E38", "-1.7976931348623157E308",
     "-99999999.99", "-99999999999999999999999999999.999999999", "A", "a", "a    ", "\x00", "0001-01-01",
     "00:00:00.000", "0001-01-01 00:00:00.000", "1970-01-01 00:00:00.000 UTC", "[-2147483648]", "[A]",
     "{a=-2147483648}", "{x=-2147483648, y=A}", "[]", "00000000-0000-0000-0000-000000000001", "0.0.0.0", "-1-6",
     "-1 00:00:00.001"],
    ["3", "1", "127", "32767", "2147483647", "9223372036854775807", "3.4028235E38", "1.7976931348623157E308",
     "99999999.99", "99999999999999999999999999999.999999999", "zzzzzzzzzz", "zzzzzzzzzz", "zzzzz", "\xff",
     "9999-12-31", "23:59:59.999", "9999-12-31 23:59:59.999", "9999-12-31 23:59:59.999 UTC",
     "[2147483647, -2147483648, 0]", "[x, y, z]", "{z=2147483647}", "{x=2147483647, y=z}",
     '{"max":1.7976931348623157E308}', "ffffffff-ffff-ffff-ffff-ffffffffffff", "2001:db8::1", "178956970-7",
     "9999 23:59:59.999"],
    array_merge(["4"], array_fill(0, 26, $N)),
    ["5", "0", "0", "0", "0", "0", "0.0", "0.0", "0.00", "0.000000000", "", "", "     ", "", "1970-01-01",
     "00:00:00.000", "1970-01-01 00:00:00.000", "1970-01-01 00:00:00.000 UTC", "[]", "[]", "{}", "{x=0, y=}", "{}",
     "00000000-0000-0000-0000-000000000000", "::", "0-0", "0 00:00:00.000"],
    ["6", "1", "42", "42", "42", "42", "NaN", "1.0E-4", "-0.10", "0.000000001",
     "quote \" comma , tab \t newline \n é ü 日本 😀", "é日本😀", "ü😀   ", "\xc3\xa9\xf0\x9f\x98\x80",
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

// ---- connecting
$c = odbc_connect($dsn, "", "");
ok($c !== false, "odbc_connect by DSN");
$c2 = odbc_connect($dsnless, "", "");
ok($c2 !== false, "odbc_connect DSN-less (a connection string)");
is_same(odbc_fetch_array(odbc_exec($c2, "SELECT 'é日本😀' AS text, 1 AS one")), ["text" => "é日本😀", "one" => "1"],
        "a SELECT without a table on the DSN-less connection");
odbc_close($c2);

// ---- every column of all_types
$r = odbc_exec($c, "SELECT * FROM sampledb.all_types ORDER BY id");
$names = [];
for ($i = 1; $i <= odbc_num_fields($r); $i++) {
    $names[] = odbc_field_name($r, $i);
}
is_same($names, $columns, "column names");
$rows = [];
while (($row = odbc_fetch_array($r)) !== false) {
    $rows[] = $row;
}
is_same(count($rows), 12, "12 rows");
foreach ($expected as $i => $want) {
    $got = isset($rows[$i]) ? $rows[$i] : [];
    is_same($got, array_combine($columns, $want), "row id $want[0]");
}
odbc_free_result($r);

// ---- 1,000,000 rows, one odbc_fetch_row and three odbc_result per row
$start = microtime(true);
$r = odbc_exec($c, "SELECT n, n_text, half FROM sampledb.numbers");
$n = 0;
$bad = 0;
$sum = 0;
while (odbc_fetch_row($r)) {
    $n++;
    $v = odbc_result($r, 1);
    $sum += (int)$v;
    if (odbc_result($r, 2) !== $v || (float)odbc_result($r, 3) !== $v / 2.0) {
        $bad++;
    }
}
$elapsed = microtime(true) - $start;
printf("# 1,000,000 rows x 3 columns in %.1f s (%.0f rows/s)\n", $elapsed, $n / $elapsed);
is_same([$n, $sum, $bad], [1000000, 500000500000, 0], "1,000,000 rows: count, sum of n, n_text and half agree");
odbc_free_result($r);

// ---- errors
is_same(@odbc_exec($c, "SELECT * FROM sampledb.no_such_table"), false, "unknown table: odbc_exec fails");
is_same([odbc_error($c), odbc_errormsg($c)],
        ["S0002", "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.no_such_table' does not exist"],
        "unknown table: ODBC 2 SQLSTATE S0002 and Athena's message");
is_same(@odbc_connect("DSN=$dsn;RowsToFetchPerBlock=abc", "", ""), false, "a bad key value: odbc_connect fails");
is_same([odbc_error(), odbc_errormsg()],
        ["HY024", "[Athena ODBC][Driver]Invalid value 'abc' for RowsToFetchPerBlock: expected an integer from 1 to 1000"],
        "a bad key value: the driver's message");
odbc_close($c);

echo "1..$count\n";
exit($failed ? 1 : 0);

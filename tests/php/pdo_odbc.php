<?php
// PHP's PDO_ODBC (Debian's php-cli + php-odbc) with its default attributes,
// through the DSN ./run-tests registers: connecting by DSN and DSN-less, the
// tables of a database, every column of sampledb.all_types exactly, a
// scrollable cursor, 1,000,000 rows with the time printed, an error message.
// Prints TAP.
//
// PDO_ODBC sets SQL_ATTR_ODBC_CURSORS = SQL_CUR_USE_IF_NEEDED: unixODBC then
// loads its cursor library unless the driver has a static cursor that scrolls
// (SQL_STATIC_CURSOR_ATTRIBUTES1 with SQL_CA1_ABSOLUTE), and that library
// loses every column PDO reads with SQLGetData (docs/cursors.md). PDO binds
// short columns as text and reads long ones (varbinary, array, map, row, json,
// long varchar) with SQLGetData; binary columns arrive as hexadecimal text.

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
// The driver's text forms (docs/types.md); varbinary as hexadecimal (SQL_C_CHAR).
$expected = [
    ["1", "1", "1", "100", "1000", "100000", "1.5", "2.25", "12.50", "12345.678900000", "hello", "short", "ab   ",
     "616263", "2017-01-02", "01:02:03.456", "2017-01-01 12:34:56.789", "2017-01-01 00:00:00.000 UTC", "[1, 2, 3]",
     "[a, b]", "{a=1, b=2}", "{x=1, y=abc}", '{"a":1,"b":[1,2]}', "123e4567-e89b-12d3-a456-426614174000",
     "192.168.0.1", "1-2", "2 03:04:05.678"],
    ["2", "0", "-128", "-32768", "-2147483648", "-9223372036854775808", "-3.4028235E38", "-1.7976931348623157E308",
     "-99999999.99", "-99999999999999999999999999999.999999999", "A", "a", "a    ", "00", "0001-01-01",
     "00:00:00.000", "0001-01-01 00:00:00.000", "1970-01-01 00:00:00.000 UTC", "[-2147483648]", "[A]",
     "{a=-2147483648}", "{x=-2147483648, y=A}", "[]", "00000000-0000-0000-0000-000000000001", "0.0.0.0", "-1-6",
     "-1 00:00:00.001"],
    ["3", "1", "127", "32767", "2147483647", "9223372036854775807", "3.4028235E38", "1.7976931348623157E308",
     "99999999.99", "99999999999999999999999999999.999999999", "zzzzzzzzzz", "zzzzzzzzzz", "zzzzz", "FF",
     "9999-12-31", "23:59:59.999", "9999-12-31 23:59:59.999", "9999-12-31 23:59:59.999 UTC",
     "[2147483647, -2147483648, 0]", "[x, y, z]", "{z=2147483647}", "{x=2147483647, y=z}",
     '{"max":1.7976931348623157E308}', "ffffffff-ffff-ffff-ffff-ffffffffffff", "2001:db8::1", "178956970-7",
     "9999 23:59:59.999"],
    array_merge(["4"], array_fill(0, 26, $N)),
    ["5", "0", "0", "0", "0", "0", "0.0", "0.0", "0.00", "0.000000000", "", "", "     ", "", "1970-01-01",
     "00:00:00.000", "1970-01-01 00:00:00.000", "1970-01-01 00:00:00.000 UTC", "[]", "[]", "{}", "{x=0, y=}", "{}",
     "00000000-0000-0000-0000-000000000000", "::", "0-0", "0 00:00:00.000"],
    ["6", "1", "42", "42", "42", "42", "NaN", "1.0E-4", "-0.10", "0.000000001",
     "quote \" comma , tab \t newline \n é ü 日本 😀", "é日本😀", "ü😀   ", "C3A9F09F9880",
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
// Row 6's c_varchar10 and c_char (multibyte text in varchar(10)/char(5)) are
// compared through a cast to unbounded varchar below: PDO sizes its buffer for
// bounded columns from the display size, which the driver counts in characters
// (issue 10, item 4: not yet fixed on this branch).
$bounded_multibyte = [11, 12];

// ---- connecting
$p = new PDO("odbc:$dsn");
ok($p instanceof PDO, "new PDO('odbc:$dsn') with the default attributes");
$p2 = new PDO("odbc:$dsnless");
// (a literal is a varchar(4): cast it to unbounded varchar, see $bounded_multibyte)
is_same($p2->query("SELECT CAST('é日本😀' AS varchar) AS text, 1 AS one")->fetch(PDO::FETCH_ASSOC),
        ["text" => "é日本😀", "one" => "1"], "DSN-less (a connection string): a SELECT without a table");
$p2 = null;

// ---- the reproduction of issue 10 item 1: long columns after short ones
is_same($p->query("SELECT id, c_uuid, c_array_int FROM sampledb.all_types WHERE id=1")->fetch(PDO::FETCH_ASSOC),
        ["id" => "1", "c_uuid" => "123e4567-e89b-12d3-a456-426614174000", "c_array_int" => "[1, 2, 3]"],
        "a short column, then long ones: every value (no cursor library)");

// ---- tables
is_same($p->query("SHOW TABLES IN sampledb")->fetchAll(PDO::FETCH_COLUMN),
        ["all_types", "elb_errors", "elb_logs", "impressions", "numbers"], "SHOW TABLES IN sampledb");
is_same(array_map("rtrim", $p->query("SHOW COLUMNS IN sampledb.all_types")->fetchAll(PDO::FETCH_COLUMN)), $columns,
        "SHOW COLUMNS IN sampledb.all_types (names padded by Athena)");

// ---- every column of all_types
$s = $p->query("SELECT * FROM sampledb.all_types ORDER BY id");
is_same($s->columnCount(), 27, "27 columns");
$names = [];
for ($i = 0; $i < $s->columnCount(); $i++) {
    $names[] = $s->getColumnMeta($i)["name"];
}
is_same($names, $columns, "column names");
$rows = $s->fetchAll(PDO::FETCH_NUM);
is_same(count($rows), 12, "12 rows");
foreach ($expected as $i => $want) {
    $got = isset($rows[$i]) ? $rows[$i] : [];
    if ($want[0] === "6") {
        foreach ($bounded_multibyte as $c) {
            unset($got[$c], $want[$c]);
        }
    }
    is_same($got, $want, "row id $want[0], every column");
}
is_same($p->query("SELECT CAST(c_varchar10 AS varchar), CAST(c_char AS varchar) FROM sampledb.all_types WHERE id = 6")
        ->fetch(PDO::FETCH_NUM), ["é日本😀", "ü😀"], "row id 6: c_varchar10 and c_char (its padding cut by the cast) as varchar");

// ---- a scrollable cursor (SQL_ATTR_CURSOR_SCROLLABLE: the driver's static cursor)
$s = $p->prepare("SELECT n FROM sampledb.numbers WHERE n <= 2500 ORDER BY n", [PDO::ATTR_CURSOR => PDO::CURSOR_SCROLL]);
$s->execute();
$got = [];
foreach ([[PDO::FETCH_ORI_ABS, 100], [PDO::FETCH_ORI_PRIOR, 0], [PDO::FETCH_ORI_LAST, 0], [PDO::FETCH_ORI_REL, -10],
          [PDO::FETCH_ORI_FIRST, 0], [PDO::FETCH_ORI_NEXT, 0], [PDO::FETCH_ORI_ABS, -3]] as $f) {
    $row = $s->fetch(PDO::FETCH_NUM, $f[0], $f[1]);
    $got[] = $row === false ? false : $row[0];
}
is_same($got, ["100", "99", "2500", "2490", "1", "2", "2498"], "PDO::CURSOR_SCROLL: ABS, PRIOR, LAST, REL, FIRST, NEXT, ABS -3");
is_same($s->fetch(PDO::FETCH_NUM, PDO::FETCH_ORI_ABS, 2501), false, "PDO::CURSOR_SCROLL: past the end");

// ---- 1,000,000 rows
$start = microtime(true);
$s = $p->query("SELECT n, n_text, half FROM sampledb.numbers");
$n = 0;
$bad = 0;
$sum = 0;
while (($row = $s->fetch(PDO::FETCH_NUM)) !== false) {
    $n++;
    $sum += (int)$row[0];
    if ($row[1] !== $row[0] || (float)$row[2] !== $row[0] / 2.0) {
        $bad++;
    }
}
$elapsed = microtime(true) - $start;
printf("# 1,000,000 rows x 3 columns in %.1f s (%.0f rows/s)\n", $elapsed, $n / $elapsed);
is_same([$n, $sum, $bad], [1000000, 500000500000, 0], "1,000,000 rows: count, sum of n, n_text and half agree");
$s = null;

// ---- errors
try {
    $p->query("SELECT * FROM sampledb.no_such_table");
    ok(false, "unknown table: PDOException");
} catch (PDOException $e) {
    is_same([$e->getCode(), $e->errorInfo[2]],
            ["42S02", "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.no_such_table'"
                . " does not exist (SQLExecute[0] at ./ext/pdo_odbc/odbc_stmt.c:263)"],
            "unknown table: SQLSTATE 42S02 and Athena's message");
}
try {
    new PDO("odbc:DSN=$dsn;RowsToFetchPerBlock=abc");
    ok(false, "a bad key value: PDOException");
} catch (PDOException $e) {
    ok(strpos($e->getMessage(), "[Athena ODBC][Driver]Invalid value 'abc' for RowsToFetchPerBlock: expected an integer"
                                . " from 1 to 1000") !== false, "a bad key value: the driver's message",
       [$e->getMessage()]);
}

echo "1..$count\n";
exit($failed ? 1 : 0);

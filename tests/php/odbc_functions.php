<?php
// PHP's odbc_* functions (Debian's php-cli + php-odbc) through the DSN ./run-tests
// registers: connecting by DSN and DSN-less, tables and columns (odbc_tables,
// odbc_columns, odbc_primarykeys), every column of sampledb.all_types exactly,
// 1,000,000 rows with the time printed, error messages. Prints TAP.
//
// ext/odbc fetches every column as text (SQL_C_CHAR; binary columns as bytes,
// SQL_C_BINARY) and asks for the whole value with SQLGetData when it is long,
// so its values are the driver's text forms (docs/types.md). It allocates its
// environment as an ODBC 2 application: the driver manager reports ODBC 2
// SQLSTATEs (S0002 for 42S02) and the driver the ODBC 2 codes of dates and
// times (SQL_DATE 9, SQL_TIME 10, SQL_TIMESTAMP 11).

require __DIR__ . "/tap.php";


$columns = ALL_TYPES_COLUMNS;
$expected = all_types_expected(function ($b) { return $b; });

// ---- connecting
$c = odbc_connect($dsn, "", "");
ok($c !== false, "odbc_connect by DSN");
$c2 = odbc_connect($dsnless, "", "");
ok($c2 !== false, "odbc_connect DSN-less (a connection string)");
is_same(odbc_fetch_array(odbc_exec($c2, "SELECT 'é日本😀' AS text, 1 AS one")), ["text" => "é日本😀", "one" => "1"],
        "a SELECT without a table on the DSN-less connection");
odbc_close($c2);

function fetch_all($r)
{
    $rows = [];
    while (($row = odbc_fetch_array($r)) !== false) {
        $rows[] = $row;
    }
    return $rows;
}

function column($rows, $name)
{
    return array_map(function ($row) use ($name) { return $row[$name]; }, $rows);
}

// ---- tables and columns
$tables = fetch_all(odbc_tables($c));
is_same($tables[4], ["TABLE_CAT" => "AwsDataCatalog", "TABLE_SCHEM" => "sampledb", "TABLE_NAME" => "elb_errors",
                     "TABLE_TYPE" => "VIEW", "REMARKS" => "Presto View"], "odbc_tables: a view, all its fields");
is_same(array_map(function ($t) { return "$t[TABLE_CAT].$t[TABLE_SCHEM].$t[TABLE_NAME] $t[TABLE_TYPE]"; }, $tables),
        ["AwsDataCatalog.sampledb.all_types TABLE", "AwsDataCatalog.sampledb.elb_logs TABLE",
         "AwsDataCatalog.sampledb.impressions TABLE", "AwsDataCatalog.sampledb.numbers TABLE",
         "AwsDataCatalog.sampledb.elb_errors VIEW"], "odbc_tables: every table and view, in ODBC's order");
is_same(column(fetch_all(odbc_tables($c, null, "sampledb", "elb%", "TABLE")), "TABLE_NAME"), ["elb_logs"],
        "odbc_tables: a name pattern and a table type");
$cols = fetch_all(odbc_columns($c, null, "sampledb", "all_types"));
is_same(column($cols, "COLUMN_NAME"), $columns, "odbc_columns: the columns of all_types in order");
is_same(column($cols, "DATA_TYPE"), ["4", "-7", "-6", "5", "4", "-5", "7", "8", "3", "3", "12", "12", "1", "-3", "9", "10",
                                     "11", "12", "12", "12", "12", "12", "12", "12", "12", "12", "12"],
        "odbc_columns: DATA_TYPE (ODBC 2 date and time codes)");
is_same(column($cols, "TYPE_NAME"), ["integer", "boolean", "tinyint", "smallint", "integer", "bigint", "real", "double",
    "decimal", "decimal", "varchar", "varchar", "char", "varbinary", "date", "time", "timestamp",
    "timestamp with time zone", "array", "array", "map", "row", "json", "uuid", "ipaddress", "interval year to month",
    "interval day to second"], "odbc_columns: TYPE_NAME");
is_same(fetch_all(odbc_columns($c, "AwsDataCatalog", "sampledb", "impressions", "d%")),
        [["TABLE_CAT" => "AwsDataCatalog", "TABLE_SCHEM" => "sampledb", "TABLE_NAME" => "impressions",
          "COLUMN_NAME" => "dt", "DATA_TYPE" => "12", "TYPE_NAME" => "varchar", "COLUMN_SIZE" => "255",
          "BUFFER_LENGTH" => "1020", "DECIMAL_DIGITS" => null, "NUM_PREC_RADIX" => null, "NULLABLE" => "1",
          "REMARKS" => null, "COLUMN_DEF" => null, "SQL_DATA_TYPE" => "12", "SQL_DATETIME_SUB" => null,
          "CHAR_OCTET_LENGTH" => "1020", "ORDINAL_POSITION" => "9", "IS_NULLABLE" => "YES"]],
        "odbc_columns: a column pattern finds the partition key dt, last");
$r = odbc_primarykeys($c, null, "sampledb", "all_types");
is_same([odbc_num_fields($r), odbc_fetch_array($r)], [6, false], "odbc_primarykeys: no keys, ODBC's 6 columns");

// ---- every column of all_types
$r = odbc_exec($c, "SELECT * FROM sampledb.all_types ORDER BY id");
$names = [];
for ($i = 1; $i <= odbc_num_fields($r); $i++) {
    $names[] = odbc_field_name($r, $i);
}
is_same($names, $columns, "column names");
$rows = fetch_all($r);
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
        ["S1009", "[Athena ODBC][Driver]Invalid value 'abc' for RowsToFetchPerBlock: expected an integer from 1 to 1000"],
        "a bad key value: ODBC 2 SQLSTATE S1009 (HY024) and the driver's message");
odbc_close($c);

done();

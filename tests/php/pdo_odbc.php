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

require __DIR__ . "/tap.php";


$columns = ALL_TYPES_COLUMNS;
// varbinary arrives as hexadecimal text: PDO_ODBC fetches it as SQL_C_CHAR.
$expected = all_types_expected(function ($b) { return strtoupper(bin2hex($b)); });

// ---- connecting
$p = new PDO("odbc:$dsn");
ok($p instanceof PDO, "new PDO('odbc:$dsn') with the default attributes");
$p2 = new PDO("odbc:$dsnless");
is_same($p2->query("SELECT 'é日本😀' AS text, 1 AS one")->fetch(PDO::FETCH_ASSOC),
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
    is_same($got, $want, "row id $want[0], every column");
}

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

done();

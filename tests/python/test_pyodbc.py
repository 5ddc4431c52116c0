"""pyodbc (Debian's python3-pyodbc, which talks to the driver through the W
functions) against athena-local: the Python value of every column of
sampledb.all_types exactly, NULL against '', 1,000,000 rows with the time
printed, DSN-less, and errors.

The expected values follow the table of all_types in
tests/athena-local/src/engine/README.md and the type mapping in docs/types.md.
"""
import datetime as dt
import math
import os
import time
from decimal import Decimal

import pyodbc
import pytest

N = None
COLUMNS = [
    ("id", int), ("c_boolean", bool), ("c_tinyint", int), ("c_smallint", int), ("c_integer", int),
    ("c_bigint", int), ("c_real", float), ("c_double", float), ("c_decimal", Decimal),
    ("c_decimal_wide", Decimal), ("c_varchar", str), ("c_varchar10", str), ("c_char", str),
    ("c_varbinary", bytearray), ("c_date", dt.date), ("c_time", dt.time), ("c_timestamp", dt.datetime),
    ("c_timestamp_tz", str), ("c_array_int", str), ("c_array_varchar", str), ("c_map", str),
    ("c_row", str), ("c_json", str), ("c_uuid", str), ("c_ipaddress", str), ("c_interval_ym", str),
    ("c_interval_ds", str),
]
NULLS_AFTER_ID = (N,) * 26
EXPECTED = [
    (1, True, 1, 100, 1000, 100000, 1.5, 2.25, Decimal("12.50"), Decimal("12345.678900000"), "hello",
     "short", "ab   ", b"abc", dt.date(2017, 1, 2), dt.time(1, 2, 3, 456000),
     dt.datetime(2017, 1, 1, 12, 34, 56, 789000), "2017-01-01 00:00:00.000 UTC", "[1, 2, 3]", "[a, b]",
     "{a=1, b=2}", "{x=1, y=abc}", '{"a":1,"b":[1,2]}', "123e4567-e89b-12d3-a456-426614174000",
     "192.168.0.1", "1-2", "2 03:04:05.678"),
    (2, False, -128, -32768, -2147483648, -9223372036854775808, -3.4028235e38, -1.7976931348623157e308,
     Decimal("-99999999.99"), Decimal("-99999999999999999999999999999.999999999"), "A", "a", "a    ",
     b"\x00", dt.date(1, 1, 1), dt.time(0, 0), dt.datetime(1, 1, 1, 0, 0), "1970-01-01 00:00:00.000 UTC",
     "[-2147483648]", "[A]", "{a=-2147483648}", "{x=-2147483648, y=A}", "[]",
     "00000000-0000-0000-0000-000000000001", "0.0.0.0", "-1-6", "-1 00:00:00.001"),
    (3, True, 127, 32767, 2147483647, 9223372036854775807, 3.4028235e38, 1.7976931348623157e308,
     Decimal("99999999.99"), Decimal("99999999999999999999999999999.999999999"), "zzzzzzzzzz",
     "zzzzzzzzzz", "zzzzz", b"\xff", dt.date(9999, 12, 31), dt.time(23, 59, 59, 999000),
     dt.datetime(9999, 12, 31, 23, 59, 59, 999000), "9999-12-31 23:59:59.999 UTC",
     "[2147483647, -2147483648, 0]", "[x, y, z]", "{z=2147483647}", "{x=2147483647, y=z}",
     '{"max":1.7976931348623157E308}', "ffffffff-ffff-ffff-ffff-ffffffffffff", "2001:db8::1",
     "178956970-7", "9999 23:59:59.999"),
    (4,) + NULLS_AFTER_ID,
    (5, False, 0, 0, 0, 0, 0.0, 0.0, Decimal("0.00"), Decimal("0E-9"), "", "", "     ", b"",
     dt.date(1970, 1, 1), dt.time(0, 0), dt.datetime(1970, 1, 1, 0, 0), "1970-01-01 00:00:00.000 UTC",
     "[]", "[]", "{}", "{x=0, y=}", "{}", "00000000-0000-0000-0000-000000000000", "::", "0-0",
     "0 00:00:00.000"),
    (6, True, 42, 42, 42, 42, math.nan, 0.0001, Decimal("-0.10"), Decimal("1E-9"),
     'quote " comma , tab \t newline \n é ü 日本 😀', "é日本😀", "ü😀   ", "é😀".encode(),
     dt.date(2000, 2, 29), dt.time(12, 0), dt.datetime(2000, 2, 29, 12, 0), "2000-02-29 12:00:00.500 UTC",
     "[1, null, 3]", '[a,b, c"d, null, ]', '{k"ey=null, é=1}', "{x=null, y=日本}",
     '{"k":"日本 😀","q":"\\""}', "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "2001:db8:85a3::8a2e:370:7334",
     "1-0", "0 00:00:00.001"),
    (7, False, -1, -1, -1, -1, math.inf, -math.inf, Decimal("0.01"), Decimal("-1E-9"), "line1\r\nline2",
     "x", "x    ", N, N, N, N, N, "[null]", "[null]", "{n=null}", "{x=null, y=null}", "null", N, N, N, N),
    (8, N, N, N, N, N, -math.inf, 1.0e7, N, N, "  padded  ") + (N,) * 16,
    (9, N, N, N, N, N, 0.1, 123456.789, N, N, ",") + (N,) * 16,
    (10, N, N, N, N, N, 1.0e-5, 0.001, N, N, '"') + (N,) * 16,
    (11, N, N, N, N, N, 1.6777216e7, 9.999999e-4, N, N, "\t") + (N,) * 16,
    (12, N, N, N, N, N, 1.4e-45, 4.9e-324, N, N, "\n") + (N,) * 16,
]


def same(got, want):
    if isinstance(want, float) and math.isnan(want):
        return isinstance(got, float) and math.isnan(got)
    if isinstance(want, bytes) and got is not None:
        return bytes(got) == want
    return type(got) is type(want) and got == want if want is not None else got is None


@pytest.fixture(scope="module")
def all_types(cnxn):
    cur = cnxn.cursor()
    cur.execute("SELECT * FROM sampledb.all_types ORDER BY id")
    desc = cur.description
    rows = cur.fetchall()
    return desc, rows


def test_columns_and_python_types(all_types):
    desc, _ = all_types
    assert [(d[0], d[1]) for d in desc] == COLUMNS


def test_row_count(all_types):
    _, rows = all_types
    assert len(rows) == len(EXPECTED)


@pytest.mark.parametrize("row", range(len(EXPECTED)))
def test_every_value(all_types, row):
    _, rows = all_types
    got = tuple(rows[row])
    want = EXPECTED[row]
    bad = [(COLUMNS[i][0], got[i], want[i]) for i in range(len(want)) if not same(got[i], want[i])]
    assert bad == []


def test_null_is_not_empty_string(cnxn):
    cur = cnxn.cursor()
    cur.execute("SELECT c_varchar FROM sampledb.all_types WHERE id IN (4, 5) ORDER BY id")
    assert [r[0] for r in cur.fetchall()] == [None, ""]


def test_decimal_description(cnxn):
    cur = cnxn.cursor()
    cur.execute("SELECT c_decimal, c_decimal_wide FROM sampledb.all_types WHERE id = 1")
    assert [(d[0], d[4], d[5]) for d in cur.description] == [("c_decimal", 10, 2), ("c_decimal_wide", 38, 9)]


def test_million_rows(cnxn, capsys):
    """1,000,000 rows x 3 columns in blocks of fetchmany, with the time printed."""
    start = time.monotonic()
    cur = cnxn.cursor()
    cur.execute("SELECT n, n_text, half FROM sampledb.numbers")
    total = count = bad = 0
    while True:
        batch = cur.fetchmany(10000)
        if not batch:
            break
        count += len(batch)
        for n, text, half in batch:
            total += n
            bad += text != str(n) or half != n / 2
    elapsed = time.monotonic() - start
    with capsys.disabled():
        print(f"\n# 1,000,000 rows x 3 columns in {elapsed:.1f} s ({count / elapsed:.0f} rows/s)")
    assert (count, total, bad) == (1000000, 1000000 * 1000001 // 2, 0)


def test_dsnless_connection():
    """DRIVER={Athena ODBC} and the keys in the string (the AWS
    documentation's example key pair, which athena-local accepts)."""
    c = pyodbc.connect("DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride="
                       + os.environ["ATHENA_LOCAL_URL"]
                       + ";UID=AKIAIOSFODNN7EXAMPLE;PWD={wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}"
                       + ";S3OutputLocation=s3://athena-local-results/pyodbc/", autocommit=True)
    assert c.getinfo(pyodbc.SQL_DATA_SOURCE_NAME) == ""
    row = c.cursor().execute("SELECT 'é日本😀', count(*) FROM sampledb.numbers").fetchone()
    assert tuple(row) == ("é日本😀", 1000000)
    c.close()


def test_count(cnxn):
    assert cnxn.cursor().execute("SELECT count(*) FROM sampledb.numbers").fetchval() == 1000000


def test_unicode_sql_text_and_names(cnxn):
    row = cnxn.cursor().execute("SELECT 'é日本😀' AS \"ünï😀\"").fetchone()
    assert row[0] == "é日本😀"
    assert row.cursor_description[0][0] == "ünï😀"


def test_failing_query_error(cnxn):
    cur = cnxn.cursor()
    with pytest.raises(pyodbc.ProgrammingError) as exc:
        cur.execute("SELECT * FROM sampledb.no_such_table")
    state, message = exc.value.args
    assert state == "42S02"
    assert message.startswith(
        "[42S02] [Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: "
        "Table 'awsdatacatalog.sampledb.no_such_table' does not exist")


def test_syntax_error(cnxn):
    with pytest.raises(pyodbc.ProgrammingError) as exc:
        cnxn.cursor().execute("SELEC 1")
    assert exc.value.args[0] == "42000"
    assert "mismatched input 'SELEC'" in exc.value.args[1]


def test_division_by_zero(cnxn):
    with pytest.raises(pyodbc.DataError) as exc:
        cnxn.cursor().execute("SELECT 1 / 0")
    assert exc.value.args[0] == "22012"
    assert "DIVISION_BY_ZERO: Division by zero" in exc.value.args[1]

"""pyodbc parameterised queries (qmark) against athena-local: every Python
type pyodbc binds comes back as the same value, the injection corpus comes
back verbatim, markers inside literals are not parameters, a WHERE clause
filters sampledb.all_types, and a count mismatch is refused."""
import datetime as dt
from decimal import Decimal

import pyodbc
import pytest

VALUES = [
    0, 1, -1, 2147483647, -2147483648, 9223372036854775807, -9223372036854775808,
    1.5, -0.1, 1e300, 5e-324,
    Decimal("12.50"), Decimal("-0.001"), Decimal("12345678901234567890.123456789"),
    True, False,
    "", "plain", "it's", "emoji \U0001F600",
    b"", b"\x00\x01\xff",
    dt.date(2024, 2, 29), dt.date(1, 1, 1), dt.date(9999, 12, 31),
    dt.datetime(2024, 2, 29, 23, 59, 58, 123000), dt.datetime(2017, 1, 1, 0, 0),
    dt.time(23, 59, 58), dt.time(0, 0),
]

CORPUS = [
    "'", "''", "'; DROP TABLE x; --", "a' OR '1'='1", "-- c", "/* c */", "*/", ";", "\\", "\\'",
    "\u02bc U+02BC", "\u2019 U+2019", "?", "'?'", "line\nbreak", "tab\there", "\r\n",
    "emoji \U0001F600 \U0001F4A9", "x" * 5000, "'" + "?" * 100 + "'",
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_round_trip(cnxn, value):
    row = cnxn.execute("SELECT ? AS v", value).fetchone()
    got = row[0]
    if isinstance(value, bytes):
        assert bytes(got) == value
    else:
        assert got == value and type(got) is type(value)


def test_null(cnxn):
    assert cnxn.execute("SELECT ? AS v", None).fetchone()[0] is None


@pytest.mark.parametrize("value", CORPUS, ids=lambda v: repr(v[:20]))
def test_corpus_select_list(cnxn, value):
    assert tuple(cnxn.execute("SELECT ? AS v, 'end' AS e", value).fetchone()) == (value, "end")


@pytest.mark.parametrize("value", CORPUS, ids=lambda v: repr(v[:20]))
def test_corpus_where(cnxn, value):
    hexed = value.encode("utf-8").hex()
    sql = f"SELECT count(*) FROM (VALUES 1) AS t(x) WHERE to_utf8(?) = X'{hexed}'"
    assert cnxn.execute(sql, value).fetchone()[0] == 1


def test_where_on_a_table(cnxn):
    rows = cnxn.execute("SELECT id FROM sampledb.all_types WHERE c_varchar = ? OR c_integer = ? ORDER BY id",
                        "hello", 2147483647).fetchall()
    assert [r[0] for r in rows] == [1, 3]


def test_markers_in_literals(cnxn):
    row = cnxn.execute("SELECT '?' AS a, ? AS b /* ? */ -- ?", "x").fetchone()
    assert tuple(row) == ("?", "x")


def test_count_mismatch(cnxn):
    with pytest.raises(pyodbc.Error) as e:
        cnxn.execute("SELECT ? AS a", 1, 2)
    assert "parameter" in str(e.value)


def test_reexecute(cnxn):
    cur = cnxn.cursor()
    assert [cur.execute("SELECT ? * 2 AS d", i).fetchone()[0] for i in range(3)] == [0, 2, 4]

"""pyodbc and Unicode: emoji (characters outside the BMP, a surrogate pair in
UTF-16) in SQL text, data, column names and error messages, with pyodbc's
encoding and decoding settings varied.

pyodbc connects with SQLDriverConnectW. By default it sends SQL text through
SQLExecDirectW as UTF-16, reads column names through SQLDescribeColW, reads
varchar columns as SQL_C_CHAR decoded as UTF-8 and SQL_WCHAR columns as
SQL_C_WCHAR (UTF-16), and reads messages through SQLGetDiagRecW.
setencoding/setdecoding change those paths; see docs/unicode.md.
"""
import os

import pyodbc
import pytest

EMOJI = "\U0001F600"                    # 😀, two SQLWCHARs
V10 = "é日本" + EMOJI                   # sampledb.all_types.c_varchar10 of id 6
VCHAR = "ü" + EMOJI + "   "             # c_char (char(5)) of id 6
VLONG = 'quote " comma , tab \t newline \n é ü 日本 ' + EMOJI   # c_varchar of id 6
TEXT_COLUMNS = ["c_varchar", "c_varchar10", "c_char", "c_array_varchar", "c_map", "c_row", "c_json"]


def connect(extra=""):
    dsn = os.environ.get("ATHENA_TEST_DSN", "athena-local")
    return pyodbc.connect(f"DSN={dsn};{extra}", autocommit=True)


@pytest.fixture
def fresh():
    """A connection of its own: these tests change its encodings."""
    c = connect()
    yield c
    c.close()


def test_emoji_in_sql_text_literal_and_where_clause(cnxn):
    cur = cnxn.cursor()
    rows = cur.execute(
        f"SELECT id, length('{V10}') AS n, to_hex(to_utf8('{EMOJI}')) AS h "
        f"FROM sampledb.all_types WHERE c_varchar10 = '{V10}'").fetchall()
    assert [tuple(r) for r in rows] == [(6, 4, "F09F9880")]


def test_emoji_column_alias_and_value(cnxn):
    cur = cnxn.cursor()
    row = cur.execute(f"SELECT '{V10}' AS \"x{EMOJI}y\", c_char AS \"{EMOJI}\" "
                      "FROM sampledb.all_types WHERE id = 6").fetchone()
    assert [d[0] for d in cur.description] == [f"x{EMOJI}y", EMOJI]
    assert tuple(row) == (V10, VCHAR)


def test_emoji_in_identifiers_of_a_with_clause(cnxn):
    cur = cnxn.cursor()
    value = cur.execute(f'WITH "t{EMOJI}" AS (SELECT 1 AS "c{EMOJI}") '
                        f'SELECT "c{EMOJI}" + 1 AS "r{EMOJI}" FROM "t{EMOJI}"').fetchval()
    assert value == 2
    assert cur.description[0][0] == f"r{EMOJI}"


def test_text_columns_of_id_6(cnxn):
    cur = cnxn.cursor()
    row = cur.execute("SELECT c_varchar, c_varchar10, c_char, c_map, c_row, c_json "
                      "FROM sampledb.all_types WHERE id = 6").fetchone()
    assert tuple(row) == (VLONG, V10, VCHAR, '{k"ey=null, é=1}', "{x=null, y=日本}",
                          '{"k":"日本 ' + EMOJI + '","q":"\\""}')


def test_error_message_with_emoji(cnxn):
    with pytest.raises(pyodbc.ProgrammingError) as exc:
        cnxn.cursor().execute(f"SELECT * FROM nope{EMOJI}")
    assert exc.value.args == (
        "42S02",
        "[42S02] [Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table "
        f"'awsdatacatalog.sampledb.nope{EMOJI}' does not exist (0) (SQLExecDirectW)")


def test_connect_error_with_non_ascii_value():
    """A failed SQLDriverConnectW makes pyodbc retry with the ANSI
    SQLDriverConnect and report that attempt's message, which unixODBC keeps
    as UCS-2 converted from the locale's UTF-8: BMP characters survive (an
    emoji would not; odbc_unicode checks the W message itself)."""
    with pytest.raises(pyodbc.Error) as exc:
        connect("RowsToFetchPerBlock=é日本")
    assert exc.value.args == (
        "HY024",
        "[HY024] [Athena ODBC][Driver]Invalid value 'é日本' for RowsToFetchPerBlock: "
        "expected an integer from 1 to 1000 (0) (SQLDriverConnect)")


def test_many_rows_with_emoji(cnxn):
    """Several result pages of text built on the server, each with an emoji."""
    cur = cnxn.cursor()
    cur.execute(f"SELECT n, n_text || '{EMOJI}' AS t FROM sampledb.numbers WHERE n <= 3000 ORDER BY n")
    rows = cur.fetchall()
    assert len(rows) == 3000
    assert all(r[1] == f"{r[0]}{EMOJI}" for r in rows)


def test_char_data_as_sql_c_wchar(fresh):
    """setdecoding(SQL_CHAR, utf-16le, SQL_WCHAR): varchar data is read with
    SQL_C_WCHAR, surrogate pairs included."""
    fresh.setdecoding(pyodbc.SQL_CHAR, encoding="utf-16le", ctype=pyodbc.SQL_WCHAR)
    row = fresh.cursor().execute("SELECT c_varchar, c_varchar10, c_char FROM sampledb.all_types "
                                 "WHERE id = 6").fetchone()
    assert tuple(row) == (VLONG, V10, VCHAR)


@pytest.mark.parametrize("before", [2045, 2046, 2047])
def test_emoji_across_pyodbc_wchar_pieces(fresh, before):
    """pyodbc reads SQL_C_WCHAR data with SQLGetData into 4096 bytes first and
    takes a truncated piece to be 4094 bytes (2047 SQLWCHARs), as ODBC
    specifies. With 2046 characters before it, the emoji's surrogate pair
    straddles that boundary: the driver must put its first half in the first
    piece."""
    fresh.setdecoding(pyodbc.SQL_CHAR, encoding="utf-16le", ctype=pyodbc.SQL_WCHAR)
    value = fresh.cursor().execute(f"SELECT repeat('a', {before}) || '{EMOJI}' || repeat('b', 10) AS v").fetchval()
    # compared as ascii() so that a failure prints no raw NUL into the log
    assert ascii(value) == ascii("a" * before + EMOJI + "b" * 10)


def test_every_text_value_same_through_char_and_wchar(fresh):
    """Every text column of every row of all_types reads the same through
    SQL_C_CHAR (UTF-8) and SQL_C_WCHAR (UTF-16)."""
    sql = f"SELECT {', '.join(TEXT_COLUMNS)} FROM sampledb.all_types ORDER BY id"
    cur = fresh.cursor()
    as_char = [tuple(r) for r in cur.execute(sql).fetchall()]
    fresh.setdecoding(pyodbc.SQL_CHAR, encoding="utf-16le", ctype=pyodbc.SQL_WCHAR)
    as_wchar = [tuple(r) for r in cur.execute(sql).fetchall()]
    assert len(as_char) == 12
    assert as_wchar == as_char
    assert as_char[5][:3] == (VLONG, V10, VCHAR)


def test_char_data_bytes_are_utf8(fresh):
    """Decoding SQL_C_CHAR data as Latin-1 shows the driver's exact bytes: UTF-8."""
    fresh.setdecoding(pyodbc.SQL_CHAR, encoding="latin-1")
    value = fresh.cursor().execute("SELECT c_varchar10 FROM sampledb.all_types WHERE id = 6").fetchval()
    assert value == V10.encode("utf-8").decode("latin-1")
    assert value == "Ã©æ\x97¥æ\x9c¬ð\x9f\x98\x80"


def test_wide_string_types():
    """UseWCharForStringTypes=1: columns are SQL_WVARCHAR/SQL_WCHAR, which
    pyodbc reads as SQL_C_WCHAR decoded as UTF-16."""
    c = connect("UseWCharForStringTypes=1")
    try:
        cur = c.cursor()
        row = cur.execute("SELECT c_varchar, c_varchar10, c_char FROM sampledb.all_types WHERE id = 6").fetchone()
        assert tuple(row) == (VLONG, V10, VCHAR)
        assert [(d[0], d[1], d[3]) for d in cur.description] == [
            ("c_varchar", str, 255), ("c_varchar10", str, 10), ("c_char", str, 5)]
    finally:
        c.close()


def test_sql_text_as_utf16_explicitly(fresh):
    fresh.setencoding(encoding="utf-16le", ctype=pyodbc.SQL_WCHAR)
    cur = fresh.cursor()
    row = cur.execute(f"SELECT '{EMOJI}' AS \"ü{EMOJI}\", length('{EMOJI}') AS n").fetchone()
    assert tuple(row) == (EMOJI, 1)
    assert cur.description[0][0] == f"ü{EMOJI}"


def test_sql_text_as_utf8_bmp(fresh):
    """setencoding(utf-8): pyodbc sends UTF-8 through the ANSI SQLExecDirect;
    unixODBC converts it to UTF-16 for the driver with the locale's character
    set (UTF-8 here). Characters of the BMP arrive intact."""
    fresh.setencoding(encoding="utf-8")
    cur = fresh.cursor()
    row = cur.execute("SELECT 'é日本' AS \"ünï\", length('é日本') AS n, to_hex(to_utf8('é日本')) AS h").fetchone()
    assert tuple(row) == ("é日本", 3, "C3A9E697A5E69CAC")
    assert cur.description[0][0] == "ünï"


def test_sql_text_as_utf8_non_bmp_is_lost_by_unixodbc(fresh):
    """unixODBC limitation: its UTF-8 -> UCS-2 conversion cannot encode U+1F600;
    it then widens each byte of the statement to one SQLWCHAR, so Athena
    receives four Latin-1 characters. Use the default UTF-16 encoding."""
    fresh.setencoding(encoding="utf-8")
    cur = fresh.cursor()
    row = cur.execute(f"SELECT '{EMOJI}' AS v, length('{EMOJI}') AS n").fetchone()
    assert tuple(row) == (EMOJI.encode("utf-8").decode("latin-1"), 4)


def test_metadata_decoding(fresh):
    """Column names come from SQLDescribeColW as UTF-16 (SQL_WMETADATA)."""
    fresh.setdecoding(pyodbc.SQL_WMETADATA, encoding="utf-16le")
    cur = fresh.cursor()
    cur.execute(f'SELECT 1 AS "日本{EMOJI}", 2 AS "é"')
    assert [d[0] for d in cur.description] == [f"日本{EMOJI}", "é"]


def test_getinfo_strings(cnxn):
    assert cnxn.getinfo(pyodbc.SQL_DBMS_NAME) == "Amazon Athena"
    assert cnxn.getinfo(pyodbc.SQL_DATA_SOURCE_NAME) == os.environ.get("ATHENA_TEST_DSN", "athena-local")
    assert cnxn.getinfo(pyodbc.SQL_IDENTIFIER_QUOTE_CHAR) == '"'

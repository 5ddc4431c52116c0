"""pyodbc's catalog calls against athena-local's sampledb, with exact values:
cursor.tables(), cursor.columns(), cursor.primaryKeys(), cursor.statistics()
(pyodbc calls the W entry points)."""
import pyodbc
import pytest


def rows(cursor):
    return [tuple(r) for r in cursor.fetchall()]


def test_tables_all(cnxn):
    cur = cnxn.cursor()
    assert rows(cur.tables()) == [
        ("AwsDataCatalog", "sampledb", "all_types", "TABLE", None),
        ("AwsDataCatalog", "sampledb", "elb_logs", "TABLE", None),
        ("AwsDataCatalog", "sampledb", "impressions", "TABLE", None),
        ("AwsDataCatalog", "sampledb", "numbers", "TABLE", None),
        ("AwsDataCatalog", "sampledb", "elb_errors", "VIEW", "Presto View"),
    ]
    assert [d[0] for d in cur.description] == ["table_cat", "table_schem", "table_name", "table_type", "remarks"]


def test_tables_filters(cnxn):
    cur = cnxn.cursor()
    assert [r.table_name for r in cur.tables(table="elb%", schema="sampledb")] == ["elb_logs", "elb_errors"]
    assert [r.table_name for r in cur.tables(tableType="VIEW")] == ["elb_errors"]
    assert [r.table_name for r in cur.tables(table="nu_bers")] == ["numbers"]
    assert rows(cur.tables(table="nope%")) == []
    assert [r.table_schem for r in cur.tables(catalog="", schema="%", table="")] == ["default", "sampledb"]


def test_columns_numbers(cnxn):
    cur = cnxn.cursor()
    got = rows(cur.columns(table="numbers", schema="sampledb"))
    assert got == [
        ("AwsDataCatalog", "sampledb", "numbers", "n", -5, "bigint", 19, 20, 0, 10, 1, None, None, -5, None,
         None, 1, "YES"),
        ("AwsDataCatalog", "sampledb", "numbers", "n_text", 12, "varchar", 255, 1020, None, None, 1, None, None,
         12, None, 1020, 2, "YES"),
        ("AwsDataCatalog", "sampledb", "numbers", "half", 8, "double", 53, 8, None, 2, 1, None, None, 8, None,
         None, 3, "YES"),
    ]


def test_columns_all_types_and_partitions(cnxn):
    cur = cnxn.cursor()
    cols = {r.column_name: (r.data_type, r.type_name, r.column_size, r.decimal_digits)
            for r in cur.columns(table="all_types", schema="sampledb")}
    assert len(cols) == 27
    assert cols["c_decimal"] == (3, "decimal", 10, 2)
    assert cols["c_timestamp"] == (93, "timestamp", 23, 3)
    assert cols["c_date"] == (91, "date", 10, None)
    assert cols["c_row"] == (12, "row", 65535, None)
    assert cols["c_varbinary"] == (-3, "varbinary", 255, None)
    last = rows(cur.columns(table="impressions"))[-1]
    assert (last[3], last[16]) == ("dt", 9)


def test_primary_keys_and_statistics(cnxn):
    cur = cnxn.cursor()
    assert rows(cur.primaryKeys("all_types", schema="sampledb")) == []
    assert [d[0] for d in cur.description] == ["table_cat", "table_schem", "table_name", "column_name",
                                               "key_seq", "pk_name"]
    assert rows(cur.statistics("all_types", schema="sampledb")) == []
    assert [d[0] for d in cur.description] == [
        "table_cat", "table_schem", "table_name", "non_unique", "index_qualifier", "index_name", "type",
        "ordinal_position", "column_name", "asc_or_desc", "cardinality", "pages", "filter_condition"]


def test_columns_unknown_table(cnxn):
    assert rows(cnxn.cursor().columns(table="no_such_table")) == []

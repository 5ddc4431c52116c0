#!/usr/bin/python3
"""LibreOffice Calc imports an Athena table and a query into a sheet through the ODBC DSN.

One headless soffice with a private user profile, driven over a UNO pipe (python3-uno):
a data source with the URL sdbc:odbc:<DSN> is created through com.sun.star.sdb.DatabaseContext,
stored to an .odb and registered; its table list and the columns of all_types (which LibreOffice
reads with SQLTables and SQLColumns) are checked; then XImportable.doImport fills sheets of a hidden
Calc document with a table (SourceType TABLE), a stored query (SourceType QUERY, EscapeProcessing
off) and an SQL statement (SourceType SQL, native), and every cell is compared with its exact
expected content. Prints TAP.

Calc's own limits, visible in the expected cells (docs/clients.md): numbers are doubles (bigint
and wide decimals round), times lose their milliseconds (LibreOffice reads them as SQL_C_TYPE_TIME,
which has no fraction), binary columns become #N/A, a CR LF in text becomes one line break.
"""
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.sheet.DataImportMode import QUERY, SQL, TABLE

DSN = os.environ.get("ATHENA_TEST_DSN", "athena-local")
TIMEOUT = float(os.environ.get("ATHENA_LO_TIMEOUT", "120"))  # the whole run, soffice start included
SOURCE = "AthenaLocalTest"

N = None
NA = "#N/A"  # what Calc puts in a binary column
HEADER = ("id", "c_boolean", "c_tinyint", "c_smallint", "c_integer", "c_bigint", "c_real", "c_double",
          "c_decimal", "c_decimal_wide", "c_varchar", "c_varchar10", "c_char", "c_varbinary", "c_date", "c_time",
          "c_timestamp", "c_timestamp_tz", "c_array_int", "c_array_varchar", "c_map", "c_row", "c_json", "c_uuid",
          "c_ipaddress", "c_interval_ym", "c_interval_ds")
# Dates and times are Calc serial numbers: days since 1899-12-30, the time of day a fraction.
NULLS_AFTER_REAL = (N, N, N, N, N, N, NA) + (N,) * 13
ALL_TYPES = [
    HEADER,
    (1.0, 1.0, 1.0, 100.0, 1000.0, 100000.0, 1.5, 2.25, 12.5, 12345.6789, "hello", "short", "ab   ", NA,
     42737.0, 3723 / 86400, 42736.5242683912, "2017-01-01 00:00:00.000 UTC", "[1, 2, 3]", "[a, b]", "{a=1, b=2}",
     "{x=1, y=abc}", '{"a":1,"b":[1,2]}', "123e4567-e89b-12d3-a456-426614174000", "192.168.0.1", "1-2",
     "2 03:04:05.678"),
    (2.0, 0.0, -128.0, -32768.0, -2147483648.0, -2.0 ** 63, -3.4028235e+38, -1.7976931348623157e+308,
     -99999999.99, -1e+29, "A", "a", "a    ", NA, -693593.0, 0.0, -693593.0, "1970-01-01 00:00:00.000 UTC",
     "[-2147483648]", "[A]", "{a=-2147483648}", "{x=-2147483648, y=A}", "[]", "00000000-0000-0000-0000-000000000001",
     "0.0.0.0", "-1-6", "-1 00:00:00.001"),
    (3.0, 1.0, 127.0, 32767.0, 2147483647.0, 2.0 ** 63, 3.4028235e+38, 1.7976931348623157e+308, 99999999.99, 1e+29,
     "zzzzzzzzzz", "zzzzzzzzzz", "zzzzz", NA, 2958465.0, 86399 / 86400, 2958465.9999999884,
     "9999-12-31 23:59:59.999 UTC", "[2147483647, -2147483648, 0]", "[x, y, z]", "{z=2147483647}",
     "{x=2147483647, y=z}", '{"max":1.7976931348623157E308}', "ffffffff-ffff-ffff-ffff-ffffffffffff",
     "2001:db8::1", "178956970-7", "9999 23:59:59.999"),
    (4.0,) + (N,) * 12 + (NA,) + (N,) * 13,
    (5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, N, N, "     ", NA, 25569.0, 0.0, 25569.0,
     "1970-01-01 00:00:00.000 UTC", "[]", "[]", "{}", "{x=0, y=}", "{}", "00000000-0000-0000-0000-000000000000",
     "::", "0-0", "0 00:00:00.000"),
    (6.0, 1.0, 42.0, 42.0, 42.0, 42.0, math.nan, 0.0001, -0.1, 1e-09,
     'quote " comma , tab \t newline \n é ü 日本 😀', "é日本😀", "ü😀   ", NA, 36585.0, 0.5, 36585.5,
     "2000-02-29 12:00:00.500 UTC", "[1, null, 3]", '[a,b, c"d, null, ]', '{k"ey=null, é=1}', "{x=null, y=日本}",
     '{"k":"日本 😀","q":"\\""}', "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "2001:db8:85a3::8a2e:370:7334", "1-0",
     "0 00:00:00.001"),
    (7.0, 0.0, -1.0, -1.0, -1.0, -1.0, math.inf, -math.inf, 0.01, -1e-09, "line1\nline2", "x", "x    ", NA,
     N, N, N, N, "[null]", "[null]", "{n=null}", "{x=null, y=null}", "null", N, N, N, N),
    (8.0, N, N, N, N, N, -math.inf, 1e7, N, N, "  padded  ") + NULLS_AFTER_REAL[4:],
    (9.0, N, N, N, N, N, 0.1, 123456.789, N, N, ",") + NULLS_AFTER_REAL[4:],
    (10.0, N, N, N, N, N, 1e-05, 0.001, N, N, '"') + NULLS_AFTER_REAL[4:],
    (11.0, N, N, N, N, N, 16777216.0, 0.0009999999, N, N, "\t") + NULLS_AFTER_REAL[4:],
    (12.0, N, N, N, N, N, 1.4e-45, 5e-324, N, N, "\n") + NULLS_AFTER_REAL[4:],
]

# LibreOffice names a table catalog.schema.table (SQL_CATALOG_USAGE and SQL_CATALOG_NAME_SEPARATOR)
TABLES = ("AwsDataCatalog.sampledb.all_types", "AwsDataCatalog.sampledb.elb_logs",
          "AwsDataCatalog.sampledb.impressions", "AwsDataCatalog.sampledb.numbers",
          "AwsDataCatalog.sampledb.elb_errors")
# name, com.sun.star.sdbc.DataType (the ODBC SQL type), type name
ALL_TYPES_COLUMNS = list(zip(
    HEADER,
    (4, -7, -6, 5, 4, -5, 7, 8, 3, 3, 12, 12, 1, -3, 91, 92, 93) + (12,) * 10,
    ("integer", "boolean", "tinyint", "smallint", "integer", "bigint", "real", "double", "decimal", "decimal",
     "varchar", "varchar", "char", "varbinary", "date", "time", "timestamp", "timestamp with time zone", "array",
     "array", "map", "row", "json", "uuid", "ipaddress", "interval year to month", "interval day to second")))
ALL_TYPES_SQL = "SELECT * FROM sampledb.all_types ORDER BY id"
QUERY_SQL = ("SELECT elb_response_code, count(*) AS requests FROM sampledb.elb_logs "
             "GROUP BY elb_response_code ORDER BY elb_response_code")
QUERY_CELLS = [("elb_response_code", "requests"), ("200", 8000.0), ("302", 500.0), ("404", 500.0),
               ("500", 500.0), ("503", 500.0)]

count = 0
failed = 0
output = threading.Lock()  # the watchdog takes it for good: nothing is printed after "timed out"


def ok(cond, name, *diag):
    with output:
        return report(cond, name, diag)


def report(cond, name, diag):
    global count, failed
    count += 1
    if not cond:
        failed += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (count, name))
    if not cond:
        for line in diag:
            print("#   " + str(line))
    sys.stdout.flush()
    return cond


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def same(got, want):
    if isinstance(want, float) and math.isnan(want):
        return isinstance(got, float) and math.isnan(got)
    return type(got) is type(want) and got == want


def cells(sheet):
    """The used area of a sheet: None for an empty cell, the float of a number, the text of a
    text cell, the formula of a formula cell (an error such as #N/A)."""
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    used = sheet.getCellRangeByPosition(0, 0, cur.getRangeAddress().EndColumn, cur.getRangeAddress().EndRow)
    # one call for the whole range: floats, texts, "" for an empty cell, None for a formula
    data = used.getDataArray()

    def cell(r, c, d):
        if isinstance(d, float):
            return d
        if d is None:
            return sheet.getCellByPosition(c, r).getFormula()
        if "\x01" in d:  # how getDataArray writes a tab in a multi-line text: ask the cell itself
            return sheet.getCellByPosition(c, r).getString()
        return d if d != "" else None
    return [tuple(cell(r, c, d) for c, d in enumerate(row)) for r, row in enumerate(data)]


def note(text, since):
    with output:
        print("# %s: %.1f s" % (text, time.monotonic() - since))


def check_cells(got, want, name):
    bad = []
    if len(got) != len(want):
        bad.append("%d rows, expected %d" % (len(got), len(want)))
    for r, (g, w) in enumerate(zip(got, want)):
        if len(g) != len(w):
            bad.append("row %d: %d columns, expected %d" % (r, len(g), len(w)))
            continue
        bad += ["row %d column %s: got %r, expected %r" % (r, want[0][c], g[c], w[c])
                for c in range(len(w)) if not same(g[c], w[c])]
    ok(not bad, name, *bad[:20])


def start_soffice(profile, pipe):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    return subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--accept=pipe,name=%s;urp;" % pipe],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def connect(proc, pipe, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError("soffice exited with status %d before accepting connections" % proc.returncode)
            if time.monotonic() > deadline:
                raise RuntimeError("soffice did not accept a UNO connection in time")
            time.sleep(0.1)


def import_into_new_sheet(doc, index, desc):
    doc.Sheets.insertNewByName("import%d" % index, index)
    sheet = doc.Sheets.getByIndex(index)
    start = time.monotonic()
    sheet.getCellRangeByName("A1").doImport(desc)
    note("doImport %s" % "/".join(str(p.Value.value if p.Name == "SourceType" else p.Value) for p in desc[1:3]), start)
    return sheet


def run(ctx, workdir):
    smgr = ctx.ServiceManager
    dbctx = smgr.createInstanceWithContext("com.sun.star.sdb.DatabaseContext", ctx)
    ds = dbctx.createInstance()
    ds.URL = "sdbc:odbc:" + DSN
    query = smgr.createInstanceWithContext("com.sun.star.sdb.QueryDefinition", ctx)
    query.Command = QUERY_SQL
    query.EscapeProcessing = False  # the SQL goes to the driver as written
    ds.QueryDefinitions.insertByName("response_codes", query)
    ds.DatabaseDocument.storeAsURL(uno.systemPathToFileUrl(os.path.join(workdir, "athena.odb")), ())
    dbctx.registerObject(SOURCE, ds)
    ok(dbctx.hasByName(SOURCE), "data source sdbc:odbc:%s stored and registered" % DSN)

    conn = ds.getConnection("", "")
    try:
        names = conn.Tables.ElementNames
        ok(names == TABLES, "the data source's table list", "got %r" % (names,))
        table = conn.Tables.getByName(TABLES[0])
        got = [(n, table.Columns.getByName(n).Type, table.Columns.getByName(n).TypeName)
               for n in table.Columns.ElementNames]
        ok(got == ALL_TYPES_COLUMNS, "the columns of all_types: names, types, type names",
           *["got %r, expected %r" % (g, w) for g, w in zip(got, ALL_TYPES_COLUMNS) if g != w],
           "%d columns" % len(got))
    finally:
        conn.close()

    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (pv("Hidden", True),))
    try:
        sheet = import_into_new_sheet(doc, 1, (pv("DatabaseName", SOURCE), pv("SourceType", QUERY),
                                               pv("SourceObject", "response_codes")))
        check_cells(cells(sheet), QUERY_CELLS, "stored query (EscapeProcessing off) imported into a sheet")
        sheet = import_into_new_sheet(doc, 2, (pv("DatabaseName", SOURCE), pv("SourceType", TABLE),
                                               pv("SourceObject", TABLES[0])))
        got = cells(sheet)
        got[1:] = sorted(got[1:], key=lambda row: row[0])  # SELECT * has no order: sort by id
        check_cells(got, ALL_TYPES, "table %s imported into a sheet: every cell" % TABLES[0])
        sheet = import_into_new_sheet(doc, 3, (pv("DatabaseName", SOURCE), pv("SourceType", SQL),
                                               pv("SourceObject", ALL_TYPES_SQL), pv("IsNative", True)))
        check_cells(cells(sheet), ALL_TYPES, "SQL statement (native) imported into a sheet: every cell of all_types")
    finally:
        doc.close(True)


def main():
    start = time.monotonic()
    deadline = start + TIMEOUT
    workdir = tempfile.mkdtemp(prefix="athena-lo-")
    pipe = "athena_lo_%d" % os.getpid()
    proc = start_soffice(os.path.join(workdir, "profile"), pipe)

    def stop():
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()

    def on_timeout():  # a hung UNO call cannot be interrupted from Python: stop everything
        output.acquire()
        print("not ok %d - timed out after %.0f s" % (count + 1, TIMEOUT))
        print("1..%d" % (count + 1))
        sys.stdout.flush()
        stop()
        shutil.rmtree(workdir, ignore_errors=True)
        os._exit(1)

    watchdog = threading.Timer(TIMEOUT, on_timeout)
    watchdog.daemon = True
    watchdog.start()
    try:
        ctx = connect(proc, pipe, deadline)
        with output:
            print("# soffice accepting UNO connections after %.1f s" % (time.monotonic() - start))
        run(ctx, workdir)
    except Exception as e:  # a UNO exception: report it as a failure, never hang or crash silently
        ok(False, "LibreOffice run ended early: %s: %s" % (type(e).__name__, getattr(e, "Message", e)))
    finally:
        watchdog.cancel()
        stop()
        shutil.rmtree(workdir, ignore_errors=True)
    with output:
        print("# %.1f s in all" % (time.monotonic() - start))
        print("1..%d" % count)
    return 1 if failed else 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    os._exit(status)  # no interpreter clean-up of UNO proxies whose process is gone

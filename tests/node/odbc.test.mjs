// tests/node/odbc.test.mjs - node-odbc (npm odbc 2.x, tests/node/package.json) against athena-local
// through the DSN named by ATHENA_TEST_DSN and DSN-less (ATHENA_LOCAL_URL): the catalog (tables,
// columns), every column of sampledb.all_types exactly, a 1,000,000-row fetch through a cursor (its time
// printed), an error's SQLSTATE and message, and parameters (query and a prepared statement run twice).
// Run: node --test --test-reporter=tap tests/node/odbc.test.mjs (./run-tests does, after building the
// addon: tests/run-lib.sh's ensure_node_odbc). docs/clients.md describes what node-odbc does with each type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import odbc from 'odbc';

const DSN = process.env.ATHENA_TEST_DSN || 'athena-local';
const URL = process.env.ATHENA_LOCAL_URL;
const KEYS = 'UID=AKIAIOSFODNN7EXAMPLE;PWD={wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}';

let conn;
before(async () => {
  conn = await odbc.connect(`DSN=${DSN}`);
});
after(async () => {
  if (conn) await conn.close();
});

// node-odbc's JavaScript values: numbers for integers, real, double and decimal (decimal and real are read
// as text and parsed); BigInt for bigint; strings for boolean ('1'/'0'), dates, times and the types the
// driver hands over as text; an ArrayBuffer for varbinary (compared here as hex).
const N = null;
const COLUMNS = [
  // name, dataType (SQL type), columnSize, decimalDigits
  ['id', 4, 10, 0], ['c_boolean', -7, 1, 0], ['c_tinyint', -6, 3, 0], ['c_smallint', 5, 5, 0],
  ['c_integer', 4, 10, 0], ['c_bigint', -5, 19, 0], ['c_real', 7, 24, 0], ['c_double', 8, 53, 0],
  ['c_decimal', 3, 10, 2], ['c_decimal_wide', 3, 38, 9], ['c_varchar', 12, 255, 0], ['c_varchar10', 12, 10, 0],
  ['c_char', 1, 5, 0], ['c_varbinary', -3, 255, 0], ['c_date', 91, 10, 0], ['c_time', 92, 12, 3],
  ['c_timestamp', 93, 23, 3], ['c_timestamp_tz', 12, 56, 0], ['c_array_int', 12, 65535, 0],
  ['c_array_varchar', 12, 65535, 0], ['c_map', 12, 65535, 0], ['c_row', 12, 65535, 0], ['c_json', 12, 65535, 0],
  ['c_uuid', 12, 36, 0], ['c_ipaddress', 12, 39, 0], ['c_interval_ym', 12, 13, 0], ['c_interval_ds', 12, 26, 0],
];
const EXPECTED = [
  [1, '1', 1, 100, 1000, 100000n, 1.5, 2.25, 12.5, 12345.6789, 'hello', 'short', 'ab   ', '616263',
    '2017-01-02', '01:02:03.456', '2017-01-01 12:34:56.789', '2017-01-01 00:00:00.000 UTC', '[1, 2, 3]',
    '[a, b]', '{a=1, b=2}', '{x=1, y=abc}', '{"a":1,"b":[1,2]}', '123e4567-e89b-12d3-a456-426614174000',
    '192.168.0.1', '1-2', '2 03:04:05.678'],
  // c_decimal: -99999999.99 needs 12 characters and a NUL; node-odbc binds p + 2 = 12 bytes and ignores the
  // driver's 01004, so the last digit is cut (docs/clients.md; the exact text is checked below as varchar).
  // c_decimal_wide: a double cannot hold 38 digits; node-odbc's parse gives -1e29 for the exact text too.
  [2, '0', -128, -32768, -2147483648, -9223372036854775808n, -3.4028235e38, -1.7976931348623157e308,
    -99999999.9, -1e29, 'A', 'a', 'a    ', '00', '0001-01-01', '00:00:00.000', '0001-01-01 00:00:00.000',
    '1970-01-01 00:00:00.000 UTC', '[-2147483648]', '[A]', '{a=-2147483648}', '{x=-2147483648, y=A}', '[]',
    '00000000-0000-0000-0000-000000000001', '0.0.0.0', '-1-6', '-1 00:00:00.001'],
  [3, '1', 127, 32767, 2147483647, 9223372036854775807n, 3.4028235e38, 1.7976931348623157e308, 99999999.99,
    1e29, 'zzzzzzzzzz', 'zzzzzzzzzz', 'zzzzz', 'ff', '9999-12-31', '23:59:59.999', '9999-12-31 23:59:59.999',
    '9999-12-31 23:59:59.999 UTC', '[2147483647, -2147483648, 0]', '[x, y, z]', '{z=2147483647}',
    '{x=2147483647, y=z}', '{"max":1.7976931348623157E308}', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '2001:db8::1', '178956970-7', '9999 23:59:59.999'],
  [4, ...Array(26).fill(N)],
  [5, '0', 0, 0, 0, 0n, 0, 0, 0, 0, '', '', '     ', '', '1970-01-01', '00:00:00.000', '1970-01-01 00:00:00.000',
    '1970-01-01 00:00:00.000 UTC', '[]', '[]', '{}', '{x=0, y=}', '{}', '00000000-0000-0000-0000-000000000000',
    '::', '0-0', '0 00:00:00.000'],
  [6, '1', 42, 42, 42, 42n, NaN, 0.0001, -0.1, 1e-9, 'quote " comma , tab \t newline \n é ü 日本 😀', 'é日本😀',
    'ü😀   ', 'c3a9f09f9880', '2000-02-29', '12:00:00.000', '2000-02-29 12:00:00.000',
    '2000-02-29 12:00:00.500 UTC', '[1, null, 3]', '[a,b, c"d, null, ]', '{k"ey=null, é=1}', '{x=null, y=日本}',
    '{"k":"日本 😀","q":"\\""}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '2001:db8:85a3::8a2e:370:7334', '1-0',
    '0 00:00:00.001'],
  [7, '0', -1, -1, -1, -1n, Infinity, -Infinity, 0.01, -1e-9, 'line1\r\nline2', 'x', 'x    ', N, N, N, N, N,
    '[null]', '[null]', '{n=null}', '{x=null, y=null}', 'null', N, N, N, N],
  [8, N, N, N, N, N, -Infinity, 1e7, N, N, '  padded  ', ...Array(16).fill(N)],
  [9, N, N, N, N, N, 0.1, 123456.789, N, N, ',', ...Array(16).fill(N)],
  [10, N, N, N, N, N, 1e-5, 0.001, N, N, '"', ...Array(16).fill(N)],
  [11, N, N, N, N, N, 16777216, 9.999999e-4, N, N, '\t', ...Array(16).fill(N)],
  [12, N, N, N, N, N, 1.4e-45, 4.9e-324, N, N, '\n', ...Array(16).fill(N)],
];
const hex = (v) => (v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : v);
const rowValues = (row) => COLUMNS.map(([name]) => hex(row[name]));

test('connect by DSN', async () => {
  const c = await odbc.connect(`DSN=${DSN}`);
  assert.deepEqual([...(await c.query('SELECT 1 AS one'))], [{ one: 1 }]);
  await c.close();
});

test('connect DSN-less (DRIVER= and the keys in the string)', async () => {
  assert.ok(URL, 'ATHENA_LOCAL_URL is set');
  const c = await odbc.connect(
    `DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=${URL};Workgroup=primary;` +
      `S3OutputLocation=s3://athena-local-results/odbc/;Schema=sampledb;${KEYS}`);
  assert.deepEqual([...(await c.query('SELECT id FROM all_types WHERE id = 3'))], [{ id: 3 }]);
  await c.close();
});

test('conn.tables lists sampledb', async () => {
  const t = await conn.tables(null, 'sampledb', null, null);
  assert.deepEqual(t.map((r) => [r.TABLE_CAT, r.TABLE_SCHEM, r.TABLE_NAME, r.TABLE_TYPE]), [
    ['AwsDataCatalog', 'sampledb', 'all_types', 'TABLE'], ['AwsDataCatalog', 'sampledb', 'elb_logs', 'TABLE'],
    ['AwsDataCatalog', 'sampledb', 'impressions', 'TABLE'], ['AwsDataCatalog', 'sampledb', 'numbers', 'TABLE'],
    ['AwsDataCatalog', 'sampledb', 'elb_errors', 'VIEW']]);
  const views = await conn.tables(null, 'sampledb', null, 'VIEW');
  assert.deepEqual(views.map((r) => r.TABLE_NAME), ['elb_errors']);
});

test('conn.columns describes all_types as the query does', async () => {
  const cols = await conn.columns(null, 'sampledb', 'all_types', null);
  assert.deepEqual(cols.map((r) => [r.COLUMN_NAME, r.DATA_TYPE, r.COLUMN_SIZE, r.ORDINAL_POSITION]),
    COLUMNS.map(([name, type, size], i) => [name, type, size, i + 1]));
  const real = cols[6];
  assert.deepEqual([real.TYPE_NAME, real.COLUMN_SIZE, real.NUM_PREC_RADIX], ['real', 24, 2]);
  // node-odbc 2.6.0 never passes its fourth argument (a column name pattern) to SQLColumns: every column comes
  const numbers = await conn.columns(null, 'sampledb', 'numbers', 'n%');
  assert.deepEqual(numbers.map((r) => [r.COLUMN_NAME, r.TYPE_NAME, r.COLUMN_SIZE]),
    [['n', 'bigint', 19], ['n_text', 'varchar', 255], ['half', 'double', 53]]);
});

test('every column of sampledb.all_types, every row', async () => {
  const r = await conn.query('SELECT * FROM sampledb.all_types ORDER BY id');
  assert.deepEqual(r.columns.map((c) => [c.name, c.dataType, c.columnSize, c.decimalDigits]), COLUMNS);
  assert.equal(r.length, EXPECTED.length);
  for (let i = 0; i < EXPECTED.length; i++) assert.deepEqual(rowValues(r[i]), EXPECTED[i], `row ${i + 1}`);
});

test('real and decimal values exact; decimal text exact as varchar', async () => {
  const r = await conn.query(
    "SELECT CAST(123.45678 AS real) AS r, REAL '-1.00025285E-36' AS r9, CAST(0.1 AS real) AS r01, " +
      'CAST(-1234567.125 AS decimal(12,3)) AS d');
  assert.deepEqual([...r], [{ r: 123.45678, r9: -1.00025285e-36, r01: 0.1, d: -1234567.125 }]);
  const t = await conn.query('SELECT CAST(c_decimal AS varchar) AS d FROM sampledb.all_types WHERE id <= 7 ORDER BY id');
  assert.deepEqual(t.map((x) => x.d), ['12.50', '-99999999.99', '99999999.99', null, '0.00', '-0.10', '0.01']);
});

test('1,000,000 rows through a cursor (fetchSize 1000)', async (t) => {
  const start = process.hrtime.bigint();
  const cur = await conn.query('SELECT n, n_text, half FROM sampledb.numbers', { cursor: true, fetchSize: 1000 });
  let n = 0, sum = 0n, bad = 0, last;
  while (!cur.noData) {
    for (const row of await cur.fetch()) {
      n++;
      sum += row.n;
      if (row.n_text !== String(row.n) || row.half !== Number(row.n) / 2) bad++;
      last = row;
    }
  }
  await cur.close();
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  assert.deepEqual([n, sum, bad, last], [1000000, 500000500000n, 0, { n: 1000000n, n_text: '1000000', half: 500000 }]);
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  t.diagnostic(`1,000,000 rows x 3 columns fetched by node-odbc in ${secs.toFixed(1)} s (peak RSS ${peak} MB)`);
});

test('an error carries the SQLSTATE and Athena\'s message', async () => {
  await assert.rejects(conn.query('SELECT * FROM sampledb.no_such_table'), (e) => {
    assert.equal(e.message, '[odbc] Error executing the sql statement');
    assert.deepEqual(e.odbcErrors, [{
      state: '42S02', code: 0,
      message: "[Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.no_such_table' does not exist",
    }]);
    return true;
  });
});

// node-odbc binds each value with the SQL type SQLDescribeParam gives, SQL_VARCHAR: every parameter reaches
// Athena as varchar text, so a number compared with a number column needs CAST(? AS ...) (docs/parameters.md).
const TRICKY = "it's \"quoted\" -- not a comment /* ? */ é 日本 😀";
test('conn.query with parameters of several JavaScript types', async () => {
  const r = await conn.query('SELECT ? AS i, ? AS f, ? AS s, ? AS z, ? AS b', [42, 1.5, TRICKY, null, true]);
  assert.deepEqual([...r], [{ i: '42', f: '1.5', s: TRICKY, z: null, b: '1' }]);
  assert.deepEqual(r.columns.map((c) => c.dataType), [12, 12, 12, 12, 12]);
  const w = await conn.query('SELECT id FROM sampledb.all_types WHERE c_varchar = ? OR id = CAST(? AS integer) ORDER BY id',
    ['quote " comma , tab \t newline \n é ü 日本 😀', 9]);
  assert.deepEqual(w.map((x) => x.id), [6, 9]);
  const none = await conn.query('SELECT count(*) AS n FROM sampledb.all_types WHERE c_varchar = ?', ["x' OR '1'='1"]);
  assert.deepEqual([...none], [{ n: 0n }]);
});

test('a prepared statement executed twice with different values', async () => {
  const st = await conn.createStatement();
  await st.prepare('SELECT id, c_varchar, ? AS tag FROM sampledb.all_types WHERE id = CAST(? AS integer) ORDER BY id');
  await st.bind(['first', 1]);
  assert.deepEqual([...(await st.execute())], [{ id: 1, c_varchar: 'hello', tag: 'first' }]);
  await st.bind([TRICKY, 10]);
  assert.deepEqual([...(await st.execute())], [{ id: 10, c_varchar: '"', tag: TRICKY }]);
  await st.close();
});

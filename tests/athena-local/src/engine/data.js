// The built-in data, generated deterministically at start (no randomness, no clock): see README.md.
import { T, duckType } from './types.js';

const q = (s) => '"' + s + '"';
const tbl = (db, name) => `awsdatacatalog.${q(db)}.${q(name)}`;

// ---- all_types: one column of every Athena type ----
export const ALL_TYPES_COLUMNS = [
  ['id', T.integer],
  ['c_boolean', T.boolean],
  ['c_tinyint', T.tinyint],
  ['c_smallint', T.smallint],
  ['c_integer', T.integer],
  ['c_bigint', T.bigint],
  ['c_real', T.real],
  ['c_double', T.double],
  ['c_decimal', T.decimal(10, 2)],
  ['c_decimal_wide', T.decimal(38, 9)],
  ['c_varchar', T.varchar],
  ['c_varchar10', T.varcharN(10)],
  ['c_char', T.char(5)],
  ['c_varbinary', T.varbinary],
  ['c_date', T.date],
  ['c_time', T.time],
  ['c_timestamp', T.timestamp],
  ['c_timestamp_tz', T.timestamptz],
  ['c_array_int', T.array(T.integer)],
  ['c_array_varchar', T.array(T.varchar)],
  ['c_map', T.map(T.varchar, T.integer)],
  ['c_row', T.row([{ name: 'x', type: T.integer }, { name: 'y', type: T.varchar }])],
  ['c_json', T.json],
  ['c_uuid', T.uuid],
  ['c_ipaddress', T.ipaddress],
  ['c_interval_ym', T.intervalYM],
  ['c_interval_ds', T.intervalDS],
];

const N = 'NULL';
const s = (v) => "'" + v.replace(/'/g, "''") + "'";
// DuckDB literals for each row, in column order (after id).
const ALL_TYPES_ROWS = [
  // 1: typical values
  ['true', '1', '100', '1000', '100000', '1.5', '2.25', '12.50', '12345.678900000', s('hello'), s('short'), s('ab'),
    "from_hex('616263')", "DATE '2017-01-02'", "TIME '01:02:03.456'", "TIMESTAMP '2017-01-01 12:34:56.789'",
    "TIMESTAMPTZ '2017-01-01 00:00:00+00'", '[1, 2, 3]', "['a', 'b']", "MAP {'a': 1, 'b': 2}", "{'x': 1, 'y': 'abc'}",
    s('{"a":1,"b":[1,2]}'), s('123e4567-e89b-12d3-a456-426614174000'), s('192.168.0.1'), 'to_months(14)',
    'to_microseconds(CAST(183845678000 AS BIGINT))'],
  // 2: minimums
  ['false', '-128', '-32768', '-2147483648', '-9223372036854775808', "'-3.4028235e38'", "'-1.7976931348623157e308'",
    '-99999999.99', "'-99999999999999999999999999999.999999999'", s('A'), s('a'), s('a'), "from_hex('00')",
    "DATE '0001-01-01'", "TIME '00:00:00'", "TIMESTAMP '0001-01-01 00:00:00'", "TIMESTAMPTZ '1970-01-01 00:00:00+00'",
    '[-2147483648]', "['A']", "MAP {'a': -2147483648}", "{'x': -2147483648, 'y': 'A'}", s('[]'),
    s('00000000-0000-0000-0000-000000000001'), s('0.0.0.0'), 'to_months(-18)', 'to_microseconds(CAST(-86400001000 AS BIGINT))'],
  // 3: maximums
  ['true', '127', '32767', '2147483647', '9223372036854775807', "'3.4028235e38'", "'1.7976931348623157e308'",
    '99999999.99', "'99999999999999999999999999999.999999999'", s('zzzzzzzzzz'), s('zzzzzzzzzz'), s('zzzzz'),
    "from_hex('ff')", "DATE '9999-12-31'", "TIME '23:59:59.999'", "TIMESTAMP '9999-12-31 23:59:59.999'",
    "TIMESTAMPTZ '9999-12-31 23:59:59.999+00'", '[2147483647, -2147483648, 0]', "['x', 'y', 'z']",
    "MAP {'z': 2147483647}", "{'x': 2147483647, 'y': 'z'}", s('{"max":1.7976931348623157E308}'),
    s('ffffffff-ffff-ffff-ffff-ffffffffffff'), s('2001:db8::1'), 'to_months(2147483647)',
    'to_microseconds(CAST(863999999999000 AS BIGINT))'],
  // 4: all NULLs
  Array(26).fill(N),
  // 5: empty strings and zeroes
  ['false', '0', '0', '0', '0', '0.0', '0.0', '0.00', '0.000000000', s(''), s(''), s(''), "from_hex('')",
    "DATE '1970-01-01'", "TIME '00:00:00'", "TIMESTAMP '1970-01-01 00:00:00'", "TIMESTAMPTZ '1970-01-01 00:00:00+00'",
    '[]', '[]', 'MAP {}', "{'x': 0, 'y': ''}", s('{}'), s('00000000-0000-0000-0000-000000000000'), s('::'),
    'to_months(0)', 'to_microseconds(CAST(0 AS BIGINT))'],
  // 6: text with quotes, commas, tab, newline, non-ASCII and emoji; NULLs inside arrays, maps and rows
  ['true', '42', '42', '42', '42', "'NaN'", "'1.0e-4'", '-0.10', '0.000000001',
    s('quote " comma , tab \t newline \n é ü 日本 😀'), s('é日本😀'), s('ü😀'), "from_hex('c3a9f09f9880')",
    "DATE '2000-02-29'", "TIME '12:00:00'", "TIMESTAMP '2000-02-29 12:00:00'", "TIMESTAMPTZ '2000-02-29 12:00:00.5+00'",
    '[1, NULL, 3]', `['a,b', 'c"d', NULL, '']`, `MAP {'k"ey': NULL, 'é': 1}`, "{'x': NULL, 'y': '日本'}",
    s('{"k":"日本 😀","q":"\\""}'), s('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), s('2001:db8:85a3::8a2e:370:7334'),
    'to_months(12)', 'to_microseconds(CAST(1000 AS BIGINT))'],
  // 7: infinities
  ['false', '-1', '-1', '-1', '-1', "'Infinity'", "'-Infinity'", '0.01', '-0.000000001', s('line1\r\nline2'), s('x'), s('x'),
    N, N, N, N, N, '[NULL]', '[NULL]', "MAP {'n': NULL}", '{\'x\': NULL, \'y\': NULL}', s('null'), N, N, N, N],
  // 8: Java number text around the plain/scientific threshold
  [N, N, N, N, N, "'-Infinity'", "'1.0e7'", N, N, s('  padded  '), N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N],
  // 9
  [N, N, N, N, N, "'0.1'", "'123456.789'", N, N, s(','), N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N],
  // 10
  [N, N, N, N, N, "'1.0e-5'", "'0.001'", N, N, s('"'), N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N],
  // 11
  [N, N, N, N, N, "'16777216'", "'9.999999e-4'", N, N, s('\t'), N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N],
  // 12
  [N, N, N, N, N, "'1.0e-45'", "'4.9e-324'", N, N, s('\n'), N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N],
];

export function allTypesRowCount() { return ALL_TYPES_ROWS.length; }

async function createAllTypes(run, registry, db) {
  const cols = ALL_TYPES_COLUMNS.map(([n, t]) => `${q(n)} ${duckType(t)}`).join(', ');
  await run(`CREATE TABLE ${tbl(db, 'all_types')} (${cols})`);
  const values = ALL_TYPES_ROWS.map((r, i) => {
    const cells = r.map((v, j) => (v === N ? N : `CAST(${v} AS ${duckType(ALL_TYPES_COLUMNS[j + 1][1])})`));
    return `(${i + 1}, ${cells.join(', ')})`;
  }).join(',\n');
  await run(`INSERT INTO ${tbl(db, 'all_types')} VALUES ${values}`);
  registry.addTable(db, {
    name: 'all_types',
    columns: ALL_TYPES_COLUMNS.map(([name, type]) => ({ name, type })),
    parameters: { classification: 'parquet', 'athena-local.generated': 'true' },
    location: 's3://athena-local-data/sampledb/all_types/',
    rowCount: ALL_TYPES_ROWS.length,
    createTime: 1700000000,
  });
}

// ---- elb_logs: the columns of Athena's tutorial table ----
export const ELB_COLUMNS = [
  ['request_timestamp', T.varchar], ['elb_name', T.varchar], ['request_ip', T.varchar], ['request_port', T.integer],
  ['backend_ip', T.varchar], ['backend_port', T.integer], ['request_processing_time', T.double],
  ['backend_processing_time', T.double], ['client_response_time', T.double], ['elb_response_code', T.varchar],
  ['backend_response_code', T.varchar], ['received_bytes', T.bigint], ['sent_bytes', T.bigint],
  ['request_verb', T.varchar], ['url', T.varchar], ['protocol', T.varchar], ['user_agent', T.varchar],
  ['ssl_cipher', T.varchar], ['ssl_protocol', T.varchar],
];
export const ELB_ROWS = 10000;

async function createElbLogs(run, registry, db) {
  const codes = "CASE i % 20 WHEN 0 THEN '500' WHEN 1 THEN '404' WHEN 2 THEN '302' WHEN 3 THEN '503' ELSE '200' END";
  await run(`CREATE TABLE ${tbl(db, 'elb_logs')} AS SELECT
    strftime(TIMESTAMP '2015-01-01 00:00:00' + to_seconds(CAST(i * 37 AS BIGINT)), '%Y-%m-%dT%H:%M:%S') || '.' || lpad(CAST((i * 7919) % 1000000 AS VARCHAR), 6, '0') || 'Z' AS request_timestamp,
    'elb_demo_' || lpad(CAST(i % 9 + 1 AS VARCHAR), 3, '0') AS elb_name,
    '240.' || CAST((i * 7) % 256 AS VARCHAR) || '.' || CAST((i * 13) % 256 AS VARCHAR) || '.' || CAST((i * 17) % 256 AS VARCHAR) AS request_ip,
    CAST(1024 + (i * 7919) % 64000 AS INTEGER) AS request_port,
    '10.0.' || CAST(i % 4 AS VARCHAR) || '.' || CAST((i * 3) % 256 AS VARCHAR) AS backend_ip,
    CAST(8000 + i % 3 AS INTEGER) AS backend_port,
    CAST((i * 31) % 100 AS DOUBLE) / 100000 AS request_processing_time,
    CAST((i * 17) % 1000 AS DOUBLE) / 1000 AS backend_processing_time,
    CAST((i * 11) % 50 AS DOUBLE) / 1000000 AS client_response_time,
    ${codes} AS elb_response_code,
    ${codes} AS backend_response_code,
    CAST((i * 97) % 5000 AS BIGINT) AS received_bytes,
    CAST((i * 7919) % 100000 AS BIGINT) AS sent_bytes,
    ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'][i % 5 + 1] AS request_verb,
    'http://www.example.com/articles/' || CAST(i % 1000 AS VARCHAR) AS url,
    'HTTP/1.1' AS protocol,
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'curl/7.68.0', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', 'python-requests/2.25.1'][i % 4 + 1] AS user_agent,
    '-' AS ssl_cipher,
    '-' AS ssl_protocol
  FROM range(0, ${ELB_ROWS}) r(i) ORDER BY i`);
  registry.addTable(db, {
    name: 'elb_logs',
    columns: ELB_COLUMNS.map(([name, type]) => ({ name, type })),
    parameters: { EXTERNAL: 'TRUE', 'input.regex': '([^ ]*) ([^ ]*) ([^ ]*):([0-9]*) ([^ ]*)[:-]([0-9]*) ([-.0-9]*) ([-.0-9]*) ([-.0-9]*) (|[-0-9]*) (-|[-0-9]*) ([-0-9]*) ([-0-9]*) \\"([^ ]*) ([^ ]*) (- |[^ ]*)\\" (\"[^\"]*\") ([A-Z0-9-]+) ([A-Za-z0-9.-]*)$' },
    location: 's3://athena-examples-us-east-1/elb/plaintext',
    serde: 'org.apache.hadoop.hive.serde2.RegexSerDe',
    rowCount: ELB_ROWS,
    createTime: 1480278335,
  });
}

// ---- impressions: partitioned by dt ----
export const IMPRESSION_PARTITIONS = ['2009-04-12-13-00', '2009-04-12-13-05', '2009-04-12-13-10'];
async function createImpressions(run, registry, db) {
  const parts = IMPRESSION_PARTITIONS.map((dt, k) => `SELECT
      '${dt.slice(0, 10)} ${dt.slice(11, 13)}:${dt.slice(14, 16)}:' || lpad(CAST(i % 60 AS VARCHAR), 2, '0') AS requestbegintime,
      'ad' || lpad(CAST((i * 7 + ${k}) % 50 AS VARCHAR), 4, '0') AS adid,
      'imp-${k}-' || CAST(i AS VARCHAR) AS impressionid,
      'example.com/page' || CAST(i % 10 AS VARCHAR) AS referrer,
      'Mozilla/5.0' AS useragent,
      'cookie' || CAST((i * 13) % 97 AS VARCHAR) AS usercookie,
      '10.1.' || CAST(${k} AS VARCHAR) || '.' || CAST(i AS VARCHAR) AS ip,
      CAST(i * 3 + ${k} AS INTEGER) AS number,
      '${dt}' AS dt
    FROM range(0, 100) r(i)`).join(' UNION ALL ');
  await run(`CREATE TABLE ${tbl(db, 'impressions')} AS SELECT * FROM (${parts}) ORDER BY dt, number`);
  registry.addTable(db, {
    name: 'impressions',
    columns: [['requestbegintime', T.varchar], ['adid', T.varchar], ['impressionid', T.varchar], ['referrer', T.varchar],
      ['useragent', T.varchar], ['usercookie', T.varchar], ['ip', T.varchar], ['number', T.integer]].map(([name, type]) => ({ name, type })),
    partitionKeys: [{ name: 'dt', type: T.varchar }],
    partitions: IMPRESSION_PARTITIONS.map((dt) => `dt=${dt}`),
    parameters: { EXTERNAL: 'TRUE', classification: 'json' },
    location: 's3://elasticmapreduce/samples/hive-ads/tables/impressions',
    serde: 'org.openx.data.jsonserde.JsonSerDe',
    rowCount: 300,
    createTime: 1700000000,
  });
}

// ---- numbers: 1,000,000 rows for paging and benchmarks ----
export const NUMBERS_ROWS = 1000000;
async function createNumbers(run, registry, db) {
  await run(`CREATE TABLE ${tbl(db, 'numbers')} AS SELECT CAST(i AS BIGINT) AS n, CAST(i AS VARCHAR) AS n_text, CAST(i AS DOUBLE) / 2 AS half FROM range(1, ${NUMBERS_ROWS + 1}) r(i) ORDER BY i`);
  registry.addTable(db, {
    name: 'numbers',
    columns: [{ name: 'n', type: T.bigint }, { name: 'n_text', type: T.varchar }, { name: 'half', type: T.double }],
    parameters: { classification: 'parquet' },
    location: 's3://athena-local-data/sampledb/numbers/',
    rowCount: NUMBERS_ROWS,
    createTime: 1700000000,
  });
}

// Creates databases default and sampledb with their tables. `execute` runs Athena SQL through the engine
// (used for the view, so that it goes through the same path as a user's CREATE VIEW).
export async function generateBuiltins(run, registry, execute) {
  await run('CREATE SCHEMA awsdatacatalog."default"');
  await run('CREATE SCHEMA awsdatacatalog."sampledb"');
  registry.addDatabase('default', { description: 'Default Hive database', location: 's3://athena-local-data/default/' });
  registry.addDatabase('sampledb', { description: 'athena-local sample data', location: 's3://athena-local-data/sampledb/' });
  await createAllTypes(run, registry, 'sampledb');
  await createElbLogs(run, registry, 'sampledb');
  await createImpressions(run, registry, 'sampledb');
  await createNumbers(run, registry, 'sampledb');
  await execute(`CREATE VIEW sampledb.elb_errors AS
SELECT request_timestamp, elb_name, elb_response_code, url
FROM sampledb.elb_logs
WHERE elb_response_code >= '500'`, 'sampledb');
  const v = registry.resolveTable('sampledb', 'elb_errors');
  v.createTime = 1700000000;
}

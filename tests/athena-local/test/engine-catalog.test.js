// The engine's catalog: metadata API, SHOW/DESCRIBE (.txt results), DDL, CTAS/INSERT, --data mounting,
// and the exact result-file bytes of sampledb.all_types.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createEngine, EngineError } from '../src/engine/index.js';
import { renderCsv, renderMetadata, renderTxt } from '../src/engine/render.js';

let engine;
before(async () => { engine = await createEngine({}); });
after(() => engine.close());

const run = (sql, database = 'sampledb') => engine.execute(sql, { catalog: 'AwsDataCatalog', database });
const lines = async (sql, database) => (await run(sql, database)).rows.map((r) => { assert.equal(r.length, 1); return r[0]; });

function metadataError(fn, message, kind = 'metadata') {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof EngineError);
    assert.equal(e.kind, kind);
    assert.equal(e.message, message);
    return true;
  });
}

describe('metadata API', () => {
  it('data catalogs', () => {
    assert.deepEqual(engine.listDataCatalogs(), [{ CatalogName: 'AwsDataCatalog', Type: 'GLUE' }]);
    const c = engine.getDataCatalog('AwsDataCatalog');
    assert.equal(c.Name, 'AwsDataCatalog');
    assert.equal(c.Type, 'GLUE');
    assert.deepEqual(c.Parameters, { 'catalog-id': '123456789012' });
    metadataError(() => engine.getDataCatalog('nope'), 'Cannot find catalog nope.', 'invalid');
  });

  it('databases', () => {
    assert.deepEqual(engine.listDatabases('AwsDataCatalog').map((d) => d.Name).filter((n) => n === 'default' || n === 'sampledb'), ['default', 'sampledb']);
    assert.deepEqual(engine.getDatabase('AwsDataCatalog', 'sampledb'), { Name: 'sampledb', Description: 'athena-local sample data', Parameters: {} });
    metadataError(() => engine.getDatabase('AwsDataCatalog', 'nope'), 'Database nope not found.');
    metadataError(() => engine.listDatabases('other'), 'Cannot find catalog other.', 'invalid');
  });

  it('tables of sampledb, with the regex filter', () => {
    const all = engine.listTableMetadata('AwsDataCatalog', 'sampledb');
    assert.deepEqual(all.map((t) => t.Name).filter((n) => ['all_types', 'elb_errors', 'elb_logs', 'impressions', 'numbers'].includes(n)), ['all_types', 'elb_errors', 'elb_logs', 'impressions', 'numbers']);
    assert.deepEqual(engine.listTableMetadata('AwsDataCatalog', 'sampledb', 'elb.*').map((t) => t.Name), ['elb_errors', 'elb_logs']);
    assert.deepEqual(engine.listTableMetadata('AwsDataCatalog', 'sampledb', 'elb*').map((t) => t.Name), ['elb_errors', 'elb_logs']);
    assert.deepEqual(engine.listTableMetadata('AwsDataCatalog', 'sampledb', 'numbers|impressions').map((t) => t.Name), ['impressions', 'numbers']);
    assert.deepEqual(engine.listTableMetadata('AwsDataCatalog', 'default', 'nothing_here'), []);
    // Expression is matched as given (names are lower case), SHOW TABLES' pattern ignores case
    assert.deepEqual(engine.listTableMetadata('AwsDataCatalog', 'sampledb', 'ELB.*'), []);
    assert.deepEqual(engine.listTableMetadata('AwsDataCatalog', 'sampledb', 'elb_......').map((t) => t.Name), ['elb_errors']);
    metadataError(() => engine.listTableMetadata('AwsDataCatalog', 'nope'), 'Database nope not found.');
  });

  it('all_types: Hive type names', () => {
    const t = engine.getTableMetadata('AwsDataCatalog', 'sampledb', 'all_types');
    assert.equal(t.TableType, 'EXTERNAL_TABLE');
    assert.equal(typeof t.CreateTime, 'number');
    assert.deepEqual(t.PartitionKeys, []);
    assert.deepEqual(t.Columns.map((c) => `${c.Name} ${c.Type}`), [
      'id int', 'c_boolean boolean', 'c_tinyint tinyint', 'c_smallint smallint', 'c_integer int', 'c_bigint bigint',
      'c_real float', 'c_double double', 'c_decimal decimal(10,2)', 'c_decimal_wide decimal(38,9)', 'c_varchar string',
      'c_varchar10 varchar(10)', 'c_char char(5)', 'c_varbinary binary', 'c_date date', 'c_time time', 'c_timestamp timestamp',
      'c_timestamp_tz timestamp with time zone', 'c_array_int array<int>', 'c_array_varchar array<string>',
      'c_map map<string,int>', 'c_row struct<x:int,y:string>', 'c_json json', 'c_uuid uuid', 'c_ipaddress ipaddress',
      'c_interval_ym interval year to month', 'c_interval_ds interval day to second',
    ]);
  });

  it('elb_logs has the tutorial columns; impressions reports its partition key; elb_errors is a view', () => {
    const elb = engine.getTableMetadata('AwsDataCatalog', 'sampledb', 'elb_logs');
    assert.deepEqual(elb.Columns.map((c) => `${c.Name} ${c.Type}`), [
      'request_timestamp string', 'elb_name string', 'request_ip string', 'request_port int', 'backend_ip string',
      'backend_port int', 'request_processing_time double', 'backend_processing_time double', 'client_response_time double',
      'elb_response_code string', 'backend_response_code string', 'received_bytes bigint', 'sent_bytes bigint',
      'request_verb string', 'url string', 'protocol string', 'user_agent string', 'ssl_cipher string', 'ssl_protocol string',
    ]);
    const imp = engine.getTableMetadata('AwsDataCatalog', 'sampledb', 'impressions');
    assert.deepEqual(imp.PartitionKeys, [{ Name: 'dt', Type: 'string' }]);
    assert.equal(imp.Columns.some((c) => c.Name === 'dt'), false);
    const v = engine.getTableMetadata('AwsDataCatalog', 'sampledb', 'elb_errors');
    assert.equal(v.TableType, 'VIRTUAL_VIEW');
    assert.deepEqual(v.Columns, [{ Name: 'request_timestamp', Type: 'string' }, { Name: 'elb_name', Type: 'string' }, { Name: 'elb_response_code', Type: 'string' }, { Name: 'url', Type: 'string' }]);
    assert.deepEqual(v.Parameters, { comment: 'Presto View', presto_view: 'true' });
    const n = engine.getTableMetadata('AwsDataCatalog', 'sampledb', 'numbers');
    assert.deepEqual(n.Columns, [{ Name: 'n', Type: 'bigint' }, { Name: 'n_text', Type: 'string' }, { Name: 'half', Type: 'double' }]);
    metadataError(() => engine.getTableMetadata('AwsDataCatalog', 'sampledb', 'nope'), 'Table nope not found.');
  });

  it('the built-in data is deterministic', async () => {
    assert.deepEqual((await run('SELECT count(*), sum(sent_bytes), min(request_timestamp), max(request_timestamp) FROM elb_logs')).rows,
      [['10000', '499805000', '2015-01-01T00:00:00.000000Z', '2015-01-05T06:46:03.182081Z']]);
    assert.deepEqual((await run('SELECT * FROM elb_logs ORDER BY request_timestamp LIMIT 1')).rows, [[
      '2015-01-01T00:00:00.000000Z', 'elb_demo_001', '240.0.0.0', '1024', '10.0.0.0', '8000', '0.0', '0.0', '0.0', '500', '500', '0', '0',
      'GET', 'http://www.example.com/articles/0', 'HTTP/1.1', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', '-', '-']]);
    assert.deepEqual((await run("SELECT request_processing_time, backend_processing_time, client_response_time FROM elb_logs WHERE request_timestamp LIKE '2015-01-01T00:00:37%'")).rows, [['3.1E-4', '0.017', '1.1E-5']]);
    assert.deepEqual((await run('SELECT dt, count(*) FROM impressions GROUP BY dt ORDER BY dt')).rows, [['2009-04-12-13-00', '100'], ['2009-04-12-13-05', '100'], ['2009-04-12-13-10', '100']]);
    assert.deepEqual((await run('SELECT count(*), min(elb_response_code) FROM elb_errors')).rows, [['1000', '500']]);
  });
});

describe('.txt results', () => {
  const check = async (sql, sub, names, want, database) => {
    const r = await run(sql, database);
    assert.equal(r.statementType, 'UTILITY');
    assert.equal(r.substatementType, sub);
    assert.equal(r.fileKind, 'txt');
    assert.deepEqual(r.columns.map((c) => [c.Name, c.Type, c.Precision, c.CaseSensitive]), names.map((n) => [n, 'string', 0, false]));
    assert.deepEqual(r.rows.map((x) => x.length), r.rows.map(() => 1));
    if (want) assert.deepEqual(r.rows.map((x) => x[0]), want);
    return r;
  };

  it('SHOW TABLES, SHOW DATABASES', async () => {
    await check("SHOW TABLES IN sampledb 'elb*'", 'SHOW_TABLES', ['tab_name'], ['elb_errors', 'elb_logs'], 'default');
    await check("SHOW TABLES 'num*|imp*'", 'SHOW_TABLES', ['tab_name'], ['impressions', 'numbers']);
    await check("SHOW TABLES 'NUM*'", 'SHOW_TABLES', ['tab_name'], ['numbers']);
    await check("SHOW SCHEMAS LIKE 'samp.*'", 'SHOW_DATABASES', ['database_name'], ['sampledb']);
    const r = await check('SHOW DATABASES', 'SHOW_DATABASES', ['database_name']);
    assert.ok(r.rows.some((x) => x[0] === 'default') && r.rows.some((x) => x[0] === 'sampledb'));
  });

  it('SHOW COLUMNS pads names to 20 characters', async () => {
    await check('SHOW COLUMNS IN impressions', 'SHOW_COLUMNS', ['field'], [
      'requestbegintime    ', 'adid                ', 'impressionid        ', 'referrer            ', 'useragent           ',
      'usercookie          ', 'ip                  ', 'number              ', 'dt                  ']);
    await check('SHOW COLUMNS FROM numbers IN sampledb', 'SHOW_COLUMNS', ['field'], ['n                   ', 'n_text              ', 'half                '], 'default');
  });

  it('DESCRIBE: three ColumnInfo columns, one padded tab-separated datum per row', async () => {
    const r = await check('DESCRIBE sampledb.numbers', 'DESCRIBE_TABLE', ['col_name', 'data_type', 'comment'], [
      'n                   \tbigint              \t                    ',
      'n_text              \tstring              \t                    ',
      'half                \tdouble              \t                    ',
    ], 'default');
    assert.equal(renderTxt(r.rows).toString('utf8'), 'n                   \tbigint              \t                    \nn_text              \tstring              \t                    \nhalf                \tdouble              \t                    \n');
    await check('DESCRIBE impressions', 'DESCRIBE_TABLE', ['col_name', 'data_type', 'comment'], [
      'requestbegintime    \tstring              \t                    ',
      'adid                \tstring              \t                    ',
      'impressionid        \tstring              \t                    ',
      'referrer            \tstring              \t                    ',
      'useragent           \tstring              \t                    ',
      'usercookie          \tstring              \t                    ',
      'ip                  \tstring              \t                    ',
      'number              \tint                 \t                    ',
      'dt                  \tstring              \t                    ',
      '',
      '# Partition Information',
      '# col_name          \tdata_type           \tcomment             ',
      '',
      'dt                  \tstring              \t                    ',
    ]);
    await check('DESCRIBE all_types c_row', 'DESCRIBE_TABLE', ['col_name', 'data_type', 'comment'], ['c_row               \tstruct<x:int,y:string>\t                    ']);
  });

  it('SHOW CREATE TABLE, SHOW CREATE VIEW, SHOW PARTITIONS', async () => {
    await check('SHOW CREATE TABLE impressions', 'SHOW_CREATE_TABLE', ['createtab_stmt'], [
      'CREATE EXTERNAL TABLE `sampledb`.`impressions`(',
      '  `requestbegintime` string, ', '  `adid` string, ', '  `impressionid` string, ', '  `referrer` string, ',
      '  `useragent` string, ', '  `usercookie` string, ', '  `ip` string, ', '  `number` int)',
      'PARTITIONED BY ( ', '  `dt` string)',
      'ROW FORMAT SERDE ', "  'org.openx.data.jsonserde.JsonSerDe' ",
      'STORED AS INPUTFORMAT ', "  'org.apache.hadoop.mapred.TextInputFormat' ",
      'OUTPUTFORMAT ', "  'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
      'LOCATION', "  's3://elasticmapreduce/samples/hive-ads/tables/impressions'",
      'TBLPROPERTIES (', "  'EXTERNAL'='TRUE', ", "  'classification'='json', ", "  'transient_lastDdlTime'='1700000000')",
    ]);
    await check('SHOW CREATE VIEW elb_errors', 'SHOW_CREATE_VIEW', ['Create View'], [
      'CREATE VIEW awsdatacatalog.sampledb.elb_errors AS',
      'SELECT request_timestamp, elb_name, elb_response_code, url',
      'FROM sampledb.elb_logs',
      "WHERE elb_response_code >= '500'",
    ]);
    await check('SHOW PARTITIONS impressions', 'SHOW_PARTITIONS', ['partition'], ['dt=2009-04-12-13-00', 'dt=2009-04-12-13-05', 'dt=2009-04-12-13-10']);
  });

  it('errors name the missing table', async () => {
    await assert.rejects(run('DESCRIBE nope'), { kind: 'failed', errorType: 'TABLE_NOT_FOUND', message: "TABLE_NOT_FOUND: line 1:10: Table 'awsdatacatalog.sampledb.nope' does not exist" });
    await assert.rejects(run('SHOW TABLES IN nope'), { kind: 'failed', errorType: 'SCHEMA_NOT_FOUND', message: "SCHEMA_NOT_FOUND: line 1:16: Schema 'nope' does not exist" });
  });
});

describe('DDL, CTAS and INSERT', () => {
  it('CTAS writes rows, reports UpdateCount and the table appears in the metadata', async () => {
    const r = await run("CREATE TABLE ctas_t AS SELECT id, c_varchar10, c_ipaddress, c_decimal, 'x' AS k FROM all_types WHERE id <= 3");
    assert.equal(r.statementType, 'DDL');
    assert.equal(r.substatementType, 'CREATE_TABLE_AS_SELECT');
    assert.equal(r.updateCount, 3);
    assert.deepEqual(r.rows, []);
    assert.deepEqual(r.columns, [{ CatalogName: 'hive', SchemaName: '', TableName: '', Name: 'rows', Label: 'rows', Type: 'bigint', Precision: 19, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: false }]);
    const t = engine.getTableMetadata('AwsDataCatalog', 'sampledb', 'ctas_t');
    assert.deepEqual(t.Columns, [{ Name: 'id', Type: 'int' }, { Name: 'c_varchar10', Type: 'varchar(10)' }, { Name: 'c_ipaddress', Type: 'ipaddress' }, { Name: 'c_decimal', Type: 'decimal(10,2)' }, { Name: 'k', Type: 'varchar(1)' }]);
    assert.deepEqual((await run('SELECT * FROM ctas_t ORDER BY id')).rows, [['1', 'short', '192.168.0.1', '12.50', 'x'], ['2', 'a', '0.0.0.0', '-99999999.99', 'x'], ['3', 'zzzzzzzzzz', '2001:db8::1', '99999999.99', 'x']]);
    assert.ok((await lines('SHOW TABLES')).includes('ctas_t'));
  });

  it('INSERT INTO reports the rows written', async () => {
    const r = await run("INSERT INTO ctas_t SELECT id + 100, c_varchar10, c_ipaddress, c_decimal, 'y' FROM all_types WHERE id IN (1, 2)");
    assert.equal(r.statementType, 'DML');
    assert.equal(r.substatementType, 'INSERT');
    assert.equal(r.updateCount, 2);
    assert.deepEqual(r.columns.map((c) => [c.Name, c.Type, c.Precision]), [['rows', 'bigint', 19]]);
    assert.equal((await run("INSERT INTO ctas_t (id, k) VALUES (200, 'z')")).updateCount, 1);
    assert.deepEqual((await run('SELECT count(*), max(id) FROM ctas_t')).rows, [['6', '200']]);
    await assert.rejects(run('INSERT INTO ctas_t (id, nope) VALUES (1, 2)'), { errorType: 'COLUMN_NOT_FOUND' });
  });

  it('CTAS errors and options', async () => {
    await assert.rejects(run('CREATE TABLE ctas_t AS SELECT 1 AS a'), { errorType: 'TABLE_ALREADY_EXISTS', message: "TABLE_ALREADY_EXISTS: line 1:1: Table 'awsdatacatalog.sampledb.ctas_t' already exists" });
    assert.equal((await run('CREATE TABLE IF NOT EXISTS ctas_t AS SELECT 1 AS a')).updateCount, 0);
    await assert.rejects(run('CREATE TABLE ctas_u AS SELECT 1 + 1'), { errorType: 'MISSING_COLUMN_NAME', message: 'MISSING_COLUMN_NAME: line 1:1: Column name not specified at position 1' });
    const p = await run("CREATE TABLE ctas_p WITH (format = 'PARQUET', partitioned_by = ARRAY['dt']) AS SELECT number, dt FROM impressions WHERE number < 9");
    assert.equal(p.updateCount, 9);
    const t = engine.getTableMetadata('AwsDataCatalog', 'sampledb', 'ctas_p');
    assert.deepEqual(t.Columns, [{ Name: 'number', Type: 'int' }]);
    assert.deepEqual(t.PartitionKeys, [{ Name: 'dt', Type: 'string' }]);
    assert.equal(t.Parameters.classification, 'parquet');
    assert.equal((await run('CREATE TABLE ctas_empty AS SELECT n FROM numbers WITH NO DATA')).updateCount, 0);
    assert.deepEqual((await run('SELECT count(*) FROM ctas_empty')).rows, [['0']]);
  });

  it('DROP TABLE, CREATE VIEW, CREATE/DROP DATABASE are DDL with no rows', async () => {
    const ddl = (r, sub) => {
      assert.equal(r.statementType, 'DDL');
      assert.equal(r.substatementType, sub);
      assert.equal(r.fileKind, 'txt');
      assert.deepEqual(r.columns, []);
      assert.deepEqual(r.rows, []);
      assert.equal(r.updateCount, undefined);
    };
    ddl(await run('CREATE DATABASE scratch_db'), 'CREATE_DATABASE');
    assert.deepEqual(engine.getDatabase('AwsDataCatalog', 'scratch_db'), { Name: 'scratch_db', Parameters: {} });
    await assert.rejects(run('CREATE SCHEMA scratch_db'), { errorType: 'SCHEMA_ALREADY_EXISTS', message: "SCHEMA_ALREADY_EXISTS: line 1:1: Schema 'awsdatacatalog.scratch_db' already exists" });
    ddl(await run('CREATE SCHEMA IF NOT EXISTS scratch_db'), 'CREATE_DATABASE');
    assert.equal((await run('CREATE TABLE scratch_db.t1 AS SELECT 1 AS a')).updateCount, 1);
    ddl(await run('CREATE VIEW scratch_db.v1 AS SELECT a, a * 2 AS b FROM scratch_db.t1'), 'CREATE_VIEW');
    const v = engine.getTableMetadata('AwsDataCatalog', 'scratch_db', 'v1');
    assert.equal(v.TableType, 'VIRTUAL_VIEW');
    assert.deepEqual(v.Columns, [{ Name: 'a', Type: 'int' }, { Name: 'b', Type: 'int' }]);
    assert.deepEqual((await run('SELECT * FROM v1', 'scratch_db')).rows, [['1', '2']]);
    ddl(await run('CREATE OR REPLACE VIEW scratch_db.v1 AS SELECT 7 AS c'), 'CREATE_VIEW');
    assert.deepEqual((await run('SELECT * FROM scratch_db.v1')).rows, [['7']]);
    ddl(await run("CREATE EXTERNAL TABLE scratch_db.ext (a int COMMENT 'first', b string) COMMENT 'the table' PARTITIONED BY (dt string COMMENT 'day') ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe' STORED AS TEXTFILE LOCATION 's3://bucket/ext/' TBLPROPERTIES ('skip.header.line.count'='1')"), 'CREATE_TABLE');
    const ext = engine.getTableMetadata('AwsDataCatalog', 'scratch_db', 'ext');
    assert.deepEqual(ext.Columns, [{ Name: 'a', Type: 'int', Comment: 'first' }, { Name: 'b', Type: 'string' }]);
    assert.deepEqual(ext.PartitionKeys, [{ Name: 'dt', Type: 'string', Comment: 'day' }]);
    assert.deepEqual(ext.Parameters, { 'skip.header.line.count': '1', EXTERNAL: 'TRUE', comment: 'the table' });
    await assert.rejects(run('DROP DATABASE scratch_db'), { errorType: 'SCHEMA_NOT_EMPTY' });
    ddl(await run('DROP VIEW scratch_db.v1'), 'DROP_VIEW');
    ddl(await run('DROP TABLE scratch_db.t1'), 'DROP_TABLE');
    ddl(await run('DROP TABLE IF EXISTS scratch_db.t1'), 'DROP_TABLE');
    await assert.rejects(run('DROP TABLE scratch_db.t1'), { errorType: 'TABLE_NOT_FOUND', message: "TABLE_NOT_FOUND: line 1:12: Table 'awsdatacatalog.scratch_db.t1' does not exist" });
    await assert.rejects(run('SELECT * FROM scratch_db.t1'), { errorType: 'TABLE_NOT_FOUND' });
    ddl(await run('DROP DATABASE scratch_db CASCADE'), 'DROP_DATABASE');
    metadataError(() => engine.getDatabase('AwsDataCatalog', 'scratch_db'), 'Database scratch_db not found.');
  });
});

describe('--data DIR mounting', () => {
  let dir;
  let mounted;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'athena-local-data-'));
    mkdirSync(join(dir, 'UserDB'));
    mkdirSync(join(dir, 'sampledb'));
    writeFileSync(join(dir, 'UserDB', 'People.csv'), 'ID,Name,Score\n1,Ann,2.5\n2,"Bo, Jr.",\n3,Ché,10\n');
    writeFileSync(join(dir, 'UserDB', 'events.json'), '[{"id": 1, "tags": ["a", "b"], "meta": {"k": "v"}}, {"id": 2, "tags": [], "meta": {"k": null}}]');
    writeFileSync(join(dir, 'UserDB', 'notes.txt'), 'not a table');
    writeFileSync(join(dir, 'sampledb', 'extra.csv'), 'x\n42\n');
    writeFileSync(join(dir, 'UserDB', 'semicolons.csv'), 'a;b\n1;x\n2;y\n');
    writeFileSync(join(dir, 'UserDB', 'grow.csv'), 'v\n1\n2\n');
    writeFileSync(join(dir, 'UserDB', 'dropme.csv'), 'v\n1\n');
    writeFileSync(join(dir, 'UserDB', 'kinds.csv'), 'i,d,b,day,ts,mixed,bad_day,empty\r\n1,2,TRUE,2020-02-29,2020-01-01 10:00:00.5,1,2020-02-30,\r\n-3,1e3,false,1999-12-31,2020-01-01T23:59:59,x,2020-01-01,""\r\n');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const pq = join(dir, 'UserDB', 'measures.parquet').replace(/'/g, "''");
    await c.run(`COPY (SELECT CAST(i AS INTEGER) AS m_id, CAST(i AS DECIMAL(10,2)) / 4 AS amount, DATE '2024-01-01' + CAST(i AS INTEGER) AS day FROM range(1, 4) t(i)) TO '${pq}' (FORMAT parquet)`);
    c.closeSync();
    db.closeSync();
    mounted = await createEngine({ dataDir: dir });
  });
  after(() => {
    mounted?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each subfolder is a database, each csv/parquet/json file a table', async () => {
    assert.ok(mounted.listDatabases('AwsDataCatalog').some((d) => d.Name === 'userdb'));
    assert.deepEqual(mounted.listTableMetadata('AwsDataCatalog', 'userdb').map((t) => t.Name), ['dropme', 'events', 'grow', 'kinds', 'measures', 'people', 'semicolons']);
    assert.ok(mounted.listTableMetadata('AwsDataCatalog', 'sampledb').some((t) => t.Name === 'extra'));
  });

  it('csv', async () => {
    const t = mounted.getTableMetadata('AwsDataCatalog', 'userdb', 'people');
    assert.deepEqual(t.Columns, [{ Name: 'id', Type: 'bigint' }, { Name: 'name', Type: 'string' }, { Name: 'score', Type: 'double' }]);
    assert.equal(t.Parameters.classification, 'csv');
    const r = await mounted.execute('SELECT * FROM people ORDER BY id', { database: 'userdb' });
    assert.deepEqual(r.columns.map((c) => c.Name), ['id', 'name', 'score']);
    assert.deepEqual(r.rows, [['1', 'Ann', '2.5'], ['2', 'Bo, Jr.', null], ['3', 'Ché', '10.0']]);
    assert.deepEqual((await mounted.execute('SELECT x FROM sampledb.extra', {})).rows, [['42']]);
  });

  it('csv the JavaScript sniffer types: each kind, CRLF, empty fields, loaded once when first read', async () => {
    const t = mounted.getTableMetadata('AwsDataCatalog', 'userdb', 'kinds');
    assert.deepEqual(t.Columns.map((c) => `${c.Name} ${c.Type}`), ['i bigint', 'd double', 'b boolean', 'day date', 'ts timestamp', 'mixed string', 'bad_day string', 'empty string']);
    assert.equal(mounted.registry.resolveTable('userdb', 'kinds').load !== undefined, true);
    const [r1, r2] = await Promise.all([mounted.execute('SELECT * FROM userdb.kinds ORDER BY i', {}), mounted.execute('SELECT count(*) FROM userdb.kinds', {})]);
    assert.deepEqual(r1.rows, [
      ['-3', '1000.0', 'false', '1999-12-31', '2020-01-01 23:59:59.000', 'x', '2020-01-01', null],
      ['1', '2.0', 'true', '2020-02-29', '2020-01-01 10:00:00.500', '1', '2020-02-30', null],
    ]);
    assert.deepEqual(r2.rows, [['2']]);
    assert.equal(mounted.registry.resolveTable('userdb', 'kinds').load, undefined);
  });

  it('a mounted csv table not read yet takes INSERT and DROP TABLE', async () => {
    assert.equal((await mounted.execute('INSERT INTO userdb.grow VALUES (3)', {})).updateCount, 1);
    assert.deepEqual((await mounted.execute('SELECT v FROM userdb.grow ORDER BY v', {})).rows, [['1'], ['2'], ['3']]);
    assert.equal((await mounted.execute('DROP TABLE userdb.dropme', {})).substatementType, 'DROP_TABLE');
    assert.equal(mounted.listTableMetadata('AwsDataCatalog', 'userdb').some((t) => t.Name === 'dropme'), false);
  });

  it('csv DuckDB sniffs (not comma-separated)', async () => {
    const t = mounted.getTableMetadata('AwsDataCatalog', 'userdb', 'semicolons');
    assert.deepEqual(t.Columns, [{ Name: 'a', Type: 'bigint' }, { Name: 'b', Type: 'string' }]);
    assert.deepEqual((await mounted.execute('SELECT b FROM userdb.semicolons ORDER BY a', {})).rows, [['x'], ['y']]);
  });

  it('parquet made with DuckDB COPY', async () => {
    const t = mounted.getTableMetadata('AwsDataCatalog', 'userdb', 'measures');
    assert.deepEqual(t.Columns.map((c) => c.Name), ['m_id', 'amount', 'day']);
    assert.equal(t.Columns[0].Type, 'int');
    assert.equal(t.Columns[2].Type, 'date');
    const r = await mounted.execute('SELECT m_id, day FROM awsdatacatalog.userdb.measures ORDER BY m_id', {});
    assert.deepEqual(r.rows, [['1', '2024-01-02'], ['2', '2024-01-03'], ['3', '2024-01-04']]);
  });

  it('json', async () => {
    const t = mounted.getTableMetadata('AwsDataCatalog', 'userdb', 'events');
    assert.deepEqual(t.Columns, [{ Name: 'id', Type: 'bigint' }, { Name: 'tags', Type: 'array<string>' }, { Name: 'meta', Type: 'struct<k:string>' }]);
    const r = await mounted.execute('SELECT id, tags, meta, cardinality(tags) FROM userdb.events ORDER BY id', {});
    assert.deepEqual(r.columns.map((c) => c.Type), ['bigint', 'array', 'row', 'bigint']);
    assert.deepEqual(r.rows, [['1', '[a, b]', '{k=v}', '2'], ['2', '[]', '{k=null}', '0']]);
  });
});

describe('result files of real results', () => {
  it('the exact CSV bytes of sampledb.all_types', async () => {
    const r = await run('SELECT * FROM all_types ORDER BY id');
    assert.equal(renderCsv(r.columns, r.rows).toString('utf8'), ALL_TYPES_CSV);
  });

  it('the .metadata protobuf of a small result, decoded field by field', async () => {
    const r = await run("SELECT 1 AS a, 'xyz' AS b, CAST(2.5 AS decimal(5,2)) AS d");
    const buf = renderMetadata(r.columns, '20240101_000000_00001_abcde');
    const msg = decode(buf);
    assert.deepEqual(msg.map((f) => f.num), [1, 4, 4, 4]);
    assert.equal(msg[0].value.toString('utf8'), '20240101_000000_00001_abcde');
    const cols = msg.slice(1).map((f) => decode(f.value).map((g) => [g.num, g.wire === 2 ? g.value.toString('utf8') : g.value]));
    assert.deepEqual(cols[0], [[1, 'hive'], [4, 'a'], [5, 'a'], [6, 'integer'], [7, 10], [9, 3]]);
    assert.deepEqual(cols[1], [[1, 'hive'], [4, 'b'], [5, 'b'], [6, 'varchar'], [7, 3], [9, 3], [10, 1]]);
    assert.deepEqual(cols[2], [[1, 'hive'], [4, 'd'], [5, 'd'], [6, 'decimal'], [7, 5], [8, 2], [9, 3]]);
    // and the raw bytes of the first column, by hand
    assert.equal(msg[1].raw.toString('hex'), '22' + '19' + '0a0468697665' + '220161' + '2a0161' + '3207696e7465676572' + '380a' + '4803');
  });
});

// minimal protobuf reader: [{ num, wire, value (Buffer or number), raw }]
function decode(buf) {
  const out = [];
  let i = 0;
  const varint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++];
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return v;
    }
  };
  while (i < buf.length) {
    const start = i;
    const key = varint();
    const num = Math.floor(key / 8);
    const wire = key & 7;
    let value;
    if (wire === 0) value = varint();
    else if (wire === 2) { const len = varint(); value = buf.subarray(i, i + len); i += len; } else throw new Error('wire type ' + wire);
    out.push({ num, wire, value, raw: buf.subarray(start, i) });
  }
  return out;
}

// sampledb.all_types as Athena's result CSV (see src/engine/README.md for the same values as a table)
const ALL_TYPES_CSV = [
  "\"id\",\"c_boolean\",\"c_tinyint\",\"c_smallint\",\"c_integer\",\"c_bigint\",\"c_real\",\"c_double\",\"c_decimal\",\"c_decimal_wide\",\"c_varchar\",\"c_varchar10\",\"c_char\",\"c_varbinary\",\"c_date\",\"c_time\",\"c_timestamp\",\"c_timestamp_tz\",\"c_array_int\",\"c_array_varchar\",\"c_map\",\"c_row\",\"c_json\",\"c_uuid\",\"c_ipaddress\",\"c_interval_ym\",\"c_interval_ds\"",
  "\"1\",\"true\",\"1\",\"100\",\"1000\",\"100000\",\"1.5\",\"2.25\",\"12.50\",\"12345.678900000\",\"hello\",\"short\",\"ab   \",\"61 62 63\",\"2017-01-02\",\"01:02:03.456\",\"2017-01-01 12:34:56.789\",\"2017-01-01 00:00:00.000 UTC\",\"[1, 2, 3]\",\"[a, b]\",\"{a=1, b=2}\",\"{x=1, y=abc}\",\"{\"\"a\"\":1,\"\"b\"\":[1,2]}\",\"123e4567-e89b-12d3-a456-426614174000\",\"192.168.0.1\",\"1-2\",\"2 03:04:05.678\"",
  "\"2\",\"false\",\"-128\",\"-32768\",\"-2147483648\",\"-9223372036854775808\",\"-3.4028235E38\",\"-1.7976931348623157E308\",\"-99999999.99\",\"-99999999999999999999999999999.999999999\",\"A\",\"a\",\"a    \",\"00\",\"0001-01-01\",\"00:00:00.000\",\"0001-01-01 00:00:00.000\",\"1970-01-01 00:00:00.000 UTC\",\"[-2147483648]\",\"[A]\",\"{a=-2147483648}\",\"{x=-2147483648, y=A}\",\"[]\",\"00000000-0000-0000-0000-000000000001\",\"0.0.0.0\",\"-1-6\",\"-1 00:00:00.001\"",
  "\"3\",\"true\",\"127\",\"32767\",\"2147483647\",\"9223372036854775807\",\"3.4028235E38\",\"1.7976931348623157E308\",\"99999999.99\",\"99999999999999999999999999999.999999999\",\"zzzzzzzzzz\",\"zzzzzzzzzz\",\"zzzzz\",\"ff\",\"9999-12-31\",\"23:59:59.999\",\"9999-12-31 23:59:59.999\",\"9999-12-31 23:59:59.999 UTC\",\"[2147483647, -2147483648, 0]\",\"[x, y, z]\",\"{z=2147483647}\",\"{x=2147483647, y=z}\",\"{\"\"max\"\":1.7976931348623157E308}\",\"ffffffff-ffff-ffff-ffff-ffffffffffff\",\"2001:db8::1\",\"178956970-7\",\"9999 23:59:59.999\"",
  "\"4\",,,,,,,,,,,,,,,,,,,,,,,,,,",
  "\"5\",\"false\",\"0\",\"0\",\"0\",\"0\",\"0.0\",\"0.0\",\"0.00\",\"0.000000000\",\"\",\"\",\"     \",\"\",\"1970-01-01\",\"00:00:00.000\",\"1970-01-01 00:00:00.000\",\"1970-01-01 00:00:00.000 UTC\",\"[]\",\"[]\",\"{}\",\"{x=0, y=}\",\"{}\",\"00000000-0000-0000-0000-000000000000\",\"::\",\"0-0\",\"0 00:00:00.000\"",
  "\"6\",\"true\",\"42\",\"42\",\"42\",\"42\",\"NaN\",\"1.0E-4\",\"-0.10\",\"0.000000001\",\"quote \"\" comma , tab \t newline \n é ü 日本 😀\",\"é日本😀\",\"ü😀   \",\"c3 a9 f0 9f 98 80\",\"2000-02-29\",\"12:00:00.000\",\"2000-02-29 12:00:00.000\",\"2000-02-29 12:00:00.500 UTC\",\"[1, null, 3]\",\"[a,b, c\"\"d, null, ]\",\"{k\"\"ey=null, é=1}\",\"{x=null, y=日本}\",\"{\"\"k\"\":\"\"日本 😀\"\",\"\"q\"\":\"\"\\\"\"\"\"}\",\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\",\"2001:db8:85a3::8a2e:370:7334\",\"1-0\",\"0 00:00:00.001\"",
  "\"7\",\"false\",\"-1\",\"-1\",\"-1\",\"-1\",\"Infinity\",\"-Infinity\",\"0.01\",\"-0.000000001\",\"line1\r\nline2\",\"x\",\"x    \",,,,,,\"[null]\",\"[null]\",\"{n=null}\",\"{x=null, y=null}\",\"null\",,,,",
  "\"8\",,,,,,\"-Infinity\",\"1.0E7\",,,\"  padded  \",,,,,,,,,,,,,,,,",
  "\"9\",,,,,,\"0.1\",\"123456.789\",,,\",\",,,,,,,,,,,,,,,,",
  "\"10\",,,,,,\"1.0E-5\",\"0.001\",,,\"\"\"\",,,,,,,,,,,,,,,,",
  "\"11\",,,,,,\"1.6777216E7\",\"9.999999E-4\",,,\"\t\",,,,,,,,,,,,,,,,",
  "\"12\",,,,,,\"1.4E-45\",\"4.9E-324\",,,\"\n\",,,,,,,,,,,,,,,,",
].join('\n') + '\n';

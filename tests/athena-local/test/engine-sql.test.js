// The SQL engine: Athena (Trino) dialect on DuckDB, driven directly (no server).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, EngineError } from '../src/engine/index.js';

let engine;
before(async () => { engine = await createEngine({}); });
after(() => engine.close());

const run = (sql, database = 'sampledb') => engine.execute(sql, { catalog: 'AwsDataCatalog', database });
const rows = async (sql, database) => (await run(sql, database)).rows;
const one = async (sql, database) => (await run(sql, database)).rows[0];
const names = async (sql) => (await run(sql)).columns.map((c) => c.Name);
const types = async (sql) => (await run(sql)).columns.map((c) => `${c.Type}(${c.Precision},${c.Scale})`);

async function fails(sql, errorType, message, kind = 'failed') {
  await assert.rejects(run(sql), (e) => {
    assert.ok(e instanceof EngineError, `not an EngineError: ${e}`);
    assert.equal(e.kind, kind);
    assert.equal(e.errorType, errorType);
    assert.equal(e.message, message);
    assert.equal(e.errorCategory, 2);
    return true;
  });
}

describe('queries', () => {
  it('SELECT without FROM: names, types and values', async () => {
    const r = await run("SELECT 1, 'abc', NULL, 1.5, 1e10, true, 3000000000");
    assert.equal(r.statementType, 'DML');
    assert.equal(r.substatementType, 'SELECT');
    assert.equal(r.fileKind, 'csv');
    assert.equal(r.updateCount, undefined);
    assert.deepEqual(r.columns.map((c) => c.Name), ['_col0', '_col1', '_col2', '_col3', '_col4', '_col5', '_col6']);
    assert.deepEqual(r.columns.map((c) => c.Type), ['integer', 'varchar', 'unknown', 'decimal', 'double', 'boolean', 'bigint']);
    assert.deepEqual(r.columns.map((c) => [c.Precision, c.Scale]), [[10, 0], [3, 0], [0, 0], [2, 1], [17, 0], [0, 0], [19, 0]]);
    assert.deepEqual(r.rows, [['1', 'abc', null, '1.5', '1.0E10', 'true', '3000000000']]);
    assert.deepEqual(r.columns[1], { CatalogName: 'hive', SchemaName: '', TableName: '', Name: '_col1', Label: '_col1', Type: 'varchar', Precision: 3, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: true });
  });

  it('names computed columns _colN by output position, keeps column and field references', async () => {
    assert.deepEqual(await names('SELECT n, n + 1, n AS m, upper(n_text), numbers.half, count(*) OVER () FROM numbers WHERE n = 2'), ['n', '_col1', 'm', '_col3', 'half', '_col5']);
    assert.deepEqual(await names('SELECT *, 1 FROM numbers WHERE n = 1'), ['n', 'n_text', 'half', '_col3']);
    assert.deepEqual(await names('SELECT c_row.x, c_row.y FROM all_types WHERE id = 1'), ['x', 'y']);
    assert.deepEqual(await names('SELECT * FROM (SELECT n + 1, n FROM numbers WHERE n = 1)'), ['_col0', 'n']);
  });

  it('identifiers are case-insensitive and reported lower-case', async () => {
    const r = await run('SELECT N, "N_TEXT", Half AS "HALF" FROM AwsDataCatalog.SampleDB.NUMBERS WHERE N = 3');
    assert.deepEqual(r.columns.map((c) => c.Name), ['n', 'n_text', 'half']);
    assert.deepEqual(r.rows, [['3', '3', '1.5']]);
  });

  it('catalog-qualified, database-qualified and context-relative table names', async () => {
    assert.deepEqual(await one('SELECT count(*) FROM awsdatacatalog.sampledb.numbers', 'default'), ['1000000']);
    assert.deepEqual(await one('SELECT count(*) FROM sampledb.elb_logs', 'default'), ['10000']);
    assert.deepEqual(await one('SELECT count(*) FROM impressions'), ['300']);
  });

  it('VALUES, WITH, UNION, INTERSECT, EXCEPT', async () => {
    const v = await run("VALUES (1, 'a'), (2, 'b')");
    assert.deepEqual(v.columns.map((c) => [c.Name, c.Type]), [['_col0', 'integer'], ['_col1', 'varchar']]);
    assert.deepEqual(v.rows, [['1', 'a'], ['2', 'b']]);
    assert.deepEqual(await rows('WITH a AS (SELECT n FROM numbers WHERE n <= 3), b (m) AS (SELECT n * 10 FROM a) SELECT m FROM b ORDER BY m'), [['10'], ['20'], ['30']]);
    assert.deepEqual(await rows('SELECT 1 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 ORDER BY x'), [['1'], ['1'], ['2']]);
    assert.deepEqual(await rows('SELECT 1 AS x UNION SELECT 1 UNION SELECT 2 ORDER BY x'), [['1'], ['2']]);
    assert.deepEqual(await rows('SELECT n FROM numbers WHERE n <= 5 INTERSECT SELECT n FROM numbers WHERE n >= 4 ORDER BY 1'), [['4'], ['5']]);
    assert.deepEqual(await rows('SELECT n FROM numbers WHERE n <= 3 EXCEPT SELECT 2 ORDER BY 1'), [['1'], ['3']]);
    assert.deepEqual(await rows('TABLE numbers ORDER BY n LIMIT 1'), [['1', '1', '0.5']]);
  });

  it('joins', async () => {
    assert.deepEqual(await rows('SELECT a.n, b.half FROM numbers a JOIN numbers b ON a.n = b.n * 2 WHERE a.n <= 4 ORDER BY a.n'), [['2', '0.5'], ['4', '1.0']]);
    assert.deepEqual(await rows('SELECT a.x, b.y FROM (VALUES 1, 2) a(x) LEFT JOIN (VALUES (2, \'two\')) b(x, y) ON a.x = b.x ORDER BY a.x'), [['1', null], ['2', 'two']]);
    assert.deepEqual(await rows('SELECT x, y FROM (VALUES 1, 2) a(x) CROSS JOIN (VALUES 10) b(y) ORDER BY x'), [['1', '10'], ['2', '10']]);
    assert.deepEqual(await rows('SELECT x FROM (VALUES 1, 2) a(x) JOIN (VALUES 2) b(x) USING (x)'), [['2']]);
  });

  it('aggregates, GROUP BY, HAVING, DISTINCT', async () => {
    const r = await run('SELECT elb_response_code, count(*) AS c, sum(sent_bytes) > 0, avg(received_bytes) FROM elb_logs GROUP BY elb_response_code HAVING count(*) > 100 ORDER BY c DESC, 1');
    assert.deepEqual(r.columns.map((c) => [c.Name, c.Type]), [['elb_response_code', 'varchar'], ['c', 'bigint'], ['_col2', 'boolean'], ['_col3', 'double']]);
    assert.deepEqual(r.rows.map((x) => x.slice(0, 3)), [['200', '8000', 'true'], ['302', '500', 'true'], ['404', '500', 'true'], ['500', '500', 'true'], ['503', '500', 'true']]);
    assert.deepEqual(await one('SELECT count(DISTINCT request_verb), min(n_text), max(n), sum(n) FROM elb_logs, numbers WHERE n <= 10'), ['5', '1', '10', '550000']);
    assert.deepEqual(await one("SELECT min(n_text), max(n), sum(n), count(*) FROM numbers WHERE n <= 10"), ['1', '10', '55', '10']);
    assert.deepEqual(await rows('SELECT DISTINCT request_verb FROM elb_logs ORDER BY 1'), [['DELETE'], ['GET'], ['HEAD'], ['POST'], ['PUT']]);
    assert.deepEqual(await one('SELECT count_if(n > 5), arbitrary(3), bool_and(n > 0), array_agg(n ORDER BY n DESC) FROM numbers WHERE n <= 6'), ['1', '3', 'true', '[6, 5, 4, 3, 2, 1]']);
  });

  it('window functions', async () => {
    assert.deepEqual(await rows('SELECT n, row_number() OVER (ORDER BY n DESC) AS rn, sum(n) OVER (PARTITION BY n % 2) AS s, lag(n) OVER (ORDER BY n) AS p, rank() OVER (ORDER BY n % 2) r FROM numbers WHERE n <= 4 ORDER BY n'),
      [['1', '4', '4', null, '3'], ['2', '3', '6', '1', '1'], ['3', '2', '4', '2', '3'], ['4', '1', '6', '3', '1']]);
    assert.deepEqual(await rows('SELECT n, sum(n) OVER (ORDER BY n ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM numbers WHERE n <= 3 ORDER BY n'), [['1', '1'], ['2', '3'], ['3', '5']]);
  });

  it('ORDER BY, LIMIT, OFFSET; NULLS LAST by default', async () => {
    assert.deepEqual(await rows('SELECT n FROM numbers ORDER BY n DESC OFFSET 2 LIMIT 3'), [['999998'], ['999997'], ['999996']]);
    assert.deepEqual(await rows('SELECT x FROM (VALUES 2, NULL, 1) t(x) ORDER BY x DESC'), [['2'], ['1'], [null]]);
    assert.deepEqual(await rows('SELECT x FROM (VALUES 2, NULL, 1) t(x) ORDER BY x NULLS FIRST'), [[null], ['1'], ['2']]);
    assert.deepEqual(await rows('SELECT n FROM numbers ORDER BY n FETCH FIRST 2 ROWS ONLY'), [['1'], ['2']]);
  });

  it('subqueries, EXISTS, IN, CASE, BETWEEN, LIKE, IS DISTINCT FROM', async () => {
    assert.deepEqual(await one('SELECT (SELECT max(n) FROM numbers), EXISTS (SELECT 1 FROM numbers WHERE n = 0), 3 IN (1, 2, 3), 4 IN (SELECT n FROM numbers WHERE n < 4)'), ['1000000', 'false', 'true', 'false']);
    assert.deepEqual(await one("SELECT CASE WHEN 1 > 2 THEN 'a' ELSE 'b' END, CASE 2 WHEN 2 THEN 'two' END, 5 BETWEEN 1 AND 5, 'abc' LIKE 'a%', 'a_c' LIKE 'a\\_c' ESCAPE '\\', NULL IS DISTINCT FROM 1, 1 IS NOT DISTINCT FROM 1"), ['b', 'two', 'true', 'true', 'true', 'true', 'true']);
  });

  it('UNNEST, WITH ORDINALITY, CROSS JOIN UNNEST, lambdas', async () => {
    assert.deepEqual(await rows('SELECT x, o FROM UNNEST(ARRAY[10, 20]) WITH ORDINALITY AS u(x, o) ORDER BY o'), [['10', '1'], ['20', '2']]);
    assert.deepEqual(await rows('SELECT id, x FROM all_types CROSS JOIN UNNEST(c_array_int) AS t(x) WHERE id <= 2 ORDER BY id, x'), [['1', '1'], ['1', '2'], ['1', '3'], ['2', '-2147483648']]);
    assert.deepEqual(await rows("SELECT k, v FROM UNNEST(MAP(ARRAY['a', 'b'], ARRAY[1, 2])) AS t(k, v) ORDER BY k"), [['a', '1'], ['b', '2']]);
    assert.deepEqual(await rows("SELECT a, b FROM UNNEST(ARRAY[CAST(ROW(1, 'x') AS ROW(p integer, q varchar)), CAST(ROW(2, 'y') AS ROW(p integer, q varchar))]) AS t(a, b) ORDER BY a"), [['1', 'x'], ['2', 'y']]);
    assert.deepEqual(await rows('SELECT x, y FROM UNNEST(ARRAY[1, 2, 3], ARRAY[\'a\']) AS t(x, y) ORDER BY x'), [['1', 'a'], ['2', null], ['3', null]]);
    assert.deepEqual(await one('SELECT transform(ARRAY[1, 2], x -> x * 10), filter(ARRAY[1, 2, 3], x -> x > 1), reduce(ARRAY[1, 2, 3], 0, (s, x) -> s + x, s -> s), any_match(ARRAY[1, 2], x -> x = 2), all_match(ARRAY[1, 2], x -> x = 2)'),
      ['[10, 20]', '[2, 3]', '6', 'true', 'false']);
  });

  it('EXPLAIN', async () => {
    const r = await run('EXPLAIN SELECT n FROM numbers WHERE n = 1');
    assert.deepEqual(r.columns.map((c) => [c.Name, c.Type]), [['Query Plan', 'varchar']]);
    assert.equal(r.fileKind, 'csv');
    assert.ok(r.rows.length > 3);
    assert.ok(r.rows.some((x) => /numbers|SCAN/i.test(x[0])), r.rows.join('\n'));
  });
});

describe('Trino functions DuckDB names differently', () => {
  const cases = [
    ['cardinality(ARRAY[1, 2, 3])', '3', 'bigint'],
    ["cardinality(MAP(ARRAY['a', 'b'], ARRAY[1, 2]))", '2', 'bigint'],
    ["date_add('day', 1, DATE '2020-01-31')", '2020-02-01', 'date'],
    ["date_add('month', 1, TIMESTAMP '2020-01-31 10:00:00')", '2020-02-29 10:00:00.000', 'timestamp'],
    ["date_add('hour', -2, TIMESTAMP '2020-01-01 01:00:00.123')", '2019-12-31 23:00:00.123', 'timestamp'],
    ["date_add('quarter', 1, DATE '2020-01-15')", '2020-04-15', 'date'],
    ["date_diff('day', DATE '2020-01-01', DATE '2020-03-01')", '60', 'bigint'],
    ["date_diff('month', TIMESTAMP '2020-01-31 00:00:00', TIMESTAMP '2020-02-01 00:00:00')", '0', 'bigint'],
    ["date_diff('second', TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2020-01-01 00:01:00')", '60', 'bigint'],
    ["date_trunc('month', DATE '2020-05-17')", '2020-05-01', 'date'],
    ["date_trunc('hour', TIMESTAMP '2020-05-17 10:20:30')", '2020-05-17 10:00:00.000', 'timestamp'],
    ["from_iso8601_timestamp('2020-01-01T10:00:00Z')", '2020-01-01 10:00:00.000 UTC', 'timestamp with time zone'],
    ["from_iso8601_timestamp('2020-01-01T10:00:00.5+02:00')", '2020-01-01 08:00:00.500 UTC', 'timestamp with time zone'],
    ["from_iso8601_date('2020-02-29')", '2020-02-29', 'date'],
    ["element_at(ARRAY['a', 'b'], 2)", 'b', 'varchar'],
    ["element_at(ARRAY['a', 'b'], 5)", null, 'varchar'],
    ["element_at(MAP(ARRAY['k'], ARRAY[7]), 'k')", '7', 'integer'],
    ["array_join(ARRAY['a', NULL, 'b'], ',')", 'a,b', 'varchar'],
    ["array_join(ARRAY['a', NULL, 'b'], ',', 'x')", 'a,x,b', 'varchar'],
    ['json_extract_scalar(\'{"a":{"b":1}}\', \'$.a.b\')', '1', 'varchar'],
    ['json_extract_scalar(\'{"a":{"b":1}}\', \'$.a\')', null, 'varchar'],
    ['json_extract(\'{"a":{"b":1}}\', \'$.a\')', '{"b":1}', 'json'],
    ['json_array_length(\'[1,2,3]\')', '3', 'bigint'],
    ["length('abé')", '3', 'bigint'],
    ["length(to_utf8('abé'))", '4', 'bigint'],
    ["json_parse('{\"a\": [1, 2]}')", '{"a":[1,2]}', 'json'],
    ["to_unixtime(TIMESTAMP '2020-01-01 00:00:01.500')", '1.5778368015E9', 'double'],
    ['from_unixtime(1577836800)', '2020-01-01 00:00:00.000 UTC', 'timestamp with time zone'],
    ["regexp_like('abc', 'b')", 'true', 'boolean'],
    ["regexp_like('abc', '^b')", 'false', 'boolean'],
    ["regexp_replace('a1b22', '[0-9]')", 'ab', 'varchar'],
    ["regexp_replace('ab', '(a)(b)', '$2$1')", 'ba', 'varchar'],
    ["regexp_extract('abc123', '[0-9]+')", '123', 'varchar'],
    ["regexp_extract('abc', '[0-9]+')", null, 'varchar'],
    ["date_format(TIMESTAMP '2020-01-02 03:04:05', '%Y-%m-%d %H:%i:%s')", '2020-01-02 03:04:05', 'varchar'],
    ["date_parse('2020/01/02 03:04', '%Y/%m/%d %H:%i')", '2020-01-02 03:04:00.000', 'timestamp'],
    ["format_datetime(TIMESTAMP '2020-01-02 03:04:05.678', 'yyyy-MM-dd HH:mm:ss.SSS')", '2020-01-02 03:04:05.678', 'varchar'],
    ["concat('a', 'b', 'c')", 'abc', 'varchar'],
    ["concat('a', NULL)", null, 'varchar'],
    ["split('a,b,c', ',')", '[a, b, c]', 'array'],
    ["strpos('abc', 'c')", '3', 'bigint'],
    ["length('日本😀')", '3', 'bigint'],
    ["substr('hello', 2, 3)", 'ell', 'varchar'],
    ["SUBSTRING('hello' FROM 2 FOR 3)", 'ell', 'varchar'],
    ["POSITION('l' IN 'hello')", '3', 'bigint'],
    ["TRIM(LEADING 'x' FROM 'xxaxx')", 'axx', 'varchar'],
    ["replace('abcb', 'b')", 'ac', 'varchar'],
    ['contains(ARRAY[1, 2], 2)', 'true', 'boolean'],
    ['array_position(ARRAY[5, 6], 7)', '0', 'bigint'],
    ['array_max(ARRAY[5, 9, 6])', '9', 'integer'],
    ['slice(ARRAY[1, 2, 3, 4], 2, 2)', '[2, 3]', 'array'],
    ['sequence(1, 5, 2)', '[1, 3, 5]', 'array'],
    ["map_keys(MAP(ARRAY['a', 'b'], ARRAY[1, 2]))", '[a, b]', 'array'],
    ["EXTRACT(YEAR FROM DATE '2021-03-04')", '2021', 'bigint'],
    ["day_of_week(DATE '2020-01-05')", '7', 'bigint'],
    ["year(TIMESTAMP '2021-03-04 00:00:00')", '2021', 'bigint'],
    ['typeof(1.5)', 'decimal(2,1)', 'varchar'],
    ["if(1 > 0, 'y', 'n')", 'y', 'varchar'],
    ['try(1 / 0)', null, 'integer'],
    ["try(CAST('x' AS integer))", null, 'integer'],
    ['nan()', 'NaN', 'double'],
    ['is_nan(nan())', 'true', 'boolean'],
    ['infinity()', 'Infinity', 'double'],
    ['truncate(-1.7E0)', '-1.0', 'double'],
    ['round(2.5E0)', '3.0', 'double'],
    ['power(2, 10)', '1024.0', 'double'],
    ["to_hex(to_utf8('ab'))", '6162', 'varchar'],
    ["from_utf8(X'616263')", 'abc', 'varchar'],
    ["CAST('1.2.3.4' AS ipaddress)", '1.2.3.4', 'ipaddress'],
    ["CAST('abc' AS char(5))", 'abc  ', 'char'],
    ["CAST('abcdef' AS varchar(3))", 'abc', 'varchar'],
    ['CAST(1.5E0 AS varchar)', '1.5', 'varchar'],
    ['CAST(1E10 AS varchar)', '1.0E10', 'varchar'],
    ["CAST(REAL '0.1' AS varchar)", '0.1', 'varchar'],
    ["CAST(JSON '\"abc\"' AS varchar)", 'abc', 'varchar'],
    ["CAST('abc' AS JSON)", '"abc"', 'json'],
    ["CAST(TIMESTAMP '2020-01-01 01:02:03' AS varchar)", '2020-01-01 01:02:03.000', 'varchar'],
    ['CAST(2.5E0 AS integer)', '3', 'integer'],
    ["CAST('12' AS bigint)", '12', 'bigint'],
    ["CAST(MAP(ARRAY['a'], ARRAY[1]) AS JSON)", '{"a":1}', 'json'],
    ['CAST(ROW(1, \'a\') AS ROW(x integer, y varchar))', '{x=1, y=a}', 'row'],
    ["ROW(1, 'a')", '{field0=1, field1=a}', 'row'],
    ["(1, 'a')", '{field0=1, field1=a}', 'row'],
    ['ARRAY[ARRAY[1, NULL], NULL]', '[[1, null], null]', 'array'],
    ["MAP(ARRAY['a', 'b'], ARRAY[NULL, 2])", '{a=null, b=2}', 'map'],
    ["X'00FF10'", '00 ff 10', 'varbinary'],
    ["TIMESTAMP '2020-01-01 00:00:00 UTC'", '2020-01-01 00:00:00.000 UTC', 'timestamp with time zone'],
    ["TIME '01:02:03.456'", '01:02:03.456', 'time'],
    ["DATE '2020-02-29' + INTERVAL '1' DAY", '2020-03-01', 'date'],
    ["TIMESTAMP '2020-01-31 00:00:00' + INTERVAL '1' MONTH", '2020-02-29 00:00:00.000', 'timestamp'],
    ["INTERVAL '3' MONTH", '0-3', 'interval year to month'],
    ["INTERVAL '1-2' YEAR TO MONTH", '1-2', 'interval year to month'],
    ["INTERVAL '2' DAY", '2 00:00:00.000', 'interval day to second'],
    ["INTERVAL '1 02:03:04.5' DAY TO SECOND", '1 02:03:04.500', 'interval day to second'],
    ["UUID '123E4567-E89B-12D3-A456-426614174000'", '123e4567-e89b-12d3-a456-426614174000', 'uuid'],
    ["DECIMAL '12.50'", '12.50', 'decimal'],
    ['REAL \'0.1\'', '0.1', 'float'],
    ["JSON '{\"a\":1}'", '{"a":1}', 'json'],
    ['1e0 / 0', 'Infinity', 'double'],
    ['-1e0 / 0', '-Infinity', 'double'],
    ['0e0 / 0', 'NaN', 'double'],
    ['7 / 2', '3', 'integer'],
    ['-7 / 2', '-3', 'integer'],
    ['7 % 3', '1', 'integer'],
    ['7.0 / 2', '3.5', 'double'],
    ['CAST(9 AS bigint) / 2', '4', 'bigint'],
    ["'a' || 'b'", 'ab', 'varchar'],
  ];
  for (const [expr, want, type] of cases) {
    it(expr, async () => {
      const r = await run(`SELECT ${expr}`);
      assert.deepEqual(r.rows, [[want]]);
      assert.equal(r.columns[0].Type, type);
    });
  }

  it('approx_distinct and approx_percentile', async () => {
    assert.deepEqual(await one('SELECT approx_distinct(request_verb), approx_percentile(n, 0.5) > 0 FROM elb_logs, (VALUES 1) t(n)'), ['5', 'true']);
  });
});

describe('types of result columns', () => {
  it('all_types reports every Athena type with precision and scale', async () => {
    assert.deepEqual(await types('SELECT * FROM all_types'), [
      'integer(10,0)', 'boolean(0,0)', 'tinyint(3,0)', 'smallint(5,0)', 'integer(10,0)', 'bigint(19,0)', 'float(17,0)',
      'double(17,0)', 'decimal(10,2)', 'decimal(38,9)', 'varchar(2147483647,0)', 'varchar(10,0)', 'char(5,0)',
      'varbinary(1073741824,0)', 'date(0,0)', 'time(3,0)', 'timestamp(3,0)', 'timestamp with time zone(3,0)', 'array(0,0)',
      'array(0,0)', 'map(0,0)', 'row(0,0)', 'json(0,0)', 'uuid(0,0)', 'ipaddress(0,0)', 'interval year to month(0,0)',
      'interval day to second(0,0)',
    ]);
    const r = await run('SELECT * FROM all_types');
    assert.deepEqual(r.columns.filter((c) => c.CaseSensitive).map((c) => c.Name), ['c_varchar', 'c_varchar10', 'c_char']);
  });

  it('special types survive subqueries, CTEs and aliases', async () => {
    assert.deepEqual(await types('WITH w AS (SELECT c_varchar10 AS v, c_ipaddress, c_char FROM all_types) SELECT * FROM (SELECT v, c_ipaddress, c_char FROM w) s'), ['varchar(10,0)', 'ipaddress(0,0)', 'char(5,0)']);
    assert.deepEqual(await rows('SELECT c_char FROM all_types WHERE id IN (1, 5) ORDER BY id'), [['ab   '], ['     ']]);
  });

  it('varchar literals are varchar(n) as in Trino', async () => {
    assert.deepEqual(await types("SELECT 'ab' || 'cde', CASE WHEN true THEN 'a' ELSE 'bcd' END, 'x' || n_text FROM numbers LIMIT 1"), ['varchar(5,0)', 'varchar(3,0)', 'varchar(2147483647,0)']);
  });

  it('sum of integers is bigint, SELECT NULL is unknown', async () => {
    assert.deepEqual(await types('SELECT sum(n), NULL, CAST(NULL AS varchar) FROM numbers'), ['bigint(19,0)', 'unknown(0,0)', 'varchar(2147483647,0)']);
    assert.deepEqual(await one('SELECT sum(n) FROM numbers'), ['500000500000']);
  });
});

describe('errors', () => {
  it('syntax errors are synchronous, in Trino words', async () => {
    await assert.rejects(engine.checkSyntax('SELECT 1 FORM t'), (e) => {
      assert.equal(e.kind, 'syntax');
      assert.equal(e.errorType, 'MALFORMED_QUERY');
      assert.equal(e.message, "line 1:15: mismatched input 't'. Expecting: ',', 'EXCEPT', 'FROM', 'GROUP', 'HAVING', 'INTERSECT', 'LIMIT', 'OFFSET', 'ORDER', 'UNION', 'WHERE', 'WINDOW', <EOF>");
      return true;
    });
    await assert.rejects(engine.checkSyntax('SELECT FROM t'), { kind: 'syntax', message: "line 1:8: mismatched input 'FROM'. Expecting: '*', 'ALL', 'DISTINCT', <expression>" });
    await assert.rejects(engine.checkSyntax('SELEC 1'), { kind: 'syntax', message: "line 1:1: mismatched input 'SELEC'. Expecting: 'ALTER', 'ANALYZE', 'CREATE', 'DESCRIBE', 'DROP', 'EXPLAIN', 'INSERT', 'SELECT', 'SHOW', 'TABLE', 'VALUES', 'WITH', '('" });
    await assert.rejects(engine.checkSyntax('SELECT 1,\n  2 +'), { kind: 'syntax', message: "line 2:6: mismatched input '<EOF>'. Expecting: <expression>" });
    await assert.rejects(engine.checkSyntax("SELECT 'abc"), { kind: 'syntax' });
    await engine.checkSyntax('SELECT * FROM nope');
    await fails('SELECT 1 FORM t', 'MALFORMED_QUERY', "line 1:15: mismatched input 't'. Expecting: ',', 'EXCEPT', 'FROM', 'GROUP', 'HAVING', 'INTERSECT', 'LIMIT', 'OFFSET', 'ORDER', 'UNION', 'WHERE', 'WINDOW', <EOF>", 'syntax');
  });

  it('unknown column, table, schema, function', async () => {
    await fails('SELECT x FROM all_types', 'COLUMN_NOT_FOUND', "COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved or requester is not authorized to access requested resources");
    await fails('SELECT n,\n  nope FROM numbers', 'COLUMN_NOT_FOUND', "COLUMN_NOT_FOUND: line 2:3: Column 'nope' cannot be resolved or requester is not authorized to access requested resources");
    await fails('SELECT * FROM nope', 'TABLE_NOT_FOUND', "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.nope' does not exist");
    await fails('SELECT * FROM awsdatacatalog.sampledb.nope', 'TABLE_NOT_FOUND', "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.nope' does not exist");
    await fails('SELECT * FROM nodb.t', 'SCHEMA_NOT_FOUND', "SCHEMA_NOT_FOUND: line 1:15: Schema 'nodb' does not exist");
    await fails('SELECT foo(1)', 'FUNCTION_NOT_FOUND', "FUNCTION_NOT_FOUND: line 1:8: Function 'foo' not registered");
  });

  it('division by zero, bad casts, overflow', async () => {
    await fails('SELECT 1/0', 'DIVISION_BY_ZERO', 'DIVISION_BY_ZERO: Division by zero');
    await fails('SELECT n / (n - n) FROM numbers', 'DIVISION_BY_ZERO', 'DIVISION_BY_ZERO: Division by zero');
    await fails('SELECT 5 % 0', 'DIVISION_BY_ZERO', 'DIVISION_BY_ZERO: Division by zero');
    await fails("SELECT CAST('abc' AS INTEGER)", 'INVALID_CAST_ARGUMENT', "INVALID_CAST_ARGUMENT: Cannot cast 'abc' to INT");
    await fails("SELECT CAST('abc' AS BIGINT)", 'INVALID_CAST_ARGUMENT', "INVALID_CAST_ARGUMENT: Cannot cast 'abc' to BIGINT");
    await fails("SELECT CAST('x' AS DOUBLE)", 'INVALID_CAST_ARGUMENT', "INVALID_CAST_ARGUMENT: Cannot cast 'x' to DOUBLE");
    await fails('SELECT 2147483647 + 1', 'NUMERIC_VALUE_OUT_OF_RANGE', 'NUMERIC_VALUE_OUT_OF_RANGE: integer addition overflow: 2147483647 + 1');
    assert.deepEqual(await one("SELECT TRY_CAST('abc' AS INTEGER)"), [null]);
  });

  it('cancellation interrupts the query', async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 200);
    await assert.rejects(engine.execute('SELECT count(*) FROM sampledb.numbers a CROSS JOIN sampledb.numbers b WHERE a.n + b.n = 7', { signal: ac.signal }), { kind: 'cancelled' });
    assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
    const pre = new AbortController();
    pre.abort();
    await assert.rejects(engine.execute('SELECT 1', { signal: pre.signal }), { kind: 'cancelled' });
    assert.deepEqual(await one('SELECT 1'), ['1']);
  });
});

describe('a large result', () => {
  it('SELECT * FROM sampledb.numbers renders all 1,000,000 rows (npm run bench times it)', async () => {
    const r = await engine.execute('SELECT * FROM sampledb.numbers', { database: 'default' });
    assert.equal(r.rows.length, 1000000);
    assert.deepEqual(r.rows[0], ['1', '1', '0.5']);
    assert.deepEqual(r.rows[999999], ['1000000', '1000000', '500000.0']);
    assert.deepEqual(r.rows[19999999 % 1000000], ['1000000', '1000000', '500000.0']);
    assert.equal(r.dataScannedBytes, 24000000);
  });

  it('with onRows the rows arrive chunk by chunk, in order, and are not returned', async () => {
    const chunks = [];
    let next = 1;
    const r = await engine.execute('SELECT n, n_text FROM sampledb.numbers WHERE n <= 5000 ORDER BY n', {
      onRows: async (columns, rows) => {
        assert.deepEqual(columns.map((c) => c.Name), ['n', 'n_text']);
        for (const row of rows) assert.deepEqual(row, [String(next), String(next++)]);
        chunks.push(rows.length);
      },
    });
    assert.equal(r.rows, undefined);
    assert.equal(r.rowCount, 5000);
    assert.equal(next, 5001);
    assert.ok(chunks.length >= 2, `${chunks.length} chunks`);
  });
});

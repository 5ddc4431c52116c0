// Athena's value text and the result file renderers (pure functions of src/engine).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  javaDouble, javaFloat, decimalText, dateText, timeOfDayText, timestampText, intervalYearMonthText,
  intervalDayTimeText, hexText, makeRenderer,
} from '../src/engine/values.js';
import { renderCsv, renderTxt, renderMetadata } from '../src/engine/render.js';
import { T, columnInfo, hiveType, typeText } from '../src/engine/types.js';

describe('Java number text', () => {
  it('doubles as Double.toString', () => {
    const cases = [
      [1e10, '1.0E10'], [1e-4, '1.0E-4'], [0.1, '0.1'], [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'],
      [1, '1.0'], [123456.789, '123456.789'], [1e7, '1.0E7'], [9999999, '9999999.0'], [0.001, '0.001'],
      [0.00099, '9.9E-4'], [1.7976931348623157e308, '1.7976931348623157E308'], [-1.7976931348623157e308, '-1.7976931348623157E308'],
      [5e-324, '4.9E-324'], [1e23, '1.0E23'], [2.25, '2.25'], [100, '100.0'], [-0.5, '-0.5'], [0, '0.0'], [-0, '-0.0'],
      [1234567.5, '1234567.5'], [0.1 + 0.2, '0.30000000000000004'], [1e21, '1.0E21'], [-12345678.9, '-1.23456789E7'],
      [2 ** 53, '9.007199254740992E15'], [0.5e-3, '5.0E-4'],
    ];
    for (const [x, want] of cases) assert.equal(javaDouble(x), want, `javaDouble(${x})`);
  });

  it('reals as Float.toString', () => {
    const cases = [
      [0.1, '0.1'], [3.4028235e38, '3.4028235E38'], [-3.4028235e38, '-3.4028235E38'], [1e-5, '1.0E-5'],
      [16777216, '1.6777216E7'], [1.401298464324817e-45, '1.4E-45'], [1.5, '1.5'], [0.3, '0.3'], [1e10, '1.0E10'],
      [NaN, 'NaN'], [Infinity, 'Infinity'], [1 / 3, '0.33333334'], [100, '100.0'],
    ];
    for (const [x, want] of cases) assert.equal(javaFloat(Math.fround(x)), want, `javaFloat(${x})`);
  });
});

describe('value text', () => {
  it('decimals with exactly s digits', () => {
    assert.equal(decimalText(1250n, 2), '12.50');
    assert.equal(decimalText(-10n, 2), '-0.10');
    assert.equal(decimalText(0n, 9), '0.000000000');
    assert.equal(decimalText(5n, 0), '5');
    assert.equal(decimalText(-99999999999999999999999999999999999999n, 9), '-99999999999999999999999999999.999999999');
    assert.equal(decimalText(1n, 9), '0.000000001');
  });

  it('dates, times and timestamps', () => {
    assert.equal(dateText(0), '1970-01-01');
    assert.equal(dateText(17168), '2017-01-02');
    assert.equal(dateText(-719162), '0001-01-01');
    assert.equal(dateText(2932896), '9999-12-31');
    assert.equal(dateText(11016), '2000-02-29');
    assert.equal(dateText(-1), '1969-12-31');
    assert.equal(timeOfDayText(3723456000), '01:02:03.456');
    assert.equal(timeOfDayText(0), '00:00:00.000');
    assert.equal(timestampText(1483274096789000n), '2017-01-01 12:34:56.789');
    assert.equal(timestampText(-1n), '1969-12-31 23:59:59.999');
    assert.equal(timestampText(1483274096789999n), '2017-01-01 12:34:56.789');
  });

  it('intervals', () => {
    assert.equal(intervalYearMonthText(3), '0-3');
    assert.equal(intervalYearMonthText(14), '1-2');
    assert.equal(intervalYearMonthText(-18), '-1-6');
    assert.equal(intervalDayTimeText(2, 0n), '2 00:00:00.000');
    assert.equal(intervalDayTimeText(2, 11045678000n), '2 03:04:05.678');
    assert.equal(intervalDayTimeText(0, -86400001000n), '-1 00:00:00.001');
  });

  it('varbinary hex', () => {
    assert.equal(hexText(Buffer.from('123')), '31 32 33');
    assert.equal(hexText(Buffer.from([0, 255, 16])), '00 ff 10');
    assert.equal(hexText(Buffer.alloc(0)), '');
  });

  it('nested values with NULL inside', () => {
    const arr = makeRenderer(T.array(T.varchar));
    assert.equal(arr({ items: ['a', null, 'b,c'] }), '[a, null, b,c]');
    assert.equal(arr(null), null);
    const nested = makeRenderer(T.array(T.array(T.double)));
    assert.equal(nested({ items: [{ items: [1, 1e10] }, null, { items: [] }] }), '[[1.0, 1.0E10], null, []]');
    const map = makeRenderer(T.map(T.varchar, T.integer));
    assert.equal(map({ entries: [{ key: 'a', value: 1 }, { key: 'b', value: null }] }), '{a=1, b=null}');
    const row = makeRenderer(T.row([{ name: 'x', type: T.integer }, { name: 'y', type: T.varchar }]));
    assert.equal(row({ entries: { x: null, y: 'abc' } }), '{x=null, y=abc}');
    const anon = makeRenderer(T.row([{ name: null, type: T.integer }, { name: null, type: T.varchar }]));
    assert.equal(anon({ entries: { field0: 1, field1: 'a' } }), '{field0=1, field1=a}');
    const deep = makeRenderer(T.map(T.varchar, T.array(T.row([{ name: 'd', type: T.decimal(5, 2) }]))));
    assert.equal(deep({ entries: [{ key: 'k', value: { items: [{ entries: { d: { value: 150n, scale: 2 } } }, null] } }] }), '{k=[{d=1.50}, null]}');
    assert.equal(makeRenderer(T.char(5))('ab'), 'ab   ');
    assert.equal(makeRenderer(T.char(3))('ü😀'), 'ü😀 ');
    assert.equal(makeRenderer(T.boolean)(false), 'false');
    assert.equal(makeRenderer(T.bigint)(9223372036854775807n), '9223372036854775807');
    assert.equal(makeRenderer(T.real)(Math.fround(0.1)), '0.1');
  });
});

describe('types', () => {
  it('ColumnInfo precision, scale and case sensitivity', () => {
    const pick = (t) => { const c = columnInfo('c', t); return [c.Type, c.Precision, c.Scale, c.CaseSensitive]; };
    assert.deepEqual(pick(T.varchar), ['varchar', 2147483647, 0, true]);
    assert.deepEqual(pick(T.varcharN(10)), ['varchar', 10, 0, true]);
    assert.deepEqual(pick(T.char(5)), ['char', 5, 0, true]);
    assert.deepEqual(pick(T.boolean), ['boolean', 0, 0, false]);
    assert.deepEqual(pick(T.tinyint), ['tinyint', 3, 0, false]);
    assert.deepEqual(pick(T.smallint), ['smallint', 5, 0, false]);
    assert.deepEqual(pick(T.integer), ['integer', 10, 0, false]);
    assert.deepEqual(pick(T.bigint), ['bigint', 19, 0, false]);
    assert.deepEqual(pick(T.real), ['float', 17, 0, false]);
    assert.deepEqual(pick(T.double), ['double', 17, 0, false]);
    assert.deepEqual(pick(T.decimal(38, 9)), ['decimal', 38, 9, false]);
    assert.deepEqual(pick(T.date), ['date', 0, 0, false]);
    assert.deepEqual(pick(T.time), ['time', 3, 0, false]);
    assert.deepEqual(pick(T.timestamp), ['timestamp', 3, 0, false]);
    assert.deepEqual(pick(T.timestamptz), ['timestamp with time zone', 3, 0, false]);
    assert.deepEqual(pick(T.varbinary), ['varbinary', 1073741824, 0, false]);
    assert.deepEqual(pick(T.array(T.integer)), ['array', 0, 0, false]);
    assert.deepEqual(pick(T.map(T.varchar, T.integer)), ['map', 0, 0, false]);
    assert.deepEqual(pick(T.row([{ name: 'a', type: T.integer }])), ['row', 0, 0, false]);
    assert.deepEqual(pick(T.json), ['json', 0, 0, false]);
    assert.deepEqual(pick(T.unknown), ['unknown', 0, 0, false]);
    assert.deepEqual(Object.keys(columnInfo('c', T.integer)), ['CatalogName', 'SchemaName', 'TableName', 'Name', 'Label', 'Type', 'Precision', 'Scale', 'Nullable', 'CaseSensitive']);
  });

  it('Hive names and Trino names', () => {
    assert.equal(hiveType(T.varchar), 'string');
    assert.equal(hiveType(T.integer), 'int');
    assert.equal(hiveType(T.real), 'float');
    assert.equal(hiveType(T.varbinary), 'binary');
    assert.equal(hiveType(T.array(T.integer)), 'array<int>');
    assert.equal(hiveType(T.map(T.varchar, T.array(T.bigint))), 'map<string,array<bigint>>');
    assert.equal(hiveType(T.row([{ name: 'a', type: T.integer }, { name: 'b', type: T.varchar }])), 'struct<a:int,b:string>');
    assert.equal(hiveType(T.decimal(10, 2)), 'decimal(10,2)');
    assert.equal(typeText(T.row([{ name: 'x', type: T.integer }, { name: 'y', type: T.varcharN(3) }])), 'row(x integer, y varchar(3))');
  });
});

describe('result files', () => {
  const cols = [columnInfo('k1', T.varchar), columnInfo('k2', T.varchar), columnInfo('k3', T.integer)];
  it('CSV: quoted fields, NULL empty, quotes doubled, LF after each record', () => {
    const buf = renderCsv(cols, [['r1_v1', 'r1_v2', '1'], ['a "q"', 'line\nnext', null], ['', ',', '3']]);
    assert.equal(buf.toString('utf8'), '"k1","k2","k3"\n"r1_v1","r1_v2","1"\n"a ""q""","line\nnext",\n"",",","3"\n');
    assert.equal(renderCsv(cols, []).toString('utf8'), '"k1","k2","k3"\n');
    assert.equal(renderCsv([columnInfo('é', T.varchar)], [['😀']]).toString('hex'), Buffer.from('"é"\n"😀"\n').toString('hex'));
  });

  it('TXT: one datum per line', () => {
    assert.equal(renderTxt([['a\tb'], ['c'], ['']]).toString('utf8'), 'a\tb\nc\n\n');
    assert.equal(renderTxt([]).length, 0);
  });

  it('metadata protobuf matches a real Athena file byte for byte', () => {
    // hexdump of a real .csv.metadata published with the question "What's the data format of Athena's .csv.metadata files"
    const real = Buffer.from('0a1b32303139303432335f3132353132385f30303030315f6568747572221' +
      '90a04686976652203617279' + '2a0361727932056172726179' + '4803', 'hex');
    const mine = renderMetadata([{ CatalogName: 'hive', SchemaName: '', TableName: '', Name: 'ary', Label: 'ary', Type: 'array', Precision: 0, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: false }], '20190423_125128_00001_ehtur');
    assert.equal(mine.toString('hex'), real.toString('hex'));
  });
});

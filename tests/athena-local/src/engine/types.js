// Athena (Trino) types: a structured form { name, params?, elem?, key?, value?, fields?, tz? } shared with the
// parser's type AST, and conversions to DuckDB types, Athena display names, Hive (Glue) names and ColumnInfo.
import { DuckDBTypeId } from '@duckdb/node-api';

export const T = {
  boolean: { name: 'boolean' }, tinyint: { name: 'tinyint' }, smallint: { name: 'smallint' },
  integer: { name: 'integer' }, bigint: { name: 'bigint' }, real: { name: 'real' }, double: { name: 'double' },
  varchar: { name: 'varchar' }, varbinary: { name: 'varbinary' }, date: { name: 'date' }, time: { name: 'time' },
  timestamp: { name: 'timestamp' }, timestamptz: { name: 'timestamp', tz: true }, json: { name: 'json' },
  uuid: { name: 'uuid' }, ipaddress: { name: 'ipaddress' }, unknown: { name: 'unknown' },
  intervalYM: { name: 'interval year to month' }, intervalDS: { name: 'interval day to second' },
  decimal: (p, s) => ({ name: 'decimal', params: [p, s] }),
  varcharN: (n) => ({ name: 'varchar', params: [n] }),
  char: (n) => ({ name: 'char', params: [n] }),
  array: (elem) => ({ name: 'array', elem }),
  map: (key, value) => ({ name: 'map', key, value }),
  row: (fields) => ({ name: 'row', fields }),
};

const INTEGRAL = new Set(['tinyint', 'smallint', 'integer', 'bigint']);
export function isIntegral(t) { return !!t && INTEGRAL.has(t.name); }
export function isFloating(t) { return !!t && (t.name === 'real' || t.name === 'double'); }
export function isNumeric(t) { return isIntegral(t) || isFloating(t) || (t && t.name === 'decimal'); }

// Full Trino type text: varchar(10), array(integer), row(x integer, y varchar), timestamp(3) with time zone ...
export function typeText(t) {
  switch (t.name) {
    case 'array': return `array(${typeText(t.elem)})`;
    case 'map': return `map(${typeText(t.key)}, ${typeText(t.value)})`;
    case 'row': return `row(${t.fields.map((f) => (f.name ? `${f.name} ${typeText(f.type)}` : typeText(f.type))).join(', ')})`;
    case 'timestamp': return t.tz ? 'timestamp with time zone' : 'timestamp';
    case 'time': return t.tz ? 'time with time zone' : 'time';
    case 'decimal': return `decimal(${(t.params && t.params[0]) ?? 38},${(t.params && t.params[1]) ?? 0})`;
    case 'varchar': case 'char': return t.params && t.params.length ? `${t.name}(${t.params[0]})` : t.name;
    default: return t.name;
  }
}

// Hive / Glue DDL names, as GetTableMetadata reports them.
export function hiveType(t) {
  switch (t.name) {
    case 'integer': return 'int';
    case 'real': return 'float';
    case 'varbinary': return 'binary';
    case 'varchar': return t.params && t.params.length ? `varchar(${t.params[0]})` : 'string';
    case 'char': return `char(${(t.params && t.params[0]) ?? 1})`;
    case 'decimal': return `decimal(${(t.params && t.params[0]) ?? 38},${(t.params && t.params[1]) ?? 0})`;
    case 'array': return `array<${hiveType(t.elem)}>`;
    case 'map': return `map<${hiveType(t.key)},${hiveType(t.value)}>`;
    case 'row': return `struct<${t.fields.map((f, i) => `${f.name ?? `field${i}`}:${hiveType(f.type)}`).join(',')}>`;
    case 'timestamp': return t.tz ? 'timestamp with time zone' : 'timestamp';
    case 'time': return t.tz ? 'time with time zone' : 'time';
    default: return t.name;
  }
}

function q(name) { return '"' + String(name).replace(/"/g, '""') + '"'; }

// The DuckDB type that stores an Athena type.
export function duckType(t) {
  switch (t.name) {
    case 'boolean': return 'BOOLEAN';
    case 'tinyint': return 'TINYINT';
    case 'smallint': return 'SMALLINT';
    case 'integer': return 'INTEGER';
    case 'bigint': return 'BIGINT';
    case 'real': return 'FLOAT';
    case 'double': return 'DOUBLE';
    case 'decimal': return `DECIMAL(${(t.params && t.params[0]) ?? 38},${(t.params && t.params[1]) ?? 0})`;
    case 'varchar': case 'char': case 'ipaddress': return 'VARCHAR';
    case 'varbinary': return 'BLOB';
    case 'date': return 'DATE';
    case 'time': return t.tz ? 'TIMETZ' : 'TIME';
    case 'timestamp': return t.tz ? 'TIMESTAMPTZ' : 'TIMESTAMP';
    case 'json': return 'JSON';
    case 'uuid': return 'UUID';
    case 'interval year to month': case 'interval day to second': return 'INTERVAL';
    case 'array': return `${duckType(t.elem)}[]`;
    case 'map': return `MAP(${duckType(t.key)}, ${duckType(t.value)})`;
    case 'row': return `STRUCT(${t.fields.map((f, i) => `${q(f.name ?? `field${i}`)} ${duckType(f.type)}`).join(', ')})`;
    case 'unknown': return 'INTEGER';
    default: return 'VARCHAR';
  }
}

// The Athena type of a DuckDB result type (a DuckDBType from @duckdb/node-api).
export function athenaTypeOfDuck(dt) {
  switch (dt.typeId) {
    case DuckDBTypeId.BOOLEAN: return T.boolean;
    case DuckDBTypeId.TINYINT: return T.tinyint;
    case DuckDBTypeId.SMALLINT: case DuckDBTypeId.UTINYINT: return T.smallint;
    case DuckDBTypeId.INTEGER: case DuckDBTypeId.USMALLINT: return T.integer;
    case DuckDBTypeId.BIGINT: case DuckDBTypeId.UINTEGER: case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT: case DuckDBTypeId.UHUGEINT: return T.bigint;
    case DuckDBTypeId.FLOAT: return T.real;
    case DuckDBTypeId.DOUBLE: return T.double;
    case DuckDBTypeId.DECIMAL: return T.decimal(dt.width, dt.scale);
    case DuckDBTypeId.VARCHAR: return dt.alias === 'JSON' ? T.json : T.varchar;
    case DuckDBTypeId.BLOB: return T.varbinary;
    case DuckDBTypeId.DATE: return T.date;
    case DuckDBTypeId.TIME: case DuckDBTypeId.TIME_NS: return T.time;
    case DuckDBTypeId.TIME_TZ: return { name: 'time', tz: true };
    case DuckDBTypeId.TIMESTAMP: case DuckDBTypeId.TIMESTAMP_S: case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS: return T.timestamp;
    case DuckDBTypeId.TIMESTAMP_TZ: return T.timestamptz;
    case DuckDBTypeId.INTERVAL: return T.intervalDS;
    case DuckDBTypeId.UUID: return T.uuid;
    case DuckDBTypeId.LIST: case DuckDBTypeId.ARRAY: return T.array(athenaTypeOfDuck(dt.valueType));
    case DuckDBTypeId.MAP: return T.map(athenaTypeOfDuck(dt.keyType), athenaTypeOfDuck(dt.valueType));
    case DuckDBTypeId.STRUCT: return T.row(dt.entryNames.map((n, i) => ({ name: n === '' ? null : n, key: n, type: athenaTypeOfDuck(dt.entryTypes[i]) })));
    case DuckDBTypeId.SQLNULL: return T.unknown;
    case DuckDBTypeId.ENUM: return T.varchar;
    default: return T.varchar;
  }
}

// ColumnInfo.Type / Precision / Scale / CaseSensitive as Athena fills them.
export function columnInfo(name, t) {
  let type = t.name;
  let precision = 0;
  let scale = 0;
  switch (t.name) {
    case 'varchar': precision = t.params && t.params.length ? t.params[0] : 2147483647; break;
    case 'char': precision = (t.params && t.params[0]) ?? 1; break;
    case 'tinyint': precision = 3; break;
    case 'smallint': precision = 5; break;
    case 'integer': precision = 10; break;
    case 'bigint': precision = 19; break;
    case 'real': type = 'float'; precision = 17; break;
    case 'double': precision = 17; break;
    case 'decimal': precision = (t.params && t.params[0]) ?? 38; scale = (t.params && t.params[1]) ?? 0; break;
    case 'time': precision = 3; type = t.tz ? 'time with time zone' : 'time'; break;
    case 'timestamp': precision = 3; type = t.tz ? 'timestamp with time zone' : 'timestamp'; break;
    case 'varbinary': precision = 1073741824; break;
    default: break;
  }
  return {
    CatalogName: 'hive', SchemaName: '', TableName: '', Name: name, Label: name, Type: type,
    Precision: precision, Scale: scale, Nullable: 'UNKNOWN', CaseSensitive: t.name === 'varchar' || t.name === 'char',
  };
}

// ColumnInfo for the .txt results (Hive names): every column is a `string`.
export function hiveStringColumn(name) {
  return {
    CatalogName: 'hive', SchemaName: '', TableName: '', Name: name, Label: name, Type: 'string',
    Precision: 0, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: false,
  };
}

export function typesEqual(a, b) { return typeText(a) === typeText(b) && !!a.tz === !!b.tz; }

// The text results of SHOW / DESCRIBE statements (Athena writes them as .txt: no header, one datum per
// row holding the whole tab-separated line). Layouts follow Hive's DDL output, which Athena uses for
// these statements: fields of DESCRIBE padded to 20 characters and separated by tabs.
import { hiveStringColumn, hiveType } from './types.js';
import { namePattern } from './metadata.js';

const pad20 = (s) => String(s ?? '').padEnd(20, ' ');

function txt(substatementType, names, lines) {
  return {
    statementType: 'UTILITY', substatementType, fileKind: 'txt',
    columns: names.map(hiveStringColumn), rows: lines.map((l) => [l]), updateCount: undefined, dataScannedBytes: 0,
  };
}

export function showTables(registry, db, pattern) {
  const re = namePattern(pattern);
  return txt('SHOW_TABLES', ['tab_name'], registry.tableNames(db).filter((n) => !re || re.test(n)));
}

export function showViews(registry, db, pattern) {
  const re = namePattern(pattern);
  return txt('SHOW_VIEWS', ['views'], registry.tableNames(db).filter((n) => registry.resolveTable(db, n).kind === 'VIRTUAL_VIEW' && (!re || re.test(n))));
}

export function showDatabases(registry, pattern) {
  const re = namePattern(pattern);
  return txt('SHOW_DATABASES', ['database_name'], [...registry.databases.keys()].sort().filter((n) => !re || re.test(n)));
}

export function showColumns(table) {
  return txt('SHOW_COLUMNS', ['field'], table.columns.concat(table.partitionKeys).map((c) => pad20(c.name)));
}

function describeLine(c) {
  return `${pad20(c.name)}\t${pad20(hiveType(c.type))}\t${pad20(c.comment ?? '')}`;
}

export function describe(table, column) {
  const all = table.columns.concat(table.partitionKeys);
  if (column) {
    return txt('DESCRIBE_TABLE', ['col_name', 'data_type', 'comment'], all.filter((c) => c.name === column).map(describeLine));
  }
  const lines = all.map(describeLine);
  if (table.partitionKeys.length) {
    lines.push('', `# Partition Information`, `${pad20('# col_name')}\t${pad20('data_type')}\t${pad20('comment')}`, '');
    for (const c of table.partitionKeys) lines.push(describeLine(c));
  }
  return txt('DESCRIBE_TABLE', ['col_name', 'data_type', 'comment'], lines);
}

export function showPartitions(table) {
  return txt('SHOW_PARTITIONS', ['partition'], [...table.partitions].sort());
}

export function showTblProperties(table) {
  return txt('SHOW_TBLPROPERTIES', ['prpt_name', 'prpt_value'], Object.entries(table.parameters).sort().map(([k, v]) => `${k}\t${v}`));
}

const SERDE_FORMATS = {
  'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe': ['org.apache.hadoop.mapred.TextInputFormat', 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'],
  'org.apache.hadoop.hive.serde2.RegexSerDe': ['org.apache.hadoop.mapred.TextInputFormat', 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'],
  'org.openx.data.jsonserde.JsonSerDe': ['org.apache.hadoop.mapred.TextInputFormat', 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'],
  'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe': ['org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat', 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'],
};

export function showCreateTable(db, table) {
  if (table.kind === 'VIRTUAL_VIEW') return showCreateView(db, table, 'SHOW_CREATE_TABLE');
  const lines = [`CREATE EXTERNAL TABLE \`${db}\`.\`${table.name}\`(`];
  table.columns.forEach((c, i) => {
    lines.push(`  \`${c.name}\` ${hiveType(c.type)}${c.comment ? ` COMMENT '${c.comment.replace(/'/g, "\\'")}'` : ''}${i < table.columns.length - 1 ? ', ' : ')'}`);
  });
  if (table.partitionKeys.length) {
    lines.push('PARTITIONED BY ( ');
    table.partitionKeys.forEach((c, i) => lines.push(`  \`${c.name}\` ${hiveType(c.type)}${i < table.partitionKeys.length - 1 ? ', ' : ')'}`));
  }
  const serde = table.serde ?? 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe';
  const [inf, outf] = SERDE_FORMATS[serde] ?? SERDE_FORMATS['org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'];
  lines.push('ROW FORMAT SERDE ', `  '${serde}' `, 'STORED AS INPUTFORMAT ', `  '${inf}' `, 'OUTPUTFORMAT ', `  '${outf}'`);
  lines.push('LOCATION', `  '${table.location ?? `s3://athena-local-data/${db}/${table.name}`}'`);
  const props = { ...table.parameters, transient_lastDdlTime: String(table.createTime) };
  const entries = Object.entries(props).sort();
  lines.push('TBLPROPERTIES (');
  entries.forEach(([k, v], i) => lines.push(`  '${k}'='${String(v).replace(/'/g, "\\'")}'${i < entries.length - 1 ? ', ' : ')'}`));
  return txt('SHOW_CREATE_TABLE', ['createtab_stmt'], lines);
}

export function showCreateView(db, table, sub = 'SHOW_CREATE_VIEW') {
  const lines = [`CREATE VIEW awsdatacatalog.${db}.${table.name} AS`, ...String(table.viewText ?? '').split('\n')];
  return txt(sub, ['Create View'], lines);
}

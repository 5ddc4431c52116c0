// A deliberately tiny stand-in for src/engine, used only while developing the server
// against the engine seam (ATHENA_LOCAL_TEST_ENGINE=fake). It understands a handful of
// query shapes and is never used as the real engine.
export class EngineError extends Error {
  constructor(kind, message, { errorType, errorCategory } = {}) {
    super(message);
    this.kind = kind;
    this.errorType = errorType;
    this.errorCategory = errorCategory;
  }
}

const col = (Name, Type, Precision, CaseSensitive = false) => ({
  CatalogName: 'hive', SchemaName: '', TableName: '', Name, Label: Name, Type, Precision, Scale: 0,
  Nullable: 'UNKNOWN', CaseSensitive,
});

function strip(sql) {
  return sql.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ').trim().replace(/;$/, '');
}

export async function createEngine() {
  const numbers = Array.from({ length: 1000000 }, (_, i) => [String(i + 1)]);
  const tables = {
    numbers: { Name: 'numbers', CreateTime: 1700000000, TableType: 'EXTERNAL_TABLE', Columns: [{ Name: 'n', Type: 'bigint' }], PartitionKeys: [], Parameters: {} },
    all_types: { Name: 'all_types', CreateTime: 1700000000, TableType: 'EXTERNAL_TABLE', Columns: [{ Name: 'b', Type: 'boolean' }], PartitionKeys: [], Parameters: {} },
  };
  return {
    async checkSyntax(sql) {
      const s = strip(sql);
      const m = /^(\w+)/.exec(s);
      if (!m || !/^(SELECT|WITH|VALUES|SHOW|DESCRIBE|CREATE|INSERT)$/i.test(m[1])) {
        throw new EngineError('syntax', `line 1:1: mismatched input '${m ? m[1] : s.slice(0, 1)}'. Expecting: 'ALTER', 'ANALYZE', 'CALL', 'COMMENT', 'COMMIT', 'CREATE', 'DEALLOCATE', 'DELETE', 'DESC', 'DESCRIBE', 'DROP', 'EXECUTE', 'EXPLAIN', 'GRANT', 'INSERT', 'MERGE', 'PREPARE', 'REFRESH', 'RESET', 'REVOKE', 'ROLLBACK', 'SET', 'SHOW', 'START', 'TRUNCATE', 'UPDATE', 'USE', 'WITH', <query>`, { errorType: 'SYNTAX_ERROR', errorCategory: 2 });
      }
    },
    async execute(sql, { signal } = {}) {
      if (signal?.aborted) throw new EngineError('cancelled', 'cancelled');
      const s = strip(sql);
      let m;
      if (/nosuchcolumn/i.test(s)) {
        throw new EngineError('failed', "COLUMN_NOT_FOUND: line 1:8: Column 'nosuchcolumn' cannot be resolved or requester is not authorized to access requested resources", { errorType: 'COLUMN_NOT_FOUND', errorCategory: 2 });
      }
      if ((m = /^SELECT \* FROM sampledb\.numbers(?: LIMIT (\d+))?$/i.exec(s))) {
        const rows = m[1] ? numbers.slice(0, Number(m[1])) : numbers;
        return { statementType: 'DML', substatementType: 'SELECT', fileKind: 'csv', columns: [col('n', 'bigint', 19)], rows, updateCount: undefined, dataScannedBytes: rows.length * 8 };
      }
      if ((m = /^CREATE TABLE \S+ AS SELECT \* FROM sampledb\.numbers LIMIT (\d+)$/i.exec(s))) {
        return { statementType: 'DDL', substatementType: 'CREATE_TABLE_AS_SELECT', fileKind: 'csv', columns: [col('rows', 'bigint', 19)], rows: [], updateCount: Number(m[1]), dataScannedBytes: 80 };
      }
      if (/^SHOW TABLES IN sampledb$/i.test(s)) {
        return { statementType: 'UTILITY', substatementType: 'SHOW_TABLES', fileKind: 'txt', columns: [col('tab_name', 'string', 0, false)], rows: [['all_types'], ['numbers']], updateCount: undefined, dataScannedBytes: 0 };
      }
      if ((m = /^SELECT (.*)$/i.exec(s))) {
        const columns = [];
        const row = [];
        let i = 0;
        for (const part of m[1].split(/,\s*/)) {
          const pm = /^(?:'([^']*)'|(\d+)|(NULL))(?:\s+AS\s+(\w+))?$/i.exec(part.trim());
          if (!pm) throw new EngineError('failed', `NOT_SUPPORTED: fake engine cannot run: ${s}`, { errorType: 'NOT_SUPPORTED', errorCategory: 2 });
          const name = pm[4] ?? `_col${i}`;
          if (pm[1] !== undefined) { columns.push(col(name, 'varchar', pm[1].length, true)); row.push(pm[1]); }
          else if (pm[2] !== undefined) { columns.push(col(name, 'integer', 10)); row.push(pm[2]); }
          else { columns.push(col(name, 'unknown', 0)); row.push(null); }
          i++;
        }
        return { statementType: 'DML', substatementType: 'SELECT', fileKind: 'csv', columns, rows: [row], updateCount: undefined, dataScannedBytes: 0 };
      }
      throw new EngineError('failed', `NOT_SUPPORTED: fake engine cannot run: ${s}`, { errorType: 'NOT_SUPPORTED', errorCategory: 2 });
    },
    listDataCatalogs: () => [{ CatalogName: 'AwsDataCatalog', Type: 'GLUE' }],
    getDataCatalog(name) {
      if (name !== 'AwsDataCatalog') throw new EngineError('metadata', `Catalog ${name} not found`);
      return { Name: 'AwsDataCatalog', Type: 'GLUE', Description: 'athena-local catalog', Parameters: {} };
    },
    listDatabases(catalog) {
      if (catalog !== 'AwsDataCatalog') throw new EngineError('metadata', `Catalog ${catalog} not found`);
      return [{ Name: 'default' }, { Name: 'sampledb' }];
    },
    getDatabase(catalog, name) {
      if (name !== 'default' && name !== 'sampledb') throw new EngineError('metadata', `Database ${name} not found.`);
      return { Name: name };
    },
    listTableMetadata(catalog, database, expression) {
      if (database !== 'sampledb' && database !== 'default') throw new EngineError('metadata', `Database ${database} not found.`);
      if (database === 'default') return [];
      const re = expression ? new RegExp(`^(?:${expression})$`) : undefined;
      return Object.values(tables).filter((t) => !re || re.test(t.Name)).sort((a, b) => (a.Name < b.Name ? -1 : 1));
    },
    getTableMetadata(catalog, database, table) {
      const t = database === 'sampledb' ? tables[table] : undefined;
      if (!t) throw new EngineError('metadata', `Table ${table} not found.`);
      return t;
    },
    close() {},
  };
}

// Render functions with the same contract as src/engine/render.js.
const q = (v) => `"${v.replace(/"/g, '""')}"`;
export function renderCsv(columns, rows) {
  let s = columns.map((c) => q(c.Name)).join(',') + '\n';
  for (const r of rows) s += r.map((v) => (v === null ? '' : q(v))).join(',') + '\n';
  return Buffer.from(s);
}
export function renderTxt(rows) {
  return Buffer.from(rows.map((r) => `${r[0]}\n`).join(''));
}
function varint(n) {
  const out = [];
  while (n > 127) { out.push((n & 127) | 128); n >>>= 7; }
  out.push(n);
  return Buffer.from(out);
}
function field(no, wire, payload) {
  return Buffer.concat([varint((no << 3) | wire), wire === 2 ? varint(payload.length) : Buffer.alloc(0), payload]);
}
export function renderMetadata(columns, engineQueryId) {
  const parts = [field(1, 2, Buffer.from(engineQueryId))];
  for (const c of columns) {
    const inner = Buffer.concat([
      field(1, 2, Buffer.from(c.CatalogName)), field(2, 2, Buffer.from(c.SchemaName)), field(3, 2, Buffer.from(c.TableName)),
      field(4, 2, Buffer.from(c.Name)), field(5, 2, Buffer.from(c.Label)), field(6, 2, Buffer.from(c.Type)),
      field(7, 0, varint(c.Precision)), field(8, 0, varint(c.Scale)), field(9, 0, varint(3)), field(10, 0, varint(c.CaseSensitive ? 1 : 0)),
    ]);
    parts.push(field(4, 2, inner));
  }
  return Buffer.concat(parts);
}

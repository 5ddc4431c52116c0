// athena-local's SQL engine: Athena (Trino) SQL on an embedded DuckDB. See README.md in this folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname, basename } from 'node:path';
import { DuckDBInstance, DuckDBScalarFunction, DuckDBTypeId, DOUBLE, FLOAT, VARCHAR } from '@duckdb/node-api';
import { EngineError, failed, lineCol } from './errors.js';
import { parseStatement } from './parser.js';
import { tokenize } from './lexer.js';
import { Translator, ANON_PREFIX, qi, qs } from './translate.js';
import { T, athenaTypeOfDuck, columnInfo, duckType, hiveStringColumn } from './types.js';
import { makeRenderer, javaDouble, javaFloat } from './values.js';
import * as meta from './metadata.js';
import * as util from './utility.js';
import { generateBuiltins } from './data.js';
import { sniffCsv, SNIFF_MAX_BYTES } from './csv-sniff.js';

export { EngineError };

const MACROS = [
  // Trino fails integer and decimal division by zero; DuckDB would return NULL
  "CREATE MACRO athena_nonzero(x) AS CASE WHEN x = 0 THEN error('Division by zero') ELSE x END",
  // regexp_extract returns NULL when nothing matches (DuckDB returns '')
  'CREATE MACRO nullif_no_match(s, p, g) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p, g) ELSE NULL END',
  `CREATE MACRO athena_interval(unit, n) AS CASE lower(unit)
     WHEN 'millisecond' THEN to_milliseconds(CAST(n AS BIGINT)) WHEN 'second' THEN to_seconds(CAST(n AS BIGINT))
     WHEN 'minute' THEN to_minutes(CAST(n AS BIGINT)) WHEN 'hour' THEN to_hours(CAST(n AS BIGINT))
     WHEN 'day' THEN to_days(CAST(n AS INTEGER)) WHEN 'week' THEN to_weeks(CAST(n AS INTEGER))
     WHEN 'month' THEN to_months(CAST(n AS INTEGER)) WHEN 'quarter' THEN to_months(CAST(n AS INTEGER) * 3)
     WHEN 'year' THEN to_years(CAST(n AS INTEGER)) ELSE error('Invalid unit: ' || unit) END`,
];

function textUdf(name, argType, fmt) {
  return DuckDBScalarFunction.create({
    name,
    returnType: VARCHAR,
    parameterTypes: [argType],
    mainFunction: (info, input, output) => {
      const v = input.getColumnVector(0);
      for (let i = 0; i < input.rowCount; i++) {
        const x = v.getItem(i);
        output.setItem(i, x === null ? null : fmt(x));
      }
      output.flush();
    },
  });
}

export async function createEngine({ dataDir } = {}) {
  const instance = await DuckDBInstance.create(':memory:');
  const admin = await instance.connect();
  await admin.run("SET GLOBAL TimeZone = 'UTC'");
  await admin.run("ATTACH ':memory:' AS awsdatacatalog");
  for (const m of MACROS) await admin.run(m);
  admin.registerScalarFunction(textUdf('athena_double_text', DOUBLE, javaDouble));
  admin.registerScalarFunction(textUdf('athena_real_text', FLOAT, javaFloat));
  const engine = new Engine(instance, admin);
  await generateBuiltins((sql) => admin.run(sql), engine.registry, (sql, database) => engine.execute(sql, { database }));
  if (dataDir) await engine.mount(dataDir);
  return engine;
}

const DML_RESULT_COLUMNS = [columnInfo('rows', T.bigint)];

class Engine {
  constructor(instance, admin) {
    this.instance = instance;
    this.admin = admin;
    this.registry = new meta.Registry();
    this.closed = false;
  }

  // ---------- metadata API ----------
  listDataCatalogs() { return meta.listDataCatalogs(); }
  getDataCatalog(name) { return meta.getDataCatalog(name); }
  listDatabases(catalog) { return meta.listDatabases(this.registry, catalog); }
  getDatabase(catalog, name) { return meta.getDatabase(this.registry, catalog, name); }
  listTableMetadata(catalog, database, expression) { return meta.listTableMetadata(this.registry, catalog, database, expression); }
  getTableMetadata(catalog, database, table) { return meta.getTableMetadata(this.registry, catalog, database, table); }

  close() {
    if (this.closed) return;
    this.closed = true;
    try { this.admin.closeSync(); } catch { /* already closed */ }
    try { this.instance.closeSync(); } catch { /* already closed */ }
  }

  async checkSyntax(sql) {
    parseStatement(String(sql));
  }

  // ---------- execution ----------
  // onRows(columns, rows): when given, a query's rows are handed over chunk by chunk as they are
  // rendered, and the result has `rowCount` and no `rows` (other statements still return rows).
  async execute(sql, { catalog, database, signal, onRows } = {}) {
    sql = String(sql);
    if (signal && signal.aborted) throw cancelled();
    const stmt = parseStatement(sql);
    if (catalog && String(catalog).toLowerCase() !== 'awsdatacatalog') {
      throw failed('CATALOG_NOT_FOUND', `Catalog '${String(catalog).toLowerCase()}' does not exist`);
    }
    const db = String(database || 'default').toLowerCase();
    const ctx = { sql, db, signal, onRows };
    return this.run(stmt, ctx);
  }

  async run(stmt, ctx) {
    switch (stmt.type) {
      case 'query': return this.select(stmt, ctx);
      case 'explain': return this.explain(stmt, ctx);
      case 'showTables': return util.showTables(this.registry, this.dbName(stmt.db, ctx), stmt.pattern);
      case 'showViews': return util.showViews(this.registry, this.dbName(stmt.db, ctx), stmt.pattern);
      case 'showDatabases': return util.showDatabases(this.registry, stmt.pattern);
      case 'showColumns': {
        const { table } = this.table(stmt.table, ctx, stmt.db);
        return util.showColumns(table);
      }
      case 'describe': return util.describe(this.table(stmt.table, ctx).table, stmt.column ? stmt.column.name : null);
      case 'showCreateTable': { const r = this.table(stmt.table, ctx); return util.showCreateTable(r.db, r.table); }
      case 'showCreateView': {
        const r = this.table(stmt.table, ctx);
        if (r.table.kind !== 'VIRTUAL_VIEW') throw failed('NOT_SUPPORTED', `Relation '${r.full}' is a table, not a view`, lineCol(ctx.sql, stmt.table.pos));
        return util.showCreateView(r.db, r.table);
      }
      case 'showPartitions': {
        const r = this.table(stmt.table, ctx);
        if (!r.table.partitionKeys.length) throw failed('NOT_SUPPORTED', `Table ${r.full} is not partitioned`);
        return util.showPartitions(r.table);
      }
      case 'showTblProperties': return util.showTblProperties(this.table(stmt.table, ctx).table);
      case 'msck': { this.table(stmt.table, ctx); return ddlResult('MSCK_REPAIR_TABLE', 'UTILITY'); }
      case 'ctas': return this.ctas(stmt, ctx);
      case 'insert': return this.insert(stmt, ctx);
      case 'createTable': return this.createTable(stmt, ctx);
      case 'createView': return this.createView(stmt, ctx);
      case 'dropTable': case 'dropView': return this.dropTable(stmt, ctx);
      case 'createDatabase': return this.createDatabase(stmt, ctx);
      case 'dropDatabase': return this.dropDatabase(stmt, ctx);
      default: throw failed('NOT_SUPPORTED', `Statement not supported by athena-local: ${stmt.type}`);
    }
  }

  dbName(qn, ctx) {
    const db = qn ? qn.parts[qn.parts.length - 1].name : ctx.db;
    if (qn && qn.parts.length === 2 && qn.parts[0].name !== 'awsdatacatalog') throw failed('CATALOG_NOT_FOUND', `Catalog '${qn.parts[0].name}' does not exist`, lineCol(ctx.sql, qn.pos));
    if (!this.registry.hasDatabase(db)) throw failed('SCHEMA_NOT_FOUND', `Schema '${db}' does not exist`, qn ? lineCol(ctx.sql, qn.pos) : undefined);
    return db;
  }

  // Resolves a table name (optionally with a separate database, as in SHOW COLUMNS IN t IN db).
  table(qn, ctx, dbQn) {
    const parts = qn.parts.map((p) => p.name);
    let db = ctx.db;
    let name;
    if (parts.length === 1) { name = parts[0]; if (dbQn) db = dbQn.parts[dbQn.parts.length - 1].name; } else if (parts.length === 2) [db, name] = parts;
    else {
      if (parts[0] !== 'awsdatacatalog') throw failed('CATALOG_NOT_FOUND', `Catalog '${parts[0]}' does not exist`, lineCol(ctx.sql, qn.pos));
      [, db, name] = parts;
    }
    if (!this.registry.hasDatabase(db)) throw failed('SCHEMA_NOT_FOUND', `Schema '${db}' does not exist`, lineCol(ctx.sql, qn.pos));
    const table = this.registry.resolveTable(db, name);
    const full = `awsdatacatalog.${db}.${name}`;
    if (!table) throw failed('TABLE_NOT_FOUND', `Table '${full}' does not exist`, lineCol(ctx.sql, qn.pos));
    return { db, name, table, full, sqlName: `${qi('awsdatacatalog')}.${qi(db)}.${qi(name)}` };
  }

  // the target of CREATE TABLE / CREATE VIEW / INSERT: database and table name
  target(qn, ctx) {
    const parts = qn.parts.map((p) => p.name);
    let db = ctx.db;
    let name;
    if (parts.length === 1) name = parts[0]; else if (parts.length === 2) [db, name] = parts; else {
      if (parts[0] !== 'awsdatacatalog') throw failed('CATALOG_NOT_FOUND', `Catalog '${parts[0]}' does not exist`, lineCol(ctx.sql, qn.pos));
      [, db, name] = parts;
    }
    if (!this.registry.hasDatabase(db)) throw failed('SCHEMA_NOT_FOUND', `Schema '${db}' does not exist`, lineCol(ctx.sql, qn.pos));
    return { db, name, full: `awsdatacatalog.${db}.${name}`, sqlName: `${qi('awsdatacatalog')}.${qi(db)}.${qi(name)}` };
  }

  translator(ctx) { return new Translator({ registry: this.registry, database: ctx.db, sql: ctx.sql }); }

  scanned(tr) {
    let bytes = 0;
    const seen = new Set();
    for (const t of tr.tables) {
      const key = t.db + '.' + t.name;
      if (seen.has(key)) continue;
      seen.add(key);
      const tab = this.registry.resolveTable(t.db, t.name);
      if (tab && tab.kind !== 'VIRTUAL_VIEW') bytes += (tab.rowCount ?? 0) * (tab.columns.length + tab.partitionKeys.length) * 8;
    }
    return bytes;
  }

  async select(stmt, ctx) {
    const tr = this.translator(ctx);
    const q = tr.query(stmt.query, null);
    await this.materialize(tr.tables);
    const r = await this.runQuery(q.sql, q.columns, ctx);
    return {
      statementType: 'DML', substatementType: 'SELECT', fileKind: 'csv',
      columns: r.columns, rows: r.rows, rowCount: r.rowCount, updateCount: undefined, dataScannedBytes: this.scanned(tr),
    };
  }

  async explain(stmt, ctx) {
    if (stmt.stmt.type !== 'query') throw failed('NOT_SUPPORTED', 'EXPLAIN is supported for queries only');
    const tr = this.translator(ctx);
    const q = tr.query(stmt.stmt.query, null);
    await this.materialize(tr.tables);
    const conn = await this.instance.connect();
    try {
      const res = await this.withCancel(conn, ctx, () => conn.run((stmt.analyze ? 'EXPLAIN ANALYZE ' : 'EXPLAIN ') + q.sql));
      const rows = await res.getRows();
      const lines = [];
      for (const row of rows) for (const l of String(row[row.length - 1]).split('\n')) lines.push([l]);
      return {
        statementType: 'DML', substatementType: 'EXPLAIN', fileKind: 'csv',
        columns: [columnInfo('Query Plan', T.varchar)], rows: lines, updateCount: undefined, dataScannedBytes: 0,
      };
    } catch (e) {
      throw this.mapError(e, ctx);
    } finally {
      conn.closeSync();
    }
  }

  async withCancel(conn, ctx, fn) {
    const signal = ctx.signal;
    if (!signal) return fn();
    if (signal.aborted) throw cancelled();
    const onAbort = () => { try { conn.interrupt(); } catch { /* finished */ } };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const out = await fn();
      if (signal.aborted) throw cancelled();
      return out;
    } catch (e) {
      if (signal.aborted) throw cancelled();
      throw e;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  // Runs translated SQL and renders every value as Athena's text.
  async runQuery(sql, staticCols, ctx) {
    const conn = await this.instance.connect();
    try {
      return await this.withCancel(conn, ctx, async () => {
        const res = await conn.stream(sql);
        const names = res.columnNames();
        const dtypes = res.columnTypes();
        const ncol = names.length;
        const types = dtypes.map((dt, i) => chooseType(staticCols && staticCols.length === ncol ? staticCols[i].type : null, dt));
        const columns = names.map((n, i) => columnInfo(n.startsWith(ANON_PREFIX) ? `_col${i}` : n.toLowerCase(), types[i]));
        const renderers = types.map(makeRenderer);
        // With ctx.onRows each chunk's rows go there as they are rendered (and are not kept).
        let rows = [];
        let rowCount = 0;
        for (;;) {
          if (ctx.signal && ctx.signal.aborted) throw cancelled();
          const chunk = await res.fetchChunk();
          if (!chunk || chunk.rowCount === 0) break;
          const n = chunk.rowCount;
          const base = rows.length;
          for (let r = 0; r < n; r++) rows.push(new Array(ncol));
          for (let c = 0; c < ncol; c++) {
            const values = chunk.getColumnValues(c);
            const render = renderers[c];
            for (let r = 0; r < n; r++) rows[base + r][c] = render(values[r]);
          }
          rowCount += n;
          if (ctx.onRows) {
            await ctx.onRows(columns, rows);
            rows = [];
          }
        }
        return ctx.onRows ? { columns, rows: undefined, rowCount } : { columns, rows, rowCount };
      });
    } catch (e) {
      throw this.mapError(e, ctx);
    } finally {
      conn.closeSync();
    }
  }

  async exec(sql, ctx) {
    const conn = await this.instance.connect();
    try {
      return await this.withCancel(conn, ctx, () => conn.run(sql));
    } catch (e) {
      throw this.mapError(e, ctx);
    } finally {
      conn.closeSync();
    }
  }

  // Athena column types of a table or view, from DuckDB's types plus the static types the translator knew.
  async describeRelation(sqlName, staticCols) {
    const res = await this.admin.run(`SELECT * FROM ${sqlName} LIMIT 0`);
    const names = res.columnNames();
    const dtypes = res.columnTypes();
    return names.map((n, i) => ({
      name: n.startsWith(ANON_PREFIX) ? `_col${i}` : n.toLowerCase(),
      type: chooseType(staticCols && staticCols.length === names.length ? staticCols[i].type : null, dtypes[i]),
    }));
  }

  async ctas(stmt, ctx) {
    const t = this.target(stmt.name, ctx);
    if (this.registry.resolveTable(t.db, t.name)) {
      if (stmt.ifNotExists) return { ...ddlResult('CREATE_TABLE_AS_SELECT', 'DDL'), columns: DML_RESULT_COLUMNS, fileKind: 'csv', updateCount: 0 };
      throw failed('TABLE_ALREADY_EXISTS', `Table '${t.full}' already exists`, lineCol(ctx.sql, stmt.pos));
    }
    const tr = this.translator(ctx);
    const q = tr.query(stmt.query, null);
    await this.materialize(tr.tables);
    for (const c of q.columns ?? []) {
      if (!c.name && !c.alias) continue;
    }
    const anon = (q.columns ?? []).findIndex((c) => !c.name);
    if (anon >= 0) throw failed('MISSING_COLUMN_NAME', `Column name not specified at position ${anon + 1}`, lineCol(ctx.sql, stmt.pos));
    let body = q.sql;
    if (!stmt.withData) body = `SELECT * FROM (${q.sql}) LIMIT 0`;
    await this.exec(`CREATE TABLE ${t.sqlName} AS ${body}`, ctx);
    let columns = await this.describeRelation(t.sqlName, q.columns);
    const partitionedBy = propertyList(stmt.props.partitioned_by);
    const partitionKeys = [];
    for (const p of partitionedBy) {
      const idx = columns.findIndex((c) => c.name === p);
      if (idx < 0) throw failed('COLUMN_NOT_FOUND', `Partition column '${p}' does not exist`);
      partitionKeys.push(columns[idx]);
    }
    columns = columns.filter((c) => !partitionedBy.includes(c.name));
    const countRes = await this.admin.run(`SELECT count(*) FROM ${t.sqlName}`);
    const count = Number((await countRes.getRows())[0][0]);
    const format = stmt.props.format && stmt.props.format.type === 'literal' ? String(stmt.props.format.value).toLowerCase() : 'parquet';
    this.registry.addTable(t.db, {
      name: t.name, columns, partitionKeys, rowCount: count,
      parameters: { classification: format, has_encrypted_data: 'false' },
      location: stmt.props.external_location && stmt.props.external_location.type === 'literal' ? stmt.props.external_location.value : `s3://athena-local-data/${t.db}/${t.name}/`,
      serde: format === 'parquet' ? 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' : 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
    });
    return {
      statementType: 'DDL', substatementType: 'CREATE_TABLE_AS_SELECT', fileKind: 'csv',
      columns: DML_RESULT_COLUMNS, rows: [], updateCount: count, dataScannedBytes: this.scanned(tr),
    };
  }

  async insert(stmt, ctx) {
    const target = this.table(stmt.name, ctx);
    await this.materialize([target]);
    if (target.table.kind === 'VIRTUAL_VIEW') throw failed('NOT_SUPPORTED', `Inserting into views is not supported`, lineCol(ctx.sql, stmt.name.pos));
    const tr = this.translator(ctx);
    const q = tr.query(stmt.query, null);
    await this.materialize(tr.tables);
    const all = target.table.columns.concat(target.table.partitionKeys);
    let cols = '';
    if (stmt.columns) {
      for (const c of stmt.columns) {
        if (!all.some((x) => x.name === c.name)) throw failed('COLUMN_NOT_FOUND', `Insert column name does not exist in target table: ${c.name}`, lineCol(ctx.sql, c.pos));
      }
      cols = ' (' + stmt.columns.map((c) => qi(c.name)).join(', ') + ')';
    }
    const nTarget = stmt.columns ? stmt.columns.length : all.length;
    if (q.columns && q.columns.length !== nTarget) {
      throw failed('TYPE_MISMATCH', `Insert query has mismatched column types: Table: [${all.map((c) => c.type.name).join(', ')}], Query: [${q.columns.map((c) => (c.type ? c.type.name : 'unknown')).join(', ')}]`, lineCol(ctx.sql, stmt.pos));
    }
    const res = await this.exec(`INSERT INTO ${target.sqlName}${cols} ${q.sql}`, ctx);
    const count = Number(res.rowsChanged);
    target.table.rowCount = (target.table.rowCount ?? 0) + count;
    return {
      statementType: 'DML', substatementType: 'INSERT', fileKind: 'csv',
      columns: DML_RESULT_COLUMNS, rows: [], updateCount: count, dataScannedBytes: this.scanned(tr),
    };
  }

  async createTable(stmt, ctx) {
    const t = this.target(stmt.name, ctx);
    if (this.registry.resolveTable(t.db, t.name)) {
      if (stmt.ifNotExists) return ddlResult('CREATE_TABLE', 'DDL');
      throw failed('TABLE_ALREADY_EXISTS', `Table '${t.full}' already exists`, lineCol(ctx.sql, stmt.pos));
    }
    const all = stmt.columns.concat(stmt.partitionedBy);
    await this.exec(`CREATE TABLE ${t.sqlName} (${all.map((c) => `${qi(c.name)} ${duckType(c.type)}`).join(', ')})`, ctx);
    const params = {};
    for (const [k, v] of Object.entries(stmt.props)) if (typeof v === 'string') params[k] = v;
    if (stmt.external) params.EXTERNAL = 'TRUE';
    if (stmt.comment) params.comment = stmt.comment;
    this.registry.addTable(t.db, {
      name: t.name, columns: stmt.columns.map((c) => ({ name: c.name, type: c.type, comment: c.comment ?? undefined })),
      partitionKeys: stmt.partitionedBy.map((c) => ({ name: c.name, type: c.type, comment: c.comment ?? undefined })),
      parameters: Object.fromEntries(Object.entries(params).filter(([k]) => !['location', 'serde', 'stored_as'].includes(k))),
      location: stmt.props.location, serde: stmt.props.serde, rowCount: 0,
    });
    return ddlResult('CREATE_TABLE', 'DDL');
  }

  async createView(stmt, ctx) {
    const t = this.target(stmt.name, ctx);
    const existing = this.registry.resolveTable(t.db, t.name);
    if (existing && !(stmt.orReplace && existing.kind === 'VIRTUAL_VIEW')) {
      throw failed(existing.kind === 'VIRTUAL_VIEW' ? 'ALREADY_EXISTS' : 'TABLE_ALREADY_EXISTS', `View '${t.full}' already exists`, lineCol(ctx.sql, stmt.pos));
    }
    const tr = this.translator(ctx);
    const q = tr.query(stmt.query, null);
    await this.materialize(tr.tables);
    await this.exec(`CREATE OR REPLACE VIEW ${t.sqlName} AS ${q.sql}`, ctx);
    const columns = await this.describeRelation(t.sqlName, q.columns);
    this.registry.addTable(t.db, {
      name: t.name, kind: 'VIRTUAL_VIEW', columns, viewText: stmt.text,
      parameters: { comment: 'Presto View', presto_view: 'true' },
    });
    return ddlResult('CREATE_VIEW', 'DDL');
  }

  async dropTable(stmt, ctx) {
    const t = this.target(stmt.name, ctx);
    const existing = this.registry.resolveTable(t.db, t.name);
    const isView = stmt.type === 'dropView';
    if (!existing || (existing.kind === 'VIRTUAL_VIEW') !== isView) {
      if (stmt.ifExists && !existing) return ddlResult(isView ? 'DROP_VIEW' : 'DROP_TABLE', 'DDL');
      if (existing && isView) throw failed('GENERIC_USER_ERROR', `View '${t.full}' does not exist`, lineCol(ctx.sql, stmt.pos));
      if (existing) throw failed('GENERIC_USER_ERROR', `Table '${t.full}' is a view: use DROP VIEW`, lineCol(ctx.sql, stmt.pos));
      throw failed(isView ? 'TABLE_NOT_FOUND' : 'TABLE_NOT_FOUND', `${isView ? 'View' : 'Table'} '${t.full}' does not exist`, lineCol(ctx.sql, stmt.name.pos));
    }
    await this.materialize([t]);
    await this.exec(`DROP ${isView ? 'VIEW' : 'TABLE'} ${t.sqlName}`, ctx);
    this.registry.dropTable(t.db, t.name);
    return ddlResult(isView ? 'DROP_VIEW' : 'DROP_TABLE', 'DDL');
  }

  async createDatabase(stmt, ctx) {
    const name = stmt.name.parts[stmt.name.parts.length - 1].name;
    if (this.registry.hasDatabase(name)) {
      if (stmt.ifNotExists) return ddlResult('CREATE_DATABASE', 'DDL');
      throw failed('SCHEMA_ALREADY_EXISTS', `Schema 'awsdatacatalog.${name}' already exists`, lineCol(ctx.sql, stmt.pos));
    }
    await this.exec(`CREATE SCHEMA awsdatacatalog.${qi(name)}`, ctx);
    this.registry.addDatabase(name, { description: stmt.comment ?? undefined, parameters: stmt.props, location: stmt.location ?? undefined });
    return ddlResult('CREATE_DATABASE', 'DDL');
  }

  async dropDatabase(stmt, ctx) {
    const name = stmt.name.parts[stmt.name.parts.length - 1].name;
    if (!this.registry.hasDatabase(name)) {
      if (stmt.ifExists) return ddlResult('DROP_DATABASE', 'DDL');
      throw failed('SCHEMA_NOT_FOUND', `Schema '${name}' does not exist`, lineCol(ctx.sql, stmt.name.pos));
    }
    if (this.registry.tableNames(name).length && !stmt.cascade) {
      throw failed('SCHEMA_NOT_EMPTY', `Cannot drop non-empty schema '${name}'`, lineCol(ctx.sql, stmt.pos));
    }
    await this.exec(`DROP SCHEMA awsdatacatalog.${qi(name)} CASCADE`, ctx);
    this.registry.databases.delete(name);
    return ddlResult('DROP_DATABASE', 'DDL');
  }

  // ---------- --data DIR ----------
  // Small plain CSV files are typed by csv-sniff.js and loaded into DuckDB when a statement
  // first reads them (materialize); other files are read at start with DuckDB's readers.
  async mount(dir) {
    for (const entry of readdirSync(dir).sort()) {
      const sub = join(dir, entry);
      if (!statSync(sub).isDirectory()) continue;
      const db = entry.toLowerCase();
      if (!this.registry.hasDatabase(db)) {
        await this.admin.run(`CREATE SCHEMA IF NOT EXISTS awsdatacatalog.${qi(db)}`);
        this.registry.addDatabase(db, { description: `Mounted from ${sub}`, location: `file://${sub}` });
      }
      for (const f of readdirSync(sub).sort()) {
        const file = join(sub, f);
        const st = statSync(file);
        if (!st.isFile()) continue;
        const ext = extname(f).toLowerCase();
        const reader = { '.csv': 'read_csv', '.parquet': 'read_parquet', '.json': 'read_json_auto' }[ext];
        if (!reader) continue;
        const name = basename(f, extname(f)).toLowerCase();
        const sqlName = `${qi('awsdatacatalog')}.${qi(db)}.${qi(name)}`;
        const classification = ext.slice(1);
        const table = {
          name, location: `file://${file}`,
          parameters: { classification, EXTERNAL: 'TRUE' },
          serde: classification === 'parquet' ? 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
            : classification === 'json' ? 'org.openx.data.jsonserde.JsonSerDe' : 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
          createTime: Math.floor(st.mtimeMs / 1000),
        };
        const sniffed = ext === '.csv' && st.size <= SNIFF_MAX_BYTES ? sniffCsv(readFileSync(file, 'utf8')) : null;
        if (sniffed) {
          const spec = sniffed.columns.map((c) => `${qs(c.name)}: ${qs(duckType(c.type))}`).join(', ');
          this.registry.addTable(db, {
            ...table, columns: sniffed.columns, rowCount: sniffed.rows,
            load: `CREATE OR REPLACE TABLE ${sqlName} AS SELECT * FROM read_csv(${qs(file)}, header = true, auto_detect = false, `
              + `delim = ',', quote = '"', escape = '"', columns = {${spec}})`,
          });
          continue;
        }
        const src = `${reader}(${qs(file)})`;
        const probe = await this.admin.run(`SELECT * FROM ${src} LIMIT 0`);
        const cols = probe.columnNames();
        const select = cols.map((c) => `${qi(c)} AS ${qi(c.toLowerCase())}`).join(', ');
        await this.admin.run(`CREATE OR REPLACE TABLE ${sqlName} AS SELECT ${select} FROM ${src}`);
        const columns = await this.describeRelation(sqlName, null);
        const cnt = Number((await (await this.admin.run(`SELECT count(*) FROM ${sqlName}`)).getRows())[0][0]);
        this.registry.addTable(db, { ...table, columns, rowCount: cnt });
      }
    }
  }

  // Loads the mounted tables a statement reads that are not in DuckDB yet (once each, even when
  // statements ask at the same time).
  async materialize(refs) {
    for (const { db, name } of refs) {
      const t = this.registry.resolveTable(db, name);
      if (!t?.load) continue;
      t.loading ??= this.admin.run(t.load).then(() => { t.load = undefined; });
      try {
        await t.loading;
      } catch (e) {
        throw this.mapError(e, { sql: '' });
      }
    }
  }

  // ---------- DuckDB errors -> Athena's ----------
  mapError(e, ctx) {
    if (e instanceof EngineError) return e;
    if (ctx.signal && ctx.signal.aborted) return cancelled();
    const msg = String(e && e.message ? e.message : e);
    const first = msg.split('\n')[0];
    let m;
    if (/INTERRUPT/i.test(first)) return cancelled();
    if (/Division by zero/i.test(first)) return failed('DIVISION_BY_ZERO', 'Division by zero');
    if ((m = /Referenced column "([^"]+)" not found/.exec(first)) || (m = /Column "([^"]+)" referenced that exists in the SELECT clause/.exec(first)) || (m = /column "([^"]+)" (?:not found|does not exist)/i.exec(first))) {
      return failed('COLUMN_NOT_FOUND', `Column '${m[1].toLowerCase()}' cannot be resolved or requester is not authorized to access requested resources`, findIdent(ctx.sql, m[1]));
    }
    if ((m = /Table "([^"]+)" does not have a column named "([^"]+)"/.exec(first))) {
      return failed('COLUMN_NOT_FOUND', `Column '${m[1].toLowerCase()}.${m[2].toLowerCase()}' cannot be resolved or requester is not authorized to access requested resources`, findIdent(ctx.sql, m[1]));
    }
    if ((m = /Referenced table "([^"]+)" not found/.exec(first))) {
      return failed('COLUMN_NOT_FOUND', `Column '${m[1].toLowerCase()}' cannot be resolved or requester is not authorized to access requested resources`, findIdent(ctx.sql, m[1]));
    }
    if ((m = /(?:Scalar|Aggregate|Table) Function with name "?([^ "!]+)"? does not exist/.exec(first))) {
      return failed('FUNCTION_NOT_FOUND', `Function '${m[1].toLowerCase()}' not registered`, findIdent(ctx.sql, m[1]));
    }
    if ((m = /No function matches the given name and argument types '([^(]+)\((.*)\)'/.exec(first))) {
      return failed('FUNCTION_NOT_FOUND', `Unexpected parameters (${m[2].toLowerCase()}) for function ${m[1]}`, findIdent(ctx.sql, m[1]));
    }
    if ((m = /Could not convert string '(.*)' to (\w+)/.exec(first))) {
      return failed('INVALID_CAST_ARGUMENT', `Cannot cast '${m[1]}' to ${castName(m[2])}`);
    }
    if ((m = /Conversion Error: (?:invalid date field format|date field value out of range): "(.*?)"/.exec(first))) {
      return failed('INVALID_CAST_ARGUMENT', `Value cannot be cast to date: ${m[1]}`);
    }
    if ((m = /Conversion Error: (?:invalid timestamp field format|timestamp field value out of range): "(.*?)"/.exec(first))) {
      return failed('INVALID_CAST_ARGUMENT', `Value cannot be cast to timestamp: ${m[1]}`);
    }
    if ((m = /Type (\w+) with value (.*) can't be cast because the value is out of range for the destination type (\w+)/.exec(first))) {
      return failed('NUMERIC_VALUE_OUT_OF_RANGE', `Out of range for ${castName(m[3]).toLowerCase()}: ${m[2].replace(/^'|'$/g, '')}`);
    }
    if ((m = /Overflow in (addition|subtraction|multiplication) of (\w+) \((.*)\)/.exec(first))) {
      return failed('NUMERIC_VALUE_OUT_OF_RANGE', `${castName(m[2]).toLowerCase().replace('int', 'integer').replace('bigeger', 'bigint')} ${m[1]} overflow: ${m[3]}`);
    }
    if (/^Conversion Error/.test(first)) return failed('INVALID_CAST_ARGUMENT', first.replace(/^Conversion Error: /, ''));
    if (/^Out of Range Error/.test(first)) return failed('NUMERIC_VALUE_OUT_OF_RANGE', first.replace(/^Out of Range Error: /, ''));
    if (/^Invalid Input Error/.test(first)) return failed('INVALID_FUNCTION_ARGUMENT', first.replace(/^Invalid Input Error: /, ''));
    if (/^Binder Error/.test(first)) {
      const text = first.replace(/^Binder Error: /, '');
      if (/GROUP BY|aggregate/i.test(text)) return failed('EXPRESSION_NOT_AGGREGATE', text);
      if (/type|cast|compare/i.test(text)) return failed('TYPE_MISMATCH', text);
      return failed('GENERIC_USER_ERROR', text);
    }
    if (/^Catalog Error/.test(first)) return failed('GENERIC_USER_ERROR', first.replace(/^Catalog Error: /, ''));
    if (/^Not implemented Error/.test(first)) return failed('NOT_SUPPORTED', first.replace(/^Not implemented Error: /, ''));
    return new EngineError('failed', `GENERIC_INTERNAL_ERROR: ${first}`, { errorType: 'GENERIC_INTERNAL_ERROR', errorCategory: 1 });
  }
}

function cancelled() { return new EngineError('cancelled', 'Query was cancelled', { errorType: 'USER_CANCELLED', errorCategory: 2 }); }

function ddlResult(substatementType, statementType) {
  return { statementType, substatementType, fileKind: 'txt', columns: [], rows: [], updateCount: undefined, dataScannedBytes: 0 };
}

function castName(duck) {
  return { INT32: 'INT', INT64: 'BIGINT', INT16: 'SMALLINT', INT8: 'TINYINT', INT128: 'DECIMAL', DOUBLE: 'DOUBLE', FLOAT: 'REAL', BOOL: 'BOOLEAN', BOOLEAN: 'BOOLEAN', UINT8: 'TINYINT', UINT16: 'SMALLINT', UINT32: 'INTEGER', UINT64: 'BIGINT' }[duck] ?? duck;
}

// Position of the first identifier token in the original SQL that names `name`.
function findIdent(sql, name) {
  const want = String(name).toLowerCase();
  try {
    for (const t of tokenize(sql)) {
      if ((t.t === 'word' || t.t === 'qident') && t.v.toLowerCase() === want) return lineCol(sql, t.pos);
    }
  } catch { /* unreachable: the SQL parsed before */ }
  return undefined;
}

function propertyList(e) {
  if (!e) return [];
  if (e.type === 'array') return e.items.map((x) => String(x.value).toLowerCase());
  return [];
}

// The Athena type of a result column: the translator's static type when it describes the same storage
// (it carries what DuckDB cannot: varchar(n), char(n), ipaddress, interval kind, unknown), else DuckDB's.
function chooseType(st, dt) {
  const dtA = athenaTypeOfDuck(dt);
  if (!st) return dtA;
  if (st.name === 'unknown') return dt.typeId === DuckDBTypeId.INTEGER || dt.typeId === DuckDBTypeId.SQLNULL ? T.unknown : dtA;
  if (duckType(st) === duckType(dtA)) return mergeKeys(st, dtA);
  return dtA;
}

// keep DuckDB's struct keys (for reading values) under the static field names
function mergeKeys(st, dtA) {
  if (st.name === 'row' && dtA.name === 'row') {
    return { ...st, fields: st.fields.map((f, i) => ({ ...f, key: dtA.fields[i].key, type: mergeKeys(f.type, dtA.fields[i].type) })) };
  }
  if (st.name === 'array' && dtA.name === 'array') return { ...st, elem: mergeKeys(st.elem, dtA.elem) };
  if (st.name === 'map' && dtA.name === 'map') return { ...st, key: mergeKeys(st.key, dtA.key), value: mergeKeys(st.value, dtA.value) };
  return st;
}

export { hiveStringColumn };

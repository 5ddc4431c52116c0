// The Glue-like catalog that athena-local keeps beside DuckDB: databases, tables, views, their Athena
// column types (including the ones DuckDB cannot store: varchar(n), char(n), ipaddress, intervals),
// partition keys and parameters; and the metadata API answers built from it.
import { EngineError } from './errors.js';
import { hiveType } from './types.js';

export const CATALOG_NAME = 'AwsDataCatalog';

export class Registry {
  constructor() {
    this.databases = new Map();
  }

  addDatabase(name, { description, parameters, location } = {}) {
    const db = { name, description: description ?? null, parameters: parameters ?? {}, location: location ?? null, tables: new Map(), createTime: nowSeconds() };
    this.databases.set(name, db);
    return db;
  }

  hasDatabase(name) { return this.databases.has(name); }

  // table: { name, kind: 'EXTERNAL_TABLE'|'VIRTUAL_VIEW', columns:[{name,type,comment}], partitionKeys:[...],
  //          parameters, createTime, viewText?, location?, rowCount?, bytes? }
  addTable(dbName, table) {
    const db = this.databases.get(dbName);
    const t = {
      kind: 'EXTERNAL_TABLE', partitionKeys: [], parameters: {}, createTime: nowSeconds(), partitions: [], ...table,
    };
    db.tables.set(t.name, t);
    return t;
  }

  dropTable(dbName, name) { this.databases.get(dbName)?.tables.delete(name); }

  resolveTable(dbName, name) {
    const db = this.databases.get(dbName);
    return db ? db.tables.get(name) ?? null : null;
  }

  tableNames(dbName) { return [...this.databases.get(dbName).tables.keys()].sort(); }
}

export function nowSeconds() { return Math.floor(Date.now() / 1000); }

function metadataError(message) { return new EngineError('metadata', message, { errorType: 'METADATA_ERROR', errorCategory: 2 }); }

// Athena's answer to a catalog it does not know is an InvalidRequestException.
function checkCatalog(name) {
  if (typeof name !== 'string' || name.toLowerCase() !== CATALOG_NAME.toLowerCase()) {
    throw new EngineError('invalid', `Cannot find catalog ${name}.`);
  }
}

export function listDataCatalogs() {
  return [{ CatalogName: CATALOG_NAME, Type: 'GLUE' }];
}

export function getDataCatalog(name) {
  checkCatalog(name);
  return { Name: CATALOG_NAME, Type: 'GLUE', Description: 'AWS Glue Data Catalog (athena-local)', Parameters: { 'catalog-id': '123456789012' } };
}

function dbShape(db) {
  const out = { Name: db.name };
  if (db.description) out.Description = db.description;
  out.Parameters = { ...db.parameters };
  return out;
}

export function listDatabases(registry, catalog) {
  checkCatalog(catalog);
  return [...registry.databases.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(dbShape);
}

export function getDatabase(registry, catalog, name) {
  checkCatalog(catalog);
  const db = registry.databases.get(String(name ?? '').toLowerCase());
  if (!db) throw metadataError(`Database ${name} not found.`);
  return dbShape(db);
}

export function tableMetadata(t) {
  const out = {
    Name: t.name,
    CreateTime: t.createTime,
    LastAccessTime: 0,
    TableType: t.kind,
    Columns: t.columns.map(columnShape),
    PartitionKeys: t.partitionKeys.map(columnShape),
    Parameters: { ...t.parameters },
  };
  return out;
}

function columnShape(c) {
  const o = { Name: c.name, Type: hiveType(c.type) };
  if (c.comment) o.Comment = c.comment;
  return o;
}

// A name filter as Athena takes it: a regular expression matching the whole name, where
// Hive-style patterns ('elb*', 'a*|b*') work too: a '*' not preceded by '.' means any run of
// characters. SHOW TABLES 'regex' ignores case (Hive lower-cases the pattern); ListTableMetadata's
// Expression is matched as given (Glue names are lower case, so a client sends lower case).
export function namePattern(expr, { ignoreCase = true } = {}) {
  if (expr === undefined || expr === null || expr === '') return null;
  const flags = ignoreCase ? 'i' : '';
  const src = String(expr).replace(/(^|[^.\\])\*/g, '$1.*');
  try {
    return new RegExp('^(?:' + src + ')$', flags);
  } catch {
    const esc = String(expr).replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp('^(?:' + esc + ')$', flags);
  }
}

export function listTableMetadata(registry, catalog, database, expression) {
  checkCatalog(catalog);
  const db = registry.databases.get(String(database ?? '').toLowerCase());
  if (!db) throw metadataError(`Database ${database} not found.`);
  const re = namePattern(expression, { ignoreCase: false });
  return registry.tableNames(db.name).filter((n) => !re || re.test(n)).map((n) => tableMetadata(db.tables.get(n)));
}

export function getTableMetadata(registry, catalog, database, table) {
  checkCatalog(catalog);
  const db = registry.databases.get(String(database ?? '').toLowerCase());
  if (!db) throw metadataError(`Database ${database} not found.`);
  const t = db.tables.get(String(table ?? '').toLowerCase());
  if (!t) throw metadataError(`Table ${table} not found.`);
  return tableMetadata(t);
}

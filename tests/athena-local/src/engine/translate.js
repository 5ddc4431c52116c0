// Athena (Trino) AST -> DuckDB SQL. See README.md in this folder for the table of translations.
// Alongside the SQL, the translator infers Athena types where it can (from the catalog's column types,
// literals, casts and known functions): that decides translations that depend on types (integer vs
// floating division, date_add on a date, cardinality of a map) and the Athena type of result columns
// DuckDB cannot represent (varchar(n), char(n), ipaddress, interval year to month, unknown).
import { failed, lineCol } from './errors.js';
import { T, duckType, typeText, isIntegral, isFloating } from './types.js';

export const ANON_PREFIX = '__athena_anon_';

export function qi(name) { return '"' + String(name).replace(/"/g, '""') + '"'; }
export function qs(s) { return "'" + String(s).replace(/'/g, "''") + "'"; }

const DATE_UNITS = {
  millisecond: 'to_milliseconds', second: 'to_seconds', minute: 'to_minutes', hour: 'to_hours',
  day: 'to_days', week: 'to_weeks', month: 'to_months', quarter: null, year: 'to_years',
};

// MySQL-style date_format / date_parse specifiers -> strftime / strptime
const MYSQL_FMT = {
  a: '%a', b: '%b', c: '%-m', d: '%d', e: '%-d', f: '%f', H: '%H', h: '%I', I: '%I', i: '%M', j: '%j', k: '%-H',
  l: '%-I', M: '%B', m: '%m', p: '%p', r: '%I:%M:%S %p', S: '%S', s: '%S', T: '%H:%M:%S', v: '%V', W: '%A',
  w: '%w', x: '%G', Y: '%Y', y: '%y', '%': '%%',
};
export function mysqlToStrftime(fmt) {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '%' && i + 1 < fmt.length) {
      const k = fmt[++i];
      out += MYSQL_FMT[k] ?? k;
    } else out += c === '%' ? '%%' : c;
  }
  return out;
}

// Joda-style format_datetime patterns -> strftime
export function jodaToStrftime(fmt) {
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === "'") {
      const j = fmt.indexOf("'", i + 1);
      const lit = j < 0 ? fmt.slice(i + 1) : fmt.slice(i + 1, j);
      out += lit === '' ? "'" : lit.replace(/%/g, '%%');
      i = j < 0 ? fmt.length : j + 1;
      continue;
    }
    let j = i;
    while (j < fmt.length && fmt[j] === c) j++;
    const n = j - i;
    const map = {
      y: n === 2 ? '%y' : '%Y', Y: n === 2 ? '%y' : '%Y', M: n >= 4 ? '%B' : n === 3 ? '%b' : n === 2 ? '%m' : '%-m',
      d: n === 2 ? '%d' : '%-d', H: n === 2 ? '%H' : '%-H', h: n === 2 ? '%I' : '%-I', m: n === 2 ? '%M' : '%-M',
      s: n === 2 ? '%S' : '%-S', S: n >= 6 ? '%f' : '%g', a: '%p', E: n >= 4 ? '%A' : '%a', D: '%j', z: '%Z', Z: '%z',
    };
    out += map[c] ?? (/[A-Za-z]/.test(c) ? '' : c.repeat(n).replace(/%/g, '%%'));
    i = j;
  }
  return out;
}

export class Translator {
  // registry: { resolveTable(dbName, tableName) -> {columns:[{name,type}], partitionKeys} | null,
  //             hasDatabase(name) -> bool }
  constructor({ registry, database, sql }) {
    this.registry = registry;
    this.database = database;
    this.sql = sql;
    this.anon = 0;
    this.tables = []; // base tables referenced: { db, name }
  }

  pos(offset) { return lineCol(this.sql, offset); }

  // ---------- names ----------
  resolveTableName(qn, scope) {
    const parts = qn.parts.map((p) => p.name);
    if (parts.length === 1 && scope) {
      for (let s = scope; s; s = s.parent) {
        if (s.ctes && s.ctes.has(parts[0])) return { cte: s.ctes.get(parts[0]), sql: qi(parts[0]) };
      }
    }
    let catalog = 'awsdatacatalog';
    let db = this.database;
    let name;
    if (parts.length === 1) name = parts[0];
    else if (parts.length === 2) [db, name] = parts;
    else if (parts.length === 3) [catalog, db, name] = parts;
    else throw failed('SYNTAX_ERROR', `Too many dots in table name: ${parts.join('.')}`, this.pos(qn.pos));
    if (catalog !== 'awsdatacatalog') throw failed('CATALOG_NOT_FOUND', `Catalog '${catalog}' does not exist`, this.pos(qn.pos));
    if (!this.registry.hasDatabase(db)) throw failed('SCHEMA_NOT_FOUND', `Schema '${db}' does not exist`, this.pos(qn.pos));
    const table = this.registry.resolveTable(db, name);
    if (!table) throw failed('TABLE_NOT_FOUND', `Table '${catalog}.${db}.${name}' does not exist`, this.pos(qn.pos));
    return { table, db, name, sql: `${qi('awsdatacatalog')}.${qi(db)}.${qi(name)}` };
  }

  // ---------- scopes ----------
  newScope(parent) { return { parent, rels: [], ctes: null }; }

  lookupColumn(scope, name) {
    for (let s = scope; s; s = s.parent) {
      if (s.lambda && s.lambda.has(name)) return { type: s.lambda.get(name) };
      let found = null;
      for (const r of s.rels || []) {
        if (!r.columns) continue;
        const c = r.columns.find((x) => x.name === name);
        if (c) { found = c; break; }
      }
      if (found) return found;
    }
    return null;
  }

  lookupRel(scope, name) {
    for (let s = scope; s; s = s.parent) {
      for (const r of s.rels || []) if (r.alias === name) return r;
    }
    return null;
  }

  // ---------- queries ----------
  // returns { sql, columns: [{ name|null, type|null }] | null }
  query(q, parent) {
    const scope = this.newScope(parent);
    let withSql = '';
    if (q.with && q.with.length) {
      scope.ctes = new Map();
      const parts = [];
      for (const w of q.with) {
        const r = this.query(w.query, scope);
        let cols = r.columns;
        let colList = '';
        if (w.columns) {
          colList = '(' + w.columns.map((c) => qi(c.name)).join(', ') + ')';
          cols = w.columns.map((c, i) => ({ name: c.name, type: r.columns ? r.columns[i]?.type ?? null : null }));
        }
        scope.ctes.set(w.name.name, { columns: cols });
        parts.push(`${qi(w.name.name)}${colList} AS (${r.sql})`);
      }
      withSql = 'WITH ' + parts.join(', ') + ' ';
    }
    const body = this.queryTerm(q.body, scope, q);
    let sql = withSql + body.sql;
    if (q.orderBy) {
      // ORDER BY sees the select list's output names and the FROM clause of a simple select
      const oscope = body.scope ?? scope;
      sql += ' ORDER BY ' + q.orderBy.map((o) => this.sortItem(o, oscope, body.columns)).join(', ');
    }
    if (q.limit) sql += ' LIMIT ' + this.expr(q.limit, scope);
    if (q.offset) sql += ' OFFSET ' + this.expr(q.offset, scope);
    return { sql, columns: body.columns };
  }

  sortItem(o, scope, outCols) {
    let e;
    // a bare identifier naming an output column refers to it
    if (o.expr.type === 'ident' && outCols && outCols.some((c) => c && c.name === o.expr.name)) e = qi(o.expr.name);
    else e = this.expr(o.expr, scope);
    let s = e;
    if (o.dir) s += ' ' + o.dir;
    // Trino sorts NULLs last by default for both directions
    s += ' NULLS ' + (o.nulls ?? 'LAST');
    return s;
  }

  queryTerm(t, scope, q) {
    switch (t.type) {
      case 'select': return this.select(t, scope);
      case 'setOp': {
        const l = this.queryTerm(t.left, scope);
        const r = this.queryTerm(t.right, scope);
        const quant = t.quant === 'ALL' ? ' ALL' : '';
        // Trino matches set operation inputs by position, as DuckDB's plain UNION does
        const sql = `${this.wrapTerm(t.left, l.sql)} ${t.op}${quant} ${this.wrapTerm(t.right, r.sql)}`;
        let columns = l.columns;
        if (l.columns && r.columns && l.columns.length === r.columns.length) {
          columns = l.columns.map((c, i) => ({ name: c.name, type: unify(c.type, r.columns[i].type) }));
        }
        return { sql, columns };
      }
      case 'values': {
        const rows = t.rows.map((r) => (r.type === 'row' ? r.items : r.type === 'paren' ? [r.expr] : [r]));
        const width = rows[0].length;
        const types = [];
        for (let i = 0; i < width; i++) types.push(rows.reduce((acc, r) => unify(acc, this.inferType(r[i], scope)), null));
        const sql = 'SELECT * FROM (VALUES ' + rows.map((r) => '(' + r.map((e) => this.expr(e, scope)).join(', ') + ')').join(', ') + ') AS ' + qi('__values') + '(' + rows[0].map(() => qi(ANON_PREFIX + this.anon++)).join(', ') + ')';
        return { sql, columns: types.map((ty) => ({ name: null, type: ty })) };
      }
      case 'tableTerm': {
        const res = this.resolveTableName(t.name, scope);
        if (res.table) this.tables.push({ db: res.db, name: res.name });
        const cols = res.cte ? res.cte.columns : res.table.columns.concat(res.table.partitionKeys || []);
        return { sql: 'SELECT * FROM ' + res.sql, columns: cols };
      }
      case 'subqueryTerm': {
        const r = this.query(t.query, scope);
        return { sql: '(' + r.sql + ')', columns: r.columns };
      }
      default: throw new Error('unknown query term ' + t.type);
    }
  }

  wrapTerm(t, sql) {
    if (t.type === 'setOp' || t.type === 'subqueryTerm') return sql.startsWith('(') ? sql : '(' + sql + ')';
    return sql;
  }

  select(s, parent) {
    const scope = this.newScope(parent);
    let fromSql = '';
    if (s.from) {
      fromSql = ' FROM ' + s.from.map((r) => this.relation(r, scope)).join(', ');
    }
    const items = [];
    const columns = [];
    let known = true;
    for (const it of s.items) {
      if (it.type === 'star') {
        if (it.qualifier) {
          const qn = it.qualifier.parts.map((p) => p.name);
          const rel = this.lookupRel(scope, qn[qn.length - 1]);
          if (rel && rel.columns) columns.push(...rel.columns.map((c) => ({ name: c.name, type: c.type })));
          else if (rel && rel.rowType) columns.push(...rel.rowType.fields.map((f) => ({ name: f.name, type: f.type })));
          else if (!rel) {
            // a row-typed column: r.*
            const col = this.lookupColumn(scope, qn[qn.length - 1]);
            if (col && col.type && col.type.name === 'row') {
              columns.push(...col.type.fields.map((f, i) => ({ name: f.name ?? `field${i}`, type: f.type })));
              items.push(`UNNEST(${qi(qn[qn.length - 1])})`);
              continue;
            }
            throw failed('COLUMN_NOT_FOUND', `Column '${qn.join('.')}' cannot be resolved or requester is not authorized to access requested resources`, this.pos(it.pos));
          } else known = false;
          items.push(qn.map(qi).join('.') + '.*');
        } else {
          if (!s.from) throw failed('SYNTAX_ERROR', 'SELECT * not allowed in queries without FROM clause', this.pos(it.pos));
          for (const r of scope.rels) {
            if (r.columns) columns.push(...r.columns.map((c) => ({ name: c.name, type: c.type })));
            else known = false;
          }
          items.push('*');
        }
        continue;
      }
      const e = it.expr;
      let alias;
      let name;
      // plain column references keep their own name (an alias would let DuckDB bind a missing column to it)
      if (it.alias) { alias = it.alias.name; name = alias; } else if (e.type === 'ident') { alias = null; name = e.name; } else if (e.type === 'deref') { alias = e.field.name; name = alias; } else { alias = ANON_PREFIX + this.anon++; name = null; }
      const type = this.inferType(e, scope);
      items.push(this.expr(e, scope) + (alias ? ' AS ' + qi(alias) : ''));
      columns.push({ name, type, alias });
    }
    let sql = 'SELECT ' + (s.quant === 'DISTINCT' ? 'DISTINCT ' : '') + items.join(', ') + fromSql;
    if (s.where) sql += ' WHERE ' + this.expr(s.where, scope);
    if (s.groupBy) sql += ' GROUP BY ' + s.groupBy.elems.map((g) => this.groupingElement(g, scope)).join(', ');
    if (s.having) sql += ' HAVING ' + this.expr(s.having, scope);
    if (s.windows) {
      scope.windows = new Map(s.windows.map((w) => [w.name.name, w.spec]));
      sql += ' WINDOW ' + s.windows.map((w) => `${qi(w.name.name)} AS (${this.windowSpec(w.spec, scope)})`).join(', ');
    }
    return { sql, columns: known ? columns : null, scope };
  }

  groupingElement(g, scope) {
    switch (g.type) {
      case 'expr': return this.expr(g.expr, scope);
      case 'rollup': return 'ROLLUP (' + g.exprs.map((e) => this.expr(e, scope)).join(', ') + ')';
      case 'cube': return 'CUBE (' + g.exprs.map((e) => this.expr(e, scope)).join(', ') + ')';
      case 'groupingSets': return 'GROUPING SETS (' + g.sets.map((set) => '(' + set.map((e) => this.expr(e, scope)).join(', ') + ')').join(', ') + ')';
      case 'emptyGroup': return '()';
      default: throw new Error('grouping ' + g.type);
    }
  }

  // Adds the relation's columns to scope.rels and returns its SQL.
  relation(r, scope, alias = null, colAliases = null) {
    switch (r.type) {
      case 'tableRef': {
        const res = this.resolveTableName(r.name, scope);
        let cols;
        if (res.cte) cols = res.cte.columns;
        else {
          this.tables.push({ db: res.db, name: res.name });
          cols = res.table.columns.concat(res.table.partitionKeys || []);
        }
        if (cols && colAliases) cols = colAliases.map((c, i) => ({ name: c.name, type: cols[i]?.type ?? null }));
        scope.rels.push({ alias: alias ?? r.name.parts[r.name.parts.length - 1].name, columns: cols });
        return res.sql + (alias ? ' AS ' + qi(alias) + (colAliases ? '(' + colAliases.map((c) => qi(c.name)).join(', ') + ')' : '') : '');
      }
      case 'aliased':
        return this.relation(r.rel, scope, r.alias.name, r.columns);
      case 'subquery': {
        const sub = this.query(r.query, r.lateral ? scope : scope.parent ?? null);
        let cols = sub.columns;
        if (cols && colAliases) cols = colAliases.map((c, i) => ({ name: c.name, type: cols[i]?.type ?? null }));
        else if (!cols && colAliases) cols = colAliases.map((c) => ({ name: c.name, type: null }));
        scope.rels.push({ alias, columns: cols });
        return (r.lateral ? 'LATERAL ' : '') + '(' + sub.sql + ')' + (alias ? ' AS ' + qi(alias) + (colAliases ? '(' + colAliases.map((c) => qi(c.name)).join(', ') + ')' : '') : '');
      }
      case 'unnest': {
        // UNNEST(a, b) [WITH ORDINALITY] -> one column per array (two for a map, one per field for an array
        // of rows), zipped by position: (SELECT <columns> FROM (SELECT unnest(a) AS __u0, ...)) AS alias
        const inner = [];
        const outer = [];
        for (const e of r.exprs) {
          const t = this.inferType(e, scope);
          const es = this.expr(e, scope);
          if (t && t.name === 'map') {
            inner.push(`unnest(map_keys(${es}))`, `unnest(map_values(${es}))`);
            outer.push({ sql: qi(`__u${inner.length - 2}`), type: t.key }, { sql: qi(`__u${inner.length - 1}`), type: t.value });
          } else if (t && t.name === 'array' && t.elem && t.elem.name === 'row') {
            inner.push(`unnest(${es})`);
            const u = qi(`__u${inner.length - 1}`);
            t.elem.fields.forEach((f, i) => outer.push({ sql: `(${u}).${qi(f.name ?? `field${i}`)}`, type: f.type }));
          } else {
            inner.push(`unnest(${es})`);
            outer.push({ sql: qi(`__u${inner.length - 1}`), type: t && t.name === 'array' ? t.elem : null });
          }
        }
        if (r.ordinality) {
          inner.push(`generate_subscripts(${this.expr(r.exprs[0], scope)}, 1)`);
          outer.push({ sql: qi(`__u${inner.length - 1}`), type: T.bigint });
        }
        const names = outer.map((_, i) => (colAliases && colAliases[i] ? colAliases[i].name : `_unnest${i}`));
        scope.rels.push({ alias, columns: outer.map((c, i) => ({ name: names[i], type: c.type })) });
        const a = alias ?? '__unnest' + this.anon++;
        return `(SELECT ${outer.map((c, i) => `${c.sql} AS ${qi(names[i])}`).join(', ')} FROM (SELECT ${inner.map((x, i) => `${x} AS ${qi(`__u${i}`)}`).join(', ')})) AS ${qi(a)}`;
      }
      case 'join': {
        const left = this.relation(r.left, scope);
        const right = this.relation(r.right, scope);
        if (r.kind === 'CROSS') {
          // CROSS JOIN UNNEST(...) refers to the left side: use a lateral join
          return `${left} CROSS JOIN ${right}`;
        }
        let s = `${left} ${r.natural ? 'NATURAL ' : ''}${r.kind === 'INNER' ? 'INNER' : r.kind + ' OUTER'} JOIN ${right}`;
        if (r.on) s += ' ON ' + this.expr(r.on, scope);
        if (r.using) s += ' USING (' + r.using.map((u) => qi(u.name)).join(', ') + ')';
        return s;
      }
      case 'parenRel': return '(' + this.relation(r.rel, scope) + ')';
      case 'sampled': {
        const inner = this.relation(r.rel, scope, alias, colAliases);
        const pct = this.expr(r.pct, scope);
        return `${inner} TABLESAMPLE ${pct}% (${r.method === 'SYSTEM' ? 'system' : 'bernoulli'}, 42)`;
      }
      default: throw new Error('relation ' + r.type);
    }
  }

  windowSpec(w, scope) {
    const parts = [];
    if (w.ref) parts.push(qi(w.ref.name));
    if (w.partitionBy) parts.push('PARTITION BY ' + w.partitionBy.map((e) => this.expr(e, scope)).join(', '));
    if (w.orderBy) parts.push('ORDER BY ' + w.orderBy.map((o) => this.sortItem(o, scope, null)).join(', '));
    if (w.frame) {
      const b = (x) => (x.unbounded ? 'UNBOUNDED ' + x.kind : x.kind === 'CURRENT ROW' ? 'CURRENT ROW' : this.expr(x.expr, scope) + ' ' + x.kind);
      parts.push(w.frame.unit + ' ' + (w.frame.end ? `BETWEEN ${b(w.frame.start)} AND ${b(w.frame.end)}` : b(w.frame.start)));
    }
    return parts.join(' ');
  }

  // ---------- expressions ----------
  expr(e, scope) {
    switch (e.type) {
      case 'literal': return this.literal(e);
      case 'typedLiteral': return this.typedLiteral(e);
      case 'interval': return this.interval(e);
      case 'param': throw failed('INVALID_PARAMETER_USAGE', 'Incorrect number of parameters: expected 1 but found 0', this.pos(e.pos ?? 0));
      case 'ident': return qi(e.name);
      case 'deref': {
        // catalog/schema/table qualified column, or a row field
        const base = e.base;
        if (base.type === 'ident' || base.type === 'deref') {
          const chain = [];
          let b = e;
          while (b.type === 'deref') { chain.unshift(b.field.name); b = b.base; }
          if (b.type === 'ident') {
            chain.unshift(b.name);
            // drop a leading catalog name DuckDB would not know as a qualifier
            if (chain.length >= 3 && chain[0] === 'awsdatacatalog') return chain.slice(1).map(qi).join('.');
            return chain.map(qi).join('.');
          }
        }
        return `(${this.expr(base, scope)}).${qi(e.field.name)}`;
      }
      case 'subscript': {
        const bt = this.inferType(e.base, scope);
        const b = this.expr(e.base, scope);
        const i = this.expr(e.index, scope);
        if (bt && bt.name === 'row') {
          // row subscripts are 1-based field positions
          const n = Number(e.index.value);
          const f = bt.fields[n - 1];
          if (f) return `(${b}).${qi(f.name ?? `field${n - 1}`)}`;
        }
        return `(${b})[${i}]`;
      }
      case 'binary': return this.binary(e, scope);
      case 'unary': return `(${e.op}${this.expr(e.expr, scope)})`;
      case 'logical': return `(${this.expr(e.left, scope)} ${e.op} ${this.expr(e.right, scope)})`;
      case 'not': return `(NOT ${this.expr(e.expr, scope)})`;
      case 'compare': return `(${this.expr(e.left, scope)} ${e.op} ${this.expr(e.right, scope)})`;
      case 'quantified': return `(${this.expr(e.left, scope)} ${e.op} ${e.quant === 'SOME' ? 'ANY' : e.quant} (${this.query(e.query, scope).sql}))`;
      case 'between': return `(${this.expr(e.expr, scope)} ${e.not ? 'NOT ' : ''}BETWEEN ${this.expr(e.lo, scope)} AND ${this.expr(e.hi, scope)})`;
      case 'inList': return `(${this.expr(e.expr, scope)} ${e.not ? 'NOT ' : ''}IN (${e.list.map((x) => this.expr(x, scope)).join(', ')}))`;
      case 'inQuery': return `(${this.expr(e.expr, scope)} ${e.not ? 'NOT ' : ''}IN (${this.query(e.query, scope).sql}))`;
      case 'like': return `(${this.expr(e.expr, scope)} ${e.not ? 'NOT ' : ''}LIKE ${this.expr(e.pattern, scope)}${e.escape ? ' ESCAPE ' + this.expr(e.escape, scope) : ''})`;
      case 'isNull': return `(${this.expr(e.expr, scope)} IS ${e.not ? 'NOT ' : ''}NULL)`;
      case 'isBool': return `(${this.expr(e.expr, scope)} IS ${e.not ? 'NOT ' : ''}${e.value === 'UNKNOWN' ? 'NULL' : e.value})`;
      case 'distinctFrom': return `(${this.expr(e.left, scope)} IS ${e.not ? 'NOT ' : ''}DISTINCT FROM ${this.expr(e.right, scope)})`;
      case 'case': {
        let s = 'CASE';
        if (e.operand) s += ' ' + this.expr(e.operand, scope);
        for (const w of e.whens) s += ` WHEN ${this.expr(w.cond, scope)} THEN ${this.expr(w.result, scope)}`;
        if (e.else) s += ' ELSE ' + this.expr(e.else, scope);
        return s + ' END';
      }
      case 'cast': return this.cast(e, scope);
      case 'array': return '[' + e.items.map((x) => this.expr(x, scope)).join(', ') + ']';
      case 'row': return 'struct_pack(' + e.items.map((x, i) => `${qi('field' + i)} := ${this.expr(x, scope)}`).join(', ') + ')';
      case 'subqueryExpr': return '(' + this.query(e.query, scope).sql + ')';
      case 'exists': return '(EXISTS (' + this.query(e.query, scope).sql + '))';
      case 'lambda': {
        const inner = { parent: scope, rels: [], lambda: new Map(e.params.map((p, i) => [p.name, (e.paramTypes && e.paramTypes[i]) || null])) };
        return `(lambda ${e.params.map((p) => qi(p.name)).join(', ')}: ${this.expr(e.body, inner)})`;
      }
      case 'extract': return this.extract(e, scope);
      case 'trim': {
        const fn = e.spec === 'LEADING' ? 'ltrim' : e.spec === 'TRAILING' ? 'rtrim' : 'trim';
        return `${fn}(${this.expr(e.expr, scope)}${e.chars ? ', ' + this.expr(e.chars, scope) : ''})`;
      }
      case 'special': return this.special(e);
      case 'atTimeZone': {
        // values of timestamp with time zone are kept as instants and shown in UTC (see README)
        const t = this.inferType(e.expr, scope);
        const x = this.expr(e.expr, scope);
        if (t && t.name === 'timestamp' && !t.tz) return `CAST(${x} AS TIMESTAMPTZ)`;
        return x;
      }
      case 'paren': return '(' + this.expr(e.expr, scope) + ')';
      case 'func': return this.func(e, scope);
      default: throw new Error('expression ' + e.type);
    }
  }

  literal(e) {
    switch (e.kind) {
      case 'null': return 'NULL';
      case 'bool': return e.value;
      case 'int': {
        const v = BigInt(e.value);
        if (v > 9223372036854775807n || v < -9223372036854775808n) throw failed('NUMERIC_VALUE_OUT_OF_RANGE', `Invalid numeric literal: ${e.value}`, this.pos(e.pos));
        if (v > 2147483647n || v < -2147483648n) return `CAST(${e.value} AS BIGINT)`;
        return e.value.startsWith('-') ? `(${e.value})` : e.value;
      }
      case 'decimal': {
        const { p, s } = decimalLiteralType(e.value);
        if (p > 38) return `CAST(${qs(e.value)} AS DOUBLE)`;
        return `CAST(${qs(e.value)} AS DECIMAL(${p},${s}))`;
      }
      case 'double': return `CAST(${qs(e.value)} AS DOUBLE)`;
      case 'string': return qs(e.value);
      case 'binary': return `from_hex(${qs(e.value.replace(/\s+/g, ''))})`;
      default: throw new Error('literal ' + e.kind);
    }
  }

  typedLiteral(e) {
    const v = e.value;
    switch (e.typeName) {
      case 'DATE': return `DATE ${qs(v)}`;
      case 'TIME': return `TIME ${qs(v)}`;
      case 'TIMESTAMP':
        if (hasZone(v)) return `CAST(${qs(v)} AS TIMESTAMPTZ)`;
        return `TIMESTAMP ${qs(v)}`;
      case 'DECIMAL': {
        const { p, s } = decimalLiteralType(v.trim());
        return `CAST(${qs(v.trim())} AS DECIMAL(${Math.max(p, 1)},${s}))`;
      }
      case 'REAL': return `CAST(${qs(v)} AS FLOAT)`;
      case 'DOUBLE': return `CAST(${qs(v)} AS DOUBLE)`;
      case 'JSON': return `json(${qs(v)})`;
      case 'UUID': return `CAST(${qs(v)} AS UUID)`;
      case 'IPADDRESS': return qs(v);
      case 'VARCHAR': case 'CHAR': case 'CHARACTER': return qs(v);
      case 'VARBINARY': return `encode(${qs(v)})`;
      default: return `CAST(${qs(v)} AS ${duckType({ name: e.typeName.toLowerCase() })})`;
    }
  }

  interval(e) {
    const v = e.value.trim();
    const sign = e.sign === '-' ? -1 : 1;
    if (e.to && e.from === 'YEAR' && e.to === 'MONTH') {
      const m = /^(-?)(\d+)-(\d+)$/.exec(v);
      if (!m) throw failed('INVALID_LITERAL', `'${v}' is not a valid interval literal`, this.pos(e.pos));
      const months = (Number(m[2]) * 12 + Number(m[3])) * (m[1] ? -1 : 1) * sign;
      return `to_months(${months})`;
    }
    if (e.to) {
      // DAY TO SECOND and the like: 'd hh:mm:ss.fff'
      const m = /^(-?)(?:(\d+) )?(\d+)(?::(\d+))?(?::(\d+(?:\.\d+)?))?$/.exec(v);
      if (!m) throw failed('INVALID_LITERAL', `'${v}' is not a valid interval literal`, this.pos(e.pos));
      const neg = (m[1] ? -1 : 1) * sign;
      const units = { DAY: 0, HOUR: 1, MINUTE: 2, SECOND: 3 };
      const nums = [m[2], m[3], m[4], m[5]].filter((x) => x !== undefined).map(Number);
      const start = units[e.from];
      const vals = [0, 0, 0, 0];
      nums.forEach((n, i) => { vals[start + i] = n; });
      const micros = Math.round((((vals[0] * 24 + vals[1]) * 60 + vals[2]) * 60 + vals[3]) * 1e6) * neg;
      return `to_microseconds(CAST(${micros} AS BIGINT))`;
    }
    if (!/^-?\d+(\.\d+)?$/.test(v)) throw failed('INVALID_LITERAL', `'${v}' is not a valid interval literal`, this.pos(e.pos));
    const n = Number(v) * sign;
    switch (e.from) {
      case 'YEAR': return `to_months(${n * 12})`;
      case 'MONTH': return `to_months(${n})`;
      case 'DAY': return `to_days(${n})`;
      case 'HOUR': return `to_hours(${n})`;
      case 'MINUTE': return `to_minutes(${n})`;
      default: return `to_microseconds(CAST(${Math.round(n * 1e6)} AS BIGINT))`;
    }
  }

  special(e) {
    switch (e.name) {
      case 'CURRENT_DATE': return 'current_date';
      case 'CURRENT_TIME': return 'CAST(current_time AS TIME)';
      case 'CURRENT_TIMESTAMP': return 'CAST(date_trunc(\'millisecond\', current_timestamp) AS TIMESTAMPTZ)';
      case 'LOCALTIME': return 'CAST(current_time AS TIME)';
      case 'LOCALTIMESTAMP': return 'CAST(date_trunc(\'millisecond\', current_timestamp) AS TIMESTAMP)';
      case 'CURRENT_USER': return "'athena-local'";
      case 'CURRENT_CATALOG': return "'awsdatacatalog'";
      case 'CURRENT_SCHEMA': return qs(this.database);
      default: return 'NULL';
    }
  }

  extract(e, scope) {
    const x = this.expr(e.expr, scope);
    const map = {
      YEAR: 'year', QUARTER: 'quarter', MONTH: 'month', WEEK: 'week', DAY: 'day', DAY_OF_MONTH: 'day',
      DAY_OF_WEEK: 'isodow', DOW: 'isodow', DAY_OF_YEAR: 'dayofyear', DOY: 'dayofyear', YEAR_OF_WEEK: 'isoyear',
      YOW: 'isoyear', HOUR: 'hour', MINUTE: 'minute', SECOND: 'second', TIMEZONE_HOUR: 'timezone_hour',
      TIMEZONE_MINUTE: 'timezone_minute',
    };
    const fn = map[e.field];
    if (!fn) throw failed('INVALID_FUNCTION_ARGUMENT', `Invalid EXTRACT field: ${e.field}`, this.pos(e.pos));
    return `${fn}(${x})`;
  }

  binary(e, scope) {
    const l = this.expr(e.left, scope);
    const r = this.expr(e.right, scope);
    if (e.op === '/' || e.op === '%') {
      const lt = this.inferType(e.left, scope);
      const rt = this.inferType(e.right, scope);
      if (isFloating(lt) || isFloating(rt)) return e.op === '/' ? `"/"(${l}, ${r})` : `(${l} % ${r})`;
      // integer and decimal division: Trino fails on a zero divisor; integers divide truncating
      const guarded = this.inTry ? `nullif(${r}, 0)` : `athena_nonzero(${r})`;
      if (e.op === '%') return `(${l} % ${guarded})`;
      if ((lt && lt.name === 'decimal') || (rt && rt.name === 'decimal')) return `"/"(${l}, ${guarded})`;
      return `divide(${l}, ${guarded})`;
    }
    if (e.op === '||') {
      const t = this.inferType(e, scope);
      const c = `(${this.concatArg(e.left, l, scope)} || ${this.concatArg(e.right, r, scope)})`;
      // DuckDB folds a concatenation with a NULL constant into an integer NULL: keep it varchar
      return t && t.name === 'array' ? c : `CAST(${c} AS VARCHAR)`;
    }
    if (e.op === '+' || e.op === '-') {
      const lt = this.inferType(e.left, scope);
      const rt = this.inferType(e.right, scope);
      if (lt && lt.name === 'date' && rt && rt.name === 'interval day to second') {
        return `CAST(${l} ${e.op} ${r} AS DATE)`;
      }
      if (lt && lt.name === 'date' && rt && rt.name === 'interval year to month') {
        return `CAST(${l} ${e.op} ${r} AS DATE)`;
      }
    }
    return `(${l} ${e.op} ${r})`;
  }

  // a NULL literal in a concatenation is a NULL varchar (DuckDB would type the result integer)
  concatArg(node, sql, scope) {
    if (node.type === 'literal' && node.kind === 'null') return 'CAST(NULL AS VARCHAR)';
    void scope;
    return sql;
  }

  cast(e, scope) {
    const to = e.to;
    const fn = e.try || this.inTry ? 'TRY_CAST' : 'CAST';
    // ROW(...) cast to a row type: name the fields directly
    if (to.name === 'row' && e.expr.type === 'row' && to.fields.length === e.expr.items.length) {
      return 'struct_pack(' + e.expr.items.map((x, i) => `${qi(to.fields[i].name ?? 'field' + i)} := ${fn}(${this.expr(x, scope)} AS ${duckType(to.fields[i].type)})`).join(', ') + ')';
    }
    const x = this.expr(e.expr, scope);
    const from = this.inferType(e.expr, scope);
    if (to.name === 'json') {
      if (from && (from.name === 'varchar' || from.name === 'char')) return `to_json(${x})`;
      return `to_json(${x})`;
    }
    if (to.name === 'varchar' || to.name === 'char') {
      if (from && from.name === 'json') return `json_extract_string(${x}, '$')`;
      if (from && from.name === 'double') return `athena_double_text(${x})`;
      if (from && from.name === 'real') return `athena_real_text(${x})`;
      if (from && from.name === 'timestamp' && !from.tz) return `strftime(${x}, '%Y-%m-%d %H:%M:%S.%g')`;
      if (to.params && to.params.length) return `${fn}(${x} AS VARCHAR)[1:${to.params[0]}]`;
    }
    if (to.name === 'ipaddress') return `${fn}(${x} AS VARCHAR)`;
    if (to.name === 'date' && from && from.name === 'varchar') return `${fn}(${x} AS DATE)`;
    if ((to.name === 'integer' || to.name === 'bigint' || to.name === 'smallint' || to.name === 'tinyint') && from && (isFloating(from) || from.name === 'decimal')) {
      // Trino rounds (half away from zero) when casting to an integer type
      return `${fn}(round(${x}) AS ${duckType(to)})`;
    }
    return `${fn}(${x} AS ${duckType(to)})`;
  }

  // ---------- functions ----------
  func(e, scope) {
    const name = e.name.toLowerCase();
    const argTypes = e.args.map((a) => this.inferType(a, scope));
    // lambda parameters take the element type of the array argument
    const args0 = e.args;
    if (argTypes[0] && argTypes[0].name === 'array') {
      for (const a of args0) if (a.type === 'lambda') a.paramTypes = a.params.map(() => argTypes[0].elem);
    } else if (argTypes[0] && argTypes[0].name === 'map') {
      for (const a of args0) if (a.type === 'lambda') a.paramTypes = [argTypes[0].key, argTypes[0].value];
    }
    const A = () => e.args.map((a) => this.expr(a, scope));
    const call = (fn, args) => `${fn}(${args.join(', ')})`;
    const agg = (fn, args) => this.aggCall(fn, args, e, scope);
    let a;
    switch (name) {
      case 'cardinality': a = A(); return argTypes[0] && argTypes[0].name === 'map' ? `CAST(cardinality(${a[0]}) AS BIGINT)` : `CAST(len(${a[0]}) AS BIGINT)`;
      case 'element_at': a = A(); return `(${a[0]})[${a[1]}]`;
      case 'array_join': {
        a = A();
        if (a.length > 2) return `array_to_string(list_transform(${a[0]}, lambda __x: coalesce(CAST(__x AS VARCHAR), ${a[2]})), ${a[1]})`;
        return `array_to_string(${a[0]}, ${a[1]})`;
      }
      case 'date_add': return this.dateAdd(e, scope, argTypes);
      case 'date_diff': {
        a = A();
        const unit = e.args[0].type === 'literal' ? e.args[0].value.toLowerCase() : null;
        if (unit === 'millisecond') return `CAST(date_sub('millisecond', ${a[1]}, ${a[2]}) AS BIGINT)`;
        return `date_sub(${a[0]}, ${a[1]}, ${a[2]})`;
      }
      case 'date_trunc': {
        a = A();
        const s = `date_trunc(${a[0]}, ${a[1]})`;
        if (argTypes[1] && argTypes[1].name === 'date') return `CAST(${s} AS DATE)`;
        if (argTypes[1] && argTypes[1].name === 'timestamp' && argTypes[1].tz) return `CAST(${s} AS TIMESTAMPTZ)`;
        return s;
      }
      case 'from_iso8601_timestamp': a = A(); return `CAST(${a[0]} AS TIMESTAMPTZ)`;
      case 'from_iso8601_date': a = A(); return `CAST(${a[0]} AS DATE)`;
      case 'to_iso8601': a = A(); return argTypes[0] && argTypes[0].name === 'date' ? `strftime(${a[0]}, '%Y-%m-%d')` : argTypes[0] && argTypes[0].tz ? `strftime(${a[0]}, '%Y-%m-%dT%H:%M:%S.%gZ')` : `strftime(${a[0]}, '%Y-%m-%dT%H:%M:%S.%g')`;
      case 'approx_distinct': return `CAST(${agg('approx_count_distinct', A())} AS BIGINT)`;
      case 'json_extract_scalar': a = A(); return `CASE WHEN json_type(${a[0]}, ${a[1]}) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(${a[0]}, ${a[1]}) END`;
      case 'json_extract': a = A(); return `json_extract(${a[0]}, ${a[1]})`;
      case 'json_parse': a = A(); return `json(${a[0]})`;
      case 'json_format': a = A(); return `CAST(${a[0]} AS VARCHAR)`;
      case 'json_array_length': a = A(); return `CAST(json_array_length(${a[0]}) AS BIGINT)`;
      case 'json_size': a = A(); return `CAST(CASE json_type(${a[0]}, ${a[1]}) WHEN 'ARRAY' THEN json_array_length(${a[0]}, ${a[1]}) WHEN 'OBJECT' THEN len(json_keys(${a[0]}, ${a[1]})) ELSE 0 END AS BIGINT)`;
      case 'json_array_contains': a = A(); return `list_contains(CAST(json_extract(${a[0]}, '$[*]') AS VARCHAR[]), CAST(to_json(${a[1]}) AS VARCHAR))`;
      case 'to_unixtime': a = A(); return `epoch(${a[0]})`;
      case 'from_unixtime': a = A(); return `CAST(date_trunc('millisecond', to_timestamp(${a[0]})) AS TIMESTAMPTZ)`;
      case 'regexp_like': a = A(); return `regexp_matches(${a[0]}, ${a[1]})`;
      case 'regexp_replace': {
        a = A();
        let rep = "''";
        if (e.args[2]) rep = e.args[2].type === 'literal' && e.args[2].kind === 'string' ? qs(e.args[2].value.replace(/\$(\d)/g, '\\$1')) : a[2];
        return `regexp_replace(${a[0]}, ${a[1]}, ${rep}, 'g')`;
      }
      case 'regexp_extract': a = A(); return a.length === 2 ? `nullif_no_match(${a[0]}, ${a[1]}, 0)` : `nullif_no_match(${a[0]}, ${a[1]}, ${a[2]})`;
      case 'regexp_extract_all': a = A(); return call('regexp_extract_all', a);
      case 'regexp_split': a = A(); return call('regexp_split_to_array', a);
      case 'regexp_count': a = A(); return `CAST(len(regexp_extract_all(${a[0]}, ${a[1]})) AS BIGINT)`;
      case 'date_format': {
        a = A();
        const f = e.args[1].type === 'literal' ? qs(mysqlToStrftime(e.args[1].value)) : a[1];
        return `strftime(${a[0]}, ${f})`;
      }
      case 'date_parse': {
        a = A();
        const f = e.args[1].type === 'literal' ? qs(mysqlToStrftime(e.args[1].value)) : a[1];
        return `strptime(${a[0]}, ${f})`;
      }
      case 'format_datetime': {
        a = A();
        const f = e.args[1].type === 'literal' ? qs(jodaToStrftime(e.args[1].value)) : a[1];
        return `strftime(${a[0]}, ${f})`;
      }
      case 'parse_datetime': {
        a = A();
        const f = e.args[1].type === 'literal' ? qs(jodaToStrftime(e.args[1].value)) : a[1];
        return `CAST(strptime(${a[0]}, ${f}) AS TIMESTAMPTZ)`;
      }
      case 'date': a = A(); return `CAST(${a[0]} AS DATE)`;
      case 'day_of_week': case 'dow': a = A(); return `isodow(${a[0]})`;
      case 'day_of_year': case 'doy': a = A(); return `dayofyear(${a[0]})`;
      case 'day_of_month': a = A(); return `day(${a[0]})`;
      case 'year_of_week': case 'yow': a = A(); return `isoyear(${a[0]})`;
      case 'week_of_year': a = A(); return `week(${a[0]})`;
      case 'millisecond': a = A(); return `(millisecond(${a[0]}) % 1000)`;
      case 'last_day_of_month': a = A(); return `last_day(${a[0]})`;
      case 'now': return this.special({ name: 'CURRENT_TIMESTAMP' });
      case 'current_timezone': return "'UTC'";
      case 'concat': {
        a = A();
        const c = '(' + a.map((x, i) => this.concatArg(e.args[i], x, scope)).join(' || ') + ')';
        const t0 = this.inferType(e.args[0], scope);
        return t0 && t0.name === 'array' ? c : `CAST(${c} AS VARCHAR)`;
      }
      case 'codepoint': a = A(); return `unicode(${a[0]})`;
      case 'length': {
        // Trino's length(varbinary) counts bytes; DuckDB's length() takes only text
        a = A();
        const t = this.inferType(e.args[0], scope);
        return t && t.name === 'varbinary' ? `CAST(octet_length(${a[0]}) AS BIGINT)` : `CAST(length(${a[0]}) AS BIGINT)`;
      }
      case 'strpos': a = A(); return `CAST(strpos(${a[0]}, ${a[1]}) AS BIGINT)`;
      case 'replace': a = A(); return a.length === 2 ? `replace(${a[0]}, ${a[1]}, '')` : call('replace', a);
      case 'split': a = A(); return `string_split(${a[0]}, ${a[1]})`;
      case 'levenshtein_distance': a = A(); return `levenshtein(${a[0]}, ${a[1]})`;
      case 'hamming_distance': a = A(); return `hamming(${a[0]}, ${a[1]})`;
      case 'to_utf8': a = A(); return `encode(${a[0]})`;
      case 'from_utf8': a = A(); return `decode(${a[0]})`;
      case 'to_hex': a = A(); return `upper(hex(${a[0]}))`;
      case 'contains': a = A(); return `list_contains(${a[0]}, ${a[1]})`;
      case 'array_position': a = A(); return `CAST(coalesce(list_position(${a[0]}, ${a[1]}), 0) AS BIGINT)`;
      case 'array_distinct': a = A(); return `list_distinct(${a[0]})`;
      case 'array_max': a = A(); return `list_max(${a[0]})`;
      case 'array_min': a = A(); return `list_min(${a[0]})`;
      case 'array_sort': a = A(); return a.length > 1 ? `list_sort(${a[0]})` : `list_sort(${a[0]}, 'ASC', 'NULLS LAST')`;
      case 'array_remove': a = A(); return `list_filter(${a[0]}, lambda __x: __x IS DISTINCT FROM ${a[1]})`;
      case 'array_union': a = A(); return `list_distinct(list_concat(${a[0]}, ${a[1]}))`;
      case 'array_intersect': a = A(); return `list_intersect(${a[0]}, ${a[1]})`;
      case 'array_except': a = A(); return `list_filter(list_distinct(${a[0]}), lambda __x: NOT list_contains(${a[1]}, __x))`;
      case 'slice': a = A(); return `list_slice(${a[0]}, ${a[1]}, ${a[1]} + ${a[2]} - 1)`;
      case 'sequence': a = A(); return call('generate_series', a);
      case 'flatten': a = A(); return call('flatten', a);
      case 'transform': a = A(); return `list_transform(${a[0]}, ${a[1]})`;
      case 'filter': a = A(); return `list_filter(${a[0]}, ${a[1]})`;
      case 'reduce': {
        a = A();
        const out = e.args[3];
        const red = `list_reduce(list_prepend(${a[1]}, ${a[0]}), ${a[2]})`;
        if (out && out.type === 'lambda' && out.body.type === 'ident' && out.params.length === 1 && out.body.name === out.params[0].name) return red;
        return out ? `(list_transform([${red}], ${a[3]}))[1]` : red;
      }
      case 'any_match': a = A(); return `list_bool_or(list_transform(${a[0]}, ${a[1]}))`;
      case 'all_match': a = A(); return `list_bool_and(list_transform(${a[0]}, ${a[1]}))`;
      case 'none_match': a = A(); return `NOT list_bool_or(list_transform(${a[0]}, ${a[1]}))`;
      case 'zip': a = A(); return call('list_zip', a);
      case 'map_keys': case 'map_values': case 'map_entries': case 'map_from_entries': a = A(); return call(name, a);
      case 'map': a = A(); return a.length ? `map(${a[0]}, ${a[1]})` : 'map()';
      case 'map_concat': a = A(); return call('map_concat', a);
      case 'arbitrary': case 'any_value': return agg('any_value', A());
      case 'count_if': return `CAST(${agg('count_if', A())} AS BIGINT)`;
      case 'approx_percentile': return agg('approx_quantile', A());
      case 'map_agg': a = A(); return `map_from_entries(${agg('list', [`struct_pack(k := ${a[0]}, v := ${a[1]})`])})`;
      case 'listagg': return agg('string_agg', A());
      case 'array_agg': return agg('list', A());
      case 'truncate': a = A(); return call('trunc', a);
      case 'e': return 'exp(1)';
      case 'rand': case 'random': a = A(); return a.length ? `CAST(floor(random() * ${a[0]}) AS BIGINT)` : 'random()';
      case 'nan': return "CAST('NaN' AS DOUBLE)";
      case 'infinity': return "CAST('Infinity' AS DOUBLE)";
      case 'is_nan': a = A(); return `isnan(${a[0]})`;
      case 'is_finite': a = A(); return `isfinite(${a[0]})`;
      case 'is_infinite': a = A(); return `isinf(${a[0]})`;
      case 'typeof': a = A(); return qs(typeText(argTypes[0] ?? T.unknown));
      case 'if': a = A(); return `CASE WHEN ${a[0]} THEN ${a[1]} ELSE ${a.length > 2 ? a[2] : 'NULL'} END`;
      case 'try': {
        // inside try(): casts become TRY_CAST and division by zero gives NULL (DuckDB's try() does not catch error())
        this.inTry = (this.inTry ?? 0) + 1;
        try { a = A(); } finally { this.inTry--; }
        return `try(${a[0]})`;
      }
      case 'uuid': return 'uuid()';
      case 'row_number': case 'rank': case 'dense_rank': case 'ntile':
        return `CAST(${agg(name, A())} AS BIGINT)`;
      case 'count':
        if (e.star) return agg('count', ['*']);
        return agg('count', A());
      default:
        return agg(name, A());
    }
  }

  aggCall(fn, args, e, scope) {
    let s = `${fn}(${e.distinct ? 'DISTINCT ' : ''}${args.join(', ')}`;
    if (e.orderBy) s += ' ORDER BY ' + e.orderBy.map((o) => this.sortItem(o, scope, null)).join(', ');
    s += ')';
    if (e.nullTreatment) s = s.slice(0, -1) + ` ${e.nullTreatment} NULLS)`;
    if (e.filter) s += ` FILTER (WHERE ${this.expr(e.filter, scope)})`;
    if (e.over) {
      if (e.over.ref && !e.over.partitionBy && !e.over.orderBy && !e.over.frame && Object.keys(e.over).length === 1) s += ` OVER ${qi(e.over.ref.name)}`;
      else s += ` OVER (${this.windowSpec(e.over, scope)})`;
    }
    return s;
  }

  dateAdd(e, scope, argTypes) {
    const a = e.args.map((x) => this.expr(x, scope));
    const unit = e.args[0].type === 'literal' && e.args[0].kind === 'string' ? e.args[0].value.toLowerCase() : null;
    let iv;
    if (unit === 'quarter') iv = `to_months(CAST(${a[1]} AS INTEGER) * 3)`;
    else if (unit && DATE_UNITS[unit]) iv = `${DATE_UNITS[unit]}(CAST(${a[1]} AS ${unit === 'month' || unit === 'year' || unit === 'day' || unit === 'week' ? 'INTEGER' : 'BIGINT'}))`;
    else iv = `athena_interval(${a[0]}, ${a[1]})`;
    const t = argTypes[2];
    const s = `(${a[2]} + ${iv})`;
    if (t && t.name === 'date') return `CAST(${s} AS DATE)`;
    if (t && t.name === 'time') return `CAST(${s} AS TIME)`;
    if (t && t.name === 'timestamp' && t.tz) return `CAST(${s} AS TIMESTAMPTZ)`;
    return s;
  }

  // ---------- type inference (null = unknown) ----------
  inferType(e, scope) {
    if (!e) return null;
    switch (e.type) {
      case 'literal':
        switch (e.kind) {
          case 'null': return T.unknown;
          case 'bool': return T.boolean;
          case 'int': {
            const v = BigInt(e.value);
            return v > 2147483647n || v < -2147483648n ? T.bigint : T.integer;
          }
          case 'decimal': { const { p, s } = decimalLiteralType(e.value); return T.decimal(p, s); }
          case 'double': return T.double;
          case 'string': return T.varcharN([...e.value].length);
          case 'binary': return T.varbinary;
          default: return null;
        }
      case 'typedLiteral':
        switch (e.typeName) {
          case 'DATE': return T.date;
          case 'TIME': return T.time;
          case 'TIMESTAMP': return hasZone(e.value) ? T.timestamptz : T.timestamp;
          case 'DECIMAL': { const { p, s } = decimalLiteralType(e.value.trim()); return T.decimal(p, s); }
          case 'REAL': return T.real;
          case 'DOUBLE': return T.double;
          case 'JSON': return T.json;
          case 'UUID': return T.uuid;
          case 'IPADDRESS': return T.ipaddress;
          case 'VARCHAR': return T.varcharN([...e.value].length);
          case 'CHAR': case 'CHARACTER': return T.char([...e.value].length);
          case 'VARBINARY': return T.varbinary;
          case 'BIGINT': return T.bigint;
          case 'INTEGER': return T.integer;
          case 'SMALLINT': return T.smallint;
          case 'TINYINT': return T.tinyint;
          case 'BOOLEAN': return T.boolean;
          default: return null;
        }
      case 'interval': return e.from === 'YEAR' || e.from === 'MONTH' ? T.intervalYM : T.intervalDS;
      case 'ident': { const c = this.lookupColumn(scope, e.name); return c ? c.type ?? null : null; }
      case 'deref': {
        if (e.base.type === 'ident') {
          const rel = this.lookupRel(scope, e.base.name);
          if (rel && rel.columns) { const c = rel.columns.find((x) => x.name === e.field.name); if (c) return c.type ?? null; }
        }
        const bt = this.inferType(e.base, scope);
        if (bt && bt.name === 'row') { const f = bt.fields.find((x) => x.name === e.field.name); return f ? f.type : null; }
        return null;
      }
      case 'subscript': {
        const bt = this.inferType(e.base, scope);
        if (bt && bt.name === 'array') return bt.elem;
        if (bt && bt.name === 'map') return bt.value;
        if (bt && bt.name === 'row') { const f = bt.fields[Number(e.index.value) - 1]; return f ? f.type : null; }
        return null;
      }
      case 'binary': {
        const l = this.inferType(e.left, scope);
        const r = this.inferType(e.right, scope);
        if (e.op === '||') {
          if (l && l.name === 'array') return l;
          const len = (t) => (t && (t.name === 'varchar' || t.name === 'char') && t.params && t.params.length ? t.params[0] : null);
          return len(l) !== null && len(r) !== null ? T.varcharN(len(l) + len(r)) : T.varchar;
        }
        if (l && r && isIntegral(l) && isIntegral(r)) return rank(l) >= rank(r) ? l : r;
        if (isFloating(l) || isFloating(r)) return (l && l.name === 'double') || (r && r.name === 'double') || !(l && r) ? T.double : T.real;
        if (l && (l.name === 'date' || l.name === 'timestamp' || l.name === 'time')) return l;
        if (l && l.name === 'decimal' && r && (r.name === 'decimal' || isIntegral(r))) return e.op === '/' ? T.double : null;
        return null;
      }
      case 'unary': return this.inferType(e.expr, scope);
      case 'logical': case 'not': case 'compare': case 'quantified': case 'between': case 'inList': case 'inQuery':
      case 'like': case 'isNull': case 'isBool': case 'distinctFrom': case 'exists':
        return T.boolean;
      case 'case': {
        let t = null;
        for (const w of e.whens) t = unify(t, this.inferType(w.result, scope));
        if (e.else) t = unify(t, this.inferType(e.else, scope));
        return t;
      }
      case 'cast': return e.to;
      case 'array': {
        let t = null;
        for (const x of e.items) t = unify(t, this.inferType(x, scope));
        return T.array(t ?? T.unknown);
      }
      case 'row': return T.row(e.items.map((x) => ({ name: null, type: this.inferType(x, scope) ?? T.unknown })));
      case 'subqueryExpr': {
        const sub = this.query(e.query, scope);
        return sub.columns && sub.columns[0] ? sub.columns[0].type : null;
      }
      case 'extract': return T.bigint;
      case 'trim': return T.varchar;
      case 'special':
        switch (e.name) {
          case 'CURRENT_DATE': return T.date;
          case 'CURRENT_TIME': case 'LOCALTIME': return T.time;
          case 'CURRENT_TIMESTAMP': return T.timestamptz;
          case 'LOCALTIMESTAMP': return T.timestamp;
          default: return T.varchar;
        }
      case 'atTimeZone': return T.timestamptz;
      case 'paren': return this.inferType(e.expr, scope);
      case 'func': return this.inferFunc(e, scope);
      default: return null;
    }
  }

  inferFunc(e, scope) {
    const name = e.name.toLowerCase();
    const at = (i) => this.inferType(e.args[i], scope);
    switch (name) {
      case 'count': case 'count_if': case 'approx_distinct': case 'cardinality': case 'length': case 'strpos':
      case 'row_number': case 'rank': case 'dense_rank': case 'ntile': case 'date_diff': case 'array_position':
      case 'year': case 'month': case 'day': case 'hour': case 'minute': case 'second': case 'quarter': case 'week':
      case 'day_of_week': case 'dow': case 'day_of_year': case 'doy': case 'millisecond': case 'json_array_length':
      case 'json_size': case 'regexp_count':
        return T.bigint;
      case 'sum': { const t = at(0); return t && isIntegral(t) ? T.bigint : t && t.name === 'decimal' ? T.decimal(38, t.params[1]) : t; }
      case 'avg': case 'stddev': case 'stddev_samp': case 'stddev_pop': case 'variance': case 'var_samp': case 'var_pop':
      case 'corr': case 'covar_samp': case 'covar_pop': case 'percent_rank': case 'cume_dist': case 'to_unixtime':
      case 'rand': case 'random': case 'ln': case 'log2': case 'log10': case 'log': case 'exp': case 'sqrt': case 'cbrt':
      case 'power': case 'pow': case 'sin': case 'cos': case 'tan': case 'asin': case 'acos': case 'atan': case 'atan2':
      case 'degrees': case 'radians': case 'pi': case 'e': case 'nan': case 'infinity':
        return name === 'avg' && at(0) && at(0).name === 'decimal' ? null : T.double;
      case 'min': case 'max': case 'arbitrary': case 'any_value': case 'first_value': case 'last_value': case 'nth_value':
      case 'lag': case 'lead': case 'abs': case 'coalesce': case 'nullif': case 'greatest': case 'least': case 'min_by':
      case 'max_by': case 'try':
        return at(0);
      case 'round': case 'ceil': case 'ceiling': case 'floor': case 'truncate': case 'sign': {
        const t = at(0);
        return t;
      }
      case 'if': return unify(at(1), at(2));
      case 'date_add': case 'date_trunc': {
        const t = at(name === 'date_add' ? 2 : 1);
        return t;
      }
      case 'date': case 'from_iso8601_date': case 'last_day_of_month': case 'current_date': return T.date;
      case 'from_iso8601_timestamp': case 'from_unixtime': case 'now': case 'parse_datetime': return T.timestamptz;
      case 'date_parse': return T.timestamp;
      case 'lower': case 'upper': case 'substr': case 'substring': case 'replace': case 'concat': case 'trim': case 'ltrim':
      case 'rtrim': case 'lpad': case 'rpad': case 'reverse': case 'date_format': case 'format_datetime': case 'to_iso8601':
      case 'json_extract_scalar': case 'json_format': case 'regexp_extract': case 'regexp_replace': case 'array_join':
      case 'split_part': case 'chr': case 'to_hex': case 'to_base64': case 'md5hex': case 'from_utf8': case 'format':
      case 'translate': case 'normalize': case 'url_extract_host': case 'url_extract_path': case 'listagg':
        return T.varchar;
      case 'to_utf8': case 'from_hex': case 'from_base64': return T.varbinary;
      case 'json_extract': case 'json_parse': return T.json;
      case 'regexp_like': case 'contains': case 'starts_with': case 'is_nan': case 'is_finite': case 'is_infinite':
      case 'any_match': case 'all_match': case 'none_match': case 'bool_and': case 'bool_or': case 'every':
        return T.boolean;
      case 'split': case 'regexp_extract_all': case 'regexp_split': return T.array(T.varchar);
      case 'sequence': { const t = at(0); return T.array(t && isIntegral(t) ? T.bigint : t ?? T.bigint); }
      case 'array_agg': return T.array(at(0) ?? T.unknown);
      case 'array_distinct': case 'array_sort': case 'array_remove': case 'slice': case 'array_union':
      case 'array_intersect': case 'array_except': case 'filter': case 'reverse_array':
        return at(0);
      case 'array_max': case 'array_min': case 'element_at': {
        const t = at(0);
        if (t && t.name === 'array') return t.elem;
        if (t && t.name === 'map') return t.value;
        return null;
      }
      case 'map': { const k = at(0); const v = at(1); return k && v && k.name === 'array' && v.name === 'array' ? T.map(k.elem, v.elem) : null; }
      case 'map_keys': { const t = at(0); return t && t.name === 'map' ? T.array(t.key) : null; }
      case 'map_values': { const t = at(0); return t && t.name === 'map' ? T.array(t.value) : null; }
      case 'map_agg': { const k = at(0); const v = at(1); return k && v ? T.map(k, v) : null; }
      case 'uuid': return T.uuid;
      case 'typeof': return T.varchar;
      case 'codepoint': return T.integer;
      default: return null;
    }
  }
}

function rank(t) { return { tinyint: 1, smallint: 2, integer: 3, bigint: 4 }[t.name] ?? 0; }

export function unify(a, b) {
  if (!a || a.name === 'unknown') return b ?? a;
  if (!b || b.name === 'unknown') return a;
  if (typeText(a) === typeText(b) && !!a.tz === !!b.tz) return a;
  if (isIntegral(a) && isIntegral(b)) return rank(a) >= rank(b) ? a : b;
  if (a.name === 'varchar' && b.name === 'varchar') {
    return a.params && a.params.length && b.params && b.params.length ? T.varcharN(Math.max(a.params[0], b.params[0])) : T.varchar;
  }
  if (a.name === 'char' && b.name === 'char') return T.char(Math.max(a.params[0], b.params[0]));
  if ((isFloating(a) || isIntegral(a) || a.name === 'decimal') && (isFloating(b) || isIntegral(b) || b.name === 'decimal')) {
    if (isFloating(a) || isFloating(b)) return T.double;
    return null;
  }
  if (a.name === 'array' && b.name === 'array') return T.array(unify(a.elem, b.elem) ?? a.elem);
  return null;
}

export function decimalLiteralType(text) {
  const t = text.replace(/^[-+]/, '');
  const [ip, fp = ''] = t.split('.');
  const intDigits = ip.replace(/^0+/, '').length;
  const s = fp.length;
  const p = Math.max(intDigits + s, 1);
  return { p, s };
}

function hasZone(v) {
  return /(\s[A-Za-z][A-Za-z_/+-]*|[+-]\d{1,2}(:\d{2})?|Z)\s*$/.test(v.trim()) && !/^\d{4}-\d{2}-\d{2}$/.test(v.trim());
}

export function anonName(name) { return name.startsWith(ANON_PREFIX); }

// Recursive-descent parser for the part of the Athena (Trino) dialect that athena-local runs.
// Produces a plain-object AST (see translate.js for the nodes it reads). Syntax errors are
// reported as Trino does: "line L:C: mismatched input 'X'. Expecting: ...".
import { tokenize } from './lexer.js';
import { syntaxError, lineCol } from './errors.js';

// Trino's reserved words: never an unquoted identifier.
const RESERVED = new Set(`ALTER AND AS BETWEEN BY CASE CAST CONSTRAINT CREATE CROSS CUBE CURRENT_CATALOG CURRENT_DATE
CURRENT_PATH CURRENT_ROLE CURRENT_SCHEMA CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER DEALLOCATE DELETE DESCRIBE DISTINCT
DROP ELSE END ESCAPE EXCEPT EXECUTE EXISTS EXTRACT FALSE FOR FROM FULL GROUP GROUPING HAVING IN INNER INSERT INTERSECT
INTO IS JOIN LEFT LIKE LISTAGG LOCALTIME LOCALTIMESTAMP NATURAL NORMALIZE NOT NULL ON OR ORDER OUTER PREPARE RECURSIVE
RIGHT ROLLUP SELECT SKIP TABLE THEN TRIM TRUE UESCAPE UNION UNNEST USING VALUES WHEN WHERE WITH`.split(/\s+/));

// Reserved words that start an expression.
const EXPR_RESERVED = new Set(['CASE', 'CAST', 'EXISTS', 'NULL', 'TRUE', 'FALSE', 'NOT', 'CURRENT_DATE', 'CURRENT_TIME',
  'CURRENT_TIMESTAMP', 'CURRENT_USER', 'CURRENT_CATALOG', 'CURRENT_SCHEMA', 'CURRENT_PATH', 'CURRENT_ROLE', 'EXTRACT',
  'LOCALTIME', 'LOCALTIMESTAMP', 'TRIM', 'NORMALIZE', 'GROUPING', 'LISTAGG']);

// Words that end a select item / relation when they appear where an alias could be.
const NOT_ALIAS = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'WINDOW', 'UNION',
  'INTERSECT', 'EXCEPT', 'ON', 'USING', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'TABLESAMPLE',
  'WITH', 'AS', 'LATERAL']);

const STATEMENT_STARTS = ["'ALTER'", "'ANALYZE'", "'CREATE'", "'DESCRIBE'", "'DROP'", "'EXPLAIN'", "'INSERT'",
  "'SELECT'", "'SHOW'", "'TABLE'", "'VALUES'", "'WITH'", "'('"];

const CLAUSE_FOLLOW = ["','", "'EXCEPT'", "'FROM'", "'GROUP'", "'HAVING'", "'INTERSECT'", "'LIMIT'", "'OFFSET'",
  "'ORDER'", "'UNION'", "'WHERE'", "'WINDOW'", '<EOF>'];

export function parseStatement(sql) {
  const p = new Parser(sql);
  const stmt = p.statement();
  if (p.peek().t === 'op' && p.peek().v === ';') p.next();
  if (p.peek().t !== 'eof') p.fail(p.peek(), p.lastExpect ?? ['<EOF>']);
  stmt.sql = sql;
  return stmt;
}

export function parseExpression(sql) {
  const p = new Parser(sql);
  const e = p.expr();
  if (p.peek().t !== 'eof') p.fail(p.peek(), ['<EOF>']);
  return e;
}

class Parser {
  constructor(sql) {
    this.sql = sql;
    this.toks = tokenize(sql);
    this.i = 0;
    this.lastExpect = null;
  }

  // ---- token helpers ----
  peek(k = 0) { return this.toks[Math.min(this.i + k, this.toks.length - 1)]; }
  next() { return this.toks[this.i++ < this.toks.length - 1 ? this.i - 1 : this.toks.length - 1]; }
  isWord(w, k = 0) { const t = this.peek(k); return t.t === 'word' && t.up === w; }
  isOp(o, k = 0) { const t = this.peek(k); return t.t === 'op' && t.v === o; }
  acceptWord(w) { if (this.isWord(w)) return this.next(); return null; }
  acceptOp(o) { if (this.isOp(o)) return this.next(); return null; }
  expectWord(w, more) {
    if (this.isWord(w)) return this.next();
    return this.fail(this.peek(), more ?? [`'${w}'`]);
  }
  expectOp(o, more) {
    if (this.isOp(o)) return this.next();
    return this.fail(this.peek(), more ?? [`'${o}'`]);
  }
  fail(tok, expecting) {
    const text = tok.t === 'eof' ? '<EOF>' : this.sql.slice(tok.pos, tok.end);
    const exp = [...new Set(expecting)];
    throw syntaxError(`mismatched input '${text}'. Expecting: ${exp.join(', ')}`, lineCol(this.sql, tok.pos));
  }
  pos(tok) { return tok.pos; }

  // identifier: unquoted non-reserved word or quoted identifier; returns { name (lower-case), pos, quoted }
  isIdentTok(t = this.peek()) {
    return t.t === 'qident' || (t.t === 'word' && !RESERVED.has(t.up));
  }
  ident(expecting = ['<identifier>']) {
    const t = this.peek();
    if (this.isIdentTok(t)) {
      this.next();
      return { name: t.v.toLowerCase(), pos: t.pos, end: t.end, quoted: t.t === 'qident' };
    }
    return this.fail(t, expecting);
  }
  qname() {
    const parts = [this.ident()];
    while (this.isOp('.') && this.isIdentTok(this.peek(1))) {
      this.next();
      parts.push(this.ident());
    }
    return { parts, pos: parts[0].pos, end: parts[parts.length - 1].end };
  }

  // ---- statements ----
  statement() {
    const t = this.peek();
    if (t.t === 'word') {
      switch (t.up) {
        case 'SELECT': case 'WITH': case 'VALUES': case 'TABLE':
          return { type: 'query', query: this.query() };
        case 'EXPLAIN': return this.explain();
        case 'SHOW': return this.show();
        case 'DESCRIBE': case 'DESC': return this.describe();
        case 'CREATE': return this.create();
        case 'DROP': return this.drop();
        case 'INSERT': return this.insert();
        case 'MSCK': return this.msck();
        default: break;
      }
    }
    if (this.isOp('(')) return { type: 'query', query: this.query() };
    return this.fail(t, STATEMENT_STARTS);
  }

  explain() {
    this.next();
    let analyze = false;
    if (this.acceptWord('ANALYZE')) analyze = true;
    const options = [];
    if (this.isOp('(')) {
      this.next();
      do {
        const k = this.expectWordAny(['TYPE', 'FORMAT']);
        const v = this.expectWordAny(['LOGICAL', 'DISTRIBUTED', 'VALIDATE', 'IO', 'TEXT', 'GRAPHVIZ', 'JSON']);
        options.push([k, v]);
      } while (this.acceptOp(','));
      this.expectOp(')');
    }
    const stmt = this.statement();
    return { type: 'explain', analyze, options, stmt };
  }

  expectWordAny(words) {
    const t = this.peek();
    if (t.t === 'word' && words.includes(t.up)) { this.next(); return t.up; }
    return this.fail(t, words.map((w) => `'${w}'`));
  }

  show() {
    const showTok = this.next();
    const t = this.peek();
    const w = t.t === 'word' ? t.up : '';
    if (w === 'TABLES') {
      this.next();
      let db = null;
      if (this.acceptWord('IN') || this.acceptWord('FROM')) db = this.qname();
      let pattern = null;
      if (this.acceptWord('LIKE')) pattern = this.stringLit();
      else if (this.peek().t === 'string') pattern = this.stringLit();
      return { type: 'showTables', db, pattern, pos: showTok.pos };
    }
    if (w === 'DATABASES' || w === 'SCHEMAS') {
      this.next();
      if (this.acceptWord('IN') || this.acceptWord('FROM')) this.ident();
      let pattern = null;
      if (this.acceptWord('LIKE')) pattern = this.stringLit();
      else if (this.peek().t === 'string') pattern = this.stringLit();
      return { type: 'showDatabases', pattern };
    }
    if (w === 'COLUMNS') {
      this.next();
      if (!this.acceptWord('IN')) this.expectWord('FROM', ["'FROM'", "'IN'"]);
      const table = this.qname();
      let db = null;
      if (this.acceptWord('IN') || this.acceptWord('FROM')) db = this.qname();
      return { type: 'showColumns', table, db };
    }
    if (w === 'CREATE') {
      this.next();
      const what = this.expectWordAny(['TABLE', 'VIEW']);
      const table = this.qname();
      return { type: what === 'TABLE' ? 'showCreateTable' : 'showCreateView', table };
    }
    if (w === 'PARTITIONS') {
      this.next();
      const table = this.qname();
      return { type: 'showPartitions', table };
    }
    if (w === 'VIEWS') {
      this.next();
      let db = null;
      if (this.acceptWord('IN') || this.acceptWord('FROM')) db = this.qname();
      let pattern = null;
      if (this.acceptWord('LIKE')) pattern = this.stringLit();
      return { type: 'showViews', db, pattern };
    }
    if (w === 'TBLPROPERTIES') {
      this.next();
      const table = this.qname();
      return { type: 'showTblProperties', table };
    }
    return this.fail(t, ["'COLUMNS'", "'CREATE'", "'DATABASES'", "'PARTITIONS'", "'SCHEMAS'", "'TABLES'", "'TBLPROPERTIES'", "'VIEWS'"]);
  }

  describe() {
    this.next();
    if (this.isWord('EXTENDED') || this.isWord('FORMATTED')) {
      if (this.isIdentTok(this.peek(1))) this.next();
    }
    if (this.isWord('INPUT') || this.isWord('OUTPUT')) {
      return this.fail(this.peek(), ['<identifier>']);
    }
    const table = this.qname();
    let column = null;
    if (this.isIdentTok()) column = this.ident();
    return { type: 'describe', table, column };
  }

  msck() {
    this.next();
    this.expectWord('REPAIR');
    this.expectWord('TABLE');
    const table = this.qname();
    return { type: 'msck', table };
  }

  create() {
    const createTok = this.next();
    let orReplace = false;
    if (this.acceptWord('OR')) { this.expectWord('REPLACE'); orReplace = true; }
    const t = this.peek();
    const w = t.t === 'word' ? t.up : '';
    if (w === 'DATABASE' || w === 'SCHEMA') {
      this.next();
      const ifNotExists = this.ifNotExists();
      const name = this.qname();
      let comment = null;
      let location = null;
      const props = {};
      for (;;) {
        if (this.acceptWord('COMMENT')) { comment = this.stringLit(); continue; }
        if (this.acceptWord('LOCATION')) { location = this.stringLit(); continue; }
        if (this.acceptWord('WITH')) {
          if (this.acceptWord('DBPROPERTIES')) this.keyValueList(props);
          else this.properties(props);
          continue;
        }
        break;
      }
      return { type: 'createDatabase', name, ifNotExists, comment, location, props, pos: createTok.pos };
    }
    if (w === 'VIEW') {
      this.next();
      const name = this.qname();
      this.expectWord('AS');
      const qStart = this.peek().pos;
      const query = this.query();
      return { type: 'createView', name, orReplace, query, text: this.sql.slice(qStart, this.peek().pos).trim(), pos: createTok.pos };
    }
    let external = false;
    if (this.acceptWord('EXTERNAL')) external = true;
    if (this.isWord('TABLE')) {
      this.next();
      const ifNotExists = this.ifNotExists();
      const name = this.qname();
      if (this.isOp('(')) {
        // CREATE [EXTERNAL] TABLE name (col type [COMMENT '..'], ...) [COMMENT '..'] [PARTITIONED BY (...)] ...
        this.next();
        const columns = [];
        do {
          const col = this.ident();
          const type = this.type();
          let comment = null;
          if (this.acceptWord('COMMENT')) comment = this.stringLit();
          columns.push({ name: col.name, type, comment });
        } while (this.acceptOp(','));
        this.expectOp(')', ["','", "')'"]);
        let comment = null;
        let partitionedBy = [];
        const props = {};
        for (;;) {
          if (this.acceptWord('COMMENT')) { comment = this.stringLit(); continue; }
          if (this.acceptWord('PARTITIONED')) {
            this.expectWord('BY');
            this.expectOp('(');
            do {
              const col = this.ident();
              const type = this.type();
              let c2 = null;
              if (this.acceptWord('COMMENT')) c2 = this.stringLit();
              partitionedBy.push({ name: col.name, type, comment: c2 });
            } while (this.acceptOp(','));
            this.expectOp(')');
            continue;
          }
          if (this.acceptWord('WITH')) { this.properties(props); continue; }
          if (this.acceptWord('TBLPROPERTIES')) { this.keyValueList(props); continue; }
          if (this.peek().t === 'eof' || this.isOp(';')) break;
          // ROW FORMAT ..., STORED AS ..., LOCATION '...', CLUSTERED BY ... : storage clauses, kept as text
          this.skipStorageClause(props);
        }
        return { type: 'createTable', name, ifNotExists, external, columns, partitionedBy, comment, props, pos: createTok.pos };
      }
      const props = {};
      if (this.acceptWord('WITH')) this.properties(props);
      this.expectWord('AS', ["'('", "'AS'", "'WITH'"]);
      const query = this.query();
      let withData = true;
      if (this.acceptWord('WITH')) {
        if (this.acceptWord('NO')) withData = false;
        this.expectWord('DATA');
      }
      return { type: 'ctas', name, ifNotExists, props, query, withData, pos: createTok.pos };
    }
    return this.fail(t, ["'DATABASE'", "'EXTERNAL'", "'OR'", "'SCHEMA'", "'TABLE'", "'VIEW'"]);
  }

  skipStorageClause(props) {
    const t = this.peek();
    if (this.acceptWord('ROW')) {
      this.expectWord('FORMAT');
      if (this.acceptWord('SERDE')) {
        props['serde'] = this.stringLit();
        if (this.acceptWord('WITH')) { this.expectWord('SERDEPROPERTIES'); this.keyValueList({}); }
        return;
      }
      this.expectWord('DELIMITED');
      while (this.isWord('FIELDS') || this.isWord('LINES') || this.isWord('COLLECTION') || this.isWord('MAP') || this.isWord('ESCAPED') || this.isWord('TERMINATED') || this.isWord('BY') || this.isWord('ITEMS') || this.isWord('KEYS') || this.peek().t === 'string') this.next();
      return;
    }
    if (this.acceptWord('STORED')) {
      this.expectWord('AS');
      if (this.acceptWord('INPUTFORMAT')) { this.stringLit(); this.expectWord('OUTPUTFORMAT'); this.stringLit(); return; }
      props['stored_as'] = this.ident().name;
      return;
    }
    if (this.acceptWord('LOCATION')) { props['location'] = this.stringLit(); return; }
    if (this.acceptWord('CLUSTERED')) {
      this.expectWord('BY'); this.expectOp('(');
      do this.ident(); while (this.acceptOp(','));
      this.expectOp(')'); this.expectWord('INTO'); this.next(); this.expectWord('BUCKETS');
      return;
    }
    return this.fail(t, ["'COMMENT'", "'PARTITIONED'", "'ROW'", "'STORED'", "'LOCATION'", "'TBLPROPERTIES'", "'WITH'", '<EOF>']);
  }

  keyValueList(into) {
    this.expectOp('(');
    if (!this.isOp(')')) {
      do {
        const k = this.stringLit();
        this.expectOp('=');
        into[k] = this.stringLit();
      } while (this.acceptOp(','));
    }
    this.expectOp(')');
  }

  properties(into) {
    this.expectOp('(');
    do {
      const k = this.ident();
      this.expectOp('=');
      into[k.name] = this.expr();
    } while (this.acceptOp(','));
    this.expectOp(')', ["','", "')'"]);
  }

  ifNotExists() {
    if (this.isWord('IF')) { this.next(); this.expectWord('NOT'); this.expectWord('EXISTS'); return true; }
    return false;
  }
  ifExists() {
    if (this.isWord('IF')) { this.next(); this.expectWord('EXISTS'); return true; }
    return false;
  }

  drop() {
    const dropTok = this.next();
    const t = this.peek();
    const w = t.t === 'word' ? t.up : '';
    if (w === 'TABLE' || w === 'VIEW') {
      this.next();
      const ifExists = this.ifExists();
      const name = this.qname();
      this.acceptWord('PURGE');
      return { type: w === 'TABLE' ? 'dropTable' : 'dropView', name, ifExists, pos: dropTok.pos };
    }
    if (w === 'DATABASE' || w === 'SCHEMA') {
      this.next();
      const ifExists = this.ifExists();
      const name = this.qname();
      let cascade = false;
      if (this.acceptWord('CASCADE')) cascade = true; else this.acceptWord('RESTRICT');
      return { type: 'dropDatabase', name, ifExists, cascade, pos: dropTok.pos };
    }
    return this.fail(t, ["'DATABASE'", "'SCHEMA'", "'TABLE'", "'VIEW'"]);
  }

  insert() {
    const insTok = this.next();
    this.expectWord('INTO');
    const name = this.qname();
    let columns = null;
    if (this.isOp('(') && this.isIdentTok(this.peek(1)) && (this.isOp(',', 2) || this.isOp(')', 2))) {
      this.next();
      columns = [];
      do columns.push(this.ident()); while (this.acceptOp(','));
      this.expectOp(')');
    }
    const query = this.query();
    return { type: 'insert', name, columns, query, pos: insTok.pos };
  }

  stringLit() {
    const t = this.peek();
    if (t.t === 'string') { this.next(); return t.v; }
    return this.fail(t, ['<string>']);
  }

  // ---- queries ----
  query() {
    const start = this.peek().pos;
    let withs = null;
    if (this.acceptWord('WITH')) {
      this.acceptWord('RECURSIVE');
      withs = [];
      do {
        const name = this.ident();
        let columns = null;
        if (this.isOp('(')) {
          this.next();
          columns = [];
          do columns.push(this.ident()); while (this.acceptOp(','));
          this.expectOp(')');
        }
        this.expectWord('AS', ["'('", "'AS'"]);
        this.expectOp('(');
        const q = this.query();
        this.expectOp(')');
        withs.push({ name, columns, query: q });
      } while (this.acceptOp(','));
    }
    const q = this.queryNoWith();
    q.with = withs;
    q.pos = start;
    return q;
  }

  queryNoWith() {
    const body = this.queryTerm();
    let orderBy = null;
    let offset = null;
    let limit = null;
    if (this.isWord('ORDER')) {
      this.next();
      this.expectWord('BY');
      orderBy = this.sortItems();
    }
    if (this.acceptWord('OFFSET')) {
      offset = this.rowCount();
      if (!this.acceptWord('ROW')) this.acceptWord('ROWS');
    }
    if (this.acceptWord('LIMIT')) {
      if (this.acceptWord('ALL')) limit = null; else limit = this.rowCount();
    } else if (this.acceptWord('FETCH')) {
      if (!this.acceptWord('FIRST')) this.expectWord('NEXT', ["'FIRST'", "'NEXT'"]);
      if (this.peek().t === 'int' || this.peek().t === 'op') limit = this.rowCount(); else limit = { type: 'literal', kind: 'int', value: '1' };
      if (!this.acceptWord('ROW')) this.expectWord('ROWS', ["'ROW'", "'ROWS'"]);
      if (!this.acceptWord('ONLY')) { this.expectWord('WITH'); this.expectWord('TIES'); }
    }
    this.lastExpect = body.type === 'select' && !orderBy && !limit && !offset ? CLAUSE_FOLLOW : null;
    return { type: 'query', body, orderBy, offset, limit };
  }

  rowCount() {
    const t = this.peek();
    if (t.t === 'int') { this.next(); return { type: 'literal', kind: 'int', value: t.v }; }
    if (this.isOp('?')) { this.next(); return { type: 'param' }; }
    return this.fail(t, ['<integer>', "'?'"]);
  }

  sortItems() {
    const items = [];
    do {
      const expr = this.expr();
      let dir = null;
      if (this.acceptWord('ASC')) dir = 'ASC'; else if (this.acceptWord('DESC')) dir = 'DESC';
      let nulls = null;
      if (this.acceptWord('NULLS')) nulls = this.expectWordAny(['FIRST', 'LAST']);
      items.push({ expr, dir, nulls });
    } while (this.acceptOp(','));
    return items;
  }

  queryTerm() {
    let left = this.queryIntersect();
    while (this.isWord('UNION') || this.isWord('EXCEPT')) {
      const op = this.next().up;
      let quant = null;
      if (this.acceptWord('ALL')) quant = 'ALL'; else if (this.acceptWord('DISTINCT')) quant = 'DISTINCT';
      const right = this.queryIntersect();
      left = { type: 'setOp', op, quant, left, right };
    }
    return left;
  }

  queryIntersect() {
    let left = this.queryPrimary();
    while (this.isWord('INTERSECT')) {
      this.next();
      let quant = null;
      if (this.acceptWord('ALL')) quant = 'ALL'; else if (this.acceptWord('DISTINCT')) quant = 'DISTINCT';
      const right = this.queryPrimary();
      left = { type: 'setOp', op: 'INTERSECT', quant, left, right };
    }
    return left;
  }

  queryPrimary() {
    const t = this.peek();
    if (this.isWord('SELECT')) return this.querySpec();
    if (this.isWord('VALUES')) {
      this.next();
      const rows = [];
      do rows.push(this.expr()); while (this.acceptOp(','));
      return { type: 'values', rows, pos: t.pos };
    }
    if (this.isWord('TABLE')) {
      this.next();
      return { type: 'tableTerm', name: this.qname() };
    }
    if (this.isOp('(')) {
      this.next();
      const q = this.query();
      this.expectOp(')');
      return { type: 'subqueryTerm', query: q };
    }
    return this.fail(t, ["'('", "'SELECT'", "'TABLE'", "'VALUES'"]);
  }

  querySpec() {
    const selTok = this.next();
    let quant = null;
    if (this.acceptWord('DISTINCT')) quant = 'DISTINCT'; else if (this.acceptWord('ALL')) quant = 'ALL';
    const items = [];
    if (!this.canStartExpr() && !this.isOp('*')) this.fail(this.peek(), quant ? ["'*'", '<expression>'] : ["'*'", "'ALL'", "'DISTINCT'", '<expression>']);
    do items.push(this.selectItem()); while (this.acceptOp(','));
    let from = null;
    if (this.acceptWord('FROM')) {
      from = [];
      do from.push(this.relation()); while (this.acceptOp(','));
    }
    let where = null;
    if (this.acceptWord('WHERE')) where = this.expr();
    let groupBy = null;
    if (this.isWord('GROUP')) {
      this.next();
      this.expectWord('BY');
      let gq = null;
      if (this.acceptWord('DISTINCT')) gq = 'DISTINCT'; else if (this.acceptWord('ALL')) gq = 'ALL';
      const elems = [];
      do elems.push(this.groupingElement()); while (this.acceptOp(','));
      groupBy = { quant: gq, elems };
    }
    let having = null;
    if (this.acceptWord('HAVING')) having = this.expr();
    let windows = null;
    if (this.acceptWord('WINDOW')) {
      windows = [];
      do {
        const name = this.ident();
        this.expectWord('AS');
        this.expectOp('(');
        const spec = this.windowSpec();
        this.expectOp(')');
        windows.push({ name, spec });
      } while (this.acceptOp(','));
    }
    return { type: 'select', quant, items, from, where, groupBy, having, windows, pos: selTok.pos };
  }

  selectItem() {
    const t = this.peek();
    if (this.isOp('*')) { this.next(); return { type: 'star', pos: t.pos }; }
    // qualified star: a.b.*
    if (this.isIdentTok(t)) {
      let k = 0;
      while (this.isIdentTok(this.peek(k)) && this.isOp('.', k + 1)) {
        if (this.isOp('*', k + 2)) {
          const qn = this.qname();
          this.expectOp('.');
          this.expectOp('*');
          let columns = null;
          if (this.acceptWord('AS')) {
            this.expectOp('(');
            columns = [];
            do columns.push(this.ident()); while (this.acceptOp(','));
            this.expectOp(')');
          }
          return { type: 'star', qualifier: qn, columns, pos: t.pos };
        }
        k += 2;
      }
    }
    const expr = this.expr();
    let alias = null;
    if (this.acceptWord('AS')) alias = this.ident();
    else if (this.isIdentTok() && !(this.peek().t === 'word' && NOT_ALIAS.has(this.peek().up))) alias = this.ident();
    return { type: 'item', expr, alias, pos: t.pos, end: this.toks[this.i - 1].end };
  }

  groupingElement() {
    if (this.isWord('ROLLUP') || this.isWord('CUBE')) {
      const kind = this.next().up;
      this.expectOp('(');
      const exprs = [];
      if (!this.isOp(')')) { do exprs.push(this.expr()); while (this.acceptOp(',')); }
      this.expectOp(')');
      return { type: kind.toLowerCase(), exprs };
    }
    if (this.isWord('GROUPING') && this.isWord('SETS', 1)) {
      this.next(); this.next();
      this.expectOp('(');
      const sets = [];
      do {
        if (this.isOp('(')) {
          this.next();
          const exprs = [];
          if (!this.isOp(')')) { do exprs.push(this.expr()); while (this.acceptOp(',')); }
          this.expectOp(')');
          sets.push(exprs);
        } else {
          sets.push([this.expr()]);
        }
      } while (this.acceptOp(','));
      this.expectOp(')');
      return { type: 'groupingSets', sets };
    }
    if (this.isOp('(') && this.isOp(')', 1)) { this.next(); this.next(); return { type: 'emptyGroup' }; }
    return { type: 'expr', expr: this.expr() };
  }

  relation() {
    let left = this.sampledRelation();
    for (;;) {
      if (this.isWord('CROSS')) {
        this.next();
        this.expectWord('JOIN');
        const right = this.sampledRelation();
        left = { type: 'join', kind: 'CROSS', left, right };
        continue;
      }
      let natural = false;
      const save = this.i;
      if (this.acceptWord('NATURAL')) natural = true;
      let kind = null;
      if (this.acceptWord('INNER')) kind = 'INNER';
      else if (this.isWord('LEFT') || this.isWord('RIGHT') || this.isWord('FULL')) {
        kind = this.next().up;
        this.acceptWord('OUTER');
      }
      if (this.acceptWord('JOIN')) {
        const right = this.sampledRelation();
        let on = null;
        let using = null;
        if (!natural) {
          if (this.acceptWord('ON')) on = this.expr();
          else if (this.acceptWord('USING')) {
            this.expectOp('(');
            using = [];
            do using.push(this.ident()); while (this.acceptOp(','));
            this.expectOp(')');
          } else return this.fail(this.peek(), ["'ON'", "'USING'"]);
        }
        left = { type: 'join', kind: kind ?? 'INNER', natural, left, right, on, using };
        continue;
      }
      if (kind || natural) return this.fail(this.peek(), ["'JOIN'"]);
      this.i = save;
      return left;
    }
  }

  sampledRelation() {
    const rel = this.aliasedRelation();
    if (this.acceptWord('TABLESAMPLE')) {
      const method = this.expectWordAny(['BERNOULLI', 'SYSTEM']);
      this.expectOp('(');
      const pct = this.expr();
      this.expectOp(')');
      return { type: 'sampled', rel, method, pct };
    }
    return rel;
  }

  aliasedRelation() {
    const rel = this.relationPrimary();
    let alias = null;
    if (this.acceptWord('AS')) alias = this.ident();
    else if (this.isIdentTok() && !(this.peek().t === 'word' && NOT_ALIAS.has(this.peek().up))) alias = this.ident();
    if (alias) {
      let columns = null;
      if (this.isOp('(')) {
        this.next();
        columns = [];
        do columns.push(this.ident()); while (this.acceptOp(','));
        this.expectOp(')');
      }
      return { type: 'aliased', rel, alias, columns };
    }
    return rel;
  }

  relationPrimary() {
    const t = this.peek();
    if (this.isWord('UNNEST')) {
      this.next();
      this.expectOp('(');
      const exprs = [];
      do exprs.push(this.expr()); while (this.acceptOp(','));
      this.expectOp(')');
      let ordinality = false;
      if (this.isWord('WITH') && this.isWord('ORDINALITY', 1)) { this.next(); this.next(); ordinality = true; }
      return { type: 'unnest', exprs, ordinality, pos: t.pos };
    }
    if (this.isWord('LATERAL') && this.isOp('(', 1)) {
      this.next(); this.next();
      const q = this.query();
      this.expectOp(')');
      return { type: 'subquery', query: q, lateral: true };
    }
    if (this.isOp('(')) {
      // subquery or parenthesized relation
      const save = this.i;
      this.next();
      if (this.isWord('SELECT') || this.isWord('WITH') || this.isWord('VALUES') || this.isWord('TABLE')) {
        const q = this.query();
        this.expectOp(')');
        return { type: 'subquery', query: q };
      }
      if (this.isOp('(')) {
        try {
          const q = this.query();
          this.expectOp(')');
          return { type: 'subquery', query: q };
        } catch (e) {
          if (e.kind !== 'syntax') throw e;
          this.i = save + 1;
        }
      }
      const rel = this.relation();
      this.expectOp(')');
      return { type: 'parenRel', rel };
    }
    if (this.isIdentTok(t)) return { type: 'tableRef', name: this.qname(), pos: t.pos };
    return this.fail(t, ["'('", "'LATERAL'", "'UNNEST'", '<identifier>']);
  }

  // ---- expressions ----
  canStartExpr(t = this.peek()) {
    if (t.t === 'eof') return false;
    if (t.t === 'op') return ['(', '-', '+', '?'].includes(t.v);
    if (t.t !== 'word') return true;
    return !RESERVED.has(t.up) || EXPR_RESERVED.has(t.up);
  }

  expr() { return this.orExpr(); }

  orExpr() {
    let left = this.andExpr();
    while (this.isWord('OR')) { this.next(); left = { type: 'logical', op: 'OR', left, right: this.andExpr() }; }
    return left;
  }
  andExpr() {
    let left = this.notExpr();
    while (this.isWord('AND')) { this.next(); left = { type: 'logical', op: 'AND', left, right: this.notExpr() }; }
    return left;
  }
  notExpr() {
    if (this.isWord('NOT')) { this.next(); return { type: 'not', expr: this.notExpr() }; }
    return this.predicate();
  }

  predicate() {
    const left = this.valueExpr();
    const t = this.peek();
    if (t.t === 'op' && ['=', '<>', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      this.next();
      const op = t.v === '!=' ? '<>' : t.v;
      if ((this.isWord('ALL') || this.isWord('ANY') || this.isWord('SOME')) && this.isOp('(', 1)) {
        const quant = this.next().up;
        this.expectOp('(');
        const q = this.query();
        this.expectOp(')');
        return { type: 'quantified', op, left, quant, query: q };
      }
      const right = this.valueExpr();
      const cmp = { type: 'compare', op, left, right, pos: t.pos };
      return this.predicateTail(cmp);
    }
    return this.predicateTail(left);
  }

  predicateTail(left) {
    for (;;) {
      let not = false;
      const save = this.i;
      if (this.isWord('NOT')) { this.next(); not = true; }
      if (this.acceptWord('BETWEEN')) {
        const lo = this.valueExpr();
        this.expectWord('AND');
        const hi = this.valueExpr();
        left = { type: 'between', expr: left, lo, hi, not };
        continue;
      }
      if (this.acceptWord('IN')) {
        this.expectOp('(');
        if (this.isWord('SELECT') || this.isWord('WITH') || this.isWord('VALUES')) {
          const q = this.query();
          this.expectOp(')');
          left = { type: 'inQuery', expr: left, query: q, not };
        } else {
          const list = [];
          do list.push(this.expr()); while (this.acceptOp(','));
          this.expectOp(')');
          left = { type: 'inList', expr: left, list, not };
        }
        continue;
      }
      if (this.acceptWord('LIKE')) {
        const pattern = this.valueExpr();
        let escape = null;
        if (this.acceptWord('ESCAPE')) escape = this.valueExpr();
        left = { type: 'like', expr: left, pattern, escape, not };
        continue;
      }
      if (not) { this.i = save; return left; }
      if (this.isWord('IS')) {
        this.next();
        let isNot = false;
        if (this.acceptWord('NOT')) isNot = true;
        if (this.acceptWord('NULL')) { left = { type: 'isNull', expr: left, not: isNot }; continue; }
        if (this.acceptWord('DISTINCT')) {
          this.expectWord('FROM');
          const right = this.valueExpr();
          left = { type: 'distinctFrom', left, right, not: isNot };
          continue;
        }
        if (this.isWord('TRUE') || this.isWord('FALSE') || this.isWord('UNKNOWN')) {
          const v = this.next().up;
          left = { type: 'isBool', expr: left, value: v, not: isNot };
          continue;
        }
        return this.fail(this.peek(), ["'DISTINCT'", "'NULL'", "'TRUE'", "'FALSE'", "'UNKNOWN'"]);
      }
      return left;
    }
  }

  valueExpr() { return this.concatExpr(); }

  concatExpr() {
    let left = this.addExpr();
    while (this.isOp('||')) {
      const t = this.next();
      left = { type: 'binary', op: '||', left, right: this.addExpr(), pos: t.pos };
    }
    return left;
  }
  addExpr() {
    let left = this.mulExpr();
    while (this.isOp('+') || this.isOp('-')) {
      const t = this.next();
      left = { type: 'binary', op: t.v, left, right: this.mulExpr(), pos: t.pos };
    }
    return left;
  }
  mulExpr() {
    let left = this.unaryExpr();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const t = this.next();
      left = { type: 'binary', op: t.v, left, right: this.unaryExpr(), pos: t.pos };
    }
    return left;
  }
  unaryExpr() {
    if (this.isOp('-') || this.isOp('+')) {
      const t = this.next();
      const e = this.unaryExpr();
      if (t.v === '-' && e.type === 'literal' && (e.kind === 'int' || e.kind === 'decimal' || e.kind === 'double') && !e.value.startsWith('-')) {
        return { ...e, value: '-' + e.value, pos: t.pos };
      }
      return { type: 'unary', op: t.v, expr: e, pos: t.pos };
    }
    return this.atTimeZone();
  }
  atTimeZone() {
    let e = this.postfix();
    while (this.isWord('AT')) {
      this.next();
      if (this.acceptWord('TIME')) {
        this.expectWord('ZONE');
        const zone = this.postfix();
        e = { type: 'atTimeZone', expr: e, zone };
      } else if (this.acceptWord('LOCAL')) {
        e = { type: 'atTimeZone', expr: e, zone: null };
      } else {
        return this.fail(this.peek(), ["'TIME'", "'LOCAL'"]);
      }
    }
    return e;
  }

  postfix() {
    let e = this.primary();
    for (;;) {
      if (this.isOp('[')) {
        const t = this.next();
        const index = this.expr();
        this.expectOp(']');
        e = { type: 'subscript', base: e, index, pos: t.pos };
        continue;
      }
      if (this.isOp('.') && this.isIdentTok(this.peek(1))) {
        this.next();
        const f = this.ident();
        if (e.type === 'ident' || e.type === 'deref') {
          e = { type: 'deref', base: e, field: f, pos: e.pos };
        } else {
          e = { type: 'deref', base: e, field: f, pos: f.pos };
        }
        continue;
      }
      return e;
    }
  }

  primary() {
    const t = this.peek();
    switch (t.t) {
      case 'int': this.next(); return { type: 'literal', kind: 'int', value: t.v, pos: t.pos };
      case 'decimal': this.next(); return { type: 'literal', kind: 'decimal', value: t.v, pos: t.pos };
      case 'double': this.next(); return { type: 'literal', kind: 'double', value: t.v, pos: t.pos };
      case 'string': this.next(); return { type: 'literal', kind: 'string', value: t.v, pos: t.pos };
      case 'binary': this.next(); return { type: 'literal', kind: 'binary', value: t.v, pos: t.pos };
      case 'op':
        if (t.v === '?') { this.next(); return { type: 'param', pos: t.pos }; }
        if (t.v === '(') return this.parenExpr();
        break;
      case 'qident':
        return this.identOrCall();
      case 'word':
        return this.wordPrimary(t);
      default: break;
    }
    return this.fail(t, ['<expression>']);
  }

  parenExpr() {
    const t = this.next();
    if (this.isWord('SELECT') || this.isWord('WITH') || this.isWord('VALUES')) {
      const q = this.query();
      this.expectOp(')');
      return { type: 'subqueryExpr', query: q, pos: t.pos };
    }
    // lambda with parameter list: (a, b) -> expr
    if (this.isOp(')') && this.isOp('->', 1)) {
      this.next(); this.next();
      return { type: 'lambda', params: [], body: this.expr(), pos: t.pos };
    }
    {
      let k = 0;
      let ok = true;
      for (;;) {
        if (!this.isIdentTok(this.peek(k))) { ok = false; break; }
        if (this.isOp(',', k + 1)) { k += 2; continue; }
        if (this.isOp(')', k + 1)) { ok = this.isOp('->', k + 2); break; }
        ok = false; break;
      }
      if (ok) {
        const params = [];
        do params.push(this.ident()); while (this.acceptOp(','));
        this.expectOp(')');
        this.expectOp('->');
        return { type: 'lambda', params, body: this.expr(), pos: t.pos };
      }
    }
    const first = this.expr();
    if (this.isOp(',')) {
      const items = [first];
      while (this.acceptOp(',')) items.push(this.expr());
      this.expectOp(')');
      return { type: 'row', items, pos: t.pos };
    }
    this.expectOp(')', ["')'", "','", "'AND'", "'OR'"]);
    return { type: 'paren', expr: first, pos: t.pos };
  }

  wordPrimary(t) {
    const w = t.up;
    // literals and special forms
    switch (w) {
      case 'NULL': this.next(); return { type: 'literal', kind: 'null', pos: t.pos };
      case 'TRUE': case 'FALSE': this.next(); return { type: 'literal', kind: 'bool', value: w, pos: t.pos };
      case 'CASE': return this.caseExpr();
      case 'CAST': case 'TRY_CAST': {
        if (!this.isOp('(', 1)) break;
        this.next(); this.next();
        const e = this.expr();
        this.expectWord('AS');
        const type = this.type();
        this.expectOp(')');
        return { type: 'cast', expr: e, to: type, try: w === 'TRY_CAST', pos: t.pos };
      }
      case 'EXISTS': {
        this.next();
        this.expectOp('(');
        const q = this.query();
        this.expectOp(')');
        return { type: 'exists', query: q, pos: t.pos };
      }
      case 'INTERVAL': {
        if (!(this.peek(1).t === 'string' || ((this.isOp('-', 1) || this.isOp('+', 1)) && this.peek(2).t === 'string'))) break;
        this.next();
        let sign = '';
        if (this.isOp('-') || this.isOp('+')) sign = this.next().v === '-' ? '-' : '';
        const value = this.stringLit();
        const from = this.expectWordAny(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND']);
        let to = null;
        if (this.acceptWord('TO')) to = this.expectWordAny(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND']);
        return { type: 'interval', sign, value, from, to, pos: t.pos };
      }
      case 'ARRAY': {
        if (!this.isOp('[', 1)) break;
        this.next(); this.next();
        const items = [];
        if (!this.isOp(']')) { do items.push(this.expr()); while (this.acceptOp(',')); }
        this.expectOp(']');
        return { type: 'array', items, pos: t.pos };
      }
      case 'ROW': {
        if (!this.isOp('(', 1)) break;
        this.next(); this.next();
        const items = [];
        do items.push(this.expr()); while (this.acceptOp(','));
        this.expectOp(')');
        return { type: 'row', items, pos: t.pos };
      }
      case 'CURRENT_DATE': case 'CURRENT_TIME': case 'CURRENT_TIMESTAMP': case 'LOCALTIME': case 'LOCALTIMESTAMP':
      case 'CURRENT_USER': case 'CURRENT_CATALOG': case 'CURRENT_SCHEMA': {
        this.next();
        let precision = null;
        if (this.isOp('(') && w !== 'CURRENT_USER') { this.next(); precision = this.next().v; this.expectOp(')'); }
        return { type: 'special', name: w, precision, pos: t.pos };
      }
      case 'EXTRACT': {
        if (!this.isOp('(', 1)) break;
        this.next(); this.next();
        const field = this.ident().name.toUpperCase();
        this.expectWord('FROM');
        const e = this.expr();
        this.expectOp(')');
        return { type: 'extract', field, expr: e, pos: t.pos };
      }
      case 'SUBSTRING': {
        if (!this.isOp('(', 1)) break;
        // SUBSTRING(x FROM a [FOR b]) or a regular call
        const save = this.i;
        this.next(); this.next();
        const e = this.expr();
        if (this.acceptWord('FROM')) {
          const from = this.expr();
          let forE = null;
          if (this.acceptWord('FOR')) forE = this.expr();
          this.expectOp(')');
          return { type: 'func', name: 'substr', args: forE ? [e, from, forE] : [e, from], pos: t.pos };
        }
        this.i = save;
        break;
      }
      case 'POSITION': {
        if (!this.isOp('(', 1)) break;
        const save = this.i;
        this.next(); this.next();
        const needle = this.valueExpr();
        if (this.acceptWord('IN')) {
          const hay = this.expr();
          this.expectOp(')');
          return { type: 'func', name: 'strpos', args: [hay, needle], pos: t.pos };
        }
        this.i = save;
        break;
      }
      case 'TRIM': {
        if (!this.isOp('(', 1)) break;
        this.next(); this.next();
        let spec = 'BOTH';
        if (this.isWord('BOTH') || this.isWord('LEADING') || this.isWord('TRAILING')) spec = this.next().up;
        let chars = null;
        let e;
        if (this.acceptWord('FROM')) {
          e = this.expr();
        } else {
          const first = this.expr();
          if (this.acceptWord('FROM')) { chars = first; e = this.expr(); } else if (this.acceptOp(',')) { e = first; chars = this.expr(); } else e = first;
        }
        this.expectOp(')');
        return { type: 'trim', spec, chars, expr: e, pos: t.pos };
      }
      case 'NORMALIZE': {
        this.next(); this.expectOp('(');
        const e = this.expr();
        if (this.acceptOp(',')) this.ident();
        this.expectOp(')');
        return { type: 'func', name: 'nfc_normalize', args: [e], pos: t.pos };
      }
      case 'GROUPING': {
        if (!this.isOp('(', 1)) break;
        this.next(); this.next();
        const args = [];
        do args.push(this.expr()); while (this.acceptOp(','));
        this.expectOp(')');
        return { type: 'func', name: 'grouping', args, pos: t.pos };
      }
      default: break;
    }
    // typed literal: DATE '...', TIMESTAMP '...', DECIMAL '...', etc.
    if (this.peek(1).t === 'string' && ['DATE', 'TIME', 'TIMESTAMP', 'DECIMAL', 'REAL', 'DOUBLE', 'JSON', 'UUID', 'IPADDRESS',
      'VARCHAR', 'CHAR', 'BIGINT', 'INTEGER', 'INT', 'SMALLINT', 'TINYINT', 'BOOLEAN', 'VARBINARY', 'CHARACTER'].includes(w)) {
      this.next();
      const v = this.next();
      return { type: 'typedLiteral', typeName: w === 'INT' ? 'INTEGER' : w, value: v.v, pos: t.pos };
    }
    if (this.isOp('->', 1) && !RESERVED.has(w)) {
      const p = this.ident();
      this.next();
      return { type: 'lambda', params: [p], body: this.expr(), pos: t.pos };
    }
    if (RESERVED.has(w)) return this.fail(t, ['<expression>']);
    return this.identOrCall();
  }

  identOrCall() {
    const t = this.peek();
    if (this.isOp('(', 1) || (this.isOp('.', 1) && this.isIdentTok(this.peek(2)) && this.isOp('(', 3))) {
      const name = this.qname();
      return this.callTail(name, t.pos);
    }
    if (this.isOp('->', 1)) {
      const p = this.ident();
      this.next();
      return { type: 'lambda', params: [p], body: this.expr(), pos: t.pos };
    }
    const id = this.ident(['<expression>']);
    return { type: 'ident', name: id.name, pos: id.pos, end: id.end };
  }

  callTail(qn, pos) {
    this.expectOp('(');
    const name = qn.parts.map((p) => p.name).join('.');
    let distinct = false;
    const args = [];
    let star = false;
    let orderBy = null;
    if (this.isOp('*') && this.isOp(')', 1)) { this.next(); star = true; } else if (!this.isOp(')')) {
      if (this.acceptWord('DISTINCT')) distinct = true; else this.acceptWord('ALL');
      do args.push(this.expr()); while (this.acceptOp(','));
      if (this.isWord('ORDER')) { this.next(); this.expectWord('BY'); orderBy = this.sortItems(); }
    }
    this.expectOp(')', ["','", "')'", "'ORDER'"]);
    let withinGroup = null;
    if (this.isWord('WITHIN') && this.isWord('GROUP', 1)) {
      this.next(); this.next();
      this.expectOp('(');
      this.expectWord('ORDER'); this.expectWord('BY');
      withinGroup = this.sortItems();
      this.expectOp(')');
    }
    let filter = null;
    if (this.isWord('FILTER') && this.isOp('(', 1)) {
      this.next(); this.next();
      this.expectWord('WHERE');
      filter = this.expr();
      this.expectOp(')');
    }
    let nullTreatment = null;
    if ((this.isWord('IGNORE') || this.isWord('RESPECT')) && this.isWord('NULLS', 1)) {
      nullTreatment = this.next().up; this.next();
    }
    let over = null;
    if (this.acceptWord('OVER')) {
      if (this.isIdentTok()) over = { ref: this.ident() };
      else {
        this.expectOp('(');
        over = this.windowSpec();
        this.expectOp(')');
      }
    }
    return { type: 'func', name, args, distinct, star, orderBy: orderBy ?? withinGroup, filter, over, nullTreatment, pos, namePos: qn.pos };
  }

  windowSpec() {
    const spec = { ref: null, partitionBy: null, orderBy: null, frame: null };
    if (this.isIdentTok() && !this.isWord('PARTITION') && !this.isWord('ORDER') && !this.isWord('ROWS') && !this.isWord('RANGE') && !this.isWord('GROUPS')) spec.ref = this.ident();
    if (this.isWord('PARTITION')) {
      this.next(); this.expectWord('BY');
      spec.partitionBy = [];
      do spec.partitionBy.push(this.expr()); while (this.acceptOp(','));
    }
    if (this.isWord('ORDER')) {
      this.next(); this.expectWord('BY');
      spec.orderBy = this.sortItems();
    }
    if (this.isWord('ROWS') || this.isWord('RANGE') || this.isWord('GROUPS')) {
      const unit = this.next().up;
      let start;
      let end = null;
      if (this.acceptWord('BETWEEN')) {
        start = this.frameBound();
        this.expectWord('AND');
        end = this.frameBound();
      } else start = this.frameBound();
      spec.frame = { unit, start, end };
    }
    return spec;
  }

  frameBound() {
    if (this.acceptWord('UNBOUNDED')) return { kind: this.expectWordAny(['PRECEDING', 'FOLLOWING']), unbounded: true };
    if (this.acceptWord('CURRENT')) { this.expectWord('ROW'); return { kind: 'CURRENT ROW' }; }
    const e = this.expr();
    return { kind: this.expectWordAny(['PRECEDING', 'FOLLOWING']), expr: e };
  }

  caseExpr() {
    const t = this.next();
    let operand = null;
    if (!this.isWord('WHEN')) operand = this.expr();
    const whens = [];
    while (this.acceptWord('WHEN')) {
      const cond = this.expr();
      this.expectWord('THEN');
      whens.push({ cond, result: this.expr() });
    }
    if (!whens.length) return this.fail(this.peek(), ["'WHEN'"]);
    let elseE = null;
    if (this.acceptWord('ELSE')) elseE = this.expr();
    this.expectWord('END', ["'ELSE'", "'END'", "'WHEN'"]);
    return { type: 'case', operand, whens, else: elseE, pos: t.pos };
  }

  // ---- types ----
  // returns { name: canonical Athena base name, params: [...numbers], elem, key, value, fields, tz }
  type() {
    const t = this.peek();
    if (!(t.t === 'word' || t.t === 'qident')) return this.fail(t, ['<type>']);
    this.next();
    let w = t.v.toLowerCase();
    const generic = (open, close) => {
      const args = [];
      do args.push(this.typeArg()); while (this.acceptOp(','));
      this.expectOp(close);
      void open;
      return args;
    };
    if (w === 'double' && this.isWord('PRECISION')) { this.next(); return { name: 'double' }; }
    if (w === 'array') {
      let args;
      if (this.acceptOp('(')) args = generic('(', ')'); else { this.expectOp('<', ["'('", "'<'"]); args = this.angleArgs(); }
      return { name: 'array', elem: args[0].type };
    }
    if (w === 'map') {
      let args;
      if (this.acceptOp('(')) args = generic('(', ')'); else { this.expectOp('<', ["'('", "'<'"]); args = this.angleArgs(); }
      return { name: 'map', key: args[0].type, value: args[1]?.type };
    }
    if (w === 'row' || w === 'struct') {
      const fields = [];
      if (this.acceptOp('(')) {
        do {
          if (this.isIdentTok() && !this.isOp(',', 1) && !this.isOp(')', 1) && !this.isOp('(', 1)) {
            const name = this.ident().name;
            fields.push({ name, type: this.type() });
          } else fields.push({ name: null, type: this.type() });
        } while (this.acceptOp(','));
        this.expectOp(')');
      } else {
        this.expectOp('<', ["'('", "'<'"]);
        do {
          const name = this.ident().name;
          this.expectOp(':');
          fields.push({ name, type: this.type() });
        } while (this.acceptOp(','));
        this.closeAngle();
      }
      return { name: 'row', fields };
    }
    if (w === 'interval') {
      const from = this.expectWordAny(['YEAR', 'DAY', 'MONTH', 'HOUR', 'MINUTE', 'SECOND']);
      this.expectWord('TO');
      const to = this.expectWordAny(['MONTH', 'SECOND', 'YEAR', 'DAY', 'HOUR', 'MINUTE']);
      return { name: from === 'YEAR' || from === 'MONTH' ? 'interval year to month' : 'interval day to second', from, to };
    }
    const params = [];
    if (this.isOp('(')) {
      this.next();
      do {
        const p = this.peek();
        if (p.t !== 'int') return this.fail(p, ['<integer>']);
        this.next();
        params.push(Number(p.v));
      } while (this.acceptOp(','));
      this.expectOp(')');
    }
    let tz = false;
    if ((w === 'timestamp' || w === 'time') && (this.isWord('WITH') || this.isWord('WITHOUT'))) {
      const wi = this.next().up;
      this.expectWord('TIME'); this.expectWord('ZONE');
      tz = wi === 'WITH';
    }
    const aliases = { int: 'integer', string: 'varchar', float: 'real', binary: 'varbinary', character: 'char', dec: 'decimal', numeric: 'decimal' };
    w = aliases[w] ?? w;
    const known = ['boolean', 'tinyint', 'smallint', 'integer', 'bigint', 'real', 'double', 'decimal', 'varchar', 'char',
      'varbinary', 'date', 'time', 'timestamp', 'json', 'uuid', 'ipaddress', 'unknown', 'hyperloglog', 'ipprefix'];
    if (!known.includes(w)) throw syntaxError(`Unknown type: ${t.v}`, lineCol(this.sql, t.pos));
    return { name: w, params, tz };
  }

  typeArg() { return { type: this.type() }; }

  angleArgs() {
    const args = [];
    do args.push({ type: this.type() }); while (this.acceptOp(','));
    this.closeAngle();
    return args;
  }
  closeAngle() {
    // '>>' is lexed as two '>' tokens already ('>' and '>' or '>='): accept a single '>'
    this.expectOp('>');
  }
}

export { RESERVED };

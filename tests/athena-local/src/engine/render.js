// Result files as Athena writes them to S3 (docs/wire.md, "Result files"). Pure functions.

// One CSV record: every non-NULL field double-quoted (embedded quotes doubled), NULL an empty
// unquoted field, LF at the end.
export function csvRecord(values) {
  let line = '';
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (c) line += ',';
    if (v !== null && v !== undefined) line += '"' + (v.indexOf('"') >= 0 ? v.replace(/"/g, '""') : v) + '"';
  }
  return line + '\n';
}

// One .txt record: the row's single datum and LF.
export function txtRecord(row) {
  return (row[0] ?? '') + '\n';
}

// Header line of column names, then one record per row.
export function renderCsv(columns, rows) {
  let s = csvRecord(columns.map((c) => c.Name));
  for (const row of rows) s += csvRecord(row);
  return Buffer.from(s, 'utf8');
}

export function renderTxt(rows) {
  let s = '';
  for (const row of rows) s += txtRecord(row);
  return Buffer.from(s, 'utf8');
}

// ---- protocol buffers ----
function varint(n) {
  const out = [];
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n;
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
}

function field(num, wire) { return varint((num << 3) | wire); }

function lenField(num, payload) {
  const b = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
  return Buffer.concat([field(num, 2), varint(b.length), b]);
}

function varintField(num, v) { return Buffer.concat([field(num, 0), varint(v)]); }

const NULLABLE = { NOT_NULL: 1, NULLABLE: 2, UNKNOWN: 3 };

// The .metadata file: field 1 engine query id; field 4 one message per column:
// 1 catalog, 2 schema, 3 table, 4 name, 5 label, 6 type (strings); 7 precision, 8 scale,
// 9 nullable (1 NOT_NULL, 2 NULLABLE, 3 UNKNOWN), 10 case_sensitive (varints).
// Empty strings and zero varints are omitted, as proto3 encoders do (the published capture of a real
// file shows an empty schema and table left out and precision 0 left out).
export function renderMetadata(columns, engineQueryId) {
  const parts = [];
  if (engineQueryId) parts.push(lenField(1, engineQueryId));
  for (const c of columns) {
    const cp = [];
    const strs = [c.CatalogName, c.SchemaName, c.TableName, c.Name, c.Label, c.Type];
    strs.forEach((s, i) => { if (s) cp.push(lenField(i + 1, s)); });
    if (c.Precision) cp.push(varintField(7, c.Precision));
    if (c.Scale) cp.push(varintField(8, c.Scale));
    const nb = NULLABLE[c.Nullable] ?? 3;
    if (nb) cp.push(varintField(9, nb));
    if (c.CaseSensitive) cp.push(varintField(10, 1));
    parts.push(lenField(4, Buffer.concat(cp)));
  }
  return Buffer.concat(parts);
}

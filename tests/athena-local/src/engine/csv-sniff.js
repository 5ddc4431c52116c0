// Column names and types of a small, plain CSV file, found in JavaScript so that `--data DIR`
// mounts thousands of small tables in seconds (DuckDB's sniffer costs ~15 ms a file). Plain
// means: comma-separated, '"' quotes (doubled inside), a header line of distinct non-empty
// names, the same number of fields on every line. Anything else returns null and the file goes
// to DuckDB's sniffer instead.
import { T } from './types.js';

export const SNIFF_MAX_BYTES = 1024 * 1024;

// RFC 4180 fields; returns an array of records (arrays of strings, null for an empty unquoted
// field) or null when a quote is left open or a quote appears inside an unquoted field.
export function parseCsv(text) {
  const records = [];
  let record = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return records;
  for (;;) {
    let value;
    if (text[i] === '"') {
      let j = i + 1;
      value = '';
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0) return null;
        value += text.slice(j, k);
        if (text[k + 1] === '"') { value += '"'; j = k + 2; continue; }
        i = k + 1;
        break;
      }
    } else {
      let k = i;
      while (k < n && text[k] !== ',' && text[k] !== '\n' && text[k] !== '\r') k++;
      value = text.slice(i, k);
      if (value.includes('"')) return null;
      i = k;
      if (value === '') value = null;
    }
    record.push(value);
    if (i >= n) { records.push(record); break; }
    if (text[i] === ',') { i++; continue; }
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] !== '\n' && text[i] !== '\r') return null;
    i++;
    records.push(record);
    record = [];
    if (i >= n) break;
  }
  return records;
}

const INT64_MAX = 9223372036854775807n;

function validDate(y, m, d) {
  const t = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return t.getUTCFullYear() === Number(y) && t.getUTCMonth() === Number(m) - 1 && t.getUTCDate() === Number(d);
}

// The narrowest of boolean, bigint, double, date, timestamp that reads the value, else varchar.
function kindOf(v) {
  if (/^(true|false)$/i.test(v)) return 'boolean';
  if (/^[+-]?\d{1,19}$/.test(v)) {
    const b = BigInt(v);
    return b <= INT64_MAX && b >= -INT64_MAX - 1n ? 'bigint' : 'double';
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return 'double';
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v))) return validDate(m[1], m[2], m[3]) ? 'date' : 'varchar';
  if ((m = /^(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?$/.exec(v))) {
    return validDate(m[1], m[2], m[3]) ? 'timestamp' : 'varchar';
  }
  return 'varchar';
}

function unify(a, b) {
  if (a === null) return b;
  if (a === b) return a;
  if ((a === 'bigint' && b === 'double') || (a === 'double' && b === 'bigint')) return 'double';
  return 'varchar';
}

// text -> { columns: [{ name (lower case), type (Athena type) }], rows } or null (not plain).
export function sniffCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) return null;
  const records = parseCsv(text);
  if (!records || records.length === 0) return null;
  const header = records[0];
  const names = header.map((h) => (h === null ? '' : h.trim().toLowerCase()));
  if (names.some((h) => h === '') || new Set(names).size !== names.length) return null;
  if (names.length === 1 && /[;\t|]/.test(names[0])) return null;
  const kinds = names.map(() => null);
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    if (rec.length !== names.length) return null;
    // an empty field, quoted or not, is NULL (DuckDB's allow_quoted_nulls)
    for (let c = 0; c < rec.length; c++) if (rec[c] !== null && rec[c] !== '') kinds[c] = unify(kinds[c], kindOf(rec[c]));
  }
  return { columns: names.map((name, c) => ({ name, type: T[kinds[c] ?? 'varchar'] })), rows: records.length - 1 };
}

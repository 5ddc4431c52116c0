// `athena-local gen-catalog DIR [--database NAME] [--tables N] [--columns N] [--rows N]`:
// writes DIR/<database>/t0000.csv ... small CSV tables for `athena-local --data DIR`, the
// big catalog that catalog benchmarks and tests browse. Deterministic: the same arguments
// always write the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const GEN_USAGE = `usage: athena-local gen-catalog DIR [--database NAME] [--tables N] [--columns N] [--rows N]

  Writes DIR/NAME/t0000.csv ... (default NAME bigcat, 2000 tables of 10 columns and 2 rows).
  Column k of every table is named c<k>_<type> and holds values of the k-th type of
  bigint, string, double, date, boolean, timestamp (cycling), so each table mounts with
  the Glue types bigint, string, double, date, boolean, timestamp.`;

// The value of column k (0-based) in row r of table t, as CSV text DuckDB infers the type from.
const KINDS = [
  ['bigint', (t, r) => String(t * 1000 + r)],
  ['string', (t, r) => `t${t}r${r}`],
  ['double', (t, r) => `${t}.${r + 5}`],
  ['date', (t, r) => `2020-01-${String((t + r) % 28 + 1).padStart(2, '0')}`],
  ['boolean', (t, r) => ((t + r) % 2 ? 'true' : 'false')],
  ['timestamp', (t, r) => `2020-02-${String((t + r) % 28 + 1).padStart(2, '0')} 10:00:0${r % 10}`],
];

export function tableName(i, tables) {
  return `t${String(i).padStart(Math.max(4, String(tables - 1).length), '0')}`;
}

export function columnNames(columns) {
  const out = [];
  for (let k = 0; k < columns; k++) out.push(`c${k}_${KINDS[k % KINDS.length][0]}`);
  return out;
}

export function generateCatalog(dir, { database = 'bigcat', tables = 2000, columns = 10, rows = 2 } = {}) {
  const dbDir = join(dir, database);
  mkdirSync(dbDir, { recursive: true });
  const header = columnNames(columns).join(',') + '\n';
  for (let t = 0; t < tables; t++) {
    let text = header;
    for (let r = 0; r < rows; r++) {
      const cells = [];
      for (let k = 0; k < columns; k++) cells.push(KINDS[k % KINDS.length][1](t, r));
      text += cells.join(',') + '\n';
    }
    writeFileSync(join(dbDir, `${tableName(t, tables)}.csv`), text);
  }
  return dbDir;
}

function positiveInt(name, v, min) {
  if (!/^\d+$/.test(v) || Number(v) < min) throw new Error(`--${name}: expected an integer >= ${min}, got "${v}"`);
  return Number(v);
}

export function genCatalogMain(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        database: { type: 'string', default: 'bigcat' },
        tables: { type: 'string', default: '2000' },
        columns: { type: 'string', default: '10' },
        rows: { type: 'string', default: '2' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      process.stdout.write(`${GEN_USAGE}\n`);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new Error('expected one DIR');
    if (!/^[a-z0-9_]+$/.test(parsed.values.database)) throw new Error(`--database: expected [a-z0-9_]+, got "${parsed.values.database}"`);
    const v = parsed.values;
    const dbDir = generateCatalog(parsed.positionals[0], {
      database: v.database,
      tables: positiveInt('tables', v.tables, 1),
      columns: positiveInt('columns', v.columns, 1),
      rows: positiveInt('rows', v.rows, 1),
    });
    process.stdout.write(`${dbDir}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`athena-local gen-catalog: ${e.message}\n${GEN_USAGE}\n`);
    return 2;
  }
}

// A finished query's result lives in one file (the bytes of its S3 result object); GetQueryResults
// pages are read back from it, so memory does not grow with the results kept. While the engine
// streams rows in, the writer keeps a sparse index (the byte offset of every INDEX_EVERY-th row);
// a page starts from the nearest indexed row, or from where the previous page ended.
import { createHash } from 'node:crypto';
import { open, unlink } from 'node:fs/promises';
import { csvRecord, txtRecord } from './engine/render.js';

const INDEX_EVERY = 256;
const READ_BYTES = 256 * 1024;
const WRITE_BUFFER = 1 << 20;
const RECENT_ENDS = 64;

// Writes `kind` ('csv': header line of `columns` then one quoted line per row; 'txt': each row's
// single datum and LF; 'empty': nothing) to `path`.
export class ResultWriter {
  static async create(path, kind, columns) {
    const w = new ResultWriter(path, kind, await open(path, 'w'));
    if (kind === 'csv') w.append(csvRecord(columns.map((c) => c.Name)));
    return w;
  }

  constructor(path, kind, fh) {
    this.path = path;
    this.kind = kind;
    this.fh = fh;
    this.md5 = createHash('md5');
    this.pending = '';
    this.pendingBytes = 0;
    this.bytes = 0;
    this.rows = 0;
    this.index = []; // byte offset of row i * INDEX_EVERY
  }

  append(text) {
    this.pending += text;
    this.pendingBytes += Buffer.byteLength(text, 'utf8');
  }

  async flush() {
    if (!this.pending) return;
    const buf = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    this.pendingBytes = 0;
    this.md5.update(buf);
    await this.fh.write(buf);
    this.bytes += buf.length;
  }

  async write(rows) {
    for (const row of rows) {
      if (this.rows % INDEX_EVERY === 0) this.index.push(this.bytes + this.pendingBytes);
      this.append(this.kind === 'txt' ? txtRecord(row) : csvRecord(row));
      this.rows++;
      if (this.pendingBytes > WRITE_BUFFER) await this.flush();
    }
  }

  async finish() {
    await this.flush();
    await this.fh.close();
    return new ResultFile(this.path, this.kind, this.rows, this.bytes, this.index, `"${this.md5.digest('hex')}"`);
  }

  async discard() {
    await this.fh.close().catch(() => {});
    await unlink(this.path).catch(() => {});
  }
}

// A parsed row -> its GetQueryResults JSON text.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

export function rowJson(row) {
  let s = '{"Data":[';
  for (let i = 0; i < row.length; i++) {
    if (i) s += ',';
    const v = row[i];
    if (v === null || v === undefined) s += '{}';
    else if (NEEDS_ESCAPE.test(v)) s += `{"VarCharValue":${JSON.stringify(v)}}`;
    else s += `{"VarCharValue":"${v}"}`;
  }
  return s + ']}';
}

// Parses whole records of an Athena result CSV from `text` at `pos`; returns the position after
// the record, or -1 when the record is not complete in `text`.
function parseCsvRecord(text, pos, out) {
  out.length = 0;
  const n = text.length;
  for (;;) {
    if (pos >= n) return -1;
    if (text.charCodeAt(pos) === 34) {
      let v = '';
      let j = pos + 1;
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0 || k + 1 >= n) return -1;
        v += text.slice(j, k);
        if (text.charCodeAt(k + 1) === 34) { v += '"'; j = k + 2; continue; }
        pos = k + 1;
        break;
      }
      out.push(v);
    } else {
      out.push(null);
    }
    const c = text.charCodeAt(pos);
    if (c === 44) { pos++; continue; }
    if (c === 10) return pos + 1;
    throw new Error(`malformed result file at character ${pos}`);
  }
}

function parseTxtRecord(text, pos, out) {
  const k = text.indexOf('\n', pos);
  if (k < 0) return -1;
  out.length = 0;
  out.push(text.slice(pos, k));
  return k + 1;
}

export class ResultFile {
  constructor(path, kind, rows, bytes, index, etag) {
    this.path = path;
    this.kind = kind;
    this.rows = rows;
    this.bytes = bytes;
    this.index = index;
    this.etag = etag;
    this.ends = new Map(); // row -> byte offset, where recent pages ended
    this.users = 0;
  }

  // The JSON of rows [first, first + count) and where they end.
  async readRows(first, count) {
    const parts = [];
    const last = Math.min(this.rows, first + count);
    if (first >= last) return parts;
    let row;
    let pos;
    if (this.ends.has(first)) {
      row = first;
      pos = this.ends.get(first);
    } else {
      const k = Math.floor(first / INDEX_EVERY);
      row = k * INDEX_EVERY;
      pos = this.index[k];
    }
    const parse = this.kind === 'txt' ? parseTxtRecord : parseCsvRecord;
    const fh = await this.acquire();
    const rowBytes = this.bytes / Math.max(1, this.rows);
    try {
      let text = '';
      let at = 0;
      let carry = Buffer.alloc(0);
      const fields = [];
      while (row < last) {
        const next = at < text.length ? parse(text, at, fields) : -1;
        if (next < 0) {
          // read more: keep the unparsed tail, cut the new bytes after their last LF so that
          // no UTF-8 sequence is split (LF never occurs inside one)
          const size = Math.min(READ_BYTES, Math.ceil(rowBytes * (last - row) * 1.05) + 4096);
          const buf = Buffer.allocUnsafe(size);
          const { bytesRead } = await fh.read(buf, 0, size, pos);
          if (bytesRead === 0) throw new Error('result file ends early');
          pos += bytesRead;
          const bytes = carry.length ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
          const lf = bytes.lastIndexOf(10);
          const usable = lf < 0 ? 0 : lf + 1;
          carry = Buffer.from(bytes.subarray(usable));
          text = text.slice(at) + bytes.toString('utf8', 0, usable);
          at = 0;
          continue;
        }
        if (row >= first) parts.push(rowJson(fields));
        at = next;
        row++;
      }
      // the byte offset of row `last`: what was read minus what is left unparsed
      const end = pos - carry.length - Buffer.byteLength(text.slice(at), 'utf8');
      if (this.ends.size >= RECENT_ENDS) this.ends.delete(this.ends.keys().next().value);
      this.ends.set(last, end);
    } finally {
      this.release();
    }
    return parts;
  }

  // The file stays open between pages; at most OPEN_FILES result files are open at once (the
  // least recently read one not being read is closed first).
  async acquire() {
    this.users = (this.users ?? 0) + 1;
    openFiles.delete(this);
    openFiles.add(this);
    try {
      this.opening ??= open(this.path, 'r');
      this.fh = await this.opening;
    } catch (e) {
      this.opening = undefined;
      this.release();
      throw e;
    }
    for (const f of openFiles) {
      if (openFiles.size <= OPEN_FILES) break;
      if (f.users === 0) f.close();
    }
    return this.fh;
  }

  release() {
    this.users--;
  }

  close() {
    openFiles.delete(this);
    const fh = this.opening;
    this.opening = undefined;
    this.fh = undefined;
    fh?.then((h) => h.close()).catch(() => {});
  }
}

const OPEN_FILES = 32;
const openFiles = new Set();

// Tokenizer for the Athena (Trino) SQL dialect.
// Token: { t: kind, v: text value, up: upper-case word (for words), pos: offset, end: offset }
// kinds: 'word', 'qident' (double-quoted or back-quoted identifier), 'string', 'binary' (X'..'),
//        'int', 'decimal', 'double', 'op', 'eof'
import { syntaxError, lineCol } from './errors.js';

const OPS = ['<>', '!=', '<=', '>=', '||', '->', '=>', '::'];
const SINGLE = '()[],.;=<>+-*/%?:{}|';

function isIdentStart(c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\u007f';
}
function isIdentPart(c) {
  return isIdentStart(c) || (c >= '0' && c <= '9') || c === '@' || c === '$';
}
function isDigit(c) { return c >= '0' && c <= '9'; }

export function tokenize(sql) {
  const toks = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') { i++; continue; }
    if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw syntaxError("mismatched input '<EOF>'. Expecting: '*/'", lineCol(sql, n));
      i = close + 2;
      continue;
    }
    const start = i;
    if ((c === 'x' || c === 'X') && sql[i + 1] === "'") {
      const { value, end } = readQuoted(sql, i + 1, "'");
      toks.push({ t: 'binary', v: value, pos: start, end });
      i = end;
      continue;
    }
    if ((c === 'u' || c === 'U') && sql[i + 1] === '&' && sql[i + 2] === "'") {
      const { value, end } = readQuoted(sql, i + 2, "'");
      toks.push({ t: 'string', v: decodeUnicodeEscapes(value), pos: start, end });
      i = end;
      continue;
    }
    if (c === "'") {
      const { value, end } = readQuoted(sql, i, "'");
      toks.push({ t: 'string', v: value, pos: start, end });
      i = end;
      continue;
    }
    if (c === '"' || c === '`') {
      const { value, end } = readQuoted(sql, i, c);
      if (value === '') throw syntaxError('Zero-length delimited identifier not allowed', lineCol(sql, start));
      toks.push({ t: 'qident', v: value, pos: start, end });
      i = end;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(sql[i + 1] ?? ''))) {
      let j = i;
      while (j < n && isDigit(sql[j])) j++;
      let kind = 'int';
      if (sql[j] === '.') {
        kind = 'decimal';
        j++;
        while (j < n && isDigit(sql[j])) j++;
      }
      if ((sql[j] === 'e' || sql[j] === 'E') && (isDigit(sql[j + 1] ?? '') || ((sql[j + 1] === '+' || sql[j + 1] === '-') && isDigit(sql[j + 2] ?? '')))) {
        kind = 'double';
        j += 2;
        while (j < n && isDigit(sql[j])) j++;
      }
      if (j < n && isIdentStart(sql[j])) {
        let k = j;
        while (k < n && isIdentPart(sql[k])) k++;
        throw syntaxError(`identifiers must not start with a digit; surround the identifier with double quotes`, lineCol(sql, start));
      }
      toks.push({ t: kind, v: sql.slice(i, j), pos: start, end: j });
      i = j;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(sql[j])) j++;
      const v = sql.slice(i, j);
      toks.push({ t: 'word', v, up: v.toUpperCase(), pos: start, end: j });
      i = j;
      continue;
    }
    const two = sql.slice(i, i + 2);
    if (OPS.includes(two)) {
      toks.push({ t: 'op', v: two, pos: start, end: i + 2 });
      i += 2;
      continue;
    }
    if (SINGLE.includes(c)) {
      toks.push({ t: 'op', v: c, pos: start, end: i + 1 });
      i++;
      continue;
    }
    throw syntaxError(`token recognition error at: '${c}'`, lineCol(sql, start));
  }
  toks.push({ t: 'eof', v: '<EOF>', pos: n, end: n });
  return toks;
}

function readQuoted(sql, i, q) {
  let j = i + 1;
  let out = '';
  for (;;) {
    const k = sql.indexOf(q, j);
    if (k < 0) throw syntaxError(`mismatched input '<EOF>'. Expecting: ${q === "'" ? 'a closing quote' : 'a closing identifier quote'}`, lineCol(sql, sql.length));
    out += sql.slice(j, k);
    if (sql[k + 1] === q) { out += q; j = k + 2; continue; }
    return { value: out, end: k + 1 };
  }
}

function decodeUnicodeEscapes(s) {
  return s.replace(/\\(\+[0-9a-fA-F]{6}|[0-9a-fA-F]{4}|\\)/g, (m, g) => {
    if (g === '\\') return '\\';
    return String.fromCodePoint(parseInt(g.replace('+', ''), 16));
  });
}

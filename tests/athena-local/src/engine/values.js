// Athena's text for values (GetQueryResults VarCharValue and the result CSV).
// makeRenderer(type) picks one function per column once; the function maps a value read from
// @duckdb/node-api (number, bigint, string, boolean or a DuckDB*Value object) to text, null for SQL NULL.

// Java's Double.toString / Float.toString (JDK 19 and later, which Trino runs on): the shortest decimal that
// rounds to the value (when that is a single digit, the closest of one or two digits); plain notation for
// 1e-3 <= |x| < 1e7, otherwise computerized scientific notation "d.dddE[-]n"; at least one fraction digit.
function javaText(neg, digits, exp) {
  // digits: significant digits without trailing zeros ("1" .. "17 digits"), exp: decimal exponent of the first digit
  let out;
  if (exp >= -3 && exp < 7) {
    if (exp >= 0) {
      const ip = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, '0');
      const fp = digits.length > exp + 1 ? digits.slice(exp + 1) : '0';
      out = ip + '.' + fp;
    } else {
      out = '0.' + '0'.repeat(-exp - 1) + digits;
    }
  } else {
    out = digits[0] + '.' + (digits.length > 1 ? digits.slice(1) : '0') + 'E' + exp;
  }
  return neg ? '-' + out : out;
}

function splitExp(str) {
  // "d.ddde+n" / "d.ddde-n" as produced by toExponential / toPrecision
  const k = str.indexOf('e');
  let mant = k < 0 ? str : str.slice(0, k);
  let exp = k < 0 ? 0 : Number(str.slice(k + 1));
  const neg = mant[0] === '-';
  if (neg) mant = mant.slice(1);
  const dot = mant.indexOf('.');
  let digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  if (k < 0) exp = (dot < 0 ? mant.length : dot) - 1;
  // strip leading zeros (plain toPrecision output like "0.0010")
  let lead = 0;
  while (lead < digits.length - 1 && digits[lead] === '0') { lead++; exp--; }
  digits = digits.slice(lead).replace(/0+$/, '');
  if (digits === '') digits = '0';
  return { neg, digits, exp };
}

function special(x) {
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return null;
}

export function javaDouble(x) {
  const sp = special(x);
  if (sp !== null) return sp;
  let p = splitExp(x.toExponential());
  if (p.digits.length === 1) p = splitExp(x.toExponential(1));
  return javaText(p.neg, p.digits, p.exp);
}

// Java's Float.toString for a float32 value held in a JS number.
export function javaFloat(x) {
  const sp = special(x);
  if (sp !== null) return sp;
  for (let n = 1; n <= 9; n++) {
    const str = x.toExponential(n - 1);
    if (Math.fround(Number(str)) === x) {
      const p = splitExp(n === 1 ? x.toExponential(1) : str);
      return javaText(p.neg, p.digits, p.exp);
    }
  }
  const p = splitExp(x.toExponential(8));
  return javaText(p.neg, p.digits, p.exp);
}

// Decimal text with exactly `scale` fraction digits from its unscaled bigint.
export function decimalText(unscaled, scale) {
  const neg = unscaled < 0n;
  let s = (neg ? -unscaled : unscaled).toString();
  if (scale > 0) {
    if (s.length <= scale) s = s.padStart(scale + 1, '0');
    s = s.slice(0, s.length - scale) + '.' + s.slice(s.length - scale);
  }
  return neg ? '-' + s : s;
}

function pad2(n) { return n < 10 ? '0' + n : String(n); }
function pad3(n) { return n < 10 ? '00' + n : n < 100 ? '0' + n : String(n); }

// Proleptic Gregorian date from days since 1970-01-01 (Howard Hinnant's civil_from_days).
export function dateText(days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  let y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) y += 1;
  const ys = y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0');
  return ys + '-' + pad2(m) + '-' + pad2(d);
}

// HH:MM:SS.mmm from microseconds of the day (truncated to milliseconds, Athena's precision 3).
export function timeOfDayText(micros) {
  const ms = Math.floor(micros / 1000);
  const h = Math.floor(ms / 3600000);
  const mi = Math.floor(ms / 60000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return pad2(h) + ':' + pad2(mi) + ':' + pad2(s) + '.' + pad3(ms % 1000);
}

const MICROS_PER_DAY = 86400000000n;
export function timestampText(micros) {
  let days = micros / MICROS_PER_DAY;
  let rem = micros % MICROS_PER_DAY;
  if (rem < 0n) { rem += MICROS_PER_DAY; days -= 1n; }
  return dateText(Number(days)) + ' ' + timeOfDayText(Number(rem));
}

export function intervalYearMonthText(months) {
  const sign = months < 0 ? '-' : '';
  const m = Math.abs(months);
  return `${sign}${Math.floor(m / 12)}-${m % 12}`;
}

export function intervalDayTimeText(days, micros) {
  let ms = BigInt(days) * 86400000n + BigInt(micros) / 1000n;
  const sign = ms < 0n ? '-' : '';
  if (ms < 0n) ms = -ms;
  const n = Number(ms);
  const d = Math.floor(n / 86400000);
  const rest = n - d * 86400000;
  return `${sign}${d} ${timeOfDayText(rest * 1000)}`;
}

const HEX = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));
export function hexText(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (i ? ' ' : '') + HEX[bytes[i]];
  return s;
}

function charPad(s, n) {
  // pad by code points, as Trino counts char(n) length
  let len = 0;
  for (const _ of s) len++; // eslint-disable-line no-unused-vars
  return len >= n ? s : s + ' '.repeat(n - len);
}

// A renderer for one column or nested element of Athena type `t` (see types.js).
export function makeRenderer(t) {
  switch (t.name) {
    case 'boolean': return (v) => (v === null ? null : v ? 'true' : 'false');
    case 'tinyint': case 'smallint': case 'integer': case 'bigint':
      return (v) => (v === null ? null : String(v));
    case 'double': return (v) => (v === null ? null : javaDouble(v));
    case 'real': return (v) => (v === null ? null : javaFloat(v));
    case 'decimal': return (v) => (v === null ? null : decimalText(v.value, v.scale));
    case 'varchar': case 'json': case 'ipaddress': case 'unknown':
      return (v) => (v === null ? null : typeof v === 'string' ? v : String(v));
    case 'char': {
      const n = (t.params && t.params[0]) ?? 1;
      return (v) => (v === null ? null : charPad(String(v), n));
    }
    case 'varbinary': return (v) => (v === null ? null : hexText(v.bytes));
    case 'date': return (v) => (v === null ? null : dateText(v.days));
    case 'time':
      if (t.tz) return (v) => (v === null ? null : v.toString());
      return (v) => (v === null ? null : timeOfDayText(Number(v.micros)));
    case 'timestamp':
      if (t.tz) return (v) => (v === null ? null : timestampText(v.micros) + ' UTC');
      return (v) => (v === null ? null : timestampText(v.micros));
    case 'interval year to month':
      return (v) => (v === null ? null : intervalYearMonthText(v.months));
    case 'interval day to second':
      return (v) => (v === null ? null : intervalDayTimeText(v.days + v.months * 30, v.micros));
    case 'uuid': return (v) => (v === null ? null : v.toString());
    case 'array': {
      const r = makeRenderer(t.elem);
      return (v) => {
        if (v === null) return null;
        const items = v.items;
        let s = '[';
        for (let i = 0; i < items.length; i++) {
          const x = r(items[i]);
          s += (i ? ', ' : '') + (x === null ? 'null' : x);
        }
        return s + ']';
      };
    }
    case 'map': {
      const rk = makeRenderer(t.key);
      const rv = makeRenderer(t.value);
      return (v) => {
        if (v === null) return null;
        const e = v.entries;
        let s = '{';
        for (let i = 0; i < e.length; i++) {
          const k = rk(e[i].key);
          const x = rv(e[i].value);
          s += (i ? ', ' : '') + (k === null ? 'null' : k) + '=' + (x === null ? 'null' : x);
        }
        return s + '}';
      };
    }
    case 'row': {
      const fields = t.fields.map((f, i) => ({ key: f.key !== undefined ? f.key : f.name ?? `field${i}`, label: f.name ?? `field${i}`, r: makeRenderer(f.type) }));
      return (v) => {
        if (v === null) return null;
        const e = v.entries;
        let s = '{';
        for (let i = 0; i < fields.length; i++) {
          const f = fields[i];
          const x = f.r(e[f.key] ?? null);
          s += (i ? ', ' : '') + f.label + '=' + (x === null ? 'null' : x);
        }
        return s + '}';
      };
    }
    default:
      return (v) => (v === null ? null : String(v));
  }
}

// Fault injection and latency. A SPEC is JSON or a compact text form; see README.md
// ("Faults and latency"). Random decisions use a seeded generator, so a given seed and a
// given sequence of calls always inject the same faults.

// AWS's per-account Athena API quotas (calls per second, burst).
export const AWS_THROTTLE_PRESET = [
  { op: 'athena:StartQueryExecution', rate: 20, burst: 80 },
  { op: 'athena:StopQueryExecution', rate: 20, burst: 80 },
  { op: 'athena:GetQueryExecution', rate: 100, burst: 200 },
  { op: 'athena:GetQueryResults', rate: 100, burst: 200 },
  { op: 'athena:BatchGetQueryExecution', rate: 20, burst: 40 },
];

const LIST_KEYS = ['latency', 'throttle', 'errors', 'resets', 'failNext', 'resetNext', 'throttleNext', 'bodyNext'];
const KNOWN_KEYS = new Set([...LIST_KEYS, 'seed', 'maxConcurrentQueries', 's3BandwidthKiBps']);

export class FaultSpecError extends Error {}

function num(v, what, { min = 0, max = Infinity, integer = false } = {}) {
  const n = typeof v === 'string' ? Number(v.replace(/(ms|s|KiB|kibps)$/i, '')) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new FaultSpecError(`${what}: expected a number${integer ? ' (integer)' : ''} in [${min}, ${max}], got ${JSON.stringify(v)}`);
  }
  return n;
}

function opName(v, what) {
  if (v === undefined) return '*';
  if (typeof v !== 'string' || !/^(\*|[a-z0-9]+:(\*|[A-Za-z0-9]+))$/.test(v)) {
    throw new FaultSpecError(`${what}: op must be "service:Operation", "service:*" or "*", got ${JSON.stringify(v)}`);
  }
  return v;
}

function when(v, what, dflt) {
  if (v === undefined) return dflt;
  if (v !== 'before' && v !== 'after' && v !== 'body') {
    throw new FaultSpecError(`${what}: when must be "before", "after" or "body"`);
  }
  return v;
}

function status(v, what) {
  const s = num(v ?? 503, `${what}.status`, { min: 500, max: 599, integer: true });
  return s;
}

// Validate and normalise a JSON SPEC object.
export function normalizeSpec(spec) {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new FaultSpecError('SPEC must be a JSON object');
  for (const k of Object.keys(spec)) {
    if (!KNOWN_KEYS.has(k)) throw new FaultSpecError(`unknown SPEC key "${k}"`);
  }
  const out = { seed: 1 };
  for (const k of LIST_KEYS) out[k] = [];
  if (spec.seed !== undefined) out.seed = num(spec.seed, 'seed', { integer: true, max: 2 ** 32 - 1 });
  const list = (k) => {
    const v = spec[k];
    if (v === undefined) return [];
    if (k === 'throttle' && v === 'aws') return AWS_THROTTLE_PRESET;
    if (!Array.isArray(v)) throw new FaultSpecError(`${k} must be an array`);
    return v;
  };
  list('latency').forEach((r, i) => out.latency.push({
    op: opName(r.op, `latency[${i}]`),
    fixedMs: num(r.fixedMs ?? 0, `latency[${i}].fixedMs`, { max: 600000 }),
    perKiBMs: num(r.perKiBMs ?? 0, `latency[${i}].perKiBMs`, { max: 60000 }),
  }));
  list('throttle').forEach((r, i) => out.throttle.push({
    op: opName(r.op, `throttle[${i}]`),
    rate: num(r.rate, `throttle[${i}].rate`, { max: 1e6 }),
    burst: num(r.burst ?? Math.max(1, r.rate), `throttle[${i}].burst`, { min: 1, max: 1e6 }),
  }));
  list('errors').forEach((r, i) => out.errors.push({
    op: opName(r.op, `errors[${i}]`),
    status: status(r.status, `errors[${i}]`),
    rate: num(r.rate, `errors[${i}].rate`, { max: 1 }),
  }));
  list('resets').forEach((r, i) => out.resets.push({
    op: opName(r.op, `resets[${i}]`),
    rate: num(r.rate, `resets[${i}].rate`, { max: 1 }),
    when: when(r.when, `resets[${i}]`, 'after'),
  }));
  list('failNext').forEach((r, i) => out.failNext.push({
    op: opName(r.op, `failNext[${i}]`),
    status: status(r.status, `failNext[${i}]`),
    count: num(r.count ?? 1, `failNext[${i}].count`, { integer: true, max: 1e9 }),
  }));
  list('resetNext').forEach((r, i) => out.resetNext.push({
    op: opName(r.op, `resetNext[${i}]`),
    count: num(r.count ?? 1, `resetNext[${i}].count`, { integer: true, max: 1e9 }),
    when: when(r.when, `resetNext[${i}]`, 'after'),
  }));
  list('throttleNext').forEach((r, i) => out.throttleNext.push({
    op: opName(r.op, `throttleNext[${i}]`),
    count: num(r.count ?? 1, `throttleNext[${i}].count`, { integer: true, max: 1e9 }),
  }));
  list('bodyNext').forEach((r, i) => {
    const w = `bodyNext[${i}]`;
    const rule = { op: opName(r.op, w), count: num(r.count ?? 1, `${w}.count`, { integer: true, max: 1e9 }) };
    if (r.from !== undefined) {
      if (typeof r.from !== 'string' || r.from === '') throw new FaultSpecError(`${w}.from must be a non-empty string`);
      if ((r.to === undefined) === (r.toHex === undefined)) throw new FaultSpecError(`${w}: give one of "to" and "toHex" with "from"`);
      if (r.to !== undefined && typeof r.to !== 'string') throw new FaultSpecError(`${w}.to must be a string`);
      if (r.toHex !== undefined && (typeof r.toHex !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(r.toHex))) {
        throw new FaultSpecError(`${w}.toHex must be hex digits`);
      }
      Object.assign(rule, { from: r.from }, r.to !== undefined ? { to: r.to } : { toHex: r.toHex });
    }
    if (r.drop !== undefined) rule.drop = num(r.drop, `${w}.drop`, { integer: true, min: 1, max: 1e12 });
    if (rule.from === undefined && rule.drop === undefined) throw new FaultSpecError(`${w}: give "drop" or "from"`);
    out.bodyNext.push(rule);
  });
  if (spec.maxConcurrentQueries !== undefined) {
    out.maxConcurrentQueries = num(spec.maxConcurrentQueries, 'maxConcurrentQueries', { min: 0, integer: true });
  }
  if (spec.s3BandwidthKiBps !== undefined) {
    out.s3BandwidthKiBps = num(spec.s3BandwidthKiBps, 's3BandwidthKiBps', { min: 1 });
  }
  return out;
}

// Compact form: items separated by ';', each "kind key=value,key=value".
//   latency op=athena:*,fixed=20,perKiB=0.5      throttle op=athena:GetQueryResults,rate=5,burst=5
//   throttle preset=aws                          throttle-next op=athena:StartQueryExecution,count=1
//   concurrency max=2                            error op=athena:*,status=503,rate=0.1
//   fail op=athena:GetQueryExecution,status=503,count=2
//   reset op=s3:GetObject,rate=0.05,when=after   reset-next op=athena:GetQueryResults,count=1
//   s3-bandwidth kibps=512                       seed value=7
//   body op=s3:GetObject,drop=4,count=1          (JSON only: bodyNext with from/to/toHex)
export function parseCompact(text) {
  const spec = {};
  const push = (k, v) => { (spec[k] ??= []).push(v); };
  for (const rawItem of text.split(';')) {
    const item = rawItem.trim();
    if (!item) continue;
    const sp = item.search(/\s/);
    const kind = sp < 0 ? item : item.slice(0, sp);
    const args = {};
    const rest = sp < 0 ? '' : item.slice(sp).trim();
    if (rest) {
      for (const kv of rest.split(',')) {
        const i = kv.indexOf('=');
        if (i < 0) throw new FaultSpecError(`"${item}": expected key=value, got "${kv.trim()}"`);
        args[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
      }
    }
    const allow = (...keys) => {
      for (const k of Object.keys(args)) if (!keys.includes(k)) throw new FaultSpecError(`"${item}": unknown key "${k}"`);
    };
    switch (kind) {
      case 'latency': allow('op', 'fixed', 'perKiB');
        push('latency', { op: args.op, fixedMs: args.fixed ?? 0, perKiBMs: args.perKiB ?? 0 }); break;
      case 'throttle':
        if (args.preset !== undefined) {
          allow('preset');
          if (args.preset !== 'aws') throw new FaultSpecError(`"${item}": the only preset is "aws"`);
          for (const r of AWS_THROTTLE_PRESET) push('throttle', { ...r });
        } else {
          allow('op', 'rate', 'burst');
          push('throttle', { op: args.op, rate: args.rate, burst: args.burst });
        }
        break;
      case 'throttle-next': allow('op', 'count'); push('throttleNext', { op: args.op, count: args.count ?? 1 }); break;
      case 'concurrency': allow('max'); spec.maxConcurrentQueries = args.max; break;
      case 'error': allow('op', 'status', 'rate'); push('errors', { op: args.op, status: args.status, rate: args.rate }); break;
      case 'fail': allow('op', 'status', 'count'); push('failNext', { op: args.op, status: args.status, count: args.count ?? 1 }); break;
      case 'reset': allow('op', 'rate', 'when'); push('resets', { op: args.op, rate: args.rate, when: args.when }); break;
      case 'reset-next': allow('op', 'count', 'when'); push('resetNext', { op: args.op, count: args.count ?? 1, when: args.when }); break;
      case 'body': allow('op', 'drop', 'count'); push('bodyNext', { op: args.op, drop: args.drop, count: args.count ?? 1 }); break;
      case 's3-bandwidth': allow('kibps'); spec.s3BandwidthKiBps = args.kibps; break;
      case 'seed': allow('value'); spec.seed = args.value; break;
      default: throw new FaultSpecError(`unknown fault kind "${kind}"`);
    }
  }
  // Numbers arrive as strings from the compact form; normalizeSpec converts them.
  return normalizeSpec(coerceNumbers(spec));
}

function coerceNumbers(spec) {
  const conv = (v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
  const out = {};
  for (const [k, v] of Object.entries(spec)) {
    if (Array.isArray(v)) out[k] = v.map((r) => Object.fromEntries(Object.entries(r).map(([a, b]) => [a, conv(b)])));
    else out[k] = conv(v);
  }
  return out;
}

export function parseSpec(text) {
  const t = (text ?? '').trim();
  if (t === '') return normalizeSpec({});
  if (t.startsWith('{')) {
    let obj;
    try {
      obj = JSON.parse(t);
    } catch (e) {
      throw new FaultSpecError(`SPEC is not valid JSON: ${e.message}`);
    }
    return normalizeSpec(obj);
  }
  return parseCompact(t);
}

// The latency part of --latency PROFILE: "none", "aws" (typical AWS round trips) or a SPEC
// holding only latency rules.
export const LATENCY_PROFILES = {
  none: [],
  aws: [
    { op: 'athena:*', fixedMs: 60, perKiBMs: 0.02 },
    { op: 's3:*', fixedMs: 25, perKiBMs: 0.008 },
    { op: 'sts:*', fixedMs: 40, perKiBMs: 0 },
  ],
  slow: [
    { op: 'athena:*', fixedMs: 250, perKiBMs: 0.1 },
    { op: 's3:*', fixedMs: 100, perKiBMs: 0.05 },
    { op: 'sts:*', fixedMs: 200, perKiBMs: 0 },
  ],
};

export function parseLatencyProfile(text) {
  const t = (text ?? '').trim();
  if (t in LATENCY_PROFILES) return LATENCY_PROFILES[t].map((r) => ({ ...r }));
  const spec = parseSpec(t);
  return spec.latency;
}

function matches(ruleOp, op) {
  if (ruleOp === '*' || ruleOp === op) return true;
  if (ruleOp.endsWith(':*')) return op.startsWith(ruleOp.slice(0, -1));
  return false;
}

// mulberry32: small, fast, deterministic.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  constructor(spec = normalizeSpec({}), { now = () => Date.now() } = {}) {
    this.now = now;
    this.baseLatency = [];
    this.set(spec);
  }

  set(spec) {
    this.spec = spec;
    this.random = prng(spec.seed);
    this.buckets = spec.throttle.map((r) => ({ tokens: r.burst, last: this.now() }));
  }

  setBaseLatency(rules) {
    this.baseLatency = rules;
  }

  get maxConcurrentQueries() {
    return this.spec.maxConcurrentQueries;
  }

  get s3BandwidthKiBps() {
    return this.spec.s3BandwidthKiBps;
  }

  snapshot() {
    return { ...this.spec, baseLatency: this.baseLatency };
  }

  // What to do with one call of `op`. Returns { fail: status } | { throttle: true } |
  // { reset: 'before'|'after'|'body' } | null. Deterministic rules come first.
  decide(op) {
    const s = this.spec;
    for (const r of s.failNext) {
      if (r.count > 0 && matches(r.op, op)) { r.count--; return { fail: r.status }; }
    }
    for (const r of s.throttleNext) {
      if (r.count > 0 && matches(r.op, op)) { r.count--; return { throttle: true }; }
    }
    for (const r of s.resetNext) {
      if (r.count > 0 && matches(r.op, op)) { r.count--; return { reset: r.when }; }
    }
    for (let i = 0; i < s.throttle.length; i++) {
      const r = s.throttle[i];
      if (!matches(r.op, op)) continue;
      const b = this.buckets[i];
      const t = this.now();
      b.tokens = Math.min(r.burst, b.tokens + ((t - b.last) / 1000) * r.rate);
      b.last = t;
      if (b.tokens < 1) return { throttle: true };
      b.tokens -= 1;
      break;
    }
    for (const r of s.errors) {
      if (matches(r.op, op) && this.random() < r.rate) return { fail: r.status };
    }
    for (const r of s.resets) {
      if (matches(r.op, op) && this.random() < r.rate) return { reset: r.when };
    }
    return null;
  }

  // The next successful answer of `op` goes out altered: the rule of bodyNext that
  // matches, or null.
  takeBody(op) {
    for (const r of this.spec.bodyNext) {
      if (r.count > 0 && matches(r.op, op)) { r.count--; return r; }
    }
    return null;
  }

  latencyMs(op, bytes) {
    const rule = this.spec.latency.find((r) => matches(r.op, op)) ?? this.baseLatency.find((r) => matches(r.op, op));
    if (!rule) return 0;
    return rule.fixedMs + (rule.perKiBMs * bytes) / 1024;
  }
}

// A body altered by a bodyNext rule: its first occurrence of `from` replaced (by `to`, or
// the bytes of `toHex`), then its last `drop` bytes cut off.
export function alterBody(rule, body) {
  let out = body;
  if (rule.from !== undefined) {
    const at = out.indexOf(Buffer.from(rule.from));
    if (at >= 0) {
      const to = rule.to !== undefined ? Buffer.from(rule.to) : Buffer.from(rule.toHex, 'hex');
      out = Buffer.concat([out.subarray(0, at), to, out.subarray(at + Buffer.byteLength(rule.from))]);
    }
  }
  if (rule.drop !== undefined) out = out.subarray(0, Math.max(0, out.length - rule.drop));
  return out;
}

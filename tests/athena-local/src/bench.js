// Throughput of the service itself: GetQueryResults pages per second and S3 MB/s for the
// result of SELECT * FROM sampledb.numbers. Run with `npm run bench`; `npm run bench --
// --memory [N]` also runs N (default 100) 1,000,000-row queries and a 10,000,000-row one and
// prints the service's RSS. The client here is a
// minimal keep-alive HTTP client that signs every request with the SDK's signer, so the
// numbers measure the server plus signing, not an SDK's response parsing.
import http from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Hash } from '@smithy/hash-node';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { EXAMPLE_ACCESS_KEY_ID, EXAMPLE_SECRET_ACCESS_KEY } from './credentials.js';

const SQL = process.env.BENCH_SQL ?? 'SELECT * FROM sampledb.numbers';
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const credentials = { accessKeyId: EXAMPLE_ACCESS_KEY_ID, secretAccessKey: EXAMPLE_SECRET_ACCESS_KEY };
const signers = {
  athena: new SignatureV4({ credentials, region: 'us-east-1', service: 'athena', sha256: Hash.bind(null, 'sha256'), applyChecksum: false }),
  s3: new SignatureV4({ credentials, region: 'us-east-1', service: 's3', sha256: Hash.bind(null, 'sha256'), uriEscapePath: false }),
};

async function send(base, service, { method, path, headers, body = '' }, sink) {
  const u = new URL(base);
  const req = new HttpRequest({ method, protocol: 'http:', hostname: u.hostname, port: Number(u.port), path, headers: { host: u.host, ...headers }, body });
  const signed = await signers[service].sign(req);
  return new Promise((resolve, reject) => {
    const r = http.request({ host: u.hostname, port: u.port, method, path, headers: signed.headers, agent }, (res) => {
      const chunks = [];
      let n = 0;
      res.on('data', (c) => { n += c.length; if (!sink) chunks.push(c); });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes: n, body: sink ? undefined : Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(body);
  });
}

async function athena(base, op, input) {
  const r = await send(base, 'athena', {
    method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonAthena.${op}` },
    body: JSON.stringify(input),
  });
  const json = JSON.parse(r.body.toString('utf8'));
  if (r.status !== 200) throw new Error(`${op}: ${JSON.stringify(json)}`);
  return { json, bytes: r.bytes };
}

async function pageAll(base, id) {
  let token;
  let pages = 0;
  let rows = 0;
  let bytes = 0;
  const t = process.hrtime.bigint();
  do {
    const input = { QueryExecutionId: id, MaxResults: 1000 };
    if (token) input.NextToken = token;
    // Like the driver's page decoder, do not build a DOM: count rows and take the token
    // from the end of the page.
    const r = await send(base, 'athena', {
      method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonAthena.GetQueryResults' },
      body: JSON.stringify(input),
    });
    if (r.status !== 200) throw new Error(`GetQueryResults: ${r.body}`);
    pages++;
    for (let i = r.body.indexOf('{"Data":'); i >= 0; i = r.body.indexOf('{"Data":', i + 8)) rows++;
    bytes += r.bytes;
    token = /"NextToken":"([^"]+)"\}$/.exec(r.body.subarray(Math.max(0, r.body.length - 1100)).toString('latin1'))?.[1];
  } while (token);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  return { pages, rows, bytes, seconds: s };
}

async function s3Get(base, key, ranges) {
  const t = process.hrtime.bigint();
  let bytes = 0;
  if (!ranges) {
    bytes = (await send(base, 's3', { method: 'GET', path: `/athena-local-results/${key}`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, true)).bytes;
  } else {
    const parts = await Promise.all(ranges.map(([a, b]) => send(base, 's3', {
      method: 'GET', path: `/athena-local-results/${key}`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', range: `bytes=${a}-${b}` },
    }, true)));
    bytes = parts.reduce((n, p) => n + p.bytes, 0);
  }
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  return { bytes, seconds: s };
}

// The service runs as its own process (the launcher), as the driver's tests run it, so the
// client here does not share its event loop.
function launch() {
  const launcher = fileURLToPath(new URL('../athena-local', import.meta.url));
  const env = { ...process.env };
  if (process.env.ATHENA_LOCAL_TEST_ENGINE === 'fake') env.ATHENA_LOCAL_ENGINE_MODULE = fileURLToPath(new URL('../test/fake-engine.js', import.meta.url));
  const child = spawn(launcher, ['--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('athena-local did not start in 120 s')); }, 120000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (\S+)\n/.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1] }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`athena-local exited with ${code}`)); });
  });
}

// The service's resident memory (now and peak), from /proc (Linux).
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) };
}

async function runQuery(base, sql) {
  const t = Date.now();
  const { json: { QueryExecutionId: id } } = await athena(base, 'StartQueryExecution', { QueryString: sql, WorkGroup: 'local' });
  for (;;) {
    const { json } = await athena(base, 'GetQueryExecution', { QueryExecutionId: id });
    const state = json.QueryExecution.Status.State;
    if (state === 'SUCCEEDED') return { id, ms: Date.now() - t };
    if (!['QUEUED', 'RUNNING'].includes(state)) throw new Error(`query ended ${state}: ${json.QueryExecution.Status.StateChangeReason}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// --memory: many 1,000,000-row results (two pages read from each), then one of 10,000,000 rows
// paged to the end; the service's RSS after each step.
async function memory(base, pid, queries) {
  const out = { queriesOf1MRows: queries, rssAfterFirstMB: 0, rssAfterEach10MB: [] };
  for (let i = 1; i <= queries; i++) {
    const { id } = await runQuery(base, `SELECT n, n_text, half, ${i} AS run FROM sampledb.numbers`);
    const first = await athena(base, 'GetQueryResults', { QueryExecutionId: id, MaxResults: 1000 });
    await athena(base, 'GetQueryResults', { QueryExecutionId: id, MaxResults: 1000, NextToken: first.json.NextToken });
    if (i === 1) out.rssAfterFirstMB = memoryOf(pid).rssMB;
    if (i % 10 === 0) out.rssAfterEach10MB.push(memoryOf(pid).rssMB);
  }
  const big = await runQuery(base, 'SELECT a.n * 10 + b.k AS n, a.n_text, a.half FROM sampledb.numbers a CROSS JOIN (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) AS b(k)');
  out.tenMillionRows = { queryToSucceededMs: big.ms, rssAfterQueryMB: memoryOf(pid).rssMB };
  const paged = await pageAll(base, big.id);
  out.tenMillionRows.pages = paged.pages;
  out.tenMillionRows.rows = paged.rows;
  out.tenMillionRows.pagesPerSecond = +(paged.pages / paged.seconds).toFixed(0);
  out.tenMillionRows.rssAfterPagingMB = memoryOf(pid).rssMB;
  out.peakRssMB = memoryOf(pid).peakMB;
  return out;
}

async function main() {
  const t0 = Date.now();
  const { child, url } = await launch();
  const svc = { url };
  const startup = Date.now() - t0;
  try {
    const t1 = Date.now();
    const { json: { QueryExecutionId: id } } = await athena(svc.url, 'StartQueryExecution', { QueryString: SQL, WorkGroup: 'local' });
    let state;
    for (let i = 0; i < 6000; i++) {
      const { json } = await athena(svc.url, 'GetQueryExecution', { QueryExecutionId: id });
      state = json.QueryExecution.Status.State;
      if (!['QUEUED', 'RUNNING'].includes(state)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    if (state !== 'SUCCEEDED') throw new Error(`query ended ${state}`);
    const queryMs = Date.now() - t1;
    const cold = await pageAll(svc.url, id);
    const warm = await pageAll(svc.url, id);
    const tp = process.hrtime.bigint();
    const four = await Promise.all([0, 1, 2, 3].map(() => pageAll(svc.url, id)));
    const fourSeconds = Number(process.hrtime.bigint() - tp) / 1e9;
    const fourPages = four.reduce((n, r) => n + r.pages, 0);
    const key = `local/${id}.csv`;
    const head = await send(svc.url, 's3', { method: 'HEAD', path: `/athena-local-results/${key}`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    if (head.status !== 200) throw new Error(`HeadObject: ${head.status}`);
    const size = Number(head.headers['content-length']);
    const block = Math.ceil(size / 4);
    const best = (a, b) => (!a || b.bytes / b.seconds > a.bytes / a.seconds ? b : a);
    let whole;
    let ranged;
    for (let i = 0; i < 3; i++) {
      whole = best(whole, await s3Get(svc.url, key));
      ranged = best(ranged, await s3Get(svc.url, key, [0, 1, 2, 3].map((j) => [j * block, Math.min(size, (j + 1) * block) - 1])));
    }
    const mb = (b) => b / 1e6;
    const out = {
      query: SQL,
      startupMs: startup, // launcher start to listening line (engine data generation included)
      queryToSucceededMs: queryMs,
      getQueryResults: {
        pages: cold.pages,
        rows: cold.rows,
        responseMB: +mb(cold.bytes).toFixed(1),
        firstPassPagesPerSecond: +(cold.pages / cold.seconds).toFixed(0),
        secondPassPagesPerSecond: +(warm.pages / warm.seconds).toFixed(0),
        secondPassMBps: +(mb(warm.bytes) / warm.seconds).toFixed(1),
        fourConcurrentPagersPagesPerSecond: +(fourPages / fourSeconds).toFixed(0),
      },
      s3: {
        objectMB: +mb(size).toFixed(1),
        note: 'best of 3',
        oneGetMBps: +(mb(whole.bytes) / whole.seconds).toFixed(0),
        fourRangedGetsMBps: +(mb(ranged.bytes) / ranged.seconds).toFixed(0),
      },
    };
    const mi = process.argv.indexOf('--memory');
    if (mi >= 0) out.memory = await memory(svc.url, child.pid, Number(process.argv[mi + 1] ?? 100) || 100);
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});

// Shared test helpers: start the service in-process on port 0, build SDK clients for it,
// send hand-signed requests, and read the admin endpoints.
import http from 'node:http';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Hash } from '@smithy/hash-node';
import { AthenaClient, GetQueryExecutionCommand } from '@aws-sdk/client-athena';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { startAthenaLocal } from '../src/app.js';

export const CREDS = Object.freeze({
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
});
export const REGION = 'us-east-1';

// ATHENA_LOCAL_TEST_ENGINE=fake runs the server tests against test/fake-engine.js (a
// development stand-in); by default they run against the real engine in src/engine.
export async function startService(opts = {}) {
  if (process.env.ATHENA_LOCAL_TEST_ENGINE === 'fake') {
    const fake = await import('./fake-engine.js');
    return startAthenaLocal({ engine: await fake.createEngine(), render: fake, ...opts });
  }
  return startAthenaLocal(opts);
}

// Registers the file's before/after hooks: one service (startService(opts); opts may be a
// function called in the hook) with an Athena and an S3 client that do not retry, handed to
// ready({ svc, athena, s3 }) once started; all closed after the file's tests.
export function serviceHooks(opts = {}, ready = () => {}) {
  const made = {};
  before(async () => {
    made.svc = await startService(typeof opts === 'function' ? opts() : opts);
    made.athena = athenaClient(made.svc, { maxAttempts: 1 });
    made.s3 = s3Client(made.svc, { maxAttempts: 1 });
    await ready(made);
  });
  after(async () => {
    made.athena?.destroy();
    made.s3?.destroy();
    await made.svc?.close();
  });
  return made;
}

const common = (svc, extra) => ({ endpoint: svc.url, region: REGION, credentials: { ...CREDS }, ...extra });

export function athenaClient(svc, extra = {}) {
  return new AthenaClient(common(svc, extra));
}

export function s3Client(svc, extra = {}) {
  return new S3Client(common(svc, { forcePathStyle: true, ...extra }));
}

export function stsClient(svc, extra = {}) {
  return new STSClient(common(svc, extra));
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

// Poll until the query is in a terminal state (bounded).
export async function waitForQuery(client, id, { timeoutMs = 20000, intervalMs = 10 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { QueryExecution } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    if (TERMINAL.has(QueryExecution.Status.State)) return QueryExecution;
    if (Date.now() > deadline) throw new Error(`query ${id} still ${QueryExecution.Status.State} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// Plain HTTP to the service; returns { status, headers, body (Buffer) }.
export function rawRequest(svc, { method = 'GET', path = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(svc.url);
    const req = http.request({ host: u.hostname, port: u.port, method, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(30000, () => req.destroy(new Error('timeout')));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// Sign a request with the SDK's signer and send it; `mutate(signedRequest)` may tamper
// with the request after signing.
export async function signedRequest(svc, {
  service, method = 'POST', path = '/', query = {}, headers = {}, body = '', credentials = CREDS,
  signingDate = new Date(), mutate, applyChecksum = false,
} = {}) {
  const u = new URL(svc.url);
  const request = new HttpRequest({
    method, protocol: 'http:', hostname: u.hostname, port: Number(u.port), path, query,
    headers: { host: `${u.hostname}:${u.port}`, ...headers },
    body,
  });
  const signer = new SignatureV4({
    credentials, region: REGION, service, sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: service !== 's3', applyChecksum,
  });
  const signed = await signer.sign(request, { signingDate });
  if (mutate) mutate(signed);
  const qs = new URLSearchParams(signed.query).toString().replace(/\+/g, '%20');
  return rawRequest(svc, { method, path: signed.path + (qs ? `?${qs}` : ''), headers: signed.headers, body: signed.body });
}

export async function athenaCall(svc, op, input, opts = {}) {
  const res = await signedRequest(svc, {
    service: 'athena',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AmazonAthena.${op}` },
    body: JSON.stringify(input),
    ...opts,
  });
  return { ...res, json: res.body.length ? JSON.parse(res.body.toString('utf8')) : undefined };
}

export async function getStats(svc) {
  const r = await rawRequest(svc, { path: '/_athena_local/stats' });
  return JSON.parse(r.body.toString('utf8'));
}

export async function setFaults(svc, spec) {
  const r = await rawRequest(svc, {
    method: 'POST', path: '/_athena_local/faults',
    headers: { 'content-type': typeof spec === 'string' ? 'text/plain' : 'application/json' },
    body: typeof spec === 'string' ? spec : JSON.stringify(spec),
  });
  return { status: r.status, json: JSON.parse(r.body.toString('utf8')) };
}

export async function clearFaults(svc) {
  await rawRequest(svc, { method: 'DELETE', path: '/_athena_local/faults' });
}

// Athena's result CSV: every non-NULL field quoted, NULL an empty unquoted field.
export function parseAthenaCsv(text) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0) throw new Error('unterminated quote');
        v += text.slice(j, k);
        if (text[k + 1] === '"') { v += '"'; j = k + 2; continue; }
        i = k + 1;
        break;
      }
      row.push(v);
    } else {
      row.push(null);
    }
    if (text[i] === ',') { i++; continue; }
    if (text[i] === '\n') { rows.push(row); row = []; i++; continue; }
    if (i >= text.length) break;
    throw new Error(`unexpected character at ${i}`);
  }
  return rows;
}

export function data(row) {
  return row.Data.map((d) => (d.VarCharValue === undefined ? null : d.VarCharValue));
}

// The SDK call fails with error `name` and, when given, exactly `message` (a RegExp: matching it).
export async function rejectsWith(promise, name, message) {
  const e = await sdkError(promise);
  assert.equal(e.name, name, `expected ${name}, got ${e.name}: ${e.message}`);
  if (message instanceof RegExp) assert.match(e.message, message);
  else if (message !== undefined) assert.equal(e.message, message);
}

// The error an SDK call fails with (the test fails if the call succeeds).
export async function sdkError(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

// Fault injection and latency, through the admin endpoint, against the AWS SDK's retry logic.
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  StartQueryExecutionCommand, GetQueryExecutionCommand, GetWorkGroupCommand, StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  athenaClient, s3Client, stsClient, setFaults, clearFaults, getStats, rawRequest, signedRequest, waitForQuery, sdkError, serviceHooks,
} from './helpers.js';
import { parseSpec, FaultSpecError, AWS_THROTTLE_PRESET } from '../src/faults.js';
import { isLoopback } from '../src/util.js';

const OUT = { OutputLocation: 's3://athena-local-results/faults/' };
let svc;

serviceHooks({}, (m) => { ({ svc } = m); });

beforeEach(async () => {
  await clearFaults(svc);
});

describe('SPEC', () => {
  it('the compact form and JSON describe the same faults', () => {
    const compact = parseSpec('latency op=athena:*,fixed=20,perKiB=0.5; throttle op=athena:GetQueryResults,rate=5,burst=10; '
      + 'concurrency max=2; error op=s3:GetObject,status=500,rate=0.25; fail op=athena:GetQueryExecution,status=503,count=2; '
      + 'reset op=s3:*,rate=0.1,when=before; reset-next op=athena:StartQueryExecution,count=1; throttle-next op=sts:*,count=3; '
      + 's3-bandwidth kibps=512; seed value=9');
    const json = parseSpec(JSON.stringify({
      seed: 9,
      latency: [{ op: 'athena:*', fixedMs: 20, perKiBMs: 0.5 }],
      throttle: [{ op: 'athena:GetQueryResults', rate: 5, burst: 10 }],
      maxConcurrentQueries: 2,
      errors: [{ op: 's3:GetObject', status: 500, rate: 0.25 }],
      failNext: [{ op: 'athena:GetQueryExecution', status: 503, count: 2 }],
      resets: [{ op: 's3:*', rate: 0.1, when: 'before' }],
      resetNext: [{ op: 'athena:StartQueryExecution', count: 1 }],
      throttleNext: [{ op: 'sts:*', count: 3 }],
      s3BandwidthKiBps: 512,
    }));
    assert.deepEqual(compact, json);
    assert.equal(json.resetNext[0].when, 'after');
    assert.deepEqual(parseSpec('throttle preset=aws').throttle, AWS_THROTTLE_PRESET);
    assert.deepEqual(parseSpec('{"throttle":"aws"}').throttle, AWS_THROTTLE_PRESET);
  });

  it('bad SPECs are refused with a reason', async () => {
    for (const bad of ['bogus op=x', 'fail op=athena,count=1', 'error op=athena:*,status=200,rate=1', '{"latency":{}}', '{"nope":1}', 'fail op=s3:*,count=-1', '{bad json']) {
      assert.throws(() => parseSpec(bad), FaultSpecError, bad);
    }
    const r = await setFaults(svc, 'fail op=athena:*,status=404');
    assert.equal(r.status, 400);
    assert.match(r.json.error, /status/);
  });

  it('the admin endpoint shows and clears the active SPEC', async () => {
    await setFaults(svc, 'fail op=athena:GetWorkGroup,count=3');
    const shown = JSON.parse((await rawRequest(svc, { path: '/_athena_local/faults' })).body);
    assert.deepEqual(shown.failNext, [{ op: 'athena:GetWorkGroup', status: 503, count: 3 }]);
    await clearFaults(svc);
    const cleared = JSON.parse((await rawRequest(svc, { path: '/_athena_local/faults' })).body);
    assert.deepEqual(cleared.failNext, []);
  });

  it('admin endpoints answer loopback clients only', () => {
    assert.equal(isLoopback('127.0.0.1'), true);
    assert.equal(isLoopback('::1'), true);
    assert.equal(isLoopback('::ffff:127.0.0.1'), true);
    assert.equal(isLoopback('10.0.0.1'), false);
    assert.equal(isLoopback('::ffff:192.168.1.1'), false);
  });
});

describe('deterministic faults', () => {
  it('fail the next N calls with 503: the SDK retries through them', async () => {
    await setFaults(svc, { failNext: [{ op: 'athena:GetWorkGroup', status: 503, count: 2 }] });
    const before = await getStats(svc);
    const c = athenaClient(svc, { maxAttempts: 3 });
    const r = await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
    assert.equal(r.WorkGroup.Name, 'primary');
    assert.equal(r.$metadata.attempts, 3);
    c.destroy();
    const after = await getStats(svc);
    assert.equal(after.calls['athena:GetWorkGroup'] - (before.calls['athena:GetWorkGroup'] ?? 0), 3);
    assert.equal(after.faults['athena:GetWorkGroup'].http503, 2);
  });

  it('a 503 or 500 reaches a client that does not retry', async () => {
    await setFaults(svc, 'fail op=athena:GetWorkGroup,status=503,count=1; fail op=athena:GetWorkGroup,status=500,count=1');
    const c = athenaClient(svc, { maxAttempts: 1 });
    const e1 = await sdkError(c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })));
    assert.equal(e1.$metadata.httpStatusCode, 503);
    const e2 = await sdkError(c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })));
    assert.equal(e2.$metadata.httpStatusCode, 500);
    assert.equal(e2.name, 'InternalServerException');
    assert.equal((await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }))).WorkGroup.Name, 'primary');
    c.destroy();
  });

  it('a connection reset after StartQueryExecution ran: the retry gets the same id, the query runs once', async () => {
    await setFaults(svc, 'reset-next op=athena:StartQueryExecution,count=1,when=after');
    const c = athenaClient(svc, { maxAttempts: 3 });
    const token = `retry-${'r'.repeat(30)}-${Date.now()}`;
    const r = await c.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ClientRequestToken: token, ResultConfiguration: OUT }));
    assert.equal(r.$metadata.attempts, 2);
    const q = await waitForQuery(c, r.QueryExecutionId);
    assert.equal(q.Status.State, 'SUCCEEDED');
    c.destroy();
    const stats = await getStats(svc);
    assert.equal(stats.executions.byClientRequestToken[token], 1);
    assert.equal(stats.faults['athena:StartQueryExecution'].reset, 1);
  });

  it('a reset before the request is processed surfaces as ECONNRESET', async () => {
    await setFaults(svc, 'reset-next op=athena:GetWorkGroup,count=1,when=before');
    const c = athenaClient(svc, { maxAttempts: 1 });
    const e = await sdkError(c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })));
    assert.equal(e.code ?? e.name, 'ECONNRESET');
    assert.equal((await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }))).WorkGroup.Name, 'primary');
    c.destroy();
  });

  it('throttle the next call: ThrottlingException, which the SDK retries', async () => {
    await setFaults(svc, 'throttle-next op=athena:GetQueryExecution,count=1');
    const c = athenaClient(svc, { maxAttempts: 1 });
    const { QueryExecutionId } = await c.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: OUT }));
    const e = await sdkError(c.send(new GetQueryExecutionCommand({ QueryExecutionId })));
    assert.equal(e.name, 'ThrottlingException');
    assert.equal(e.message, 'Rate exceeded');
    assert.equal(e.$metadata.httpStatusCode, 400);
    await setFaults(svc, 'throttle-next op=athena:GetQueryExecution,count=1');
    const retrying = athenaClient(svc, { maxAttempts: 2 });
    const ok = await retrying.send(new GetQueryExecutionCommand({ QueryExecutionId }));
    assert.equal(ok.$metadata.attempts, 2);
    c.destroy();
    retrying.destroy();
  });

  it('S3 and STS faults use their own error formats', async () => {
    await setFaults(svc, 'fail op=s3:GetObject,status=503,count=1; throttle-next op=sts:GetCallerIdentity,count=1; throttle-next op=s3:PutObject,count=1');
    const s3 = s3Client(svc, { maxAttempts: 1 });
    const e1 = await sdkError(s3.send(new PutObjectCommand({ Bucket: 'athena-local-results', Key: 'f', Body: 'x' })));
    assert.equal(e1.name, 'SlowDown');
    await s3.send(new PutObjectCommand({ Bucket: 'athena-local-results', Key: 'f', Body: 'x' }));
    const e2 = await sdkError(s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: 'f' })));
    assert.equal(e2.$metadata.httpStatusCode, 503);
    assert.equal(e2.name, 'ServiceUnavailable');
    const sts = stsClient(svc, { maxAttempts: 1 });
    const e3 = await sdkError(sts.send(new GetCallerIdentityCommand({})));
    assert.equal(e3.name, 'Throttling');
    s3.destroy();
    sts.destroy();
  });

  it('a reset mid-body: the headers and the first half of the body, then the connection closes', async () => {
    const s3 = s3Client(svc, { maxAttempts: 1 });
    await s3.send(new PutObjectCommand({ Bucket: 'athena-local-results', Key: 'm', Body: '0123456789' }));
    await setFaults(svc, 'reset-next op=s3:GetObject,count=1,when=body');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: 'm', Range: 'bytes=2-9' }));
    assert.equal(got.$metadata.httpStatusCode, 206);
    assert.equal(got.ContentLength, 8);
    const e = await sdkError(got.Body.transformToString());
    assert.ok(e, 'the body ends early');
    const again = await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: 'm', Range: 'bytes=6-9' }));
    assert.equal(await again.Body.transformToString(), '6789');
    assert.equal((await getStats(svc)).faults['s3:GetObject'].reset, 1);
    assert.throws(() => parseSpec('reset-next op=s3:GetObject,when=later'), FaultSpecError);
    s3.destroy();
  });

  it('altered bodies: the next answer cut short or with a string replaced, once', async () => {
    await setFaults(svc, '{"bodyNext": [{"op": "s3:PutObject", "from": "x", "to": "y"}, '
      + '{"op": "s3:GetObject", "drop": 3}, {"op": "athena:GetWorkGroup", "from": "primary", "toHex": "ff"}]}');
    const s3 = s3Client(svc, { maxAttempts: 1 });
    await s3.send(new PutObjectCommand({ Bucket: 'athena-local-results', Key: 'g', Body: 'hello world' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: 'g' }));
    assert.equal(await got.Body.transformToString(), 'hello wo');
    const again = await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: 'g' }));
    assert.equal(await again.Body.transformToString(), 'hello world');
    const raw = await signedRequest(svc, {
      service: 'athena',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonAthena.GetWorkGroup' },
      body: JSON.stringify({ WorkGroup: 'primary' }),
    });
    assert.ok(raw.body.includes(Buffer.from('"Name":"\xff"', 'latin1')), raw.body.toString('latin1'));
    assert.equal((await getStats(svc)).faults['s3:GetObject'].body, 1);
    assert.throws(() => parseSpec('{"bodyNext": [{"op": "s3:GetObject"}]}'), FaultSpecError);
    assert.throws(() => parseSpec('{"bodyNext": [{"op": "s3:GetObject", "from": "a", "toHex": "zz"}]}'), FaultSpecError);
    s3.destroy();
  });
});

describe('rates and limits', () => {
  it('ThrottlingException above a call rate (token bucket)', async () => {
    await setFaults(svc, 'throttle op=athena:GetWorkGroup,rate=0.01,burst=3');
    const c = athenaClient(svc, { maxAttempts: 1 });
    const outcomes = [];
    for (let i = 0; i < 5; i++) {
      try {
        await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
        outcomes.push('ok');
      } catch (e) {
        outcomes.push(e.name);
      }
    }
    assert.deepEqual(outcomes, ['ok', 'ok', 'ok', 'ThrottlingException', 'ThrottlingException']);
    c.destroy();
  });

  it('random errors follow the seed: the same SPEC gives the same sequence', async () => {
    const spec = 'error op=athena:GetWorkGroup,status=500,rate=0.5; seed value=42';
    const c = athenaClient(svc, { maxAttempts: 1 });
    const sequence = async () => {
      await setFaults(svc, spec);
      const out = [];
      for (let i = 0; i < 16; i++) {
        out.push(await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })).then(() => 1, () => 0));
      }
      return out.join('');
    };
    const a = await sequence();
    const b = await sequence();
    assert.equal(a, b);
    assert.ok(a.includes('0') && a.includes('1'), a);
    c.destroy();
  });

  it('TooManyRequestsException above N concurrent queries', async () => {
    await setFaults(svc, 'concurrency max=1');
    const c = athenaClient(svc, { maxAttempts: 1 });
    const { QueryExecutionId } = await c.send(new StartQueryExecutionCommand({ QueryString: '/* athena-local:sleep=20 */ SELECT 1', ResultConfiguration: OUT }));
    const e = await sdkError(c.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: OUT })));
    assert.equal(e.name, 'TooManyRequestsException');
    assert.equal(e.Reason, 'CONCURRENT_QUERY_LIMIT_EXCEEDED');
    await c.send(new StopQueryExecutionCommand({ QueryExecutionId }));
    const ok = await c.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: OUT }));
    assert.equal((await waitForQuery(c, ok.QueryExecutionId)).Status.State, 'SUCCEEDED');
    c.destroy();
  });

  it('per-operation latency: fixed plus per KiB', async () => {
    await setFaults(svc, 'latency op=athena:GetWorkGroup,fixed=250');
    const c = athenaClient(svc, { maxAttempts: 1 });
    const { QueryExecutionId } = await c.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: OUT }));
    let t = Date.now();
    await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
    const slowMs = Date.now() - t;
    assert.ok(slowMs >= 240, `slow call took ${slowMs} ms`);
    t = Date.now();
    await c.send(new GetQueryExecutionCommand({ QueryExecutionId }));
    const fastMs = Date.now() - t;
    assert.ok(fastMs < slowMs - 100, `unaffected call took ${fastMs} ms, slowed one ${slowMs} ms`);
    await setFaults(svc, 'latency op=s3:GetObject,fixed=0,perKiB=2');
    const s3 = s3Client(svc, { maxAttempts: 1 });
    await s3.send(new PutObjectCommand({ Bucket: 'athena-local-results', Key: 'lat', Body: Buffer.alloc(200 * 1024) }));
    t = Date.now();
    await (await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: 'lat' }))).Body.transformToByteArray();
    assert.ok(Date.now() - t >= 390, `200 KiB at 2 ms/KiB took ${Date.now() - t} ms`);
    c.destroy();
    s3.destroy();
  });

  it('limited S3 bandwidth', async () => {
    const s3 = s3Client(svc, { maxAttempts: 1 });
    const body = Buffer.alloc(256 * 1024, 7);
    await s3.send(new PutObjectCommand({ Bucket: 'athena-local-results', Key: 'bw', Body: body }));
    let t = Date.now();
    await (await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: 'bw' }))).Body.transformToByteArray();
    const fast = Date.now() - t;
    await setFaults(svc, 's3-bandwidth kibps=512');
    t = Date.now();
    const got = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: 'bw' }))).Body.transformToByteArray());
    const slow = Date.now() - t;
    assert.deepEqual(got, body);
    assert.ok(slow >= 450 && slow < 5000, `256 KiB at 512 KiB/s took ${slow} ms (unlimited: ${fast} ms)`);
    assert.ok(slow > fast);
    s3.destroy();
  });
});

// S3: the operations the driver and tests use, and the result files each query writes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand, DeleteObjectCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
import { StartQueryExecutionCommand, GetQueryResultsCommand } from '@aws-sdk/client-athena';
import { waitForQuery, signedRequest, sdkError, serviceHooks } from './helpers.js';

let svc;
let s3;
let athena;
const BUCKET = 'test-bucket';

async function bytes(r) {
  return Buffer.from(await r.Body.transformToByteArray());
}

serviceHooks({}, async (m) => {
  ({ svc, s3, athena } = m);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

describe('objects', () => {
  const body = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

  it('PutObject, HeadObject and GetObject round-trip bytes, ETag and Content-Type', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a/b.bin', Body: body, ContentType: 'application/x-test' }));
    const md5 = `"${createHash('md5').update(body).digest('hex')}"`;
    assert.equal(put.ETag, md5);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a/b.bin' }));
    assert.equal(head.ContentLength, 1000);
    assert.equal(head.ETag, md5);
    assert.equal(head.ContentType, 'application/x-test');
    assert.ok(head.LastModified instanceof Date);
    const get = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'a/b.bin' }));
    assert.deepEqual(await bytes(get), body);
  });

  it('ranged GETs answer 206 with Content-Range', async () => {
    const r = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'a/b.bin', Range: 'bytes=10-19' }));
    assert.equal(r.$metadata.httpStatusCode, 206);
    assert.equal(r.ContentRange, 'bytes 10-19/1000');
    assert.equal(r.ContentLength, 10);
    assert.deepEqual(await bytes(r), body.subarray(10, 20));
    const tail = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'a/b.bin', Range: 'bytes=-5' }));
    assert.equal(tail.ContentRange, 'bytes 995-999/1000');
    assert.deepEqual(await bytes(tail), body.subarray(995));
    const open = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'a/b.bin', Range: 'bytes=990-5000' }));
    assert.equal(open.ContentRange, 'bytes 990-999/1000');
    assert.deepEqual(await bytes(open), body.subarray(990));
    const e = await sdkError(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'a/b.bin', Range: 'bytes=1000-1001' })));
    assert.equal(e.name, 'InvalidRange');
    assert.equal(e.$metadata.httpStatusCode, 416);
  });

  it('NoSuchKey, NoSuchBucket, and HEAD of a missing key is 404', async () => {
    const e1 = await sdkError(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'missing' })));
    assert.equal(e1.name, 'NoSuchKey');
    assert.equal(e1.$metadata.httpStatusCode, 404);
    const e2 = await sdkError(s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'x' })));
    assert.equal(e2.name, 'NoSuchBucket');
    const e3 = await sdkError(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'missing' })));
    assert.equal(e3.$metadata.httpStatusCode, 404);
    assert.equal(e3.name, 'NotFound');
  });

  it('a wrong ExpectedBucketOwner is AccessDenied', async () => {
    const e = await sdkError(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'a/b.bin', ExpectedBucketOwner: '210987654321' })));
    assert.equal(e.name, 'AccessDenied');
    const ok = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a/b.bin', ExpectedBucketOwner: '123456789012' }));
    assert.equal(ok.ContentLength, 1000);
  });

  it('DeleteObject removes; deleting again still succeeds', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'gone', Body: 'x' }));
    assert.equal((await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone' }))).$metadata.httpStatusCode, 204);
    assert.equal((await sdkError(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'gone' })))).name, 'NoSuchKey');
    assert.equal((await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone' }))).$metadata.httpStatusCode, 204);
  });

  it('a streamed PutObject (aws-chunked, STREAMING-UNSIGNED-PAYLOAD-TRAILER) stores the decoded bytes', async () => {
    const parts = [Buffer.alloc(70000, 1), Buffer.from('tail\r\n0\r\n')];
    const all = Buffer.concat(parts);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'streamed', Body: Readable.from(parts), ContentLength: all.length }));
    assert.deepEqual(await bytes(await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'streamed' }))), all);
  });

  it('an empty object is served with length 0', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'empty', Body: '' }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'empty' }));
    assert.equal(head.ContentLength, 0);
    assert.equal((await bytes(await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'empty' })))).length, 0);
  });
});

describe('buckets and listing', () => {
  it('CreateBucket of an existing bucket is BucketAlreadyOwnedByYou; bad names are refused', async () => {
    assert.equal((await sdkError(s3.send(new CreateBucketCommand({ Bucket: BUCKET })))).name, 'BucketAlreadyOwnedByYou');
    assert.equal((await sdkError(s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })))).name, 'InvalidBucketName');
  });

  it('ListObjectsV2 with prefix, delimiter and continuation', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'list-bucket' }));
    for (const k of ['p/1', 'p/2', 'p/3', 'p/sub/a', 'p/sub/b', 'q/1']) {
      await s3.send(new PutObjectCommand({ Bucket: 'list-bucket', Key: k, Body: k }));
    }
    const all = await s3.send(new ListObjectsV2Command({ Bucket: 'list-bucket' }));
    assert.deepEqual(all.Contents.map((o) => o.Key), ['p/1', 'p/2', 'p/3', 'p/sub/a', 'p/sub/b', 'q/1']);
    assert.equal(all.KeyCount, 6);
    assert.equal(all.IsTruncated, false);
    assert.equal(all.Contents[0].Size, 3);
    const d = await s3.send(new ListObjectsV2Command({ Bucket: 'list-bucket', Prefix: 'p/', Delimiter: '/' }));
    assert.deepEqual(d.Contents.map((o) => o.Key), ['p/1', 'p/2', 'p/3']);
    assert.deepEqual(d.CommonPrefixes.map((p) => p.Prefix), ['p/sub/']);
    const keys = [];
    let ContinuationToken;
    let pages = 0;
    do {
      const r = await s3.send(new ListObjectsV2Command({ Bucket: 'list-bucket', MaxKeys: 4, ContinuationToken }));
      keys.push(...r.Contents.map((o) => o.Key));
      ContinuationToken = r.NextContinuationToken;
      assert.equal(r.IsTruncated, ContinuationToken !== undefined);
      pages++;
    } while (ContinuationToken && pages < 5);
    assert.equal(pages, 2);
    assert.deepEqual(keys, ['p/1', 'p/2', 'p/3', 'p/sub/a', 'p/sub/b', 'q/1']);
    const after = await s3.send(new ListObjectsV2Command({ Bucket: 'list-bucket', StartAfter: 'p/sub/a' }));
    assert.deepEqual(after.Contents.map((o) => o.Key), ['p/sub/b', 'q/1']);
  });
});

describe('query result files', () => {
  it('each query writes <id>.csv and <id>.csv.metadata, byte for byte as render.js makes them', async () => {
    const render = await (process.env.ATHENA_LOCAL_TEST_ENGINE === 'fake' ? import('./fake-engine.js') : import('../src/engine/render.js'));
    const { QueryExecutionId: id } = await athena.send(new StartQueryExecutionCommand({
      QueryString: 'SELECT * FROM sampledb.numbers LIMIT 1500', WorkGroup: 'local',
    }));
    const q = await waitForQuery(athena, id);
    assert.equal(q.Status.State, 'SUCCEEDED');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'athena-local-results', Prefix: `local/${id}` }));
    assert.deepEqual(listed.Contents.map((o) => o.Key), [`local/${id}.csv`, `local/${id}.csv.metadata`]);

    const rows = [];
    let columns;
    let NextToken;
    let first = true;
    for (let i = 0; i < 5; i++) {
      const r = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: id, NextToken }));
      columns = r.ResultSet.ResultSetMetadata.ColumnInfo;
      rows.push(...r.ResultSet.Rows.slice(first ? 1 : 0).map((row) => row.Data.map((d) => d.VarCharValue ?? null)));
      first = false;
      NextToken = r.NextToken;
      if (!NextToken) break;
    }
    const csv = await bytes(await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: `local/${id}.csv` })));
    assert.deepEqual(csv, render.renderCsv(columns, rows));
    const meta = await bytes(await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: `local/${id}.csv.metadata` })));
    // Field 1 (tag 0x0a) is the engine's query id; the rest follows from the columns.
    assert.equal(meta[0], 0x0a);
    const engineId = meta.subarray(2, 2 + meta[1]).toString('utf8');
    assert.deepEqual(meta, render.renderMetadata(columns, engineId));
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'athena-local-results', Key: `local/${id}.csv` }));
    assert.equal(head.ContentLength, csv.length);
  });

  it('S3 results can be read in parallel ranged GETs that reassemble the file', async () => {
    const { QueryExecutionId: id } = await athena.send(new StartQueryExecutionCommand({
      QueryString: 'SELECT * FROM sampledb.numbers LIMIT 20000', WorkGroup: 'local',
    }));
    await waitForQuery(athena, id);
    const Key = `local/${id}.csv`;
    const whole = await bytes(await s3.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key })));
    const size = whole.length;
    const block = Math.ceil(size / 4);
    const parts = await Promise.all([0, 1, 2, 3].map(async (i) => bytes(await s3.send(new GetObjectCommand({
      Bucket: 'athena-local-results', Key, Range: `bytes=${i * block}-${Math.min(size, (i + 1) * block) - 1}`,
    })))));
    assert.deepEqual(Buffer.concat(parts), whole);
  });

  it('GetObject over a hand-signed request with UNSIGNED-PAYLOAD', async () => {
    const r = await signedRequest(svc, {
      service: 's3', method: 'GET', path: `/${BUCKET}/a/b.bin`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', range: 'bytes=0-3' },
    });
    assert.equal(r.status, 206);
    assert.deepEqual([...r.body], [0, 1, 2, 3]);
  });
});

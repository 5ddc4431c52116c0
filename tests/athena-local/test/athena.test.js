// The Athena API, driven by the real AWS SDK for JavaScript v3.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  StartQueryExecutionCommand, GetQueryExecutionCommand, GetQueryResultsCommand, StopQueryExecutionCommand,
  BatchGetQueryExecutionCommand, GetQueryRuntimeStatisticsCommand, GetWorkGroupCommand, ListWorkGroupsCommand,
} from '@aws-sdk/client-athena';
import { GetObjectCommand, DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { waitForQuery, athenaCall, getStats, parseAthenaCsv, data, rejectsWith, serviceHooks } from './helpers.js';

const OUT = 's3://athena-local-results/tests/';

let svc;
let athena;
let s3;

async function run(QueryString, extra = {}) {
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({
    QueryString, ResultConfiguration: { OutputLocation: OUT }, ...extra,
  }));
  return waitForQuery(athena, QueryExecutionId);
}

async function s3Text(uri) {
  const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri);
  const r = await s3.send(new GetObjectCommand({ Bucket: m[1], Key: m[2] }));
  return Buffer.from(await r.Body.transformToByteArray());
}

serviceHooks({}, (m) => { ({ svc, athena, s3 } = m); });

describe('workgroups', () => {
  it('primary has no result configuration and does not enforce', async () => {
    const { WorkGroup } = await athena.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
    assert.equal(WorkGroup.Name, 'primary');
    assert.equal(WorkGroup.State, 'ENABLED');
    assert.deepEqual(WorkGroup.Configuration.ResultConfiguration, {});
    assert.equal(WorkGroup.Configuration.EnforceWorkGroupConfiguration, false);
    assert.equal(WorkGroup.Configuration.EngineVersion.EffectiveEngineVersion, 'Athena engine version 3');
  });

  it('local enforces s3://athena-local-results/local/', async () => {
    const { WorkGroup } = await athena.send(new GetWorkGroupCommand({ WorkGroup: 'local' }));
    assert.deepEqual(WorkGroup.Configuration.ResultConfiguration, { OutputLocation: 's3://athena-local-results/local/' });
    assert.equal(WorkGroup.Configuration.EnforceWorkGroupConfiguration, true);
  });

  it('an unknown workgroup is an InvalidRequestException', async () => {
    await rejectsWith(athena.send(new GetWorkGroupCommand({ WorkGroup: 'nope' })), 'InvalidRequestException', 'WorkGroup nope is not found.');
  });

  it('ListWorkGroups pages with an opaque NextToken and validates MaxResults', async () => {
    const p1 = await athena.send(new ListWorkGroupsCommand({ MaxResults: 1 }));
    assert.deepEqual(p1.WorkGroups.map((w) => w.Name), ['local']);
    assert.equal(typeof p1.NextToken, 'string');
    const p2 = await athena.send(new ListWorkGroupsCommand({ MaxResults: 1, NextToken: p1.NextToken }));
    assert.deepEqual(p2.WorkGroups.map((w) => w.Name), ['primary']);
    assert.equal(p2.NextToken, undefined);
    await rejectsWith(athena.send(new ListWorkGroupsCommand({ MaxResults: 51 })), 'InvalidRequestException',
      "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50");
    await rejectsWith(athena.send(new ListWorkGroupsCommand({ MaxResults: 0 })), 'InvalidRequestException',
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
  });
});

describe('StartQueryExecution', () => {
  it('runs a query through to SUCCEEDED with the result file URI as OutputLocation', async () => {
    const q = await run("SELECT 'a' AS s, NULL AS n");
    assert.equal(q.Status.State, 'SUCCEEDED');
    assert.equal(q.StatementType, 'DML');
    assert.equal(q.SubstatementType, 'SELECT');
    assert.equal(q.WorkGroup, 'primary');
    assert.equal(q.Query, "SELECT 'a' AS s, NULL AS n");
    assert.equal(q.ResultConfiguration.OutputLocation, `${OUT}${q.QueryExecutionId}.csv`);
    assert.match(q.QueryExecutionId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(q.Status.SubmissionDateTime instanceof Date);
    assert.ok(q.Status.CompletionDateTime >= q.Status.SubmissionDateTime);
    assert.equal(q.Statistics.ResultReuseInformation.ReusedPreviousResult, false);
    assert.equal(q.EngineVersion.EffectiveEngineVersion, 'Athena engine version 3');
  });

  it('returns NULL as {} and ColumnInfo with all ten keys, header row first', async () => {
    const q = await run("SELECT 'a' AS s, NULL AS n");
    const r = await athenaCall(svc, 'GetQueryResults', { QueryExecutionId: q.QueryExecutionId });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/x-amz-json-1.1');
    assert.ok(r.headers['x-amzn-requestid']);
    assert.deepEqual(r.json.ResultSet.Rows, [
      { Data: [{ VarCharValue: 's' }, { VarCharValue: 'n' }] },
      { Data: [{ VarCharValue: 'a' }, {}] },
    ]);
    assert.equal(r.json.UpdateCount, 0);
    assert.equal(r.json.NextToken, undefined);
    const info = r.json.ResultSet.ResultSetMetadata.ColumnInfo;
    assert.deepEqual(info.map((c) => Object.keys(c)), Array(2).fill(
      ['CatalogName', 'SchemaName', 'TableName', 'Name', 'Label', 'Type', 'Precision', 'Scale', 'Nullable', 'CaseSensitive']));
    assert.deepEqual(info[0], {
      CatalogName: 'hive', SchemaName: '', TableName: '', Name: 's', Label: 's', Type: 'varchar',
      Precision: 1, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: true,
    });
  });

  it('without any output location is an InvalidRequestException', async () => {
    await rejectsWith(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1' })), 'InvalidRequestException',
      'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
  });

  it('an enforced workgroup configuration overrides the client', async () => {
    const q = await run('SELECT 1', { WorkGroup: 'local', ResultConfiguration: { OutputLocation: 's3://athena-local-results/elsewhere/' } });
    assert.equal(q.ResultConfiguration.OutputLocation, `s3://athena-local-results/local/${q.QueryExecutionId}.csv`);
    assert.equal(q.WorkGroup, 'local');
  });

  it('an output location without a trailing slash is a folder', async () => {
    const q = await run('SELECT 1', { ResultConfiguration: { OutputLocation: 's3://athena-local-results/noslash' } });
    assert.equal(q.ResultConfiguration.OutputLocation, `s3://athena-local-results/noslash/${q.QueryExecutionId}.csv`);
  });

  it('an output bucket that does not exist is refused', async () => {
    await rejectsWith(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: { OutputLocation: 's3://no-such-bucket/x/' } })),
      'InvalidRequestException', 'Unable to verify/create output bucket no-such-bucket');
  });

  it('validates QueryString size and ClientRequestToken length', async () => {
    await rejectsWith(athena.send(new StartQueryExecutionCommand({ QueryString: `SELECT 1 -- ${'x'.repeat(262144)}`, ResultConfiguration: { OutputLocation: OUT } })),
      'InvalidRequestException', "1 validation error detected: Value null at 'queryString' failed to satisfy constraint: Member must have length less than or equal to 262144");
    await rejectsWith(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ClientRequestToken: 'x'.repeat(31), ResultConfiguration: { OutputLocation: OUT } })),
      'InvalidRequestException', `1 validation error detected: Value '${'x'.repeat(31)}' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32`);
    await rejectsWith(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ClientRequestToken: 'y'.repeat(129), ResultConfiguration: { OutputLocation: OUT } })),
      'InvalidRequestException', /Member must have length less than or equal to 128$/);
  });

  it('a syntax error is raised synchronously with AthenaErrorCode MALFORMED_QUERY', async () => {
    await assert.rejects(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELEC 1', ResultConfiguration: { OutputLocation: OUT } })), (e) => {
      assert.equal(e.name, 'InvalidRequestException');
      assert.equal(e.AthenaErrorCode, 'MALFORMED_QUERY');
      assert.match(e.message, /^line 1:1: /);
      return true;
    });
  });

  it('a semantic error ends FAILED with StateChangeReason and AthenaError', async () => {
    const q = await run('SELECT nosuchcolumn FROM sampledb.numbers');
    assert.equal(q.Status.State, 'FAILED');
    assert.match(q.Status.StateChangeReason, /^COLUMN_NOT_FOUND: line 1:8: Column 'nosuchcolumn' cannot be resolved/);
    assert.deepEqual(q.Status.AthenaError, {
      ErrorCategory: 2, ErrorType: 1000, Retryable: false, ErrorMessage: q.Status.StateChangeReason,
    });
    await rejectsWith(athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId })), 'InvalidRequestException',
      `Query did not finish successfully. Final query state: FAILED\n${q.Status.StateChangeReason}`);
  });

  it('substitutes ExecutionParameters into the ? placeholders', async () => {
    const q = await run("SELECT ? AS s, ? AS n -- '?' in a comment is not a parameter", { ExecutionParameters: ["'x?y'", 'NULL'] });
    assert.equal(q.Status.State, 'SUCCEEDED', q.Status.StateChangeReason);
    assert.deepEqual(q.ExecutionParameters, ["'x?y'", 'NULL']);
    const r = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId }));
    assert.deepEqual(r.ResultSet.Rows.map(data), [['s', 'n'], ['x?y', null]]);
    await rejectsWith(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT ?', ExecutionParameters: ['1', '2'], ResultConfiguration: { OutputLocation: OUT } })),
      'InvalidRequestException', 'The number of parameters in the query (1) does not match the number of execution parameters provided (2).');
  });
});

describe('idempotency', () => {
  it('the same ClientRequestToken and parameters give the same id and one execution', async () => {
    const token = `idem-${'0'.repeat(27)}-${Date.now()}`;
    const input = { QueryString: 'SELECT 1', ClientRequestToken: token, ResultConfiguration: { OutputLocation: OUT } };
    const a = await athena.send(new StartQueryExecutionCommand(input));
    const b = await athena.send(new StartQueryExecutionCommand(input));
    assert.equal(a.QueryExecutionId, b.QueryExecutionId);
    await waitForQuery(athena, a.QueryExecutionId);
    const c = await athena.send(new StartQueryExecutionCommand(input));
    assert.equal(c.QueryExecutionId, a.QueryExecutionId);
    const stats = await getStats(svc);
    assert.equal(stats.executions.byClientRequestToken[token], 1);
    await rejectsWith(athena.send(new StartQueryExecutionCommand({ ...input, QueryString: 'SELECT 2' })),
      'InvalidRequestException', 'Idempotent parameters do not match');
    await rejectsWith(athena.send(new StartQueryExecutionCommand({ ...input, WorkGroup: 'local' })),
      'InvalidRequestException', 'Idempotent parameters do not match');
  });
});

describe('lifecycle', () => {
  it('the sleep hint holds a query RUNNING; results before SUCCEEDED are refused', async () => {
    const sql = '/* athena-local:sleep=0.6 */ SELECT 1';
    const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: sql, ResultConfiguration: { OutputLocation: OUT } }));
    let state;
    for (let i = 0; i < 50; i++) {
      ({ QueryExecution: { Status: { State: state } } } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId })));
      if (state === 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    assert.equal(state, 'RUNNING');
    await rejectsWith(athena.send(new GetQueryResultsCommand({ QueryExecutionId })), 'InvalidRequestException',
      'Query has not yet finished. Current state: RUNNING');
    const t0 = Date.now();
    const q = await waitForQuery(athena, QueryExecutionId);
    assert.equal(q.Status.State, 'SUCCEEDED');
    assert.ok(Date.now() - t0 < 5000);
    assert.ok(q.Statistics.EngineExecutionTimeInMillis >= 550, `engine time ${q.Statistics.EngineExecutionTimeInMillis}`);
  });

  it('the queue hint holds a query QUEUED', async () => {
    const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({
      QueryString: '/* athena-local:queue=0.4 */ SELECT 1', ResultConfiguration: { OutputLocation: OUT },
    }));
    const { QueryExecution } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }));
    assert.equal(QueryExecution.Status.State, 'QUEUED');
    const q = await waitForQuery(athena, QueryExecutionId);
    assert.equal(q.Status.State, 'SUCCEEDED');
    assert.ok(q.Statistics.QueryQueueTimeInMillis >= 350);
  });

  it('StopQueryExecution cancels a running query', async () => {
    const token = `cancel-${'c'.repeat(30)}-${Date.now()}`;
    const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({
      QueryString: '/* athena-local:sleep=30 */ SELECT 1', ClientRequestToken: token, ResultConfiguration: { OutputLocation: OUT },
    }));
    const t0 = Date.now();
    assert.deepEqual(Object.keys(await athena.send(new StopQueryExecutionCommand({ QueryExecutionId }))).filter((k) => k !== '$metadata'), []);
    const q = await waitForQuery(athena, QueryExecutionId);
    assert.equal(q.Status.State, 'CANCELLED');
    assert.ok(Date.now() - t0 < 5000, 'cancelled long before the 30 s sleep ends');
    assert.ok(q.Status.CompletionDateTime instanceof Date);
    await rejectsWith(athena.send(new GetQueryResultsCommand({ QueryExecutionId })), 'InvalidRequestException',
      'Query did not finish successfully. Final query state: CANCELLED');
    // Stopping a finished query is a no-op.
    await athena.send(new StopQueryExecutionCommand({ QueryExecutionId }));
    assert.equal((await waitForQuery(athena, QueryExecutionId)).Status.State, 'CANCELLED');
    // It never reached the engine.
    assert.equal((await getStats(svc)).executions.byClientRequestToken[token], undefined);
  });

  it('unknown query ids are InvalidRequestException', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await rejectsWith(athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id })), 'InvalidRequestException', `QueryExecution ${id} was not found`);
    await rejectsWith(athena.send(new GetQueryResultsCommand({ QueryExecutionId: id })), 'InvalidRequestException', `QueryExecution ${id} was not found`);
    await rejectsWith(athena.send(new StopQueryExecutionCommand({ QueryExecutionId: id })), 'InvalidRequestException', `QueryExecution ${id} was not found`);
  });

  it('BatchGetQueryExecution and GetQueryRuntimeStatistics', async () => {
    const q = await run('SELECT * FROM sampledb.numbers LIMIT 5');
    const missing = '11111111-1111-4111-8111-111111111111';
    const b = await athena.send(new BatchGetQueryExecutionCommand({ QueryExecutionIds: [q.QueryExecutionId, missing] }));
    assert.deepEqual(b.QueryExecutions.map((x) => x.QueryExecutionId), [q.QueryExecutionId]);
    assert.deepEqual(b.UnprocessedQueryExecutionIds, [{ QueryExecutionId: missing, ErrorCode: 'INVALID_INPUT', ErrorMessage: `QueryExecution ${missing} was not found` }]);
    await rejectsWith(athena.send(new BatchGetQueryExecutionCommand({ QueryExecutionIds: [] })), 'InvalidRequestException', /at 'queryExecutionIds'/);
    const s = await athena.send(new GetQueryRuntimeStatisticsCommand({ QueryExecutionId: q.QueryExecutionId }));
    assert.equal(s.QueryRuntimeStatistics.Rows.OutputRows, 5);
    assert.equal(typeof s.QueryRuntimeStatistics.Timeline.TotalExecutionTimeInMillis, 'number');
  });

  it('reuses a previous result when asked to', async () => {
    const sql = 'SELECT * FROM sampledb.numbers LIMIT 3';
    const first = await run(sql);
    const before = (await getStats(svc)).executions.total;
    const second = await run(sql, { ResultReuseConfiguration: { ResultReuseByAgeConfiguration: { Enabled: true, MaxAgeInMinutes: 5 } } });
    assert.equal(second.Status.State, 'SUCCEEDED');
    assert.equal(second.Statistics.ResultReuseInformation.ReusedPreviousResult, true);
    assert.notEqual(second.QueryExecutionId, first.QueryExecutionId);
    assert.equal((await getStats(svc)).executions.total, before);
    assert.deepEqual(await s3Text(second.ResultConfiguration.OutputLocation), await s3Text(first.ResultConfiguration.OutputLocation));
  });
});

describe('GetQueryResults paging', () => {
  it('2,500 rows at MaxResults 1000 arrive as 999 + 1000 + 501 data rows after one header row', async () => {
    const q = await run('SELECT * FROM sampledb.numbers LIMIT 2500');
    assert.equal(q.Status.State, 'SUCCEEDED');
    const pages = [];
    let NextToken;
    do {
      const r = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId, MaxResults: 1000, NextToken }));
      pages.push(r);
      NextToken = r.NextToken;
    } while (NextToken && pages.length < 10);
    assert.deepEqual(pages.map((p) => p.ResultSet.Rows.length), [1000, 1000, 501]);
    assert.deepEqual(pages.map((p) => p.NextToken === undefined), [false, false, true]);
    const names = pages[0].ResultSet.ResultSetMetadata.ColumnInfo.map((c) => c.Name);
    assert.deepEqual(data(pages[0].ResultSet.Rows[0]), names);
    const rows = pages.flatMap((p, i) => (i === 0 ? p.ResultSet.Rows.slice(1) : p.ResultSet.Rows)).map(data);
    assert.equal(rows.length, 2500);
    // The pages carry exactly what the result file holds.
    const csv = parseAthenaCsv((await s3Text(q.ResultConfiguration.OutputLocation)).toString('utf8'));
    assert.deepEqual(csv[0], names);
    assert.deepEqual(rows, csv.slice(1));
  });

  it('page one at MaxResults 1 holds only the header; tokens are bound to their query', async () => {
    const q = await run('SELECT * FROM sampledb.numbers LIMIT 3');
    const p1 = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId, MaxResults: 1 }));
    assert.equal(p1.ResultSet.Rows.length, 1);
    assert.deepEqual(data(p1.ResultSet.Rows[0]), p1.ResultSet.ResultSetMetadata.ColumnInfo.map((c) => c.Name));
    assert.ok(p1.NextToken);
    const p2 = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId, MaxResults: 2, NextToken: p1.NextToken }));
    assert.equal(p2.ResultSet.Rows.length, 2);
    const p3 = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId, NextToken: p2.NextToken }));
    assert.equal(p3.ResultSet.Rows.length, 1);
    assert.equal(p3.NextToken, undefined);
    const other = await run('SELECT 1');
    await rejectsWith(athena.send(new GetQueryResultsCommand({ QueryExecutionId: other.QueryExecutionId, NextToken: p1.NextToken })),
      'InvalidRequestException', 'Invalid NextToken');
    await rejectsWith(athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId, NextToken: 'garbage' })),
      'InvalidRequestException', 'Invalid NextToken');
  });

  it('pages are read back from the result file: no rows kept in memory, the same bytes in any order', async () => {
    const q = await run('SELECT n, n_text FROM sampledb.numbers WHERE n <= 2500 ORDER BY n');
    const id = q.QueryExecutionId;
    const held = svc.athena.queries.get(id);
    assert.equal(held.result.rows, undefined);
    assert.equal(held.file.rows, 2500);
    const page = async (NextToken) => (await svc.athena.getQueryResults({ QueryExecutionId: id, MaxResults: 1000, NextToken })).raw;
    const p1 = await page();
    const p2 = await page(JSON.parse(p1).NextToken);
    const p3 = await page(JSON.parse(p2).NextToken);
    assert.deepEqual(JSON.parse(p2).ResultSet.Rows.map(data).map((r) => r[0]), Array.from({ length: 1000 }, (_, i) => String(1000 + i)));
    assert.deepEqual(JSON.parse(p3).ResultSet.Rows.map(data).map((r) => r[1]), Array.from({ length: 501 }, (_, i) => String(2000 + i)));
    // the S3 object is a link to athena-local's own file: deleting it does not lose the pages
    await s3.send(new DeleteObjectCommand({ Bucket: 'athena-local-results', Key: `tests/${id}.csv` }));
    assert.equal(await page(JSON.parse(p2).NextToken), p3);
    assert.equal(await page(), p1);
    assert.equal(await page(JSON.parse(p1).NextToken), p2);
  });

  it('pages of wide multi-byte values with quotes and newlines, from any row, across file reads', async () => {
    const q = await run(`SELECT n, concat(lpad('', 3000, 'é'), '"', chr(10), n_text, '😀') AS s FROM sampledb.numbers WHERE n <= 300 ORDER BY n`);
    const want = (n) => [String(n), `${'é'.repeat(3000)}"\n${n}😀`];
    // 300 rows of ~6 KB: 1.8 MB, several reads; pages of 7 rows start all over the sparse index
    let NextToken;
    let n = 1;
    let pages = 0;
    do {
      const r = JSON.parse((await svc.athena.getQueryResults({ QueryExecutionId: q.QueryExecutionId, MaxResults: 7, NextToken })).raw);
      const rows = r.ResultSet.Rows.map(data);
      if (pages === 0) assert.deepEqual(rows.shift(), ['n', 's']);
      for (const row of rows) assert.deepEqual(row, want(n++));
      pages++;
      ({ NextToken } = r);
    } while (NextToken);
    assert.equal(n, 301);
    assert.equal(pages, 43);
    // the file itself, byte for byte, and its ETag
    const file = await s3Text(q.ResultConfiguration.OutputLocation);
    let expected = '"n","s"\n';
    for (let i = 1; i <= 300; i++) expected += `"${i}","${'é'.repeat(3000)}""\n${i}😀"\n`;
    assert.equal(file.toString('utf8'), expected);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'athena-local-results', Key: `tests/${q.QueryExecutionId}.csv` }));
    assert.equal(head.ETag, `"${createHash('md5').update(file).digest('hex')}"`);
    assert.equal(head.ContentLength, Buffer.byteLength(expected));
    const token = (row) => Buffer.from(`r1:${q.QueryExecutionId}:${row}`).toString('base64url');
    for (const row of [299, 256, 255, 0, 513 % 300, 1]) {
      const r = JSON.parse((await svc.athena.getQueryResults({ QueryExecutionId: q.QueryExecutionId, MaxResults: 2, NextToken: token(row) })).raw);
      assert.deepEqual(r.ResultSet.Rows.map(data), [want(row + 1), want(row + 2)].slice(0, 300 - row));
    }
  });

  it('an empty SELECT returns only the header row', async () => {
    const q = await run('SELECT * FROM sampledb.numbers LIMIT 0');
    const r = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId }));
    assert.equal(r.ResultSet.Rows.length, 1);
    assert.deepEqual(data(r.ResultSet.Rows[0]), r.ResultSet.ResultSetMetadata.ColumnInfo.map((c) => c.Name));
    assert.equal(r.NextToken, undefined);
  });

  it('validates MaxResults', async () => {
    const q = await run('SELECT 1');
    await rejectsWith(athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId, MaxResults: 1001 })), 'InvalidRequestException',
      "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
    await rejectsWith(athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId, MaxResults: 0 })), 'InvalidRequestException',
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
  });

  it('SHOW results are .txt: one datum per row, no header row', async () => {
    const q = await run('SHOW TABLES IN sampledb');
    assert.equal(q.Status.State, 'SUCCEEDED', q.Status.StateChangeReason);
    assert.equal(q.StatementType, 'UTILITY');
    assert.equal(q.ResultConfiguration.OutputLocation, `${OUT}${q.QueryExecutionId}.txt`);
    const r = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId }));
    const rows = r.ResultSet.Rows.map(data);
    assert.ok(rows.every((row) => row.length === 1));
    assert.ok(rows.some((row) => row[0].trim() === 'numbers'));
    assert.ok(!rows.some((row) => row[0] === r.ResultSet.ResultSetMetadata.ColumnInfo[0].Name));
    const file = (await s3Text(q.ResultConfiguration.OutputLocation)).toString('utf8');
    assert.equal(file, rows.map((row) => `${row[0]}\n`).join(''));
  });

  it('CTAS reports UpdateCount and the single rows bigint column', async () => {
    const q = await run(`CREATE TABLE default.ctas_${Date.now()} AS SELECT * FROM sampledb.numbers LIMIT 10`);
    assert.equal(q.Status.State, 'SUCCEEDED', q.Status.StateChangeReason);
    assert.equal(q.SubstatementType, 'CREATE_TABLE_AS_SELECT');
    const r = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: q.QueryExecutionId }));
    assert.equal(r.UpdateCount, 10);
    assert.deepEqual(r.ResultSet.Rows, []);
    assert.deepEqual(r.ResultSet.ResultSetMetadata.ColumnInfo.map((c) => [c.Name, c.Type, c.Precision]), [['rows', 'bigint', 19]]);
  });
});

describe('protocol', () => {
  it('an unknown operation is UnknownOperationException', async () => {
    const r = await athenaCall(svc, 'CreateNamedQuery', {});
    assert.equal(r.status, 400);
    assert.deepEqual(r.json, { __type: 'UnknownOperationException' });
  });

  it('a body that is not a JSON object is a SerializationException', async () => {
    const r = await athenaCall(svc, 'GetWorkGroup', {}, { body: '[1,2' });
    assert.equal(r.status, 400);
    assert.equal(r.json.__type, 'SerializationException');
  });

  it('stats count calls per operation', async () => {
    const before = (await getStats(svc)).calls['athena:GetWorkGroup'] ?? 0;
    await athena.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
    await athena.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
    assert.equal((await getStats(svc)).calls['athena:GetWorkGroup'], before + 2);
  });
});

// Athena API (JSON 1.1): query lifecycle, results paging, workgroups and metadata.
import { randomUUID, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ServiceError, athenaError } from './errors.js';
import { parseS3Uri } from './s3.js';
import { epochSeconds, sleep } from './util.js';
import { countPlaceholders, substituteParameters } from './params.js';
import { Catalogs } from './catalogs.js';
import { ResultWriter, rowJson } from './results.js';

export const ATHENA_OPERATIONS = new Set([
  'StartQueryExecution', 'GetQueryExecution', 'BatchGetQueryExecution', 'GetQueryResults',
  'StopQueryExecution', 'GetQueryRuntimeStatistics', 'GetWorkGroup', 'ListWorkGroups',
  'ListDataCatalogs', 'GetDataCatalog', 'ListDatabases', 'GetDatabase', 'ListTableMetadata',
  'GetTableMetadata',
]);

export const DEFAULT_RESULTS_BUCKET = 'athena-local-results';
const ENGINE_VERSION = { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' };
const MAX_QUERY_BYTES = 262144;
const DEFAULT_CALLER_ARN = 'arn:aws:iam::123456789012:user/athena-local';
const MAX_SLEEP_SECONDS = 3600;

// The comment hints: /* athena-local:sleep=2.5 */ holds the query RUNNING for 2.5 s before it
// executes; /* athena-local:queue=1 */ holds it QUEUED for 1 s first.
const HINT = /\/\*\s*athena-local:(sleep|queue)=(\d+(?:\.\d+)?)\s*\*\//g;

export function parseHints(sql) {
  const hints = { sleep: 0, queue: 0 };
  for (const m of sql.matchAll(HINT)) hints[m[1]] = Math.min(Number(m[2]), MAX_SLEEP_SECONDS);
  return hints;
}

// AthenaError.ErrorType is a number (Athena's error catalog): 1000 user error, 1001 data
// error, 200 engine internal error. The engine speaks in Trino error names; map them.
const DATA_ERRORS = new Set(['DIVISION_BY_ZERO', 'INVALID_CAST_ARGUMENT', 'NUMERIC_VALUE_OUT_OF_RANGE',
  'INVALID_FUNCTION_ARGUMENT', 'INVALID_ARGUMENTS', 'HIVE_BAD_DATA', 'HIVE_CURSOR_ERROR']);

export function athenaErrorType(engineErrorType, category) {
  if (typeof engineErrorType === 'number') return engineErrorType;
  if (category === 1) return 200;
  if (DATA_ERRORS.has(engineErrorType)) return 1001;
  return 1000;
}

function guessStatementType(sql) {
  const stripped = sql.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ').trim();
  const kw = (/^\(*\s*([A-Za-z]+)(?:\s+([A-Za-z]+))?/.exec(stripped) ?? [])
    .slice(1).map((s) => (s ?? '').toUpperCase());
  switch (kw[0]) {
    case 'SELECT': case 'WITH': case 'VALUES': case 'TABLE':
      return ['DML', 'SELECT'];
    case 'INSERT': return ['DML', 'INSERT'];
    case 'UPDATE': case 'DELETE': case 'MERGE': return ['DML', kw[0]];
    case 'CREATE':
      return ['DDL', kw[1] === 'TABLE' && /\bAS\b/i.test(stripped) ? 'CREATE_TABLE_AS_SELECT' : `CREATE_${kw[1] || 'TABLE'}`];
    case 'DROP': case 'ALTER': case 'MSCK':
      return ['DDL', `${kw[0]}_${kw[1] || ''}`.replace(/_$/, '')];
    case 'SHOW': return ['UTILITY', `SHOW_${kw[1] || ''}`.replace(/_$/, '')];
    case 'DESCRIBE': case 'DESC': return ['UTILITY', 'DESCRIBE_TABLE'];
    case 'EXPLAIN': return ['UTILITY', 'EXPLAIN'];
    default: return ['DML', 'SELECT'];
  }
}

function engineQueryId() {
  const d = new Date();
  const p = (n, w = 2) => String(n).padStart(w, '0');
  const ts = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}_${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  return `${ts}_${p(Math.floor(Math.random() * 100000), 5)}_${randomBytes(3).toString('hex').slice(0, 5)}`;
}

// ------------------------------------------------------------------ validation helpers

function maxResults(input, min, max, dflt) {
  const v = input.MaxResults;
  if (v === undefined || v === null) return dflt;
  if (!Number.isInteger(v)) throw athenaError.validation('maxResults', v, 'Member must be an integer');
  if (v < min) throw athenaError.validation('maxResults', v, `Member must have value greater than or equal to ${min}`);
  if (v > max) throw athenaError.validation('maxResults', v, `Member must have value less than or equal to ${max}`);
  return v;
}

function requireString(input, key, field, { min = 1, max = Infinity } = {}) {
  const v = input[key];
  if (v === undefined || v === null) throw athenaError.validation(field, undefined, 'Member must not be null');
  if (typeof v !== 'string') throw new ServiceError('SerializationException', `Expected a string for ${key}`, 400);
  if (v.length < min) throw athenaError.validation(field, v, `Member must have length greater than or equal to ${min}`);
  if (v.length > max) throw athenaError.validation(field, v, `Member must have length less than or equal to ${max}`);
  return v;
}

function optionalString(input, key, field, opts) {
  if (input[key] === undefined || input[key] === null) return undefined;
  return requireString(input, key, field, opts);
}

function listToken(input, op) {
  const t = input.NextToken;
  if (t === undefined || t === null) return 0;
  if (typeof t !== 'string' || t.length > 1024) throw athenaError.validation('nextToken', t, 'Member must have length less than or equal to 1024');
  const m = /^(\w+):(\d+)$/.exec(Buffer.from(t, 'base64url').toString('utf8'));
  if (!m || m[1] !== op) throw athenaError.invalidRequest('Invalid NextToken');
  return Number(m[2]);
}

function makeListToken(op, offset) {
  return Buffer.from(`${op}:${offset}`).toString('base64url');
}

function page(list, input, op, min, max, dflt) {
  const n = maxResults(input, min, max, dflt);
  const start = listToken(input, op);
  const items = list.slice(start, start + n);
  const next = start + n < list.length ? makeListToken(op, start + n) : undefined;
  return { items, next };
}

// ------------------------------------------------------------------ the service

export class AthenaService {
  constructor({ engine, s3, stats, faults, catalogs = new Catalogs(), now = () => Date.now() }) {
    this.engine = engine;
    this.catalogs = catalogs;
    this.s3 = s3;
    this.stats = stats;
    this.faults = faults;
    this.now = now;
    this.queries = new Map();
    this.tokens = new Map();
    const created = epochSeconds(now());
    this.workgroups = new Map([
      ['primary', {
        Name: 'primary', State: 'ENABLED', Description: '', CreationTime: created,
        Configuration: {
          ResultConfiguration: {}, EnforceWorkGroupConfiguration: false, PublishCloudWatchMetricsEnabled: false,
          RequesterPaysEnabled: false, EngineVersion: ENGINE_VERSION, EnableMinimumEncryptionConfiguration: false,
        },
      }],
      ['local', {
        Name: 'local', State: 'ENABLED', Description: 'athena-local: results always go to s3://athena-local-results/local/',
        CreationTime: created,
        Configuration: {
          ResultConfiguration: { OutputLocation: `s3://${DEFAULT_RESULTS_BUCKET}/local/` },
          EnforceWorkGroupConfiguration: true, PublishCloudWatchMetricsEnabled: false,
          RequesterPaysEnabled: false, EngineVersion: ENGINE_VERSION, EnableMinimumEncryptionConfiguration: false,
        },
      }],
    ]);
    this.closing = false;
  }

  // ctx: { callerArn } of the signed request (named in access-denied messages).
  async handle(op, input, ctx = {}) {
    switch (op) {
      case 'StartQueryExecution': return this.startQueryExecution(input);
      case 'GetQueryExecution': return { QueryExecution: this.describe(this.lookup(input)) };
      case 'BatchGetQueryExecution': return this.batchGet(input);
      case 'GetQueryResults': return this.getQueryResults(input);
      case 'StopQueryExecution': return this.stop(input);
      case 'GetQueryRuntimeStatistics': return this.runtimeStatistics(input);
      case 'GetWorkGroup': return this.getWorkGroup(input);
      case 'ListWorkGroups': return this.listWorkGroups(input);
      case 'ListDataCatalogs': return this.listDataCatalogs(input);
      case 'GetDataCatalog': return this.getDataCatalog(input);
      case 'ListDatabases': case 'GetDatabase': case 'ListTableMetadata': case 'GetTableMetadata':
        return this.catalogCall(op, input, ctx);
      default:
        throw new ServiceError('UnknownOperationException', undefined, 400);
    }
  }

  mapMetadataError(e) {
    if (e instanceof ServiceError) return e;
    if (e?.kind === 'metadata') return athenaError.metadata(e.message);
    if (e?.kind === 'invalid') return athenaError.invalidRequest(e.message);
    return athenaError.internal();
  }

  // The engine's metadata answers may be sync or async; its errors become Athena's.
  async engineCall(fn) {
    try {
      return await fn();
    } catch (e) {
      throw this.mapMetadataError(e);
    }
  }

  // ---------------------------------------------------------------- queries

  lookup(input) {
    const id = requireString(input, 'QueryExecutionId', 'queryExecutionId', { max: 128 });
    const q = this.queries.get(id);
    if (!q) throw athenaError.invalidRequest(`QueryExecution ${id} was not found`);
    return q;
  }

  workgroup(name) {
    const wg = this.workgroups.get(name);
    if (!wg) throw athenaError.invalidRequest(`WorkGroup ${name} is not found.`);
    return wg;
  }

  runningCount() {
    let n = 0;
    for (const q of this.queries.values()) if (q.state === 'QUEUED' || q.state === 'RUNNING') n++;
    return n;
  }

  async startQueryExecution(input) {
    const sql = requireString(input, 'QueryString', 'queryString');
    if (Buffer.byteLength(sql, 'utf8') > MAX_QUERY_BYTES) {
      throw athenaError.validation('queryString', undefined, `Member must have length less than or equal to ${MAX_QUERY_BYTES}`);
    }
    const token = optionalString(input, 'ClientRequestToken', 'clientRequestToken', { min: 32, max: 128 });
    const wgName = optionalString(input, 'WorkGroup', 'workGroup', { max: 128 }) ?? 'primary';
    const ctx = input.QueryExecutionContext ?? {};
    const params = input.ExecutionParameters;
    if (params !== undefined && (!Array.isArray(params) || params.length < 1 || params.some((p) => typeof p !== 'string' || p.length < 1 || p.length > 1024))) {
      throw athenaError.validation('executionParameters', undefined, 'Member must have length greater than or equal to 1');
    }
    const reuse = input.ResultReuseConfiguration?.ResultReuseByAgeConfiguration;
    if (reuse?.MaxAgeInMinutes !== undefined && (!Number.isInteger(reuse.MaxAgeInMinutes) || reuse.MaxAgeInMinutes < 0 || reuse.MaxAgeInMinutes > 10080)) {
      throw athenaError.validation('resultReuseConfiguration.resultReuseByAgeConfiguration.maxAgeInMinutes', reuse.MaxAgeInMinutes,
        'Member must have value less than or equal to 10080');
    }

    if (token !== undefined) {
      const idemKey = JSON.stringify([sql, ctx.Database ?? null, ctx.Catalog ?? null, input.ResultConfiguration ?? null,
        wgName, params ?? null, input.ResultReuseConfiguration ?? null]);
      const prior = this.tokens.get(token);
      if (prior) {
        if (prior.key !== idemKey) throw athenaError.invalidRequest('Idempotent parameters do not match');
        return { QueryExecutionId: prior.id };
      }
      input = { ...input, _idemKey: idemKey };
    }

    const wg = this.workgroup(wgName);
    if (wg.State !== 'ENABLED') throw athenaError.invalidRequest(`WorkGroup ${wgName} is disabled.`);
    const wgConf = wg.Configuration;
    const reqConf = input.ResultConfiguration ?? {};
    const conf = wgConf.EnforceWorkGroupConfiguration
      ? { ...wgConf.ResultConfiguration }
      : { ...wgConf.ResultConfiguration, ...reqConf };
    const location = conf.OutputLocation;
    if (!location) {
      throw athenaError.invalidRequest('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
    }
    const loc = parseS3Uri(location);
    if (!loc) throw athenaError.invalidRequest(`${location} is not a valid S3 output location (expected s3://bucket/prefix/)`);
    if (!this.s3.bucket(loc.bucket)) throw athenaError.invalidRequest(`Unable to verify/create output bucket ${loc.bucket}`);

    let execSql = sql;
    if (params !== undefined) {
      const n = countPlaceholders(sql);
      if (n !== params.length) {
        throw athenaError.invalidRequest(`The number of parameters in the query (${n}) does not match the number of execution parameters provided (${params.length}).`);
      }
      execSql = substituteParameters(sql, params);
    }

    const max = this.faults.maxConcurrentQueries;
    if (max !== undefined && this.runningCount() >= max) throw athenaError.tooManyRequests();

    try {
      await this.engine.checkSyntax(execSql);
    } catch (e) {
      if (e?.kind === 'syntax') throw athenaError.invalidRequest(e.message, 'MALFORMED_QUERY');
      throw athenaError.internal();
    }

    // Re-check after the await: a concurrent start with the same token may have won.
    if (token !== undefined && this.tokens.has(token)) {
      const prior = this.tokens.get(token);
      if (prior.key !== input._idemKey) throw athenaError.invalidRequest('Idempotent parameters do not match');
      return { QueryExecutionId: prior.id };
    }

    const id = randomUUID();
    const prefix = loc.key === '' || loc.key.endsWith('/') ? loc.key : `${loc.key}/`;
    const [statementType, substatementType] = guessStatementType(sql);
    const q = {
      id,
      sql,
      execSql,
      token,
      workGroup: wgName,
      catalog: ctx.Catalog,
      database: ctx.Database,
      resultConfiguration: conf,
      bucket: loc.bucket,
      prefix,
      params,
      reuse: input.ResultReuseConfiguration,
      hints: parseHints(sql),
      state: 'QUEUED',
      statementType,
      substatementType,
      submitted: this.now(),
      runningAt: undefined,
      completed: undefined,
      abort: new AbortController(),
      result: undefined,
      file: undefined,
      fileExt: statementType === 'UTILITY' || (statementType === 'DDL' && substatementType !== 'CREATE_TABLE_AS_SELECT') ? 'txt' : 'csv',
      reused: false,
      dataScanned: 0,
    };
    this.queries.set(id, q);
    if (token !== undefined) this.tokens.set(token, { id, key: input._idemKey });

    const prior = this.findReusable(q);
    if (prior) {
      this.finishFromReuse(q, prior).catch(() => {});
    } else {
      this.run(q).catch(() => {});
    }
    return { QueryExecutionId: id };
  }

  findReusable(q) {
    const r = q.reuse?.ResultReuseByAgeConfiguration;
    if (!r?.Enabled) return undefined;
    const maxAge = (r.MaxAgeInMinutes ?? 60) * 60000;
    let best;
    for (const p of this.queries.values()) {
      if (p === q || p.state !== 'SUCCEEDED' || p.reused || p.result?.updateCount !== undefined) continue;
      if (p.execSql !== q.execSql || p.catalog !== q.catalog || p.database !== q.database || p.workGroup !== q.workGroup) continue;
      if (this.now() - p.completed > maxAge) continue;
      if (!best || p.completed > best.completed) best = p;
    }
    return best;
  }

  async finishFromReuse(q, prior) {
    q.runningAt = this.now();
    q.state = 'RUNNING';
    q.reused = true;
    q.result = prior.result;
    q.statementType = prior.statementType;
    q.substatementType = prior.substatementType;
    q.fileExt = prior.fileExt;
    q.engineQueryId = prior.engineQueryId;
    q.file = prior.file;
    await this.publish(q);
    q.completed = this.now();
    q.state = 'SUCCEEDED';
  }

  async run(q) {
    const signal = q.abort.signal;
    // A query's rows stream from the engine into its result file as they are rendered.
    let writer;
    const onRows = async (columns, rows) => {
      writer ??= await ResultWriter.create(this.resultPath(q, 'csv'), 'csv', columns);
      await writer.write(rows);
    };
    try {
      if (q.hints.queue > 0) await sleep(q.hints.queue * 1000, signal);
      else await new Promise((r) => setImmediate(r));
      if (signal.aborted) return;
      q.state = 'RUNNING';
      q.runningAt = this.now();
      if (q.hints.sleep > 0) await sleep(q.hints.sleep * 1000, signal);
      this.stats.execution(q.token);
      q.engineStarted = this.now();
      const result = await this.engine.execute(q.execSql, { catalog: q.catalog, database: q.database, signal, onRows });
      if (signal.aborted) return;
      q.engineMillis = this.now() - q.engineStarted;
      q.result = result;
      q.statementType = result.statementType ?? q.statementType;
      q.substatementType = result.substatementType ?? q.substatementType;
      q.fileExt = result.fileKind === 'txt' ? 'txt' : 'csv';
      q.dataScanned = result.dataScannedBytes ?? 0;
      q.engineQueryId = engineQueryId();
      const w = writer;
      writer = undefined;
      await this.writeResults(q, w);
      if (signal.aborted) return;
      q.completed = this.now();
      q.state = 'SUCCEEDED';
    } catch (e) {
      await writer?.discard();
      if (signal.aborted || q.state === 'CANCELLED') return;
      if (e?.kind === 'cancelled') {
        this.markCancelled(q);
        return;
      }
      q.completed = this.now();
      q.state = 'FAILED';
      if (e?.kind === 'failed') {
        const category = e.errorCategory ?? 2;
        q.error = {
          ErrorCategory: category,
          ErrorType: athenaErrorType(e.errorType, category),
          Retryable: category === 1,
          ErrorMessage: e.message,
        };
        q.stateChangeReason = e.message;
      } else if (e?.kind === 'results') {
        q.error = { ErrorCategory: 1, ErrorType: 401, Retryable: true, ErrorMessage: e.message };
        q.stateChangeReason = e.message;
      } else {
        const msg = `GENERIC_INTERNAL_ERROR: ${e?.message ?? 'internal error'}`;
        q.error = { ErrorCategory: 1, ErrorType: 200, Retryable: true, ErrorMessage: msg };
        q.stateChangeReason = msg;
      }
    }
  }

  resultPath(q, ext) {
    return join(this.s3.dir, `result-${q.id}.${ext}`);
  }

  // Finishes the result file (the streamed one, or one written now from the result's rows),
  // drops the rows from memory and publishes the file in S3.
  async writeResults(q, streamed) {
    const r = q.result;
    let writer = streamed;
    if (!this.s3.bucket(q.bucket)) {
      await writer?.discard();
      const e = new Error(`Unable to write query results to s3://${q.bucket}/${q.prefix}${q.id}.${q.fileExt}: the bucket does not exist`);
      e.kind = 'results';
      throw e;
    }
    if (!writer) {
      const kind = r.updateCount !== undefined ? 'empty' : q.fileExt;
      writer = await ResultWriter.create(this.resultPath(q, q.fileExt), kind, r.columns);
      if (kind !== 'empty') await writer.write(r.rows ?? []);
    }
    q.file = await writer.finish();
    q.result = { ...r, rows: undefined, rowCount: q.file.rows };
    await this.publish(q);
  }

  // The result file (linked, not copied), its .metadata and for CTAS/INSERT the manifest.
  async publish(q) {
    const r = q.result;
    const base = `${q.prefix}${q.id}.${q.fileExt}`;
    if (!this.s3.bucket(q.bucket)) {
      const e = new Error(`Unable to write query results to s3://${q.bucket}/${base}: the bucket does not exist`);
      e.kind = 'results';
      throw e;
    }
    await this.s3.putObjectFile(q.bucket, base, q.file, q.fileExt === 'txt' ? 'text/plain' : 'text/csv');
    await this.s3.putObject(q.bucket, `${base}.metadata`, this.render.renderMetadata(r.columns, q.engineQueryId), 'application/octet-stream');
    if (r.updateCount !== undefined) {
      await this.s3.putObject(q.bucket, `${q.prefix}${q.id}-manifest.csv`, Buffer.alloc(0), 'text/csv');
    }
    q.outputBytes = q.file.bytes;
  }

  markCancelled(q) {
    q.state = 'CANCELLED';
    q.completed = this.now();
  }

  stop(input) {
    const q = this.lookup(input);
    if (q.state === 'QUEUED' || q.state === 'RUNNING') {
      this.markCancelled(q);
      q.abort.abort(Object.assign(new Error('cancelled'), { kind: 'cancelled' }));
    }
    return {};
  }

  describe(q) {
    const status = {
      State: q.state,
      SubmissionDateTime: epochSeconds(q.submitted),
    };
    if (q.stateChangeReason !== undefined) status.StateChangeReason = q.stateChangeReason;
    if (q.completed !== undefined) status.CompletionDateTime = epochSeconds(q.completed);
    if (q.error) status.AthenaError = q.error;
    const now = this.now();
    const end = q.completed ?? now;
    const queueMs = (q.runningAt ?? end) - q.submitted;
    const stats = {
      EngineExecutionTimeInMillis: q.runningAt !== undefined ? end - q.runningAt : 0,
      DataScannedInBytes: q.reused ? 0 : q.dataScanned,
      TotalExecutionTimeInMillis: end - q.submitted,
      QueryQueueTimeInMillis: queueMs,
      ServicePreProcessingTimeInMillis: 0,
      QueryPlanningTimeInMillis: 0,
      ServiceProcessingTimeInMillis: 0,
      ResultReuseInformation: { ReusedPreviousResult: q.reused },
    };
    const rc = { ...q.resultConfiguration, OutputLocation: `s3://${q.bucket}/${q.prefix}${q.id}.${q.fileExt}` };
    const out = {
      QueryExecutionId: q.id,
      Query: q.sql,
      StatementType: q.statementType,
      ResultConfiguration: rc,
    };
    if (q.reuse) out.ResultReuseConfiguration = q.reuse;
    const qctx = {};
    if (q.database !== undefined) qctx.Database = q.database;
    if (q.catalog !== undefined) qctx.Catalog = q.catalog;
    out.QueryExecutionContext = qctx;
    out.Status = status;
    out.Statistics = stats;
    out.WorkGroup = q.workGroup;
    out.EngineVersion = ENGINE_VERSION;
    if (q.params) out.ExecutionParameters = q.params;
    out.SubstatementType = q.substatementType;
    return out;
  }

  batchGet(input) {
    const ids = input.QueryExecutionIds;
    if (!Array.isArray(ids)) throw athenaError.validation('queryExecutionIds', undefined, 'Member must not be null');
    if (ids.length < 1) throw athenaError.validation('queryExecutionIds', '[]', 'Member must have length greater than or equal to 1');
    if (ids.length > 50) throw athenaError.validation('queryExecutionIds', undefined, 'Member must have length less than or equal to 50');
    const found = [];
    const missing = [];
    for (const id of ids) {
      const q = typeof id === 'string' ? this.queries.get(id) : undefined;
      if (q) found.push(this.describe(q));
      else missing.push({ QueryExecutionId: String(id), ErrorCode: 'INVALID_INPUT', ErrorMessage: `QueryExecution ${id} was not found` });
    }
    return { QueryExecutions: found, UnprocessedQueryExecutionIds: missing };
  }

  runtimeStatistics(input) {
    const q = this.lookup(input);
    const end = q.completed ?? this.now();
    const r = q.result;
    const out = {
      Timeline: {
        QueryQueueTimeInMillis: (q.runningAt ?? end) - q.submitted,
        ServicePreProcessingTimeInMillis: 0,
        QueryPlanningTimeInMillis: 0,
        EngineExecutionTimeInMillis: q.runningAt !== undefined ? end - q.runningAt : 0,
        ServiceProcessingTimeInMillis: 0,
        TotalExecutionTimeInMillis: end - q.submitted,
      },
    };
    if (q.state === 'SUCCEEDED' && r) {
      const rows = r.updateCount ?? r.rowCount;
      out.Rows = {
        InputRows: rows,
        InputBytes: q.dataScanned,
        OutputBytes: q.outputBytes ?? 0,
        OutputRows: rows,
      };
    }
    return { QueryRuntimeStatistics: out };
  }

  async getQueryResults(input) {
    const q = this.lookup(input);
    const max = maxResults(input, 1, 1000, 1000);
    let offset = 0;
    let first = true;
    if (input.NextToken !== undefined && input.NextToken !== null) {
      const t = input.NextToken;
      if (typeof t !== 'string' || t.length > 1024) throw athenaError.validation('nextToken', t, 'Member must have length less than or equal to 1024');
      const m = /^r1:([0-9a-f-]{36}):(\d+)$/.exec(Buffer.from(t, 'base64url').toString('utf8'));
      if (!m || m[1] !== q.id) throw athenaError.invalidRequest('Invalid NextToken');
      offset = Number(m[2]);
      first = false;
    }
    if (q.state === 'QUEUED' || q.state === 'RUNNING') {
      throw athenaError.invalidRequest(`Query has not yet finished. Current state: ${q.state}`);
    }
    if (q.state !== 'SUCCEEDED') {
      throw athenaError.invalidRequest(`Query did not finish successfully. Final query state: ${q.state}${q.stateChangeReason ? `\n${q.stateChangeReason}` : ''}`);
    }
    const r = q.result;
    const total = r.updateCount !== undefined ? 0 : q.file.rows;
    if (offset > total) throw athenaError.invalidRequest('Invalid NextToken');
    let room = max;
    const parts = [];
    if (first && q.fileExt === 'csv' && r.updateCount === undefined) {
      parts.push(rowJson(r.columns.map((c) => c.Name)));
      room--;
    }
    const end = Math.min(total, offset + room);
    for (const row of await q.file.readRows(offset, end - offset)) parts.push(row);
    q.columnsJson ??= JSON.stringify(r.columns);
    let body = `{"UpdateCount":${r.updateCount ?? 0},"ResultSet":{"Rows":[${parts.join(',')}],"ResultSetMetadata":{"ColumnInfo":${q.columnsJson}}}`;
    if (end < total) body += `,"NextToken":"${Buffer.from(`r1:${q.id}:${end}`).toString('base64url')}"`;
    return { raw: body + '}' };
  }

  // ---------------------------------------------------------------- workgroups and catalogs

  getWorkGroup(input) {
    const name = requireString(input, 'WorkGroup', 'workGroup', { max: 128 });
    return { WorkGroup: this.workgroup(name) };
  }

  listWorkGroups(input) {
    const all = [...this.workgroups.values()].sort((a, b) => (a.Name < b.Name ? -1 : 1))
      .map((w) => ({ Name: w.Name, State: w.State, Description: w.Description, CreationTime: w.CreationTime, EngineVersion: w.Configuration.EngineVersion }));
    const { items, next } = page(all, input, 'ListWorkGroups', 1, 50, 50);
    return next ? { WorkGroups: items, NextToken: next } : { WorkGroups: items };
  }

  async listDataCatalogs(input) {
    maxResults(input, 2, 50, 50);
    const all = this.catalogs.summaries(await this.engine.listDataCatalogs());
    const { items, next } = page(all, input, 'ListDataCatalogs', 2, 50, 50);
    return next ? { DataCatalogsSummary: items, NextToken: next } : { DataCatalogsSummary: items };
  }

  async getDataCatalog(input) {
    const name = requireString(input, 'Name', 'name', { max: 256 });
    const extra = this.catalogs.dataCatalog(name);
    if (extra) return { DataCatalog: extra };
    return { DataCatalog: await this.engineCall(() => this.engine.getDataCatalog(name)) };
  }

  // ListDatabases, GetDatabase, ListTableMetadata, GetTableMetadata: validated in the order AWS
  // validates (the request's shape first), then the catalog is resolved (a declared catalog may
  // fail here as its kind does), then the engine answers.
  async catalogCall(op, input, ctx) {
    const catalogName = requireString(input, 'CatalogName', 'catalogName', { max: 256 });
    const database = op === 'ListDatabases' ? undefined : requireString(input, 'DatabaseName', 'databaseName', { max: 128 });
    const table = op === 'GetTableMetadata' ? requireString(input, 'TableName', 'tableName', { max: 128 }) : undefined;
    const expression = op === 'ListTableMetadata' ? optionalString(input, 'Expression', 'expression', { min: 0, max: 256 }) : undefined;
    if (op === 'ListDatabases' || op === 'ListTableMetadata') {
      maxResults(input, 1, 50, 50);
      listToken(input, op);
    }
    const catalog = this.catalogs.resolve(catalogName, op, ctx.callerArn ?? DEFAULT_CALLER_ARN);
    switch (op) {
      case 'GetDatabase':
        return { Database: await this.engineCall(() => this.engine.getDatabase(catalog, database)) };
      case 'GetTableMetadata':
        return { TableMetadata: await this.engineCall(() => this.engine.getTableMetadata(catalog, database, table)) };
      case 'ListDatabases': {
        const all = await this.engineCall(() => this.engine.listDatabases(catalog));
        const { items, next } = page(all, input, op, 1, 50, 50);
        return next ? { DatabaseList: items, NextToken: next } : { DatabaseList: items };
      }
      default: {
        const all = await this.engineCall(() => this.engine.listTableMetadata(catalog, database, expression));
        const { items, next } = page(all, input, op, 1, 50, 50);
        return next ? { TableMetadataList: items, NextToken: next } : { TableMetadataList: items };
      }
    }
  }

  // ---------------------------------------------------------------- shutdown

  cancelAll() {
    for (const q of this.queries.values()) {
      if (q.state === 'QUEUED' || q.state === 'RUNNING') {
        this.markCancelled(q);
        q.abort.abort(Object.assign(new Error('shutdown'), { kind: 'cancelled' }));
      }
    }
  }
}

// The athena-local HTTP service: one port for Athena, S3, STS, the credential endpoints
// and the admin endpoints. Signed requests are routed by the service named in their SigV4
// credential scope; unsigned ones by path and method.
import http from 'node:http';
import https from 'node:https';
import { createReadStream, readFileSync, openSync, readSync, closeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { ServiceError, AuthError } from './errors.js';
import { verifyRequest, scopeService } from './sigv4.js';
import { CredentialStore } from './credentials.js';
import { S3Store, handleS3, renderS3Error, s3Error, s3OperationName } from './s3.js';
import { handleSts, renderStsError, parseForm, stsError, STS_OPERATIONS } from './sts.js';
import { CredentialEndpoints, credentialEndpointOp, DEFAULT_ECS_TOKEN, DEFAULT_SSO_TOKEN } from './credential-endpoints.js';
import { AthenaService, ATHENA_OPERATIONS, DEFAULT_RESULTS_BUCKET } from './athena.js';
import { Faults, parseSpec, parseLatencyProfile, FaultSpecError, alterBody } from './faults.js';
import { Stats } from './stats.js';
import { Catalogs, CatalogError, parseCatalogSpec } from './catalogs.js';
import { sleep, isLoopback, parseQuery } from './util.js';

const MAX_BODY_BYTES = 512 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// aws-chunked bodies (STREAMING-UNSIGNED-PAYLOAD-TRAILER): "<hex size>[;ext]\r\n<data>\r\n"...
// "0\r\n<trailers>\r\n\r\n". Returns the decoded payload or undefined when malformed.
export function decodeAwsChunked(buf) {
  const parts = [];
  let pos = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', pos);
    if (eol < 0) return undefined;
    const size = parseInt(buf.subarray(pos, eol).toString('latin1').split(';')[0], 16);
    if (!Number.isFinite(size) || size < 0) return undefined;
    pos = eol + 2;
    if (size === 0) break;
    if (pos + size > buf.length) return undefined;
    parts.push(buf.subarray(pos, pos + size));
    pos += size + 2;
  }
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------- error rendering per service

function renderAthenaError(err, reqId) {
  const body = { __type: err.code };
  if (err.code === 'UnknownOperationException') {
    // Coral answers an unknown target with the type alone.
  } else if (err.lowercaseMessage) {
    body.message = err.message;
  } else {
    body.Message = err.message;
  }
  if (err.extra) Object.assign(body, err.extra);
  return {
    status: err.status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': reqId },
    body: JSON.stringify(body),
  };
}

function frontEndError(code, message, status = 400) {
  const e = new ServiceError(code, message, status);
  e.lowercaseMessage = true;
  return e;
}

function authToServiceError(service, e) {
  if (service === 's3') {
    switch (e.kind) {
      case 'missing': return s3Error('AccessDenied');
      case 'malformed': return s3Error('AuthorizationHeaderMalformed', undefined, e.message);
      case 'unknown-key': return s3Error('InvalidAccessKeyId');
      case 'bad-token': return s3Error('InvalidToken');
      case 'expired-token': return s3Error('ExpiredToken');
      case 'skew-past': case 'skew-future': return s3Error('RequestTimeTooSkewed');
      case 'sha256-mismatch': return s3Error('XAmzContentSHA256Mismatch');
      case 'missing-sha256': return s3Error('InvalidRequest', undefined, e.message);
      default: return s3Error('SignatureDoesNotMatch');
    }
  }
  if (service === 'sts') {
    switch (e.kind) {
      case 'missing': return stsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
      case 'malformed': return stsError('IncompleteSignature', e.message, 400);
      case 'unknown-key': case 'bad-token': return stsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
      case 'expired-token': return stsError('ExpiredToken', 'The security token included in the request is expired', 403);
      case 'skew-past': case 'skew-future': return stsError('SignatureDoesNotMatch', e.message, 403);
      default: return stsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.', 403);
    }
  }
  switch (e.kind) {
    case 'missing': return frontEndError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    case 'malformed': return frontEndError('IncompleteSignatureException', e.message);
    case 'unknown-key': case 'bad-token': return frontEndError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    case 'expired-token': return frontEndError('ExpiredTokenException', 'The security token included in the request is expired');
    default: return frontEndError('InvalidSignatureException', e.message);
  }
}

function faultError(service, fault) {
  if (fault.throttle) {
    if (service === 's3') return s3Error('SlowDown');
    if (service === 'sts') return stsError('Throttling', 'Rate exceeded', 400);
    return new ServiceError('ThrottlingException', 'Rate exceeded', 400);
  }
  const status = fault.fail;
  if (service === 's3') {
    const e = s3Error(status === 503 ? 'ServiceUnavailable' : 'InternalError');
    e.status = status;
    return e;
  }
  if (service === 'sts') return stsError(status === 503 ? 'ServiceUnavailable' : 'InternalFailure', status === 503 ? 'Service Unavailable' : 'Internal Failure', status);
  if (service === 'athena') {
    return status === 503
      ? frontEndError('ServiceUnavailableException', 'Service Unavailable', 503)
      : new ServiceError('InternalServerException', 'Internal error', status);
  }
  return new ServiceError('ServiceUnavailable', 'Service Unavailable', status);
}

// ---------------------------------------------------------------- the service

export async function startAthenaLocal(options = {}) {
  const {
    host = '127.0.0.1',
    port = 0,
    dataDir,
    latency,
    faults: faultSpec,
    credentialLifetime = 900,
    ecsToken = process.env.ATHENA_LOCAL_ECS_TOKEN || DEFAULT_ECS_TOKEN,
    ssoTokens = (process.env.ATHENA_LOCAL_SSO_TOKENS || DEFAULT_SSO_TOKEN).split(',').map((s) => s.trim()).filter(Boolean),
    catalogs: catalogSpecs = [],
    tlsCert,
    tlsKey,
    tlsMax,
    now = () => Date.now(),
  } = options;

  let { engine, render } = options;
  if (!engine) {
    const mod = await import(options.engineModule ?? './engine/index.js');
    engine = await mod.createEngine({ dataDir });
  }
  if (!render) render = await import(options.renderModule ?? './engine/render.js');

  const stats = new Stats();
  const faults = new Faults(typeof faultSpec === 'object' && faultSpec !== null ? faultSpec : parseSpec(faultSpec ?? ''), { now });
  if (latency !== undefined) faults.setBaseLatency(typeof latency === 'string' ? parseLatencyProfile(latency) : latency);
  const store = new CredentialStore({ lifetimeSeconds: credentialLifetime, now });
  const credEndpoints = new CredentialEndpoints({ store, ecsToken, ssoTokens, now });
  const s3 = await S3Store.create();
  s3.createBucket(DEFAULT_RESULTS_BUCKET);
  const catalogs = new Catalogs(catalogSpecs.flatMap((spec) => (typeof spec === 'string' ? parseCatalogSpec(spec) : [spec])));
  const athena = new AthenaService({ engine, s3, stats, faults, catalogs, now });
  athena.render = render;
  const closing = new AbortController();

  async function send(req, res, resp, op, reqBytes, resetAfter) {
    const bodyBuf = resp.body === undefined ? undefined : (Buffer.isBuffer(resp.body) ? resp.body : Buffer.from(resp.body));
    const size = resp.file ? resp.file.end - resp.file.start + 1 : (bodyBuf?.length ?? 0);
    const ms = faults.latencyMs(op, size + reqBytes);
    if (ms > 0) await sleep(ms, closing.signal);
    if (resetAfter === true) {
      stats.fault(op, 'reset');
      req.socket.resetAndDestroy();
      return;
    }
    const headers = { ...resp.headers };
    if (headers['content-length'] === undefined) headers['content-length'] = String(size);
    res.writeHead(resp.status, headers);
    if (resetAfter === 'body' && req.method !== 'HEAD' && size > 1) {
      // the connection breaks mid-body: the first half of the body, then the connection closes
      stats.fault(op, 'reset');
      const half = Math.floor(size / 2);
      let part = bodyBuf?.subarray(0, half);
      if (resp.file) {
        part = Buffer.alloc(half);
        const fd = openSync(resp.file.path, 'r');
        try {
          readSync(fd, part, 0, half, resp.file.start);
        } finally {
          closeSync(fd);
        }
      }
      res.write(part, () => req.socket.destroy());
      return;
    }
    if (req.method === 'HEAD' || !resp.file) {
      res.end(req.method === 'HEAD' ? undefined : bodyBuf);
      return;
    }
    const stream = createReadStream(resp.file.path, { start: resp.file.start, end: resp.file.end, highWaterMark: 256 * 1024 });
    const kibps = op === 's3:GetObject' ? faults.s3BandwidthKiBps : undefined;
    if (!kibps) {
      await pipeline(stream, res);
      return;
    }
    const started = Date.now();
    let sent = 0;
    const chunkMax = Math.max(1024, Math.min(64 * 1024, Math.floor(kibps * 1024 / 10)));
    try {
      for await (const chunk of stream) {
        for (let i = 0; i < chunk.length; i += chunkMax) {
          const piece = chunk.subarray(i, i + chunkMax);
          const due = started + ((sent + piece.length) / (kibps * 1024)) * 1000;
          const wait = due - Date.now();
          if (wait > 0) await sleep(wait, closing.signal);
          sent += piece.length;
          if (!res.write(piece)) await new Promise((r) => res.once('drain', r));
          if (res.destroyed) return;
        }
      }
      res.end();
    } finally {
      stream.destroy();
    }
  }

  async function admin(req, res, path) {
    const reply = (status, obj) => {
      const body = JSON.stringify(obj, null, 2);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (!isLoopback(req.socket.remoteAddress)) return reply(403, { error: 'the admin endpoints answer loopback clients only' });
    const body = await readBody(req);
    if (path === '/_athena_local/stats' && req.method === 'GET') {
      const states = {};
      for (const q of athena.queries.values()) states[q.state] = (states[q.state] ?? 0) + 1;
      return reply(200, stats.toJSON({ queries: states }));
    }
    if (path === '/_athena_local/stats/reset' && req.method === 'POST') {
      stats.reset();
      return reply(200, { ok: true });
    }
    if (path === '/_athena_local/faults') {
      if (req.method === 'GET') return reply(200, faults.snapshot());
      if (req.method === 'DELETE') {
        faults.set(parseSpec(''));
        return reply(200, faults.snapshot());
      }
      if (req.method === 'POST' || req.method === 'PUT') {
        try {
          faults.set(parseSpec(body.toString('utf8')));
        } catch (e) {
          if (e instanceof FaultSpecError) return reply(400, { error: e.message });
          throw e;
        }
        return reply(200, faults.snapshot());
      }
    }
    if (path === '/_athena_local/catalogs') {
      if (req.method === 'GET') return reply(200, catalogs.snapshot());
      if (req.method === 'DELETE') {
        catalogs.clear();
        return reply(200, catalogs.snapshot());
      }
      if (req.method === 'POST' || req.method === 'PUT') {
        try {
          for (const c of parseCatalogSpec(body.toString('utf8'))) catalogs.add(c);
        } catch (e) {
          if (e instanceof CatalogError) return reply(400, { error: e.message });
          throw e;
        }
        return reply(200, catalogs.snapshot());
      }
    }
    if (path.startsWith('/_athena_local/catalogs/') && req.method === 'DELETE') {
      const name = decodeURIComponent(path.slice('/_athena_local/catalogs/'.length));
      if (!catalogs.remove(name)) return reply(404, { error: `no declared catalog ${name}` });
      return reply(200, catalogs.snapshot());
    }
    if (path === '/_athena_local/health' && req.method === 'GET') return reply(200, { ok: true });
    return reply(404, { error: `no admin endpoint ${req.method} ${path}` });
  }

  async function handle(req, res) {
    const reqId = randomUUID();
    const url = req.url ?? '/';
    const qi = url.indexOf('?');
    const rawPath = qi < 0 ? url : url.slice(0, qi);
    const rawQuery = qi < 0 ? '' : url.slice(qi + 1);
    const query = parseQuery(rawQuery);
    const headers = req.headers;

    if (rawPath.startsWith('/_athena_local/')) return admin(req, res, rawPath);

    // Unsigned endpoints are routed by path before any SigV4 check (an AWS4-signed request to
    // the same path is an S3 request for a bucket of that name).
    const credOp = String(headers.authorization ?? '').startsWith('AWS4-') ? undefined : credentialEndpointOp(req.method, rawPath);
    if (credOp) {
      await readBody(req);
      stats.call(credOp);
      const fault = faults.decide(credOp);
      if (fault && !fault.reset) {
        stats.fault(credOp, fault.throttle ? 'throttle' : `http${fault.fail}`);
        return send(req, res, { status: fault.throttle ? 429 : fault.fail, headers: { 'content-type': 'text/plain' }, body: fault.throttle ? 'Too Many Requests' : 'Service Unavailable' }, credOp, 0, false);
      }
      if (fault?.reset === 'before') {
        stats.fault(credOp, 'reset');
        req.socket.resetAndDestroy();
        return undefined;
      }
      const resp = credEndpoints.handle(credOp, req.method, rawPath, query, headers);
      return send(req, res, resp, credOp, 0, fault?.reset === 'after');
    }

    let body;
    try {
      body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        res.writeHead(413, { connection: 'close' });
        res.end();
        return undefined;
      }
      throw e;
    }

    // Which service?
    let service = scopeService(headers);
    const contentType = String(headers['content-type'] ?? '');
    let form;
    if (service === undefined) {
      if (headers['x-amz-target'] !== undefined) service = 'athena';
      else if (req.method === 'POST' && rawPath === '/' && contentType.startsWith('application/x-www-form-urlencoded')) service = 'sts';
      else service = 's3';
    }

    let op;
    if (service === 'athena') {
      const target = String(headers['x-amz-target'] ?? '');
      const name = target.startsWith('AmazonAthena.') ? target.slice('AmazonAthena.'.length) : '';
      op = ATHENA_OPERATIONS.has(name) ? name : 'Unknown';
    } else if (service === 'sts') {
      form = parseForm(body);
      op = STS_OPERATIONS.has(form.Action) ? form.Action : 'Unknown';
    } else if (service === 's3') {
      op = s3OperationName(req.method, rawPath, query);
    } else {
      op = 'Unknown';
    }
    const opKey = `${service}:${op}`;
    stats.call(opKey);

    const renderError = (err) => {
      if (service === 's3') {
        const r = renderS3Error(err, reqId, req.method === 'HEAD');
        if (err.headers) Object.assign(r.headers, err.headers);
        return r;
      }
      if (service === 'sts') return renderStsError(err, reqId);
      return renderAthenaError(err, reqId);
    };

    let resp;
    let resetAfter = false;
    try {
      if (!['athena', 's3', 'sts'].includes(service)) {
        throw frontEndError('UnrecognizedClientException', `athena-local does not serve the service "${service}"`);
      }
      const unsignedAllowed = service === 'sts' && op === 'AssumeRoleWithWebIdentity' && headers.authorization === undefined;
      let caller;
      if (!unsignedAllowed) {
        if (service === 's3' && headers.authorization === undefined && query['X-Amz-Signature'] !== undefined) {
          throw s3Error('NotImplemented', undefined, 'athena-local does not accept presigned URLs');
        }
        try {
          ({ credentials: caller } = await verifyRequest(
            { method: req.method, rawPath, query, headers, body, rawBody: body },
            store, { now: now(), requireContentSha256: service === 's3' }));
        } catch (e) {
          if (e instanceof AuthError) {
            stats.authFailure(opKey);
            throw authToServiceError(service, e);
          }
          throw e;
        }
      }

      const fault = faults.decide(opKey);
      if (fault?.reset === 'before') {
        stats.fault(opKey, 'reset');
        req.socket.resetAndDestroy();
        return undefined;
      }
      if (fault?.reset === 'after') resetAfter = true;
      else if (fault?.reset === 'body') resetAfter = 'body';
      else if (fault) {
        stats.fault(opKey, fault.throttle ? 'throttle' : `http${fault.fail}`);
        throw faultError(service, fault);
      }

      if (service === 'athena') {
        if (op === 'Unknown') throw new ServiceError('UnknownOperationException', undefined, 400);
        let input;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.', 400);
        }
        if (input === null || typeof input !== 'object' || Array.isArray(input)) {
          throw new ServiceError('SerializationException', 'Start of structure or map found where not expected.', 400);
        }
        const out = await athena.handle(op, input, { callerArn: caller?.identity?.arn });
        resp = {
          status: 200,
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': reqId },
          body: out.raw ?? JSON.stringify(out),
        };
      } else if (service === 'sts') {
        resp = handleSts(form.Action, form, caller, { store, reqId, now: now() });
      } else {
        let payload = body;
        const sha = headers['x-amz-content-sha256'];
        if (typeof sha === 'string' && sha.startsWith('STREAMING-')) {
          if (sha !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
            throw s3Error('NotImplemented', undefined, `athena-local does not implement ${sha} payloads`);
          }
          payload = decodeAwsChunked(body);
          const declared = headers['x-amz-decoded-content-length'];
          if (payload === undefined || (declared !== undefined && Number(declared) !== payload.length)) {
            throw s3Error('IncompleteBody', undefined, 'You did not provide the number of bytes specified by the Content-Length HTTP header.');
          }
        }
        resp = await handleS3(s3, { method: req.method, rawPath, query, headers, body: payload, reqId, op });
      }
    } catch (e) {
      if (e instanceof ServiceError) {
        resp = renderError(e);
      } else {
        process.stderr.write(`athena-local: internal error in ${opKey}: ${e?.stack ?? e}\n`);
        resp = renderError(service === 's3' ? s3Error('InternalError') : service === 'sts'
          ? stsError('InternalFailure', 'Internal Failure', 500) : new ServiceError('InternalServerException', 'Internal error', 500));
      }
    }
    const bodyRule = resp && resp.status >= 200 && resp.status < 300 && req.method !== 'HEAD' ? faults.takeBody(opKey) : null;
    if (bodyRule) {
      stats.fault(opKey, 'body');
      resp = alteredResponse(resp, bodyRule);
    }
    return send(req, res, resp, opKey, body.length, resetAfter);
  }

  // The answer with its body altered by a bodyNext rule (a file is read into memory).
  function alteredResponse(resp, rule) {
    let buf;
    if (resp.file) {
      buf = Buffer.alloc(resp.file.end - resp.file.start + 1);
      const fd = openSync(resp.file.path, 'r');
      try {
        readSync(fd, buf, 0, buf.length, resp.file.start);
      } finally {
        closeSync(fd);
      }
    } else {
      buf = Buffer.isBuffer(resp.body) ? resp.body : Buffer.from(resp.body ?? '');
    }
    const headers = { ...resp.headers };
    delete headers['content-length'];
    return { status: resp.status, headers, body: alterBody(rule, buf) };
  }

  // --tls-cert/--tls-key: HTTPS instead of plain HTTP, for the driver's TLS tests: TLS 1.2 or later,
  // or, with --tls-max TLSv1.1 or below, only those old versions (and the ciphers they need)
  const old = tlsMax === 'TLSv1' || tlsMax === 'TLSv1.1';
  const tls = tlsCert ? {
    cert: readFileSync(tlsCert),
    key: readFileSync(tlsKey),
    minVersion: old ? 'TLSv1' : 'TLSv1.2',
    ...(tlsMax ? { maxVersion: tlsMax } : {}),
    ...(old ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
  } : null;
  const server = (tls ? https : http).createServer({ keepAliveTimeout: 60000, ...tls }, (req, res) => {
    handle(req, res).catch((e) => {
      if (e?.name === 'AbortError' || closing.signal.aborted || e?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
        res.destroy();
        return;
      }
      process.stderr.write(`athena-local: ${e?.stack ?? e}\n`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error');
      } else {
        res.destroy();
      }
    });
  });
  server.headersTimeout = 60000;
  server.requestTimeout = 0;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const urlHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  let closed;
  async function close() {
    if (closed) return closed;
    closed = (async () => {
      closing.abort();
      athena.cancelAll();
      server.close();
      server.closeAllConnections();
      try {
        await engine.close?.();
      } catch {
        // shutting down anyway
      }
      await s3.destroy();
    })();
    return closed;
  }

  return {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${addr.port}`,
    host: addr.address,
    port: addr.port,
    server,
    stats,
    faults,
    store,
    s3,
    athena,
    catalogs,
    engine,
    close,
  };
}


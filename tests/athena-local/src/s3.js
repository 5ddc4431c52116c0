// A small path-style S3: buckets and objects kept as files in a temporary directory
// (removed on exit), served by streaming from disk.
import { mkdtemp, rm, writeFile, unlink, rename, link } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceError } from './errors.js';
import { ACCOUNT_ID, md5Hex, xmlEscape, firstValue } from './util.js';

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export class S3Store {
  static async create() {
    const dir = await mkdtemp(join(tmpdir(), 'athena-local-s3-'));
    return new S3Store(dir);
  }

  constructor(dir) {
    this.dir = dir;
    this.buckets = new Map();
    this.seq = 0;
  }

  createBucket(name) {
    if (this.buckets.has(name)) return false;
    this.buckets.set(name, { name, created: Date.now(), objects: new Map() });
    return true;
  }

  bucket(name) {
    return this.buckets.get(name);
  }

  async putObject(bucketName, key, data, contentType = 'binary/octet-stream') {
    const b = this.buckets.get(bucketName);
    if (!b) throw new Error(`no bucket ${bucketName}`);
    const file = join(this.dir, `o${++this.seq}`);
    const tmp = `${file}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
    const obj = {
      key,
      file,
      size: data.length,
      etag: `"${md5Hex(data)}"`,
      lastModified: Date.now(),
      contentType,
    };
    const old = b.objects.get(key);
    b.objects.set(key, obj);
    if (old) await unlink(old.file).catch(() => {});
    return obj;
  }

  // Stores an existing file { path, bytes, etag } as an object without copying it (a hard link:
  // the object may be overwritten or deleted while the file itself stays).
  async putObjectFile(bucketName, key, { path, bytes, etag }, contentType = 'binary/octet-stream') {
    const b = this.buckets.get(bucketName);
    if (!b) throw new Error(`no bucket ${bucketName}`);
    const file = join(this.dir, `o${++this.seq}`);
    await link(path, file);
    const obj = { key, file, size: bytes, etag, lastModified: Date.now(), contentType };
    const old = b.objects.get(key);
    b.objects.set(key, obj);
    if (old) await unlink(old.file).catch(() => {});
    return obj;
  }

  getObject(bucketName, key) {
    return this.buckets.get(bucketName)?.objects.get(key);
  }

  async deleteObject(bucketName, key) {
    const b = this.buckets.get(bucketName);
    const old = b?.objects.get(key);
    if (!old) return;
    b.objects.delete(key);
    await unlink(old.file).catch(() => {});
  }

  async destroy() {
    await rm(this.dir, { recursive: true, force: true });
  }
}

export function parseS3Uri(uri) {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri ?? '');
  if (!m) return undefined;
  return { bucket: m[1], key: m[2] };
}

// ---------------------------------------------------------------- routing

// Split "/bucket/key" (raw, percent-encoded) into its parts.
export function s3Target(rawPath) {
  const p = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  const i = p.indexOf('/');
  const dec = (s) => { try { return decodeURIComponent(s); } catch { return s; } };
  if (p === '') return { bucket: undefined, key: undefined };
  if (i < 0) return { bucket: dec(p), key: undefined };
  const key = dec(p.slice(i + 1));
  return { bucket: dec(p.slice(0, i)), key: key === '' ? undefined : key };
}

export function s3OperationName(method, rawPath, query) {
  const { bucket, key } = s3Target(rawPath);
  if (bucket === undefined) return method === 'GET' ? 'ListBuckets' : 'Unknown';
  if (key === undefined) {
    switch (method) {
      case 'PUT': return 'CreateBucket';
      case 'HEAD': return 'HeadBucket';
      case 'DELETE': return 'DeleteBucket';
      case 'GET':
        if ('location' in query) return 'GetBucketLocation';
        return query['list-type'] === '2' ? 'ListObjectsV2' : 'ListObjects';
      default: return 'Unknown';
    }
  }
  switch (method) {
    case 'GET': return 'GetObject';
    case 'HEAD': return 'HeadObject';
    case 'PUT': return query.partNumber !== undefined || query.uploadId !== undefined ? 'UploadPart'
      : (query['x-id'] === 'CopyObject' ? 'CopyObject' : 'PutObject');
    case 'DELETE': return 'DeleteObject';
    default: return 'Unknown';
  }
}

// ---------------------------------------------------------------- errors

const S3_ERRORS = {
  NoSuchKey: [404, 'The specified key does not exist.'],
  NoSuchBucket: [404, 'The specified bucket does not exist'],
  AccessDenied: [403, 'Access Denied'],
  InvalidAccessKeyId: [403, 'The AWS Access Key Id you provided does not exist in our records.'],
  SignatureDoesNotMatch: [403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
  InvalidToken: [400, 'The provided token is malformed or otherwise invalid.'],
  ExpiredToken: [400, 'The provided token has expired.'],
  RequestTimeTooSkewed: [403, 'The difference between the request time and the current time is too large.'],
  XAmzContentSHA256Mismatch: [400, "The provided 'x-amz-content-sha256' header does not match what was computed."],
  InvalidRange: [416, 'The requested range is not satisfiable'],
  BucketAlreadyOwnedByYou: [409, 'Your previous request to create the named bucket succeeded and you already own it.'],
  BucketNotEmpty: [409, 'The bucket you tried to delete is not empty'],
  InvalidBucketName: [400, 'The specified bucket is not valid.'],
  InvalidArgument: [400, 'Invalid Argument'],
  InvalidRequest: [400, 'Invalid Request'],
  NotImplemented: [501, 'A header you provided implies functionality that is not implemented'],
  MethodNotAllowed: [405, 'The specified method is not allowed against this resource.'],
  InternalError: [500, 'We encountered an internal error. Please try again.'],
  SlowDown: [503, 'Please reduce your request rate.'],
  ServiceUnavailable: [503, 'Service is unable to handle request.'],
};

export function s3Error(code, extra, message) {
  const [status, dflt] = S3_ERRORS[code] ?? [400, code];
  return new ServiceError(code, message ?? dflt, status, extra);
}

export function renderS3Error(err, reqId, isHead) {
  const fields = err.extra ? Object.entries(err.extra).map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`).join('') : '';
  const body = isHead ? '' : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${err.code}</Code><Message>${xmlEscape(err.message)}</Message>${fields}<RequestId>${reqId}</RequestId><HostId>${Buffer.from(reqId).toString('base64')}</HostId></Error>`;
  return {
    status: err.status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': reqId },
    body,
  };
}

// ---------------------------------------------------------------- operations

function httpDate(ms) {
  return new Date(ms).toUTCString();
}

function xmlResponse(reqId, body) {
  return {
    status: 200,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': reqId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  };
}

function validBucketName(name) {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !/\.\./.test(name) && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
}

function parseRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // not a single range: ignored, as S3 does
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  let end = m[2] === '' ? size - 1 : Number(m[2]);
  if (m[2] !== '' && end < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  end = Math.min(end, size - 1);
  return { start, end };
}

function objectHeaders(obj, reqId) {
  return {
    'content-type': obj.contentType,
    etag: obj.etag,
    'last-modified': httpDate(obj.lastModified),
    'accept-ranges': 'bytes',
    'x-amz-request-id': reqId,
  };
}

// ctx: { method, rawPath, query, headers, body, reqId, op }
export async function handleS3(store, ctx) {
  const { method, query, headers, reqId, op } = ctx;
  const { bucket: bucketName, key } = s3Target(ctx.rawPath);
  const owner = headers['x-amz-expected-bucket-owner'];
  if (owner !== undefined && owner !== ACCOUNT_ID) throw s3Error('AccessDenied');

  if (op === 'ListBuckets') {
    const list = [...store.buckets.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((b) => `<Bucket><Name>${xmlEscape(b.name)}</Name><CreationDate>${new Date(b.created).toISOString()}</CreationDate></Bucket>`).join('');
    return xmlResponse(reqId, `<ListAllMyBucketsResult xmlns="${XMLNS}"><Owner><ID>${ACCOUNT_ID}</ID><DisplayName>athena-local</DisplayName></Owner><Buckets>${list}</Buckets></ListAllMyBucketsResult>`);
  }

  if (op === 'CreateBucket') {
    if (!validBucketName(bucketName)) throw s3Error('InvalidBucketName', { BucketName: bucketName });
    if (!store.createBucket(bucketName)) throw s3Error('BucketAlreadyOwnedByYou', { BucketName: bucketName });
    return { status: 200, headers: { location: `/${bucketName}`, 'x-amz-request-id': reqId }, body: '' };
  }

  const bucket = store.bucket(bucketName);
  if (!bucket) throw s3Error('NoSuchBucket', { BucketName: bucketName });

  switch (op) {
    case 'HeadBucket':
      return { status: 200, headers: { 'x-amz-bucket-region': 'us-east-1', 'x-amz-request-id': reqId }, body: '' };
    case 'GetBucketLocation':
      return xmlResponse(reqId, `<LocationConstraint xmlns="${XMLNS}"/>`);
    case 'DeleteBucket':
      if (bucket.objects.size > 0) throw s3Error('BucketNotEmpty', { BucketName: bucketName });
      store.buckets.delete(bucketName);
      return { status: 204, headers: { 'x-amz-request-id': reqId }, body: '' };
    case 'ListObjectsV2':
      return listObjectsV2(bucket, query, reqId);
    case 'PutObject': {
      if (headers['x-amz-copy-source'] !== undefined) throw s3Error('NotImplemented');
      const obj = await store.putObject(bucketName, key, ctx.body, headers['content-type'] ?? 'binary/octet-stream');
      return { status: 200, headers: { etag: obj.etag, 'x-amz-request-id': reqId }, body: '' };
    }
    case 'DeleteObject':
      await store.deleteObject(bucketName, key);
      return { status: 204, headers: { 'x-amz-request-id': reqId }, body: '' };
    case 'HeadObject':
    case 'GetObject': {
      const obj = store.getObject(bucketName, key);
      if (!obj) throw s3Error('NoSuchKey', { Key: key });
      const h = objectHeaders(obj, reqId);
      const rangeHeader = headers.range;
      if (rangeHeader !== undefined) {
        const r = parseRange(rangeHeader, obj.size);
        if (r === 'unsatisfiable') {
          const e = s3Error('InvalidRange', { RangeRequested: rangeHeader, ActualObjectSize: String(obj.size) });
          e.headers = { 'content-range': `bytes */${obj.size}` };
          throw e;
        }
        if (r) {
          h['content-range'] = `bytes ${r.start}-${r.end}/${obj.size}`;
          h['content-length'] = String(r.end - r.start + 1);
          return { status: 206, headers: h, file: op === 'GetObject' ? { path: obj.file, start: r.start, end: r.end } : undefined, body: op === 'HeadObject' ? '' : undefined };
        }
      }
      h['content-length'] = String(obj.size);
      if (op === 'HeadObject' || obj.size === 0) return { status: 200, headers: h, body: '', bodyLength: obj.size };
      return { status: 200, headers: h, file: { path: obj.file, start: 0, end: obj.size - 1 } };
    }
    default:
      throw s3Error('NotImplemented', undefined, `athena-local does not implement ${op}`);
  }
}

function listObjectsV2(bucket, query, reqId) {
  const prefix = firstValue(query.prefix) ?? '';
  const delimiter = firstValue(query.delimiter) || undefined;
  const maxKeysRaw = firstValue(query['max-keys']);
  const maxKeys = maxKeysRaw === undefined ? 1000 : Number(maxKeysRaw);
  if (!Number.isInteger(maxKeys) || maxKeys < 0) throw s3Error('InvalidArgument', { ArgumentName: 'max-keys' }, 'Provided max-keys not an integer or within integer range');
  const encodingType = firstValue(query['encoding-type']);
  if (encodingType !== undefined && encodingType !== 'url') throw s3Error('InvalidArgument', { ArgumentName: 'encoding-type' }, 'Invalid Encoding Method specified in Request');
  const token = firstValue(query['continuation-token']);
  let after = firstValue(query['start-after']) ?? '';
  if (token !== undefined) {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    if (!decoded.startsWith('k:')) throw s3Error('InvalidArgument', { ArgumentName: 'continuation-token' }, 'The continuation token provided is incorrect');
    after = decoded.slice(2);
  }
  const enc = (s) => (encodingType === 'url' ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
  const keys = [...bucket.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
  const contents = [];
  const prefixes = [];
  let count = 0;
  let truncated = false;
  let last;
  for (const k of keys) {
    let cp;
    if (delimiter) {
      const i = k.indexOf(delimiter, prefix.length);
      if (i >= 0) cp = k.slice(0, i + delimiter.length);
    }
    if (cp !== undefined && prefixes.length && prefixes[prefixes.length - 1] === cp) continue;
    if (cp !== undefined && last !== undefined && last >= cp) continue;
    if (count >= maxKeys) { truncated = true; break; }
    count++;
    if (cp !== undefined) {
      prefixes.push(cp);
      last = cp + '\uffff';
    } else {
      contents.push(bucket.objects.get(k));
      last = k;
    }
  }
  const nextToken = truncated ? Buffer.from(`k:${last}`).toString('base64') : undefined;
  const parts = [
    `<ListBucketResult xmlns="${XMLNS}">`,
    `<Name>${xmlEscape(bucket.name)}</Name>`,
    `<Prefix>${xmlEscape(enc(prefix))}</Prefix>`,
    `<KeyCount>${count}</KeyCount>`,
    `<MaxKeys>${maxKeys}</MaxKeys>`,
    delimiter ? `<Delimiter>${xmlEscape(enc(delimiter))}</Delimiter>` : '',
    `<IsTruncated>${truncated}</IsTruncated>`,
    ...contents.map((o) => `<Contents><Key>${xmlEscape(enc(o.key))}</Key><LastModified>${new Date(o.lastModified).toISOString()}</LastModified><ETag>${xmlEscape(o.etag)}</ETag><Size>${o.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`),
    ...prefixes.map((p) => `<CommonPrefixes><Prefix>${xmlEscape(enc(p))}</Prefix></CommonPrefixes>`),
    token !== undefined ? `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>` : '',
    nextToken ? `<NextContinuationToken>${nextToken}</NextContinuationToken>` : '',
    query['start-after'] !== undefined ? `<StartAfter>${xmlEscape(enc(firstValue(query['start-after'])))}</StartAfter>` : '',
    encodingType ? '<EncodingType>url</EncodingType>' : '',
    '</ListBucketResult>',
  ];
  return xmlResponse(reqId, parts.join(''));
}

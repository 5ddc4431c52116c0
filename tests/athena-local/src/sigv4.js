// SigV4 verification. The signature is recomputed with the AWS SDK for JavaScript's own
// signer (@smithy/signature-v4) over exactly the headers the client says it signed, then
// compared in constant time. Nothing here writes a secret, token or signature anywhere.
import { timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Hash } from '@smithy/hash-node';
import { AuthError } from './errors.js';
import { sha256Hex } from './util.js';

const Sha256 = Hash.bind(null, 'sha256');
const MAX_SKEW_MS = 15 * 60 * 1000;

export function parseAuthorization(header) {
  const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header ?? '');
  if (!m) return null;
  const fields = {};
  for (const part of m[1].split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    fields[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  if (!fields.Credential || !fields.SignedHeaders || !fields.Signature) return { malformed: true };
  const scope = fields.Credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') return { malformed: true };
  return {
    accessKeyId: scope[0],
    date: scope[1],
    region: scope[2],
    service: scope[3],
    signedHeaders: fields.SignedHeaders.split(';').map((h) => h.trim().toLowerCase()),
    signature: fields.Signature,
  };
}

// The service named in the credential scope, used for routing; undefined when unsigned.
export function scopeService(headers) {
  const auth = parseAuthorization(headers.authorization);
  return auth && !auth.malformed ? auth.service : undefined;
}

function parseAmzDate(s) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s ?? '');
  if (!m) return undefined;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(t) ? undefined : t;
}

function amzDate(ms) {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const HEX64 = /^[0-9a-f]{64}$/;

// req: { method, rawPath, query (decoded object), headers (lower-case), body (Buffer) }
// Returns { credentials, auth } on success; throws AuthError otherwise.
export async function verifyRequest(req, store, { now = Date.now(), requireContentSha256 = false } = {}) {
  const auth = parseAuthorization(req.headers.authorization);
  if (!auth) {
    if (req.headers.authorization) throw new AuthError('malformed', 'Authorization header is not AWS4-HMAC-SHA256.');
    throw new AuthError('missing', 'Missing Authentication Token');
  }
  if (auth.malformed) {
    throw new AuthError('malformed', "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
  }
  const dateHeader = req.headers['x-amz-date'];
  const signingDate = parseAmzDate(dateHeader);
  if (signingDate === undefined) {
    throw new AuthError('malformed', "Authorization header requires existence of a valid 'X-Amz-Date' header.");
  }
  if (signingDate < now - MAX_SKEW_MS) {
    throw new AuthError('skew-past',
      `Signature expired: ${dateHeader} is now earlier than ${amzDate(now - MAX_SKEW_MS)} (${amzDate(now)} - 15 min.)`);
  }
  if (signingDate > now + MAX_SKEW_MS) {
    throw new AuthError('skew-future',
      `Signature not yet current: ${dateHeader} is still later than ${amzDate(now + MAX_SKEW_MS)} (${amzDate(now)} + 15 min.)`);
  }
  if (!auth.signedHeaders.includes('host')) {
    throw new AuthError('malformed', "'Host' must be a signed header.");
  }

  const creds = store.lookup(auth.accessKeyId);
  if (!creds) throw new AuthError('unknown-key', 'The security token included in the request is invalid.');

  const token = req.headers['x-amz-security-token'];
  if (creds.sessionToken === undefined) {
    if (token !== undefined) throw new AuthError('bad-token', 'The security token included in the request is invalid.');
  } else {
    if (token !== creds.sessionToken) throw new AuthError('bad-token', 'The security token included in the request is invalid.');
    if (creds.expiration <= now) throw new AuthError('expired-token', 'The security token included in the request is expired');
  }

  const contentSha = req.headers['x-amz-content-sha256'];
  if (requireContentSha256 && contentSha === undefined) {
    throw new AuthError('missing-sha256', 'Missing required header for this request: x-amz-content-sha256');
  }

  // Rebuild the request from what was signed, and sign it again with the SDK's signer.
  const headers = {};
  for (const name of auth.signedHeaders) {
    const v = req.headers[name];
    if (v !== undefined) headers[name] = Array.isArray(v) ? v.join(',') : String(v);
  }
  const request = new HttpRequest({
    method: req.method,
    protocol: 'http:',
    hostname: String(req.headers.host ?? '').replace(/:\d+$/, ''),
    path: req.rawPath,
    query: req.query,
    headers,
    body: req.body,
  });
  const signer = new SignatureV4({
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: Sha256,
    uriEscapePath: auth.service !== 's3',
    applyChecksum: false,
  });
  let signed;
  try {
    signed = await signer.sign(request, {
      signingDate: new Date(signingDate),
      signingRegion: auth.region,
      signingService: auth.service,
      signableHeaders: new Set(auth.signedHeaders),
    });
  } catch {
    throw new AuthError('bad-signature', 'The request signature we calculated does not match the signature you provided.');
  }
  const expected = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization)?.[1] ?? '';
  const a = Buffer.from(expected);
  const b = Buffer.from(auth.signature);
  const scopeDateOk = auth.date === dateHeader.slice(0, 8);
  if (!scopeDateOk || a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new AuthError('bad-signature',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
  }

  if (contentSha !== undefined && HEX64.test(contentSha) && contentSha !== sha256Hex(req.rawBody ?? req.body)) {
    throw new AuthError('sha256-mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  return { credentials: creds, auth };
}

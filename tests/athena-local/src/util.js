// Small helpers shared by the athena-local modules.
import { randomUUID, randomBytes, createHash } from 'node:crypto';

export const ACCOUNT_ID = '123456789012';

export function requestId() {
  return randomUUID();
}

export function sha256Hex(buf) {
  return createHash('sha256').update(buf).digest('hex');
}

export function md5Hex(buf) {
  return createHash('md5').update(buf).digest('hex');
}

export function xmlEscape(s) {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// Upper-case letters and digits, as in AWS access key ids.
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function randomKeyId(prefix) {
  const bytes = randomBytes(16);
  let s = prefix;
  for (let i = 0; i < 16; i++) s += KEY_ALPHABET[bytes[i] & 31];
  return s;
}

export function randomSecret(length = 40) {
  return randomBytes(length).toString('base64').replace(/[^A-Za-z0-9+/]/g, '').slice(0, length);
}

// Epoch seconds with a millisecond fraction, the way Athena's JSON carries timestamps.
export function epochSeconds(ms) {
  return Math.round(ms) / 1000;
}

export function isoSeconds(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// A sleep that ends early (rejecting with an AbortError) when `signal` aborts.
export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error('aborted'));
      return;
    }
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    function onAbort() {
      clearTimeout(t);
      reject(signal.reason ?? new Error('aborted'));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function isLoopback(address) {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

// Parse a raw query string without turning '+' into a space (SigV4 clients percent-encode).
export function parseQuery(raw) {
  const out = Object.create(null);
  if (!raw) return out;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const i = part.indexOf('=');
    const k = safeDecode(i < 0 ? part : part.slice(0, i));
    const v = i < 0 ? '' : safeDecode(part.slice(i + 1));
    if (k in out) {
      out[k] = Array.isArray(out[k]) ? [...out[k], v] : [out[k], v];
    } else {
      out[k] = v;
    }
  }
  return out;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function firstValue(v) {
  return Array.isArray(v) ? v[0] : v;
}

// Known credentials: the AWS documentation's example long-term key pair, plus the
// temporary credentials this service issues itself (STS, IMDS, ECS, SSO).
import { randomBytes } from 'node:crypto';
import { ACCOUNT_ID, randomKeyId, randomSecret } from './util.js';

export const EXAMPLE_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const EXAMPLE_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

// How long an expired temporary key stays known, so that its use is answered
// with ExpiredToken rather than "unknown key".
const EXPIRED_RETENTION_MS = 6 * 3600 * 1000;

export class CredentialStore {
  constructor({ lifetimeSeconds = 900, now = () => Date.now() } = {}) {
    this.lifetimeSeconds = lifetimeSeconds;
    this.now = now;
    this.keys = new Map();
    this.keys.set(EXAMPLE_ACCESS_KEY_ID, {
      accessKeyId: EXAMPLE_ACCESS_KEY_ID,
      secretAccessKey: EXAMPLE_SECRET_ACCESS_KEY,
      sessionToken: undefined,
      expiration: undefined,
      identity: {
        arn: `arn:aws:iam::${ACCOUNT_ID}:user/athena-local`,
        userId: 'AIDAIOSFODNN7EXAMPLE',
        account: ACCOUNT_ID,
      },
    });
  }

  lookup(accessKeyId) {
    return this.keys.get(accessKeyId);
  }

  // identity: { arn, userId, account, roleArn? }
  issue(identity) {
    this.prune();
    const now = this.now();
    const creds = {
      accessKeyId: randomKeyId('ASIA'),
      secretAccessKey: randomSecret(40),
      // Real session tokens are long opaque base64 blobs; length matters to clients' buffers.
      sessionToken: 'IQoJb3JpZ2luX2Vj' + randomBytes(300).toString('base64'),
      expiration: now + this.lifetimeSeconds * 1000,
      issued: now,
      identity,
    };
    this.keys.set(creds.accessKeyId, creds);
    return creds;
  }

  prune() {
    const cutoff = this.now() - EXPIRED_RETENTION_MS;
    for (const [k, v] of this.keys) {
      if (v.expiration !== undefined && v.expiration < cutoff) this.keys.delete(k);
    }
  }
}

export function roleIdentity(roleArn, sessionName) {
  const m = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArn);
  const account = m ? m[1] : ACCOUNT_ID;
  const roleName = m ? m[2] : 'athena-local-role';
  // AROA ids are stable per role name so that repeated assumptions look alike.
  let h = 0;
  for (const c of roleName) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const roleId = 'AROA' + h.toString(36).toUpperCase().padStart(8, 'X') + 'EXAMPLE';
  return {
    arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
    userId: `${roleId}:${sessionName}`,
    account,
    roleArn,
    roleId,
  };
}

// Unsigned credential endpoints: IMDSv2, ECS container credentials, and the AWS SSO
// portal's GetRoleCredentials. All hand out temporary credentials from the same store
// as STS, valid for --credential-lifetime seconds.
import { randomBytes } from 'node:crypto';
import { ACCOUNT_ID, isoSeconds } from './util.js';
import { roleIdentity } from './credentials.js';

export const IMDS_ROLE = 'athena-local-role';
export const DEFAULT_ECS_TOKEN = 'athena-local-ecs-token';
export const DEFAULT_SSO_TOKEN = 'athena-local-sso-token';

export function credentialEndpointOp(method, path) {
  if (path === '/latest/api/token') return method === 'PUT' ? 'imds:GetToken' : 'imds:Unknown';
  if (path.startsWith('/latest/')) return 'imds:GetMetadata';
  if (path === '/ecs-credentials' || path.startsWith('/ecs-credentials/')) return 'ecs:GetCredentials';
  if (path === '/federation/credentials') return 'sso:GetRoleCredentials';
  return undefined;
}

function text(status, body, headers = {}) {
  return { status, headers: { 'content-type': 'text/plain', ...headers }, body };
}

function json(status, obj, headers = {}) {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(obj) };
}

export class CredentialEndpoints {
  constructor({ store, ecsToken = DEFAULT_ECS_TOKEN, ssoTokens = [DEFAULT_SSO_TOKEN], now = () => Date.now() }) {
    this.store = store;
    this.ecsToken = ecsToken;
    this.ssoTokens = new Set(ssoTokens);
    this.now = now;
    this.imdsTokens = new Map();
  }

  handle(op, method, path, query, headers) {
    switch (op) {
      case 'imds:GetToken': return this.imdsToken(headers);
      case 'imds:GetMetadata': return this.imdsGet(method, path, headers);
      case 'ecs:GetCredentials': return this.ecs(method, headers);
      case 'sso:GetRoleCredentials': return this.sso(method, query, headers);
      default: return text(404, 'Not Found');
    }
  }

  imdsToken(headers) {
    if (headers['x-forwarded-for'] !== undefined) return text(403, 'Forbidden');
    const ttlRaw = headers['x-aws-ec2-metadata-token-ttl-seconds'];
    const ttl = Number(ttlRaw);
    if (ttlRaw === undefined || !/^\d+$/.test(ttlRaw) || ttl < 1 || ttl > 21600) return text(400, 'Bad Request');
    for (const [t, exp] of this.imdsTokens) if (exp <= this.now()) this.imdsTokens.delete(t);
    const token = 'AQAEA' + randomBytes(33).toString('base64url');
    this.imdsTokens.set(token, this.now() + ttl * 1000);
    return text(200, token, { 'x-aws-ec2-metadata-token-ttl-seconds': String(ttl) });
  }

  imdsGet(method, path, headers) {
    if (method !== 'GET') return text(405, 'Method Not Allowed');
    const token = headers['x-aws-ec2-metadata-token'];
    const exp = token === undefined ? undefined : this.imdsTokens.get(token);
    if (exp === undefined || exp <= this.now()) return text(401, 'Unauthorized');
    const base = '/latest/meta-data/iam/security-credentials';
    if (path === `${base}/` || path === base) return text(200, IMDS_ROLE);
    if (path === `${base}/${IMDS_ROLE}` || path === `${base}/${IMDS_ROLE}/`) {
      const c = this.store.issue(roleIdentity(`arn:aws:iam::${ACCOUNT_ID}:role/${IMDS_ROLE}`, 'i-0123456789abcdef0'));
      return json(200, {
        Code: 'Success',
        LastUpdated: isoSeconds(c.issued),
        Type: 'AWS-HMAC',
        AccessKeyId: c.accessKeyId,
        SecretAccessKey: c.secretAccessKey,
        Token: c.sessionToken,
        Expiration: isoSeconds(c.expiration),
      });
    }
    if (path === '/latest/meta-data/placement/region') return text(200, 'us-east-1');
    if (path === '/latest/meta-data/instance-id') return text(200, 'i-0123456789abcdef0');
    return text(404, 'Not Found');
  }

  ecs(method, headers) {
    if (method !== 'GET') return json(405, { code: 'MethodNotAllowed', message: 'Method Not Allowed' });
    if (headers.authorization !== this.ecsToken) {
      return json(401, { code: 'AccessDenied', message: 'Authorization token is missing or invalid' });
    }
    const roleArn = `arn:aws:iam::${ACCOUNT_ID}:role/athena-local-task-role`;
    const c = this.store.issue(roleIdentity(roleArn, 'ecs-task'));
    return json(200, {
      RoleArn: roleArn,
      AccessKeyId: c.accessKeyId,
      SecretAccessKey: c.secretAccessKey,
      Token: c.sessionToken,
      Expiration: isoSeconds(c.expiration),
    });
  }

  sso(method, query, headers) {
    const err = (status, type, message) => json(status, { message }, { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/` });
    if (method !== 'GET') return err(405, 'InvalidRequestException', 'Method Not Allowed');
    const token = headers['x-amz-sso_bearer_token'];
    if (token === undefined || !this.ssoTokens.has(token)) return err(401, 'UnauthorizedException', 'Session token not found or invalid');
    const roleName = query.role_name;
    const accountId = query.account_id;
    if (typeof roleName !== 'string' || roleName === '' || typeof accountId !== 'string' || !/^\d{12}$/.test(accountId)) {
      return err(400, 'InvalidRequestException', 'role_name and a 12-digit account_id are required');
    }
    const c = this.store.issue(roleIdentity(`arn:aws:iam::${accountId}:role/${roleName}`, 'sso-user'));
    return json(200, {
      roleCredentials: {
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        sessionToken: c.sessionToken,
        expiration: c.expiration,
      },
    });
  }
}

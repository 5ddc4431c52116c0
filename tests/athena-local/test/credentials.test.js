// The credential endpoints: STS (AssumeRole, AssumeRoleWithWebIdentity, GetCallerIdentity),
// IMDSv2, ECS container credentials and the SSO portal, each reached by the AWS SDK's own
// credential providers through the standard environment variables.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { GetWorkGroupCommand } from '@aws-sdk/client-athena';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  fromTemporaryCredentials, fromWebToken, fromInstanceMetadata, fromContainerMetadata, fromHttp, fromSSO,
} from '@aws-sdk/credential-providers';
import { athenaClient, stsClient, rawRequest, getStats, REGION, sdkError, serviceHooks } from './helpers.js';

let svc;
let home;

function jwt(claims, header = { alg: 'RS256', typ: 'JWT' }) {
  const b = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b(header)}.${b(claims)}.${Buffer.from('not-checked').toString('base64url')}`;
}

async function callerOf(credentials) {
  const c = stsClient(svc, { credentials });
  try {
    return await c.send(new GetCallerIdentityCommand({}));
  } finally {
    c.destroy();
  }
}

async function athenaWorks(credentials) {
  const c = athenaClient(svc, { credentials, maxAttempts: 1 });
  try {
    return (await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }))).WorkGroup.Name;
  } finally {
    c.destroy();
  }
}

serviceHooks({}, (m) => { ({ svc } = m); });

before(() => {
  home = mkdtempSync(join(tmpdir(), 'athena-local-home-'));
  process.env.HOME = home;
  process.env.AWS_CONFIG_FILE = join(home, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'credentials');
  writeFileSync(process.env.AWS_CONFIG_FILE, '');
  writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE, '');
});

after(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('STS', () => {
  it('GetCallerIdentity for the long-term key', async () => {
    const id = await callerOf({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    assert.equal(id.Account, '123456789012');
    assert.equal(id.Arn, 'arn:aws:iam::123456789012:user/athena-local');
    assert.equal(id.UserId, 'AIDAIOSFODNN7EXAMPLE');
  });

  it('AssumeRole issues working temporary credentials that expire after --credential-lifetime', async () => {
    const sts = stsClient(svc);
    const t0 = Date.now();
    const r = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/analyst', RoleSessionName: 'odbc-test' }));
    sts.destroy();
    assert.match(r.Credentials.AccessKeyId, /^ASIA[A-Z2-7]{16}$/);
    assert.ok(r.Credentials.SessionToken.length > 100);
    const lifetime = r.Credentials.Expiration.getTime() - t0;
    assert.ok(lifetime > 898000 && lifetime <= 901000, `lifetime ${lifetime}`);
    assert.equal(r.AssumedRoleUser.Arn, 'arn:aws:sts::123456789012:assumed-role/analyst/odbc-test');
    assert.match(r.AssumedRoleUser.AssumedRoleId, /^AROA[A-Z0-9]+:odbc-test$/);
    const creds = { accessKeyId: r.Credentials.AccessKeyId, secretAccessKey: r.Credentials.SecretAccessKey, sessionToken: r.Credentials.SessionToken };
    assert.equal((await callerOf(creds)).Arn, 'arn:aws:sts::123456789012:assumed-role/analyst/odbc-test');
    assert.equal(await athenaWorks(creds), 'primary');
  });

  it('AssumeRole validates its parameters', async () => {
    const sts = stsClient(svc, { maxAttempts: 1 });
    const e1 = await sdkError(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/x', RoleSessionName: 'a' })));
    assert.equal(e1.name, 'ValidationError');
    const e2 = await sdkError(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/x', RoleSessionName: 'ok', DurationSeconds: 899 })));
    assert.equal(e2.name, 'ValidationError');
    assert.match(e2.message, /greater than or equal to 900/);
    const e3 = await sdkError(sts.send(new AssumeRoleCommand({ RoleArn: 'not-an-arn', RoleSessionName: 'ok' })));
    assert.equal(e3.name, 'ValidationError');
    sts.destroy();
  });

  it('fromTemporaryCredentials calls STS once for many requests', async () => {
    const before = (await getStats(svc)).calls['sts:AssumeRole'] ?? 0;
    const provider = fromTemporaryCredentials({
      params: { RoleArn: 'arn:aws:iam::123456789012:role/cached', RoleSessionName: 'cached' },
      masterCredentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      clientConfig: { endpoint: svc.url, region: REGION },
    });
    const c = athenaClient(svc, { credentials: provider });
    for (let i = 0; i < 3; i++) assert.equal((await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }))).WorkGroup.Name, 'primary');
    c.destroy();
    assert.equal((await getStats(svc)).calls['sts:AssumeRole'], before + 1);
  });

  it('AssumeRoleWithWebIdentity checks the JWT claims, not its signature, and needs no signature itself', async () => {
    const token = jwt({ iss: 'https://issuer.example', sub: 'user-1', aud: 'athena-odbc', exp: Math.floor(Date.now() / 1000) + 600 });
    const provider = fromWebToken({
      roleArn: 'arn:aws:iam::123456789012:role/web', webIdentityToken: token, roleSessionName: 'web-session',
      clientConfig: { endpoint: svc.url, region: REGION },
    });
    const creds = await provider();
    assert.match(creds.accessKeyId, /^ASIA/);
    assert.equal(await athenaWorks(creds), 'primary');
    assert.equal((await callerOf(creds)).Arn, 'arn:aws:sts::123456789012:assumed-role/web/web-session');

    const body = new URLSearchParams({
      Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: 'arn:aws:iam::123456789012:role/web',
      RoleSessionName: 'raw', WebIdentityToken: token,
    }).toString();
    const r = await rawRequest(svc, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(r.status, 200);
    const xml = r.body.toString();
    assert.match(xml, /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/">/);
    assert.match(xml, /<SubjectFromWebIdentityToken>user-1<\/SubjectFromWebIdentityToken>/);
    assert.match(xml, /<Audience>athena-odbc<\/Audience>/);
    assert.match(xml, /<Provider>https:\/\/issuer.example<\/Provider>/);
  });

  it('an expired or malformed web identity token is refused', async () => {
    const sts = new (await import('@aws-sdk/client-sts')).STSClient({ endpoint: svc.url, region: REGION, maxAttempts: 1 });
    const base = { RoleArn: 'arn:aws:iam::123456789012:role/web', RoleSessionName: 'web' };
    const e1 = await sdkError(sts.send(new AssumeRoleWithWebIdentityCommand({ ...base, WebIdentityToken: jwt({ sub: 'u', exp: Math.floor(Date.now() / 1000) - 10 }) })));
    assert.equal(e1.name, 'ExpiredTokenException');
    const e2 = await sdkError(sts.send(new AssumeRoleWithWebIdentityCommand({ ...base, WebIdentityToken: 'not.a-jwt' })));
    assert.equal(e2.name, 'InvalidIdentityTokenException'); // wire code InvalidIdentityToken
    const e3 = await sdkError(sts.send(new AssumeRoleWithWebIdentityCommand({ ...base, WebIdentityToken: jwt({ sub: 'no-exp' }) })));
    assert.equal(e3.name, 'InvalidIdentityTokenException');
    sts.destroy();
  });
});

describe('IMDSv2', () => {
  it('the SDK provider gets credentials through AWS_EC2_METADATA_SERVICE_ENDPOINT', async () => {
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = svc.url;
    try {
      const before = await getStats(svc);
      const creds = await fromInstanceMetadata({ maxRetries: 0, timeout: 2000 })();
      assert.match(creds.accessKeyId, /^ASIA/);
      assert.ok(creds.expiration instanceof Date);
      assert.equal(await athenaWorks(creds), 'primary');
      assert.equal((await callerOf(creds)).Arn, 'arn:aws:sts::123456789012:assumed-role/athena-local-role/i-0123456789abcdef0');
      const after = await getStats(svc);
      assert.equal(after.calls['imds:GetToken'], (before.calls['imds:GetToken'] ?? 0) + 1);
    } finally {
      delete process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
    }
  });

  it('401 without a valid token; 400 without a TTL', async () => {
    const noToken = await rawRequest(svc, { path: '/latest/meta-data/iam/security-credentials/' });
    assert.equal(noToken.status, 401);
    const badToken = await rawRequest(svc, { path: '/latest/meta-data/iam/security-credentials/', headers: { 'x-aws-ec2-metadata-token': 'nope' } });
    assert.equal(badToken.status, 401);
    const noTtl = await rawRequest(svc, { method: 'PUT', path: '/latest/api/token' });
    assert.equal(noTtl.status, 400);
    const tok = await rawRequest(svc, { method: 'PUT', path: '/latest/api/token', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '60' } });
    assert.equal(tok.status, 200);
    assert.equal(tok.headers['x-aws-ec2-metadata-token-ttl-seconds'], '60');
    const role = await rawRequest(svc, { path: '/latest/meta-data/iam/security-credentials/', headers: { 'x-aws-ec2-metadata-token': tok.body.toString() } });
    assert.equal(role.status, 200);
    assert.equal(role.body.toString(), 'athena-local-role');
    const c = await rawRequest(svc, { path: '/latest/meta-data/iam/security-credentials/athena-local-role', headers: { 'x-aws-ec2-metadata-token': tok.body.toString() } });
    const j = JSON.parse(c.body);
    assert.deepEqual(Object.keys(j), ['Code', 'LastUpdated', 'Type', 'AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration']);
    assert.equal(j.Code, 'Success');
    const other = await rawRequest(svc, { path: '/latest/meta-data/iam/security-credentials/other-role', headers: { 'x-aws-ec2-metadata-token': tok.body.toString() } });
    assert.equal(other.status, 404);
  });
});

describe('ECS container credentials', () => {
  it('fromHttp and fromContainerMetadata through AWS_CONTAINER_CREDENTIALS_FULL_URI with the documented default token', async () => {
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${svc.url}/ecs-credentials`;
    process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = 'athena-local-ecs-token';
    try {
      const a = await fromHttp({})();
      assert.match(a.accessKeyId, /^ASIA/);
      assert.equal(await athenaWorks(a), 'primary');
      const b = await fromContainerMetadata({ maxRetries: 0, timeout: 2000 })();
      assert.match(b.accessKeyId, /^ASIA/);
      assert.equal((await callerOf(b)).Arn, 'arn:aws:sts::123456789012:assumed-role/athena-local-task-role/ecs-task');
      process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = 'wrong-token';
      await assert.rejects(fromHttp({})());
    } finally {
      delete process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
      delete process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN;
    }
    const r = await rawRequest(svc, { path: '/ecs-credentials', headers: { authorization: 'wrong-token' } });
    assert.equal(r.status, 401);
  });
});

describe('SSO portal', () => {
  it('fromSSO exchanges a cached SSO access token for role credentials', async () => {
    const startUrl = 'https://athena-local.awsapps.com/start';
    const cacheDir = join(home, '.aws', 'sso', 'cache');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, `${createHash('sha1').update(startUrl).digest('hex')}.json`), JSON.stringify({
      startUrl, region: REGION, accessToken: 'athena-local-sso-token', expiresAt: new Date(Date.now() + 3600000).toISOString(),
    }));
    const creds = await fromSSO({
      ssoStartUrl: startUrl, ssoAccountId: '123456789012', ssoRegion: REGION, ssoRoleName: 'ReadOnly',
      clientConfig: { endpoint: svc.url },
    })();
    assert.match(creds.accessKeyId, /^ASIA/);
    assert.equal((await callerOf(creds)).Arn, 'arn:aws:sts::123456789012:assumed-role/ReadOnly/sso-user');
    assert.equal(await athenaWorks(creds), 'primary');

    const bad = await rawRequest(svc, { path: '/federation/credentials?role_name=ReadOnly&account_id=123456789012', headers: { 'x-amz-sso_bearer_token': 'nope' } });
    assert.equal(bad.status, 401);
    assert.match(bad.headers['x-amzn-errortype'], /^UnauthorizedException/);
    const stats = await getStats(svc);
    assert.equal(stats.calls['sso:GetRoleCredentials'], 2);
  });
});

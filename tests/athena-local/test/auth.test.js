// SigV4 authentication for Athena, S3 and STS: the AWS SDK's clients and hand-signed
// requests against wrong secrets, unknown keys, tampered bodies, expired and wrong session
// tokens, and clock skew.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetWorkGroupCommand } from '@aws-sdk/client-athena';
import { GetObjectCommand, PutObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, AssumeRoleCommand } from '@aws-sdk/client-sts';
import {
  athenaClient, s3Client, stsClient, signedRequest, rawRequest, athenaCall, getStats, CREDS, sdkError, serviceHooks,
} from './helpers.js';

const WRONG = { accessKeyId: CREDS.accessKeyId, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY' };
const UNKNOWN = { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: CREDS.secretAccessKey };

let svc;

serviceHooks({}, (m) => { ({ svc } = m); });

function noSecrets(text) {
  for (const s of [CREDS.secretAccessKey, WRONG.secretAccessKey]) assert.ok(!text.includes(s), 'a secret leaked into a response');
  assert.ok(!/Signature=[0-9a-f]{64}/.test(text), 'a signature leaked into a response');
}

describe('Athena', () => {
  it('accepts the documentation example key pair', async () => {
    const c = athenaClient(svc);
    const r = await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
    assert.equal(r.WorkGroup.Name, 'primary');
    c.destroy();
  });

  it('a wrong secret is InvalidSignatureException', async () => {
    const c = athenaClient(svc, { credentials: { ...WRONG }, maxAttempts: 1 });
    const e = await sdkError(c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })));
    assert.equal(e.name, 'InvalidSignatureException');
    assert.equal(e.$metadata.httpStatusCode, 400);
    assert.equal(e.message, 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
    c.destroy();
  });

  it('an unknown access key is UnrecognizedClientException', async () => {
    const c = athenaClient(svc, { credentials: { ...UNKNOWN }, maxAttempts: 1 });
    const e = await sdkError(c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })));
    assert.equal(e.name, 'UnrecognizedClientException');
    assert.equal(e.message, 'The security token included in the request is invalid.');
    c.destroy();
  });

  it('a body changed after signing is InvalidSignatureException', async () => {
    const ok = await athenaCall(svc, 'GetWorkGroup', { WorkGroup: 'primary' });
    assert.equal(ok.status, 200);
    const r = await athenaCall(svc, 'GetWorkGroup', { WorkGroup: 'primary' }, {
      mutate: (req) => { req.body = JSON.stringify({ WorkGroup: 'local' }); req.headers['content-length'] = String(req.body.length); },
    });
    assert.equal(r.status, 400);
    assert.equal(r.json.__type, 'InvalidSignatureException');
    noSecrets(r.body.toString());
  });

  it('a header signed then changed is InvalidSignatureException', async () => {
    const r = await athenaCall(svc, 'GetWorkGroup', { WorkGroup: 'primary' }, {
      mutate: (req) => { req.headers['x-amz-target'] = 'AmazonAthena.ListWorkGroups'; },
    });
    assert.equal(r.json.__type, 'InvalidSignatureException');
  });

  it('an unsigned call is MissingAuthenticationTokenException', async () => {
    const r = await rawRequest(svc, {
      method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonAthena.GetWorkGroup' },
      body: '{"WorkGroup":"primary"}',
    });
    assert.equal(r.status, 400);
    assert.deepEqual(JSON.parse(r.body), { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('a request signed more than 15 minutes ago is refused, and the SDK corrects its clock from Date', async () => {
    const r = await athenaCall(svc, 'GetWorkGroup', { WorkGroup: 'primary' }, { signingDate: new Date(Date.now() - 16 * 60000) });
    assert.equal(r.status, 400);
    assert.equal(r.json.__type, 'InvalidSignatureException');
    assert.match(r.json.message, /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
    assert.ok(r.headers.date);
    const future = await athenaCall(svc, 'GetWorkGroup', { WorkGroup: 'primary' }, { signingDate: new Date(Date.now() + 16 * 60000) });
    assert.match(future.json.message, /^Signature not yet current: /);
    const within = await athenaCall(svc, 'GetWorkGroup', { WorkGroup: 'primary' }, { signingDate: new Date(Date.now() - 14 * 60000) });
    assert.equal(within.status, 200);

    const skewed = athenaClient(svc, { systemClockOffset: -20 * 60000, maxAttempts: 1 });
    const e = await sdkError(skewed.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })));
    assert.equal(e.name, 'InvalidSignatureException');
    skewed.destroy();
    const corrected = athenaClient(svc, { systemClockOffset: -20 * 60000, maxAttempts: 2 });
    const ok = await corrected.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
    assert.equal(ok.WorkGroup.Name, 'primary');
    corrected.destroy();
  });
});

describe('temporary credentials', () => {
  it('an expired session token is ExpiredTokenException; a wrong one is UnrecognizedClientException', async () => {
    const sts = stsClient(svc);
    const saved = svc.store.lifetimeSeconds;
    svc.store.lifetimeSeconds = 1;
    let creds;
    try {
      ({ Credentials: creds } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/short', RoleSessionName: 'short' })));
    } finally {
      svc.store.lifetimeSeconds = saved;
    }
    const temp = { accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretAccessKey, sessionToken: creds.SessionToken };
    const c = athenaClient(svc, { credentials: { ...temp }, maxAttempts: 1 });
    assert.equal((await c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }))).WorkGroup.Name, 'primary');
    const wrongToken = athenaClient(svc, { credentials: { ...temp, sessionToken: `${temp.sessionToken}x` }, maxAttempts: 1 });
    assert.equal((await sdkError(wrongToken.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })))).name, 'UnrecognizedClientException');
    const noToken = athenaClient(svc, { credentials: { accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey }, maxAttempts: 1 });
    assert.equal((await sdkError(noToken.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })))).name, 'UnrecognizedClientException');
    await new Promise((r) => setTimeout(r, 1100));
    const e = await sdkError(c.send(new GetWorkGroupCommand({ WorkGroup: 'primary' })));
    assert.equal(e.name, 'ExpiredTokenException');
    assert.equal(e.message, 'The security token included in the request is expired');
    const s3 = s3Client(svc, { credentials: { ...temp }, maxAttempts: 1 });
    assert.equal((await sdkError(s3.send(new ListObjectsV2Command({ Bucket: 'athena-local-results' })))).name, 'ExpiredToken');
    const stsExpired = stsClient(svc, { credentials: { ...temp }, maxAttempts: 1 });
    assert.equal((await sdkError(stsExpired.send(new GetCallerIdentityCommand({})))).name, 'ExpiredToken');
    for (const x of [sts, c, wrongToken, noToken, s3, stsExpired]) x.destroy();
  });
});

describe('S3', () => {
  it('a wrong secret is SignatureDoesNotMatch; an unknown key InvalidAccessKeyId', async () => {
    const bad = s3Client(svc, { credentials: { ...WRONG }, maxAttempts: 1 });
    const e = await sdkError(bad.send(new ListObjectsV2Command({ Bucket: 'athena-local-results' })));
    assert.equal(e.name, 'SignatureDoesNotMatch');
    assert.equal(e.$metadata.httpStatusCode, 403);
    const unknown = s3Client(svc, { credentials: { ...UNKNOWN }, maxAttempts: 1 });
    const u = await sdkError(unknown.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key: 'x' })));
    assert.equal(u.name, 'InvalidAccessKeyId');
    bad.destroy();
    unknown.destroy();
  });

  it('an unsigned request is AccessDenied', async () => {
    const r = await rawRequest(svc, { path: '/athena-local-results/some-key' });
    assert.equal(r.status, 403);
    assert.match(r.body.toString(), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message><RequestId>/);
  });

  it('a body that does not match x-amz-content-sha256 is XAmzContentSHA256Mismatch', async () => {
    const r = await signedRequest(svc, {
      service: 's3', method: 'PUT', path: '/athena-local-results/tampered', body: 'original', applyChecksum: true,
      mutate: (req) => { req.body = 'tampered'; },
    });
    assert.equal(r.status, 400);
    assert.match(r.body.toString(), /<Code>XAmzContentSHA256Mismatch<\/Code>/);
    const ok = await signedRequest(svc, { service: 's3', method: 'PUT', path: '/athena-local-results/untampered', body: 'original', applyChecksum: true });
    assert.equal(ok.status, 200);
  });

  it('a request without x-amz-content-sha256 is refused', async () => {
    const r = await signedRequest(svc, { service: 's3', method: 'GET', path: '/athena-local-results', query: { 'list-type': '2' } });
    assert.equal(r.status, 400);
    assert.match(r.body.toString(), /<Code>InvalidRequest<\/Code><Message>Missing required header for this request: x-amz-content-sha256<\/Message>/);
  });

  it('clock skew is RequestTimeTooSkewed', async () => {
    const r = await signedRequest(svc, {
      service: 's3', method: 'GET', path: '/athena-local-results', query: { 'list-type': '2' }, applyChecksum: true,
      signingDate: new Date(Date.now() - 20 * 60000),
    });
    assert.equal(r.status, 403);
    assert.match(r.body.toString(), /<Code>RequestTimeTooSkewed<\/Code>/);
  });

  it('keys that need percent-encoding verify', async () => {
    const c = s3Client(svc);
    const Key = 'dir one/ü+&=?#%.txt';
    await c.send(new PutObjectCommand({ Bucket: 'athena-local-results', Key, Body: 'payload' }));
    const r = await c.send(new GetObjectCommand({ Bucket: 'athena-local-results', Key }));
    assert.equal(await r.Body.transformToString(), 'payload');
    c.destroy();
  });
});

describe('STS', () => {
  it('a wrong secret is SignatureDoesNotMatch; an unknown key InvalidClientTokenId', async () => {
    const bad = stsClient(svc, { credentials: { ...WRONG }, maxAttempts: 1 });
    const e = await sdkError(bad.send(new GetCallerIdentityCommand({})));
    assert.equal(e.name, 'SignatureDoesNotMatch');
    assert.equal(e.$metadata.httpStatusCode, 403);
    const unknown = stsClient(svc, { credentials: { ...UNKNOWN }, maxAttempts: 1 });
    const u = await sdkError(unknown.send(new GetCallerIdentityCommand({})));
    assert.equal(u.name, 'InvalidClientTokenId');
    bad.destroy();
    unknown.destroy();
  });

  it('an unsigned call is MissingAuthenticationToken', async () => {
    const r = await rawRequest(svc, {
      method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    assert.equal(r.status, 403);
    assert.match(r.body.toString(), /<Code>MissingAuthenticationToken<\/Code>/);
  });
});

describe('stats', () => {
  it('authentication failures are counted per operation', async () => {
    const before = (await getStats(svc)).authFailures['athena:GetWorkGroup'] ?? 0;
    await athenaCall(svc, 'GetWorkGroup', { WorkGroup: 'primary' }, { credentials: WRONG });
    assert.equal((await getStats(svc)).authFailures['athena:GetWorkGroup'], before + 1);
  });
});

// STS (query protocol, form-encoded request, XML answer): AssumeRole,
// AssumeRoleWithWebIdentity (unsigned, as on AWS; the JWT's claims are checked, not its
// signature) and GetCallerIdentity.
import { ServiceError } from './errors.js';
import { roleIdentity } from './credentials.js';
import { xmlEscape, isoSeconds } from './util.js';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const STS_OPERATIONS = new Set(['AssumeRole', 'AssumeRoleWithWebIdentity', 'GetCallerIdentity']);

export function stsError(code, message, status = 400) {
  return new ServiceError(code, message, status);
}

export function renderStsError(err, reqId) {
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  return {
    status: err.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': reqId },
    body: `<ErrorResponse xmlns="${XMLNS}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${err.code}</Code>\n    <Message>${xmlEscape(err.message)}</Message>\n  </Error>\n  <RequestId>${reqId}</RequestId>\n</ErrorResponse>\n`,
  };
}

export function parseForm(body) {
  const out = Object.create(null);
  for (const part of body.toString('utf8').split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const dec = (s) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; } };
    out[dec(i < 0 ? part : part.slice(0, i))] = i < 0 ? '' : dec(part.slice(i + 1));
  }
  return out;
}

function respond(action, reqId, inner) {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': reqId },
    body: `<${action}Response xmlns="${XMLNS}">\n  <${action}Result>\n${inner}  </${action}Result>\n  <ResponseMetadata>\n    <RequestId>${reqId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`,
  };
}

function credentialsXml(c) {
  return `    <Credentials>\n      <AccessKeyId>${c.accessKeyId}</AccessKeyId>\n      <SecretAccessKey>${xmlEscape(c.secretAccessKey)}</SecretAccessKey>\n      <SessionToken>${xmlEscape(c.sessionToken)}</SessionToken>\n      <Expiration>${isoSeconds(c.expiration)}</Expiration>\n    </Credentials>\n`;
}

function validation(message) {
  return stsError('ValidationError', message, 400);
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

function checkRoleParams(form) {
  const errs = [];
  if (form.RoleArn === undefined) errs.push("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  if (form.RoleSessionName === undefined) errs.push("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
  else if (!/^[\w+=,.@-]{2,64}$/.test(form.RoleSessionName)) {
    errs.push(`Value '${form.RoleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
  }
  if (form.DurationSeconds !== undefined) {
    const d = Number(form.DurationSeconds);
    if (!Number.isInteger(d) || d < 900) errs.push(`Value '${form.DurationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
    else if (d > 43200) errs.push(`Value '${form.DurationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200`);
  }
  if (errs.length) throw validation(`${errs.length} validation error${errs.length > 1 ? 's' : ''} detected: ${errs.join('; ')}`);
  if (!ROLE_ARN.test(form.RoleArn)) throw validation(`${form.RoleArn} is invalid`);
}

function decodeJwt(token, now) {
  const parts = (token ?? '').split('.');
  const b64 = /^[A-Za-z0-9_-]*$/;
  if (parts.length !== 3 || !parts.every((p) => b64.test(p)) || parts[0] === '' || parts[1] === '') {
    throw stsError('InvalidIdentityToken', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  }
  let header;
  let claims;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw stsError('InvalidIdentityToken', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  }
  if (typeof header !== 'object' || header === null || typeof header.alg !== 'string'
      || typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw stsError('InvalidIdentityToken', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  }
  if (typeof claims.exp !== 'number') {
    throw stsError('InvalidIdentityToken', 'Missing a required claim: exp');
  }
  if (claims.exp * 1000 <= now) {
    throw stsError('ExpiredTokenException',
      `Token expired: current date/time ${Math.floor(now / 1000)} must be before the expiration date/time ${claims.exp}`);
  }
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > now + 300000) {
    throw stsError('InvalidIdentityToken', 'Token is not yet valid (nbf)');
  }
  return claims;
}

// form: the decoded request; caller: the verified credentials (undefined when unsigned)
export function handleSts(action, form, caller, ctx) {
  const { store, reqId, now } = ctx;
  switch (action) {
    case 'GetCallerIdentity': {
      const id = caller.identity;
      return respond(action, reqId,
        `    <Arn>${xmlEscape(id.arn)}</Arn>\n    <UserId>${xmlEscape(id.userId)}</UserId>\n    <Account>${id.account}</Account>\n`);
    }
    case 'AssumeRole': {
      checkRoleParams(form);
      const identity = roleIdentity(form.RoleArn, form.RoleSessionName);
      const creds = store.issue(identity);
      return respond(action, reqId,
        `    <AssumedRoleUser>\n      <AssumedRoleId>${xmlEscape(identity.userId)}</AssumedRoleId>\n      <Arn>${xmlEscape(identity.arn)}</Arn>\n    </AssumedRoleUser>\n${credentialsXml(creds)}    <PackedPolicySize>6</PackedPolicySize>\n`);
    }
    case 'AssumeRoleWithWebIdentity': {
      checkRoleParams(form);
      if (form.WebIdentityToken === undefined) {
        throw validation("1 validation error detected: Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null");
      }
      const claims = decodeJwt(form.WebIdentityToken, now);
      const identity = roleIdentity(form.RoleArn, form.RoleSessionName);
      const creds = store.issue(identity);
      const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
      return respond(action, reqId,
        `    <SubjectFromWebIdentityToken>${xmlEscape(claims.sub ?? '')}</SubjectFromWebIdentityToken>\n    <Audience>${xmlEscape(aud ?? '')}</Audience>\n    <AssumedRoleUser>\n      <AssumedRoleId>${xmlEscape(identity.userId)}</AssumedRoleId>\n      <Arn>${xmlEscape(identity.arn)}</Arn>\n    </AssumedRoleUser>\n${credentialsXml(creds)}    <Provider>${xmlEscape(claims.iss ?? 'athena-local')}</Provider>\n`);
    }
    default:
      throw stsError('InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
  }
}

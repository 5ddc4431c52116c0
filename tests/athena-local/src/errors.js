// Protocol-level errors. Each service renders a ServiceError in its own wire format.

export class ServiceError extends Error {
  // code: the AWS error code (__type for JSON services, <Code> for XML ones)
  // status: HTTP status
  // extra: additional fields (JSON services) or XML elements (S3/STS)
  constructor(code, message, status = 400, extra = undefined) {
    super(message);
    this.code = code;
    this.status = status;
    this.extra = extra;
  }
}

export const athenaError = {
  invalidRequest: (message, athenaErrorCode) =>
    new ServiceError('InvalidRequestException', message, 400,
      athenaErrorCode ? { AthenaErrorCode: athenaErrorCode } : undefined),
  validation: (field, value, constraint) =>
    new ServiceError('InvalidRequestException',
      `1 validation error detected: Value ${value === undefined ? 'null' : `'${value}'`} at '${field}' failed to satisfy constraint: ${constraint}`, 400),
  internal: (message = 'Internal error') => new ServiceError('InternalServerException', message, 500),
  metadata: (message) => new ServiceError('MetadataException', message, 400),
  resourceNotFound: (message) => new ServiceError('ResourceNotFoundException', message, 400),
  throttling: () => new ServiceError('ThrottlingException', 'Rate exceeded', 400),
  tooManyRequests: () => new ServiceError('TooManyRequestsException',
    'You have exceeded the limit for the number of queries you can run concurrently. Reduce the number of concurrent queries submitted by this account. Contact customer support to request a concurrent query quota increase.',
    400, { Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED' }),
};

// Authentication failures, described independently of the service; each service maps them.
export class AuthError extends Error {
  // kind: 'missing' | 'malformed' | 'unknown-key' | 'bad-signature' | 'expired-token' | 'bad-token'
  //       | 'skew-past' | 'skew-future' | 'sha256-mismatch' | 'missing-sha256'
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

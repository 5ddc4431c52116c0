// Errors raised by the SQL engine. The server maps them onto Athena's API:
//   kind 'syntax'    -> InvalidRequestException from StartQueryExecution (AthenaErrorCode MALFORMED_QUERY)
//   kind 'failed'    -> query state FAILED, StateChangeReason = message
//   kind 'cancelled' -> query state CANCELLED
//   kind 'metadata'  -> MetadataException from the metadata operations
export class EngineError extends Error {
  constructor(kind, message, { errorType, errorCategory } = {}) {
    super(message);
    this.name = 'EngineError';
    this.kind = kind;
    this.errorType = errorType ?? (kind === 'syntax' ? 'MALFORMED_QUERY' : kind === 'cancelled' ? 'USER_CANCELLED' : 'GENERIC_INTERNAL_ERROR');
    this.errorCategory = errorCategory ?? (kind === 'failed' && this.errorType === 'GENERIC_INTERNAL_ERROR' ? 1 : 2);
  }
}

// A user error with Trino's "TYPE: line L:C: text" shape.
export function failed(errorType, text, pos) {
  const where = pos ? `line ${pos.line}:${pos.col}: ` : '';
  return new EngineError('failed', `${errorType}: ${where}${text}`, { errorType, errorCategory: 2 });
}

export function syntaxError(text, pos) {
  const where = pos ? `line ${pos.line}:${pos.col}: ` : '';
  return new EngineError('syntax', `${where}${text}`, { errorType: 'MALFORMED_QUERY', errorCategory: 2 });
}

// 1-based line and column of a character offset, as Trino reports them.
export function lineCol(sql, offset) {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < sql.length; i++) {
    if (sql.charCodeAt(i) === 10) { line++; start = i + 1; }
  }
  return { line, col: offset - start + 1 };
}

// Counters served by GET /_athena_local/stats.
export class Stats {
  constructor() {
    this.reset();
  }

  reset() {
    this.calls = Object.create(null);          // "service:Operation" -> calls received
    this.faults = Object.create(null);         // "service:Operation" -> { kind: count }
    this.authFailures = Object.create(null);   // "service:Operation" -> count
    this.executions = 0;                       // queries actually handed to the engine
    this.executionsByToken = Object.create(null);
    this.startedAt = Date.now();
  }

  call(op) {
    this.calls[op] = (this.calls[op] ?? 0) + 1;
  }

  fault(op, kind) {
    const f = (this.faults[op] ??= Object.create(null));
    f[kind] = (f[kind] ?? 0) + 1;
  }

  authFailure(op) {
    this.authFailures[op] = (this.authFailures[op] ?? 0) + 1;
  }

  execution(clientRequestToken) {
    this.executions++;
    const key = clientRequestToken ?? '(none)';
    this.executionsByToken[key] = (this.executionsByToken[key] ?? 0) + 1;
  }

  toJSON(extra = {}) {
    return {
      since: new Date(this.startedAt).toISOString(),
      calls: this.calls,
      faults: this.faults,
      authFailures: this.authFailures,
      executions: { total: this.executions, byClientRequestToken: this.executionsByToken },
      ...extra,
    };
  }
}

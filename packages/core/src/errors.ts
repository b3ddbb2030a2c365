// Error classes of the core package; each has a stable `name` that survives a trip between processes.

/** A Process method was called in a state that does not allow it (start twice, join before start, …). */
export class ProcessStateError extends Error {
  override readonly name = 'ProcessStateError';
}

/** A target (module + export) could not be named or loaded. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
}

/** A value cannot cross to another process or thread; `path` says which (e.g. `args[1].callback`). */
export class CloneError extends Error {
  override readonly name = 'CloneError';
  readonly path: string;
  constructor(path: string, reason: string, options?: ErrorOptions) {
    super(`${path} cannot be sent to another process or thread: ${reason}`, options);
    this.path = path;
  }
}

/** A wait ran out of time. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly timeoutMs: number;
  constructor(what: string, timeoutMs: number) {
    super(`${what} timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** A worker ended while something depended on it. */
export class WorkerExitError extends Error {
  override readonly name = 'WorkerExitError';
  readonly exitCode: number | null;
  readonly signal: string | null;
  constructor(message: string, exitCode: number | null, signal: string | null, options?: ErrorOptions) {
    super(message, options);
    this.exitCode = exitCode;
    this.signal = signal;
  }
}

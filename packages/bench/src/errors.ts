// Errors of the runner, each with a stable `name`.

/** A mistyped flag, workload, suite or value: the CLI prints it and exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A workload's parallel result differed from its serial reference. */
export class WrongResultError extends Error {
  override readonly name = 'WrongResultError';
}

/** A workload folder that does not export a valid `workload`. */
export class WorkloadLoadError extends Error {
  override readonly name = 'WorkloadLoadError';
}

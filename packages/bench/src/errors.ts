// Errors of the runner, each with a stable `name`.

/** A mistyped flag, workload, suite or value: the CLI prints it in one line and exits with code 2. */
export { UsageError } from '@parlab/cli';

/** A workload's parallel result differed from its serial reference. */
export class WrongResultError extends Error {
  override readonly name = 'WrongResultError';
}

/** A workload folder that does not export a valid `workload`. */
export class WorkloadLoadError extends Error {
  override readonly name = 'WorkloadLoadError';
}

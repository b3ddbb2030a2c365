// Error classes of @parlab/report, each with a stable `name` callers can match on.

/** A results.json that is not valid JSON or does not follow the schema: the contract's own error. */
export { ResultsSchemaError } from '@parlab/bench-kit';

/** A results file or run folder could not be found or read. */
export class ResultsNotFoundError extends Error {
  override readonly name = 'ResultsNotFoundError';
}

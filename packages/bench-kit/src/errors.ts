// Error classes of @parlab/bench-kit, each with a stable `name` callers can match on.

/** A results.json that is not valid JSON or does not follow the schema; `path` names the field. */
export class ResultsSchemaError extends Error {
  override readonly name = 'ResultsSchemaError';
  /** Field path such as `points[3].median`, or `''` for the whole document. */
  readonly path: string;
  /** What is wrong with it, e.g. `must be a number (got "fast")`. */
  readonly problem: string;
  /** The file the document came from, when it came from one. */
  readonly file: string | undefined;

  constructor(path: string, problem: string, options: { cause?: unknown; file?: string } = {}) {
    const where = path === '' ? problem : `${path} ${problem}`;
    super(options.file === undefined ? where : `${options.file}: ${where}`, { cause: options.cause });
    this.path = path;
    this.problem = problem;
    this.file = options.file;
  }
}

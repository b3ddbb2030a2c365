// Finds a run's results.json (given the file or its folder), reads it and validates it.

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ResultsNotFoundError, ResultsSchemaError } from './errors.js';
import { withDerivedSpeedups } from './derived-speedups.js';
import type { ResultsFile } from './schema.js';
import { validateResults } from './schema.js';

/** The results.json path for `target`, which may be the file itself or the run folder holding it. */
export async function resolveResultsPath(target: string): Promise<string> {
  const info = await stat(target).catch((cause: unknown) => {
    throw new ResultsNotFoundError(`${target}: no such file or folder (run \`pnpm bench\` first, or name a results.json)`, { cause });
  });
  return info.isDirectory() ? join(target, 'results.json') : target;
}

/**
 * Reads and validates a results file (a schema 1 file is upgraded, its speedups derived).
 * @throws ResultsNotFoundError when it cannot be read; ResultsSchemaError when it is not valid.
 */
export async function loadResults(resultsPath: string): Promise<ResultsFile> {
  const text = await readFile(resultsPath, 'utf8').catch((cause: unknown) => {
    throw new ResultsNotFoundError(`${resultsPath}: cannot be read (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    // JSON.parse quotes the offending text, newlines included; the CLI promises one line.
    const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\s+/g, ' ');
    throw new ResultsSchemaError('', `is not valid JSON (${reason})`, { cause, file: resultsPath });
  }
  try {
    return withDerivedSpeedups(validateResults(json));
  } catch (cause) {
    // Name the file too: when comparing two runs the reader must know which one is wrong.
    if (cause instanceof ResultsSchemaError) throw new ResultsSchemaError(cause.path, cause.problem, { cause, file: resultsPath });
    throw cause;
  }
}

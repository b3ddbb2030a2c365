// Python twins run as plain commands (a benchmark's business, not a strategy's): their figures come back as JSON.
import { execFile } from 'node:child_process';

/**
 * Runs a Python twin (`python3 <script> args…`) that prints a JSON object of figure lists, e.g.
 * {"round_trip_us": [...], "bytes_per_s": [...]}; null when python3 is missing.
 */
export async function runPythonFigures(script: string, args: readonly string[], signal?: AbortSignal): Promise<Record<string, number[]> | null> {
  return new Promise((resolve, reject) => {
    execFile('python3', [script, ...args], { timeout: 60_000, ...(signal !== undefined ? { signal } : {}) }, (error, stdout) => {
      if (error !== null) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') resolve(null);
        else reject(error);
        return;
      }
      try {
        resolve(JSON.parse(stdout) as Record<string, number[]>);
      } catch (parseError) {
        reject(parseError as Error);
      }
    });
  });
}

/** Runs a Python twin that prints {"samples": [...]}; null when python3 is missing. */
export async function runPython(script: string, args: readonly string[], signal?: AbortSignal): Promise<number[] | null> {
  const figures = await runPythonFigures(script, args, signal);
  if (figures === null) return null;
  const samples = figures['samples'];
  if (!Array.isArray(samples)) throw new Error(`python3 ${script} printed no "samples" list`);
  return samples;
}

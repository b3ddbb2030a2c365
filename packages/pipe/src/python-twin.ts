// Runs a benchmark's Python twin when python3 is present; null (with why) when it is not.
import { spawnSync } from 'node:child_process';

export type TwinResult = { readonly ok: true; readonly figures: Record<string, number[]> } | { readonly ok: false; readonly why: string };

export function runPythonTwin(script: string, args: readonly (string | number)[], timeoutMs: number): TwinResult {
  const found = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (found.error !== undefined || found.status !== 0) return { ok: false, why: 'python3 is not installed' };
  const run = spawnSync('python3', [script, ...args.map(String)], { encoding: 'utf8', timeout: timeoutMs });
  if (run.status !== 0) return { ok: false, why: `python3 ${script} failed: ${run.stderr || run.error?.message || `status ${String(run.status)}`}` };
  return { ok: true, figures: JSON.parse(run.stdout) as Record<string, number[]> };
}

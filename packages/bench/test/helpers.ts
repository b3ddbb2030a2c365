// Runs the built CLI as a child, with its own workloads folder made of fixtures, and reads what it wrote.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../dist/test/fixtures/', import.meta.url));

/** A temporary folder with `workloads/<id>/package.json` pointing at fixture modules, and an out folder. */
export function scratch(fixtures: Record<string, string>): { dir: string; workloads: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parlab-bench-test-'));
  const workloads = join(dir, 'workloads');
  for (const [id, module] of Object.entries(fixtures)) {
    mkdirSync(join(workloads, id), { recursive: true });
    writeFileSync(join(workloads, id, 'package.json'), JSON.stringify({ name: `fixture-${id}`, main: join(FIXTURES, module) }));
  }
  return { dir, workloads, out: join(dir, 'reports') };
}

export interface CliRun {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the CLI in its own process group (so the test can look for leftovers by group). */
export function startCli(args: readonly string[], workloadsDir: string): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], {
    // Short budgets: these tests check what the runner does, not how precisely it measures.
    env: { ...process.env, PARLAB_BENCH_WORKLOADS_DIR: workloadsDir, PARLAB_BENCH_WORKLOAD_BUDGET_MS: '1500' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** Resolves once the CLI's stderr has a line matching `pattern`; rejects after `timeoutMs`. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; got:\n${seen}`)), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve(line);
      }
    });
  });
}

/** Pids still alive in process group `pgid`. */
export function groupMembers(pgid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, group]) => group === pgid && pid !== undefined && Number.isInteger(pid))
    .map(([pid]) => pid as number);
}

/** Polls (bounded) until the group is empty; returns what is left after `timeoutMs`. */
export async function groupGone(pgid: number, timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let left = groupMembers(pgid);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = groupMembers(pgid);
  }
  return left;
}

/** The newest run's results.json under `out` (run ids sort by time; `latest` only moves once a report is rendered). */
export function readResults(out: string): unknown {
  const runs = readdirSync(out).filter((name) => /^\d{4}-\d\d-\d\dT/.test(name)).sort();
  const newest = runs[runs.length - 1];
  if (newest === undefined) throw new Error(`no run folder in ${out}`);
  return JSON.parse(readFileSync(join(out, newest, 'results.json'), 'utf8')) as unknown;
}

/** Control characters other than newline (escape sequences, carriage returns…). */
export const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/** Every process below `pid` (children, their children…), from one `ps` listing. */
export function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((row): row is [number, number] => row.length === 2 && row.every(Number.isInteger));
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const [child, ppid] of rows) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Polls (bounded) until none of `pids` is alive; returns those still alive after `timeoutMs`. */
export async function allGone(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const isAlive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + timeoutMs;
  let left = pids.filter(isAlive);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = left.filter(isAlive);
  }
  return left;
}

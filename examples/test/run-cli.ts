// Runs one of the examples' commands as a student would (node dist/src/<cli>.js …), in its own process group, and reports what it left behind.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Processes still in the command's process group once it has exited (none is the rule). */
  leftovers: string[];
}

function groupMembers(pgid: number): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => Number(cols[1]) === pgid)
    .map((cols) => cols.join(' '));
}

export type Command = 'lesson-cli' | 'exercise-cli' | 'quiz-cli';

/** Runs `command` with `args`; `input` is written to its stdin (then closed), else stdin is empty. */
export async function runCli(command: Command, args: readonly string[], options: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const script = fileURLToPath(new URL(`../dist/src/${command}.js`, import.meta.url));
  // Its own process group, so that anything the command leaves behind can be found.
  const child = spawn(process.execPath, [script, ...args], { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PARLAB_LANG: '', ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  let leftovers = groupMembers(child.pid as number);
  for (let i = 0; i < 100 && leftovers.length > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    leftovers = groupMembers(child.pid as number);
  }
  if (leftovers.length > 0) process.kill(-(child.pid as number), 'SIGKILL');
  return { code, stdout, stderr, leftovers };
}

/** Runs `jobs` with at most `limit` at a time (a 2-core machine, shared). */
export async function inBatches<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await (jobs[i] as () => Promise<T>)();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, lane));
  return results;
}

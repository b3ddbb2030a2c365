// Python twins run as plain commands (a benchmark's business, not a strategy's), each in its own process
// group with a watchdog, so a twin and its multiprocessing workers never outlive the Node process that started them.
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs before the twin's script: a daemon thread watches the parent, and when the parent is gone
 * (killed, even by SIGKILL) it kills the twin's whole process group, its pool workers included.
 */
const WATCHDOG = [
  'import os, runpy, sys, threading, time',
  'parent = os.getppid()',
  'def watch():',
  '    while True:',
  '        time.sleep(0.2)',
  '        if os.getppid() != parent:',
  '            os.killpg(os.getpgrp(), 9)',
  'threading.Thread(target=watch, daemon=True).start()',
  'sys.argv = sys.argv[1:]',
  "runpy.run_path(sys.argv[0], run_name='__main__')",
].join('\n');

export interface TwinOptions {
  readonly signal?: AbortSignal | undefined;
  /** Killed (with its group) after this long. */
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** `python3 script args…` under the watchdog, in a process group of its own; stdout and stderr are piped. */
export function spawnPythonTwin(script: string, args: readonly string[], options: TwinOptions): ChildProcess {
  const child = spawn('python3', ['-c', WATCHDOG, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...(options.env ?? process.env), PYTHONDONTWRITEBYTECODE: '1' },
  });
  const stop = (): void => stopPythonTwin(child);
  const timer = setTimeout(stop, options.timeoutMs);
  options.signal?.addEventListener('abort', stop, { once: true });
  child.once('close', () => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  });
  return child;
}

/** Kills a twin's process group (the twin and every worker it started). */
export function stopPythonTwin(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Runs a Python twin that prints a JSON object of figure lists, e.g.
 * {"round_trip_us": [...], "bytes_per_s": [...]}; null when python3 is missing.
 */
export async function runPythonFigures(script: string, args: readonly string[], signal?: AbortSignal): Promise<Record<string, number[]> | null> {
  const child = spawnPythonTwin(script, args, { signal, timeoutMs: 60_000 });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | Error>((resolve) => {
    child.once('error', resolve);
    child.once('close', (code, killedBy) => resolve({ code, signal: killedBy }));
  });
  if (outcome instanceof Error) {
    if ((outcome as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw outcome;
  }
  signal?.throwIfAborted();
  if (outcome.code !== 0) {
    const why = outcome.signal !== null ? `was killed by ${outcome.signal}` : `exited with code ${String(outcome.code)}`;
    throw new Error(`python3 ${script} ${why}: ${stderr.trim().split('\n').slice(-2).join(' | ') || 'no output'}`);
  }
  try {
    return JSON.parse(stdout) as Record<string, number[]>;
  } catch (cause) {
    throw new Error(`python3 ${script} printed no JSON object`, { cause });
  }
}

/** Runs a Python twin that prints {"samples": [...]}; null when python3 is missing. */
export async function runPython(script: string, args: readonly string[], signal?: AbortSignal): Promise<number[] | null> {
  const figures = await runPythonFigures(script, args, signal);
  if (figures === null) return null;
  const samples = figures['samples'];
  if (!Array.isArray(samples)) throw new Error(`python3 ${script} printed no "samples" list`);
  return samples;
}

// Test helpers: temp files, children, a bounded poll, and the backend this run uses.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Process, reapChildren, type StrategyName } from '@parlab/core';
import { OWNER_FLAG, sharedMemoryBackend } from '@parlab/shm';

export const dir = mkdtempSync(join(tmpdir(), 'parlab-shared-memory-'));
let n = 0;
export const tmp = (): string => join(dir, `out-${n++}.json`);
export const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
export const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
export const exists = existsSync;

/** 'native' or 'coordinator': the suite runs once with each (package.json's test script). */
export const backend = sharedMemoryBackend();

export function start(strategy: StrategyName, target: (...args: never[]) => unknown, args: unknown[]): Process {
  const child = new Process({ target: target as (...a: unknown[]) => unknown, args, strategy });
  child.start();
  return child;
}

/** Kills whatever a test left running (core's reapChildren). */
export const killAll = (): Promise<void> => reapChildren();

/** Polls `check` until it holds, at most `limitMs` (a bound, not a timing guess). */
export async function until(check: () => boolean, limitMs = 15_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The pids of the segment trackers running for `owner` ("pid:threadId"), read from /proc. */
export function trackersOf(owner: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((arg) => arg.endsWith('tracker-process.js')) && args.includes(`${OWNER_FLAG}${owner}`)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

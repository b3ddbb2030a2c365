// Shared helpers for the barrier tests: temp files, children, and bounded polling.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Process, reapChildren, type StrategyName } from '@parlab/core';

export const dir = mkdtempSync(join(tmpdir(), 'parlab-barrier-'));
let n = 0;
export const tmp = (): string => join(dir, `out-${n++}.json`);
export const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
export const exists = existsSync;
export const cleanup = (): void => rmSync(dir, { recursive: true, force: true });

export function start(strategy: StrategyName, target: (...args: never[]) => unknown, args: unknown[]): Process {
  const child = new Process({ target: target as (...a: unknown[]) => unknown, args, strategy });
  child.start();
  return child;
}

/** Kills whatever a test left running (core's reapChildren). */
export const killAll = (): Promise<void> => reapChildren();

/** Polls `check` until it holds, at most `limitMs` (a bound, not a timing guess). */
export async function until(check: () => Promise<boolean> | boolean, limitMs = 15_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

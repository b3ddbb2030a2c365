// The race on a shared counter (lessons 8 and 11): workers that read, pause and write back, with or without a Lock.
import { defineTargets, Process, type StrategyName } from '@parlab/core';
import { Barrier, Lock } from '@parlab/barrier';
import { Manager, type ValueProxy } from '@parlab/manager';
import type { LessonContext } from '../lesson.js';
import type { Lang, Text } from '../text.js';
import { tell } from '../transcript.js';
import { joinAll, startAll } from './children.js';
import { sleep, WAIT_MS } from './shared.js';

/** The counter: shared memory under `thread`, a Manager value under `process` (processes share no memory). */
export type Counter = { readonly kind: 'memory'; readonly cells: Int32Array } | { readonly kind: 'manager'; readonly value: ValueProxy<number> };

async function read(counter: Counter): Promise<number> {
  return counter.kind === 'memory' ? (counter.cells[0] as number) : counter.value.get();
}

async function write(counter: Counter, next: number): Promise<void> {
  if (counter.kind === 'memory') counter.cells[0] = next;
  else await counter.value.set(next);
}

/** Adds 1 to the counter `adds` times by reading, pausing a moment, and writing back: the classic race. */
export async function addMany(lang: Lang, counter: Counter, lock: Lock | null, start: Barrier, adds: number): Promise<void> {
  tell(lang, lock === null ? { en: 'I add 1 to the counter {adds} times, without a lock', es: 'sumo 1 al contador {adds} veces, sin cerrojo' } : { en: 'I add 1 to the counter {adds} times, each under the lock', es: 'sumo 1 al contador {adds} veces, cada vez con el cerrojo' }, { adds });
  // A barrier: all workers start adding at the same moment.
  await start.wait({ timeoutMs: WAIT_MS });
  for (let i = 0; i < adds; i++) {
    if (lock !== null) await lock.acquire({ timeoutMs: WAIT_MS });
    const seen = await read(counter);
    // Another worker can read the same value here, and one of the two updates is lost.
    await sleep(0);
    await write(counter, seen + 1);
    if (lock !== null) await lock.release();
  }
}

defineTargets(import.meta.url, { addMany });

/** A counter for this strategy, and how to let go of it. */
export async function openCounter(strategy: StrategyName): Promise<{ counter: Counter; close: () => Promise<void> }> {
  if (strategy === 'thread') return { counter: { kind: 'memory', cells: new Int32Array(new SharedArrayBuffer(4)) }, close: async () => {} };
  const manager = await Manager.start();
  return { counter: { kind: 'manager', value: await manager.value(0) }, close: () => manager.shutdown() };
}

export const WHERE_THE_COUNTER_LIVES: Record<'memory' | 'manager', Text> = {
  memory: { en: 'The counter lives in a SharedArrayBuffer that the threads share.', es: 'El contador vive en un SharedArrayBuffer que comparten los hilos.' },
  manager: { en: 'Processes share no memory: the counter lives in a Manager value.', es: 'Los procesos no comparten memoria: el contador vive en un valor de un Manager.' },
};

/** `workers` workers add 1 `adds` times each, with or without `lock`; the counter's final value. */
export async function countWith(ctx: LessonContext, counter: Counter, lock: Lock | null, workers: number, adds: number): Promise<number> {
  await write(counter, 0);
  const start = new Barrier(workers);
  const name = ctx.t({ en: 'adder', es: 'sumador' });
  const processes = Array.from({ length: workers }, (_, i) => new Process({ name: `${name}-${i + 1}`, target: addMany, args: [ctx.lang, counter, lock, start, adds] }));
  startAll(ctx, processes);
  await joinAll(ctx, processes);
  return read(counter);
}

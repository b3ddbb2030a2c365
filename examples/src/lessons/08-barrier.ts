// Lesson 8: how do processes wait for each other (Barrier), and how does a Lock keep a shared counter right?
import { defineTargets, Process } from '@parlab/core';
import { Barrier, Lock } from '@parlab/barrier';
import { Manager, type ValueProxy } from '@parlab/manager';
import type { Lang, Lesson } from '../lesson.js';
import { childSay, sleep } from './shared.js';

const WORKERS = 3;
const ADDS = 100;

/** Phase 1 takes a different time in each worker; nobody starts phase 2 before all have finished phase 1. */
export async function phases(lang: Lang, barrier: Barrier, worker: number): Promise<void> {
  await sleep(100 + worker * 150);
  childSay(lang, { en: 'phase 1 done, waiting at the barrier', es: 'fase 1 terminada, espero en la barrera' });
  const index = await barrier.wait({ timeoutMs: 20_000 });
  childSay(lang, { en: 'everyone arrived: phase 2 starts (arrival index {index})', es: 'llegaron todos: empieza la fase 2 (índice de llegada {index})' }, { index });
}

/** The counter: shared memory under `thread`, a manager value under `process` (processes share no memory). */
type Counter = { kind: 'memory'; cells: Int32Array } | { kind: 'manager'; value: ValueProxy<number> };

async function read(counter: Counter): Promise<number> {
  return counter.kind === 'memory' ? (counter.cells[0] as number) : counter.value.get();
}

async function write(counter: Counter, next: number): Promise<void> {
  if (counter.kind === 'memory') counter.cells[0] = next;
  else await counter.value.set(next);
}

/** Adds 1 to the counter ADDS times by reading, pausing a moment, and writing back: the classic race. */
export async function addOne(counter: Counter, lock: Lock | null, start: Barrier): Promise<void> {
  // A barrier again: all workers start adding at the same moment.
  await start.wait({ timeoutMs: 20_000 });
  for (let i = 0; i < ADDS; i++) {
    if (lock !== null) await lock.acquire({ timeoutMs: 20_000 });
    const seen = await read(counter);
    // Another worker can read the same value here, and one of the two updates is lost.
    await sleep(0);
    await write(counter, seen + 1);
    if (lock !== null) await lock.release();
  }
}

defineTargets(import.meta.url, { phases, addOne });

async function run(target: (...args: never[]) => unknown, argsOf: (worker: number) => unknown[]): Promise<void> {
  const workers = Array.from({ length: WORKERS }, (_, worker) => new Process({ target: target as (...args: unknown[]) => unknown, args: argsOf(worker) }));
  for (const p of workers) p.start();
  for (const p of workers) await p.join(30_000);
}

async function countWith(counter: Counter, lock: Lock | null): Promise<number> {
  await write(counter, 0);
  const start = new Barrier(WORKERS);
  await run(addOne, () => [counter, lock, start]);
  return read(counter);
}

export const lesson: Lesson = {
  number: 8,
  title: {
    en: 'How do processes wait for each other, and how do they share a counter safely?',
    es: '¿Cómo se esperan los procesos entre sí y cómo comparten un contador sin errores?',
  },
  async run(ctx) {
    ctx.say({
      en: 'A Barrier(n) holds each party in wait() until n parties have arrived; then all go on together.',
      es: 'Una Barrier(n) retiene a cada participante en wait() hasta que han llegado n; entonces siguen todos a la vez.',
    });
    const barrier = new Barrier(WORKERS);
    await run(phases, (worker) => [ctx.lang, barrier, worker]);

    ctx.say({
      en: '\nNow {n} workers each add 1 to a shared counter {adds} times (read, pause, write).',
      es: '\nAhora {n} trabajadores suman 1 a un contador compartido {adds} veces cada uno (leer, pausa, escribir).',
    }, { n: WORKERS, adds: ADDS });
    await using manager = ctx.strategy === 'process' ? await Manager.start() : null;
    const counter: Counter =
      manager === null ? { kind: 'memory', cells: new Int32Array(new SharedArrayBuffer(4)) } : { kind: 'manager', value: await manager.value(0) };
    ctx.say(
      counter.kind === 'memory'
        ? { en: 'The counter lives in a SharedArrayBuffer that the threads share.', es: 'El contador vive en un SharedArrayBuffer que comparten los hilos.' }
        : { en: 'Processes share no memory: the counter lives in a Manager value.', es: 'Los procesos no comparten memoria: el contador vive en un valor de un Manager.' },
    );
    const expected = WORKERS * ADDS;
    const racy = await countWith(counter, null);
    ctx.say({ en: 'Without a lock: expected {expected}, got {got} ({lost} updates lost).', es: 'Sin cerrojo: se esperaba {expected}, salió {got} ({lost} actualizaciones perdidas).' }, {
      expected,
      got: racy,
      lost: expected - racy,
    });
    const safe = await countWith(counter, new Lock());
    ctx.say({ en: 'With a Lock around read-and-write: expected {expected}, got {got}.', es: 'Con un Lock alrededor de leer y escribir: se esperaba {expected}, salió {got}.' }, { expected, got: safe });
    ctx.say({
      en: '\nThe lock makes "read, then write" one step that only one worker takes at a time. parlab goes beyond Python here: if a worker dies while others wait at a barrier, the barrier breaks for them at once; if a lock holder dies, the next acquire() gets the lock with ownerDied: true.',
      es: '\nEl cerrojo convierte "leer y luego escribir" en un solo paso que solo da un trabajador a la vez. parlab va más allá de Python: si un trabajador muere mientras otros esperan en una barrera, la barrera se rompe para ellos al instante; si muere quien tiene el cerrojo, el siguiente acquire() lo obtiene con ownerDied: true.',
    });
  },
};

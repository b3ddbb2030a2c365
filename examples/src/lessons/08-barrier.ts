// Lesson 8: synchronize processes — a Barrier that holds everyone until all arrive, and a Lock that keeps a shared counter right.
import { defineTargets, Process } from '@parlab/core';
import { Barrier, Lock } from '@parlab/barrier';
import { question } from '../course.js';
import type { Lesson } from '../lesson.js';
import type { Lang } from '../text.js';
import { tell } from '../transcript.js';
import { joinAll, startAll } from './children.js';
import { sleep, WAIT_MS } from './shared.js';
import { countWith, openCounter, WHERE_THE_COUNTER_LIVES } from './race.js';

const WORKERS = 3;

/** Phase 1 takes a different time in each worker; nobody starts phase 2 before all have finished phase 1. */
export async function phases(lang: Lang, barrier: Barrier, phaseMs: number): Promise<void> {
  await sleep(phaseMs);
  tell(lang, { en: 'phase 1 done after {ms} ms; I wait at the barrier', es: 'fase 1 terminada tras {ms} ms; espero en la barrera' }, { ms: phaseMs });
  const index = await barrier.wait({ timeoutMs: WAIT_MS });
  tell(lang, { en: 'everyone has arrived: phase 2 starts (arrival index {index})', es: 'han llegado todos: empieza la fase 2 (índice de llegada {index})' }, { index });
}

defineTargets(import.meta.url, { phases });

const WORKER = { en: 'worker', es: 'trabajador' };

const { title, notebooks } = question(8);

export const lesson: Lesson = {
  number: 8,
  title,
  notebooks,
  python: [
    ['Barrier(3)', 'new Barrier(3)'],
    ['barrier.wait()', 'await barrier.wait()'],
    ['Lock()', 'new Lock()'],
    ['lock.acquire() / lock.release()', 'await lock.acquire() / await lock.release()'],
    ['with lock: …', 'await lock.acquire(); try { … } finally { await lock.release(); }'],
  ],
  async run(ctx) {
    const small = ctx.size === 'small';
    ctx.say({
      en: '1) A Barrier(n) holds each party in wait() until n parties have arrived; then all go on together.',
      es: '1) Una Barrier(n) retiene a cada participante en wait() hasta que han llegado n; entonces siguen todos a la vez.',
    });
    const barrier = new Barrier(WORKERS);
    const workers = Array.from({ length: WORKERS }, (_, i) => new Process({ name: `${ctx.t(WORKER)}-${i + 1}`, target: phases, args: [ctx.lang, barrier, (small ? 20 : 100) + i * (small ? 40 : 150)] }));
    startAll(ctx, workers);
    await joinAll(ctx, workers);

    const adds = small ? 30 : 100;
    ctx.say({
      en: '\n2) Now {n} workers each add 1 to a shared counter {adds} times (read, pause, write).',
      es: '\n2) Ahora {n} trabajadores suman 1 a un contador compartido {adds} veces cada uno (leer, pausa, escribir).',
    }, { n: WORKERS, adds });
    const { counter, close } = await openCounter(ctx.strategy);
    try {
      ctx.say(WHERE_THE_COUNTER_LIVES[counter.kind]);
      const expected = WORKERS * adds;
      const racy = await countWith(ctx, counter, null, WORKERS, adds);
      ctx.tell({ en: 'without a lock: expected {expected}, got {got} ({lost} updates lost)', es: 'sin cerrojo: se esperaba {expected}, salió {got} ({lost} sumas perdidas)' }, { expected, got: racy, lost: expected - racy });
      const safe = await countWith(ctx, counter, new Lock(), WORKERS, adds);
      ctx.tell({ en: 'with a Lock around read-and-write: expected {expected}, got {got}', es: 'con un Lock alrededor de leer y escribir: se esperaba {expected}, salió {got}' }, { expected, got: safe });
    } finally {
      await close();
    }
    ctx.say({
      en: '\nThe lock makes "read, then write" one step that only one worker takes at a time. parlab goes beyond Python here: if a worker dies while others wait at a barrier, the barrier breaks for them at once; if a lock holder dies, the next acquire() gets the lock with ownerDied: true.',
      es: '\nEl cerrojo convierte "leer y luego escribir" en un solo paso que solo da un trabajador a la vez. parlab va más allá de Python: si un trabajador muere mientras otros esperan en una barrera, la barrera se rompe para ellos al instante; si muere quien tiene el cerrojo, el siguiente acquire() lo obtiene con ownerDied: true.',
    });
  },
};

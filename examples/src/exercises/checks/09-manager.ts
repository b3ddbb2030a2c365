// Exercise 9: count words into a Manager's dict from several children, under the manager's lock.
import { Process, targetRef } from '@parlab/core';
import { Manager } from '@parlab/manager';
import { fail, pass, type Exercise } from '../exercise.js';
import type { Lang } from '../../text.js';
import { BOUND_MS, childFailure } from './support.js';

/** Three workers' shares of a text; the same words turn up in all of them. */
function shares(lang: Lang): string[][] {
  return lang === 'es'
    ? [['sol', 'luna', 'sol', 'mar', 'sol'], ['luna', 'sol', 'mar', 'luna'], ['mar', 'sol', 'luna', 'sol', 'mar']]
    : [['sun', 'moon', 'sun', 'sea', 'sun'], ['moon', 'sun', 'sea', 'moon'], ['sea', 'sun', 'moon', 'sun', 'sea']];
}

export const exercise: Exercise = {
  number: 9,
  stem: '09-manager',
  task: {
    en: 'Complete `tally(words, counts, lock)`, which runs in three children at once: for each word add 1 to `counts[word]` in the Manager’s dict (a missing word `counts` 0), holding the manager’s lock around each read-and-write.',
    es: 'Completa `tally(words, counts, lock)`, que se ejecuta en tres hijos a la vez: por cada palabra suma 1 a `counts[palabra]` en el diccionario del Manager (una palabra que falta cuenta 0), con el cerrojo del manager alrededor de cada leer-y-escribir.',
  },
  exports: ['tally'],
  async check({ moduleUrl, lang }) {
    await using manager = await Manager.start();
    const counts = await manager.dict<string, number>();
    const lock = await manager.lock();
    const parts = shares(lang);
    const workers = parts.map((part) => new Process({ target: targetRef(moduleUrl, 'tally'), args: [part, counts, lock] }));
    for (const p of workers) p.start();
    for (const p of workers) {
      if ((await p.join(BOUND_MS)) === null) {
        for (const q of workers) q.kill();
        return fail({ en: 'a worker did not end: does every acquire() have its release()?', es: 'un trabajador no terminó: ¿tiene cada acquire() su release()?' });
      }
      const failure = childFailure(p);
      if (failure !== null) throw failure;
    }
    const expected = new Map<string, number>();
    for (const word of parts.flat()) expected.set(word, (expected.get(word) ?? 0) + 1);
    const got = new Map(await counts.entries());
    const show = (m: Map<string, number>): string => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([w, n]) => `${w}: ${n}`).join(', ');
    if (show(got) !== show(expected)) {
      return fail({
        en: 'the `counts` are {got}; they should be {expected}. A count below it means two workers read the same count and both wrote it plus one: hold the lock from `counts.get()` to `counts.set()`.',
        es: 'las cuentas son {got}; deberían ser {expected}. Una cuenta menor quiere decir que dos trabajadores leyeron la misma cuenta y los dos escribieron esa más uno: mantén el cerrojo desde `counts.get()` hasta `counts.set()`.',
      }, { got: show(got) || '—', expected: show(expected) });
    }
    return pass();
  },
};

// Exercise 5: a Process subclass whose run() does the work in the child.
import { Process } from '@parlab/core';
import { Empty, Queue } from '@parlab/queue';
import { fail, pass, type Exercise } from '../exercise.js';
import { BOUND_MS, childFailure } from './support.js';

type SquarerClass = new (n: number, results: Queue) => Process;

export const exercise: Exercise = {
  number: 5,
  stem: '05-subclass',
  task: {
    en: 'Complete the run() method of `Squarer` (a Process subclass): in the child, put `this.n * this.n` on `this.results`.',
    es: 'Completa el método run() de `Squarer` (una subclase de Process): en el hijo, pon `this.n * this.n` en `this.results`.',
  },
  exports: ['Squarer'],
  async check({ module }) {
    const Squarer = module['Squarer'] as SquarerClass;
    const results = new Queue();
    const squarers = [3, 4, 5].map((n) => new Squarer(n, results));
    if (!squarers.every((s) => s instanceof Process)) return fail({ en: '`Squarer` should extend Process', es: '`Squarer` debe extender Process' });
    for (const s of squarers) s.start();
    for (const s of squarers) {
      await s.join(BOUND_MS);
      const failure = childFailure(s);
      if (failure !== null) throw failure;
    }
    const got: number[] = [];
    try {
      for (let i = 0; i < squarers.length; i++) got.push((await results.get({ timeoutMs: 2000 })) as number);
    } catch (error) {
      if (!(error instanceof Empty)) throw error;
      return fail({ en: 'run() put {n} of 3 `results` on `this.results`: each `Squarer` should put exactly one', es: 'run() puso {n} de 3 resultados en `this.results`: cada `Squarer` debe poner exactamente uno' }, { n: got.length });
    } finally {
      results.close();
    }
    const sorted = [...got].sort((a, b) => a - b);
    if (sorted.join() !== '9,16,25') return fail({ en: 'for 3, 4 and 5 the squares are 9, 16 and 25; run() put {got}', es: 'para 3, 4 y 5 los cuadrados son 9, 16 y 25; run() puso {got}' }, { got: got.join(', ') });
    return pass();
  },
};

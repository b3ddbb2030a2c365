// Exercise 6: a consumer, in a child, that sums what comes down a queue until the sentinel.
import { Process, targetRef } from '@parlab/core';
import { Empty, Queue } from '@parlab/queue';
import { fail, pass, type Exercise } from '../exercise.js';
import { BOUND_MS, childFailure } from './support.js';

export const exercise: Exercise = {
  number: 6,
  stem: '06-queue',
  task: {
    en: 'Complete `sumFromQueue(numbers, results)`, which runs in a child: get `numbers` from the queue `numbers` until you get null (the sentinel), then put their sum on `results`.',
    es: 'Completa `sumFromQueue(numbers, results)`, que se ejecuta en un hijo: saca números de la cola `numbers` hasta recibir null (el centinela) y pon su suma en `results`.',
  },
  exports: ['sumFromQueue'],
  async check({ moduleUrl }) {
    const numbers = new Queue();
    const results = new Queue();
    const p = new Process({ target: targetRef(moduleUrl, 'sumFromQueue'), args: [numbers, results] });
    p.start();
    try {
      for (let n = 1; n <= 10; n++) await numbers.put(n);
      await numbers.put(null);
      if ((await p.join(BOUND_MS)) === null) {
        return fail({ en: 'sumFromQueue did not end after it got null: leave the loop when get() gives null', es: 'sumFromQueue no terminó después de recibir null: sal del bucle cuando get() devuelva null' });
      }
      const failure = childFailure(p);
      if (failure !== null) throw failure;
      let sum: unknown;
      try {
        sum = await results.get({ timeoutMs: 2000 });
      } catch (error) {
        if (error instanceof Empty) return fail({ en: 'nothing arrived on `results`: put the sum there with `await results.put(sum)`', es: 'no llegó nada a `results`: pon allí la suma con `await results.put(sum)`' });
        throw error;
      }
      if (sum !== 55) return fail({ en: 'the `numbers` 1 to 10 were sent, so the sum is 55; `results` got {got}', es: 'se enviaron los números del 1 al 10, así que la suma es 55; a `results` llegó {got}' }, { got: JSON.stringify(sum) ?? String(sum) });
      return pass();
    } finally {
      if (p.isAlive()) {
        p.kill();
        await p.join(BOUND_MS);
      }
      numbers.close();
      results.close();
    }
  },
};

// Exercise 10: square numbers with a Pool's map.
import { TargetError } from '@parlab/core';
import { Pool } from '@parlab/pool';
import { fail, pass, type Exercise } from '../exercise.js';
import { BOUND_MS } from './support.js';

type Squares = (pool: Pool, numbers: number[]) => Promise<unknown>;

export const exercise: Exercise = {
  number: 10,
  stem: '10-pool',
  task: {
    en: 'Complete `square(n)`, and `squares(pool, numbers)`: return the squares of `numbers`, in order, computed by the Pool’s workers with pool.map. A Pool runs only exported functions registered with defineTargets.',
    es: 'Completa `square(n)`, y `squares(pool, numbers)`: devuelve los cuadrados de `numbers`, en orden, calculados por los trabajadores del Pool con pool.map. Un Pool solo ejecuta funciones exportadas y registradas con defineTargets.',
  },
  exports: ['square', 'squares'],
  async check({ module, strategy }) {
    const pool = new Pool({ strategy, workers: 2 });
    try {
      const numbers = [1, 2, 3, 4, 5, 6, 7, 8];
      let got: unknown;
      try {
        got = await (module['squares'] as Squares)(pool, numbers);
      } catch (error) {
        if (error instanceof TargetError && /not registered/.test(error.message)) {
          return fail({ en: 'pool.map could not send square to its workers: it is not registered. Add defineTargets(import.meta.url, { square }) to your file.', es: 'pool.map no pudo enviar square a sus trabajadores: no está registrada. Añade defineTargets(import.meta.url, { square }) a tu archivo.' });
        }
        throw error;
      }
      const want = numbers.map((n) => n * n);
      if (!Array.isArray(got) || got.join() !== want.join()) {
        return fail({ en: 'squares should give {want}; it gave {got}', es: 'squares debería dar {want}; dio {got}' }, { want: want.join(', '), got: JSON.stringify(got) ?? String(got) });
      }
      return pass();
    } finally {
      pool.terminate();
      await pool.join({ timeoutMs: BOUND_MS });
    }
  },
};

// Workload merge-sort: each pool worker sorts a chunk it gets through a Pipe; the parent merges the runs.
import { defineWorkload } from '@parlab/bench';
import { Pipe, type Connection } from '@parlab/pipe';
import { makeValues, merge, mergeSort, sortStage } from './tasks.js';

export interface Size {
  readonly count: number;
}

const RECV_TIMEOUT_MS = 60_000;

export const workload = defineWorkload<Size, Float64Array>({
  id: 'merge-sort',
  title: { en: 'Merge sort through pipes', es: 'Ordenación por mezcla con pipes' },
  description: {
    en: 'Sorts a large array of numbers: each pool worker receives one chunk through its end of a Pipe, merge-sorts it and sends it back; the parent merges the sorted runs. Data-heavy: the whole array crosses twice, so copying costs show.',
    es: 'Ordena un array grande de números: cada worker del pool recibe un trozo por su extremo de un Pipe, lo ordena por mezcla y lo devuelve; el padre mezcla los tramos ordenados. Con muchos datos: el array entero cruza dos veces, así que el coste de copiar se nota.',
  },
  primitives: ['pool', 'pipe'],
  sizes: {
    test: { count: 5_000 },
    quick: { count: 500_000 },
    full: { count: 4_000_000 },
  },
  serial: ({ count }) => mergeSort(makeValues(count)),
  async parallel({ count }, { strategy, workers, pool, signal }) {
    const values = makeValues(count);
    const pipes = await Promise.all(Array.from({ length: workers }, () => Pipe({ strategy })));
    // One stage per worker of the warm pool, each holding the far end of its own pipe.
    const failed = new AbortController();
    const waits = AbortSignal.any([signal, failed.signal]);
    const stages = Promise.all(pipes.map(([, workerEnd]) => pool.apply(sortStage, [workerEnd], { signal })));
    stages.catch((error: unknown) => failed.abort(error));
    try {
      const step = Math.ceil(count / workers);
      const runs = await Promise.all(
        pipes.map(async ([parentEnd], i) => {
          await parentEnd.send(values.slice(i * step, Math.min(count, (i + 1) * step)));
          return (await parentEnd.recv({ signal: waits, timeoutMs: RECV_TIMEOUT_MS })) as Float64Array;
        }),
      );
      await stages;
      let sorted = runs[0] ?? new Float64Array(0);
      for (const run of runs.slice(1)) sorted = merge(sorted, run);
      return sorted;
    } finally {
      for (const [parentEnd] of pipes) parentEnd.close();
    }
  },
  check(result, expected) {
    if (result.length !== expected.length) return `got ${result.length} values, expected ${expected.length}`;
    const at = result.findIndex((value, i) => value !== expected[i]);
    return at === -1 ? true : `position ${at} holds ${result[at]}, serial has ${expected[at]}`;
  },
});

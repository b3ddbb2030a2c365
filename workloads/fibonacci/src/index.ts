// Workload fibonacci: naive recursive Fibonacci of many numbers, one number per Pool task.
import { defineWorkload } from '@parlab/bench';
import { fib } from './tasks.js';

export interface Size {
  /** Which Fibonacci number each task computes. */
  readonly n: number;
  /** How many tasks. */
  readonly count: number;
}

const inputs = (size: Size): number[] => Array.from({ length: size.count }, (_, i) => size.n - (i % 3));

export const workload = defineWorkload<Size, number[]>({
  id: 'fibonacci',
  title: { en: 'Naive Fibonacci', es: 'Fibonacci ingenuo' },
  description: {
    en: 'Computes Fibonacci numbers with the naive double recursion, one number per task through pool.map: nothing but function calls, no data to move.',
    es: 'Calcula números de Fibonacci con la doble recursión ingenua, un número por tarea con pool.map: solo llamadas a funciones, ningún dato que mover.',
  },
  primitives: ['pool'],
  sizes: {
    test: { n: 18, count: 6 },
    quick: { n: 28, count: 24 },
    full: { n: 32, count: 48 },
  },
  serial: (size) => inputs(size).map(fib),
  async parallel(size, { pool, signal }) {
    return pool.map(fib, inputs(size), { chunksize: 1, signal });
  },
  check: (result, expected) =>
    result.length === expected.length && result.every((value, i) => value === expected[i])
      ? true
      : `got [${result.join(', ')}], serial gave [${expected.join(', ')}]`,
});

// Workload matmul: dense matrix multiply; copies under `process`, SharedArrayBuffer under `thread`.
import { defineWorkload } from '@parlab/bench';
import { RawArray, sharedMemoryBackend } from '@parlab/shared-memory';
import { multiplyCopied, multiplyInto, multiplyRaw, multiplyShared } from './tasks.js';

export interface Size {
  /** The matrices are n × n. */
  readonly n: number;
}

/** Fills `m` with a deterministic n×n matrix with entries in [-0.5, 0.5). */
function fill(m: Float64Array, n: number, salt: number): Float64Array {
  for (let i = 0; i < n * n; i++) m[i] = (((i + salt) * 7919) % 1000) / 1000 - 0.5;
  return m;
}

/** The matrix in `buffer` (shared or not). */
const matrix = (n: number, salt: number, buffer: ArrayBufferLike): Float64Array => fill(new Float64Array(buffer), n, salt);

/** Row blocks, one per worker (rows cost the same, so equal blocks balance). */
function blocks(n: number, workers: number): [number, number][] {
  const step = Math.ceil(n / workers);
  const out: [number, number][] = [];
  for (let lo = 0; lo < n; lo += step) out.push([lo, Math.min(n, lo + step)]);
  return out;
}

/**
 * The three matrices in process-shared memory, one set per size, made once and reused: a new segment
 * per run would pile up in /dev/shm until the bench ends (its segments are unlinked at exit).
 */
const sharedSets = new Map<number, { a: RawArray; b: RawArray; c: RawArray }>();
function sharedSet(n: number): { a: RawArray; b: RawArray; c: RawArray } {
  let set = sharedSets.get(n);
  if (set === undefined) {
    set = { a: new RawArray('d', n * n, { strategy: 'process' }), b: new RawArray('d', n * n, { strategy: 'process' }), c: new RawArray('d', n * n, { strategy: 'process' }) };
    sharedSets.set(n, set);
  }
  return set;
}

export const workload = defineWorkload<Size, Float64Array>({
  id: 'matmul',
  title: { en: 'Matrix multiply', es: 'Producto de matrices' },
  description: {
    en: 'Multiplies two dense n×n matrices, one block of rows per worker. Under `process` the rows of A and all of B are copied to every worker and the result rows copied back; under `thread` the three matrices live in SharedArrayBuffers and nothing is copied.',
    es: 'Multiplica dos matrices densas de n×n, un bloque de filas por worker. Con `process` las filas de A y toda B se copian a cada worker y las filas del resultado vuelven copiadas; con `thread` las tres matrices viven en SharedArrayBuffers y no se copia nada.',
  },
  primitives: ['pool', 'shared-memory'],
  sizes: {
    test: { n: 40 },
    quick: { n: 340 },
    full: { n: 700 },
  },
  serial({ n }) {
    const bytes = n * n * Float64Array.BYTES_PER_ELEMENT;
    const c = new Float64Array(n * n);
    multiplyInto(matrix(n, 1, new ArrayBuffer(bytes)), matrix(n, 2, new ArrayBuffer(bytes)), c, n, 0, n, 0);
    return c;
  },
  async parallel({ n }, { strategy, workers, pool, signal }) {
    const bytes = n * n * Float64Array.BYTES_PER_ELEMENT;
    if (strategy === 'thread') {
      const a = matrix(n, 1, new SharedArrayBuffer(bytes));
      const b = matrix(n, 2, new SharedArrayBuffer(bytes));
      const c = new Float64Array(new SharedArrayBuffer(bytes));
      await pool.starmap(multiplyShared, blocks(n, workers).map(([lo, hi]) => [a, b, c, n, lo, hi] as [Float64Array, Float64Array, Float64Array, number, number, number]), { chunksize: 1, signal });
      return c;
    }
    const a = matrix(n, 1, new ArrayBuffer(bytes));
    const b = matrix(n, 2, new ArrayBuffer(bytes));
    const tasks = blocks(n, workers).map(([lo, hi]) => [a.slice(lo * n, hi * n), b, n, lo, hi] as [Float64Array, Float64Array, number, number, number]);
    const parts = await pool.starmap(multiplyCopied, tasks, { chunksize: 1, signal });
    const c = new Float64Array(n * n);
    parts.forEach((part, i) => c.set(part, (tasks[i]?.[3] ?? 0) * n));
    return c;
  },
  variants: [
    {
      id: 'shared-memory',
      title: { en: 'Processes + shared memory', es: 'Procesos + memoria compartida' },
      description: {
        en: 'Processes again, but the three matrices live in shared memory (RawArray over POSIX shared memory): each process reads A and B and writes its rows of C in place, so nothing is copied — what is left of the gap to threads is the cost of being a process, not of copying.',
        es: 'Otra vez procesos, pero las tres matrices viven en memoria compartida (RawArray sobre memoria compartida POSIX): cada proceso lee A y B y escribe sus filas de C en su sitio, sin copiar nada; lo que queda de diferencia con los hilos es el coste de ser un proceso, no el de copiar.',
      },
      strategies: ['process'],
      unavailable: () => (sharedMemoryBackend() === 'native' ? null : 'needs the native shared memory addon (scripts/setup builds it); the coordinator fallback maps no memory'),
      async parallel({ n }, { workers, pool, signal }) {
        const { a, b, c } = sharedSet(n);
        // Filled every run, as the other versions build their matrices every run.
        fill(a.view as Float64Array, n, 1);
        fill(b.view as Float64Array, n, 2);
        await pool.starmap(multiplyRaw, blocks(n, workers).map(([lo, hi]) => [a, b, c, n, lo, hi] as [RawArray, RawArray, RawArray, number, number, number]), { chunksize: 1, signal });
        return Float64Array.from(c.view as Float64Array);
      },
    },
  ],
  check(result, expected) {
    if (result.length !== expected.length) return `result has ${result.length} entries, expected ${expected.length}`;
    const at = result.findIndex((value, i) => value !== expected[i]);
    return at === -1 ? true : `entry ${at} is ${result[at]}, serial has ${expected[at]}`;
  },
});

// Workload heat-diffusion: a heated rod in time steps; a Barrier over shared memory (thread), Pipe halos (process).
import { Barrier } from '@parlab/barrier';
import { defineWorkload, ProcessGroup } from '@parlab/bench';
import { Pipe, type Connection } from '@parlab/pipe';
import { RawArray, sharedMemoryBackend } from '@parlab/shared-memory';
import { haloStage, initialRod, sharedMemoryStage, sharedStage, stepCells } from './tasks.js';

export interface Size {
  readonly cells: number;
  readonly steps: number;
}

const RECV_TIMEOUT_MS = 60_000;

function segments(cells: number, workers: number): [number, number][] {
  const step = Math.ceil(cells / workers);
  return Array.from({ length: workers }, (_, i) => [Math.min(cells, i * step), Math.min(cells, (i + 1) * step)]);
}

/** The rod's two buffers in process-shared memory, one pair per size, reused: see matmul's note on /dev/shm. */
const rods = new Map<number, [RawArray, RawArray]>();
function sharedRods(cells: number): [RawArray, RawArray] {
  let pair = rods.get(cells);
  if (pair === undefined) {
    pair = [new RawArray('d', cells, { strategy: 'process' }), new RawArray('d', cells, { strategy: 'process' })];
    rods.set(cells, pair);
  }
  return pair;
}

export const workload = defineWorkload<Size, Float64Array>({
  id: 'heat-diffusion',
  title: { en: 'Heat diffusion in steps', es: 'Difusión del calor por pasos' },
  description: {
    en: 'Simulates heat spreading along a rod, step by step; each worker owns a segment. Under `thread` the rod is in SharedArrayBuffers and a Barrier holds every worker at the end of each step; under `process` each worker trades its edge cells with its neighbours through Pipes every step.',
    es: 'Simula cómo se extiende el calor por una barra, paso a paso; cada worker tiene un tramo. Con `thread` la barra está en SharedArrayBuffers y una Barrier detiene a todos los workers al final de cada paso; con `process` cada worker intercambia sus celdas del borde con sus vecinos por Pipes en cada paso.',
  },
  primitives: ['process', 'barrier', 'shared-memory', 'pipe'],
  sizes: {
    test: { cells: 400, steps: 20 },
    quick: { cells: 400_000, steps: 50 },
    full: { cells: 1_000_000, steps: 200 },
  },
  serial({ cells, steps }) {
    let cur: Float64Array = initialRod(cells);
    let next: Float64Array = new Float64Array(cells);
    for (let s = 0; s < steps; s++) {
      stepCells(cur, next, 0, cells, 0, cells);
      [cur, next] = [next, cur];
    }
    return cur;
  },
  async parallel({ cells, steps }, { strategy, workers, signal }) {
    const parts = segments(cells, workers);
    if (strategy === 'thread') {
      const bytes = cells * Float64Array.BYTES_PER_ELEMENT;
      const a = new Float64Array(new SharedArrayBuffer(bytes));
      const b = new Float64Array(new SharedArrayBuffer(bytes));
      a.set(initialRod(cells));
      const barrier = new Barrier(workers, { strategy: 'thread' });
      const group = new ProcessGroup(sharedStage, workers, (i) => [a, b, ...(parts[i] as [number, number]), steps, barrier], { strategy, signal });
      await group.join();
      return Float64Array.from(steps % 2 === 0 ? a : b);
    }
    const rod = initialRod(cells);
    const toParent = await Promise.all(parts.map(() => Pipe({ strategy })));
    const between = await Promise.all(parts.slice(1).map(() => Pipe({ strategy })));
    const group = new ProcessGroup(
      haloStage,
      workers,
      (i) => [(toParent[i] as [Connection, Connection])[1], between[i - 1]?.[1] ?? null, between[i]?.[0] ?? null, (parts[i] as [number, number])[0], cells, steps],
      { strategy, signal },
    );
    try {
      const result = new Float64Array(cells);
      await Promise.all(
        toParent.map(async ([end], i) => {
          const [lo, hi] = parts[i] as [number, number];
          await end.send(rod.slice(lo, hi));
          result.set((await end.recv({ signal: group.signal, timeoutMs: RECV_TIMEOUT_MS })) as Float64Array, lo);
        }),
      );
      await group.join();
      return result;
    } catch (error) {
      await group.terminate(error);
      throw error;
    } finally {
      for (const [end] of toParent) end.close();
    }
  },
  variants: [
    {
      id: 'shared-memory',
      title: { en: 'Processes + shared memory', es: 'Procesos + memoria compartida' },
      description: {
        en: 'Processes again, but the rod lives in shared memory (RawArray over POSIX shared memory) and a Barrier on shared words holds every worker at the end of each step, as under threads: no edge cells travel through Pipes.',
        es: 'Otra vez procesos, pero la barra vive en memoria compartida (RawArray sobre memoria compartida POSIX) y una Barrier sobre palabras compartidas detiene a todos los trabajadores al final de cada paso, como con hilos: ninguna celda del borde viaja por Pipes.',
      },
      strategies: ['process'],
      unavailable: () => (sharedMemoryBackend() === 'native' ? null : 'needs the native shared memory addon (scripts/setup builds it); the coordinator fallback maps no memory'),
      async parallel({ cells, steps }, { strategy, workers, signal }) {
        const [a, b] = sharedRods(cells);
        (a.view as Float64Array).set(initialRod(cells));
        (b.view as Float64Array).fill(0);
        const parts = segments(cells, workers);
        const barrier = new Barrier(workers, { strategy: 'process' });
        const group = new ProcessGroup(sharedMemoryStage, workers, (i) => [a, b, ...(parts[i] as [number, number]), steps, barrier], { strategy, signal });
        await group.join();
        return Float64Array.from((steps % 2 === 0 ? a : b).view as Float64Array);
      },
    },
  ],
  check(result, expected) {
    if (result.length !== expected.length) return `got ${result.length} cells, expected ${expected.length}`;
    const at = result.findIndex((value, i) => value !== expected[i]);
    return at === -1 ? true : `cell ${at} is ${result[at]}, serial has ${expected[at]}`;
  },
});

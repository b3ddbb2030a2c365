// Workload sha256: chained SHA-256 of generated blocks, through a Queue pipeline whose stages run on the pool's workers.
import { defineWorkload } from '@parlab/bench';
import { Queue } from '@parlab/queue';
import { hashBlock, hashStage, makeBlock } from './tasks.js';

export interface Size {
  readonly blocks: number;
  readonly blockBytes: number;
  /** Chained digests per block. */
  readonly rounds: number;
}

const RESULT_TIMEOUT_MS = 60_000;

export const workload = defineWorkload<Size, string[]>({
  id: 'sha256',
  title: { en: 'SHA-256 pipeline', es: 'Tubería de SHA-256' },
  description: {
    en: 'Hashes generated data blocks (chained SHA-256) in a producer/consumer pipeline: the parent puts blocks on a Queue; one long-running stage on each pool worker takes blocks, hashes them and puts the digests on a results Queue. Every block crosses a process or thread boundary twice.',
    es: 'Calcula el hash de bloques de datos generados (SHA-256 encadenado) en una tubería productor/consumidor: el padre pone los bloques en una Queue; en cada worker del pool, una etapa de larga duración toma bloques, calcula su hash y pone los resúmenes en otra Queue. Cada bloque cruza dos veces la frontera entre procesos o hilos.',
  },
  primitives: ['pool', 'queue'],
  sizes: {
    test: { blocks: 12, blockBytes: 4_096, rounds: 4 },
    quick: { blocks: 64, blockBytes: 32_768, rounds: 64 },
    full: { blocks: 512, blockBytes: 65_536, rounds: 32 },
  },
  serial: ({ blocks, blockBytes, rounds }) => Array.from({ length: blocks }, (_, i) => hashBlock(makeBlock(i, blockBytes), rounds)),
  async parallel({ blocks, blockBytes, rounds }, { workers, pool, signal }) {
    const tasks = new Queue();
    const results = new Queue();
    // One long-running stage per worker of the warm pool; a failed stage aborts the parent's waits.
    const failed = new AbortController();
    const waits = AbortSignal.any([signal, failed.signal]);
    const stages = Promise.all(Array.from({ length: workers }, () => pool.apply(hashStage, [tasks, results, rounds], { signal })));
    stages.catch((error: unknown) => failed.abort(error));
    try {
      for (let i = 0; i < blocks; i++) await tasks.put([i, makeBlock(i, blockBytes)], { signal: waits });
      for (let w = 0; w < workers; w++) await tasks.put(null, { signal: waits });
      const digests: string[] = new Array<string>(blocks);
      for (let n = 0; n < blocks; n++) {
        const [index, digest] = (await results.get({ signal: waits, timeoutMs: RESULT_TIMEOUT_MS })) as [number, string];
        digests[index] = digest;
      }
      await stages;
      return digests;
    } finally {
      tasks.close();
      results.close();
    }
  },
  check(result, expected) {
    if (result.length !== expected.length) return `got ${result.length} digests, expected ${expected.length}`;
    const at = result.findIndex((digest, i) => digest !== expected[i]);
    return at === -1 ? true : `block ${at} hashed to ${String(result[at])}, serial gave ${expected[at]}`;
  },
});

// Workload word-count: pool workers count words of generated documents and reduce into a Manager dict.
import { defineWorkload } from '@parlab/bench';
import { Manager } from '@parlab/manager';
import { countStage, countWords, makeDocument } from './tasks.js';

export interface Size {
  readonly documents: number;
  /** Words per document. */
  readonly words: number;
}

/** [word, count] pairs sorted by word. */
type Counts = [string, number][];

const sorted = (counts: Map<string, number>): Counts => [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

export const workload = defineWorkload<Size, Counts>({
  id: 'word-count',
  title: { en: 'Word count through a manager', es: 'Contar palabras con un manager' },
  description: {
    en: 'Counts the words of generated documents: each pool worker counts its share locally, then merges its counts into a dict held by a Manager, under the manager\'s Lock (read, add, write back). The manager itself is started in every run, as `with Manager()` would.',
    es: 'Cuenta las palabras de documentos generados: cada worker del pool cuenta su parte en local y luego mezcla sus cuentas en un dict que guarda un Manager, bajo el Lock del manager (leer, sumar, volver a escribir). El manager se arranca en cada ejecución, como haría `with Manager()`.',
  },
  primitives: ['pool', 'manager', 'lock'],
  sizes: {
    test: { documents: 12, words: 200 },
    quick: { documents: 96, words: 1_800 },
    full: { documents: 200, words: 6_000 },
  },
  serial({ documents, words }) {
    const counts = new Map<string, number>();
    for (let d = 0; d < documents; d++) countWords(makeDocument(d, words), counts);
    return sorted(counts);
  },
  async parallel({ documents, words }, { strategy, workers, pool, signal }) {
    const manager = await new Manager({ strategy }).start();
    try {
      const counts = await manager.dict<string, number>();
      const lock = await manager.lock();
      const step = Math.ceil(documents / workers);
      const shares = Array.from({ length: workers }, (_, i) => [counts, lock, Math.min(documents, i * step), Math.min(documents, (i + 1) * step), words] as const);
      await Promise.all(shares.map((args) => pool.apply(countStage, [...args], { signal })));
      return sorted(await counts.copy());
    } finally {
      await manager.shutdown();
    }
  },
  check(result, expected) {
    if (result.length !== expected.length) return `got ${result.length} distinct words, expected ${expected.length}`;
    const at = result.findIndex(([word, n], i) => word !== expected[i]?.[0] || n !== expected[i]?.[1]);
    return at === -1 ? true : `entry ${at} is ${JSON.stringify(result[at])}, serial has ${JSON.stringify(expected[at])}`;
  },
});

// The files `pnpm new:workload <id>` writes: a working workload (the longest Collatz chain over a Pool) to start from.
import type { Localized } from '../workload.js';

/** The `limit` of each profile's size; `test` stays small, `quick` and `full` are calibrated. */
export interface Limits {
  readonly test: number;
  readonly quick: number;
  readonly full: number;
}

/** Provisional limits, used until calibration (or with `--no-install`). */
export const PROVISIONAL: Limits = { test: 20_000, quick: 200_000, full: 1_500_000 };

/** `n-queens` → `N queens`. */
export function titleFromId(id: string): string {
  const words = id.split('-');
  return [words[0]?.replace(/^./, (c) => c.toUpperCase()) ?? id, ...words.slice(1)].join(' ');
}

export interface TemplateOptions {
  readonly id: string;
  readonly title: Localized;
  readonly limits: Limits;
  /** Where the sizes came from, for the README (e.g. "calibrated on 2 × AMD EPYC … on 2026-12-02"). */
  readonly sizesNote: string;
}

const SIZES_BEGIN = '  // sizes: begin (pnpm new:workload rewrites this block when it calibrates)';
const SIZES_END = '  // sizes: end';

/** The `sizes` block of src/index.ts for these limits. */
export function sizesBlock(limits: Limits): string {
  const n = (x: number): string => x.toLocaleString('en-US').replace(/,/g, '_');
  return [
    SIZES_BEGIN,
    '  sizes: {',
    `    test: { limit: ${n(limits.test)}, chunks: 8 },`,
    `    quick: { limit: ${n(limits.quick)}, chunks: 32 },`,
    `    full: { limit: ${n(limits.full)}, chunks: 64 },`,
    '  },',
    SIZES_END,
  ].join('\n');
}

/** src/index.ts with its sizes block replaced. */
export function withSizes(source: string, limits: Limits): string {
  const begin = source.indexOf(SIZES_BEGIN);
  const end = source.indexOf(SIZES_END);
  if (begin < 0 || end < begin) throw new Error('src/index.ts has no sizes block to rewrite');
  return `${source.slice(0, begin)}${sizesBlock(limits)}${source.slice(end + SIZES_END.length)}`;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Every file of the new workload, by path inside its folder. */
export function workloadFiles(options: TemplateOptions): Record<string, string> {
  const { id, title } = options;
  return {
    'package.json': json({
      name: `@parlab/workload-${id}`,
      version: '0.1.0',
      description: `${title.en}: a workload of pnpm bench.`,
      private: true,
      type: 'module',
      exports: { '.': { types: './dist/src/index.d.ts', default: './dist/src/index.js' } },
      scripts: { build: 'tsc -b', typecheck: 'tsc -p tsconfig.test.json', test: 'vitest run' },
      dependencies: { '@parlab/bench': 'workspace:*', '@parlab/core': 'workspace:*', '@parlab/pool': 'workspace:*' },
      devDependencies: {},
    }),
    'tsconfig.json': json({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: '.', outDir: 'dist' }, include: ['src', 'test/fixtures'] }),
    'tsconfig.test.json': json({ extends: './tsconfig.json', compilerOptions: { noEmit: true, composite: false }, include: ['test'] }),
    'vitest.config.ts': "// This package's tests run with the settings every package shares.\nexport { default } from '../../vitest.shared.ts';\n",
    'README.md': `# ${title.en} (\`${id}\`)

${title.es} — a workload of \`pnpm bench\`, scaffolded by \`pnpm new:workload ${id}\`.

It starts as an example computation — the start below a limit with the longest Collatz chain, the
range cut into pieces that \`pool.starmap\` hands to the workers — that builds, passes the contract
tests and shows up in the bench at once. Replace it with yours: the functions workers run go in
\`src/tasks.ts\` (exported and registered with \`defineTargets\`), the workload in \`src/index.ts\`.

| | |
| --- | --- |
| serial reference | \`serial(size)\`: plain code on the main thread |
| parallel version | \`parallel(size, { pool, signal })\`: \`pool.starmap\` over the pieces |
| sizes | \`test\` for the contract tests; \`quick\` and \`full\` ${options.sizesNote} |

\`\`\`sh
pnpm --filter @parlab/workload-${id} test     # parallel equals serial, both strategies, 1-3 workers
pnpm bench --suite workloads --workloads ${id}
\`\`\`

The workload contract is in [\`packages/bench/README.md\`](../../packages/bench/README.md#adding-a-workload).
`,
    'src/tasks.ts': `// What the workers of ${id} run; the serial reference runs the same functions on the main thread.
import { defineTargets } from '@parlab/core';

/** Length of the Collatz chain from n down to 1. */
function chainLength(n: number): number {
  let steps = 1;
  for (let x = n; x !== 1; steps++) x = x % 2 === 0 ? x / 2 : 3 * x + 1;
  return steps;
}

/** The start in [lo, hi) with the longest chain, as [start, length]; the smallest start wins ties. */
export function longestChain(lo: number, hi: number): [number, number] {
  let best: [number, number] = [lo, chainLength(lo)];
  for (let n = lo + 1; n < hi; n++) {
    const length = chainLength(n);
    if (length > best[1]) best = [n, length];
  }
  return best;
}

defineTargets(import.meta.url, { longestChain });
`,
    'src/index.ts': `// Workload ${id}: ${title.en} (scaffolded by pnpm new:workload; starts as the longest Collatz chain over a Pool).
import { defineWorkload } from '@parlab/bench';
import { longestChain } from './tasks.js';

export interface Size {
  /** Starts below this limit are searched. */
  readonly limit: number;
  /** Pieces the range is cut into; more pieces balance uneven costs better. */
  readonly chunks: number;
}

type Result = [number, number];

function ranges(size: Size): [number, number][] {
  const step = Math.ceil((size.limit - 1) / size.chunks);
  const out: [number, number][] = [];
  for (let lo = 1; lo < size.limit; lo += step) out.push([lo, Math.min(size.limit, lo + step)]);
  return out;
}

function best(results: readonly Result[]): Result {
  return results.reduce((a, b) => (b[1] > a[1] ? b : a));
}

export const workload = defineWorkload<Size, Result>({
  id: ${quote(id)},
  title: { en: ${quote(title.en)}, es: ${quote(title.es)} },
  description: {
    en: 'Finds the start below a limit with the longest Collatz chain; the range is cut into pieces that pool.starmap hands to the workers.',
    es: 'Busca el número por debajo de un límite con la cadena de Collatz más larga; el rango se corta en trozos que pool.starmap reparte entre los trabajadores.',
  },
  primitives: ['pool'],
${sizesBlock(options.limits)}
  serial: (size) => best(ranges(size).map(([lo, hi]) => longestChain(lo, hi))),
  async parallel(size, { pool, signal }) {
    return best(await pool.starmap(longestChain, ranges(size), { chunksize: 1, signal }));
  },
  check: (result, expected) =>
    result[0] === expected[0] && result[1] === expected[1] ? true : \`got \${result.join('/')}, expected \${expected.join('/')}\`,
});
`,
    'test/contract.test.ts': `// The shared workload contract: parallel equals serial under both strategies at 1, 2 and 3 workers.
import { describeWorkloadContract } from '@parlab/bench/testing';
import { workload } from '../dist/src/index.js';

describeWorkloadContract(workload);
`,
  };
}

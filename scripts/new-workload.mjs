#!/usr/bin/env node
// `pnpm new:workload <id>`: scaffolds workloads/<id>, a working workload that builds, passes its contract tests and shows up in the bench.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const USAGE = 'Usage: pnpm new:workload <id> [--no-install]   (id: kebab-case, e.g. n-queens)';

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('-'));
const positional = args.filter((a) => !a.startsWith('-'));
const unknown = flags.filter((f) => f !== '--no-install' && f !== '--help' && f !== '-h');
if (flags.includes('--help') || flags.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (unknown.length > 0 || positional.length !== 1) {
  console.error(unknown.length > 0 ? `new:workload: unknown flag ${unknown.join(', ')}; valid flags: --no-install, --help` : 'new:workload: give exactly one workload id');
  console.error(USAGE);
  process.exit(2);
}
const id = positional[0];
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) {
  console.error(`new:workload: '${id}' is not a kebab-case id (lower-case letters and digits, words joined by '-')`);
  process.exit(2);
}
const dir = join(root, 'workloads', id);
if (existsSync(dir)) {
  console.error(`new:workload: ${dir} already exists`);
  process.exit(2);
}

const files = {
  'package.json': `${JSON.stringify(
    {
      name: `@parlab/workload-${id}`,
      version: '0.1.0',
      description: `Workload ${id} for pnpm bench.`,
      private: true,
      type: 'module',
      exports: { '.': { types: './dist/src/index.d.ts', default: './dist/src/index.js' } },
      scripts: {
        build: 'tsc -p tsconfig.json',
        typecheck: 'tsc -p tsconfig.json --noEmit && tsc -p tsconfig.test.json',
        test: 'vitest run',
      },
      dependencies: { '@parlab/bench': 'workspace:*', '@parlab/core': 'workspace:*', '@parlab/pool': 'workspace:*' },
      devDependencies: {},
    },
    null,
    2,
  )}\n`,
  'tsconfig.json': `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: '.', outDir: 'dist' }, include: ['src', 'test/fixtures'] }, null, 2)}\n`,
  'tsconfig.test.json': `${JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true }, include: ['test'] }, null, 2)}\n`,
  'vitest.config.ts': `// This package's tests run with the settings every package shares.
export { default } from '../../vitest.shared.ts';
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
  'src/index.ts': `// Workload ${id}: TODO say in one line what it computes (scaffolded by pnpm new:workload).
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
  id: '${id}',
  title: { en: 'TODO: title', es: 'TODO: título' },
  description: {
    en: 'TODO: what it computes and which primitive it uses (now: the longest Collatz chain, pool.starmap).',
    es: 'TODO: qué calcula y qué primitiva usa (ahora: la cadena de Collatz más larga, pool.starmap).',
  },
  primitives: ['pool'],
  sizes: {
    test: { limit: 20_000, chunks: 8 },
    quick: { limit: 80_000, chunks: 32 },
    full: { limit: 500_000, chunks: 64 },
  },
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

for (const [name, text] of Object.entries(files)) {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
console.log(`new:workload: created workloads/${id} (@parlab/workload-${id})`);

if (!flags.includes('--no-install')) {
  const run = (cmd, cmdArgs) => {
    console.log(`$ ${cmd} ${cmdArgs.join(' ')}`);
    execFileSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  };
  // Links the new folder as a workspace package, then builds it so the bench finds it at once.
  run('pnpm', ['install', '--offline']);
  run('pnpm', ['--filter', `@parlab/workload-${id}...`, 'run', 'build']);
}
console.log(`Next: edit workloads/${id}/src, then pnpm --filter @parlab/workload-${id} test and pnpm bench --workloads ${id}`);

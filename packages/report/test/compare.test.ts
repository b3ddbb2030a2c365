// Comparing two runs writes both chart sets side by side and a table of B/A ratios.

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparedReports } from '../src/index.js';
import { compareReports } from '../src/index.js';
import { RUN_A, RUN_B, makeResults } from './fixtures/make-results.js';

let root: string;
let compared: ComparedReports;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'parlab-compare-'));
  for (const variant of [RUN_A, RUN_B]) {
    await mkdir(join(root, variant.runId), { recursive: true });
    await writeFile(join(root, variant.runId, 'results.json'), JSON.stringify(makeResults(variant)));
  }
  compared = await compareReports({ a: join(root, RUN_A.runId), b: join(root, RUN_B.runId, 'results.json') });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('compare mode', () => {
  it('writes into compare-<idA>-vs-<idB> beside the runs by default', () => {
    expect(compared.outDir).toBe(join(root, `compare-${RUN_A.runId}-vs-${RUN_B.runId}`));
    expect(existsSync(compared.htmlPath)).toBe(true);
    expect(existsSync(compared.markdownPath)).toBe(true);
  });

  it('renders both PNG sets', async () => {
    expect(compared.pngPathsA.length).toBeGreaterThan(10);
    expect(compared.pngPathsA.map((p) => basename(p))).toEqual(compared.pngPathsB.map((p) => basename(p)));
    expect((await readdir(join(compared.outDir, 'charts-a'))).length).toBe(compared.pngPathsA.length);
    expect((await readdir(join(compared.outDir, 'charts-b'))).length).toBe(compared.pngPathsB.length);
  });

  it('computes B/A ratios of matching ok points, judged by the metric direction', () => {
    const processPrimes = compared.ratios.find(
      (r) => r.identity.suite === 'workloads' && r.identity.subject === 'primes' && r.identity.strategy === 'process' && r.identity.workers === 4,
    );
    // Run B made every process wall time 0.8×, with fresh sampling noise on top.
    expect(processPrimes?.ratio).toBeGreaterThan(0.7);
    expect(processPrimes?.ratio).toBeLessThan(0.9);
    expect(processPrimes?.verdict).toBe('better');
    // The failed point (nbody, thread, 4 workers) has no median, so it has no ratio.
    expect(compared.ratios.some((r) => r.identity.subject === 'nbody' && r.identity.strategy === 'thread' && r.identity.workers === 4)).toBe(false);
  });

  it('shows both runs in two columns and the ratios table in the page and the README', async () => {
    const html = await readFile(compared.htmlPath, 'utf8');
    expect(html).toContain('class="pair"');
    expect(html).toContain('id="a-speedup-primes"');
    expect(html).toContain('id="b-speedup-primes"');
    expect(html).toContain('<table id="ratios">');
    expect(html).toContain(RUN_A.runId);
    expect(html).toContain(RUN_B.runId);
    const md = await readFile(compared.markdownPath, 'utf8');
    expect(md).toContain('](charts-a/speedup-primes.png)');
    expect(md).toContain('](charts-b/speedup-primes.png)');
    expect(md).toContain('| B / A |');
  });
});

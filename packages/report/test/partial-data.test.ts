// Old and incomplete data: a schema 1 file renders everything it can, holes in charts are gaps, not crashes.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotOkPoint } from '../src/index.js';
import { buildCharts, renderReport } from '../src/index.js';
import { renderPngs } from '../src/render-png.js';
import { suiteTables } from '../src/tables.js';
import { RUN_A, makeResults } from './fixtures/make-results.js';
import { FIXTURE_V1 } from './support/paths.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'parlab-partial-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('partial data', () => {
  it('renders primitives and peers subjects that lack one strategy', async () => {
    const results = makeResults(RUN_A);
    // The second subject of a shared chart, so its missing thread bar is a hole after a real bar
    // (chart.js picks how to parse a dataset from its first entry).
    const shared = results.points.find(
      (p) => p.suite === 'primitives' && results.points.some((q) => q.suite === 'primitives' && q.metric === p.metric && q.subject !== p.subject),
    );
    const primitive = results.points.find(
      (p) => p.suite === 'primitives' && p.strategy === 'thread' && p.metric === shared?.metric && p.subject !== shared.subject,
    );
    const peers = results.points.filter((p) => p.suite === 'peers' && p.implementation === 'parlab' && p.strategy === 'thread');
    const peer = peers[peers.length - 1];
    expect(primitive).toBeDefined();
    expect(peer).toBeDefined();
    results.points = results.points.filter(
      (p) => !(p.suite === primitive?.suite && p.subject === primitive.subject && p.strategy === 'thread') && p !== peer,
    );
    // Only the charts with holes need drawing.
    const charts = buildCharts(results, 'en').filter((c) => c.section === 'costs' || c.section === 'peers');
    const names = await renderPngs(charts, join(root, 'partial'));
    expect(names.length).toBeGreaterThan(5);
  });

  it('prints a dash, never a zero, for the figures of a point that was not measured', () => {
    const results = makeResults(RUN_A);
    // A runner may leave zeros in a skipped point's statistics; they are not measurements.
    const skipped = results.points.find((p): p is NotOkPoint => p.status === 'skipped') as NotOkPoint;
    Object.assign(skipped, { n: 0, median: 0, ciLow: 0, ciHigh: 0, rme: 0 });
    const peers = suiteTables(results, 'en').find((t) => t.suite === 'peers');
    const row = peers?.rows[results.points.filter((p) => p.suite === 'peers').indexOf(skipped)];
    expect(row?.slice(5, 11)).toEqual(['—', '—', '—', '—', '—', '—']);
  });

  it('renders a schema 1 file: speedups derived from its paired wall times, verdicts, no host section', async () => {
    const rendered = await renderReport({ resultsPath: FIXTURE_V1, outDir: join(root, 'v1'), lang: 'es' });
    const ids = rendered.charts.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['speedup-primes', 'wall-time-primes', 'best-speedup', 'process-vs-thread', 'python-primes']));
    expect(ids).not.toContain('host-speed');
    const md = await readFile(rendered.markdownPath, 'utf8');
    expect(md).toContain('esquema 1');
    expect(md).not.toContain('El equipo durante la medición');
    expect(md).toMatch(/\| Veredicto \|/);
  });
});

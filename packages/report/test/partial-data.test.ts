// Charts with holes: a subject measured under one strategy only still renders (a gap, not a crash).

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../src/index.js';
import { RUN_A, makeResults } from './fixtures/make-results.js';

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
    const path = join(root, 'results.json');
    await writeFile(path, JSON.stringify(results));
    const rendered = await renderReport({ resultsPath: path });
    expect(rendered.pngPaths.length).toBeGreaterThan(5);
  });
});

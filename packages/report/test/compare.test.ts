// Comparing two runs: both chart sets side by side, each change B / A with its interval ("~" within noise), warnings when the runs differ, and the reproducibility summary.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparedReports, OkPoint, ResultsFile } from '../src/index.js';
import { compareReports, reproducibility, reproducibilityLine, runDifferences } from '../src/index.js';
import { compareDocument } from '../src/compare-document.js';
import { renderMarkdown } from '../src/render-markdown.js';
import { matchRatios } from '../src/ratios.js';
import { RUN_A, RUN_B, makeResults } from './fixtures/make-results.js';
import { BUILT_CLI } from './support/paths.js';

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

/** Run A with every wall time `factor` times longer, as a slower host would make it, the reference loop included. */
function onSlowerHost(factor: number): ResultsFile {
  const a = makeResults(RUN_A);
  const scale = (p: OkPoint): OkPoint => ({ ...p, median: p.median * factor, ciLow: p.ciLow * factor, ciHigh: p.ciHigh * factor, samples: p.samples.map((x) => x * factor) });
  return {
    ...a,
    runId: 'slower-host',
    host: a.host === undefined ? undefined : { ...a.host, referenceMs: a.host.referenceMs * factor },
    points: a.points.map((p) => (p.status === 'ok' && p.metric === 'wall_ms' ? scale(p) : p)),
  };
}

describe('compare mode', () => {
  it('writes into compare-<idA>-vs-<idB> beside the runs by default, both PNG sets included', async () => {
    expect(compared.outDir).toBe(join(root, `compare-${RUN_A.runId}-vs-${RUN_B.runId}`));
    expect(existsSync(compared.htmlPath)).toBe(true);
    expect(existsSync(compared.markdownPath)).toBe(true);
    expect(compared.pngPathsA.length).toBeGreaterThan(10);
    expect(compared.pngPathsA.map((p) => basename(p))).toEqual(compared.pngPathsB.map((p) => basename(p)));
    expect((await readdir(join(compared.outDir, 'charts-a'))).length).toBe(compared.pngPathsA.length);
  });

  it('gives each change B / A an interval, and calls it only when the interval leaves out 1', () => {
    const find = (strategy: string, workers: number, metric: string) =>
      compared.ratios.find((r) => r.identity.suite === 'workloads' && r.identity.subject === 'primes' && r.identity.strategy === strategy && r.identity.workers === workers && r.identity.metric === metric);
    // Run B made every process wall time 0.8×, with fresh sampling noise on top.
    const faster = find('process', 4, 'wall_ms');
    expect(faster?.ratio).toBeGreaterThan(0.75);
    expect(faster?.ratio).toBeLessThan(0.85);
    expect(faster).toMatchObject({ method: 'bootstrap', significant: true, verdict: 'better' });
    expect(faster?.high).toBeLessThan(1);
    // Threads did not change: what the noise moved is mostly within it, and "~" always means the interval holds 1.
    const threads = compared.ratios.filter((r) => r.identity.suite === 'workloads' && r.identity.strategy === 'thread' && r.identity.metric === 'wall_ms');
    const same = threads.filter((r) => r.verdict === 'same');
    expect(same.length).toBeGreaterThan(threads.length / 2);
    for (const r of same) expect(r.low <= 1 && r.high >= 1 && !r.significant).toBe(true);
    // A speedup is a ratio already: its change comes from the two runs' intervals.
    expect(find('process', 2, 'speedup')).toMatchObject({ method: 'intervals', significant: true, verdict: 'better' });
    // The failed point (nbody, thread, 4 workers) has no median, so it has no ratio.
    expect(compared.ratios.some((r) => r.identity.subject === 'nbody' && r.identity.strategy === 'thread' && r.identity.workers === 4)).toBe(false);
  });

  it('shows both runs in two columns, the reproducibility summary and the changes with "~" in the page and the README', async () => {
    const html = await readFile(compared.htmlPath, 'utf8');
    expect(html).toContain('class="pair"');
    expect(html).toContain('id="a-speedup-primes"');
    expect(html).toContain('id="b-speedup-primes"');
    expect(html).toContain('<table id="ratios">');
    const md = await readFile(compared.markdownPath, 'utf8');
    expect(md).toContain('](charts-a/speedup-primes.png)');
    expect(md).toContain('](charts-b/speedup-primes.png)');
    for (const text of [html, md]) {
      expect(text).toContain(RUN_A.runId);
      expect(text).toContain(RUN_B.runId);
      expect(text).toContain('## Reproducibility'.slice(text === md ? 0 : 3));
      expect(text).toMatch(/Ratio points \(speedups.*\): \d+ of \d+ \(\d+%\) have intervals that overlap/);
      expect(text).toContain('| ~ |'.slice(text === md ? 0 : 2, text === md ? 5 : 3));
    }
    expect(md.split('\n').filter((line) => line.endsWith('| ~ |')).length).toBeGreaterThan(10);
    // Same profile, options and machine: nothing to warn about.
    expect(compared.differences).toEqual([]);
    expect(md).not.toContain('not like for like');
  });
});

describe('runs that are not like for like', () => {
  const quick = makeResults(RUN_A);
  const full: ResultsFile = {
    ...makeResults(RUN_B),
    options: { ...makeResults(RUN_B).options, profile: 'full', workers: [1, 2] },
    machine: { ...quick.machine, cores: 4, availableCores: 4, node: 'v22.1.0' },
  };

  it('lists every difference: profile, options, machine, Node version', () => {
    expect(runDifferences(quick, full).map((d) => d.code)).toEqual(['profile', 'options', 'machine', 'node']);
    expect(runDifferences(quick, full)[1]).toEqual({ code: 'options', keys: ['workers'] });
  });

  it('warns in the page header with both profiles side by side', () => {
    const run = (results: ResultsFile) => ({ results, charts: [], pngHrefs: new Map<string, string>(), resultsHref: 'results.json' });
    // The summary of the same two runs' points, computed once by the comparison above.
    const md = renderMarkdown(compareDocument(run(quick), run(full), matchRatios(quick, full), compared.reproducibility, 'en'));
    expect(md).toContain('**These runs are not like for like.**');
    expect(md).toContain('they used different profiles (`quick` against `full`), so the jobs had different sizes: absolute figures cannot be compared');
    expect(md).toContain('they ran on different machines (`AMD EPYC 7763 64-Core Processor`, 2 cores against `AMD EPYC 7763 64-Core Processor`, 4 cores)');
    expect(md).toContain('| Profile | quick (`--profile quick`) | full (`--profile full`) |');
    expect(md).toContain('| Worker counts | 1, 2, 4 | 1, 2 |');
  });

  it('prints the warnings on stderr and the reproducibility line on stdout from the command line', async () => {
    // A small pair keeps the child's rendering short.
    const small = (r: ResultsFile): ResultsFile => ({ ...r, points: r.points.filter((p) => p.suite === 'workloads' && p.subject === 'primes') });
    const dir = await mkdtemp(join(root, 'cli-'));
    await writeFile(join(dir, 'a.json'), JSON.stringify(small(quick)));
    await writeFile(join(dir, 'b.json'), JSON.stringify(small(full)));
    const run = spawnSync(process.execPath, [BUILT_CLI, '--compare', 'a.json', 'b.json', '--out', 'out'], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, INIT_CWD: dir } });
    expect(run.status, run.stderr).toBe(0);
    const { stdout, stderr } = run;
    expect(stderr).toContain('report: warning: they used different profiles (quick against full)');
    expect(stderr).toContain('report: warning: their options differ: workers');
    expect(stdout).toMatch(/^report: reproducibility: \d+% of \d+ ratio points overlap \(speedup \d+\/\d+\); wall times over host speed \d+% of \d+; verdicts agree on \d+ of \d+ workloads/m);
  });
});

describe('reproducibility', () => {
  it('finds a run reproduces itself exactly', () => {
    const a = makeResults(RUN_A);
    const s = reproducibility(a, a);
    expect(s.ratioPoints.total).toBeGreaterThan(40);
    expect(s.ratioPoints.share).toBe(1);
    for (const kind of ['speedup', 'peer', 'raw', 'python'] as const) expect(s.ratioPoints.byKind[kind].total, kind).toBeGreaterThan(0);
    expect(s.wallTimes.raw.share).toBe(1);
    expect(s.verdicts.compared).toBeGreaterThan(0);
    expect(s.verdicts.disagreeing).toEqual([]);
  });

  it('compares wall times after dividing by each run\'s host speed, so a slower host alone changes nothing', () => {
    const s = reproducibility(makeResults(RUN_A), onSlowerHost(1.3));
    expect(s.wallTimes.raw.share).toBeLessThan(0.1);
    expect(s.wallTimes.normalised?.share).toBe(1);
    // Speedups are ratios: the host's speed cancels in them.
    expect(s.ratioPoints.byKind.speedup.share).toBe(1);
  });

  it('finds the speedups that moved between two runs and names them', () => {
    // compareReports summarized these two runs already.
    const s = compared.reproducibility;
    // Run B's processes are 25 % faster: their speedups no longer overlap run A's.
    expect(s.ratioPoints.apart.some((p) => p.key === 'speedup:workloads/primes/parlab/process/2/speedup')).toBe(true);
    expect(s.ratioPoints.apart.every((p) => !p.key.includes('/thread/') || p.kind !== 'speedup' || p.key.includes('/python/'))).toBe(true);
    expect(s.ratioPoints.share).toBeLessThan(1);
    expect(reproducibilityLine(s)).toMatch(/^reproducibility: \d+% of \d+ ratio points overlap \(speedup \d+\/\d+, peer \d+\/\d+, raw \d+\/\d+, python \d+\/\d+\); wall times over host speed \d+% of \d+; verdicts agree on \d+ of \d+ workloads( \(not on [a-z, -]+\))?$/);
  });
});

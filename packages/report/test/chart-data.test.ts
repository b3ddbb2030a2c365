// Every chart drawn from the fixture's known values: each measured point is its own bar or marker (read back from the chart data), captions match the axes, ceilings and verdicts are drawn honestly.

import { describe, expect, it } from 'vitest';
import type { OkPoint, ReportChart, ResultsFile } from '../src/index.js';
import { buildCharts, subjectVerdict } from '../src/index.js';
import { drawnKeys } from '../src/charts/report-chart.js';
import { toDisplay } from '../src/format.js';
import { t } from '../src/i18n.js';
import { REFERENCE_LINES_ID } from '../src/plugins/reference-lines.js';
import { pointKey } from '../src/results-query.js';
import { FAULT_COLOUR } from '../src/style.js';
import { FIXTURE_CORES, makeResults } from './fixtures/make-results.js';

interface Datum {
  x: number | string;
  y: number | null;
  yMin?: number;
  yMax?: number;
  key?: string;
}

const results = makeResults();
const charts = buildCharts(results, 'en');
const ok = results.points.filter((p): p is OkPoint => p.status === 'ok');
const chart = (id: string): ReportChart => {
  const found = charts.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no chart ${id}; have ${charts.map((c) => c.id).join(', ')}`);
  return found;
};
const data = (c: ReportChart, index: number): Datum[] => (c.config.data.datasets[index]?.data ?? []) as unknown as Datum[];
const measured = (c: ReportChart): { datum: Datum; dataset: number; index: number }[] =>
  c.config.data.datasets.flatMap((d, dataset) => (d.data as unknown as Datum[]).flatMap((datum, index) => (typeof datum?.key === 'string' ? [{ datum, dataset, index }] : [])));
const yAxis = (c: ReportChart): { type?: string; title?: { text?: string } } => ((c.config.options as { scales?: Record<string, unknown> }).scales?.['y'] ?? {}) as { type?: string; title?: { text?: string } };

/** Which chart family must draw a point, by suite and metric. */
function familyOf(p: OkPoint): string {
  if (p.suite === 'workloads' && p.metric === 'wall_ms') return `wall-time-${p.subject}`;
  if (p.suite === 'workloads' && p.metric === 'speedup') return `speedup-${p.subject}`;
  if (p.suite === 'peers') return `peers-${p.subject}-${p.metric.replaceAll('_', '-')}`;
  if (p.suite === 'python' && p.metric === 'speedup') return `python-${p.subject}`;
  if (p.suite === 'primitives') return 'cost-';
  return `other-${p.suite}-${p.metric.replaceAll('_', '-')}`;
}

describe('every measured point is drawn', () => {
  it('appears in its own chart, with its median and its interval as the whiskers', () => {
    const byKey = new Map(ok.map((p) => [pointKey(p), p]));
    for (const p of ok) {
      const family = charts.filter((c) => c.id.startsWith(familyOf(p)));
      const found = family.flatMap((c) => measured(c).filter((m) => m.datum.key === pointKey(p)));
      expect(found, `${pointKey(p)} in ${familyOf(p)}*`).toHaveLength(1);
      const { datum } = found[0] as { datum: Datum };
      expect(datum.y).toBeCloseTo(toDisplay(p.metric, p.median), 9);
      expect(datum.yMin).toBeCloseTo(toDisplay(p.metric, p.ciLow), 9);
      expect(datum.yMax).toBeCloseTo(toDisplay(p.metric, p.ciHigh), 9);
    }
    // Nothing is drawn that was not measured.
    for (const c of charts) for (const key of drawnKeys(c)) if (!key.startsWith('threadOverProcess/')) expect(byKey.has(key), `${c.id}: ${key}`).toBe(true);
  });

  it('gives every point of a bar chart its own bar: no two points share a slot, none is merged away', () => {
    for (const c of charts.filter((x) => x.config.type === 'bar')) {
      const slots = measured(c).map((m) => `${m.dataset}/${m.index}`);
      expect(new Set(slots).size, c.id).toBe(slots.length);
      const keys = drawnKeys(c);
      expect(new Set(keys).size, c.id).toBe(keys.length);
    }
    // The peers charts once merged raw's and poolifier's process bars into their thread bars.
    const dispatch = chart('peers-dispatch-noop-tasks-per-s');
    const peerPoints = ok.filter((p) => p.suite === 'peers' && p.subject === 'dispatch-noop');
    expect(peerPoints.length).toBe(10);
    expect(measured(dispatch)).toHaveLength(10);
    expect(dispatch.config.data.labels).toEqual(expect.arrayContaining(['raw (threads)', 'raw (processes)', 'poolifier (threads)', 'poolifier (processes)']));
  });

  it('says in the caption only what the chart shows (parlab twice only where it is measured twice)', () => {
    expect(chart('peers-dispatch-noop-tasks-per-s').explanation).toContain(t('en', 'peersParlabTwice'));
    const serialOnly = chart('peers-cpu-primes-wall-ms');
    expect(measured(serialOnly)).toHaveLength(1);
    expect(serialOnly.explanation).not.toContain(t('en', 'peersParlabTwice'));
    expect(serialOnly.explanation).toContain('lower is better');
  });
});

describe('a workload variant', () => {
  it('is drawn as a contender of its own, dashed, in the speedup and wall-time charts and in the best speedups, and explained', () => {
    for (const id of ['speedup-primes', 'wall-time-primes']) {
      const datasets = chart(id).config.data.datasets as { label?: string; borderDash?: number[] }[];
      const variant = datasets.find((d) => d.label === 'Processes + shared memory');
      expect(variant?.borderDash?.length, id).toBeGreaterThan(0);
    }
    expect(chart('speedup-primes').explanation).toContain('instead of receiving copies');
    expect((chart('best-speedup').config.data.datasets as { label?: string }[]).map((d) => d.label)).toContain('Processes + shared memory');
  });
});

describe('captions match the axes', () => {
  it('names a logarithmic axis exactly when the axis is logarithmic', () => {
    let logCharts = 0;
    for (const c of charts) {
      const axis = yAxis(c);
      const log = axis.type === 'logarithmic';
      if (log) logCharts++;
      expect(c.explanation.includes(t('en', 'logScaleNote')), c.id).toBe(log);
      expect((axis.title?.text ?? '').includes('logarithmic scale'), c.id).toBe(log);
    }
    expect(logCharts).toBeGreaterThan(0);
  });

  it('says which flagged points a chart marks, and marks them', () => {
    const wall = chart('wall-time-mandelbrot');
    expect(wall.explanation).toContain('One measurement here is flagged (noisy)');
    const processes = wall.config.data.datasets[0] as unknown as { data: Datum[]; pointBackgroundColor: string[] };
    const noisy = processes.data.findIndex((d) => d.x === 2);
    expect(processes.pointBackgroundColor[noisy]).toBe('#ffffff');
    expect(processes.pointBackgroundColor.filter((c) => c === '#ffffff')).toHaveLength(1);
    const primes = chart('speedup-primes');
    expect(primes.explanation).toContain('One measurement here is a fault');
    const threads = primes.config.data.datasets.find((d) => d.label === 'Threads') as unknown as { data: Datum[]; pointBorderColor: string[] };
    expect(threads.pointBorderColor[threads.data.findIndex((d) => d.x === 1)]).toBe(FAULT_COLOUR);
  });
});

describe('the physical ceiling', () => {
  it('draws the ideal as min(workers, cores): it flattens at the core count', () => {
    const ideal = chart('speedup-primes').config.data.datasets.find((d) => d.label?.startsWith('Ideal')) as unknown as { data: { x: number; y: number }[]; label: string };
    expect(ideal.label).toBe('Ideal: min(workers, 2 cores)');
    expect(ideal.data).toEqual([{ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 4, y: 2 }]);
  });

  it('fits Amdahl on the worker counts up to the cores only, and says why it is left out', () => {
    for (const c of charts.filter((x) => x.id.startsWith('speedup-'))) {
      for (const d of c.config.data.datasets.filter((x) => x.label?.startsWith('Amdahl'))) {
        expect(Math.max(...(d.data as { x: number }[]).map((p) => p.x)), c.id).toBeLessThanOrEqual(FIXTURE_CORES);
      }
    }
    const wordCount = chart('speedup-word-count');
    expect(wordCount.config.data.datasets.some((d) => d.label?.startsWith('Amdahl'))).toBe(false);
    expect(wordCount.explanation).toContain('No Amdahl curve for processes: no speedup is above 1');
  });

  it('draws the ceiling across the best-speedup chart', () => {
    const options = chart('best-speedup').config.options as { plugins: Record<string, { lines: { y: number }[] }> };
    expect(options.plugins[REFERENCE_LINES_ID]?.lines).toEqual([{ y: FIXTURE_CORES }]);
  });
});

describe('verdicts only when significant', () => {
  it('plots threads ÷ processes with its interval, and calls a tie where the interval holds 1', () => {
    const c = chart('process-vs-thread');
    const bars = data(c, 0);
    const subjects = ['primes', 'mandelbrot', 'nbody', 'word-count'];
    expect(bars.map((d) => d.key)).toEqual(subjects.map((s) => `threadOverProcess/${s}`));
    subjects.forEach((subject, i) => {
      const ratio = subjectVerdict(results, 'workloads', subject).threadOverProcess;
      expect(bars[i]).toMatchObject({ y: ratio?.median, yMin: ratio?.low, yMax: ratio?.high });
    });
    const labels = c.config.data.labels as string[][];
    // mandelbrot: threads ÷ processes is about 1.03 but its interval crosses 1.
    expect((bars[1]?.yMin ?? 2) < 1 && (bars[1]?.yMax ?? 0) > 1).toBe(true);
    expect(labels[1]?.join(' ')).toBe('Mandelbrot rows tie (within noise)');
    expect(labels[0]?.join(' ')).toMatch(/^Counting primes threads faster \(×1\.\d\d\)$/);
    const best = chart('best-speedup').config.data.labels as string[][];
    expect(best[1]?.join(' ')).toBe('Mandelbrot rows parallel beats serial; threads and processes tie');
    expect(best.map((l) => l.join(' ')).join(' ')).not.toMatch(/win \(×1\.0\d\)/);
  });

  it('names no winner from a measurement fault', () => {
    // Make primes' faulty 1-thread speedup (above its ceiling of 1) the highest thread speedup.
    const faulty: ResultsFile = structuredClone(results);
    const fault = faulty.points.find((p): p is OkPoint => p.status === 'ok' && p.flags.includes('aboveCeiling')) as OkPoint;
    Object.assign(fault, { median: 3, ciLow: 2.9, ciHigh: 3.1 });
    const verdict = subjectVerdict(faulty, 'workloads', fault.subject);
    expect(verdict.best.thread).toBeDefined();
    expect(verdict.best.thread?.workers).not.toBe(fault.workers);
  });

  it('keeps the equal line across the plot with a single bar', () => {
    const one: ResultsFile = { ...results, points: results.points.filter((p) => p.suite !== 'workloads' || p.subject === 'primes') };
    const c = buildCharts(one, 'en').find((x) => x.id === 'process-vs-thread') as ReportChart;
    expect(data(c, 0)).toHaveLength(1);
    const options = c.config.options as { plugins: Record<string, { lines: { y: number }[] }> };
    expect(options.plugins[REFERENCE_LINES_ID]?.lines.map((l) => l.y)).toEqual([1]);
    expect(c.config.data.datasets.some((d) => d.label === t('en', 'sameSpeed'))).toBe(true);
  });
});

// Renders the fixture and checks the PNGs decode, the page draws every chart offline in real Chromium, and the live charts keep every point and whisker inside the plot.

// The page.evaluate callback runs in the browser, so this file needs the DOM types.
/// <reference lib="dom" />

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedReport } from '../src/index.js';
import { renderReport } from '../src/index.js';
import { PNG_HEIGHT, PNG_WIDTH } from '../src/style.js';
import { ARTIFACTS_DIR, FIXTURE } from './support/paths.js';
import { pngStats } from './support/png.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let outDir: string;
let report: RenderedReport;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'parlab-report-'));
  report = await renderReport({ resultsPath: FIXTURE, outDir, lang: 'en' });
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('rendering the fixture', () => {
  it('draws a chart for every section the fixture has data for', () => {
    const sections = new Set(report.charts.map((c) => c.section));
    expect([...sections].sort()).toEqual(['costs', 'host', 'other', 'overview', 'peers', 'python', 'workloads']);
    expect(report.charts.map((c) => c.id)).toEqual(
      expect.arrayContaining(['host-speed', 'speedup-primes', 'wall-time-primes', 'best-speedup', 'process-vs-thread', 'cost-spawn', 'cost-memory', 'python-primes', 'other-python-wall-ms']),
    );
    expect(report.pngPaths).toHaveLength(report.charts.length);
  });

  it('writes PNGs that decode, have the chart size, and are not blank', async () => {
    for (const path of report.pngPaths) {
      const stats = await pngStats(path);
      expect({ path, width: stats.width, height: stats.height }).toEqual({ path, width: PNG_WIDTH, height: PNG_HEIGHT });
      expect(stats.distinctColours, path).toBeGreaterThan(8);
      expect(stats.inkedFraction, path).toBeGreaterThan(0.02);
    }
  });

  it('writes a README that embeds every PNG and links the page files', async () => {
    const md = await readFile(report.markdownPath, 'utf8');
    for (const path of report.pngPaths) expect(md).toContain(`](charts/${path.split('/').pop() ?? ''})`);
    expect(md).toContain('](results.json)');
    expect(existsSync(join(outDir, 'results.json'))).toBe(true);
  });

  it('lists failed and skipped points in the tables with their reason, and dashes for the figures they do not have', async () => {
    const html = await readFile(report.htmlPath, 'utf8');
    expect(html).toContain('failed: <code>Worker exited with code 1: ERR_WORKER_OUT_OF_MEMORY</code>');
    expect(html).toContain('skipped: <code>worker-farm</code> has no <code>map()</code>');
    expect(html).toContain('AMD EPYC 7763 64-Core Processor');
    const md = await readFile(report.markdownPath, 'utf8');
    const skipped = md.split('\n').find((line) => line.includes('`piscina` has no `map()`')) ?? '';
    expect(skipped.split(' | ').slice(5, 11)).toEqual(['—', '—', '—', '—', '—', '—']);
    expect(md).not.toMatch(/\| 0 \/s \|/);
  });

  it('opens with the measurement faults and the unstable host, in the page and the README', async () => {
    const html = await readFile(report.htmlPath, 'utf8');
    const md = await readFile(report.markdownPath, 'utf8');
    for (const text of [html.replaceAll('&#39;', "'"), md]) {
      const faults = text.indexOf('Measurement faults');
      expect(faults).toBeGreaterThan(-1);
      expect(text.indexOf('The results may be unstable')).toBeGreaterThan(faults);
      // Both before the first chart section.
      expect(text.indexOf('The host during the run')).toBeGreaterThan(text.indexOf('The results may be unstable'));
      expect(text).toContain('Counting primes, threads, 1 worker: ×1.18 [1.14 – 1.20], ceiling 1');
      expect(text).toContain("the host's speed moved during the run (its speed index reached 0.86)");
      expect(text).toContain('Load average at the start (1, 5, 15 min)');
      expect(text).toContain('threads win (×1.15)');
    }
    expect(md).toContain('| Counting primes (`primes`) | `parlab` | Threads | 1 | Speedup | 12 | 1.18 × | 1.14 – 1.20 × | ± 2.4% | 0 | above the ceiling | measured |');
  });
});

describe('index.html in headless Chromium', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: run scripts/setup to install Chromium for the report page test`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 20_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart canvas with no console errors and no network requests', async () => {
    if (browser === undefined) throw new Error('Chromium did not start');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    const pageUrl = pathToFileURL(report.htmlPath).href;
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (url !== pageUrl && !url.startsWith('data:')) requests.push(url);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(pageUrl, { waitUntil: 'load', timeout: 15_000 });
    const drawn = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas')).map((canvas) => {
        const ctx = canvas.getContext('2d');
        if (ctx === null || canvas.width === 0 || canvas.height === 0) return { id: canvas.id, painted: 0 };
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
        return { id: canvas.id, painted: painted / (data.length / 4) };
      }),
    );
    expect(drawn.map((d) => d.id).sort()).toEqual(report.charts.map((c) => `chart-${c.id}`).sort());
    for (const canvas of drawn) expect(canvas.painted, canvas.id).toBeGreaterThan(0.01);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    // The live charts as chart.js laid them out: where each measured point landed, the axis ticks, the plot area.
    const live = await page.evaluate(() => {
      const ChartJs = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): LiveChart | undefined } }).Chart;
      interface LiveChart {
        chartArea: { top: number; bottom: number; left: number; right: number };
        scales: Record<string, { type: string; min: number; max: number; ticks: { value: number }[] }>;
        data: { datasets: { data: unknown[] }[] };
        getDatasetMeta(i: number): { data: { x: number; y: number }[] };
      }
      return Array.from(document.querySelectorAll('canvas')).map((canvas) => {
        const chart = ChartJs.getChart(canvas);
        if (chart === undefined) return { id: canvas.id, missing: true };
        const y = chart.scales['y'];
        const points = chart.data.datasets.flatMap((dataset, i) =>
          dataset.data.flatMap((raw, j) => {
            const datum = raw as { key?: string; y: number | null; yMin?: number; yMax?: number } | null;
            const element = chart.getDatasetMeta(i).data[j];
            return datum?.key === undefined || datum.y === null ? [] : [{ key: datum.key, x: element?.x ?? NaN, y: element?.y ?? NaN, yMin: datum.yMin, yMax: datum.yMax }];
          }),
        );
        return { id: canvas.id, missing: false, area: chart.chartArea, yType: y?.type, yMin: y?.min, yMax: y?.max, ticks: (y?.ticks ?? []).map((tick) => tick.value), points };
      });
    });
    for (const c of live) {
      expect(c.missing, c.id).toBe(false);
      if (c.missing || c.area === undefined || c.yMin === undefined || c.yMax === undefined) continue;
      const { area } = c;
      for (const p of c.points ?? []) {
        // Each measured point is drawn inside the plot, and so is its whole whisker (never through the title).
        expect(p.x >= area.left - 1 && p.x <= area.right + 1 && p.y >= area.top - 1 && p.y <= area.bottom + 1, `${c.id} ${p.key}`).toBe(true);
        if (p.yMin !== undefined && p.yMax !== undefined) expect(p.yMin >= c.yMin - 1e-9 && p.yMax <= c.yMax + 1e-9, `${c.id} ${p.key} whisker`).toBe(true);
      }
      if (c.yType === 'logarithmic') {
        // The caption says each grid line is 10 times the one below: the ticks must be powers of 10.
        for (const tick of c.ticks ?? []) expect(Math.abs(Math.log10(tick) - Math.round(Math.log10(tick))), `${c.id} tick ${tick}`).toBeLessThan(1e-9);
        expect((c.ticks ?? []).length, c.id).toBeGreaterThanOrEqual(2);
      }
    }
    expect(live.some((c) => c.yType === 'logarithmic')).toBe(true);

    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report.png'), fullPage: true, timeout: 15_000 });
    await page.close();
  });
});

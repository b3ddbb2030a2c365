// Renders the fixture and checks the PNGs decode and the page draws every chart offline in real Chromium.

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
    expect([...sections].sort()).toEqual(['costs', 'overview', 'peers', 'python', 'workloads']);
    expect(report.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['speedup-primes', 'wall-time-primes', 'best-speedup', 'process-vs-thread', 'cost-spawn', 'cost-memory', 'python-primes']));
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

  it('lists failed and skipped points in the tables with their error', async () => {
    const html = await readFile(report.htmlPath, 'utf8');
    expect(html).toContain('ERR_WORKER_OUT_OF_MEMORY');
    expect(html).toContain('worker-farm has no map()');
    expect(html).toContain('AMD EPYC 7763 64-Core Processor');
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

    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report.png'), fullPage: true, timeout: 15_000 });
    await page.close();
  });
});

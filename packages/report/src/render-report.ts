// renderReport: a results.json in; PNG charts, index.html and README.md out, in the run's folder.

import { copyFile, mkdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildCharts } from './charts/all-charts.js';
import type { ReportChart } from './charts/report-chart.js';
import type { Lang } from './i18n.js';
import { loadResults, resolveResultsPath } from './load-results.js';
import { renderPngs } from './render-png.js';
import { reportDocument } from './report-document.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { t } from './i18n.js';

/** Folder (inside the output folder) that holds the PNG charts. */
export const CHARTS_DIR = 'charts';

export interface RenderReportOptions {
  /** A results.json, or the run folder holding one. */
  resultsPath: string;
  /** Where to write; defaults to the folder holding results.json (English) or its `es/` folder (Spanish), so the two never overwrite each other. */
  outDir?: string;
  /** Language of every word in the report; defaults to English. */
  lang?: Lang;
}

export interface RenderedReport {
  outDir: string;
  htmlPath: string;
  markdownPath: string;
  /** Absolute paths of the PNG charts, in page order. */
  pngPaths: string[];
  /** The charts drawn, with their titles and configurations. */
  charts: ReportChart[];
}

/** Where a run's report goes: beside results.json in English, in `es/` beside it in Spanish (as reports/sample). */
export function defaultOutDir(resultsPath: string, lang: Lang): string {
  return lang === 'en' ? dirname(resultsPath) : join(dirname(resultsPath), lang);
}

/**
 * Renders the report of one run.
 * @throws ResultsNotFoundError or ResultsSchemaError when the results cannot be used.
 */
export async function renderReport(options: RenderReportOptions): Promise<RenderedReport> {
  const lang = options.lang ?? 'en';
  const resultsPath = resolve(await resolveResultsPath(options.resultsPath));
  const results = await loadResults(resultsPath);
  const outDir = resolve(options.outDir ?? defaultOutDir(resultsPath, lang));
  await mkdir(outDir, { recursive: true });
  // The page links to results.json beside it; bring a copy when writing somewhere else.
  const localResults = join(outDir, 'results.json');
  if ((await realpath(dirname(resultsPath))) !== (await realpath(outDir))) await copyFile(resultsPath, localResults);

  const charts = buildCharts(results, lang);
  const names = await renderPngs(charts, join(outDir, CHARTS_DIR));
  const pngHrefs = new Map(charts.map((c, i) => [c.id, `${CHARTS_DIR}/${names[i] ?? ''}`]));
  const htmlPath = join(outDir, 'index.html');
  const markdownPath = join(outDir, 'README.md');
  const blocks = reportDocument(results, charts, { resultsHref: 'results.json', pngHrefs }, lang);
  await writeFile(htmlPath, await renderHtml(blocks, lang, `${t(lang, 'reportTitle')} — ${results.runId}`));
  await writeFile(markdownPath, renderMarkdown(blocks));
  return { outDir, htmlPath, markdownPath, pngPaths: names.map((n) => join(outDir, CHARTS_DIR, n)), charts };
}

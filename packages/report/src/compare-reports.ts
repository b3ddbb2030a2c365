// compareReports: two runs in; both chart sets side by side, the changes B / A, the runs' differences and their reproducibility out.

import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildCharts } from './charts/all-charts.js';
import type { ComparedRun } from './compare-document.js';
import { compareDocument } from './compare-document.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import { loadResults, resolveResultsPath } from './load-results.js';
import type { PointRatio } from './ratios.js';
import { matchRatios } from './ratios.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPngs } from './render-png.js';
import type { ReproducibilitySummary } from './reproducibility.js';
import { reproducibility } from './reproducibility.js';
import type { RunDifference } from './run-differences.js';
import { runDifferences } from './run-differences.js';

export interface CompareReportsOptions {
  /** Run A: a results.json or the run folder holding one. */
  a: string;
  /** Run B, likewise. */
  b: string;
  /** Where to write; defaults to `compare-<idA>-vs-<idB>` beside run A's folder (so `reports/…`). */
  outDir?: string;
  lang?: Lang;
}

export interface ComparedReports {
  outDir: string;
  htmlPath: string;
  markdownPath: string;
  pngPathsA: string[];
  pngPathsB: string[];
  ratios: PointRatio[];
  /** What makes the runs not like for like (profiles, options, machines, Node or Python versions). */
  differences: RunDifference[];
  reproducibility: ReproducibilitySummary;
}

function safeId(runId: string): string {
  return runId.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/**
 * Renders a comparison of two runs.
 * @throws ResultsNotFoundError or ResultsSchemaError when either run cannot be used.
 */
export async function compareReports(options: CompareReportsOptions): Promise<ComparedReports> {
  const lang = options.lang ?? 'en';
  const pathA = resolve(await resolveResultsPath(options.a));
  const pathB = resolve(await resolveResultsPath(options.b));
  const [resultsA, resultsB] = await Promise.all([loadResults(pathA), loadResults(pathB)]);
  const outDir = resolve(options.outDir ?? join(dirname(dirname(pathA)), `compare-${safeId(resultsA.runId)}-vs-${safeId(resultsB.runId)}`));
  await mkdir(outDir, { recursive: true });

  const sides = [
    { tag: 'a', path: pathA, results: resultsA },
    { tag: 'b', path: pathB, results: resultsB },
  ] as const;
  const runs: ComparedRun[] = [];
  const pngPaths: string[][] = [];
  for (const side of sides) {
    const charts = buildCharts(side.results, lang);
    const chartsDir = `charts-${side.tag}`;
    const names = await renderPngs(charts, join(outDir, chartsDir));
    const resultsHref = `results-${side.tag}.json`;
    await copyFile(side.path, join(outDir, resultsHref));
    runs.push({ results: side.results, charts, resultsHref, pngHrefs: new Map(charts.map((c, i) => [c.id, `${chartsDir}/${names[i] ?? ''}`])) });
    pngPaths.push(names.map((n) => join(outDir, chartsDir, n)));
  }
  const [a, b] = runs as [ComparedRun, ComparedRun];
  const ratios = matchRatios(resultsA, resultsB);
  const summary = reproducibility(resultsA, resultsB);
  const blocks = compareDocument(a, b, ratios, summary, lang);
  const htmlPath = join(outDir, 'index.html');
  const markdownPath = join(outDir, 'README.md');
  await writeFile(htmlPath, await renderHtml(blocks, lang, `${t(lang, 'compareTitle')}: ${resultsA.runId} / ${resultsB.runId}`));
  await writeFile(markdownPath, renderMarkdown(blocks));
  return {
    outDir,
    htmlPath,
    markdownPath,
    pngPathsA: pngPaths[0] ?? [],
    pngPathsB: pngPaths[1] ?? [],
    ratios,
    differences: runDifferences(resultsA, resultsB),
    reproducibility: summary,
  };
}

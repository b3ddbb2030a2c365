// With lang "es" every title, label, number and explanation comes out in Spanish: no English word outside code names.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang, ReportChart } from '../src/index.js';
import { buildCharts, loadResults } from '../src/index.js';
import { t } from '../src/i18n.js';
import { renderHtml } from '../src/render-html.js';
import { renderMarkdown } from '../src/render-markdown.js';
import { reportDocument } from '../src/report-document.js';
import { makeResults } from './fixtures/make-results.js';
import { FIXTURE } from './support/paths.js';

/**
 * Words that are the same in both languages or are names, not English: products and tools, units,
 * the course's own API names (`Pool`, `multiprocessing`), implementation names.
 */
const SHARED = new Set([
  'parlab', 'node', 'js', 'python', 'cpython', 'gil', 'cpu', 'png', 'json', 'html', 'readme', 'md', 'utc', 'cgroup', 'amdahl',
  'mandelbrot', 'multiprocessing', 'worker_threads', 'child_process', 'pool', 'pools', 'raw', 'piscina', 'tinypool', 'poolifier',
  'workerpool', 'worker-farm', 'ms', 'µs', 'mib', 'gib', 'min', 'no', 'ideal', 'results', 'vertical', 'global',
  // Subject ids and implementation names are code names wherever they appear (a canvas cannot set them as code).
  ...makeResults().points.flatMap((p) => [p.subject, p.implementation]),
]);

/** The text a reader sees on the page: no scripts or styles, no code spans (names as the tools write them), entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

/** Markdown as a reader sees it: no code spans, no link targets. */
function markdownText(md: string): string {
  return md.replace(/`[^`]*`/g, ' ').replace(/\]\([^)]*\)/g, '] ');
}

/** Every word drawn inside the charts' canvases: titles, legends, axis titles, category labels. */
function chartText(charts: readonly ReportChart[]): string {
  const out: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && ['text', 'label', 'labels', 'title'].includes(key)) out.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key === 'labels' ? 'labels' : key));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const chart of charts) {
    out.push(chart.title, chart.explanation);
    walk(chart.config.data);
    walk(chart.config.options);
  }
  return out.join(' ');
}

/** Words of a text; a token with a digit, a slash, a dot inside or an equals sign is a name or a value (a run id, a path), not a word. */
const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/\s+/)
      .filter((token) => !/[\d/=]|\p{L}\.\p{L}/u.test(token))
      .flatMap((token) => token.match(/\p{L}[\p{L}_'’-]*/gu) ?? [])
      .filter((w) => w.length > 1 && !SHARED.has(w)),
  );

/** A report as renderReport writes it, without the PNGs (their pixels hold no words the charts' data does not). */
interface Rendered {
  html: string;
  md: string;
  charts: ReportChart[];
}

async function render(lang: Lang): Promise<Rendered> {
  const results = await loadResults(FIXTURE);
  const charts = buildCharts(results, lang);
  const blocks = reportDocument(results, charts, { resultsHref: 'results.json', pngHrefs: new Map(charts.map((c) => [c.id, `charts/${c.id}.png`])) }, lang);
  return { html: await renderHtml(blocks, lang, `${t(lang, 'reportTitle')} — ${results.runId}`), md: renderMarkdown(blocks), charts };
}

let en: Rendered;
let es: Rendered;

beforeAll(async () => {
  [en, es] = await Promise.all([render('en'), render('es')]);
});

describe('Spanish report', () => {
  it('gives every chart a Spanish title and explanation, with the workloads named by their titles', () => {
    const results = makeResults();
    const enCharts = buildCharts(results, 'en');
    const esCharts = buildCharts(results, 'es');
    expect(esCharts.map((c) => c.id)).toEqual(enCharts.map((c) => c.id));
    esCharts.forEach((chart, i) => {
      expect(chart.title).not.toBe(enCharts[i]?.title);
      expect(chart.explanation).not.toBe(enCharts[i]?.explanation);
    });
    const titles = esCharts.map((c) => c.title);
    for (const title of ['Aceleración: Contar primos', 'Tiempo total: Contar primos', 'Mejor aceleración por carga de trabajo', 'Python frente a Node: Contar primos']) expect(titles).toContain(title);
    expect(titles.join(' ')).not.toMatch(/: primes\b/);
  });

  it('writes numbers, counts and dates the Spanish way', () => {
    const { html, md } = es;
    for (const text of [html, md]) {
      expect(text).toContain('28 de noviembre de 2026 a las 21:40 UTC');
      expect(text).toContain('con 1 trabajador');
      expect(text).not.toContain('1 trabajadores');
      expect(text).toContain('×1,15 [1,11 – 1,15]');
      expect(text).not.toMatch(/\d\.\d\d ×|×\d\.\d/);
      expect(text).toContain('omitido: `piscina` no tiene `map()`'.replace(/`([^`]*)`/g, text === md ? '`$1`' : '<code>$1</code>'));
    }
    // chart.js formats the axis ticks with the locale the chart carries.
    expect(buildCharts(makeResults(), 'es').every((c) => (c.config.options as { locale?: string }).locale === 'es-ES')).toBe(true);
  });

  it('has no English word outside code names, on the page, in the charts and in the README', () => {
    const english = new Set([
      ...words(visibleText(en.html)),
      ...words(markdownText(en.md)),
      ...words(chartText(en.charts)),
      // Words a careless translation leaves behind even where the English report does not use them.
      ...['the', 'and', 'of', 'workers', 'threads', 'processes', 'speedup', 'wall', 'time', 'status', 'skipped', 'failed', 'ok', 'rme', 'has'],
    ]);
    const spanish = [
      ['page', words(visibleText(es.html))],
      ['README', words(markdownText(es.md))],
      ['charts', words(chartText(es.charts))],
    ] as const;
    for (const [where, found] of spanish) expect([...found].filter((w) => english.has(w)).join(" "), where).toEqual("");
  });
});

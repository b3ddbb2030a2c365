// The index.html of one run: machine, options, chart sections, measurement tables, links to files.

import type { ReportChart } from './charts/report-chart.js';
import { SECTIONS } from './charts/report-chart.js';
import type { PageChart } from './html-document.js';
import { escapeHtml, htmlDocument } from './html-document.js';
import { card, dataTable, figure } from './html-parts.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import type { ResultsFile } from './schema.js';
import { machineRows, optionRows, sectionText } from './summary.js';
import { suiteTables } from './tables.js';

/** What the page links to, relative to the page. */
export interface PageFiles {
  resultsHref: string;
  /** PNG path per chart id. */
  pngHrefs: ReadonlyMap<string, string>;
}

/** Canvas id of a chart on a page; prefixed so ids from subjects never clash with page ids. */
export function canvasIdOf(chart: ReportChart, prefix = 'chart'): string {
  return `${prefix}-${chart.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** The full HTML of a run's report. */
export async function reportPage(results: ResultsFile, charts: readonly ReportChart[], files: PageFiles, lang: Lang): Promise<string> {
  const title = t(lang, 'reportTitle');
  const sections = SECTIONS.filter((s) => charts.some((c) => c.section === s));
  const nav = [...sections.map((s) => [s, sectionText(s, lang).title]), ['tables', t(lang, 'sectionTables')], ['files', t(lang, 'files')]]
    .map(([id, text]) => `<li><a href="#${id}">${escapeHtml(text ?? '')}</a></li>`)
    .join('');
  const chartSections = sections.map((section) => {
    const text = sectionText(section, lang);
    const figures = charts
      .filter((c) => c.section === section)
      .map((c) => figure(c, canvasIdOf(c), files.pngHrefs.get(c.id) ?? '', lang))
      .join('\n');
    const intro = text.intro === undefined ? '' : `<p>${escapeHtml(text.intro)}</p>`;
    return `<section id="${section}"><h2>${escapeHtml(text.title)}</h2>${intro}\n${figures}</section>`;
  });
  const pngLinks = charts
    .map((c) => files.pngHrefs.get(c.id))
    .filter((href): href is string => href !== undefined)
    .map((href) => `<li><a href="${escapeHtml(href)}">${escapeHtml(href)}</a></li>`)
    .join('');
  const body = `
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t(lang, 'run'))}: <code>${escapeHtml(results.runId)}</code> · ${escapeHtml(t(lang, 'createdAt'))} ${escapeHtml(results.createdAt)}</p>
<p>${escapeHtml(t(lang, 'intro'))}</p>
<div class="cards">${card(t(lang, 'machine'), machineRows(results.machine, lang))}${card(t(lang, 'options'), optionRows(results.options))}</div>
<nav><h3>${escapeHtml(t(lang, 'contents'))}</h3><ul>${nav}</ul></nav>
${chartSections.join('\n')}
<section id="tables"><h2>${escapeHtml(t(lang, 'sectionTables'))}</h2><p>${escapeHtml(t(lang, 'sectionTablesIntro'))}</p>
${suiteTables(results, lang).map(dataTable).join('\n')}</section>
<section id="files"><h2>${escapeHtml(t(lang, 'files'))}</h2><ul><li><a href="${escapeHtml(files.resultsHref)}">${escapeHtml(t(lang, 'resultsFile'))}</a></li>${pngLinks}</ul></section>`;
  const pageCharts: PageChart[] = charts.map((c) => ({ canvasId: canvasIdOf(c), config: c.config }));
  return htmlDocument({ lang, title: `${title} — ${results.runId}`, body, charts: pageCharts });
}

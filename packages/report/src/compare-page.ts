// The index.html of a comparison: both runs' charts side by side, then the table of B/A ratios.

import type { ReportChart } from './charts/report-chart.js';
import { SECTIONS } from './charts/report-chart.js';
import type { PageChart } from './html-document.js';
import { escapeHtml, htmlDocument } from './html-document.js';
import { figure } from './html-parts.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import type { PointRatio } from './ratios.js';
import { ratioTable } from './ratios.js';
import { canvasIdOf } from './report-page.js';
import type { ResultsFile } from './schema.js';
import { machineRows, sectionText } from './summary.js';

/** One run as the comparison shows it. */
export interface ComparedRun {
  results: ResultsFile;
  charts: readonly ReportChart[];
  /** PNG path per chart id, relative to the page. */
  pngHrefs: ReadonlyMap<string, string>;
  resultsHref: string;
}

/** Chart ids of both runs: A's order first, then any only B has. */
export function pairedChartIds(a: readonly ReportChart[], b: readonly ReportChart[]): string[] {
  return [...new Set([...a.map((c) => c.id), ...b.map((c) => c.id)])];
}

function runsTable(a: ComparedRun, b: ComparedRun, lang: Lang): string {
  const rowsA = machineRows(a.results.machine, lang);
  const rowsB = machineRows(b.results.machine, lang);
  const cell = (s: string): string => `<td>${escapeHtml(s)}</td>`;
  const lines = [
    `<tr><th></th><th>${escapeHtml(t(lang, 'runA'))}</th><th>${escapeHtml(t(lang, 'runB'))}</th></tr>`,
    `<tr>${cell(t(lang, 'run'))}<td><a href="${escapeHtml(a.resultsHref)}">${escapeHtml(a.results.runId)}</a></td><td><a href="${escapeHtml(b.resultsHref)}">${escapeHtml(b.results.runId)}</a></td></tr>`,
    `<tr>${cell(t(lang, 'createdAt'))}${cell(a.results.createdAt)}${cell(b.results.createdAt)}</tr>`,
    ...rowsA.map(([label, value], i) => `<tr>${cell(label)}${cell(value)}${cell(rowsB[i]?.[1] ?? '')}</tr>`),
  ];
  return `<div class="table-wrap"><table>${lines.join('\n')}</table></div>`;
}

/** The full HTML of a comparison. */
export async function comparePage(a: ComparedRun, b: ComparedRun, ratios: readonly PointRatio[], lang: Lang): Promise<string> {
  const title = t(lang, 'compareTitle');
  const pageCharts: PageChart[] = [];
  const side = (run: ComparedRun, id: string, prefix: string): string => {
    const chart = run.charts.find((c) => c.id === id);
    if (chart === undefined) return `<figure><p class="missing">${escapeHtml(t(lang, 'notInRun'))}</p></figure>`;
    const canvasId = canvasIdOf(chart, prefix);
    pageCharts.push({ canvasId, config: chart.config });
    return figure(chart, canvasId, run.pngHrefs.get(id) ?? '', lang);
  };
  const ids = pairedChartIds(a.charts, b.charts);
  const sections = SECTIONS.flatMap((section) => {
    const all = [...a.charts, ...b.charts];
    const inSection = ids.filter((id) => all.find((c) => c.id === id)?.section === section);
    if (inSection.length === 0) return [];
    const pairs = inSection.map((id) => `<div class="pair">${side(a, id, 'a')}${side(b, id, 'b')}</div>`).join('\n');
    return [`<section id="${section}"><h2>${escapeHtml(sectionText(section, lang).title)}</h2>\n${pairs}</section>`];
  });
  const table = ratioTable(ratios, lang);
  const ratioHtml =
    ratios.length === 0
      ? `<p>${escapeHtml(t(lang, 'noMatches'))}</p>`
      : `<div class="table-wrap"><table id="ratios"><thead><tr>${table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n${table.rows
          .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
          .join('\n')}\n</tbody></table></div>`;
  const body = `
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t(lang, 'compareIntro'))}</p>
${runsTable(a, b, lang)}
${sections.join('\n')}
<section id="ratios-section"><h2>${escapeHtml(t(lang, 'ratiosTitle'))}</h2><p>${escapeHtml(t(lang, 'ratiosIntro'))}</p>
${ratioHtml}</section>`;
  return htmlDocument({ lang, title: `${title}: ${a.results.runId} / ${b.results.runId}`, body, charts: pageCharts });
}

// Small HTML building blocks (figures, tables) the report page and the compare page both use.

import type { ReportChart } from './charts/report-chart.js';
import { escapeHtml } from './html-document.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import type { SuiteTable } from './tables.js';

/** A two-column label/value table. */
export function keyValueTable(rows: readonly [string, string][]): string {
  const body = rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('\n');
  return `<table>${body}</table>`;
}

/** A titled card holding a label/value table. */
export function card(title: string, rows: readonly [string, string][]): string {
  return `<div class="card"><h3>${escapeHtml(title)}</h3>${keyValueTable(rows)}</div>`;
}

const NUMERIC_COLUMNS = new Set([3, 5, 6, 7]);

/** A measurements table; failed and skipped rows are marked. */
export function dataTable(table: SuiteTable): string {
  const head = table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = table.rows
    .map((cells, i) => {
      const tds = cells.map((c, j) => `<td${NUMERIC_COLUMNS.has(j) ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('');
      return `<tr${table.notOk.has(i) ? ' class="not-ok"' : ''}>${tds}</tr>`;
    })
    .join('\n');
  return `<h3>${escapeHtml(table.title)}</h3><div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
}

/** A chart canvas with its explanation and a link to its PNG. */
export function figure(chart: ReportChart, canvasId: string, pngHref: string, lang: Lang): string {
  return `<figure id="fig-${escapeHtml(canvasId)}">
<div class="chart-box"><canvas id="${escapeHtml(canvasId)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div>
<figcaption><p>${escapeHtml(chart.explanation)}</p><a href="${escapeHtml(pngHref)}">${escapeHtml(t(lang, 'pngLink'))}: ${escapeHtml(pngHref)}</a></figcaption>
</figure>`;
}

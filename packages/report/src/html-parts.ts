// Small HTML building blocks (text with code, tables, figures, banners) the report page and the compare page both use.

import type { Banner } from './banners.js';
import type { ReportChart } from './charts/report-chart.js';
import { escapeHtml } from './html-document.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';

/** Plain text in which `code` is written in backticks, as HTML. */
export function inlineHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`]*)`/g, '<code>$1</code>');
}

/** A two-column label/value table. */
export function keyValueTable(rows: readonly [string, string][]): string {
  const body = rows.map(([k, v]) => `<tr><td>${inlineHtml(k)}</td><td>${inlineHtml(v)}</td></tr>`).join('\n');
  return `<table>${body}</table>`;
}

/** A titled card holding a label/value table. */
export function card(title: string, rows: readonly [string, string][]): string {
  return `<div class="card"><h3>${escapeHtml(title)}</h3>${keyValueTable(rows)}</div>`;
}

/** A table with a header row; `rowClass` may give each row a class. */
export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], options: { id?: string; numeric?: ReadonlySet<number>; rowClass?: (i: number) => string } = {}): string {
  const head = header.map((h) => `<th>${inlineHtml(h)}</th>`).join('');
  const body = rows
    .map((cells, i) => {
      const tds = cells.map((c, j) => `<td${options.numeric?.has(j) === true ? ' class="num"' : ''}>${inlineHtml(c)}</td>`).join('');
      const cls = options.rowClass?.(i) ?? '';
      return `<tr${cls === '' ? '' : ` class="${cls}"`}>${tds}</tr>`;
    })
    .join('\n');
  const id = options.id === undefined ? '' : ` id="${escapeHtml(options.id)}"`;
  return `<div class="table-wrap"><table${id}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A chart canvas with its explanation and a link to its PNG. */
export function figure(chart: ReportChart, canvasId: string, pngHref: string, lang: Lang): string {
  return `<figure id="fig-${escapeHtml(canvasId)}">
<div class="chart-box"><canvas id="${escapeHtml(canvasId)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div>
<figcaption><p>${inlineHtml(chart.explanation)}</p><a href="${escapeHtml(pngHref)}">${escapeHtml(t(lang, 'pngLink'))}: <code>${escapeHtml(pngHref)}</code></a></figcaption>
</figure>`;
}

/** A warning or note box. */
export function bannerHtml(banner: Banner): string {
  const title = banner.title === '' ? '' : `<strong>${escapeHtml(banner.title)}.</strong> `;
  const items = banner.items.length === 0 ? '' : `<ul>${banner.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`;
  return `<div class="banner ${banner.kind}" role="${banner.kind === 'warning' ? 'alert' : 'note'}"><p>${title}${inlineHtml(banner.intro)}</p>${items}</div>`;
}

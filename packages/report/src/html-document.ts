// The HTML frame both pages share: styles, chart.js inlined for offline use, and the code that draws the charts.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ReportChartConfig } from './charts/report-chart.js';
import type { Lang } from './i18n.js';
import { chartPluginsSource } from './plugins/chart-plugins.js';
import { FONT_FAMILY } from './style.js';

/** A canvas on the page and the configuration that draws it. */
export interface PageChart {
  canvasId: string;
  config: ReportChartConfig;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element (no `</script>` can close it early). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

let chartJsSource: Promise<string> | undefined;

/** The chart.js UMD bundle, read from node_modules so the page needs no network. */
function loadChartJs(): Promise<string> {
  // chart.js's main entry is dist/chart.cjs; the UMD build sits beside it.
  const main = createRequire(import.meta.url).resolve('chart.js');
  chartJsSource ??= readFile(join(dirname(main), 'chart.umd.js'), 'utf8').then((s) => s.replace(/<\/script/gi, '<\\/script'));
  return chartJsSource;
}

const STYLES = `
:root { --process: #1f6fb4; --thread: #e8710a; --ink: #1d1d1f; --muted: #5a5a60; --line: #d9d9de; }
* { box-sizing: border-box; }
body { font-family: ${FONT_FAMILY}; color: var(--ink); margin: 0; background: #f6f6f8; line-height: 1.5; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 20px 60px; }
h1 { font-size: 1.8rem; margin: 0 0 4px; }
h2 { font-size: 1.35rem; margin: 40px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 20px 0 6px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 16px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; flex: 1 1 320px; }
.card table td:first-child { color: var(--muted); padding-right: 16px; }
figure { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 16px 0; padding: 12px; }
.chart-box { position: relative; height: 460px; }
.pair .chart-box { height: 380px; }
figcaption { margin-top: 8px; color: #333; }
figcaption a { font-size: 0.9rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.pair figure { margin: 8px 0; }
.missing { color: var(--muted); font-style: italic; padding: 40px 0; text-align: center; }
.table-wrap { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 0.88rem; width: 100%; }
.table-wrap th, .table-wrap td { padding: 4px 8px; border-bottom: 1px solid #ececf0; text-align: left; white-space: nowrap; }
.table-wrap th { background: #f0f0f4; position: sticky; top: 0; }
tr.not-ok td { background: #f4f4f6; color: #55555c; white-space: normal; }
tr.fault td { background: #fdecea; color: #8a1c12; }
tr.flagged td { background: #fff8e1; }
code { font-size: 0.92em; background: #eeeef2; border-radius: 3px; padding: 0 3px; }
.banner { border: 1px solid var(--line); border-left: 6px solid #9e9e9e; background: #fff; border-radius: 6px; padding: 8px 14px; margin: 12px 0; }
.banner.warning { border-left-color: #c62828; background: #fff6f5; }
.banner p { margin: 4px 0; }
.banner ul { margin: 4px 0 4px 20px; padding: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
#verdicts td, #verdicts th { white-space: normal; }
nav ul { columns: 2; }
`;

/** A whole page: `body` is trusted HTML, `charts` are drawn into the canvases it contains. */
export async function htmlDocument(options: { lang: Lang; title: string; body: string; charts: readonly PageChart[] }): Promise<string> {
  const chartJs = await loadChartJs();
  const draw = `
Chart.defaults.font.family = ${JSON.stringify(FONT_FAMILY)};
Chart.defaults.color = '#222222';
${chartPluginsSource()}
for (const { canvasId, config } of JSON.parse(document.getElementById('parlab-charts').textContent)) {
  // The PNG path needs a fixed size; on the page each chart fills its box and follows the screen.
  const opts = Object.assign({}, config.options, { responsive: true, maintainAspectRatio: false });
  delete opts.devicePixelRatio;
  new Chart(document.getElementById(canvasId), Object.assign({}, config, { options: opts }));
}`;
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
${options.body}
</main>
<script>${chartJs}</script>
<script type="application/json" id="parlab-charts">${scriptJson(options.charts)}</script>
<script>${draw}</script>
</body>
</html>
`;
}

// A report as a list of blocks, built once and written twice (HTML page and Markdown), so the two always say the same.

import type { Banner } from './banners.js';
import type { ReportChart } from './charts/report-chart.js';

/** A chart placed in a document: its PNG (relative to the document) and its canvas on the page. */
export interface ChartSlot {
  chart: ReportChart;
  pngHref: string;
  canvasId: string;
}

/** Text in blocks is plain, with `code` written in backticks. */
export type Block =
  | { kind: 'title'; text: string; meta: string }
  | { kind: 'heading'; text: string; id: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'banner'; banner: Banner }
  | { kind: 'cards'; cards: { title: string; rows: [string, string][] }[] }
  | { kind: 'table'; header: string[]; rows: string[][]; id?: string; numeric?: ReadonlySet<number>; rowClasses?: readonly string[] }
  | { kind: 'chart'; slot: ChartSlot }
  /** Two runs' versions of one chart side by side; a missing side says so. */
  | { kind: 'pair'; title: string; slots: [ChartSlot | undefined, ChartSlot | undefined]; missing: string; headers: [string, string] }
  | { kind: 'contents'; title: string; items: [string, string][] }
  | { kind: 'links'; items: [string, string][] };

/** Canvas id of a chart on a page; prefixed so ids from subjects never clash with page ids. */
export function canvasIdOf(chart: ReportChart, prefix = 'chart'): string {
  return `${prefix}-${chart.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

// The measurement tables (medians with their spread) as plain rows, shared by the page and the Markdown.

import { formatNumber, formatValue } from './format.js';
import type { Lang, MessageKey } from './i18n.js';
import { metricName, strategyName, t } from './i18n.js';
import type { ResultPoint, ResultsFile, Suite } from './schema.js';
import { SUITES } from './schema.js';

/** One table per suite present in the results. */
export interface SuiteTable {
  suite: Suite;
  title: string;
  header: string[];
  rows: string[][];
  /** Index of rows that are failed or skipped, so the page can mark them. */
  notOk: Set<number>;
}

function row(lang: Lang, p: ResultPoint): string[] {
  const status = p.status === 'ok' ? t(lang, 'status_ok') : `${t(lang, `status_${p.status}`)}${p.error === undefined ? '' : `: ${p.error}`}`;
  const fmt = (v: number | undefined): string => (v === undefined ? '—' : formatValue(lang, p.metric, v));
  return [
    p.subject,
    p.implementation,
    strategyName(lang, p.strategy),
    String(p.workers),
    metricName(lang, p.metric),
    fmt(p.median),
    p.min === undefined || p.max === undefined ? '—' : `${fmt(p.min)} – ${fmt(p.max)}`,
    p.rme === undefined ? '—' : `± ${formatNumber(lang, p.rme, 2)} %`,
    status,
  ];
}

const HEADER: MessageKey[] = ['colSubject', 'colImplementation', 'colStrategy', 'colWorkers', 'colMetric', 'colMedian', 'colRange', 'colRme', 'colStatus'];

/** Every point of the results, failed ones included, grouped by suite in schema order. */
export function suiteTables(results: ResultsFile, lang: Lang): SuiteTable[] {
  return SUITES.flatMap((suite) => {
    const points = results.points.filter((p) => p.suite === suite);
    if (points.length === 0) return [];
    const notOk = new Set(points.flatMap((p, i) => (p.status === 'ok' ? [] : [i])));
    return [{ suite, title: t(lang, `suite_${suite}`), header: HEADER.map((k) => t(lang, k)), rows: points.map((p) => row(lang, p)), notOk }];
  });
}

// The measurement tables (n, median, interval, precision, flags) as plain rows, shared by the page and the Markdown.

import { formatInteger, formatPrecision, formatRange, formatShare, formatValue } from './format.js';
import type { Lang, MessageKey } from './i18n.js';
import { flagName, metricName, strategyName, t, tCount } from './i18n.js';
import { isDoubtful, isFault } from './point-flags.js';
import { code } from './inline.js';
import { statusText } from './reasons.js';
import type { ResultPoint, ResultsFile, Suite } from './schema.js';
import { SUITES } from './schema.js';
import { subjectLabel } from './subjects.js';

/** One table per suite present in the results. Cells are plain text where `code` is written in backticks. */
export interface SuiteTable {
  suite: Suite;
  title: string;
  header: string[];
  rows: string[][];
  /** How each row should look: not measured, a measurement fault, flagged, or plain. */
  marks: RowMark[];
}

export type RowMark = 'notOk' | 'fault' | 'flagged' | 'plain';

/** Indices of the columns that hold numbers (right-aligned on the page). */
export const NUMERIC_COLUMNS: ReadonlySet<number> = new Set([3, 5, 6, 7, 8, 9]);

const DASH = '—';

function row(results: ResultsFile, lang: Lang, p: ResultPoint): string[] {
  const identity = [subjectLabel(results, p.subject, lang), code(p.implementation), strategyName(lang, p.strategy), formatInteger(lang, p.workers), metricName(lang, p.metric)];
  // A point that was not measured has no figures, whatever fields it carries: a dash, never "0 /s".
  if (p.status !== 'ok') return [...identity, DASH, DASH, DASH, DASH, DASH, DASH, statusText(lang, p)];
  const interval = formatRange(lang, p.metric, p.ciLow, p.ciHigh);
  const outliers = p.outliers.low + p.outliers.high;
  return [
    ...identity,
    formatInteger(lang, p.n),
    formatValue(lang, p.metric, p.median),
    p.ciLevel < 0.95 ? t(lang, 'intervalLevel', { interval, level: formatShare(lang, p.ciLevel) }) : interval,
    formatPrecision(lang, p.rme),
    p.outliers.severe > 0 ? `${formatInteger(lang, outliers)} (${tCount(lang, 'severeCount', p.outliers.severe)})` : formatInteger(lang, outliers),
    p.flags.length === 0 ? DASH : p.flags.map((f) => flagName(lang, f)).join(', '),
    statusText(lang, p),
  ];
}

const HEADER: MessageKey[] = ['colSubject', 'colImplementation', 'colStrategy', 'colWorkers', 'colMetric', 'colN', 'colMedian', 'colInterval', 'colPrecision', 'colOutliers', 'colFlags', 'colStatus'];

function markOf(p: ResultPoint): RowMark {
  if (p.status !== 'ok') return 'notOk';
  if (isFault(p)) return 'fault';
  return isDoubtful(p) ? 'flagged' : 'plain';
}

/** Every point of the results, failed ones included, grouped by suite in schema order. */
export function suiteTables(results: ResultsFile, lang: Lang): SuiteTable[] {
  return SUITES.flatMap((suite) => {
    const points = results.points.filter((p) => p.suite === suite);
    if (points.length === 0) return [];
    return [{ suite, title: t(lang, `suite_${suite}`), header: HEADER.map((k) => t(lang, k)), rows: points.map((p) => row(results, lang, p)), marks: points.map(markOf) }];
  });
}

// The overview table: per workload the serial time, each strategy's best speedup, their ratio and the verdict, all from verdicts.ts.

import { formatRange, formatRatioInterval, formatValue } from './format.js';
import type { Lang } from './i18n.js';
import { t, tCount } from './i18n.js';
import type { OkPoint, ResultsFile } from './schema.js';
import { subjectLabel } from './subjects.js';
import { winnerText } from './verdict-text.js';
import { workloadVerdicts } from './verdicts.js';

/** Header and rows; cells write code in backticks. */
export interface OverviewTable {
  header: string[];
  rows: string[][];
}

const DASH = '—';

function best(lang: Lang, p: OkPoint | undefined): string {
  if (p === undefined) return DASH;
  const value = formatRatioInterval(lang, { median: p.median, low: p.ciLow, high: p.ciHigh });
  return t(lang, 'atWorkers', { value, workers: tCount(lang, 'workersCount', p.workers) });
}

/** One row per workload with speedups, or none. */
export function overviewTable(results: ResultsFile, lang: Lang): OverviewTable | undefined {
  const verdicts = workloadVerdicts(results).filter((v) => v.best.process !== undefined || v.best.thread !== undefined);
  if (verdicts.length === 0) return undefined;
  const header = ['colWorkload', 'colSerial', 'colBestProcess', 'colBestThread', 'colThreadOverProcess', 'colVerdict'] as const;
  return {
    header: header.map((key) => t(lang, key)),
    rows: verdicts.map((v) => [
      subjectLabel(results, v.subject, lang),
      v.serial === undefined ? DASH : `${formatValue(lang, 'wall_ms', v.serial.median)} [${formatRange(lang, 'wall_ms', v.serial.ciLow, v.serial.ciHigh)}]`,
      best(lang, v.best.process),
      best(lang, v.best.thread),
      v.threadOverProcess === undefined ? DASH : formatRatioInterval(lang, v.threadOverProcess),
      winnerText(lang, v),
    ]),
  };
}

// Pairs the points two runs share and gives each change B / A with its interval, significant or within noise ("~").

import { ratioOfMedians, verdictOf } from '@parlab/bench-kit';
import { formatInteger, formatRange, formatRatioInterval, formatValue } from './format.js';
import type { Lang } from './i18n.js';
import { metricName, strategyName, t } from './i18n.js';
import { code } from './inline.js';
import { pointKey } from './results-query.js';
import type { OkPoint, PointIdentity, ResultsFile } from './schema.js';

/** One point measured in both runs. */
export interface PointRatio {
  identity: PointIdentity;
  medianA: number;
  medianB: number;
  /** medianB / medianA. */
  ratio: number;
  /** The change's 95 % interval. */
  low: number;
  high: number;
  /**
   * `bootstrap`: a seeded bootstrap of the two runs' samples (times, throughputs). `intervals`: for a
   * ratio point (a speedup), the two runs' own intervals divided end by end, so it excludes 1 exactly
   * when the intervals do not overlap.
   */
  method: 'bootstrap' | 'intervals';
  /** The interval excludes 1. */
  significant: boolean;
  /** Judged by the metric's `better` direction; `same` when not significant. */
  verdict: 'better' | 'worse' | 'same';
}

function change(a: OkPoint, b: OkPoint): Pick<PointRatio, 'ratio' | 'low' | 'high' | 'method'> {
  if (a.unit === 'x') {
    return { ratio: b.median / a.median, low: b.ciLow / a.ciHigh, high: b.ciHigh / a.ciLow, method: 'intervals' };
  }
  const estimate = ratioOfMedians(b.samples, a.samples);
  return { ratio: estimate.median, low: estimate.low, high: estimate.high, method: 'bootstrap' };
}

/** Points that are ok in both runs, in run A's order. Failed points have no median to compare. */
export function matchRatios(a: ResultsFile, b: ResultsFile): PointRatio[] {
  const inB = new Map<string, OkPoint>();
  for (const p of b.points) if (p.status === 'ok') inB.set(pointKey(p), p);
  return a.points.flatMap((pa): PointRatio[] => {
    const pb = inB.get(pointKey(pa));
    if (pa.status !== 'ok' || pb === undefined || pa.median <= 0 || pa.ciLow <= 0) return [];
    const c = change(pa, pb);
    const verdict = verdictOf(c);
    const significant = verdict !== 'tie';
    const improved = pa.better === 'lower' ? verdict === 'below' : verdict === 'above';
    const { suite, subject, implementation, strategy, workers, metric } = pa;
    return [{ identity: { suite, subject, implementation, strategy, workers, metric }, medianA: pa.median, medianB: pb.median, ...c, significant, verdict: !significant ? 'same' : improved ? 'better' : 'worse' }];
  });
}

/** The ratios as a header and text rows (code in backticks), for the page and the Markdown. */
export function ratioTable(ratios: readonly PointRatio[], a: ResultsFile, b: ResultsFile, lang: Lang): { header: string[]; rows: string[][] } {
  const header = [
    t(lang, 'colSuite'), t(lang, 'colSubject'), t(lang, 'colImplementation'), t(lang, 'colStrategy'), t(lang, 'colWorkers'), t(lang, 'colMetric'),
    `${t(lang, 'runA')}: ${t(lang, 'colMedian').toLowerCase()} [${t(lang, 'colInterval').toLowerCase()}]`,
    `${t(lang, 'runB')}: ${t(lang, 'colMedian').toLowerCase()} [${t(lang, 'colInterval').toLowerCase()}]`,
    t(lang, 'colChange'), t(lang, 'colChangeVerdict'),
  ];
  const verdicts = { better: t(lang, 'verdictBetter'), worse: t(lang, 'verdictWorse'), same: t(lang, 'verdictSame') };
  const pointIn = (results: ResultsFile, key: string): OkPoint | undefined => results.points.find((p): p is OkPoint => p.status === 'ok' && pointKey(p) === key);
  const cell = (p: OkPoint | undefined): string => (p === undefined ? '—' : `${formatValue(lang, p.metric, p.median)} [${formatRange(lang, p.metric, p.ciLow, p.ciHigh)}]`);
  const rows = ratios.map((r) => {
    const id = r.identity;
    const key = pointKey(id);
    return [
      t(lang, `suite_${id.suite}`), code(id.subject), code(id.implementation), strategyName(lang, id.strategy), formatInteger(lang, id.workers),
      metricName(lang, id.metric), cell(pointIn(a, key)), cell(pointIn(b, key)),
      formatRatioInterval(lang, { median: r.ratio, low: r.low, high: r.high }), verdicts[r.verdict],
    ];
  });
  return { header, rows };
}

// Pairs the points two runs share and divides B's median by A's, saying whether B got better.

import { formatNumber, formatValue } from './format.js';
import type { Lang } from './i18n.js';
import { metricName, strategyName, t } from './i18n.js';
import type { OkPoint, PointIdentity, ResultsFile } from './schema.js';

/** Below this relative change two medians count as the same. */
export const SAME_WITHIN = 0.02;

/** One point measured in both runs. */
export interface PointRatio {
  identity: PointIdentity;
  medianA: number;
  medianB: number;
  /** medianB / medianA. */
  ratio: number;
  /** Judged by the metric's `better` direction. */
  verdict: 'better' | 'worse' | 'same';
}

function keyOf(p: PointIdentity): string {
  return [p.suite, p.subject, p.implementation, p.strategy, p.workers, p.metric].join('\u0000');
}

/** Points that are ok in both runs, in run A's order. Failed points have no median to compare. */
export function matchRatios(a: ResultsFile, b: ResultsFile): PointRatio[] {
  const inB = new Map<string, OkPoint>();
  for (const p of b.points) if (p.status === 'ok') inB.set(keyOf(p), p);
  return a.points.flatMap((pa): PointRatio[] => {
    const pb = inB.get(keyOf(pa));
    if (pa.status !== 'ok' || pb === undefined || pa.median === 0) return [];
    const ratio = pb.median / pa.median;
    const improved = pa.better === 'lower' ? ratio < 1 : ratio > 1;
    const verdict = Math.abs(ratio - 1) < SAME_WITHIN ? 'same' : improved ? 'better' : 'worse';
    const { suite, subject, implementation, strategy, workers, metric } = pa;
    return [{ identity: { suite, subject, implementation, strategy, workers, metric }, medianA: pa.median, medianB: pb.median, ratio, verdict }];
  });
}

/** The ratios as a header and text rows, for the page and the Markdown. */
export function ratioTable(ratios: readonly PointRatio[], lang: Lang): { header: string[]; rows: string[][] } {
  const header = [
    t(lang, 'colSuite'), t(lang, 'colSubject'), t(lang, 'colImplementation'), t(lang, 'colStrategy'), t(lang, 'colWorkers'),
    t(lang, 'colMetric'), `${t(lang, 'colMedian')} A`, `${t(lang, 'colMedian')} B`, t(lang, 'colRatio'), t(lang, 'colVerdict'),
  ];
  const verdicts = { better: t(lang, 'verdictBetter'), worse: t(lang, 'verdictWorse'), same: t(lang, 'verdictSame') };
  const rows = ratios.map((r) => {
    const id = r.identity;
    return [
      t(lang, `suite_${id.suite}`), id.subject, id.implementation, strategyName(lang, id.strategy), String(id.workers),
      metricName(lang, id.metric), formatValue(lang, id.metric, r.medianA), formatValue(lang, id.metric, r.medianB),
      `${formatNumber(lang, r.ratio)}×`, verdicts[r.verdict],
    ];
  });
  return { header, rows };
}

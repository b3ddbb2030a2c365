// Costs: latency and throughput of queue, pipe, barrier, manager…, one chart per metric measured.

import type { Lang } from '../i18n.js';
import { metricName, t } from '../i18n.js';
import { distinct, okPoints } from '../results-query.js';
import type { ResultsFile } from '../schema.js';
import type { ReportChart } from './report-chart.js';
import { strategyBars } from './strategy-bars.js';

/** Metrics drawn by their own charts (spawn, memory). */
const ELSEWHERE = new Set(['spawn_ms', 'rss_bytes']);

/** Subjects are grouped generically by metric, so a new primitive scenario needs no code here. */
export function messagingCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const points = okPoints(results, { suite: 'primitives' }).filter((p) => !ELSEWHERE.has(p.metric));
  return distinct(points.map((p) => p.metric)).flatMap((metric) => {
    const ofMetric = points.filter((p) => p.metric === metric);
    const lowerIsBetter = ofMetric[0]?.better === 'lower';
    return strategyBars(results, lang, {
      id: `cost-${metric.replaceAll('_', '-')}`,
      section: 'costs',
      title: t(lang, 'costTitle', { metric: metricName(lang, metric) }),
      explanation: t(lang, lowerIsBetter ? 'latencyExplain' : 'throughputExplain'),
      points: ofMetric,
    });
  });
}

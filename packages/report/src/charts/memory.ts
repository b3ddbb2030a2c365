// Costs: memory each worker adds, per strategy.

import type { Lang } from '../i18n.js';
import { metricName, t } from '../i18n.js';
import { okPoints } from '../results-query.js';
import type { ResultsFile } from '../schema.js';
import type { ReportChart } from './report-chart.js';
import { strategyBars } from './strategy-bars.js';

/** The memory chart, or none when the primitives suite measured no rss_bytes. */
export function memoryCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  return strategyBars(results, lang, {
    id: 'cost-memory',
    section: 'costs',
    title: t(lang, 'costTitle', { metric: metricName(lang, 'rss_bytes') }),
    explanation: t(lang, 'memoryExplain'),
    points: okPoints(results, { suite: 'primitives', metric: 'rss_bytes' }),
  });
}

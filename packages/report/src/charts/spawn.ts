// Costs: time to start a worker, per strategy.

import type { Lang } from '../i18n.js';
import { metricName, t } from '../i18n.js';
import { okPoints } from '../results-query.js';
import type { ResultsFile } from '../schema.js';
import type { ReportChart } from './report-chart.js';
import { strategyBars } from './strategy-bars.js';

/** The spawn-time chart, or none when the primitives suite measured no spawn_ms. */
export function spawnCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  return strategyBars(results, lang, {
    id: 'cost-spawn',
    section: 'costs',
    title: t(lang, 'costTitle', { metric: metricName(lang, 'spawn_ms') }),
    explanation: t(lang, 'spawnExplain'),
    points: okPoints(results, { suite: 'primitives', metric: 'spawn_ms' }),
  });
}

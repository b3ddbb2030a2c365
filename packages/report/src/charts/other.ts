// Measured points no other chart draws (a new suite's metric, Python's wall times…), as strategy bars, so none goes unseen.

import type { Lang } from '../i18n.js';
import { metricName, t } from '../i18n.js';
import { distinct, pointKey } from '../results-query.js';
import type { OkPoint, ResultsFile } from '../schema.js';
import type { ReportChart } from './report-chart.js';
import { strategyBars } from './strategy-bars.js';

/** One chart per suite and metric among the ok points whose keys are not in `drawn`. */
export function otherCharts(results: ResultsFile, lang: Lang, drawn: ReadonlySet<string>): ReportChart[] {
  const left = results.points.filter((p): p is OkPoint => p.status === 'ok' && !drawn.has(pointKey(p)));
  return distinct(left.map((p) => `${p.suite}/${p.metric}`)).flatMap((group) => {
    const points = left.filter((p) => `${p.suite}/${p.metric}` === group);
    const { suite, metric, better } = points[0] as OkPoint;
    return strategyBars(results, lang, {
      id: `other-${suite}-${metric.replaceAll('_', '-')}`,
      section: 'other',
      title: t(lang, 'otherTitle', { suite: t(lang, `suite_${suite}`), metric: metricName(lang, metric) }),
      explanation: t(lang, 'otherExplain', { better: t(lang, better === 'higher' ? 'betterHigher' : 'betterLower') }),
      points,
    });
  });
}

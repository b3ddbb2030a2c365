// Peers: pool throughput of parlab (both strategies) beside other pool libraries, per scenario.

import type { ChartDataset } from 'chart.js';
import { displayUnit, toDisplay } from '../format.js';
import type { Lang } from '../i18n.js';
import { metricName, strategyName, t } from '../i18n.js';
import type { BarPoint } from '../plugins/error-bars.js';
import { distinct, okPoints, workerCounts } from '../results-query.js';
import type { OkPoint, ResultsFile } from '../schema.js';
import { implementationColour } from '../style.js';
import { baseOptions, needsLogScale, valueAxis } from './chart-options.js';
import type { ReportChart } from './report-chart.js';

/** parlab runs under two strategies, so its bars say which; other libraries have one way to run. */
function categoryOf(point: OkPoint, lang: Lang): string {
  return point.implementation === 'parlab'
    ? `parlab (${strategyName(lang, point.strategy).toLowerCase()})`
    : point.implementation;
}

/** One chart per peers subject and metric. */
export function peersCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const all = okPoints(results, { suite: 'peers' });
  const groups = distinct(all.map((p) => `${p.subject}\u0000${p.metric}`));
  return groups.map((group): ReportChart => {
    const points = all.filter((p) => `${p.subject}\u0000${p.metric}` === group);
    const { subject, metric } = points[0] as OkPoint;
    const categories = distinct(points.map((p) => categoryOf(p, lang)));
    const colours = categories.map((c) => {
      const p = points.find((q) => categoryOf(q, lang) === c) as OkPoint;
      return implementationColour(p.implementation, p.strategy);
    });
    const counts = workerCounts(points);
    const datasets: ChartDataset<'bar', BarPoint[]>[] = counts.map((workers, i) => ({
      label: t(lang, 'workersSeries', { n: workers }),
      data: categories.map((c) => {
        const p = points.find((q) => q.workers === workers && categoryOf(q, lang) === c);
        if (p === undefined) return { x: c, y: null };
        return { x: c, y: toDisplay(metric, p.median), yMin: toDisplay(metric, p.min), yMax: toDisplay(metric, p.max) };
      }),
      // Colour says which library; when several worker counts share a chart, paler means fewer workers.
      backgroundColor: colours.map((c) => `${c}${i === counts.length - 1 ? 'ff' : '88'}`),
      borderColor: '#333333',
      borderWidth: 1,
    }));
    const values = points.flatMap((p) => [toDisplay(metric, p.min), toDisplay(metric, p.max)]);
    const title = t(lang, 'peersTitle', { subject });
    const explanation = t(lang, 'peersExplain', { metric: metricName(lang, metric) });
    const options = baseOptions(title);
    return {
      id: `peers-${subject}-${metric.replaceAll('_', '-')}`,
      section: 'peers',
      title,
      explanation: needsLogScale(values) ? `${explanation} ${t(lang, 'logScaleNote')}` : explanation,
      config: {
        type: 'bar',
        data: { labels: categories, datasets },
        options: {
          ...options,
          plugins: { ...options.plugins, legend: { display: counts.length > 1, position: 'bottom' } },
          scales: { y: valueAxis(lang, `${metricName(lang, metric)} (${displayUnit(metric)})`, values) },
        },
      },
    };
  });
}

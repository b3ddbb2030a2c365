// Peers: parlab beside other pool libraries, per scenario and metric, one bar per library and strategy.

import type { ChartDataset } from 'chart.js';
import { displayUnit, toDisplay } from '../format.js';
import type { Lang } from '../i18n.js';
import { metricName, strategyName, t, tCount } from '../i18n.js';
import type { BarPoint } from '../plugins/error-bars.js';
import { distinct, okPoints, pointKey, workerCounts } from '../results-query.js';
import type { OkPoint, ResultsFile } from '../schema.js';
import { implementationColour, withAlpha } from '../style.js';
import { subjectTitle } from '../subjects.js';
import { baseOptions, needsLogScale, referenceLines, valueAxis } from './chart-options.js';
import { barMark, marksCaption } from './marks.js';
import type { ReportChart } from './report-chart.js';

/** Every library is named with its strategy, so a library measured both ways gets two bars, never one merged bar. */
function categoryOf(point: OkPoint, lang: Lang): string {
  return `${point.implementation} (${strategyName(lang, point.strategy).toLowerCase()})`;
}

/** One chart per peers subject and metric. */
export function peersCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const all = okPoints(results, { suite: 'peers' });
  const groups = distinct(all.map((p) => `${p.subject}\u0000${p.metric}`));
  return groups.map((group): ReportChart => {
    const points = all.filter((p) => `${p.subject}\u0000${p.metric}` === group);
    const { subject, metric, better } = points[0] as OkPoint;
    // A library's bars stand together: implementations in run order, each with its strategies.
    const byLibrary = distinct(points.map((p) => p.implementation)).flatMap((impl) => points.filter((p) => p.implementation === impl));
    const categories = distinct(byLibrary.map((p) => categoryOf(p, lang)));
    const colours = categories.map((c) => {
      const p = points.find((q) => categoryOf(q, lang) === c) as OkPoint;
      return implementationColour(p.implementation, p.strategy);
    });
    const counts = workerCounts(points);
    const datasets: ChartDataset<'bar', BarPoint[]>[] = counts.map((workers, i) => {
      const row = categories.map((c) => points.find((q) => q.workers === workers && categoryOf(q, lang) === c));
      // Colour says which library; when several worker counts share a chart, paler means fewer workers.
      const shade = i === counts.length - 1 ? colours : colours.map((c) => withAlpha(c, 0.55));
      return {
        label: tCount(lang, 'workersCount', workers),
        data: row.map((p, j): BarPoint => {
          const x = categories[j] as string;
          if (p === undefined) return { x, y: null };
          return { x, y: toDisplay(metric, p.median), yMin: toDisplay(metric, p.ciLow), yMax: toDisplay(metric, p.ciHigh), key: pointKey(p), ...barMark(p) };
        }),
        backgroundColor: shade,
        borderColor: '#333333',
        borderWidth: 1,
      };
    });
    const values = points.flatMap((p) => [toDisplay(metric, p.ciLow), toDisplay(metric, p.ciHigh)]);
    const isSpeedup = metric === 'speedup';
    const ceiling = Math.max(...points.map((p) => p.ceiling ?? Math.min(p.workers, results.machine.availableCores)));
    // With one worker count the bars need no legend: the count goes in the title and the ceiling is named on the plot.
    const oneCount = counts.length === 1;
    const ceilingLine = referenceLines(isSpeedup ? [{ y: ceiling, label: t(lang, 'ceilingLine', { cores: tCount(lang, 'coresCount', ceiling) }) }] : [], oneCount ? 'plot' : 'legend');
    const title = t(lang, oneCount ? 'peersTitleAt' : 'peersTitle', { subject: subjectTitle(results, subject, lang), metric: metricName(lang, metric), workers: tCount(lang, 'workersCount', counts[0] ?? 1) });
    const parlabStrategies = distinct(points.filter((p) => p.implementation === 'parlab').map((p) => p.strategy));
    const explanation = [
      t(lang, 'peersExplain', { better: t(lang, better === 'higher' ? 'betterHigher' : 'betterLower') }),
      parlabStrategies.length > 1 ? t(lang, 'peersParlabTwice') : '',
      counts.length > 1 ? t(lang, 'peersWorkersNote') : '',
      isSpeedup ? t(lang, 'ceilingNote', { cores: tCount(lang, 'coresCount', ceiling) }) : '',
      t(lang, 'whiskersNote'),
      needsLogScale(values) ? t(lang, 'logScaleNote') : '',
      marksCaption(lang, points),
    ];
    const options = baseOptions(lang, title);
    return {
      id: `peers-${subject}-${metric.replaceAll('_', '-')}`,
      section: 'peers',
      title,
      explanation: explanation.filter((s) => s !== '').join(' '),
      config: {
        type: 'bar',
        data: { labels: categories, datasets: [...datasets, ...ceilingLine.legend] },
        options: {
          ...options,
          plugins: {
            ...options.plugins,
            legend: { display: !oneCount, position: 'bottom' },
            ...ceilingLine.plugins,
          },
          scales: { y: valueAxis(lang, `${metricName(lang, metric)} (${displayUnit(metric)})`, isSpeedup ? [...values, ceiling] : values) },
        },
      },
    };
  });
}

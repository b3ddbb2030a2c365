// Builds the grouped "one bar per strategy" chart the cost charts share, for any subject and metric.

import type { ChartDataset } from 'chart.js';
import { displayUnit, toDisplay } from '../format.js';
import type { Lang } from '../i18n.js';
import { metricName, strategyName, t } from '../i18n.js';
import type { BarPoint } from '../plugins/error-bars.js';
import { distinct } from '../results-query.js';
import type { OkPoint } from '../schema.js';
import { STRATEGY_COLOURS } from '../style.js';
import { baseOptions, needsLogScale, valueAxis } from './chart-options.js';
import type { ReportChart, SectionId } from './report-chart.js';

/** What varies between the charts built here. */
export interface StrategyBarsSpec {
  id: string;
  section: SectionId;
  title: string;
  explanation: string;
  /** Points of one metric; failed points must already be left out. */
  points: readonly OkPoint[];
}

/** Category of a point: its subject, plus the worker count when a subject was measured at several. */
function categoryOf(point: OkPoint, multiWorker: ReadonlySet<string>, lang: Lang): string {
  return multiWorker.has(point.subject) ? `${point.subject} (${t(lang, 'workersSeries', { n: point.workers })})` : point.subject;
}

/** Grouped bars with min–max whiskers: subjects along x, one bar per strategy. */
export function strategyBars(lang: Lang, spec: StrategyBarsSpec): ReportChart[] {
  const first = spec.points[0];
  if (first === undefined) return [];
  const metric = first.metric;
  const multiWorker = new Set(
    distinct(spec.points.map((p) => p.subject)).filter(
      (s) => distinct(spec.points.filter((p) => p.subject === s).map((p) => p.workers)).length > 1,
    ),
  );
  const labels = distinct(spec.points.map((p) => categoryOf(p, multiWorker, lang)));
  const strategies = distinct(spec.points.map((p) => p.strategy));
  const datasets: ChartDataset<'bar', BarPoint[]>[] = strategies.map((strategy) => ({
    label: strategyName(lang, strategy),
    data: labels.map((label) => {
      const p = spec.points.find((q) => q.strategy === strategy && categoryOf(q, multiWorker, lang) === label);
      if (p === undefined) return { x: label, y: null };
      return { x: label, y: toDisplay(metric, p.median), yMin: toDisplay(metric, p.min), yMax: toDisplay(metric, p.max) };
    }),
    backgroundColor: STRATEGY_COLOURS[strategy],
    borderColor: STRATEGY_COLOURS[strategy],
  }));
  const values = spec.points.flatMap((p) => [toDisplay(metric, p.min), toDisplay(metric, p.max)]);
  const axisLabel = `${metricName(lang, metric)} (${displayUnit(metric)})`;
  const explanation = needsLogScale(values) ? `${spec.explanation} ${t(lang, 'logScaleNote')}` : spec.explanation;
  return [
    {
      id: spec.id,
      section: spec.section,
      title: spec.title,
      explanation,
      config: {
        type: 'bar',
        data: { labels, datasets },
        options: { ...baseOptions(spec.title), scales: { y: valueAxis(lang, axisLabel, values) } },
      },
    },
  ];
}

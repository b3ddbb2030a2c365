// Builds the grouped "one bar per strategy" chart the cost charts share, for any subject and metric.

import type { ChartDataset } from 'chart.js';
import { displayUnit, toDisplay } from '../format.js';
import type { Lang } from '../i18n.js';
import { metricName, strategyName, t, tCount } from '../i18n.js';
import type { BarPoint } from '../plugins/error-bars.js';
import { distinct, pointKey } from '../results-query.js';
import type { OkPoint, ResultsFile } from '../schema.js';
import { STRATEGY_COLOURS } from '../style.js';
import { subjectTitle } from '../subjects.js';
import { baseOptions, needsLogScale, valueAxis } from './chart-options.js';
import { barMark, marksCaption } from './marks.js';
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

/**
 * Category of a point: its subject, plus the implementation when the chart holds several and the
 * worker count when the subject was measured at several, so that no two points share a bar.
 */
function categorizer(results: ResultsFile, points: readonly OkPoint[], lang: Lang): (p: OkPoint) => string {
  const manyImplementations = distinct(points.map((p) => p.implementation)).length > 1;
  const multiWorker = new Set(
    distinct(points.map((p) => p.subject)).filter((s) => distinct(points.filter((p) => p.subject === s).map((p) => p.workers)).length > 1),
  );
  return (p) => {
    const parts = [subjectTitle(results, p.subject, lang)];
    if (manyImplementations) parts.push(p.implementation);
    if (multiWorker.has(p.subject)) parts.push(tCount(lang, 'workersCount', p.workers));
    return parts.length === 1 ? parts[0] as string : `${parts[0] as string} (${parts.slice(1).join(', ')})`;
  };
}

/** Grouped bars with interval whiskers: subjects along x, one bar per strategy. */
export function strategyBars(results: ResultsFile, lang: Lang, spec: StrategyBarsSpec): ReportChart[] {
  const first = spec.points[0];
  if (first === undefined) return [];
  const metric = first.metric;
  const categoryOf = categorizer(results, spec.points, lang);
  const labels = distinct(spec.points.map(categoryOf));
  const strategies = distinct(spec.points.map((p) => p.strategy));
  const datasets: ChartDataset<'bar', BarPoint[]>[] = strategies.map((strategy) => {
    const points = labels.map((label) => spec.points.find((q) => q.strategy === strategy && categoryOf(q) === label));
    return {
      label: strategyName(lang, strategy),
      data: points.map((p, i): BarPoint => {
        const x = labels[i] as string;
        if (p === undefined) return { x, y: null };
        return { x, y: toDisplay(metric, p.median), yMin: toDisplay(metric, p.ciLow), yMax: toDisplay(metric, p.ciHigh), key: pointKey(p), ...barMark(p) };
      }),
      backgroundColor: STRATEGY_COLOURS[strategy],
      borderColor: STRATEGY_COLOURS[strategy],
      // A category a strategy was not measured in gets no empty slot: its bars close up.
      skipNull: true,
    };
  });
  const values = spec.points.flatMap((p) => [toDisplay(metric, p.ciLow), toDisplay(metric, p.ciHigh)]);
  const axisLabel = `${metricName(lang, metric)} (${displayUnit(metric)})`;
  const explanation = [spec.explanation, t(lang, 'whiskersNote'), needsLogScale(values) ? t(lang, 'logScaleNote') : '', marksCaption(lang, spec.points)];
  return [
    {
      id: spec.id,
      section: spec.section,
      title: spec.title,
      explanation: explanation.filter((s) => s !== '').join(' '),
      config: {
        type: 'bar',
        data: { labels, datasets },
        options: { ...baseOptions(lang, spec.title), scales: { y: valueAxis(lang, axisLabel, values) } },
      },
    },
  ];
}

// Overview: the best speedup each strategy reached on each workload, with its interval, labelled with the workload's verdict.

import type { ChartDataset } from 'chart.js';
import type { Lang } from '../i18n.js';
import { strategyName, t, tCount } from '../i18n.js';
import type { BarPoint } from '../plugins/error-bars.js';
import { okPoints, pointKey } from '../results-query.js';
import type { OkPoint, ResultsFile } from '../schema.js';
import { STRATEGY_COLOURS, variantColour } from '../style.js';
import { subjectTitle, variantImplementations, variantTitle } from '../subjects.js';
import { winnerText } from '../verdict-text.js';
import { workloadVerdicts } from '../verdicts.js';
import { baseOptions, referenceLines, wrappedLabel } from './chart-options.js';
import { barMark, marksCaption } from './marks.js';
import type { ReportChart } from './report-chart.js';

/** One grouped-bar chart, or none when no workload has parallel measurements. */
export function bestSpeedupCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const verdicts = workloadVerdicts(results).filter((v) => v.best.process !== undefined || v.best.thread !== undefined);
  if (verdicts.length === 0) return [];
  const cores = results.machine.availableCores;
  const drawn: OkPoint[] = [];
  const datasets: ChartDataset<'bar', BarPoint[]>[] = (['process', 'thread'] as const)
    .map((strategy) => {
      const best = verdicts.map((v) => v.best[strategy]);
      drawn.push(...best.filter((p): p is OkPoint => p !== undefined));
      return {
        label: strategyName(lang, strategy),
        // Labels are two lines (arrays), which chart.js cannot match by value: place each bar by its index.
        data: best.map((p, i): BarPoint => (p === undefined ? { x: i, y: null } : { x: i, y: p.median, yMin: p.ciLow, yMax: p.ciHigh, key: pointKey(p), ...barMark(p) })),
        backgroundColor: STRATEGY_COLOURS[strategy],
        borderColor: STRATEGY_COLOURS[strategy],
      };
    })
    .filter((d) => d.data.some((v) => v.y !== null));
  // Each workload variant (e.g. processes with shared memory) gets its bars too: its best speedup, where it was measured.
  const variantNames = [...new Set(verdicts.flatMap((v) => variantImplementations(results, v.subject)))];
  for (const implementation of variantNames) {
    const best = verdicts.map((v) =>
      okPoints(results, { suite: 'workloads', subject: v.subject, implementation, metric: 'speedup' }).reduce<OkPoint | undefined>((top, p) => (top === undefined || p.median > top.median ? p : top), undefined),
    );
    drawn.push(...best.filter((p): p is OkPoint => p !== undefined));
    const subjectWithIt = verdicts.find((v) => variantImplementations(results, v.subject).includes(implementation))?.subject ?? '';
    datasets.push({
      label: variantTitle(results, subjectWithIt, implementation, lang),
      data: best.map((p, i): BarPoint => (p === undefined ? { x: i, y: null } : { x: i, y: p.median, yMin: p.ciLow, yMax: p.ciHigh, key: pointKey(p), ...barMark(p) })),
      backgroundColor: variantColour(implementation),
      borderColor: variantColour(implementation),
    });
  }
  const ceiling = referenceLines([{ y: cores, label: t(lang, 'ceilingLine', { cores: tCount(lang, 'coresCount', cores) }) }]);
  const title = t(lang, 'bestSpeedupTitle');
  const options = baseOptions(lang, title);
  const labels = verdicts.map((v) => wrappedLabel([subjectTitle(results, v.subject, lang), winnerText(lang, v)], verdicts.length));
  const explanation = [t(lang, 'bestSpeedupExplain', { cores: tCount(lang, 'coresCount', cores) }), t(lang, 'whiskersNote'), marksCaption(lang, drawn)];
  return [
    {
      id: 'best-speedup',
      section: 'overview',
      title,
      explanation: explanation.filter((s) => s !== '').join(' '),
      config: {
        type: 'bar',
        data: { labels, datasets: [...datasets, ...ceiling.legend] },
        options: {
          ...options,
          plugins: { ...options.plugins, ...ceiling.plugins },
          scales: {
            x: { type: 'category', ticks: { autoSkip: false, maxRotation: 0, font: { size: 11 } } },
            y: { type: 'linear', beginAtZero: true, grace: '6%', title: { display: true, text: t(lang, 'axisSpeedup'), font: { size: 14 } } },
          },
        },
      },
    },
  ];
}

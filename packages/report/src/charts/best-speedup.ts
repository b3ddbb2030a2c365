// Overview: the best speedup each strategy reached on each workload, as grouped bars.

import type { Lang } from '../i18n.js';
import { strategyName, t } from '../i18n.js';
import { speedupSeries, workloadSubjects } from '../results-query.js';
import type { ResultsFile } from '../schema.js';
import { STRATEGY_COLOURS } from '../style.js';
import { baseOptions } from './chart-options.js';
import type { ReportChart } from './report-chart.js';

/** One grouped-bar chart, or none when no workload has parallel measurements. */
export function bestSpeedupCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const subjects = workloadSubjects(results);
  const best = (subject: string, strategy: 'process' | 'thread'): number | null => {
    const samples = speedupSeries(results, { suite: 'workloads', subject, implementation: 'parlab', strategy });
    return samples.length === 0 ? null : Math.max(...samples.map((s) => s.speedup));
  };
  const datasets = (['process', 'thread'] as const)
    .map((strategy) => ({
      label: strategyName(lang, strategy),
      data: subjects.map((subject) => best(subject, strategy)),
      backgroundColor: STRATEGY_COLOURS[strategy],
      borderColor: STRATEGY_COLOURS[strategy],
    }))
    .filter((d) => d.data.some((v) => v !== null));
  if (datasets.length === 0) return [];
  const title = t(lang, 'bestSpeedupTitle');
  return [
    {
      id: 'best-speedup',
      section: 'overview',
      title,
      explanation: t(lang, 'bestSpeedupExplain'),
      config: {
        type: 'bar',
        data: { labels: subjects, datasets },
        options: {
          ...baseOptions(title),
          scales: { y: { type: 'linear', beginAtZero: true, title: { display: true, text: t(lang, 'axisSpeedup'), font: { size: 14 } } } },
        },
      },
    },
  ];
}

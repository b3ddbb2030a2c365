// Python: speedup of Python processes and threads beside Node processes and threads — the GIL made visible.

import type { ChartDataset } from 'chart.js';
import type { Lang } from '../i18n.js';
import { strategyName, t } from '../i18n.js';
import type { SeriesKey } from '../results-query.js';
import { distinct, okPoints, speedupSeries } from '../results-query.js';
import type { ResultsFile } from '../schema.js';
import { STRATEGY_COLOURS, withAlpha } from '../style.js';
import { speedupOptions } from './chart-options.js';
import type { ReportChart } from './report-chart.js';
import { idealDataset } from './speedup.js';

interface Series {
  label: string;
  key: SeriesKey;
  /** Python is dashed with triangles, Node solid with circles; colour keeps the strategy. */
  python: boolean;
}

/** One chart per workload the python suite measured. */
export function pythonCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const subjects = distinct(okPoints(results, { suite: 'python', implementation: 'python' }).map((p) => p.subject));
  return subjects.flatMap((subject): ReportChart[] => {
    const series: Series[] = (['process', 'thread'] as const).flatMap((strategy) => {
      const name = strategyName(lang, strategy);
      return [
        { label: t(lang, 'pythonSeries', { strategy: name }), python: true, key: { suite: 'python', subject, implementation: 'python', strategy } },
        { label: t(lang, 'nodeSeries', { strategy: name }), python: false, key: { suite: 'workloads', subject, implementation: 'parlab', strategy } },
      ];
    });
    const datasets: ChartDataset<'line'>[] = [];
    let maxWorkers = 1;
    for (const s of series) {
      const samples = speedupSeries(results, s.key);
      if (samples.length === 0) continue;
      maxWorkers = Math.max(maxWorkers, ...samples.map((x) => x.workers));
      const colour = STRATEGY_COLOURS[s.key.strategy];
      datasets.push({
        label: s.label,
        data: samples.map((x) => ({ x: x.workers, y: x.speedup })),
        borderColor: colour,
        // A pale fill keeps the legend swatch readable as a dashed line; markers stay solid.
        backgroundColor: s.python ? withAlpha(colour, 0.2) : colour,
        pointBackgroundColor: colour,
        borderWidth: 2.5,
        borderDash: s.python ? [10, 5] : [],
        pointStyle: s.python ? 'triangle' : 'circle',
        pointRadius: s.python ? 7 : 5,
      });
    }
    if (datasets.length === 0) return [];
    datasets.push(idealDataset(lang, maxWorkers));
    const title = t(lang, 'pythonTitle', { subject });
    return [
      {
        id: `python-${subject}`,
        section: 'python',
        title,
        explanation: t(lang, 'pythonExplain'),
        config: {
          type: 'line',
          data: { datasets },
          options: speedupOptions(lang, title, maxWorkers),
        },
      },
    ];
  });
}

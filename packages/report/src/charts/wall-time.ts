// Wall time vs workers per workload, with min–max whiskers and the serial time as reference.

import type { ChartDataset } from 'chart.js';
import type { Lang } from '../i18n.js';
import { strategyName, t } from '../i18n.js';
import type { ErrorBarPoint } from '../plugins/error-bars.js';
import { okPoints, workerCounts, workloadSubjects } from '../results-query.js';
import type { ResultsFile } from '../schema.js';
import { STRATEGY_COLOURS, withAlpha } from '../style.js';
import { baseOptions, valueAxis, workersAxis } from './chart-options.js';
import type { ReportChart } from './report-chart.js';

/** One wall-time chart per workload of the "workloads" suite. */
export function wallTimeCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  return workloadSubjects(results).map((subject): ReportChart => {
    const all = okPoints(results, { suite: 'workloads', subject, implementation: 'parlab', metric: 'wall_ms' });
    const maxWorkers = Math.max(...workerCounts(all));
    const datasets: ChartDataset<'line', ErrorBarPoint[]>[] = [];
    for (const strategy of ['process', 'thread'] as const) {
      const points = all.filter((p) => p.strategy === strategy).sort((a, b) => a.workers - b.workers);
      if (points.length === 0) continue;
      datasets.push({
        label: strategyName(lang, strategy),
        data: points.map((p) => ({ x: p.workers, y: p.median, yMin: p.min, yMax: p.max })),
        borderColor: STRATEGY_COLOURS[strategy],
        backgroundColor: STRATEGY_COLOURS[strategy],
        borderWidth: 2.5,
        pointRadius: 5,
      });
    }
    const serial = all.find((p) => p.strategy === 'serial');
    if (serial !== undefined) {
      // Serial has one worker count; drawing it across the axis makes it a reference line.
      datasets.push({
        label: strategyName(lang, 'serial'),
        data: [
          { x: 1, y: serial.median, yMin: serial.min, yMax: serial.max },
          { x: Math.max(2, maxWorkers), y: serial.median, yMin: serial.median, yMax: serial.median },
        ],
        borderColor: STRATEGY_COLOURS.serial,
        backgroundColor: withAlpha(STRATEGY_COLOURS.serial, 0.25),
        borderDash: [8, 5],
        borderWidth: 2,
        pointRadius: [4, 0],
      });
    }
    const title = t(lang, 'wallTitle', { subject });
    const values = all.flatMap((p) => [p.min, p.max]);
    return {
      id: `wall-time-${subject}`,
      section: 'workloads',
      title,
      explanation: t(lang, 'wallExplain'),
      config: {
        type: 'line',
        data: { datasets },
        options: {
          ...baseOptions(title),
          scales: { x: workersAxis(lang, maxWorkers), y: valueAxis(lang, t(lang, 'axisTimeMs'), values) },
        },
      },
    };
  });
}

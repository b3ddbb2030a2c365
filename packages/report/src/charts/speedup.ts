// Speedup vs workers per workload, with the ideal line and a fitted Amdahl curve per strategy.

import type { ChartDataset } from 'chart.js';
import { amdahlSpeedup, fitAmdahl } from '../amdahl.js';
import { formatFraction } from '../format.js';
import type { Lang } from '../i18n.js';
import { strategyName, t } from '../i18n.js';
import { speedupSeries, workloadSubjects } from '../results-query.js';
import type { ResultsFile } from '../schema.js';
import { REFERENCE_COLOUR, STRATEGY_COLOURS, withAlpha } from '../style.js';
import { speedupOptions } from './chart-options.js';
import type { ReportChart } from './report-chart.js';

const PARALLEL = ['process', 'thread'] as const;

/** The y = workers line: what perfect scaling would give. */
export function idealDataset(lang: Lang, maxWorkers: number): ChartDataset<'line'> {
  return {
    label: t(lang, 'ideal'),
    data: [{ x: 1, y: 1 }, { x: maxWorkers, y: maxWorkers }],
    borderColor: REFERENCE_COLOUR,
    backgroundColor: withAlpha(REFERENCE_COLOUR, 0.15),
    borderDash: [2, 4],
    borderWidth: 1.5,
    pointRadius: 0,
  };
}

/** The fitted curve sampled finely enough to look smooth between worker counts. */
function curve(p: number, maxWorkers: number): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let n = 1; n <= maxWorkers + 1e-9; n += 0.25) points.push({ x: n, y: amdahlSpeedup(p, n) });
  return points;
}

/** One speedup chart per workload of the "workloads" suite. */
export function speedupCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  return workloadSubjects(results).flatMap((subject): ReportChart[] => {
    const series = PARALLEL.map((strategy) => ({
      strategy,
      samples: speedupSeries(results, { suite: 'workloads', subject, implementation: 'parlab', strategy }),
    })).filter((s) => s.samples.length > 0);
    if (series.length === 0) return [];
    const maxWorkers = Math.max(...series.flatMap((s) => s.samples.map((x) => x.workers)));
    const datasets: ChartDataset<'line'>[] = [];
    const fits: string[] = [];
    for (const { strategy, samples } of series) {
      const colour = STRATEGY_COLOURS[strategy];
      const name = strategyName(lang, strategy);
      datasets.push({
        label: name,
        data: samples.map((s) => ({ x: s.workers, y: s.speedup })),
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 2.5,
        pointRadius: 5,
      });
      const fit = fitAmdahl(samples);
      if (fit === undefined) continue;
      const p = formatFraction(lang, fit.p);
      fits.push(`${name.toLowerCase()} p = ${p}`);
      datasets.push({
        label: t(lang, 'amdahlFit', { strategy: name.toLowerCase(), p }),
        data: curve(fit.p, maxWorkers),
        borderColor: colour,
        backgroundColor: withAlpha(colour, 0.2),
        borderDash: [8, 5],
        borderWidth: 1.5,
        pointRadius: 0,
      });
    }
    datasets.push(idealDataset(lang, maxWorkers));
    const title = t(lang, 'speedupTitle', { subject });
    return [
      {
        id: `speedup-${subject}`,
        section: 'workloads',
        title,
        explanation: t(lang, 'speedupExplain', { fits: fits.join('; ') }),
        config: {
          type: 'line',
          data: { datasets },
          options: speedupOptions(lang, title, maxWorkers),
        },
      },
    ];
  });
}

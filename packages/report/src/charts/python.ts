// Python: speedup of Python processes and threads beside Node processes and threads, with intervals — the GIL made visible.

import type { ChartDataset } from 'chart.js';
import type { Lang } from '../i18n.js';
import { strategyName, t } from '../i18n.js';
import type { ErrorBarPoint } from '../plugins/error-bars.js';
import type { SeriesKey } from '../results-query.js';
import { distinct, okPoints, speedupSeries } from '../results-query.js';
import type { OkPoint, ResultsFile } from '../schema.js';
import { STRATEGY_COLOURS, withAlpha } from '../style.js';
import { subjectTitle } from '../subjects.js';
import { speedupOptions } from './chart-options.js';
import { lineMarks, marksCaption } from './marks.js';
import type { ReportChart } from './report-chart.js';
import { idealDataset, speedupData } from './speedup.js';

interface Series {
  label: string;
  key: SeriesKey;
  /** Python is dashed with triangles, Node solid with circles; colour keeps the strategy. */
  python: boolean;
}

/** One chart per workload the python suite measured speedups of. */
export function pythonCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const subjects = distinct(okPoints(results, { suite: 'python', implementation: 'python', metric: 'speedup' }).map((p) => p.subject));
  const cores = results.machine.availableCores;
  return subjects.map((subject): ReportChart => {
    const series: Series[] = (['process', 'thread'] as const).flatMap((strategy) => {
      const name = strategyName(lang, strategy);
      return [
        { label: t(lang, 'pythonSeries', { strategy: name }), python: true, key: { suite: 'python', subject, implementation: 'python', strategy } },
        { label: t(lang, 'nodeSeries', { strategy: name }), python: false, key: { suite: 'workloads', subject, implementation: 'parlab', strategy } },
      ];
    });
    const datasets: ChartDataset<'line', ErrorBarPoint[] | { x: number; y: number }[]>[] = [];
    const drawn: OkPoint[] = [];
    for (const s of series) {
      const points = speedupSeries(results, s.key);
      if (points.length === 0) continue;
      drawn.push(...points);
      const colour = STRATEGY_COLOURS[s.key.strategy];
      const marks = lineMarks(colour, points, s.python ? 7 : 5);
      datasets.push({
        label: s.label,
        data: speedupData(points),
        borderColor: colour,
        // A pale fill keeps the legend swatch readable as a dashed line.
        backgroundColor: s.python ? withAlpha(colour, 0.2) : colour,
        borderWidth: 2.5,
        borderDash: s.python ? [10, 5] : [],
        ...marks,
        pointStyle: s.python ? marks.pointStyle.map((style) => (style === 'circle' ? 'triangle' : style)) : marks.pointStyle,
      });
    }
    const maxWorkers = Math.max(1, ...drawn.map((p) => p.workers));
    datasets.push(idealDataset(lang, maxWorkers, cores));
    const title = t(lang, 'pythonTitle', { subject: subjectTitle(results, subject, lang) });
    const explanation = [t(lang, 'pythonExplain'), t(lang, 'whiskersNote'), marksCaption(lang, drawn)];
    return {
      id: `python-${subject}`,
      section: 'python',
      title,
      explanation: explanation.filter((s) => s !== '').join(' '),
      config: { type: 'line', data: { datasets }, options: speedupOptions(lang, title, maxWorkers) },
    };
  });
}

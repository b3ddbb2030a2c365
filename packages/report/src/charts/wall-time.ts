// Wall time vs workers per workload, with interval whiskers and the serial time as reference.

import type { ChartDataset } from 'chart.js';
import type { Lang } from '../i18n.js';
import { strategyName, t } from '../i18n.js';
import type { ErrorBarPoint } from '../plugins/error-bars.js';
import { okPoints, pointKey, workerCounts, workloadSubjects } from '../results-query.js';
import type { OkPoint, ResultsFile } from '../schema.js';
import { STRATEGY_COLOURS, variantColour, withAlpha } from '../style.js';
import { subjectTitle, variantImplementations, variantTitle } from '../subjects.js';
import { baseOptions, needsLogScale, valueAxis, workersAxis } from './chart-options.js';
import { lineMarks, marksCaption } from './marks.js';
import type { ReportChart } from './report-chart.js';

const datum = (p: OkPoint, x = p.workers): ErrorBarPoint => ({ x, y: p.median, yMin: p.ciLow, yMax: p.ciHigh, key: pointKey(p) });

/** One wall-time chart per workload of the "workloads" suite. */
export function wallTimeCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  return workloadSubjects(results).map((subject): ReportChart => {
    const all = okPoints(results, { suite: 'workloads', subject, implementation: 'parlab', metric: 'wall_ms' });
    const maxWorkers = Math.max(...workerCounts(all));
    const datasets: ChartDataset<'line', ErrorBarPoint[]>[] = [];
    for (const strategy of ['process', 'thread'] as const) {
      const points = all.filter((p) => p.strategy === strategy).sort((a, b) => a.workers - b.workers);
      if (points.length === 0) continue;
      const colour = STRATEGY_COLOURS[strategy];
      datasets.push({ label: strategyName(lang, strategy), data: points.map((p) => datum(p)), borderColor: colour, backgroundColor: colour, borderWidth: 2.5, ...lineMarks(colour, points) });
    }
    const variants = variantImplementations(results, subject).flatMap((implementation) =>
      (['process', 'thread'] as const)
        .map((strategy) => ({ implementation, points: okPoints(results, { suite: 'workloads', subject, implementation, strategy, metric: 'wall_ms' }).sort((a, b) => a.workers - b.workers) }))
        .filter((v) => v.points.length > 0),
    );
    for (const { implementation, points } of variants) {
      const colour = variantColour(implementation);
      datasets.push({ label: variantTitle(results, subject, implementation, lang), data: points.map((p) => datum(p)), borderColor: colour, backgroundColor: colour, borderWidth: 2.5, borderDash: [10, 4], ...lineMarks(colour, points) });
    }
    const drawnPoints = [...all, ...variants.flatMap((v) => v.points)];
    const serial = all.find((p) => p.strategy === 'serial');
    if (serial !== undefined) {
      // Serial has one worker count; drawing it across the axis makes it a reference line.
      const colour = STRATEGY_COLOURS.serial;
      const marks = lineMarks(colour, [serial, undefined], 4);
      datasets.push({
        label: strategyName(lang, 'serial'),
        data: [datum(serial, 1), { x: Math.max(2, maxWorkers), y: serial.median }],
        borderColor: colour,
        backgroundColor: withAlpha(colour, 0.25),
        borderDash: [8, 5],
        borderWidth: 2,
        ...marks,
        pointRadius: [marks.pointRadius[0] ?? 4, 0],
      });
    }
    const title = t(lang, 'wallTitle', { subject: subjectTitle(results, subject, lang) });
    const values = drawnPoints.flatMap((p) => [p.ciLow, p.ciHigh]);
    const explanation = [t(lang, 'wallExplain'), t(lang, 'whiskersNote'), needsLogScale(values) ? t(lang, 'logScaleNote') : '', marksCaption(lang, drawnPoints)];
    return {
      id: `wall-time-${subject}`,
      section: 'workloads',
      title,
      explanation: explanation.filter((s) => s !== '').join(' '),
      config: {
        type: 'line',
        data: { datasets },
        options: { ...baseOptions(lang, title), scales: { x: workersAxis(lang, maxWorkers), y: valueAxis(lang, t(lang, 'axisTimeMs'), values) } },
      },
    };
  });
}

// Overview: per workload, best process time ÷ best thread time, each bar labelled with the winner.

import { formatNumber } from '../format.js';
import type { Lang } from '../i18n.js';
import { t } from '../i18n.js';
import { bestMs, workloadSubjects } from '../results-query.js';
import type { ResultsFile } from '../schema.js';
import { REFERENCE_COLOUR, STRATEGY_COLOURS, withAlpha } from '../style.js';
import { baseOptions, valueAxis } from './chart-options.js';
import type { ReportChart } from './report-chart.js';

/** One ratio chart over the workloads that both strategies completed, or none. */
export function winnerCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const rows = workloadSubjects(results).flatMap((subject) => {
    const processMs = bestMs(results, 'workloads', subject, 'process');
    const threadMs = bestMs(results, 'workloads', subject, 'thread');
    if (processMs === undefined || threadMs === undefined || threadMs <= 0 || processMs <= 0) return [];
    return [{ subject, ratio: processMs / threadMs }];
  });
  if (rows.length === 0) return [];
  const labels = rows.map(({ subject, ratio }) => {
    const x = formatNumber(lang, ratio >= 1 ? ratio : 1 / ratio, 2);
    // A two-line label: chart.js draws an array of strings as stacked lines.
    return [subject, t(lang, ratio >= 1 ? 'threadsWin' : 'processesWin', { x })];
  });
  const colours = rows.map((r) => (r.ratio >= 1 ? STRATEGY_COLOURS.thread : STRATEGY_COLOURS.process));
  const title = t(lang, 'winnerTitle');
  const ratios = rows.map((r) => r.ratio);
  return [
    {
      id: 'process-vs-thread',
      section: 'overview',
      title,
      explanation: t(lang, 'winnerExplain'),
      config: {
        type: 'bar',
        data: {
          labels,
          datasets: [
            {
              type: 'line',
              label: t(lang, 'sameSpeed'),
              data: rows.map(() => 1),
              borderColor: REFERENCE_COLOUR,
              backgroundColor: withAlpha(REFERENCE_COLOUR, 0.15),
              borderDash: [6, 4],
              borderWidth: 1.5,
              pointRadius: 0,
            },
            { type: 'bar', label: t(lang, 'ratioSeries'), data: ratios, backgroundColor: colours, borderColor: colours },
          ],
        },
        options: { ...baseOptions(title), scales: { y: valueAxis(lang, t(lang, 'axisRatio'), [...ratios, 1]) } },
      },
    },
  ];
}

// Overview: per workload, threads' best speedup ÷ processes' best with its interval, drawn from 1 and labelled with the verdict.

import type { ChartDataset } from 'chart.js';
import type { Lang } from '../i18n.js';
import { t } from '../i18n.js';
import type { ErrorBarPoint } from '../plugins/error-bars.js';
import type { ResultsFile } from '../schema.js';
import { STRATEGY_COLOURS, TIE_COLOUR } from '../style.js';
import { subjectTitle } from '../subjects.js';
import { strategiesText } from '../verdict-text.js';
import { workloadVerdicts } from '../verdicts.js';
import { baseOptions, needsLogScale, referenceLines, valueAxis, wrappedLabel } from './chart-options.js';
import type { ReportChart } from './report-chart.js';

/** Key of a ratio drawn here, for tests that read every drawn value back. */
const ratioKey = (subject: string): string => `threadOverProcess/${subject}`;

/** One ratio chart over the workloads where both strategies have a best speedup, or none. */
export function winnerCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const rows = workloadVerdicts(results).filter((v) => v.threadOverProcess !== undefined);
  if (rows.length === 0) return [];
  const colours = rows.map((v) => (v.strategies === 'above' ? STRATEGY_COLOURS.thread : v.strategies === 'below' ? STRATEGY_COLOURS.process : TIE_COLOUR));
  const data: ErrorBarPoint[] = rows.map((v, i) => {
    const ratio = v.threadOverProcess as NonNullable<typeof v.threadOverProcess>;
    return { x: i, y: ratio.median, yMin: ratio.low, yMax: ratio.high, key: ratioKey(v.subject) };
  });
  // Bars grow from 1, not 0: up means threads faster, down processes faster.
  const datasets: ChartDataset<'bar', ErrorBarPoint[]>[] = [{ label: t(lang, 'ratioSeries'), data, base: 1, backgroundColor: colours, borderColor: colours }];
  const equal = referenceLines([{ y: 1, label: t(lang, 'sameSpeed'), dash: [6, 4] }]);
  const title = t(lang, 'winnerTitle');
  const options = baseOptions(lang, title);
  const ends = data.flatMap((d) => [d.yMin ?? d.y, d.yMax ?? d.y]);
  const axis = valueAxis(lang, t(lang, 'axisRatio'), [...ends, 1], { beginAtZero: false });
  return [
    {
      id: 'process-vs-thread',
      section: 'overview',
      title,
      explanation: [t(lang, 'winnerExplain'), t(lang, 'whiskersNote'), needsLogScale([...ends, 1]) ? t(lang, 'logScaleNote') : ''].filter((s) => s !== '').join(' '),
      config: {
        type: 'bar',
        data: { labels: rows.map((v) => wrappedLabel([subjectTitle(results, v.subject, lang), strategiesText(lang, v)], rows.length)), datasets: [...datasets, ...equal.legend] },
        options: {
          ...options,
          plugins: { ...options.plugins, ...equal.plugins },
          scales: {
            x: { type: 'category', ticks: { autoSkip: false, maxRotation: 0, font: { size: 11 } } },
            y: { ...axis, suggestedMin: Math.min(1, ...ends), suggestedMax: Math.max(1, ...ends) },
          },
        },
      },
    },
  ];
}

// The host: the reference loop's speed index through the run, with the band outside which points are flagged as host drift.

import { DRIFT_LIMIT } from '@parlab/bench-kit';
import type { ChartDataset, ScaleOptions } from 'chart.js';
import { formatFixed, formatShare } from '../format.js';
import type { Lang } from '../i18n.js';
import { t } from '../i18n.js';
import type { ResultsFile } from '../schema.js';
import { REFERENCE_COLOUR, STRATEGY_COLOURS, withAlpha } from '../style.js';
import { baseOptions } from './chart-options.js';
import type { ReportChart } from './report-chart.js';

const MS_PER_MINUTE = 60_000;

/** The host speed chart, or none when the run has no host record (schema 1) or no samples. */
export function hostSpeedCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const samples = results.host?.speedIndex.samples ?? [];
  if (samples.length === 0) return [];
  const minutes = samples.map((s) => s.atMs / MS_PER_MINUTE);
  const lastMinute = Math.max(...minutes, 0.1);
  const limit = `± ${formatShare(lang, DRIFT_LIMIT)}`;
  const datasets: ChartDataset<'line'>[] = [
    {
      label: t(lang, 'hostSeries'),
      data: samples.map((s, i) => ({ x: minutes[i] as number, y: s.index })),
      borderColor: STRATEGY_COLOURS.serial,
      backgroundColor: STRATEGY_COLOURS.serial,
      borderWidth: 2,
      pointRadius: 3,
      // The first and last readings sit on the plot's edges: draw their markers whole.
      clip: false,
    },
    {
      // One dataset on the upper edge, filled down to the lower edge: a shaded band with one legend entry.
      label: t(lang, 'driftBand', { limit }),
      data: [{ x: 0, y: 1 + DRIFT_LIMIT }, { x: lastMinute, y: 1 + DRIFT_LIMIT }],
      fill: { value: 1 - DRIFT_LIMIT },
      borderColor: withAlpha(REFERENCE_COLOUR, 0),
      backgroundColor: withAlpha(REFERENCE_COLOUR, 0.12),
      borderWidth: 0,
      pointRadius: 0,
    },
  ];
  const indices = samples.map((s) => s.index);
  const title = t(lang, 'hostTitle');
  const slow = 0.8;
  return [
    {
      id: 'host-speed',
      section: 'host',
      title,
      explanation: t(lang, 'hostExplain', { slow: formatFixed(lang, slow, 1), longer: formatShare(lang, 1 / slow - 1) }),
      config: {
        type: 'line',
        data: { datasets },
        options: {
          ...baseOptions(lang, title),
          scales: {
            x: { type: 'linear', min: 0, max: lastMinute, title: { display: true, text: t(lang, 'axisMinutes'), font: { size: 14 } } } as ScaleOptions<'linear'>,
            y: {
              type: 'linear',
              suggestedMin: Math.min(1 - 2 * DRIFT_LIMIT, ...indices),
              suggestedMax: Math.max(1 + 2 * DRIFT_LIMIT, ...indices),
              title: { display: true, text: t(lang, 'axisSpeedIndex'), font: { size: 14 } },
            } as ScaleOptions<'linear'>,
          },
        },
      },
    },
  ];
}

// Options shared by all charts: title, legend, axes, and when to switch to a logarithmic axis.

import type { ChartOptions, ScaleOptions } from 'chart.js';
import type { Lang } from '../i18n.js';
import { t } from '../i18n.js';

/** Above this max/min ratio a linear axis squashes the small values flat, so go logarithmic. */
export const LOG_SCALE_RATIO = 50;

/** True when `values` spread widely enough to need a logarithmic axis. */
export function needsLogScale(values: readonly number[]): boolean {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) > LOG_SCALE_RATIO;
}

/** Title, legend and rendering settings every chart shares. PNG rendering needs no animation and a fixed size. */
export function baseOptions(title: string): ChartOptions {
  return {
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    plugins: {
      title: { display: true, text: title, font: { size: 18, weight: 'bold' }, padding: { top: 8, bottom: 12 } },
      legend: { position: 'bottom', labels: { font: { size: 13 } } },
    },
  };
}

/** A y axis titled `label`, logarithmic when `values` need it (the title then says so). */
export function valueAxis(lang: Lang, label: string, values: readonly number[]): ScaleOptions<'linear' | 'logarithmic'> {
  const log = needsLogScale(values);
  const text = log ? t(lang, 'axisLogNote', { label }) : label;
  const title = { display: true, text, font: { size: 14 } };
  return log
    ? // Log axes label 1-2-3-5 of every decade; spacing them out keeps neighbours from overlapping.
      ({ type: 'logarithmic', title, ticks: { autoSkip: true, autoSkipPadding: 14 } } as ScaleOptions<'logarithmic'>)
    : // Grace leaves room above the tallest bar for its max whisker.
      ({ type: 'linear', beginAtZero: true, grace: '6%', title } as ScaleOptions<'linear'>);
}

/** A numeric x axis of worker counts, from 1 to the largest count measured. */
export function workersAxis(lang: Lang, maxWorkers: number): ScaleOptions<'linear'> {
  return {
    type: 'linear',
    // Padding on both ends keeps the first and last markers and whiskers from being cut in half.
    min: 0.8,
    max: Math.max(2, maxWorkers) + 0.2,
    ticks: { stepSize: 1, precision: 0, includeBounds: false },
    title: { display: true, text: t(lang, 'axisWorkers'), font: { size: 14 } },
  } as ScaleOptions<'linear'>;
}

/** Options of a speedup-against-workers line chart: worker counts across, speedup up from zero. */
export function speedupOptions(lang: Lang, title: string, maxWorkers: number): ChartOptions {
  return {
    ...baseOptions(title),
    scales: {
      x: workersAxis(lang, maxWorkers),
      y: { type: 'linear', beginAtZero: true, title: { display: true, text: t(lang, 'axisSpeedup'), font: { size: 14 } } },
    },
  };
}

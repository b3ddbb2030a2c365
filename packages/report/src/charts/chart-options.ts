// Options shared by all charts: title, legend, locale, axes, reference lines, and when to switch to a logarithmic axis.

import type { ChartDataset, ChartOptions, ScaleOptions } from 'chart.js';
import type { Lang } from '../i18n.js';
import { LOCALES, t } from '../i18n.js';
import type { ReferenceLine, ReferenceLinesOptions } from '../plugins/reference-lines.js';
import { REFERENCE_LINES_ID } from '../plugins/reference-lines.js';
import { REFERENCE_COLOUR, withAlpha } from '../style.js';

/** Above this max/min ratio a linear axis squashes the small values flat, so go logarithmic. */
export const LOG_SCALE_RATIO = 50;

/** True when `values` spread widely enough to need a logarithmic axis. */
export function needsLogScale(values: readonly number[]): boolean {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) > LOG_SCALE_RATIO;
}

/** Title, legend, locale and rendering settings every chart shares. PNG rendering needs no animation and a fixed size. */
export function baseOptions(lang: Lang, title: string): ChartOptions {
  return {
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    // chart.js formats tick labels and tooltips with Intl in this locale (es: 0,5 and 1.000).
    locale: LOCALES[lang],
    layout: { padding: { top: 4, right: 16, left: 4, bottom: 4 } },
    plugins: {
      title: { display: true, text: title, font: { size: 18, weight: 'bold' }, padding: { top: 8, bottom: 12 } },
      legend: { position: 'bottom', labels: { font: { size: 13 } } },
    },
  };
}

/** A y axis titled `label`, logarithmic when `values` need it (the title then says so; ticks fall on powers of 10). */
export function valueAxis(lang: Lang, label: string, values: readonly number[], options: { beginAtZero?: boolean } = {}): ScaleOptions<'linear' | 'logarithmic'> {
  const log = needsLogScale(values);
  const text = log ? t(lang, 'axisLogNote', { label }) : label;
  const title = { display: true, text, font: { size: 14 } };
  return log
    ? ({ type: 'logarithmic', title } as ScaleOptions<'logarithmic'>)
    : // Grace leaves room above the tallest whisker.
      ({ type: 'linear', beginAtZero: options.beginAtZero ?? true, grace: '6%', title } as ScaleOptions<'linear'>);
}

/** Width of the plot in the PNG, for fitting category labels (the page scales the same layout). */
const PLOT_WIDTH_PX = 880;
/** Average width of a character of an 11 px category label. */
const LABEL_CHAR_PX = 6.2;

/**
 * A category label as lines that fit its share of the axis (chart.js draws an array as stacked
 * lines and never wraps by itself), so nine workloads' verdicts do not run into each other.
 */
export function wrappedLabel(parts: readonly string[], categories: number): string[] {
  const width = Math.max(12, Math.floor(PLOT_WIDTH_PX / Math.max(1, categories) / LABEL_CHAR_PX));
  return parts.flatMap((part) => {
    const lines: string[] = [];
    for (const word of part.split(' ')) {
      const last = lines[lines.length - 1];
      if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  });
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
    ...baseOptions(lang, title),
    scales: {
      x: workersAxis(lang, maxWorkers),
      y: { type: 'linear', beginAtZero: true, grace: '6%', title: { display: true, text: t(lang, 'axisSpeedup'), font: { size: 14 } } },
    },
  };
}

/** A labelled horizontal line across a bar chart (the ceiling, ratio = 1). */
export interface LabelledLine extends Omit<ReferenceLine, 'label'> {
  label: string;
}

/**
 * Reference lines for a bar chart: the plugin draws each across the whole plot (a line dataset
 * through the categories vanishes when there is one bar). Each is named by an empty line dataset,
 * a legend entry that takes no bar's place, or, where the chart shows no legend, on the plot.
 */
export function referenceLines(lines: readonly LabelledLine[], where: 'legend' | 'plot' = 'legend'): { plugins: Record<typeof REFERENCE_LINES_ID, ReferenceLinesOptions>; legend: ChartDataset<'line', never[]>[] } {
  const drawn = lines.map(({ y, colour, dash, label }): ReferenceLine => ({ y, ...(colour === undefined ? {} : { colour }), ...(dash === undefined ? {} : { dash }), ...(where === 'plot' ? { label } : {}) }));
  return {
    plugins: { [REFERENCE_LINES_ID]: { lines: drawn } },
    legend: (where === 'plot' ? [] : lines).map((line) => ({
      type: 'line',
      label: line.label,
      data: [],
      borderColor: line.colour ?? REFERENCE_COLOUR,
      backgroundColor: withAlpha(line.colour ?? REFERENCE_COLOUR, 0.15),
      borderDash: line.dash ?? [],
      borderWidth: 1.5,
      pointRadius: 0,
    })),
  };
}

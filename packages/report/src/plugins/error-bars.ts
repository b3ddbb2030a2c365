// A tiny chart.js plugin: whiskers from each datum's `yMin`/`yMax` (its 95 % interval), with room kept for them inside the plot.

import type { Chart, Plugin, Scale } from 'chart.js';
import type { BarMark } from './bar-marks.js';

/** A data point that carries its interval; chart.js keeps the extra fields on the raw data. */
export interface ErrorBarPoint {
  x: number | string;
  y: number;
  yMin?: number;
  yMax?: number;
  /** Identity of the measured point drawn here (`pointKey`), so tests can read every point back. */
  key?: string;
  /** A bar drawn hatched (doubtful) or outlined in red (a measurement fault); see bar-marks.ts. */
  mark?: BarMark;
}

/**
 * A category with no measurement for this dataset. chart.js parses object data by reading `.x`,
 * so a bare `null` entry crashes it; a point with a null `y` leaves a gap instead.
 */
export interface GapPoint {
  x: number | string;
  y: null;
}

export type BarPoint = ErrorBarPoint | GapPoint;

/**
 * Widens a value axis so every whisker fits inside the plot: chart.js sizes the axis from the
 * medians only, and a whisker past the axis end would run through the title. Self-contained
 * (no imports, no outer names): the page embeds its source text.
 */
function reserveWhiskerRoom(chart: Chart, args: { scale: Scale }): void {
  const scale = args.scale;
  if (scale.axis !== 'y') return;
  const log = scale.type === 'logarithmic';
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    if (!chart.isDatasetVisible(datasetIndex)) return;
    const axisId = (dataset as { yAxisID?: string }).yAxisID ?? 'y';
    if (axisId !== scale.id) return;
    for (const raw of dataset.data as unknown[]) {
      const point = raw as { yMin?: unknown; yMax?: unknown } | null;
      if (point === null || typeof point !== 'object') continue;
      for (const end of [point.yMin, point.yMax]) {
        if (typeof end !== 'number' || !Number.isFinite(end) || (log && end <= 0)) continue;
        if (end < scale.min) scale.min = end;
        if (end > scale.max) scale.max = end;
      }
    }
  });
}

/** Draws the whiskers after the datasets, clipped to the plot so they never cross titles or legends. Self-contained. */
function drawErrorBars(chart: Chart): void {
  const ctx = chart.ctx;
  const area = chart.chartArea;
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    if (!chart.isDatasetVisible(datasetIndex)) return;
    const meta = chart.getDatasetMeta(datasetIndex);
    const yScale = chart.scales[(dataset as { yAxisID?: string }).yAxisID ?? 'y'];
    if (yScale === undefined) return;
    // On a bar the whisker must show against the bar's own colour; on a line it takes the line's.
    const onBar = meta.type === 'bar';
    const colour = onBar ? '#222222' : typeof dataset.borderColor === 'string' ? dataset.borderColor : '#333333';
    (dataset.data as unknown[]).forEach((raw, index) => {
      const point = raw as { yMin?: unknown; yMax?: unknown } | null;
      const element = meta.data[index];
      if (point === null || typeof point !== 'object' || element === undefined) return;
      if (typeof point.yMin !== 'number' || typeof point.yMax !== 'number') return;
      const top = yScale.getPixelForValue(point.yMax);
      const bottom = yScale.getPixelForValue(point.yMin);
      const x = element.x;
      const cap = onBar ? 6 : 5;
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      ctx.clip();
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.moveTo(x - cap, top);
      ctx.lineTo(x + cap, top);
      ctx.moveTo(x - cap, bottom);
      ctx.lineTo(x + cap, bottom);
      ctx.stroke();
      ctx.restore();
    });
  });
}

/** The plugin object for `Chart.register`. */
export const errorBarsPlugin: Plugin = { id: 'parlabErrorBars', afterDataLimits: reserveWhiskerRoom, afterDatasetsDraw: drawErrorBars };

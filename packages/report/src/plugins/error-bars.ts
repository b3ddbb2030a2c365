// A tiny chart.js plugin that draws min–max whiskers from `yMin`/`yMax` on each data point.

import type { Chart, Plugin } from 'chart.js';

/** A data point that carries its spread; chart.js keeps the extra fields on the raw data. */
export interface ErrorBarPoint {
  x: number | string;
  y: number;
  yMin: number;
  yMax: number;
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
 * Draws the whiskers after the datasets. It must stay self-contained (no imports, no outer
 * names): the page embeds its source text so the browser draws exactly what the PNG shows.
 */
export function drawErrorBars(chart: Chart): void {
  const yScale = chart.scales['y'];
  if (yScale === undefined) return;
  const ctx = chart.ctx;
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    if (!chart.isDatasetVisible(datasetIndex)) return;
    const meta = chart.getDatasetMeta(datasetIndex);
    const colour = typeof dataset.borderColor === 'string' ? dataset.borderColor : '#333333';
    (dataset.data as unknown[]).forEach((raw, index) => {
      const point = raw as Partial<ErrorBarPoint> | null;
      const element = meta.data[index];
      if (point === null || typeof point !== 'object' || element === undefined) return;
      if (typeof point.yMin !== 'number' || typeof point.yMax !== 'number') return;
      const top = yScale.getPixelForValue(point.yMax);
      const bottom = yScale.getPixelForValue(point.yMin);
      const x = element.x;
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.moveTo(x - 5, top);
      ctx.lineTo(x + 5, top);
      ctx.moveTo(x - 5, bottom);
      ctx.lineTo(x + 5, bottom);
      ctx.stroke();
      ctx.restore();
    });
  });
}

/** Plugin id; both the Node renderer and the page register it under this name. */
export const ERROR_BARS_PLUGIN_ID = 'parlabErrorBars';

/** The plugin object for `Chart.register` in Node. */
export const errorBarsPlugin: Plugin = { id: ERROR_BARS_PLUGIN_ID, afterDatasetsDraw: drawErrorBars };

/** JavaScript source that registers the same plugin in the browser. */
export function errorBarsPluginSource(): string {
  return `Chart.register({ id: ${JSON.stringify(ERROR_BARS_PLUGIN_ID)}, afterDatasetsDraw: ${drawErrorBars.toString()} });`;
}

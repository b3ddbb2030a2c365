// A tiny chart.js plugin: labelled horizontal lines across the whole plot (the ceiling, ratio = 1), even over a single bar.

import type { Chart, Plugin, Scale } from 'chart.js';

/** One line, given in the chart's `options.plugins.parlabReferenceLines.lines`. */
export interface ReferenceLine {
  y: number;
  colour?: string;
  dash?: number[];
  /** Written on the plot above the line's right end; without it the line's legend entry names it. */
  label?: string;
}

/** The plugin's options as a chart configuration carries them. */
export interface ReferenceLinesOptions {
  lines: ReferenceLine[];
}

/** Plugin id: the key under `options.plugins`. */
export const REFERENCE_LINES_ID = 'parlabReferenceLines';

/** Widens the y axis so every line is inside the plot. Self-contained (no imports, no outer names): the page embeds its source. */
function reserveLineRoom(_chart: Chart, args: { scale: Scale }, options: { lines?: { y: number }[] }): void {
  const scale = args.scale;
  if (scale.id !== 'y') return;
  for (const line of options.lines ?? []) {
    if (scale.type === 'logarithmic' && line.y <= 0) continue;
    if (line.y < scale.min) scale.min = line.y;
    if (line.y > scale.max) scale.max = line.y;
  }
}

/** Draws each line from the plot's left edge to its right edge, with its label when it has one. Self-contained. */
function drawReferenceLines(chart: Chart, _args: unknown, options: { lines?: { y: number; colour?: string; dash?: number[]; label?: string }[] }): void {
  const yScale = chart.scales['y'];
  if (yScale === undefined) return;
  const area = chart.chartArea;
  const ctx = chart.ctx;
  for (const line of options.lines ?? []) {
    const y = yScale.getPixelForValue(line.y);
    if (!(y >= area.top - 0.5 && y <= area.bottom + 0.5)) continue;
    const colour = line.colour ?? '#333333';
    ctx.save();
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(line.dash ?? []);
    ctx.beginPath();
    ctx.moveTo(area.left, y);
    ctx.lineTo(area.right, y);
    ctx.stroke();
    if (typeof line.label === 'string') {
      ctx.setLineDash([]);
      ctx.font = `12px ${String(chart.options.font?.family ?? 'sans-serif')}`;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      // Below the line when it runs along the top of the plot, above it otherwise.
      ctx.fillStyle = colour;
      ctx.fillText(line.label, area.right - 5, y - area.top < 18 ? y + 16 : y - 3);
    }
    ctx.restore();
  }
}

/** The plugin object for `Chart.register`. */
export const referenceLinesPlugin: Plugin = { id: REFERENCE_LINES_ID, afterDataLimits: reserveLineRoom, afterDatasetsDraw: drawReferenceLines };

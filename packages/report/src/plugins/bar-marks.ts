// A tiny chart.js plugin: a bar whose datum is marked `flagged` is hatched, one marked `fault` outlined in red — the bar keeps its colour, so the legend does too.

import type { Chart, Plugin } from 'chart.js';

/** How a datum asks to be marked. */
export type BarMark = 'flagged' | 'fault';

/** Draws the marks after the bars, before the whiskers. Self-contained (no imports, no outer names): the page embeds its source. */
function drawBarMarks(chart: Chart): void {
  const ctx = chart.ctx;
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    const meta = chart.getDatasetMeta(datasetIndex);
    if (meta.type !== 'bar' || !chart.isDatasetVisible(datasetIndex)) return;
    (dataset.data as unknown[]).forEach((raw, index) => {
      const mark = (raw as { mark?: unknown } | null)?.mark;
      const bar = meta.data[index] as unknown as { x: number; y: number; base: number; width: number } | undefined;
      if ((mark !== 'flagged' && mark !== 'fault') || bar === undefined) return;
      const left = bar.x - bar.width / 2;
      const top = Math.min(bar.y, bar.base);
      const height = Math.abs(bar.base - bar.y);
      ctx.save();
      ctx.beginPath();
      ctx.rect(left, top, bar.width, height);
      ctx.clip();
      // White diagonal stripes: the bar reads as "less sure" in any colour, on screen and on paper.
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.75)';
      ctx.lineWidth = 3;
      ctx.beginPath();
      for (let d = -height; d < bar.width + height; d += 9) {
        ctx.moveTo(left + d, top + height);
        ctx.lineTo(left + d + height, top);
      }
      ctx.stroke();
      ctx.restore();
      if (mark === 'fault') {
        ctx.save();
        ctx.strokeStyle = '#c62828';
        ctx.lineWidth = 3;
        ctx.strokeRect(left, top, bar.width, height);
        ctx.restore();
      }
    });
  });
}

/** The plugin object for `Chart.register`. */
export const barMarksPlugin: Plugin = { id: 'parlabBarMarks', afterDatasetsDraw: drawBarMarks };

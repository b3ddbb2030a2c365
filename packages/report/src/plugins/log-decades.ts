// A tiny chart.js plugin: a logarithmic axis runs from one power of 10 to another with a grid line at each, so "each grid line is 10 times the one below" is true.

import type { Plugin, Scale } from 'chart.js';

/** Rounds a log axis out to whole decades. Self-contained (no imports, no outer names): the page embeds its source text. */
function roundToDecades(_chart: unknown, args: { scale: Scale }): void {
  const scale = args.scale;
  if (scale.type !== 'logarithmic' || !(scale.min > 0) || !(scale.max > 0)) return;
  scale.min = 10 ** Math.floor(Math.log10(scale.min) + 1e-9);
  scale.max = 10 ** Math.ceil(Math.log10(scale.max) - 1e-9);
  if (scale.max <= scale.min) scale.max = scale.min * 10;
}

/** Keeps only the ticks at powers of 10 (chart.js also puts them at 2, 3, 5… of each decade). Self-contained. */
function keepDecadeTicks(_chart: unknown, args: { scale: Scale }): void {
  const scale = args.scale;
  if (scale.type !== 'logarithmic') return;
  scale.ticks = scale.ticks.filter((tick) => {
    const exponent = Math.log10(tick.value);
    return Math.abs(exponent - Math.round(exponent)) < 1e-9;
  });
}

/** The plugin object for `Chart.register`; registered after the whiskers' plugin so their room is rounded too. */
export const logDecadesPlugin: Plugin = { id: 'parlabLogDecades', afterDataLimits: roundToDecades, afterBuildTicks: keepDecadeTicks };

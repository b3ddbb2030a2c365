// The report's chart.js plugins, in registration order, for the PNG renderer and as source text for the page.

import type { Plugin } from 'chart.js';
import { barMarksPlugin } from './bar-marks.js';
import { errorBarsPlugin } from './error-bars.js';
import { logDecadesPlugin } from './log-decades.js';
import { referenceLinesPlugin } from './reference-lines.js';

/** Bar marks before whiskers (drawn over them); whiskers and lines before decades (which round the axis that holds them). */
export const CHART_PLUGINS: readonly Plugin[] = [barMarksPlugin, errorBarsPlugin, referenceLinesPlugin, logDecadesPlugin];

const HOOKS = ['afterDataLimits', 'afterBuildTicks', 'afterDatasetsDraw'] as const;

/** JavaScript that registers the same plugins in the browser, so the page draws exactly what the PNG shows. */
export function chartPluginsSource(): string {
  return CHART_PLUGINS.map((plugin) => {
    const hooks = HOOKS.flatMap((hook) => {
      const fn = plugin[hook] as ((...args: never[]) => unknown) | undefined;
      return fn === undefined ? [] : [`${hook}: ${fn.toString()}`];
    });
    return `Chart.register({ id: ${JSON.stringify(plugin.id)}, ${hooks.join(', ')} });`;
  }).join('\n');
}

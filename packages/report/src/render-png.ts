// Renders report charts to PNG files with chartjs-node-canvas, using the same configs as the page.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ReportChart } from './charts/report-chart.js';
import { CHART_PLUGINS } from './plugins/chart-plugins.js';
import { FONT_FAMILY, PNG_HEIGHT, PNG_WIDTH } from './style.js';

/** File name of a chart's PNG; ids come from subjects, so anything unsafe for a path is replaced. */
export function pngFileName(chart: ReportChart): string {
  return `${chart.id.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`;
}

let renderer: ChartJSNodeCanvas | undefined;

function getRenderer(): ChartJSNodeCanvas {
  // One renderer for the whole process: building it loads chart.js and the canvas bindings.
  renderer ??= new ChartJSNodeCanvas({
    width: PNG_WIDTH,
    height: PNG_HEIGHT,
    backgroundColour: 'white',
    chartCallback: (ChartJS) => {
      ChartJS.defaults.font.family = FONT_FAMILY;
      ChartJS.defaults.color = '#222222';
      ChartJS.register(...CHART_PLUGINS);
    },
  });
  return renderer;
}

/** Writes one PNG per chart into `dir` and returns the file names, in chart order. */
export async function renderPngs(charts: readonly ReportChart[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (const chart of charts) {
    // chart.js writes resolved state into the config it is given; keep the caller's copy clean.
    const config = structuredClone(chart.config) as ChartConfiguration;
    const buffer = await getRenderer().renderToBuffer(config, 'image/png');
    const name = pngFileName(chart);
    await writeFile(join(dir, name), buffer);
    names.push(name);
  }
  return names;
}

// Every chart of a report, in page order; the one list the PNG, HTML and Markdown writers share.

import type { Lang } from '../i18n.js';
import type { ResultsFile } from '../schema.js';
import { bestSpeedupCharts } from './best-speedup.js';
import { hostSpeedCharts } from './host-speed.js';
import { memoryCharts } from './memory.js';
import { messagingCharts } from './messaging.js';
import { otherCharts } from './other.js';
import { peersCharts } from './peers.js';
import { pythonCharts } from './python.js';
import type { ReportChart } from './report-chart.js';
import { drawnKeys } from './report-chart.js';
import { spawnCharts } from './spawn.js';
import { speedupCharts } from './speedup.js';
import { wallTimeCharts } from './wall-time.js';
import { winnerCharts } from './winner.js';

/** A chart module: results and language in, zero or more charts out (zero when its data is absent). */
export type ChartModule = (results: ResultsFile, lang: Lang) => ReportChart[];

/**
 * In page order. Speedup and wall time alternate per workload so each workload reads as a pair;
 * whatever measured point no chart drew ends in the "other" charts, so every point is shown.
 */
export function buildCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const speedup = speedupCharts(results, lang);
  const wall = wallTimeCharts(results, lang);
  const workloads = wall.flatMap((w) => {
    const subject = w.id.slice('wall-time-'.length);
    return [...speedup.filter((s) => s.id === `speedup-${subject}`), w];
  });
  const rest: ChartModule[] = [bestSpeedupCharts, winnerCharts, spawnCharts, memoryCharts, messagingCharts, peersCharts, pythonCharts];
  const charts = [...hostSpeedCharts(results, lang), ...workloads, ...rest.flatMap((module) => module(results, lang))];
  const drawn = new Set(charts.flatMap(drawnKeys));
  return [...charts, ...otherCharts(results, lang, drawn)];
}

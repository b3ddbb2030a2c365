// Speedup vs workers per workload, with interval whiskers, the ideal min(workers, cores) and an Amdahl fit where it means something.

import type { ChartDataset } from 'chart.js';
import type { AmdahlModel } from '../amdahl.js';
import { amdahlModel, amdahlSpeedup } from '../amdahl.js';
import { formatFixed, formatShare } from '../format.js';
import type { Lang } from '../i18n.js';
import { strategyName, t, tCount } from '../i18n.js';
import type { ErrorBarPoint } from '../plugins/error-bars.js';
import { pointKey, speedupSeries, workloadSubjects } from '../results-query.js';
import type { OkPoint, ResultsFile } from '../schema.js';
import { REFERENCE_COLOUR, STRATEGY_COLOURS, variantColour, withAlpha } from '../style.js';
import { subjectDescription, subjectTitle, variantDescription, variantImplementations, variantTitle } from '../subjects.js';
import { speedupOptions } from './chart-options.js';
import { lineMarks, marksCaption } from './marks.js';
import type { ReportChart } from './report-chart.js';

const PARALLEL = ['process', 'thread'] as const;

/** The ideal speedup: y = workers up to the cores the run could use, flat from there (more workers share the cores). */
export function idealDataset(lang: Lang, maxWorkers: number, cores: number): ChartDataset<'line', { x: number; y: number }[]> {
  const corner = Math.min(cores, maxWorkers);
  const data = [{ x: 1, y: 1 }, { x: corner, y: corner }];
  if (maxWorkers > corner) data.push({ x: maxWorkers, y: corner });
  return {
    label: t(lang, 'ideal', { cores: tCount(lang, 'coresCount', cores) }),
    data,
    borderColor: REFERENCE_COLOUR,
    backgroundColor: withAlpha(REFERENCE_COLOUR, 0.15),
    borderDash: [2, 4],
    borderWidth: 1.5,
    pointRadius: 0,
  };
}

/** Measured speedups as chart data: median with its interval, and the record's identity. */
export function speedupData(points: readonly OkPoint[]): ErrorBarPoint[] {
  return points.map((p) => ({ x: p.workers, y: p.median, yMin: p.ciLow, yMax: p.ciHigh, key: pointKey(p) }));
}

/** The fitted curve from 1 worker to `upTo`, sampled finely enough to look smooth. */
function curve(p: number, upTo: number): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [];
  for (let n = 1; n <= upTo + 1e-9; n += 0.25) points.push({ x: n, y: amdahlSpeedup(p, n) });
  return points;
}

/** The caption's sentence about one strategy's Amdahl fit: its p, or why no curve is drawn. */
function omissionText(lang: Lang, model: AmdahlModel, cores: number): string {
  const omitted = model.omitted;
  if (omitted === undefined) return '';
  switch (omitted.reason) {
    case 'fewCounts':
      return t(lang, 'amdahlReason_fewCounts', { cores: tCount(lang, 'coresCount', cores) });
    case 'noGain':
      return t(lang, 'amdahlReason_noGain');
    case 'boundary':
      return t(lang, 'amdahlReason_boundary', { p: formatFixed(lang, omitted.p, 0) });
    case 'poorFit':
      return t(lang, 'amdahlReason_poorFit', { error: formatShare(lang, omitted.relativeError) });
  }
}

/** One speedup chart per workload of the "workloads" suite. */
export function speedupCharts(results: ResultsFile, lang: Lang): ReportChart[] {
  const cores = results.machine.availableCores;
  return workloadSubjects(results).flatMap((subject): ReportChart[] => {
    const series = PARALLEL.map((strategy) => ({
      strategy,
      points: speedupSeries(results, { suite: 'workloads', subject, implementation: 'parlab', strategy }),
    })).filter((s) => s.points.length > 0);
    if (series.length === 0) return [];
    const maxWorkers = Math.max(...series.flatMap((s) => s.points.map((p) => p.workers)));
    const datasets: ChartDataset<'line', ErrorBarPoint[] | { x: number; y: number }[]>[] = [];
    const fits: string[] = [];
    const omissions: string[] = [];
    for (const { strategy, points } of series) {
      const colour = STRATEGY_COLOURS[strategy];
      const name = strategyName(lang, strategy);
      datasets.push({ label: name, data: speedupData(points), borderColor: colour, backgroundColor: colour, borderWidth: 2.5, ...lineMarks(colour, points) });
      const model = amdahlModel(points.map((p) => ({ workers: p.workers, speedup: p.median })), cores);
      if (model.fit === undefined) {
        omissions.push(t(lang, 'amdahlOmitted', { strategy: name.toLowerCase(), reason: omissionText(lang, model, cores) }));
        continue;
      }
      const p = formatFixed(lang, model.fit.p);
      fits.push(`${name.toLowerCase()} p = ${p}`);
      datasets.push({
        label: t(lang, 'amdahlFit', { strategy: name.toLowerCase(), p }),
        data: curve(model.fit.p, Math.min(maxWorkers, cores)),
        borderColor: colour,
        backgroundColor: withAlpha(colour, 0.2),
        borderDash: [8, 5],
        borderWidth: 1.5,
        pointRadius: 0,
      });
    }
    // Variants (e.g. processes with shared memory): their own dashed series, no fit.
    const variants = variantImplementations(results, subject).flatMap((implementation) =>
      PARALLEL.map((strategy) => ({ implementation, strategy, points: speedupSeries(results, { suite: 'workloads', subject, implementation, strategy }) })).filter((v) => v.points.length > 0),
    );
    const variantNotes: string[] = [];
    for (const { implementation, points } of variants) {
      const colour = variantColour(implementation);
      const name = variantTitle(results, subject, implementation, lang);
      datasets.push({ label: name, data: speedupData(points), borderColor: colour, backgroundColor: colour, borderWidth: 2.5, borderDash: [10, 4], ...lineMarks(colour, points) });
      const description = variantDescription(results, subject, implementation, lang);
      variantNotes.push(t(lang, 'variantExplain', { title: name, description: description ?? '' }));
    }
    const allMax = Math.max(maxWorkers, ...variants.flatMap((v) => v.points.map((p) => p.workers)));
    datasets.push(idealDataset(lang, allMax, cores));
    const title = t(lang, 'speedupTitle', { subject: subjectTitle(results, subject, lang) });
    const explanation = [
      subjectDescription(results, subject, lang),
      t(lang, 'speedupExplain', { cores: tCount(lang, 'coresCount', cores) }),
      fits.length > 0 ? t(lang, 'amdahlDrawn', { fits: fits.join('; ') }) : undefined,
      ...omissions,
      ...variantNotes,
      t(lang, 'whiskersNote'),
      marksCaption(lang, [...series.flatMap((s) => s.points), ...variants.flatMap((v) => v.points)]),
    ];
    return [
      {
        id: `speedup-${subject}`,
        section: 'workloads',
        title,
        explanation: explanation.filter((s) => s !== undefined && s !== '').join(' '),
        config: { type: 'line', data: { datasets }, options: speedupOptions(lang, title, allMax) },
      },
    ];
  });
}

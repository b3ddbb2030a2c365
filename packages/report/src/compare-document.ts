// The comparison of two runs as blocks: what differs between them, both headers, reproducibility, the charts side by side, every change B / A.

import { runBanners } from './banners.js';
import type { ReportChart } from './charts/report-chart.js';
import { SECTIONS } from './charts/report-chart.js';
import type { Block, ChartSlot } from './document.js';
import { canvasIdOf } from './document.js';
import { formatDate, formatFixed, formatRatioInterval } from './format.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import { optionValue } from './options-text.js';
import type { PointRatio } from './ratios.js';
import { ratioTable } from './ratios.js';
import { code } from './inline.js';
import type { ReproducibilitySummary } from './reproducibility.js';
import { reproducibilityText } from './reproducibility.js';
import { differenceText, runDifferences } from './run-differences.js';
import type { ResultsFile } from './schema.js';
import { machineRows, sectionText } from './summary.js';

/** One run as the comparison shows it. */
export interface ComparedRun {
  results: ResultsFile;
  charts: readonly ReportChart[];
  /** PNG path per chart id, relative to the document. */
  pngHrefs: ReadonlyMap<string, string>;
  resultsHref: string;
}

/** Chart ids of both runs: A's order first, then any only B has. */
export function pairedChartIds(a: readonly ReportChart[], b: readonly ReportChart[]): string[] {
  return [...new Set([...a.map((c) => c.id), ...b.map((c) => c.id)])];
}

/** Both runs' headers side by side: what was run, when, with which profile and options, on what. */
function runsRows(a: ResultsFile, b: ResultsFile, lang: Lang): string[][] {
  const both = (f: (r: ResultsFile) => string): [string, string] => [f(a), f(b)];
  const hostIndex = (r: ResultsFile): string => (r.host === undefined ? '—' : formatFixed(lang, r.host.speedIndex.median));
  const machineA = machineRows(a.machine, lang);
  const machineB = machineRows(b.machine, lang);
  return [
    [t(lang, 'run'), ...both((r) => code(r.runId))],
    [t(lang, 'createdAt'), ...both((r) => formatDate(lang, r.createdAt))],
    [t(lang, 'opt_profile'), ...both((r) => optionValue(r, 'profile', lang))],
    [t(lang, 'opt_workers'), ...both((r) => optionValue(r, 'workers', lang))],
    [t(lang, 'opt_suites'), ...both((r) => optionValue(r, 'suites', lang))],
    [t(lang, 'opt_durationMs'), ...both((r) => optionValue(r, 'durationMs', lang))],
    [t(lang, 'hostIndex'), ...both(hostIndex)],
    ...machineA.map(([label, value], i) => [label, value, machineB[i]?.[1] ?? '']),
  ];
}

/** Every block of a comparison. */
export function compareDocument(a: ComparedRun, b: ComparedRun, ratios: readonly PointRatio[], summary: ReproducibilitySummary, lang: Lang): Block[] {
  const runA = t(lang, 'runA');
  const runB = t(lang, 'runB');
  const differences = runDifferences(a.results, b.results).map((d) => differenceText(lang, d));
  const blocks: Block[] = [{ kind: 'title', text: t(lang, 'compareTitle'), meta: `${runA}: ${code(a.results.runId)} · ${runB}: ${code(b.results.runId)}` }];
  if (differences.length > 0) blocks.push({ kind: 'banner', banner: { kind: 'warning', title: t(lang, 'runsDiffer'), intro: '', items: differences } });
  for (const [label, run] of [[runA, a], [runB, b]] as const) {
    for (const banner of runBanners(run.results, lang)) blocks.push({ kind: 'banner', banner: { ...banner, title: banner.title === '' ? label : `${label}: ${banner.title}` } });
  }
  blocks.push(
    { kind: 'paragraph', text: t(lang, 'compareIntro') },
    { kind: 'table', header: ['', runA, runB], rows: runsRows(a.results, b.results, lang) },
    { kind: 'heading', text: t(lang, 'reproTitle'), id: 'reproducibility' },
    ...reproducibilityText(lang, summary).map((text): Block => ({ kind: 'paragraph', text })),
  );
  const apart = summary.ratioPoints.apart;
  if (apart.length > 0) {
    blocks.push(
      { kind: 'subheading', text: t(lang, 'reproApartTitle') },
      {
        kind: 'table',
        header: [t(lang, 'colKind'), t(lang, 'colPoint'), runA, runB],
        rows: apart.map((p) => [t(lang, `kind_${p.kind}`), code(p.key.slice(p.key.indexOf(':') + 1)), formatRatioInterval(lang, p.a), formatRatioInterval(lang, p.b)]),
      },
    );
  }
  const slot = (run: ComparedRun, id: string, prefix: string): ChartSlot | undefined => {
    const chart = run.charts.find((c) => c.id === id);
    return chart === undefined ? undefined : { chart, pngHref: run.pngHrefs.get(id) ?? '', canvasId: canvasIdOf(chart, prefix) };
  };
  const ids = pairedChartIds(a.charts, b.charts);
  const all = [...a.charts, ...b.charts];
  for (const section of SECTIONS) {
    const inSection = ids.filter((id) => all.find((c) => c.id === id)?.section === section);
    if (inSection.length === 0) continue;
    blocks.push({ kind: 'heading', text: sectionText(section, lang).title, id: section });
    for (const id of inSection) {
      const title = all.find((c) => c.id === id)?.title ?? id;
      blocks.push({ kind: 'pair', title, slots: [slot(a, id, 'a'), slot(b, id, 'b')], missing: t(lang, 'notInRun'), headers: [runA, runB] });
    }
  }
  blocks.push({ kind: 'heading', text: t(lang, 'ratiosTitle'), id: 'ratios-section' }, { kind: 'paragraph', text: t(lang, 'ratiosIntro') });
  if (ratios.length === 0) blocks.push({ kind: 'paragraph', text: t(lang, 'noMatches') });
  else {
    const table = ratioTable(ratios, a.results, b.results, lang);
    blocks.push({ kind: 'table', id: 'ratios', header: table.header, rows: table.rows });
  }
  blocks.push({ kind: 'heading', text: t(lang, 'files'), id: 'files' }, { kind: 'links', items: [[a.resultsHref, `${runA}: ${code(a.resultsHref)}`], [b.resultsHref, `${runB}: ${code(b.resultsHref)}`]] });
  return blocks;
}

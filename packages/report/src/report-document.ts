// The report of one run as blocks: banners, machine and options, the host, chart sections with the verdicts, every measurement, files.

import { flaggedSummary, runBanners } from './banners.js';
import type { ReportChart } from './charts/report-chart.js';
import { SECTIONS } from './charts/report-chart.js';
import type { Block } from './document.js';
import { canvasIdOf } from './document.js';
import { formatDate } from './format.js';
import { hostRows, warningText } from './host-text.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import { optionRows } from './options-text.js';
import { overviewTable } from './overview-table.js';
import { code } from './inline.js';
import type { ResultsFile } from './schema.js';
import { machineRows, sectionText } from './summary.js';
import { NUMERIC_COLUMNS, suiteTables } from './tables.js';

/** What the document links to, relative to it. */
export interface DocumentFiles {
  resultsHref: string;
  /** PNG path per chart id. */
  pngHrefs: ReadonlyMap<string, string>;
}

const ROW_CLASSES = { notOk: 'not-ok', fault: 'fault', flagged: 'flagged', plain: '' } as const;

/** The line under the title: run id, date, profile. */
export function runMeta(results: ResultsFile, lang: Lang): string {
  return `${t(lang, 'run')}: ${code(results.runId)} · ${t(lang, 'createdAt')} ${formatDate(lang, results.createdAt)}`;
}

/** The host section's own blocks beyond its chart: rows, then warnings or that there are none. */
function hostBlocks(results: ResultsFile, lang: Lang): Block[] {
  const host = results.host;
  if (host === undefined) return [];
  const warnings = host.warnings.map((w) => warningText(lang, w));
  return [
    { kind: 'cards', cards: [{ title: t(lang, 'sectionHost'), rows: hostRows(host, lang) }] },
    warnings.length === 0
      ? { kind: 'paragraph', text: t(lang, 'hostQuiet') }
      : // The same warnings open the page in red; here they stand beside the figures they come from.
        { kind: 'banner', banner: { kind: 'note', title: t(lang, 'hostWarnings'), intro: '', items: warnings } },
  ];
}

/** Every block of a run's report, in reading order. */
export function reportDocument(results: ResultsFile, charts: readonly ReportChart[], files: DocumentFiles, lang: Lang): Block[] {
  const sections = SECTIONS.filter((s) => charts.some((c) => c.section === s) || (s === 'host' && results.host !== undefined));
  const blocks: Block[] = [
    { kind: 'title', text: t(lang, 'reportTitle'), meta: runMeta(results, lang) },
    ...runBanners(results, lang).map((banner): Block => ({ kind: 'banner', banner })),
    { kind: 'paragraph', text: t(lang, 'intro') },
    { kind: 'paragraph', text: flaggedSummary(results, lang) },
    {
      kind: 'cards',
      cards: [
        { title: t(lang, 'machine'), rows: machineRows(results.machine, lang) },
        { title: t(lang, 'options'), rows: optionRows(results, lang) },
      ],
    },
    {
      kind: 'contents',
      title: t(lang, 'contents'),
      items: [...sections.map((s): [string, string] => [s, sectionText(s, lang).title]), ['tables', t(lang, 'sectionTables')], ['files', t(lang, 'files')]],
    },
  ];
  for (const section of sections) {
    const text = sectionText(section, lang);
    blocks.push({ kind: 'heading', text: text.title, id: section });
    if (text.intro !== undefined) blocks.push({ kind: 'paragraph', text: text.intro });
    if (section === 'overview') {
      const table = overviewTable(results, lang);
      if (table !== undefined) blocks.push({ kind: 'table', id: 'verdicts', header: table.header, rows: table.rows });
    }
    for (const chart of charts.filter((c) => c.section === section)) {
      blocks.push({ kind: 'chart', slot: { chart, pngHref: files.pngHrefs.get(chart.id) ?? '', canvasId: canvasIdOf(chart) } });
    }
    if (section === 'host') blocks.push(...hostBlocks(results, lang));
  }
  blocks.push({ kind: 'heading', text: t(lang, 'sectionTables'), id: 'tables' }, { kind: 'paragraph', text: t(lang, 'sectionTablesIntro') });
  for (const table of suiteTables(results, lang)) {
    blocks.push({ kind: 'subheading', text: table.title }, { kind: 'table', header: table.header, rows: table.rows, numeric: NUMERIC_COLUMNS, rowClasses: table.marks.map((m) => ROW_CLASSES[m]) });
  }
  blocks.push(
    { kind: 'heading', text: t(lang, 'files'), id: 'files' },
    { kind: 'links', items: [[files.resultsHref, t(lang, 'resultsFile')], ['index.html', code('index.html')], ...charts.map((c): [string, string] => [files.pngHrefs.get(c.id) ?? '', code(files.pngHrefs.get(c.id) ?? '')])] },
  );
  return blocks;
}

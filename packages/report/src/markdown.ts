// The README.md of one run: a Markdown summary with the PNG charts embedded.

import type { ReportChart } from './charts/report-chart.js';
import { SECTIONS } from './charts/report-chart.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import type { ResultsFile } from './schema.js';
import { machineRows, optionRows, sectionText } from './summary.js';
import type { SuiteTable } from './tables.js';
import { suiteTables } from './tables.js';

/** Escapes the characters that would break a Markdown table cell. */
export function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function suiteTable(table: SuiteTable): string {
  return `### ${table.title}\n\n${mdTable(table.header, table.rows)}\n`;
}

/** The whole README.md of a run; `pngHrefs` maps chart id to a path relative to the README. */
export function reportMarkdown(results: ResultsFile, charts: readonly ReportChart[], pngHrefs: ReadonlyMap<string, string>, lang: Lang): string {
  const out: string[] = [
    `# ${t(lang, 'reportTitle')}`,
    '',
    `${t(lang, 'run')}: \`${results.runId}\` · ${t(lang, 'createdAt')} ${results.createdAt}`,
    '',
    t(lang, 'intro'),
    '',
    `## ${t(lang, 'machine')}`,
    '',
    mdTable(['', ''], machineRows(results.machine, lang)),
    '',
    `## ${t(lang, 'options')}`,
    '',
    mdTable(['', ''], optionRows(results.options)),
    '',
  ];
  for (const section of SECTIONS) {
    const inSection = charts.filter((c) => c.section === section);
    if (inSection.length === 0) continue;
    const text = sectionText(section, lang);
    out.push(`## ${text.title}`, '');
    if (text.intro !== undefined) out.push(text.intro, '');
    for (const chart of inSection) {
      out.push(`### ${chart.title}`, '', `![${chart.title}](${pngHrefs.get(chart.id) ?? ''})`, '', chart.explanation, '');
    }
  }
  out.push(`## ${t(lang, 'sectionTables')}`, '', t(lang, 'sectionTablesIntro'), '');
  out.push(...suiteTables(results, lang).map(suiteTable));
  out.push(`## ${t(lang, 'files')}`, '', `- [${t(lang, 'resultsFile')}](results.json)`, '- [index.html](index.html)', '');
  return out.join('\n');
}

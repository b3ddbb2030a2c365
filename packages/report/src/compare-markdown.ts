// The README.md of a comparison: both runs' PNGs side by side and the table of B/A ratios.

import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import type { ComparedRun } from './compare-page.js';
import { pairedChartIds } from './compare-page.js';
import { mdTable } from './markdown.js';
import type { PointRatio } from './ratios.js';
import { ratioTable } from './ratios.js';
import { machineRows } from './summary.js';

/** The whole README.md of a comparison. */
export function compareMarkdown(a: ComparedRun, b: ComparedRun, ratios: readonly PointRatio[], lang: Lang): string {
  const machineB = machineRows(b.results.machine, lang);
  const runs = mdTable(
    ['', t(lang, 'runA'), t(lang, 'runB')],
    [
      [t(lang, 'run'), `\`${a.results.runId}\``, `\`${b.results.runId}\``],
      ...machineRows(a.results.machine, lang).map(([label, value], i) => [label, value, machineB[i]?.[1] ?? '']),
    ],
  );
  const out = [`# ${t(lang, 'compareTitle')}`, '', t(lang, 'compareIntro'), '', runs, ''];
  const image = (run: ComparedRun, id: string): string => {
    const chart = run.charts.find((c) => c.id === id);
    const href = run.pngHrefs.get(id);
    return chart === undefined || href === undefined ? t(lang, 'notInRun') : `![${chart.title}](${href})`;
  };
  for (const id of pairedChartIds(a.charts, b.charts)) {
    const title = (a.charts.find((c) => c.id === id) ?? b.charts.find((c) => c.id === id))?.title ?? id;
    out.push(`### ${title}`, '', mdTable([t(lang, 'runA'), t(lang, 'runB')], [[image(a, id), image(b, id)]]), '');
  }
  out.push(`## ${t(lang, 'ratiosTitle')}`, '', t(lang, 'ratiosIntro'), '');
  const table = ratioTable(ratios, lang);
  out.push(ratios.length === 0 ? t(lang, 'noMatches') : mdTable(table.header, table.rows), '');
  return out.join('\n');
}

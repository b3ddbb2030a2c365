// What a reader must see before any chart: measurement faults, an unstable host, an old or interrupted file, and how many points are flagged.

import { formatInteger, formatList, formatRatioInterval, formatNumber } from './format.js';
import { warningText } from './host-text.js';
import type { Lang } from './i18n.js';
import { flagName, strategyName, t, tCount } from './i18n.js';
import { flagCounts, isFault } from './point-flags.js';
import type { OkPoint, ResultsFile } from './schema.js';
import { subjectTitle } from './subjects.js';

/** A box at the top of the page and the Markdown. */
export interface Banner {
  /** `warning` boxes are red-edged; `note` boxes grey. */
  kind: 'warning' | 'note';
  title: string;
  intro: string;
  items: string[];
}

/** Which point this is, in words: "Contar primos, hilos, 2 trabajadores". */
export function pointLabel(results: ResultsFile, lang: Lang, p: OkPoint): string {
  const parts = [subjectTitle(results, p.subject, lang)];
  if (p.implementation !== 'parlab') parts.push(p.implementation);
  parts.push(strategyName(lang, p.strategy).toLowerCase(), tCount(lang, 'workersCount', p.workers));
  return parts.join(', ');
}

/** The run's banners, most serious first. */
export function runBanners(results: ResultsFile, lang: Lang): Banner[] {
  const banners: Banner[] = [];
  const faults = results.points.filter((p): p is OkPoint => p.status === 'ok' && isFault(p));
  if (faults.length > 0) {
    banners.push({
      kind: 'warning',
      title: t(lang, 'faultsTitle'),
      intro: t(lang, 'faultsIntro'),
      items: faults.map((p) =>
        t(lang, 'faultItem', {
          what: pointLabel(results, lang, p),
          value: formatRatioInterval(lang, { median: p.median, low: p.ciLow, high: p.ciHigh }),
          ceiling: formatNumber(lang, p.ceiling ?? Math.min(p.workers, results.machine.availableCores)),
        }),
      ),
    });
  }
  const warnings = results.host?.warnings ?? [];
  if (warnings.length > 0) {
    banners.push({ kind: 'warning', title: t(lang, 'unstableTitle'), intro: t(lang, 'unstableIntro'), items: warnings.map((w) => warningText(lang, w)) });
  }
  const notes: string[] = [];
  if (results.upgradedFrom === 1) notes.push(t(lang, 'upgradedNote'));
  if (results.options['interrupted'] === true) notes.push(t(lang, 'interruptedNote'));
  if (notes.length > 0) banners.push({ kind: 'note', title: '', intro: notes.join(' '), items: [] });
  return banners;
}

/** "12 of 150 measurements are flagged (noisy: 8, …)", or that none is. */
export function flaggedSummary(results: ResultsFile, lang: Lang): string {
  const ok = results.points.filter((p): p is OkPoint => p.status === 'ok');
  const flagged = ok.filter((p) => p.flags.length > 0).length;
  if (flagged === 0) return t(lang, 'noneFlagged');
  const flags = formatList(lang, [...flagCounts(ok)].map(([flag, n]) => `${flagName(lang, flag)}: ${formatInteger(lang, n)}`));
  return tCount(lang, 'flaggedSummary', flagged, { flagged: formatInteger(lang, flagged), total: formatInteger(lang, ok.length), flags });
}

// The words for the verdicts verdicts.ts decides: every label, table cell and sentence that names a winner comes from here.

import { formatRatio } from './format.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import type { WorkloadVerdict } from './verdicts.js';

/** The workload's winner in words, e.g. "threads win (×1.31)" or "tie (within noise)". */
export function winnerText(lang: Lang, verdict: WorkloadVerdict): string {
  const ratio = verdict.threadOverProcess;
  switch (verdict.winner) {
    case 'thread':
    case 'process': {
      const best = verdict.best[verdict.winner];
      // Measured alone, a strategy can only be said to beat serial, by its own speedup.
      if (ratio === undefined) return t(lang, `winnerAlone_${verdict.winner}`, { x: formatRatio(lang, best?.median ?? 1) });
      return t(lang, `winner_${verdict.winner}`, { x: formatRatio(lang, verdict.winner === 'thread' ? ratio.median : 1 / ratio.median) });
    }
    default:
      return t(lang, `winner_${verdict.winner}`);
  }
}

/** Threads against processes in words, from the interval of their ratio: "threads faster (×1.31)" or a tie. */
export function strategiesText(lang: Lang, verdict: WorkloadVerdict): string {
  const ratio = verdict.threadOverProcess;
  if (ratio === undefined || verdict.strategies === 'tie') return t(lang, 'strategies_tie');
  return verdict.strategies === 'above'
    ? t(lang, 'strategies_above', { x: formatRatio(lang, ratio.median) })
    : t(lang, 'strategies_below', { x: formatRatio(lang, 1 / ratio.median) });
}

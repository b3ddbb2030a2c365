// Why a point was not measured, in the report's language where the reason is one it knows, else the tool's own message, marked as such.

import type { Lang, MessageKey } from './i18n.js';
import { code } from './inline.js';
import { t } from './i18n.js';
import type { ResultPoint } from './schema.js';

/** Reasons the runner and the package benchmarks write, and their localized wording. */
const KNOWN_REASONS: readonly { pattern: RegExp; key: MessageKey; names?: readonly string[] }[] = [
  { pattern: /^(\S+) has no map(?:\(\))?$/, key: 'reason_noMap', names: ['implementation'] },
  { pattern: /^interrupted before it was measured$/, key: 'reason_interrupted' },
  { pattern: /^no sample was taken$/, key: 'reason_noSample' },
  { pattern: /^python3 was not found on the PATH/, key: 'reason_noPython' },
];

/** The status of a point in words: "measured", or "skipped: piscina has no map()" in the report's language. */
export function statusText(lang: Lang, point: ResultPoint): string {
  if (point.status === 'ok') return t(lang, 'status_ok');
  const status = t(lang, `status_${point.status}`);
  for (const { pattern, key, names = [] } of KNOWN_REASONS) {
    const match = pattern.exec(point.error);
    if (match === null) continue;
    const vars = Object.fromEntries(names.map((name, i) => [name, code(match[i + 1] ?? '')]));
    return `${status}: ${t(lang, key, vars)}`;
  }
  // A message the report does not know (an exception's text) stays as the tool wrote it, shown as such.
  return t(lang, 'rawMessage', { status, message: code(point.error) });
}

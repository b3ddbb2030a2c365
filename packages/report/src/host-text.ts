// The host block in words: speed index, load and steal at start and end as rows, and its warnings worded from their codes.

import { formatFixed, formatList, formatPrecision, formatShare, formatValue } from './format.js';
import type { Lang } from './i18n.js';
import { t } from './i18n.js';
import type { HostInfo, HostState, HostWarning } from './schema.js';

/** A share of the CPUs, or "unknown" where /proc/stat was missing. */
const share = (lang: Lang, value: number | null | undefined): string => (value === null || value === undefined ? t(lang, 'unknown') : formatShare(lang, value, 1));

const loads = (lang: Lang, state: HostState): string => formatList(lang, state.loadAverage.map((x) => formatFixed(lang, x)), 'values');

/** The host as [label, value] rows. */
export function hostRows(host: HostInfo, lang: Lang): [string, string][] {
  const end = host.end;
  const index = host.speedIndex;
  const pair = (pick: (s: HostState) => number | null): string => `${share(lang, pick(host.start))}, ${end === null ? t(lang, 'notRecorded') : share(lang, pick(end))}`;
  return [
    [t(lang, 'hostReference'), formatValue(lang, 'wall_ms', host.referenceMs)],
    [t(lang, 'hostIndex'), `${formatFixed(lang, index.median)} (${formatFixed(lang, index.min)} – ${formatFixed(lang, index.max)})`],
    [t(lang, 'hostLoadStart'), loads(lang, host.start)],
    [t(lang, 'hostLoadEnd'), end === null ? t(lang, 'notRecorded') : loads(lang, end)],
    [t(lang, 'hostBusy'), pair((s) => s.busyShare)],
    [t(lang, 'hostSteal'), pair((s) => s.stealShare)],
  ];
}

/**
 * One warning in the report's language, from its code and value: busy and steal carry a share of
 * the CPUs (0..1), unstable the reference loop's precision in percent, drift the speed index reached.
 */
export function warningText(lang: Lang, warning: HostWarning): string {
  const v = warning.value;
  let value = '';
  if (v !== undefined) {
    if (warning.code === 'busy' || warning.code === 'steal') value = ` (${formatShare(lang, v, 1)})`;
    else if (warning.code === 'unstable') value = ` (${formatPrecision(lang, v)})`;
    else value = t(lang, 'warningDriftValue', { x: formatFixed(lang, v) });
  }
  return t(lang, `warning_${warning.code}`, { value });
}

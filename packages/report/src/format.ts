// The one formatter: every number, interval, share, date and list the report prints goes through Intl here.

import type { Lang } from './lang.js';
import { LOCALES } from './lang.js';
import type { Metric } from './schema.js';

const MIB = 1024 * 1024;

interface DisplayUnit {
  /** Multiply a raw value by this to get the shown value. */
  factor: number;
  /** Unit written after the shown value. */
  label: string;
}

const DISPLAY_UNITS: Record<Metric, DisplayUnit> = {
  wall_ms: { factor: 1, label: 'ms' },
  tasks_per_s: { factor: 1, label: '/s' },
  items_per_s: { factor: 1, label: '/s' },
  msgs_per_s: { factor: 1, label: '/s' },
  bytes_per_s: { factor: 1 / MIB, label: 'MiB/s' },
  round_trip_us: { factor: 1, label: 'µs' },
  spawn_ms: { factor: 1, label: 'ms' },
  rss_bytes: { factor: 1 / MIB, label: 'MiB' },
  speedup: { factor: 1, label: '×' },
};

/** Intl objects are costly to build and the report formats thousands of numbers: keep one per setting. */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** The unit a metric is shown in. */
export function displayUnit(metric: Metric): string {
  return DISPLAY_UNITS[metric].label;
}

/** A raw value of `metric` converted to its display unit (still a number, for charts). */
export function toDisplay(metric: Metric, value: number): number {
  return value * DISPLAY_UNITS[metric].factor;
}

/** A number with three significant digits in the language's own notation (es: 0,66; en: 0.66). */
export function formatNumber(lang: Lang, value: number, significant = 3): string {
  const digits = Math.abs(value) >= 10 ** significant ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: significant };
  return numberFormat(lang, digits).format(value);
}

/** A whole number (a count, a worker count). */
export function formatInteger(lang: Lang, value: number): string {
  return numberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** A number with exactly `digits` decimals (an Amdahl parallel fraction, a speed index). */
export function formatFixed(lang: Lang, value: number, digits = 2): string {
  return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share between 0 and 1 as a percentage, e.g. `93 %` (es: `93 %`). */
export function formatShare(lang: Lang, share: number, fractionDigits = 0): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: fractionDigits }).format(share);
}

/** A value already in percent (an rme), e.g. `± 2.1 %`. */
export function formatPrecision(lang: Lang, percent: number): string {
  return `± ${formatShare(lang, percent / 100, percent < 10 ? 1 : 0)}`;
}

/** The digits of a metric's value: a speedup always with three significant ones (1.60, not 1.6). */
const metricDigits = (lang: Lang, metric: Metric, value: number): string =>
  metric === 'speedup' ? ratioDigits(lang, value) : formatNumber(lang, toDisplay(metric, value));

/** A raw value of `metric` formatted with its display unit, e.g. `12.3 ms` or `1,5 MiB`. */
export function formatValue(lang: Lang, metric: Metric, value: number): string {
  return `${metricDigits(lang, metric, value)} ${displayUnit(metric)}`;
}

/** An interval of a metric with the unit once, e.g. `812 – 845 ms`. */
export function formatRange(lang: Lang, metric: Metric, low: number, high: number): string {
  return `${metricDigits(lang, metric, low)} – ${formatValue(lang, metric, high)}`;
}

/** A ratio's digits: always three significant ones, so 1.10 and 1.15 line up. */
function ratioDigits(lang: Lang, ratio: number): string {
  return Math.abs(ratio) >= 1000 ? formatNumber(lang, ratio) : numberFormat(lang, { minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(ratio);
}

/** A ratio, e.g. `×1.32`. */
export function formatRatio(lang: Lang, ratio: number): string {
  return `×${ratioDigits(lang, ratio)}`;
}

/** A ratio with its interval, e.g. `×1.32 [1.20 – 1.41]`. */
export function formatRatioInterval(lang: Lang, estimate: { median: number; low: number; high: number }): string {
  return `${formatRatio(lang, estimate.median)} [${ratioDigits(lang, estimate.low)} – ${ratioDigits(lang, estimate.high)}]`;
}

/** Bytes as GiB, for the machine's memory. */
export function formatGiB(lang: Lang, bytes: number): string {
  return `${formatNumber(lang, bytes / (MIB * 1024))} GiB`;
}

/** A duration in ms as minutes and seconds, e.g. `2 min 49 s`. */
export function formatDuration(lang: Lang, ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes === 0 ? `${formatInteger(lang, rest)} s` : `${formatInteger(lang, minutes)} min ${formatInteger(lang, rest)} s`;
}

/** An ISO 8601 time as the language writes dates, in UTC so every reader sees the same text. */
export function formatDate(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

/** Items joined as the language lists them ("a, b and c"; es: "a, b y c"), or as a plain series of values ("1, 2, 4"). */
export function formatList(lang: Lang, items: readonly string[], kind: 'words' | 'values' = 'words'): string {
  const options: Intl.ListFormatOptions = kind === 'words' ? { style: 'long', type: 'conjunction' } : { style: 'short', type: 'unit' };
  return new Intl.ListFormat(LOCALES[lang], options).format(items);
}

/** Which plural form a count takes in the language (es and en: `one` or `other`). */
export function pluralOf(lang: Lang, count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(LOCALES[lang]).select(count);
}

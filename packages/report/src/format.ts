// Turns raw metric values into the numbers and units a reader sees (bytes become MiB, etc.).

import type { Lang } from './i18n.js';
import { LOCALES } from './i18n.js';
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

/** The unit a metric is shown in. */
export function displayUnit(metric: Metric): string {
  return DISPLAY_UNITS[metric].label;
}

/** A share between 0 and 1 with two decimals (an Amdahl parallel fraction). */
export function formatFraction(lang: Lang, value: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A raw value of `metric` converted to its display unit (still a number, for charts). */
export function toDisplay(metric: Metric, value: number): number {
  return value * DISPLAY_UNITS[metric].factor;
}

/** A number with three significant digits in the language's own notation. */
export function formatNumber(lang: Lang, value: number, significant = 3): string {
  const digits = Math.abs(value) >= 10 ** significant ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: significant };
  return new Intl.NumberFormat(LOCALES[lang], digits).format(value);
}

/** A raw value of `metric` formatted with its display unit, e.g. `12.3 ms` or `1,5 MiB`. */
export function formatValue(lang: Lang, metric: Metric, value: number): string {
  return `${formatNumber(lang, toDisplay(metric, value))} ${displayUnit(metric)}`;
}

/** Bytes as GiB, for the machine's memory. */
export function formatGiB(lang: Lang, bytes: number): string {
  return `${formatNumber(lang, bytes / (MIB * 1024))} GiB`;
}

// The one place the examples format numbers for people: Intl.NumberFormat and Intl.PluralRules in the lesson's language.
import type { Lang, Text } from './text.js';

const LOCALE: Record<Lang, string> = { en: 'en-GB', es: 'es-ES' };

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

/** A number with `digits` decimals: 1234.5 → "1,234.5" (en), "1234,5" (es; Spanish groups from 10 000 on). */
export function formatNumber(lang: Lang, value: number, digits = 0): string {
  return numberFormat(lang, digits).format(value);
}

/** A ratio such as a speed-up: 1.5678 → "1.57×" (en), "1,57×" (es); fewer decimals from 10× and 100× on. */
export function formatRatio(lang: Lang, value: number): string {
  return `${formatNumber(lang, value, value >= 100 ? 0 : value >= 10 ? 1 : 2)}×`;
}

/** Milliseconds, whole under 10 s: "850 ms"; one decimal below 10 ms: "2.5 ms" / "2,5 ms". */
export function formatMs(lang: Lang, ms: number): string {
  return `${formatNumber(lang, ms, ms < 10 ? 1 : 0)} ms`;
}

/** Microseconds: "41.3 µs" / "41,3 µs"; three decimals below 1 µs ("0,012 µs"), none from 100 µs on. */
export function formatUs(lang: Lang, us: number): string {
  return `${formatNumber(lang, us, us < 1 ? 3 : us < 100 ? 1 : 0)} µs`;
}

/** Mebibytes with one decimal: "45.2 MiB" / "45,2 MiB". */
export function formatMiB(lang: Lang, bytes: number): string {
  return `${formatNumber(lang, bytes / 2 ** 20, 1)} MiB`;
}

/** A percentage of a fraction: 0.125 → "12.5 %" (en) / "12,5 %" (es). */
export function formatPercent(lang: Lang, fraction: number, digits = 0): string {
  return `${formatNumber(lang, fraction * 100, digits)} %`;
}

/** A noun's singular and plural in both languages, e.g. { one: { en: 'worker', es: 'trabajador' }, other: … }. */
export interface Noun {
  readonly one: Text;
  readonly other: Text;
}

/** A count with its noun, chosen by the language's plural rules: "1 trabajador", "2 trabajadores". */
export function formatCount(lang: Lang, count: number, noun: Noun): string {
  let rules = pluralRules.get(lang);
  if (rules === undefined) {
    rules = new Intl.PluralRules(LOCALE[lang]);
    pluralRules.set(lang, rules);
  }
  const form = rules.select(count) === 'one' ? noun.one : noun.other;
  return `${formatNumber(lang, count)} ${form[lang]}`;
}

/** "yes"/"no" in the lesson's language, for a boolean that the lesson is about (not a code value). */
export function formatYesNo(lang: Lang, value: boolean): string {
  return value ? (lang === 'es' ? 'sí' : 'yes') : 'no';
}

/** A list joined the language's way: "A, B and C" / "A, B y C". */
export function formatList(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' }).format(items);
}

// The run's options as label/value rows in the report's language: known keys worded, unknown ones shown as code.

import { formatDuration, formatInteger, formatList, formatNumber } from './format.js';
import type { Lang, MessageKey } from './i18n.js';
import { isLang, strategyName, t } from './i18n.js';
import { code } from './inline.js';
import type { ResultsFile, Strategy } from './schema.js';
import { STRATEGIES, SUITES } from './schema.js';
import { subjectTitle } from './subjects.js';

const KNOWN_PROFILES = ['quick', 'full', 'test'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/** Any JSON value as text: numbers through the formatter, lists joined, the rest as code. */
function genericValue(lang: Lang, value: unknown): string {
  if (typeof value === 'number') return formatNumber(lang, value);
  if (typeof value === 'boolean') return t(lang, value ? 'yes' : 'no');
  if (Array.isArray(value)) return value.length === 0 ? t(lang, 'none') : formatList(lang, value.map((v) => genericValue(lang, v)));
  if (typeof value === 'string') return code(value);
  return code(JSON.stringify(value));
}

/** A bias note as the runner writes it: `{ name, value, effect }`, `effect` a text or one per language. */
function biasText(lang: Lang, bias: unknown): string {
  const { name, value, effect } = (bias ?? {}) as { name?: unknown; value?: unknown; effect?: unknown };
  const setting = code(`${String(name)}=${String(value)}`);
  if (typeof effect === 'object' && effect !== null && typeof (effect as Record<string, unknown>)[lang] === 'string') {
    return t(lang, 'biasEffect', { setting, effect: (effect as Record<Lang, string>)[lang] });
  }
  // An effect written in one language only is the tool's English sentence: quoted as it is.
  return typeof effect === 'string' ? t(lang, lang === 'en' ? 'biasEffect' : 'biasRaw', { setting, effect: lang === 'en' ? effect : code(effect) }) : setting;
}

type Formatter = (lang: Lang, value: unknown, results: ResultsFile) => string;

/** Known option keys: their label and how their value reads. */
const KNOWN: Record<string, { label: MessageKey; value: Formatter }> = {
  profile: { label: 'opt_profile', value: (lang, v) => (isOneOf(KNOWN_PROFILES, v) ? `${t(lang, `profile_${v}`)} (${code(`--profile ${v}`)})` : genericValue(lang, v)) },
  suites: {
    label: 'opt_suites',
    value: (lang, v) => (Array.isArray(v) ? formatList(lang, v.map((s) => (isOneOf(SUITES, s) ? t(lang, `suite_${s}`) : genericValue(lang, s)))) : genericValue(lang, v)),
  },
  workloads: {
    label: 'opt_workloads',
    value: (lang, v, results) => (Array.isArray(v) ? formatList(lang, v.map((s) => (typeof s === 'string' ? subjectTitle(results, s, lang) : genericValue(lang, s)))) : genericValue(lang, v)),
  },
  strategies: {
    label: 'opt_strategies',
    value: (lang, v) => (Array.isArray(v) ? formatList(lang, v.map((s) => (isOneOf<Strategy>(STRATEGIES, s) ? strategyName(lang, s).toLowerCase() : genericValue(lang, s)))) : genericValue(lang, v)),
  },
  workers: { label: 'opt_workers', value: (lang, v) => (Array.isArray(v) ? formatList(lang, v.map((n) => (typeof n === 'number' ? formatInteger(lang, n) : genericValue(lang, n))), 'values') : genericValue(lang, v)) },
  lang: { label: 'opt_lang', value: (lang, v) => (typeof v === 'string' && isLang(v) ? t(lang, `lang_${v}`) : genericValue(lang, v)) },
  environment: {
    label: 'opt_environment',
    value: (lang, v) => {
      const entries = typeof v === 'object' && v !== null ? Object.entries(v as Record<string, unknown>) : [];
      return entries.length === 0 ? t(lang, 'none') : entries.map(([k, x]) => code(`${k}=${String(x)}`)).join(', ');
    },
  },
  biases: { label: 'opt_biases', value: (lang, v) => (Array.isArray(v) && v.length > 0 ? v.map((b) => biasText(lang, b)).join('; ') : t(lang, 'none')) },
  durationMs: { label: 'opt_durationMs', value: (lang, v) => (typeof v === 'number' ? formatDuration(lang, v) : genericValue(lang, v)) },
  interrupted: { label: 'opt_interrupted', value: (lang, v) => genericValue(lang, v) },
  samplesPerPoint: { label: 'opt_samplesPerPoint', value: (lang, v) => genericValue(lang, v) },
  sizes: { label: 'opt_sizes', value: (lang, v) => code(JSON.stringify(v)) },
};

/** The options of a run as [label, value] rows; cells write code in backticks. */
export function optionRows(results: ResultsFile, lang: Lang): [string, string][] {
  return Object.entries(results.options).map(([key, value]) => {
    const known = KNOWN[key];
    return known === undefined ? [code(key), genericValue(lang, value)] : [t(lang, known.label), known.value(lang, value, results)];
  });
}

/** One option's value as the report words it (the compare header shows profiles and workers side by side). */
export function optionValue(results: ResultsFile, key: string, lang: Lang): string {
  const value = results.options[key];
  if (value === undefined) return '—';
  const known = KNOWN[key];
  return known === undefined ? genericValue(lang, value) : known.value(lang, value, results);
}

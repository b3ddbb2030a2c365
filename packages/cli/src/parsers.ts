// Value parsers for commander options, with their complaints in the user's language.
import { closest, distance } from 'fastest-levenshtein';
import { invalid } from './program.js';
import type { Lang } from './lang.js';

const TEXT = {
  oneOf: { en: 'must be one of {values}', es: 'debe ser uno de {values}' },
  didYouMean: { en: " (did you mean '{value}'?)", es: " (¿querías decir '{value}'?)" },
  whole: { en: 'must be a whole number from {min} to {max}', es: 'debe ser un número entero entre {min} y {max}' },
  empty: { en: 'is empty; give a comma-separated list', es: 'está vacío; da una lista separada por comas' },
  unknown: { en: 'unknown {what} {items}; valid: {values}', es: '{what} desconocido: {items}; valen: {values}' },
} as const;

function say(lang: Lang, key: keyof typeof TEXT, values: Record<string, string | number>): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** The valid value a typo most likely meant: within a third of its length in edits, as commander judges option names. */
export function suggestion(value: string, values: readonly string[], lang: Lang): string {
  if (values.length === 0) return '';
  const best = closest(value, [...values]);
  return distance(value, best) <= Math.max(1, Math.floor(best.length / 3)) ? say(lang, 'didYouMean', { value: best }) : '';
}

/** One of `values`. */
export function choice<T extends string>(values: readonly T[], lang: Lang): (value: string) => T {
  return (value) =>
    (values as readonly string[]).includes(value) ? (value as T) : invalid(`${say(lang, 'oneOf', { values: values.join(', ') })}${suggestion(value, values, lang)}`);
}

/** A whole number in [min, max]. */
export function wholeNumber(min: number, max: number, lang: Lang): (value: string) => number {
  return (value) => {
    const n = Number(value);
    return /^\d+$/.test(value.trim()) && n >= min && n <= max ? n : invalid(say(lang, 'whole', { min, max }));
  };
}

/** A comma-separated list, each item parsed by `item`; duplicates dropped, order kept. */
export function list<T>(item: (value: string) => T, lang: Lang): (value: string) => T[] {
  return (value) => {
    const items = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
    if (items.length === 0) invalid(say(lang, 'empty', {}));
    return [...new Set(items.map(item))];
  };
}

/** A comma-separated list of names from `values`; `what` names them in the complaint (e.g. "workload"). */
export function choices<T extends string>(values: readonly T[], what: string, lang: Lang): (value: string) => T[] {
  return (value) => {
    const items = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
    if (items.length === 0) invalid(say(lang, 'empty', {}));
    const unknown = items.filter((part) => !(values as readonly string[]).includes(part));
    if (unknown.length > 0) {
      const hint = unknown.length === 1 ? suggestion(unknown[0] as string, values, lang) : '';
      invalid(`${say(lang, 'unknown', { what, items: unknown.map((u) => `'${u}'`).join(', '), values: values.join(', ') || '—' })}${hint}`);
    }
    return [...new Set(items)] as T[];
  };
}

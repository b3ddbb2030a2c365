// The languages the report is written in and the locale each formats numbers and dates with.

/** Languages the report is written in. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Locale for numbers and dates in each language (Spanish writes 1.234,5). */
export const LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-ES' };

/** True when `value` names a language the report supports. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

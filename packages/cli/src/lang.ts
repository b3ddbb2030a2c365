// The two languages the course is taught in.
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in both languages. */
export interface Localized {
  readonly en: string;
  readonly es: string;
}

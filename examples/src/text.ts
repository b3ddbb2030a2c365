// Bilingual text: the two languages of the course, and `{name}` placeholders filled from values.
import type { Lang, Localized } from '@parlab/cli';

export type { Lang } from '@parlab/cli';

/** A sentence in both languages; `{name}` placeholders are filled from values. */
export type Text = Localized;

export type Values = Readonly<Record<string, string | number | boolean | null>>;

export function fill(template: string, values: Values = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** `text` in `lang`, placeholders filled. */
export function render(lang: Lang, text: Text, values?: Values): string {
  return fill(text[lang], values);
}

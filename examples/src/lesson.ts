// What a lesson is: a numbered, bilingual walk through one question of the course unit.
import type { StrategyName } from '@parlab/core';

export type Lang = 'en' | 'es';

/** A sentence in both languages; `{name}` placeholders are filled from `values`. */
export interface Text {
  readonly en: string;
  readonly es: string;
}

export interface LessonContext {
  readonly strategy: StrategyName;
  readonly lang: Lang;
  /** Prints one line in the chosen language, filling `{name}` placeholders. */
  say(text: Text, values?: Record<string, string | number | boolean | null>): void;
  /** The text in the chosen language, placeholders filled. */
  t(text: Text, values?: Record<string, string | number | boolean | null>): string;
}

export interface Lesson {
  /** 1–10, the order of the course unit's questions. */
  readonly number: number;
  /** The course's question, as the unit asks it. */
  readonly title: Text;
  run(context: LessonContext): Promise<void>;
}

export function fill(template: string, values: Record<string, string | number | boolean | null> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

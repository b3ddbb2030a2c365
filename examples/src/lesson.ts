// What a lesson is: a numbered, bilingual walk through one question of the course unit, run under one strategy.
import type { StrategyName } from '@parlab/core';
import type { Lang, Text, Values } from './text.js';

/** `small` shrinks the CPU work and waits, for tests and slow machines; what is shown stays the same. */
export const SIZES = ['normal', 'small'] as const;
export type Size = (typeof SIZES)[number];

export interface LessonContext {
  readonly strategy: StrategyName;
  readonly lang: Lang;
  readonly size: Size;
  /** Commentary: the lesson explaining itself (no speaker prefix). */
  say(text: Text, values?: Values): void;
  /** An event of the main program, prefixed with who it is (`[MainProcess pid 4100] …`). */
  tell(text: Text, values?: Values): void;
  /** The text in the lesson's language, placeholders filled. */
  t(text: Text, values?: Values): string;
}

export interface Lesson {
  /** 1–10: the unit's questions, in its order; 11: its "Ventajas y Desventajas". */
  readonly number: number;
  /** The unit's question word for word (es) and its translation (en). */
  readonly title: Text;
  /** Where the unit points for the Python version (notebooks, Python files). */
  readonly notebooks: readonly string[];
  /** Python's names beside parlab's, so a student can map the notebook onto this code. */
  readonly python: readonly (readonly [python: string, parlab: string])[];
  run(context: LessonContext): Promise<void>;
}

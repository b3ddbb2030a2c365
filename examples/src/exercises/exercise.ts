// What an exercise of the workshop is: a function a student completes in a file, and a check of it under one strategy.
import type { StrategyName } from '@parlab/core';
import type { Lang, Text, Values } from '../text.js';

/** A check's finding: the student's code is right, or what is wrong and what to do about it. */
export type Verdict = { readonly ok: true; readonly note?: Text; readonly values?: Values } | { readonly ok: false; readonly why: Text; readonly values?: Values };

export const pass = (note?: Text, values?: Values): Verdict => (note === undefined ? { ok: true } : { ok: true, note, values: values ?? {} });
export const fail = (why: Text, values?: Values): Verdict => ({ ok: false, why, values: values ?? {} });

export interface CheckContext {
  readonly strategy: StrategyName;
  readonly lang: Lang;
  /** The student's module, compiled and imported here (the main program). */
  readonly module: Readonly<Record<string, unknown>>;
  /** Its URL, for a target that runs in a child: targetRef(moduleUrl, 'name'). */
  readonly moduleUrl: string;
}

export interface Exercise {
  /** The lesson it practises (1–10). */
  readonly number: number;
  /** The file name's stem: `06-queue` → examples/exercises/mine/06-queue.ts. */
  readonly stem: string;
  /** What the student completes, in one or two sentences. */
  readonly task: Text;
  /** The names the file must export. */
  readonly exports: readonly string[];
  /** Checks the student's code under `context.strategy`; throwing is a failure too (explained by the runner). */
  check(context: CheckContext): Promise<Verdict>;
}

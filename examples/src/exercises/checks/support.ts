// What the exercises' checks share: how long anything may take, and reading a child's failure.
import type { Process } from '@parlab/core';

/** The most any step of a check waits: a student's code that hangs fails with a message instead. */
export const BOUND_MS = 20_000;

/** A child that did not end well: its own error if it threw (the runner explains it), else its exit code. */
export function childFailure(p: Process): Error | null {
  if (p.exitCode === 0) return null;
  return p.error ?? new ChildExit(p.name, p.exitCode);
}

/** A child ended with a non-zero exit code and no error of its own. */
export class ChildExit extends Error {
  override readonly name = 'ChildExit';
  constructor(
    readonly child: string,
    readonly exitCode: number | null,
  ) {
    super(`${child} ended with exitCode ${String(exitCode)}`);
  }
}

/** The words the checks send, in the student's language. */
export function words(lang: 'en' | 'es'): string[] {
  return lang === 'es' ? ['hola', 'tubería', 'adiós'] : ['hello', 'pipe', 'goodbye'];
}

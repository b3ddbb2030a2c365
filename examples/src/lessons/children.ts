// Starting and joining a lesson's children with the main program's lines about it: "starting X" before start(), "X has ended" after join().
import type { Process } from '@parlab/core';
import type { LessonContext } from '../lesson.js';
import type { Text } from '../text.js';
import { WAIT_MS } from './shared.js';

/** The main program's two lines about a child's life, the same in every lesson (the tests read them). */
export const LIFE = {
  start: { en: 'starting {name}', es: 'arranco {name}' },
  ended: { en: '{name} has ended: exitCode = {code}', es: '{name} terminó: exitCode = {code}' },
} as const satisfies Record<string, Text>;

/** Says "starting X", then starts X: so X's own first line can only come after it. */
export function startAll(ctx: LessonContext, processes: readonly Process[]): void {
  for (const p of processes) {
    ctx.tell(LIFE.start, { name: p.name });
    p.start();
  }
}

/** Joins each child in turn and, once it has ended, says so with its exit code. */
export async function joinAll(ctx: LessonContext, processes: readonly Process[], timeoutMs = WAIT_MS): Promise<void> {
  for (const p of processes) {
    const code = await p.join(timeoutMs);
    if (code === null) {
      throw new Error(ctx.t({ en: '{name} did not end within {ms} ms', es: '{name} no terminó en {ms} ms' }, { name: p.name, ms: timeoutMs }));
    }
    ctx.tell(LIFE.ended, { name: p.name, code });
  }
}

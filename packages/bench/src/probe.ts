// The program a start-up probe runs in its child: say "ready" with its memory, then wait to be told to exit.
import { defineTargets, type ProgramContext } from '@parlab/core';

/** First message a probe sends. */
export interface ProbeReady {
  readonly type: 'probe:ready';
  /** Resident set size of the child's process (the whole process under `thread`). */
  readonly rssBytes: number;
}

export function probeProgram(ctx: ProgramContext): void {
  ctx.onMessage((message) => {
    if (message === 'exit') ctx.exit(0);
  });
  const ready: ProbeReady = { type: 'probe:ready', rssBytes: process.memoryUsage().rss };
  ctx.send(ready);
}

defineTargets(import.meta.url, { probeProgram });

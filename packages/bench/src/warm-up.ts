// The task a new pool runs once on every worker, so worker start-up stays outside the timed part.
import { defineTargets } from '@parlab/core';

/** Returns its argument; the round trip proves the worker is up and its task channel works. */
export function warmUp(index: number): number {
  return index;
}

defineTargets(import.meta.url, { warmUp });

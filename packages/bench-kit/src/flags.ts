// The flags a measured point carries, decided in one place from its summary and what the runner knew.
import type { PointFlag } from './schema.js';
import type { Summary } from './stats.js';
import { CONFIDENCE } from './stats.js';

/** A point's interval half-width above this share of its median is `noisy`. */
export const TARGET_PRECISION_PERCENT = 5;
/** The host's speed index moving further than this from 1 during a point is `hostDrift`. */
export const DRIFT_LIMIT = 0.1;

export interface FlagContext {
  /** For a speedup: min(workers, available cores). */
  readonly ceiling?: number | undefined;
  /** Host speed indices read while the point was measured. */
  readonly hostIndices?: readonly number[] | undefined;
  /** Precision the point aimed at, in percent of its median. */
  readonly targetPercent?: number | undefined;
}

/** The flags of a summarized point, in the order of FLAGS. */
export function pointFlags(summary: Pick<Summary, 'rme' | 'ciLevel' | 'ciLow'>, context: FlagContext = {}): PointFlag[] {
  const flags: PointFlag[] = [];
  if (summary.rme > (context.targetPercent ?? TARGET_PRECISION_PERCENT)) flags.push('noisy');
  if (summary.ciLevel < CONFIDENCE) flags.push('fewSamples');
  if (context.ceiling !== undefined && summary.ciLow > context.ceiling) flags.push('aboveCeiling');
  if (context.hostIndices !== undefined && context.hostIndices.some((index) => Math.abs(index - 1) > DRIFT_LIMIT)) flags.push('hostDrift');
  return flags;
}

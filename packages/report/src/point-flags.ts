// How sure a point is, in words: which flags mark it doubtful, which mark it a measurement fault.

import { formatList } from './format.js';
import type { Lang } from './i18n.js';
import { flagName } from './i18n.js';
import type { OkPoint, PointFlag } from './schema.js';
import { FLAGS } from './schema.js';

/** Flags that make a point doubtful: drawn hollow or pale. */
const DOUBT_FLAGS: readonly PointFlag[] = ['noisy', 'fewSamples', 'hostDrift'];

/** A speedup whose whole interval lies above min(workers, cores): the measurement, not the code, is wrong. */
export function isFault(point: Pick<OkPoint, 'flags'>): boolean {
  return point.flags.includes('aboveCeiling');
}

/** A point flagged noisy, with too few samples, or measured while the host drifted. */
export function isDoubtful(point: Pick<OkPoint, 'flags'>): boolean {
  return point.flags.some((flag) => DOUBT_FLAGS.includes(flag));
}

/** The distinct flags of some points, in schema order, as words ("noisy and host drift"). */
export function flagsText(lang: Lang, points: readonly Pick<OkPoint, 'flags'>[]): string {
  const present = FLAGS.filter((flag) => points.some((p) => p.flags.includes(flag)));
  return formatList(lang, present.map((flag) => flagName(lang, flag)));
}

/** How many points carry each flag. */
export function flagCounts(points: readonly Pick<OkPoint, 'flags'>[]): Map<PointFlag, number> {
  const counts = new Map<PointFlag, number>();
  for (const flag of FLAGS) {
    const n = points.filter((p) => p.flags.includes(flag)).length;
    if (n > 0) counts.set(flag, n);
  }
  return counts;
}

// A run's ratio points: its speedups, and parlab against each peer, raw code and Python at the same subject, strategy, workers and metric.

import { ratioOfMedians } from '@parlab/bench-kit';
import { okPoints, pointKey } from './results-query.js';
import type { OkPoint, ResultsFile } from './schema.js';

/** What a ratio point compares. */
export type RatioKind = 'speedup' | 'peer' | 'raw' | 'python';

export const RATIO_KINDS: readonly RatioKind[] = ['speedup', 'peer', 'raw', 'python'];

/** One ratio with its 95 % interval; `key` matches the same ratio in another run. */
export interface RatioPoint {
  key: string;
  kind: RatioKind;
  median: number;
  low: number;
  high: number;
}

/** The same identity under another implementation (and suite, for Python against Node). */
const sameSlot = (p: OkPoint, q: OkPoint): boolean => p.subject === q.subject && p.strategy === q.strategy && p.workers === q.workers && p.metric === q.metric;

function ratioOf(kind: RatioKind, parlab: OkPoint, other: OkPoint): RatioPoint {
  const r = ratioOfMedians(parlab.samples, other.samples);
  return { key: `${kind}:parlab÷${other.implementation}:${pointKey(parlab)}`, kind, median: r.median, low: r.low, high: r.high };
}

/**
 * Every ratio point of a run. Ratios between implementations are medians of two independent sets of
 * samples, so their interval is bench-kit's seeded bootstrap; a speedup carries its own interval.
 */
export function ratioPoints(results: ResultsFile): RatioPoint[] {
  const out: RatioPoint[] = okPoints(results, { metric: 'speedup' }).map((p) => ({ key: `speedup:${pointKey(p)}`, kind: 'speedup', median: p.median, low: p.ciLow, high: p.ciHigh }));
  const peers = okPoints(results, { suite: 'peers' });
  for (const parlab of peers.filter((p) => p.implementation === 'parlab')) {
    for (const other of peers.filter((q) => q.implementation !== 'parlab' && sameSlot(parlab, q))) out.push(ratioOf(other.implementation === 'raw' ? 'raw' : 'peer', parlab, other));
  }
  const node = results.points.filter((p): p is OkPoint => p.status === 'ok' && p.implementation === 'parlab' && (p.suite === 'workloads' || p.suite === 'primitives'));
  for (const python of okPoints(results, { suite: 'python' }).filter((p) => p.implementation !== 'parlab')) {
    for (const parlab of node.filter((p) => sameSlot(p, python))) out.push(ratioOf('python', parlab, python));
  }
  return out;
}

// A cheap log-bucketed histogram of durations, for the pool's queue-wait and run-time stats.
import type { HistogramSummary } from './types.js';

/** Buckets per doubling: bucket bounds grow by 2^(1/8) ≈ 9 %. */
const STEPS = 8;
/** Durations from 1 µs up to 2^40 µs (≈ 12 days) get a bucket; smaller ones share the first. */
const BUCKETS = 40 * STEPS + 1;

export class Histogram {
  readonly #counts = new Float64Array(BUCKETS);
  #count = 0;
  #sumUs = 0;
  #minUs = Infinity;
  #maxUs = 0;

  recordUs(us: number): void {
    const bucket = us <= 1 ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log2(us) * STEPS));
    this.#counts[bucket]! += 1;
    this.#count++;
    this.#sumUs += us;
    if (us < this.#minUs) this.#minUs = us;
    if (us > this.#maxUs) this.#maxUs = us;
  }

  #percentileUs(fraction: number): number {
    const rank = Math.ceil(this.#count * fraction);
    let seen = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      seen += this.#counts[bucket]!;
      if (seen >= rank) return Math.min(this.#maxUs, Math.max(this.#minUs, 2 ** (bucket / STEPS)));
    }
    return this.#maxUs;
  }

  summary(): HistogramSummary {
    if (this.#count === 0) return { count: 0, minMs: 0, maxMs: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p99Ms: 0 };
    return {
      count: this.#count,
      minMs: this.#minUs / 1000,
      maxMs: this.#maxUs / 1000,
      meanMs: this.#sumUs / this.#count / 1000,
      p50Ms: this.#percentileUs(0.5) / 1000,
      p90Ms: this.#percentileUs(0.9) / 1000,
      p99Ms: this.#percentileUs(0.99) / 1000,
    };
  }
}

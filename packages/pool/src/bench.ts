// The peers benchmark: parlab's Pool against piscina, tinypool, poolifier, worker-farm, workerpool
// and a hand-rolled pool, on per-task dispatch, chunked map and CPU-bound speedup.
import { withDeadline, type StrategyName } from '@parlab/core';
import { performance } from 'node:perf_hooks';
import { PEERS, type Peer, type PrimeRange, type Runner } from './bench-peers.js';
import { countPrimes } from './bench-tasks.js';

/** One result point, as ../shared/DESIGN.md's results schema defines it. */
export interface BenchRecord {
  readonly suite: 'peers';
  readonly subject: 'dispatch-noop' | 'map-noop' | 'cpu-primes';
  readonly implementation: string;
  readonly strategy: StrategyName | 'serial';
  readonly workers: number;
  readonly metric: 'tasks_per_s' | 'items_per_s' | 'speedup' | 'wall_ms';
  readonly unit: '1/s' | 'x' | 'ms';
  readonly better: 'higher' | 'lower';
  readonly status: 'ok' | 'failed' | 'skipped';
  readonly error?: string;
  readonly median: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly p75: number;
  readonly p99: number;
  /** Relative margin of error of the mean at 95 %, in percent. */
  readonly rme: number;
  readonly samples: number[];
}

export interface BenchOptions {
  readonly profile: 'quick' | 'full';
  readonly signal?: AbortSignal;
  readonly onProgress?: (label: string) => void;
}

const WORKERS = 2;
/** A peer that cannot start and warm up in this time is recorded as failed. */
const START_TIMEOUT_MS = 20_000;

const SIZES = {
  quick: { dispatchTasks: 2000, mapItems: 200_000, primeTasks: 64, primeWidth: 14_000, rounds: 4, primeRounds: 3 },
  full: { dispatchTasks: 20_000, mapItems: 200_000, primeTasks: 64, primeWidth: 40_000, rounds: 12, primeRounds: 6 },
} as const;

type Subject = BenchRecord['subject'];
type Summary = Pick<BenchRecord, 'median' | 'mean' | 'min' | 'max' | 'p75' | 'p99' | 'rme' | 'samples'>;

/** Two-sided 95 % Student t for n−1 degrees of freedom (n ≥ 2), ∞ ≈ 1.96. */
function tCritical(n: number): number {
  const table = [12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.2, 2.18, 2.16, 2.14, 2.13];
  return table[n - 2] ?? 1.96;
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / n;
  const variance = n > 1 ? sorted.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1) : 0;
  const rme = n > 1 && mean !== 0 ? ((tCritical(n) * Math.sqrt(variance / n)) / mean) * 100 : 0;
  return {
    median: quantile(sorted, 0.5),
    mean,
    min: sorted[0] ?? 0,
    max: sorted[n - 1] ?? 0,
    p75: quantile(sorted, 0.75),
    p99: quantile(sorted, 0.99),
    rme,
    samples: [...samples],
  };
}

const METRIC: Record<Subject, Pick<BenchRecord, 'metric' | 'unit' | 'better'>> = {
  'dispatch-noop': { metric: 'tasks_per_s', unit: '1/s', better: 'higher' },
  'map-noop': { metric: 'items_per_s', unit: '1/s', better: 'higher' },
  'cpu-primes': { metric: 'speedup', unit: 'x', better: 'higher' },
};

function record(subject: Subject, peer: Pick<BenchRecord, 'implementation' | 'strategy'>, outcome: Summary | { status: 'failed' | 'skipped'; error: string }): BenchRecord {
  const base = { suite: 'peers' as const, subject, implementation: peer.implementation, strategy: peer.strategy, workers: WORKERS, ...METRIC[subject] };
  if ('status' in outcome) {
    return { ...base, status: outcome.status, error: outcome.error, median: 0, mean: 0, min: 0, max: 0, p75: 0, p99: 0, rme: 0, samples: [] };
  }
  return { ...base, status: 'ok', ...outcome };
}

function primeRanges(tasks: number, width: number): PrimeRange[] {
  return Array.from({ length: tasks }, (_, k) => ({ lo: k * width, hi: (k + 1) * width }));
}

interface Started {
  readonly peer: Peer;
  readonly runner: Runner | null;
  readonly error: string;
  readonly samples: Record<Subject, number[]>;
  failed: Partial<Record<Subject, string>>;
}

/** Runs the suite. Samples of all implementations are interleaved round by round, so drift in the machine's load hits them alike. */
export async function runBenchmarks(options: BenchOptions): Promise<BenchRecord[]> {
  const size = SIZES[options.profile];
  const progress = options.onProgress ?? (() => {});
  const check = (): void => options.signal?.throwIfAborted();
  const started: Started[] = [];
  const items = Array.from({ length: size.mapItems }, (_, i) => i);
  const ranges = primeRanges(size.primeTasks, size.primeWidth);
  try {
    for (const peer of PEERS) {
      check();
      progress(`start ${peer.implementation} (${peer.strategy})`);
      const samples = { 'dispatch-noop': [], 'map-noop': [], 'cpu-primes': [] };
      let runner: Runner | null = null;
      try {
        runner = await withDeadline(peer.start(WORKERS), `starting ${peer.implementation}`, { timeoutMs: START_TIMEOUT_MS });
        // Warm-up: workers booted, code paths compiled.
        const warm = runner;
        const warmUp = async (): Promise<void> => {
          await warm.dispatch(500);
          await warm.primes(ranges.slice(0, 4));
          if (warm.map !== null) await warm.map(items.slice(0, 20_000));
        };
        await withDeadline(warmUp(), `warming up ${peer.implementation}`, { timeoutMs: START_TIMEOUT_MS });
        started.push({ peer, runner, error: '', samples, failed: {} });
      } catch (error) {
        await runner?.close().catch(() => {});
        started.push({ peer, runner: null, error: (error as Error).message, samples, failed: {} });
      }
    }

    const measure = async (entry: Started, subject: Subject, run: () => Promise<number>): Promise<void> => {
      if (entry.runner === null || entry.failed[subject] !== undefined) return;
      try {
        entry.samples[subject].push(await run());
      } catch (error) {
        entry.failed[subject] = (error as Error).message;
      }
    };

    for (let round = 0; round < size.rounds; round++) {
      progress(`dispatch-noop / map-noop round ${round + 1}/${size.rounds}`);
      for (const entry of started) {
        check();
        const runner = entry.runner;
        if (runner === null) continue;
        await measure(entry, 'dispatch-noop', async () => {
          const start = performance.now();
          await runner.dispatch(size.dispatchTasks);
          return (size.dispatchTasks / (performance.now() - start)) * 1000;
        });
        const map = runner.map;
        if (map !== null) {
          await measure(entry, 'map-noop', async () => {
            const start = performance.now();
            const out = await map(items);
            const elapsed = performance.now() - start;
            if (out.length !== items.length || out[items.length - 1] !== items[items.length - 1]) throw new Error('map-noop returned a wrong result');
            return (items.length / elapsed) * 1000;
          });
        }
      }
    }

    const expected = ranges.map((range) => countPrimes(range.lo, range.hi));
    const serialMs: number[] = [];
    for (let round = 0; round < size.primeRounds; round++) {
      progress(`cpu-primes round ${round + 1}/${size.primeRounds}`);
      check();
      const start = performance.now();
      for (const range of ranges) countPrimes(range.lo, range.hi);
      serialMs.push(performance.now() - start);
      for (const entry of started) {
        check();
        const runner = entry.runner;
        if (runner === null) continue;
        await measure(entry, 'cpu-primes', async () => {
          const begin = performance.now();
          const counts = await runner.primes(ranges);
          const elapsed = performance.now() - begin;
          if (counts.some((count, i) => count !== expected[i])) throw new Error('cpu-primes returned wrong counts');
          return elapsed;
        });
      }
    }

    const records: BenchRecord[] = [
      {
        ...record('cpu-primes', { implementation: 'raw', strategy: 'serial' }, summarize(serialMs)),
        workers: 1,
        metric: 'wall_ms',
        unit: 'ms',
        better: 'lower',
      },
    ];
    for (const subject of ['dispatch-noop', 'map-noop', 'cpu-primes'] as const) {
      for (const entry of started) {
        const failure = entry.runner === null ? entry.error : entry.failed[subject];
        if (failure !== undefined) {
          records.push(record(subject, entry.peer, { status: 'failed', error: failure }));
        } else if (subject === 'map-noop' && entry.runner?.map === null) {
          records.push(record(subject, entry.peer, { status: 'skipped', error: `${entry.peer.implementation} has no map` }));
        } else {
          const samples = entry.samples[subject];
          // Speedup per round: that round's serial time over its parallel time, so load that drifts between rounds hits both alike.
          records.push(record(subject, entry.peer, summarize(subject === 'cpu-primes' ? samples.map((ms, round) => (serialMs[round] ?? ms) / ms) : samples)));
        }
      }
    }
    return records;
  } finally {
    for (const entry of started) {
      progress(`stop ${entry.peer.implementation} (${entry.peer.strategy})`);
      await entry.runner?.close().catch(() => {});
    }
  }
}

// The peers benchmark: parlab's Pool against piscina, tinypool, poolifier, worker-farm, workerpool
// and a hand-rolled pool, on per-task dispatch, chunked map and CPU-bound speedup; and parlab's
// memory under sustained load. Every wait is bounded: a pool that hangs is abandoned, not waited for.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { notOkRecord, okRecord, type BenchRecord as KitRecord, type Identity } from '@parlab/bench-kit';
import { withDeadline } from '@parlab/core';
import { PEERS, type Peer, type PrimeRange, type Runner } from './bench-peers.js';
import { countPrimes } from './bench-tasks.js';

/** One result point of the results schema (suite `peers`), from bench-kit: every suite's statistics are the same. */
export type BenchRecord = KitRecord;

export interface BenchOptions {
  readonly profile: 'quick' | 'full';
  readonly signal?: AbortSignal;
  readonly onProgress?: (label: string) => void;
  /** The implementations to run (default: all of PEERS); a test passes fakes. */
  readonly peers?: readonly Peer[];
  /** How long a pool may take to stop before it is abandoned (default 5 s). */
  readonly stopTimeoutMs?: number;
  /** How long one measurement may take before its pool is abandoned (default 2 min). */
  readonly measureTimeoutMs?: number;
}

const WORKERS = 2;
/** A peer that cannot start and warm up in this time is recorded as failed. */
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;
const MEASURE_TIMEOUT_MS = 120_000;
/** Tasks kept in flight in the sustained-load run, and RSS samples taken over it. */
const SUSTAINED_IN_FLIGHT = 2000;
const SUSTAINED_SAMPLES = 40;
/** Samples in the first quarter of the run are the warm-up: the steady state is what follows. */
const SUSTAINED_WARM_UP = 0.25;

const SIZES = {
  quick: { dispatchTasks: 2000, mapItems: 200_000, primeTasks: 64, primeWidth: 14_000, rounds: 4, primeRounds: 3, sustainedTasks: 200_000 },
  full: { dispatchTasks: 20_000, mapItems: 200_000, primeTasks: 64, primeWidth: 40_000, rounds: 12, primeRounds: 6, sustainedTasks: 1_000_000 },
} as const;

/** The sustained-load subject, named after its task count (1M in `full`, 200k in `quick`). */
type SustainedSubject = 'sustained-noop-1m' | 'sustained-noop-200k';

/** `stop`: only as a failed record, for a pool that did not stop in time. */
type Subject = 'dispatch-noop' | 'map-noop' | 'cpu-primes' | SustainedSubject | 'stop';

const METRIC: Record<Subject, Pick<Identity, 'metric' | 'unit' | 'better'>> = {
  'dispatch-noop': { metric: 'tasks_per_s', unit: '1/s', better: 'higher' },
  'map-noop': { metric: 'items_per_s', unit: '1/s', better: 'higher' },
  'cpu-primes': { metric: 'speedup', unit: 'x', better: 'higher' },
  'sustained-noop-1m': { metric: 'rss_bytes', unit: 'B', better: 'lower' },
  'sustained-noop-200k': { metric: 'rss_bytes', unit: 'B', better: 'lower' },
  stop: { metric: 'wall_ms', unit: 'ms', better: 'lower' },
};

function record(subject: Subject, peer: Pick<Identity, 'implementation' | 'strategy'>, outcome: readonly number[] | { status: 'failed' | 'skipped'; error: string }): BenchRecord {
  const identity: Identity = { suite: 'peers', subject, implementation: peer.implementation, strategy: peer.strategy, workers: WORKERS, ...METRIC[subject] };
  if ('status' in outcome) return notOkRecord(identity, outcome.status, outcome.error);
  // A speedup cannot exceed the workers, nor the cores they run on.
  return okRecord(identity, outcome, subject === 'cpu-primes' ? { ceiling: Math.min(WORKERS, availableParallelism()) } : {});
}

function primeRanges(tasks: number, width: number): PrimeRange[] {
  return Array.from({ length: tasks }, (_, k) => ({ lo: k * width, hi: (k + 1) * width }));
}

interface Started {
  readonly peer: Peer;
  /** It measures memory under sustained load (parlab does). */
  readonly sustains: boolean;
  /** Null when it failed to start, or was abandoned (a measurement hung; its workers were killed). */
  runner: Runner | null;
  error: string;
  readonly samples: Record<Subject, number[]>;
  failed: Partial<Record<Subject, string>>;
}

function named(peer: Peer): string {
  return `${peer.implementation} (${peer.strategy})`;
}

/** Stops a runner within `timeoutMs`; one that does not is killed, and the failed record says so. */
async function stopRunner(peer: Peer, runner: Runner, timeoutMs: number): Promise<BenchRecord | null> {
  try {
    await withDeadline(runner.close(), `stopping ${named(peer)}`, { timeoutMs });
    return null;
  } catch (error) {
    runner.kill();
    return record('stop', peer, {
      status: 'failed',
      error: `${named(peer)} did not stop within ${timeoutMs} ms (${(error as Error).message}); abandoned, its workers killed`,
    });
  }
}

/** Runs the suite. Samples of all implementations are interleaved round by round, so drift in the machine's load hits them alike. */
export async function runBenchmarks(options: BenchOptions): Promise<BenchRecord[]> {
  const size = SIZES[options.profile];
  const progress = options.onProgress ?? (() => {});
  const check = (): void => options.signal?.throwIfAborted();
  const stopTimeoutMs = options.stopTimeoutMs ?? STOP_TIMEOUT_MS;
  const measureTimeoutMs = options.measureTimeoutMs ?? MEASURE_TIMEOUT_MS;
  const started: Started[] = [];
  const records: BenchRecord[] = [];
  const items = Array.from({ length: size.mapItems }, (_, i) => i);
  const ranges = primeRanges(size.primeTasks, size.primeWidth);
  const sustained: SustainedSubject = options.profile === 'full' ? 'sustained-noop-1m' : 'sustained-noop-200k';
  try {
    for (const peer of options.peers ?? PEERS) {
      check();
      progress(`start ${named(peer)}`);
      const samples = Object.fromEntries(Object.keys(METRIC).map((subject) => [subject, []])) as unknown as Record<Subject, number[]>;
      let runner: Runner | null = null;
      const starting = peer.start(WORKERS);
      try {
        runner = await withDeadline(starting, `starting ${peer.implementation}`, { timeoutMs: START_TIMEOUT_MS });
        // Warm-up: workers booted, code paths compiled.
        const warm = runner;
        const warmUp = async (): Promise<void> => {
          await warm.dispatch(500);
          await warm.primes(ranges.slice(0, 4));
          if (warm.map !== null) await warm.map(items.slice(0, 20_000));
        };
        await withDeadline(warmUp(), `warming up ${peer.implementation}`, { timeoutMs: START_TIMEOUT_MS });
        started.push({ peer, sustains: runner.sustained !== undefined, runner, error: '', samples, failed: {} });
      } catch (error) {
        if (runner !== null) {
          const stopFailure = await stopRunner(peer, runner, stopTimeoutMs);
          if (stopFailure !== null) records.push(stopFailure);
        } else {
          // It may still start after the deadline: nothing may be left running for nobody.
          starting.then((late) => late.kill(), () => {});
        }
        started.push({ peer, sustains: false, runner: null, error: (error as Error).message, samples, failed: {} });
      }
    }

    /** Takes one sample (or, for the sustained run, several) within the bound. */
    const measure = async (entry: Started, subject: Subject, run: (runner: Runner) => Promise<number | readonly number[]>): Promise<void> => {
      const runner = entry.runner;
      if (runner === null || entry.failed[subject] !== undefined) return;
      try {
        const taken = await withDeadline(run(runner), `${named(entry.peer)} ${subject}`, { timeoutMs: measureTimeoutMs });
        if (typeof taken === 'number') entry.samples[subject].push(taken);
        else entry.samples[subject].push(...taken);
      } catch (error) {
        entry.failed[subject] = (error as Error).message;
        if (options.signal?.aborted !== true) {
          // A pool that hung once is not trusted with more work: its workers are killed, it runs no more.
          runner.kill();
          entry.runner = null;
          entry.error = `abandoned after ${subject} failed: ${(error as Error).message}`;
        }
      }
    };

    // Memory under sustained load (parlab only), first, before the other subjects leave garbage
    // behind: RSS sampled as the tasks complete; after the warm-up the samples are the steady
    // state (their median) and the peak (their max).
    const every = Math.max(1, Math.floor(size.sustainedTasks / SUSTAINED_SAMPLES));
    for (const entry of started) {
      if (!entry.sustains) continue;
      check();
      progress(`${sustained} ${named(entry.peer)}`);
      await measure(entry, sustained, async (runner) => {
        const rss = await (runner.sustained as NonNullable<Runner['sustained']>)(size.sustainedTasks, SUSTAINED_IN_FLIGHT, every);
        return rss.slice(Math.floor(rss.length * SUSTAINED_WARM_UP));
      });
    }

    for (let round = 0; round < size.rounds; round++) {
      progress(`dispatch-noop / map-noop round ${round + 1}/${size.rounds}`);
      for (const entry of started) {
        check();
        await measure(entry, 'dispatch-noop', async (runner) => {
          const start = performance.now();
          await runner.dispatch(size.dispatchTasks);
          return (size.dispatchTasks / (performance.now() - start)) * 1000;
        });
        if (entry.runner?.map === null) continue;
        await measure(entry, 'map-noop', async (runner) => {
          const start = performance.now();
          const out = await (runner.map as NonNullable<Runner['map']>)(items);
          const elapsed = performance.now() - start;
          if (out.length !== items.length || out[items.length - 1] !== items[items.length - 1]) throw new Error('map-noop returned a wrong result');
          return (items.length / elapsed) * 1000;
        });
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
        await measure(entry, 'cpu-primes', async (runner) => {
          const begin = performance.now();
          const counts = await runner.primes(ranges);
          const elapsed = performance.now() - begin;
          if (counts.some((count, i) => count !== expected[i])) throw new Error('cpu-primes returned wrong counts');
          return elapsed;
        });
      }
    }

    records.unshift(
      okRecord({ suite: 'peers', subject: 'cpu-primes', implementation: 'raw', strategy: 'serial', workers: 1, metric: 'wall_ms', unit: 'ms', better: 'lower' }, serialMs),
    );
    for (const subject of ['dispatch-noop', 'map-noop', 'cpu-primes', sustained] as const) {
      for (const entry of started) {
        if (subject === sustained && !entry.sustains) continue;
        const failure = entry.failed[subject] ?? (entry.runner === null ? entry.error : undefined);
        if (failure !== undefined) {
          records.push(record(subject, entry.peer, { status: 'failed', error: failure }));
        } else if (subject === 'map-noop' && entry.runner?.map === null) {
          records.push(record(subject, entry.peer, { status: 'skipped', error: `${entry.peer.implementation} has no map` }));
        } else {
          const samples = entry.samples[subject];
          // Speedup per round: that round's serial time over its parallel time, so load that drifts between rounds hits both alike.
          records.push(record(subject, entry.peer, subject === 'cpu-primes' ? samples.map((ms, round) => (serialMs[round] ?? ms) / ms) : samples));
        }
      }
    }
  } finally {
    for (const entry of started) {
      if (entry.runner === null) continue;
      progress(`stop ${named(entry.peer)}`);
      const stopFailure = await stopRunner(entry.peer, entry.runner, stopTimeoutMs);
      if (stopFailure !== null) records.push(stopFailure);
    }
  }
  return records;
}

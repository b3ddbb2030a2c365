// The manager package's benchmarks (suite `primitives`): dict set and get, pipelined and awaited one at a time, parlab (both strategies) vs Python's Manager().dict(), and the hostile-client figures.
import { fileURLToPath } from 'node:url';
import type { StrategyName } from '@parlab/core';
import { notOkRecord, okRecord, runPythonFigures, type BenchOptions, type BenchRecord, type Identity } from '@parlab/bench-kit';
import { hostileBenchmarks } from './bench-hostile.js';
import { Manager } from '../src/manager.js';

export type { BenchOptions, BenchRecord } from '@parlab/bench-kit';

const PYTHON = fileURLToPath(new URL('../../bench-python/dict_set.py', import.meta.url));
/** Calls in flight at once on the one connection: the proxy pipelines them and replies batch per tick. */
const WINDOW = 64;

interface Plan {
  /** Rounds in which every contender runs once (the order rotates each round). */
  readonly turns: number;
  /** Samples per contender and subject in each turn. */
  readonly samples: number;
  /** Calls per sample, pipelined and awaited one at a time. */
  readonly pipelined: number;
  readonly awaited: number;
  /** Awaited calls before each awaited subject's samples. */
  readonly warmup: number;
}

// The quick profile is part of the default `pnpm bench` (3 minutes in all): 9 samples a point, a few seconds.
const plan = (profile: BenchOptions['profile']): Plan =>
  profile === 'quick'
    ? { turns: 3, samples: 3, pipelined: 4000, awaited: 1000, warmup: 3000 }
    : { turns: 6, samples: 5, pipelined: 10000, awaited: 2500, warmup: 5000 };

/** The subjects: one proxy call = one request and one reply message. */
export const SUBJECTS = {
  /** dict.set, WINDOW calls in flight (parlab only: Python's proxies make one blocking call at a time). */
  pipelined: 'manager-dict-set',
  /** dict.set, each call awaited before the next: Python's `d[k] = v`. */
  awaitedSet: 'manager-dict-set-sequential',
  /** dict.get, each call awaited before the next: Python's `d[k]`. */
  awaitedGet: 'manager-dict-get-sequential',
} as const;

const identity = (subject: string, implementation: string, strategy: StrategyName): Identity => ({
  subject,
  implementation,
  strategy,
  workers: 1,
  metric: 'msgs_per_s',
  unit: '1/s',
  better: 'higher',
});

/**
 * Calls per second of `batch(count)`, after `warmup` calls: each turn's server is a fresh program,
 * whose code V8 optimizes only after a few thousand calls.
 */
async function rates(samples: number, count: number, warmup: number, batch: (count: number) => Promise<void>): Promise<number[]> {
  await batch(warmup);
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    await batch(count);
    out.push(count / ((performance.now() - start) / 1000));
  }
  return out;
}

/** Every subject for parlab under `strategy`, from one manager: samples by subject. */
async function parlabRun(strategy: StrategyName, p: Plan): Promise<Record<string, number[]>> {
  await using manager = await Manager.start({ strategy });
  const dict = await manager.dict<number, number>();
  const pipelined = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i += WINDOW) {
      const calls: Promise<void>[] = [];
      for (let j = i; j < Math.min(count, i + WINDOW); j++) calls.push(dict.set(j, j));
      await Promise.all(calls);
    }
  };
  const sets = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) await dict.set(i, i);
  };
  const gets = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) await dict.get(i);
  };
  return {
    [SUBJECTS.pipelined]: await rates(p.samples, p.pipelined, p.pipelined, pipelined),
    [SUBJECTS.awaitedSet]: await rates(p.samples, p.awaited, p.warmup, sets),
    [SUBJECTS.awaitedGet]: await rates(p.samples, p.awaited, p.warmup, gets),
  };
}

/** Python's twin: the same two awaited subjects (null when python3 is missing). */
async function pythonRun(p: Plan, signal: AbortSignal | undefined): Promise<Record<string, number[]> | null> {
  const figures = await runPythonFigures(PYTHON, [String(p.samples), String(p.awaited), String(p.warmup)], signal);
  if (figures === null) return null;
  const set = figures['set'];
  const get = figures['get'];
  if (!Array.isArray(set) || !Array.isArray(get)) throw new Error(`python3 ${PYTHON} printed no "set" and "get" lists`);
  return { [SUBJECTS.awaitedSet]: set, [SUBJECTS.awaitedGet]: get };
}

interface Contender {
  readonly implementation: 'parlab' | 'python';
  readonly strategy: StrategyName;
  readonly run: () => Promise<Record<string, number[]> | null>;
}

/** A contender's samples by subject, pooled over the turns: null when unavailable, an Error when it failed. */
type Pooled = Map<string, number[]> | null | Error;

/**
 * Runs every contender once a turn and pools its samples: on a shared, busy machine the load
 * drifts, and turns give each contender the same weather. The order rotates from turn to turn, so
 * that none always runs right after another one's start-up or shutdown.
 */
async function inTurns(turns: number, contenders: readonly Contender[], options: BenchOptions): Promise<Pooled[]> {
  const pooled: Pooled[] = contenders.map(() => new Map());
  for (let turn = 0; turn < turns; turn++) {
    for (let k = 0; k < contenders.length; k++) {
      options.signal?.throwIfAborted();
      const i = (turn + k) % contenders.length;
      const sofar = pooled[i];
      if (!(sofar instanceof Map)) continue;
      try {
        const figures = await (contenders[i] as Contender).run();
        if (figures === null) pooled[i] = null;
        else for (const [subject, samples] of Object.entries(figures)) sofar.set(subject, [...(sofar.get(subject) ?? []), ...samples]);
      } catch (error) {
        pooled[i] = error as Error;
      }
    }
  }
  return pooled;
}

export async function runBenchmarks(options: BenchOptions): Promise<BenchRecord[]> {
  const p = plan(options.profile);
  const contenders: Contender[] = [
    { implementation: 'parlab', strategy: 'process', run: () => parlabRun('process', p) },
    { implementation: 'parlab', strategy: 'thread', run: () => parlabRun('thread', p) },
    { implementation: 'python', strategy: 'process', run: () => pythonRun(p, options.signal) },
  ];
  options.onProgress?.('manager dict set and get, pipelined and awaited (parlab under both strategies and Python, in turns)');
  const pooled = await inTurns(p.turns, contenders, options);
  const records: BenchRecord[] = [];
  for (const [i, contender] of contenders.entries()) {
    const subjects = contender.implementation === 'python' ? [SUBJECTS.awaitedSet, SUBJECTS.awaitedGet] : Object.values(SUBJECTS);
    const result = pooled[i] as Pooled;
    for (const subject of subjects) {
      const id = identity(subject, contender.implementation, contender.strategy);
      if (result === null) records.push(notOkRecord(id, 'skipped', 'python3 was not found'));
      else if (result instanceof Error) records.push(notOkRecord(id, 'failed', result.message));
      else {
        const samples = result.get(subject) ?? [];
        records.push(samples.length > 0 ? okRecord(id, samples) : notOkRecord(id, 'failed', 'no samples'));
      }
    }
  }
  return [...records, ...(await hostileBenchmarks(options))];
}

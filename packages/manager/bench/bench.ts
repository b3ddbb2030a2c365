// The manager package's benchmarks (suite `primitives`): dict set throughput, parlab (both strategies) vs Python's Manager().dict(), and the hostile-client figures.
import { fileURLToPath } from 'node:url';
import type { StrategyName } from '@parlab/core';
import { notOkRecord, okRecord, runPython, type BenchOptions, type BenchRecord, type Identity } from '@parlab/bench-kit';
import { hostileBenchmarks } from './bench-hostile.js';
import { Manager } from '../src/manager.js';

export type { BenchOptions, BenchRecord } from '@parlab/bench-kit';

const PYTHON = fileURLToPath(new URL('../../bench-python/dict_set.py', import.meta.url));
/** Calls in flight at once on the one connection: the proxy pipelines them and replies batch per tick. */
const WINDOW = 64;

interface Plan {
  readonly samples: number;
  readonly perSample: number;
}

const plan = (profile: BenchOptions['profile']): Plan => (profile === 'quick' ? { samples: 8, perSample: 4000 } : { samples: 30, perSample: 10000 });

const identity = (subject: string, implementation: string, strategy: StrategyName): Identity => ({
  subject,
  implementation,
  strategy,
  workers: 1,
  // One proxy call = one request and one reply message.
  metric: 'msgs_per_s',
  unit: '1/s',
  better: 'higher',
});

/** dict.set calls per second, `window` at a time (1: each awaited before the next, as Python's proxies do). */
async function dictSets(strategy: StrategyName, window: number, { samples, perSample }: Plan): Promise<number[]> {
  await using manager = await Manager.start({ strategy });
  const dict = await manager.dict<number, number>();
  const batch = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i += window) {
      const calls: Promise<void>[] = [];
      for (let j = i; j < Math.min(count, i + window); j++) calls.push(dict.set(j, j));
      await Promise.all(calls);
    }
  };
  await batch(perSample);
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    await batch(perSample);
    out.push(perSample / ((performance.now() - start) / 1000));
  }
  return out;
}

/** One measurement that may be unavailable (null: python3 is missing). */
type Run = () => Promise<number[] | null>;

/**
 * Runs every measurement in turns and pools each one's samples: on a shared, busy machine the
 * load drifts, and turns give each implementation the same weather.
 */
async function inTurns(turns: number, runs: readonly Run[], options: BenchOptions): Promise<(number[] | null | Error)[]> {
  const pooled: (number[] | null | Error)[] = runs.map(() => []);
  for (let turn = 0; turn < turns; turn++) {
    for (const [i, run] of runs.entries()) {
      options.signal?.throwIfAborted();
      const sofar = pooled[i];
      if (!Array.isArray(sofar)) continue;
      try {
        const samples = await run();
        if (samples === null) pooled[i] = null;
        else sofar.push(...samples);
      } catch (error) {
        pooled[i] = error as Error;
      }
    }
  }
  return pooled;
}

export async function runBenchmarks(options: BenchOptions): Promise<BenchRecord[]> {
  const turns = 2;
  const p = plan(options.profile);
  const perTurn: Plan = { samples: Math.ceil(p.samples / turns), perSample: p.perSample };
  const sequential: Plan = { samples: perTurn.samples, perSample: Math.ceil(p.perSample / 4) };
  const runs: [Identity, Run][] = [];
  for (const strategy of ['process', 'thread'] as const) {
    runs.push([identity('manager-dict-set', 'parlab', strategy), () => dictSets(strategy, WINDOW, perTurn)]);
    runs.push([identity('manager-dict-set-sequential', 'parlab', strategy), () => dictSets(strategy, 1, sequential)]);
  }
  runs.push([
    identity('manager-dict-set', 'python', 'process'),
    () => runPython(PYTHON, [String(sequential.samples), String(sequential.perSample)], options.signal),
  ]);
  options.onProgress?.('manager-dict-set (all implementations, in turns)');
  const pooled = await inTurns(turns, runs.map(([, run]) => run), options);
  const dictRecords = runs.map(([id], i) => {
    const samples = pooled[i] ?? [];
    if (samples === null) return notOkRecord(id, 'skipped', 'python3 was not found');
    if (samples instanceof Error) return notOkRecord(id, 'failed', samples.message);
    return okRecord(id, samples);
  });
  return [...dictRecords, ...(await hostileBenchmarks(options))];
}

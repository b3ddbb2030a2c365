// The barrier package's benchmarks (suite `primitives`): barrier rounds and lock pairs, parlab vs raw vs Python, blocking and awaited.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Process, startWorker, targetRef, type StrategyName } from '@parlab/core';
import { backendInfo } from '@parlab/shm';
import { Barrier } from '../src/barrier.js';
import { asyncParty, blockingParty, lockPairs, timeRoundsAsync, type LockMode, type RoundPlan } from './bench-targets.js';
import { measure, notOkRecord, runPython, type BenchOptions, type BenchRecord, type Identity } from '@parlab/bench-kit';
import { Lock } from '../src/lock.js';

export type { BenchOptions, BenchRecord } from '@parlab/bench-kit';

const PYTHON = (name: string): string => fileURLToPath(new URL(`../../bench-python/${name}`, import.meta.url));
const LIMIT_MS = 60_000;

/** Warm-ups are long on purpose: the first thousand rounds of a process pair run several times slower (JIT, caches). */
function plans(profile: BenchOptions['profile']): { fast: RoundPlan; slow: RoundPlan } {
  return profile === 'quick'
    ? { fast: { warmup: 5000, samples: 10, rounds: 2000 }, slow: { warmup: 2000, samples: 10, rounds: 500 } }
    : { fast: { warmup: 20000, samples: 30, rounds: 5000 }, slow: { warmup: 5000, samples: 30, rounds: 1000 } };
}

const round = (implementation: string, strategy: StrategyName | 'serial', subject = 'barrier-round'): Identity => ({
  subject,
  implementation,
  strategy,
  workers: 2,
  metric: 'round_trip_us',
  unit: 'us',
  better: 'lower',
});

async function joined(children: Process[]): Promise<void> {
  for (const child of children) {
    const code = await child.join(LIMIT_MS);
    if (code !== 0) {
      child.kill();
      throw child.error ?? new Error(`benchmark child ended with ${String(code)}`);
    }
  }
}

/** Two worker threads meet at a barrier with blocking waits; the first reports its samples. */
async function threadRounds(kind: 'parlab' | 'raw', plan: RoundPlan): Promise<number[]> {
  const barrier = kind === 'parlab' ? new Barrier(2, { strategy: 'thread' }) : null;
  const words = new Int32Array(new SharedArrayBuffer(8));
  const results = new Float64Array(new SharedArrayBuffer(plan.samples * 8));
  const children = [results, null].map((out) => {
    const child = new Process({ target: blockingParty, args: [kind, barrier, words, plan, out], strategy: 'thread' });
    child.start();
    return child;
  });
  await joined(children);
  return [...results];
}

/** Two child processes meet at a barrier with blocking waits (futexes on native shared memory), as Python's twin does. */
async function processRounds(plan: RoundPlan, dir: string): Promise<number[]> {
  const barrier = new Barrier(2, { strategy: 'process' });
  const path = join(dir, 'barrier-process.json');
  const children = [path, null].map((out) => {
    const child = new Process({ target: blockingParty, args: ['parlab', barrier, null, plan, out], strategy: 'process' });
    child.start();
    return child;
  });
  await joined(children);
  return JSON.parse(readFileSync(path, 'utf8')) as number[];
}

/** This thread and a child meet at a barrier with async waits; timed here. */
async function asyncRounds(strategy: StrategyName, plan: RoundPlan): Promise<number[]> {
  const barrier = new Barrier(2, { strategy });
  const child = new Process({ target: asyncParty, args: [barrier, plan], strategy });
  child.start();
  // No timeout: a child that dies breaks the barrier, so this cannot hang.
  const samples = await timeRoundsAsync(plan, () => barrier.wait());
  await joined([child]);
  return samples;
}

/** The raw IPC coordinator: this process releases itself and the child each time both arrived. */
async function rawIpcRounds(plan: RoundPlan): Promise<number[]> {
  const worker = startWorker({ strategy: 'process', program: targetRef(new URL('./bench-targets.js', import.meta.url), 'rawIpcParty'), name: 'raw-ipc', daemon: false });
  let arrived: (() => void) | null = null;
  let early = 0;
  worker.onMessage(() => {
    if (arrived !== null) {
      const wake = arrived;
      arrived = null;
      wake();
    } else early++;
  });
  const exited = new Promise<void>((resolve) => worker.onExit(() => resolve()));
  const meet = async (): Promise<void> => {
    if (early > 0) early--;
    else await new Promise<void>((resolve) => (arrived = resolve));
    worker.send('go');
  };
  try {
    return await timeRoundsAsync(plan, meet);
  } finally {
    worker.send('stop');
    await exited;
  }
}

async function lockRounds(strategy: StrategyName, plan: RoundPlan, dir: string, mode: LockMode): Promise<number[]> {
  const lock = mode === 'floor' ? null : new Lock({ strategy });
  const path = join(dir, `lock-${strategy}-${mode}.json`);
  const child = new Process({ target: lockPairs, args: [lock, plan, path, mode], strategy });
  child.start();
  await joined([child]);
  return JSON.parse(readFileSync(path, 'utf8')) as number[];
}

async function python(identity: Identity, script: string, plan: RoundPlan, options: BenchOptions): Promise<BenchRecord> {
  let samples: number[] | null = null;
  const record = await measure(identity, options, async () => {
    samples = await runPython(PYTHON(script), [String(plan.samples), String(plan.rounds), String(plan.warmup)], options.signal);
    return samples ?? [];
  });
  return samples === null && record.status === 'ok' ? notOkRecord(identity, 'skipped', 'python3 was not found') : record;
}

/**
 * Runs the measurements in turns (a, b, a, b, …) and pools each one's samples: on a shared,
 * busy machine the load drifts, and turns give each side the same weather.
 */
async function inTurns(turns: number, runs: readonly (() => Promise<number[]>)[]): Promise<number[][]> {
  const pooled = runs.map((): number[] => []);
  for (let turn = 0; turn < turns; turn++) {
    for (const [i, run] of runs.entries()) (pooled[i] as number[]).push(...(await run()));
  }
  return pooled;
}

/** Measures subjects in turns; a failure fails all their records. */
async function together(identities: readonly Identity[], options: BenchOptions, turns: number, runs: readonly (() => Promise<number[]>)[]): Promise<BenchRecord[]> {
  let pooled: number[][] | null = null;
  const measured = async (i: number): Promise<number[]> => {
    pooled ??= await inTurns(turns, runs);
    return pooled[i] as number[];
  };
  const records: BenchRecord[] = [];
  for (const [i, identity] of identities.entries()) records.push(await measure(identity, options, () => measured(i)));
  return records;
}

/**
 * The shared memory backend of this run: the blocking process subjects need the native one; under
 * the coordinator they are skipped, saying why (the awaited subjects measure the coordinator).
 */
function blockingProcess(identity: Identity): BenchRecord | null {
  const { backend, reason } = backendInfo();
  return backend === 'native' ? null : notOkRecord(identity, 'skipped', `blocking waits under process need native shared memory (${reason})`);
}

export async function runBenchmarks(options: BenchOptions): Promise<BenchRecord[]> {
  const { fast, slow } = plans(options.profile);
  const turns = 3;
  const fastTurn: RoundPlan = { ...fast, samples: Math.ceil(fast.samples / turns) };
  const slowTurn: RoundPlan = { ...slow, samples: Math.ceil(slow.samples / turns) };
  const dir = mkdtempSync(join(tmpdir(), 'parlab-barrier-bench-'));
  try {
    const lock = (implementation: string, strategy: StrategyName, subject = 'lock-acquire-release'): Identity => ({ ...round(implementation, strategy, subject), workers: 1 });
    // Blocking rounds between two children (native backend only), awaited rounds between this process and a child, the raw IPC floor: in turns.
    const blockingRound = round('parlab', 'process');
    const skippedRound = blockingProcess(blockingRound);
    const processRecords = await together(
      [...(skippedRound === null ? [blockingRound] : []), round('parlab', 'process', 'barrier-round-async'), round('raw', 'process')],
      options,
      turns,
      [...(skippedRound === null ? [() => processRounds(fastTurn, dir)] : []), () => asyncRounds('process', slowTurn), () => rawIpcRounds(slowTurn)],
    );
    const blockingLock = lock('parlab', 'process');
    return [
      ...(await together([round('parlab', 'thread'), round('raw', 'thread')], options, turns, [
        () => threadRounds('parlab', fastTurn),
        () => threadRounds('raw', fastTurn),
      ])),
      await measure(round('parlab', 'thread', 'barrier-round-async'), options, () => asyncRounds('thread', slow)),
      ...(skippedRound === null ? [] : [skippedRound]),
      ...processRecords,
      await python(round('python', 'process'), 'barrier_round.py', slow, options),
      await measure(lock('parlab', 'thread'), options, () => lockRounds('thread', fast, dir, 'blocking')),
      blockingProcess(blockingLock) ?? (await measure(blockingLock, options, () => lockRounds('process', fast, dir, 'blocking'))),
      // The awaited pair and its floor, the same loop awaiting settled promises, in turns.
      ...(await together([lock('parlab', 'process', 'lock-acquire-release-async'), lock('raw', 'process', 'lock-acquire-release-async')], options, turns, [
        () => lockRounds('process', fastTurn, dir, 'async'),
        () => lockRounds('process', fastTurn, dir, 'floor'),
      ])),
      await python(lock('python', 'process'), 'lock_pair.py', fast, options),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

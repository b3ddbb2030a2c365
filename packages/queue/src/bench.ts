// The queue benchmark (suite `primitives`): one producer child to one consumer, parlab vs raw messages vs mp.Queue.
import { fileURLToPath } from 'node:url';
import { Process, STRATEGIES, startWorker, targetRef, type ProgramContext, type StrategyName } from '@parlab/core';
import { benchRecord, missingRecord, runPythonTwin, type BenchRecord, type RecordWhat } from '@parlab/pipe';
import { BENCH_ITEM, benchProduce } from './bench-targets.js';
import { Queue } from './queue.js';

export interface BenchOptions {
  readonly profile: 'quick' | 'full';
  readonly signal?: AbortSignal;
  readonly onProgress?: (label: string) => void;
}

async function parlabThroughput(strategy: StrategyName, count: number, samples: number): Promise<number[]> {
  const queue = new Queue();
  const go = new Queue();
  const child = new Process({ target: benchProduce, args: [queue, go, count, samples + 1], strategy });
  child.start();
  const result: number[] = [];
  for (let s = 0; s < samples + 1; s++) {
    const start = performance.now();
    await go.put(true);
    for (let i = 0; i < count; i++) await queue.get({ timeoutMs: 20_000 });
    if (s > 0) result.push(count / ((performance.now() - start) / 1000));
  }
  await child.join(10_000);
  return result;
}

/** Raw baseline: the child sends each item as its own message (postMessage / advanced-serialization IPC). */
export function rawProducer(context: ProgramContext): void {
  const { count } = context.init as { count: number };
  context.onMessage(() => {
    for (let i = 0; i < count; i++) context.send({ ...BENCH_ITEM, id: i });
  });
}

async function rawThroughput(strategy: StrategyName, count: number, samples: number): Promise<number[]> {
  const worker = startWorker({ strategy, program: targetRef(import.meta.url, 'rawProducer'), init: { count }, name: 'raw-producer', daemon: false });
  let got = 0;
  let done: () => void = () => {};
  worker.onMessage(() => {
    if (++got === count) done();
  });
  const result: number[] = [];
  for (let s = 0; s < samples + 1; s++) {
    got = 0;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      done = resolve;
      worker.send('go');
    });
    if (s > 0) result.push(count / ((performance.now() - start) / 1000));
  }
  worker.signal('SIGKILL');
  return result;
}

async function measure(what: RecordWhat, run: () => Promise<number[]>, options: BenchOptions): Promise<BenchRecord> {
  options.onProgress?.(`${what.subject} ${what.implementation} ${what.strategy}`);
  try {
    options.signal?.throwIfAborted();
    return benchRecord(what, await run());
  } catch (error) {
    return missingRecord(what, 'failed', (error as Error).message);
  }
}

export async function runBenchmarks(options: BenchOptions): Promise<BenchRecord[]> {
  const count = options.profile === 'quick' ? 30_000 : 100_000;
  const samples = options.profile === 'quick' ? 5 : 10;
  const what = (implementation: RecordWhat['implementation'], strategy: RecordWhat['strategy']): RecordWhat => ({ subject: 'queue-throughput', implementation, strategy, metric: 'msgs_per_s' });
  const records: BenchRecord[] = [];
  for (const strategy of STRATEGIES) {
    records.push(await measure(what('parlab', strategy), () => parlabThroughput(strategy, count, samples), options));
    records.push(await measure(what('raw', strategy), () => rawThroughput(strategy, count, samples), options));
  }
  options.onProgress?.('python twin');
  const twin = runPythonTwin(fileURLToPath(new URL('../../bench-python/queue_bench.py', import.meta.url)), [count, samples], 60_000);
  records.push(twin.ok ? benchRecord(what('python', 'process'), twin.figures['msgs_per_s'] ?? []) : missingRecord(what('python', 'process'), 'skipped', twin.why));
  return records;
}

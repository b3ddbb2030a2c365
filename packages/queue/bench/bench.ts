// The queue benchmark (suite `primitives`): one producer child to one consumer, parlab vs raw messages vs mp.Queue.
import { fileURLToPath } from 'node:url';
import { Process, STRATEGIES, startWorker, targetRef, type ProgramContext, type StrategyName } from '@parlab/core';
import { measure, notOkRecord, okRecord, runPythonFigures, type BenchOptions, type BenchRecord, type Identity } from '@parlab/bench-kit';
import { BENCH_ITEM, benchProduce } from './bench-targets.js';
import { Queue } from '../src/queue.js';

export type { BenchOptions, BenchRecord } from '@parlab/bench-kit';

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

export async function runBenchmarks(options: BenchOptions): Promise<BenchRecord[]> {
  const count = options.profile === 'quick' ? 30_000 : 100_000;
  const samples = options.profile === 'quick' ? 5 : 10;
  const what = (implementation: string, strategy: StrategyName): Identity => ({ subject: 'queue-throughput', implementation, strategy, workers: 2, metric: 'msgs_per_s', unit: '1/s', better: 'higher' });
  const records: BenchRecord[] = [];
  for (const strategy of STRATEGIES) {
    records.push(await measure(what('parlab', strategy), options, () => parlabThroughput(strategy, count, samples)));
    records.push(await measure(what('raw', strategy), options, () => rawThroughput(strategy, count, samples)));
  }
  options.onProgress?.('python twin');
  const python = what('python', 'process');
  try {
    const figures = await runPythonFigures(fileURLToPath(new URL('../../bench-python/queue_bench.py', import.meta.url)), [String(count), String(samples)], options.signal);
    const measured = figures?.['msgs_per_s'];
    records.push(figures === null ? notOkRecord(python, 'skipped', 'python3 was not found') : measured === undefined ? notOkRecord(python, 'failed', 'the twin printed no msgs_per_s') : okRecord(python, measured));
  } catch (error) {
    records.push(notOkRecord(python, 'failed', (error as Error).message));
  }
  return records;
}

// The pipe benchmark (suite `primitives`): round trip and bandwidth, parlab vs raw Node vs Python's Pipe.
import { fileURLToPath } from 'node:url';
import { Process, STRATEGIES, type StrategyName } from '@parlab/core';
import { measure, notOkRecord, okRecord, runPythonFigures, type BenchOptions, type BenchRecord, type Identity } from '@parlab/bench-kit';
import { atomicsRoundTrip, socketBandwidth, socketRoundTrip, workerTransferBandwidth } from './bench-raw.js';
import { benchBlast, benchEcho } from './bench-targets.js';
import { Pipe } from '../src/pipe.js';

export type { BenchOptions, BenchRecord } from '@parlab/bench-kit';

const CHUNK_BYTES = 1024 * 1024;

async function parlabRoundTrip(strategy: StrategyName, batch: number, samples: number): Promise<number[]> {
  const [here, there] = await Pipe({ strategy });
  const child = new Process({ target: benchEcho, args: [there], strategy });
  child.start();
  const result: number[] = [];
  for (let s = 0; s < samples + 1; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) {
      await here.send(i);
      await here.recv({ timeoutMs: 10_000 });
    }
    if (s > 0) result.push(((performance.now() - start) * 1000) / batch);
  }
  here.close();
  await child.join(10_000);
  return result;
}

async function parlabBandwidth(strategy: StrategyName, count: number, samples: number): Promise<number[]> {
  const [here, there] = await Pipe({ strategy, ...(strategy === 'thread' ? { bufferBytes: 4 * CHUNK_BYTES } : {}) });
  const child = new Process({ target: benchBlast, args: [there, CHUNK_BYTES, count], strategy });
  child.start();
  const target = Buffer.allocUnsafe(CHUNK_BYTES);
  const result: number[] = [];
  for (let s = 0; s < samples + 1; s++) {
    const start = performance.now();
    await here.send('go');
    for (let i = 0; i < count; i++) await here.recvBytesInto(target, 0, { timeoutMs: 10_000 });
    if (s > 0) result.push((CHUNK_BYTES * count) / ((performance.now() - start) / 1000));
  }
  here.close();
  await child.join(10_000);
  return result;
}

export async function runBenchmarks(options: BenchOptions): Promise<BenchRecord[]> {
  const quick = options.profile === 'quick';
  const batch = quick ? 2000 : 10_000;
  const samples = quick ? 5 : 10;
  const count = quick ? 200 : 1000;
  const records: BenchRecord[] = [];
  const rt = (implementation: string, strategy: StrategyName): Identity => ({ subject: 'pipe-round-trip', implementation, strategy, workers: 2, metric: 'round_trip_us', unit: 'us', better: 'lower' });
  const bw = (implementation: string, strategy: StrategyName): Identity => ({ subject: 'pipe-bandwidth', implementation, strategy, workers: 2, metric: 'bytes_per_s', unit: 'B/s', better: 'higher' });
  for (const strategy of STRATEGIES) {
    records.push(await measure(rt('parlab', strategy), options, () => parlabRoundTrip(strategy, batch, samples)));
    records.push(await measure(bw('parlab', strategy), options, () => parlabBandwidth(strategy, count, samples)));
  }
  records.push(await measure(rt('raw', 'thread'), options, () => atomicsRoundTrip(batch, samples)));
  records.push(await measure(rt('raw', 'process'), options, () => socketRoundTrip(batch, samples)));
  records.push(await measure(bw('raw', 'thread'), options, () => workerTransferBandwidth(CHUNK_BYTES, count, samples)));
  records.push(await measure(bw('raw', 'process'), options, () => socketBandwidth(CHUNK_BYTES, count, samples)));
  options.onProgress?.('python twin');
  const script = fileURLToPath(new URL('../../bench-python/pipe_bench.py', import.meta.url));
  const python = [rt('python', 'process'), bw('python', 'process')] as const;
  try {
    const figures = await runPythonFigures(script, [batch, samples, CHUNK_BYTES, count].map(String), options.signal);
    for (const identity of python) {
      const measured = figures?.[identity.metric];
      records.push(figures === null ? notOkRecord(identity, 'skipped', 'python3 was not found') : measured === undefined ? notOkRecord(identity, 'failed', `the twin printed no ${identity.metric}`) : okRecord(identity, measured));
    }
  } catch (error) {
    for (const identity of python) records.push(notOkRecord(identity, 'failed', (error as Error).message));
  }
  return records;
}

// The pipe benchmark (suite `primitives`): round trip and bandwidth, parlab vs raw Node vs Python's Pipe.
import { fileURLToPath } from 'node:url';
import { Process, STRATEGIES, type StrategyName } from '@parlab/core';
import { benchRecord, missingRecord, type BenchRecord, type RecordWhat } from './bench-record.js';
import { atomicsRoundTrip, socketBandwidth, socketRoundTrip, workerTransferBandwidth } from './bench-raw.js';
import { benchBlast, benchEcho } from './bench-targets.js';
import { Pipe } from './pipe.js';
import { runPythonTwin } from './python-twin.js';

export interface BenchOptions {
  readonly profile: 'quick' | 'full';
  readonly signal?: AbortSignal;
  readonly onProgress?: (label: string) => void;
}

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
  const quick = options.profile === 'quick';
  const batch = quick ? 2000 : 10_000;
  const samples = quick ? 5 : 10;
  const count = quick ? 200 : 1000;
  const records: BenchRecord[] = [];
  const rt = (implementation: RecordWhat['implementation'], strategy: RecordWhat['strategy']): RecordWhat => ({ subject: 'pipe-round-trip', implementation, strategy, metric: 'round_trip_us' });
  const bw = (implementation: RecordWhat['implementation'], strategy: RecordWhat['strategy']): RecordWhat => ({ subject: 'pipe-bandwidth', implementation, strategy, metric: 'bytes_per_s' });
  for (const strategy of STRATEGIES) {
    records.push(await measure(rt('parlab', strategy), () => parlabRoundTrip(strategy, batch, samples), options));
    records.push(await measure(bw('parlab', strategy), () => parlabBandwidth(strategy, count, samples), options));
  }
  records.push(await measure(rt('raw', 'thread'), () => atomicsRoundTrip(batch, samples), options));
  records.push(await measure(rt('raw', 'process'), () => socketRoundTrip(batch, samples), options));
  records.push(await measure(bw('raw', 'thread'), () => workerTransferBandwidth(CHUNK_BYTES, count, samples), options));
  records.push(await measure(bw('raw', 'process'), () => socketBandwidth(CHUNK_BYTES, count, samples), options));
  options.onProgress?.('python twin');
  const script = fileURLToPath(new URL('../../bench-python/pipe_bench.py', import.meta.url));
  const twin = runPythonTwin(script, [batch, samples, CHUNK_BYTES, count], 60_000);
  if (twin.ok) {
    records.push(benchRecord(rt('python', 'process'), twin.figures['round_trip_us'] ?? []));
    records.push(benchRecord(bw('python', 'process'), twin.figures['bytes_per_s'] ?? []));
  } else {
    records.push(missingRecord(rt('python', 'process'), 'skipped', twin.why));
    records.push(missingRecord(bw('python', 'process'), 'skipped', twin.why));
  }
  return records;
}

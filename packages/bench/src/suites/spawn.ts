// Start-up cost and memory per worker of each strategy, measured with core's startWorker (tinybench).
import { performance } from 'node:perf_hooks';
import { refOf, startWorker, withDeadline, type StrategyName, type StrategyWorker } from '@parlab/core';
import { Bench } from 'tinybench';
import { probeProgram, type ProbeReady } from '../probe.js';
import { measured, notMeasured, type PointKey } from '../records.js';
import type { BenchRecord, Profile } from '../types.js';

const PROBE = refOf(probeProgram);
const STARTUP_TIMEOUT_MS = 10_000;

interface Probe {
  readonly worker: StrategyWorker;
  readonly ready: Promise<ProbeReady>;
  readonly exited: Promise<void>;
}

function startProbe(strategy: StrategyName, signal: AbortSignal, env?: NodeJS.ProcessEnv): Probe {
  if (PROBE === null) throw new Error('probeProgram is not registered');
  const worker = startWorker({ strategy, program: PROBE, name: `probe-${strategy}`, daemon: true, ...(env !== undefined ? { env } : {}) });
  const ready = new Promise<ProbeReady>((resolve, reject) => {
    worker.onMessage((message) => {
      if ((message as ProbeReady).type === 'probe:ready') resolve(message as ProbeReady);
    });
    worker.onError(reject);
    worker.onExit((exit) => reject(new Error(`probe exited before it was ready (code ${String(exit.code)})`)));
  });
  const exited = new Promise<void>((resolve) => worker.onExit(() => resolve()));
  return {
    worker,
    ready: withDeadline(ready, `${strategy} probe start-up`, { timeoutMs: STARTUP_TIMEOUT_MS, signal }, () => worker.signal('SIGKILL')),
    exited,
  };
}

async function stopProbe(probe: Probe): Promise<void> {
  probe.worker.send('exit');
  await withDeadline(probe.exited, 'probe exit', { timeoutMs: STARTUP_TIMEOUT_MS }, () => probe.worker.signal('SIGKILL')).catch(() => probe.worker.signal('SIGKILL'));
}

const key = (subject: string, strategy: StrategyName, workers: number, metric: PointKey['metric']): PointKey => ({
  suite: 'primitives',
  subject,
  implementation: 'parlab',
  strategy,
  workers,
  metric,
});

/** Memory one more worker costs: the child's own RSS under `process`, the process's growth under `thread`. */
async function memoryPerWorker(strategy: StrategyName, count: number, signal: AbortSignal): Promise<number[]> {
  const before = process.memoryUsage().rss;
  const probes: Probe[] = [];
  try {
    for (let i = 0; i < count; i++) probes.push(startProbe(strategy, signal));
    const ready = await Promise.all(probes.map((p) => p.ready));
    if (strategy === 'process') return ready.map((r) => r.rssBytes);
    return [(process.memoryUsage().rss - before) / count];
  } finally {
    await Promise.all(probes.map(stopProbe));
  }
}

function withoutKey(env: NodeJS.ProcessEnv, name: string): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy[name];
  return copy;
}

export async function runSpawnBenchmarks(profile: Profile, signal: AbortSignal, onProgress: (label: string) => void): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  const bench = new Bench({
    time: profile === 'quick' ? 1_500 : 5_000,
    iterations: profile === 'quick' ? 8 : 30,
    warmupIterations: 2,
    retainSamples: true,
    signal,
  });
  // Where NODE_EXTRA_CA_CERTS is set, also time both strategies without it: the size of that bias
  // (a new process reads the file; a new Worker does not).
  const cleanEnv = process.env['NODE_EXTRA_CA_CERTS'] !== undefined ? withoutKey(process.env, 'NODE_EXTRA_CA_CERTS') : null;
  const variants = [
    { name: 'process', strategy: 'process' as const, subject: 'spawn', env: undefined },
    { name: 'thread', strategy: 'thread' as const, subject: 'spawn', env: undefined },
    ...(cleanEnv !== null
      ? (['process', 'thread'] as const).map((strategy) => ({ name: `${strategy}-clean`, strategy, subject: 'spawn-without-extra-ca-certs', env: cleanEnv }))
      : []),
  ];
  for (const variant of variants) {
    bench.add(variant.name, async () => {
      const started = performance.now();
      const probe = startProbe(variant.strategy, signal, variant.env);
      try {
        await probe.ready;
        return { overriddenDuration: performance.now() - started };
      } finally {
        await stopProbe(probe);
      }
    });
  }
  onProgress('primitives · spawn time per worker');
  await bench.run();
  for (const [i, task] of bench.tasks.entries()) {
    const variant = variants[i] as (typeof variants)[number];
    const result = task.result;
    const spawn = key(variant.subject, variant.strategy, 1, 'spawn_ms');
    if (result.state === 'completed') records.push(measured(spawn, [...(result.latency.samples ?? [])]));
    else if (result.state === 'errored') records.push(notMeasured(spawn, 'failed', result.error));
    else records.push(notMeasured(spawn, 'skipped', `not run (${result.state})`));
  }
  for (const strategy of ['process', 'thread'] as const) {
    if (signal.aborted) break;
    onProgress(`primitives · memory per worker · ${strategy}`);
    const memory = key('memory-per-worker', strategy, 4, 'rss_bytes');
    try {
      const samples: number[] = [];
      for (let round = 0; round < (profile === 'quick' ? 2 : 5); round++) samples.push(...(await memoryPerWorker(strategy, 4, signal)));
      records.push(measured(memory, samples));
    } catch (error) {
      if (signal.aborted) break;
      records.push(notMeasured(memory, 'failed', error));
    }
  }
  return records;
}

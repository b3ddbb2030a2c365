// The manager's hostile-client benchmark: a good client's call latency while clients without the key attack, and what the attack costs the server.
import { readdirSync, readFileSync } from 'node:fs';
import { Process, type StrategyName } from '@parlab/core';
import { notOkRecord, okRecord, type BenchOptions, type BenchRecord, type Identity } from '@parlab/bench-kit';
import { holdHalfOpenFor, streamGarbageFor } from './hostile-clients.js';
import { Manager } from '../src/manager.js';
import type { ListenAddress } from '../src/protocol.js';

/** Short, so that the half-open phase sees many deadlines pass (the default is 10 000 ms). */
const HANDSHAKE_TIMEOUT_MS = 1000;
/** Clients that fail the handshake and stream garbage, each reconnecting once it is cut off. */
const GARBAGE_CLIENTS = 8;
/** Half-open connections held at once (far over the default maxUnauthenticatedConnections, 128). */
const HALF_OPEN = 1000;
/** Sequential calls per latency sample (a sample is their mean). */
const BATCH = 100;
/** Descriptors are counted this long after the half-open connections were opened: past every deadline. */
const FD_CHECK_MS = 3 * HANDSHAKE_TIMEOUT_MS;

interface Plan {
  readonly turns: number;
  readonly phaseMs: number;
  /** Count the server's descriptors after the deadline (seconds of waiting; the tests check it too). */
  readonly countFds: boolean;
}

// The quick profile is part of the default `pnpm bench` (3 minutes in all): one short turn per strategy.
const plan = (profile: BenchOptions['profile']): Plan =>
  profile === 'quick' ? { turns: 1, phaseMs: 700, countFds: false } : { turns: 3, phaseMs: 4000, countFds: true };

const latencyId = (subject: string, strategy: StrategyName): Identity => ({
  subject,
  implementation: 'parlab',
  strategy,
  workers: 1,
  metric: 'round_trip_us',
  unit: 'us',
  better: 'lower',
});

/** Resident memory of process `pid` in bytes (the whole program's under `thread`). */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) * 1024;
}

const fdsOf = (pid: number): number => readdirSync(`/proc/${pid}/fd`).length;

/** Mean µs per call of batches of sequential calls, until `phase` settles (at least one batch). */
async function latencies(call: () => Promise<unknown>, phase: Promise<unknown>): Promise<number[]> {
  let over = false;
  const end = (): void => void (over = true);
  phase.then(end, end);
  const samples: number[] = [];
  do {
    const start = performance.now();
    for (let i = 0; i < BATCH; i++) await call();
    samples.push(((performance.now() - start) * 1000) / BATCH);
  } while (!over);
  return samples;
}

/** A child process that does not end this long after its attack should have is killed. */
const ATTACK_GRACE_MS = 30_000;

/** Runs an attack lasting `durationMs` from a child process (so that it does not share the measuring program's event loop). */
async function attack(target: typeof streamGarbageFor | typeof holdHalfOpenFor, args: unknown[], durationMs: number): Promise<void> {
  const child = new Process({ target, args, strategy: 'process', name: 'hostile-clients' });
  child.start();
  const code = await child.join(durationMs + ATTACK_GRACE_MS);
  if (code === 0) return;
  if (code === null) {
    child.kill();
    await child.join(ATTACK_GRACE_MS);
  }
  throw new Error(`the hostile clients ${code === null ? `were still running ${ATTACK_GRACE_MS} ms after their attack` : `exited with code ${code}`}`);
}

interface TurnResult {
  readonly quiet: number[];
  readonly garbage: number[];
  readonly halfOpen: number[];
  /** Server RSS at its peak during the garbage phase, less RSS just before it. */
  readonly rssGrowth: number;
  readonly fds: string | null;
}

async function turn(strategy: StrategyName, { phaseMs }: Plan, countFds: boolean): Promise<TurnResult> {
  await using manager = await Manager.start({ strategy, address: { port: 0 }, authkey: 'bench', log: false, handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS });
  const address = manager.address as ListenAddress;
  const pid = manager.pid as number;
  const value = await manager.value(1);
  const call = (): Promise<unknown> => value.get();
  await latencies(call, Promise.resolve());
  const quiet = await latencies(call, new Promise((resolve) => setTimeout(resolve, phaseMs)));

  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), 50);
  const streaming = attack(streamGarbageFor, [address, GARBAGE_CLIENTS, phaseMs], phaseMs);
  const garbage = await latencies(call, streaming).finally(() => clearInterval(sampler));
  await streaming;
  const holding = attack(holdHalfOpenFor, [address, HALF_OPEN, phaseMs, true], phaseMs);
  const halfOpen = await latencies(call, holding);
  await holding;

  let fds: string | null = null;
  if (countFds) {
    // The connections are held for FD_CHECK_MS + 1 s and never reopened: at FD_CHECK_MS the server must hold none of them.
    const before = fdsOf(pid);
    let peak = before;
    const counter = setInterval(() => (peak = Math.max(peak, fdsOf(pid))), 50);
    const held = attack(holdHalfOpenFor, [address, HALF_OPEN, FD_CHECK_MS + 1000, false], FD_CHECK_MS + 1000);
    await new Promise((resolve) => setTimeout(resolve, FD_CHECK_MS));
    const after = fdsOf(pid);
    clearInterval(counter);
    await held;
    fds = `server descriptors ${before} before ${HALF_OPEN} half-open connections, ${peak} at most, ${after} at ${FD_CHECK_MS} ms (handshake deadline ${HANDSHAKE_TIMEOUT_MS} ms)`;
  }
  return { quiet, garbage, halfOpen, rssGrowth: rssPeak - rssBefore, fds };
}

/**
 * Per strategy, in turns: the good client's sequential call latency quiet, while GARBAGE_CLIENTS
 * clients fail the handshake and stream garbage, and while HALF_OPEN half-open connections are
 * held; the server's RSS growth during the garbage phase; its descriptors after the deadline.
 */
export async function hostileBenchmarks(options: BenchOptions): Promise<BenchRecord[]> {
  const p = plan(options.profile);
  const records: BenchRecord[] = [];
  for (const strategy of ['process', 'thread'] as const) {
    const ids = [
      latencyId('manager-call-quiet', strategy),
      latencyId('manager-call-under-garbage', strategy),
      latencyId('manager-call-under-half-open', strategy),
      { ...latencyId('manager-rss-growth-under-garbage', strategy), metric: 'rss_bytes', unit: 'B' } satisfies Identity,
    ];
    const pooled: number[][] = ids.map(() => []);
    try {
      for (let t = 0; t < p.turns; t++) {
        options.signal?.throwIfAborted();
        options.onProgress?.(`manager hostile clients ${strategy} (turn ${t + 1} of ${p.turns})`);
        const result = await turn(strategy, p, p.countFds && t === 0);
        [result.quiet, result.garbage, result.halfOpen, [result.rssGrowth]].forEach((samples, i) => pooled[i]?.push(...samples));
        if (result.fds !== null) options.onProgress?.(`manager-half-open ${strategy}: ${result.fds}`);
      }
      records.push(...ids.map((id, i) => okRecord(id, pooled[i] as number[])));
    } catch (error) {
      if (options.signal?.aborted === true) throw error;
      records.push(...ids.map((id) => notOkRecord(id, 'failed', (error as Error).message)));
    }
  }
  return records;
}

import { STRATEGIES, TimeoutError, WorkerExitError } from '@parlab/core';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InitializerError, PoolTerminatedError, type WorkerErrorEvent } from '../dist/src/index.js';
import * as tasks from '../dist/test/fixtures/tasks.js';
import { isAlive, makePool, rejection } from './helpers.js';

/** A unix socket the `reportAndHang` fixture connects to: it says which worker runs the task, and that it has started. */
let server: Server;
let socketPath: string;
let directory: string;
const reports: ((line: string) => void)[] = [];

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'parlab-pool-'));
  socketPath = join(directory, 'report.sock');
  server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.once('data', (line: string) => reports.shift()?.(line.trim()));
  });
  server.listen(socketPath);
  await once(server, 'listening');
});

afterAll(async () => {
  server.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Resolves with `[pid, threadId]` of the worker once the hanging task has started. */
function nextReport(): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no report from the task within 10 s')), 10_000);
    reports.push((line) => {
      clearTimeout(timer);
      const [pid, threadId] = line.split(' ').map(Number);
      resolve([pid ?? 0, threadId ?? 0]);
    });
  });
}

describe.each(STRATEGIES)('Pool faults (%s)', (strategy) => {
  it.runIf(strategy === 'process')('a worker killed with SIGKILL mid-task: the task rejects naming it, it is replaced, the rest complete', async () => {
    const pool = makePool({ strategy, workers: 2 });
    const reported = nextReport();
    const doomed = pool.applyAsync(tasks.reportAndHang, [socketPath]);
    const others = Array.from({ length: 20 }, (_, i) => pool.applyAsync(tasks.add, [i, i]));
    const [pid] = await reported;
    const before = Date.now();
    process.kill(pid, 'SIGKILL');
    const error = await rejection(doomed);
    expect(Date.now() - before).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(WorkerExitError);
    expect(error.message).toMatch(/Worker-\d+ \(pid \d+\) was killed by SIGKILL while running a task/);
    expect((error as WorkerExitError).signal).toBe('SIGKILL');
    expect(await Promise.all(others)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i));
    expect(pool.workers.map((worker) => worker.pid)).not.toContain(pid);
    expect(pool.workers).toHaveLength(2);
    expect(pool.stats().workersLost).toBe(1);
  });

  it('a task that calls process.exit rejects with the exit code; the worker is replaced', async () => {
    const pool = makePool({ strategy, workers: 2 });
    const others = Array.from({ length: 10 }, (_, i) => pool.applyAsync(tasks.add, [i, 1]));
    const error = await rejection(pool.apply(tasks.exitNow, [7]));
    expect(error).toBeInstanceOf(WorkerExitError);
    expect((error as WorkerExitError).exitCode).toBe(7);
    expect(error.message).toMatch(/exited with code 7 while running a task/);
    expect(await Promise.all(others)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await pool.apply(tasks.add, [20, 22])).toBe(42);
    expect(pool.stats().workersStarted).toBe(3);
  });

  it('a task that runs out of memory under resourceLimits rejects; the pool goes on', async () => {
    const pool = makePool({ strategy, workers: 1, resourceLimits: { maxOldGenerationSizeMb: 32 } });
    const error = await rejection(pool.apply(tasks.exhaustMemory));
    expect(error).toBeInstanceOf(WorkerExitError);
    expect(error.message).toMatch(/while running a task/);
    expect(await pool.apply(tasks.add, [1, 2])).toBe(3);
  });

  it('an error thrown outside any task ends the worker; it is reported and replaced', async () => {
    const pool = makePool({ strategy, workers: 1 });
    const reported = new Promise<WorkerErrorEvent>((resolve) => pool.once('workerError', resolve));
    expect(await pool.apply(tasks.throwLater)).toBe('returned');
    const event = await reported;
    expect(event.error).toBeInstanceOf(WorkerExitError);
    expect((event.error.cause as Error).message).toBe('thrown outside any task');
    expect(await pool.apply(tasks.add, [1, 2])).toBe(3);
  });

  it('an initializer that throws fails the tasks with a clear error and is not restarted', async () => {
    const pool = makePool({ strategy, workers: 2, initializer: tasks.failingInitializer });
    const error = await rejection(pool.apply(tasks.add, [1, 2]));
    expect(error).toBeInstanceOf(InitializerError);
    expect((error.cause as Error).message).toBe('initializer exploded');
    expect(() => pool.applyAsync(tasks.add, [1, 2])).toThrow(/broken: the initializer failed/);
    await pool.join({ timeoutMs: 10_000 });
    expect(pool.stats().workersStarted).toBe(2);
  });

  it('terminate with tasks in flight rejects them all and ends every worker', async () => {
    const pool = makePool({ strategy, workers: 2 });
    const pids = pool.workers.map((worker) => worker.pid);
    const reported = nextReport();
    const hanging = pool.applyAsync(tasks.reportAndHang, [socketPath]);
    const queued = Array.from({ length: 5 }, () => pool.applyAsync(tasks.spin, [60_000]));
    await reported;
    pool.terminate();
    for (const result of [hanging, ...queued]) expect(await rejection(result)).toBeInstanceOf(PoolTerminatedError);
    await pool.join({ timeoutMs: 10_000 });
    if (strategy === 'process') for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(pool.workers).toEqual([]);
  });

  it('abort drops a queued task and ends the worker of a running one', async () => {
    const pool = makePool({ strategy, workers: 1 });
    const reported = nextReport();
    const runningAbort = new AbortController();
    const queuedAbort = new AbortController();
    const running = pool.applyAsync(tasks.reportAndHang, [socketPath], { signal: runningAbort.signal });
    const queued = pool.applyAsync(tasks.add, [1, 2], { signal: queuedAbort.signal });
    const after = pool.applyAsync(tasks.add, [3, 4]);
    const [pid, threadId] = await reported;
    queuedAbort.abort(new Error('not wanted'));
    expect((await rejection(queued)).message).toBe('not wanted');
    runningAbort.abort();
    expect((await rejection(running)).name).toBe('AbortError');
    expect(await after).toBe(7);
    const [replacement] = pool.workers;
    expect(strategy === 'process' ? replacement?.pid : replacement?.threadId).not.toBe(strategy === 'process' ? pid : threadId);
    expect(() => pool.applyAsync(tasks.add, [1, 1], { signal: AbortSignal.abort() })).toThrow(/abort/i);
  });

  it('timeoutMs rejects a task that runs too long with TimeoutError and replaces its worker', async () => {
    const pool = makePool({ strategy, workers: 1 });
    const error = await rejection(pool.applyAsync(tasks.spin, [60_000], { timeoutMs: 200 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(await pool.apply(tasks.add, [1, 2])).toBe(3);
    expect(await pool.map(tasks.square, [1, 2, 3])).toEqual([1, 4, 9]);
    const mapError = await rejection(pool.map(tasks.spin, [60_000, 60_000], { timeoutMs: 200, chunksize: 1 }));
    expect(mapError).toBeInstanceOf(TimeoutError);
    expect(await pool.apply(tasks.add, [2, 2])).toBe(4);
  });

  it('maxTasksPerChild replaces a worker after that many tasks', async () => {
    const pool = makePool({ strategy, workers: 1, maxTasksPerChild: 2 });
    const who = await Promise.all(Array.from({ length: 6 }, () => pool.applyAsync(tasks.whoAmI)));
    const ids = who.map((me) => (strategy === 'process' ? me.pid : me.threadId));
    expect(new Set(ids).size).toBe(3);
    for (const id of new Set(ids)) expect(ids.filter((other) => other === id)).toHaveLength(2);
    const squares = await pool.map(tasks.square, [1, 2, 3, 4, 5], { chunksize: 1 });
    expect(squares).toEqual([1, 4, 9, 16, 25]);
    expect(pool.stats().workersLost).toBe(0);
  });

  it('tasks that wait for each other complete while another worker is busy', async () => {
    const meeting = join(directory, `meet-${strategy}.sock`);
    const waiting: Socket[] = [];
    const meetings = createServer((socket) => {
      socket.once('data', () => {
        waiting.push(socket);
        if (waiting.length === 2) for (const peer of waiting.splice(0)) peer.write('met\n');
      });
    });
    meetings.listen(meeting);
    await once(meetings, 'listening');
    try {
      const pool = makePool({ strategy, workers: 2 });
      // Twice on an idle pool: the pool learns that the function is short and returns a promise.
      for (let round = 0; round < 2; round++) {
        expect(await Promise.all([pool.applyAsync(tasks.rendezvous, [meeting]), pool.applyAsync(tasks.rendezvous, [meeting])])).toEqual(['met', 'met']);
      }
      // One worker busy: both stages must not go to the other one.
      const busy = pool.applyAsync(tasks.spin, [300]);
      const stages = [pool.applyAsync(tasks.rendezvous, [meeting]), pool.applyAsync(tasks.rendezvous, [meeting])];
      expect(await Promise.all(stages.map((stage) => stage.get(20_000)))).toEqual(['met', 'met']);
      await busy;
    } finally {
      meetings.close();
    }
  });

  it('leaves no process behind after close and join', async () => {
    const pool = makePool({ strategy, workers: 2 });
    await pool.map(tasks.square, [1, 2, 3, 4]);
    const pids = pool.workers.map((worker) => worker.pid);
    pool.close();
    await pool.join({ timeoutMs: 10_000 });
    if (strategy === 'process') for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(pool.workers).toEqual([]);
  });
});

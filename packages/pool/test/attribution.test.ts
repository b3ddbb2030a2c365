import { CloneError, STRATEGIES, WorkerExitError } from '@parlab/core';
import { existsSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AsyncResult, Pool, TaskFunction } from '../dist/src/index.js';
import * as tasks from '../dist/test/fixtures/tasks.js';
import { makePool } from './helpers.js';

let directory: string;
let files = 0;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'parlab-pool-attribution-'));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** A fresh file name in the test's directory. */
function fresh(name: string): string {
  return join(directory, `${name}-${files++}`);
}

/** The labels logged by tasks, one per run, in order; warm-up runs left out. */
function runs(log: string): string[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && line !== 'warm');
}

/** Runs a function on an idle pool until the pool knows it is short, so that it batches it with others. */
async function learn<A extends readonly unknown[]>(pool: Pool, fn: TaskFunction<A, unknown>, args: A): Promise<void> {
  for (let i = 0; i < 10; i++) await pool.applyAsync(fn, args).get(10_000);
}

/** How a result settles, within a bound. */
async function outcome(result: AsyncResult<unknown>): Promise<{ value?: unknown; error?: Error }> {
  try {
    return { value: await result.get(20_000) };
  } catch (error) {
    return { error: error as Error };
  }
}

/** Resolves when `path` exists (the task wrote it), within a bound. */
function appears(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(directory, () => {
      if (existsSync(path)) done();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${path} did not appear within 10 s`));
    }, 10_000);
    const done = (): void => {
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    if (existsSync(path)) done();
  });
}

describe.each(STRATEGIES)('Pool: every task runs at most once; a crash is charged to the task that was running (%s)', (strategy) => {
  it('process.exit in a task inside a batch: the tasks before it keep their results, it alone is charged, the one after runs once', async () => {
    const log = fresh('exit.log');
    const pool = makePool({ strategy, workers: 1 });
    await learn(pool, tasks.logRun, [log, 'warm']);
    await learn(pool, tasks.logThenExit, [log, 'warm', 0]);
    // One tick: the four travel to the worker together.
    const a = pool.applyAsync(tasks.logRun, [log, 'a']);
    const b = pool.applyAsync(tasks.logRun, [log, 'b']);
    const g = pool.applyAsync(tasks.logThenExit, [log, 'g', 9]);
    const c = pool.applyAsync(tasks.logRun, [log, 'c']);
    expect(await outcome(a)).toEqual({ value: 'a' });
    expect(await outcome(b)).toEqual({ value: 'b' });
    const { error } = await outcome(g);
    expect(error).toBeInstanceOf(WorkerExitError);
    expect((error as WorkerExitError).exitCode).toBe(9);
    expect(error?.message).toMatch(/exited with code 9 while running a task/);
    expect(await outcome(c)).toEqual({ value: 'c' });
    expect(runs(log)).toEqual(['a', 'b', 'g', 'c']);
    expect(pool.stats().workersLost).toBe(1);
  });

  it('a heap exhausted inside a batch (a death the worker cannot report): it alone is charged, none runs twice, the one after runs once', async () => {
    const log = fresh('oom.log');
    const pool = makePool({ strategy, workers: 1, resourceLimits: { maxOldGenerationSizeMb: 32 } });
    // 200 µs each: long enough that under `process` every start is recorded (see workers.ts).
    await learn(pool, tasks.logRun, [log, 'warm', 200]);
    await learn(pool, tasks.logThenExhaust, [log, 'warm', false, 200]);
    const a = pool.applyAsync(tasks.logRun, [log, 'a', 200]);
    const b = pool.applyAsync(tasks.logRun, [log, 'b', 200]);
    const x = pool.applyAsync(tasks.logThenExhaust, [log, 'x', true, 200]);
    const c = pool.applyAsync(tasks.logRun, [log, 'c', 200]);
    for (const [label, result] of [['a', a], ['b', b]] as const) {
      // Finished before the death: its value, or (held in the worker, not yet sent) an error saying it is lost.
      const settled = await outcome(result);
      if (settled.error === undefined) expect(settled.value).toBe(label);
      else expect(settled.error.message).toMatch(/after this task had finished.*the result is lost/);
    }
    const { error } = await outcome(x);
    expect(error).toBeInstanceOf(WorkerExitError);
    expect(error?.message).toMatch(/while running a task/);
    expect(await outcome(c)).toEqual({ value: 'c' });
    expect(runs(log)).toEqual(['a', 'b', 'x', 'c']);
    expect(pool.stats().workersLost).toBe(1);
  });

  it.runIf(strategy === 'process')('SIGKILL in the middle of a run of very short tasks: every task settles, none runs twice', async () => {
    const log = fresh('flood.log');
    const marker = fresh('flood.marker');
    const pool = makePool({ strategy, workers: 1 });
    await learn(pool, tasks.logRun, [log, 'warm']);
    await learn(pool, tasks.logThenSpin, [log, 'warm', null]);
    const pid = pool.workers[0]?.pid ?? 0;
    const short = (from: number, count: number): AsyncResult<string>[] =>
      Array.from({ length: count }, (_, i) => pool.applyAsync(tasks.logRun, [log, `t${from + i}`]));
    // The worker holds the first two results when it is killed; the spinner, known to be short,
    // travels with the others, hangs once it has started, and is killed there.
    const before = short(0, 2);
    const spinner = pool.applyAsync(tasks.logThenSpin, [log, 'spinner', marker]);
    const after = short(2, 200);
    await appears(marker);
    process.kill(pid, 'SIGKILL');
    const outcomes = await Promise.all([...before, ...after].map(outcome));
    expect((await outcome(spinner)).error).toBeInstanceOf(WorkerExitError);
    const counts = new Map<string, number>();
    for (const label of runs(log)) counts.set(label, (counts.get(label) ?? 0) + 1);
    expect(counts.get('spinner')).toBe(1);
    outcomes.forEach((settled, i) => {
      const times = counts.get(`t${i}`) ?? 0;
      expect(times).toBeLessThanOrEqual(1);
      if (settled.error === undefined) expect(times).toBe(1);
      else expect(settled.error).toBeInstanceOf(WorkerExitError);
    });
    expect(pool.stats().workersLost).toBe(1);
  });

  it('a task aborted while its worker runs a CPU-bound task never starts', async () => {
    const log = fresh('abort.log');
    const pool = makePool({ strategy, workers: 1 });
    await learn(pool, tasks.logRun, [log, 'warm']);
    await pool.applyAsync(tasks.spin, [1]).get(10_000);
    const busy = pool.applyAsync(tasks.spin, [300]);
    const controller = new AbortController();
    const aborted = pool.applyAsync(tasks.logRun, [log, 'aborted'], { signal: controller.signal });
    // Let the pool hand out both, as it would if the aborted one could be queued in the busy worker.
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('not wanted'));
    expect((await outcome(aborted)).error?.message).toBe('not wanted');
    await busy.get(10_000);
    expect(await pool.applyAsync(tasks.logRun, [log, 'after']).get(10_000)).toBe('after');
    expect(runs(log)).toEqual(['after']);
    expect(pool.stats().workersLost).toBe(0);
  });

  it('a result that cannot be cloned rejects that task alone with CloneError naming the path in it; the worker lives on', async () => {
    const log = fresh('clone.log');
    const pool = makePool({ strategy, workers: 1 });
    await learn(pool, tasks.logRun, [log, 'warm']);
    await learn(pool, tasks.holderResult, [false]);
    const [worker] = pool.workers;
    const a = pool.applyAsync(tasks.logRun, [log, 'a']);
    const bad = pool.applyAsync(tasks.holderResult, [true]);
    const c = pool.applyAsync(tasks.logRun, [log, 'c']);
    expect(await outcome(a)).toEqual({ value: 'a' });
    const { error } = await outcome(bad);
    expect(error).toBeInstanceOf(CloneError);
    expect((error as CloneError).path).toBe('result.callback');
    expect(await outcome(c)).toEqual({ value: 'c' });
    expect(await pool.applyAsync(tasks.holderResult, [false]).get(10_000)).toEqual({ label: 'plain' });
    expect(runs(log)).toEqual(['a', 'c']);
    expect(pool.workers.map((info) => [info.pid, info.threadId])).toEqual([[worker?.pid, worker?.threadId]]);
    expect(pool.stats().workersLost).toBe(0);
  });

  it('an error of a registered class thrown in a task arrives as an instance of that class', async () => {
    const pool = makePool({ strategy, workers: 1 });
    const { error } = await outcome(pool.applyAsync(tasks.fail, ['boom']));
    expect(error).toBeInstanceOf(tasks.TaskFailure);
    expect((error as tasks.TaskFailure).code).toBe(42);
    expect(error?.cause).toBeInstanceOf(RangeError);
  });
});

// The program every pool worker runs: the initializer once, then tasks in the order they come.
// It records the tasks it starts in its progress cell, sends results back in batches, and on the
// way down says which task it was running.
import { decodeValue, encodeError, loadTarget, reviveContext, TargetError, type ProgramContext, type TargetRef } from '@parlab/core';
import { performance } from 'node:perf_hooks';
import { cloneFailure, numericChunk, packResult, type Packed } from './payload.js';
import { FINISHED, IDLE, openCell, STARTED } from './progress.js';
import {
  ASYNC,
  ENCODED,
  KIND_MAP,
  KIND_STARMAP,
  RESULT_FIELDS,
  STATUS_ERROR,
  STATUS_SKIPPED,
  TASK_FIELDS,
  type DoneMessage,
  type DownMessage,
  type InitErrorMessage,
  type ParentMessage,
  type PoolWorkerInit,
  type ReadyMessage,
} from './protocol.js';

type TaskFn = (...args: unknown[]) => unknown;

/** Results wait at most this long in the worker before they are sent, so a slow task behind fast ones does not hold them. */
const FLUSH_AFTER_MS = 1;
/** Results never wait for a task whose function is not known here to run shorter than this (µs). */
const FAST_US = 1000;
/** After a task shorter than this (µs), the next starts may go unrecorded (see PoolWorkerInit.progressSlack). */
const TINY_US = 20;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

async function loadFunction(ref: TargetRef): Promise<TaskFn> {
  const exported = await loadTarget(ref);
  if (typeof exported !== 'function') throw new TargetError(`export '${ref.export}' of ${ref.module} is not a function`);
  return exported as TaskFn;
}

export function poolWorker(context: ProgramContext): void {
  const init = context.init as PoolWorkerInit;
  const markProgress = openCell(init.progress);
  const refs = new Map<number, TargetRef>();
  const functions = new Map<number, TaskFn>();
  const transfers = new Map<number, readonly object[]>();
  const cancelled = new Set<number>();
  /** Running average run time in µs per function and kind (index `fnId * 8 + kind`). */
  const averageUs: number[] = [];
  let queue: unknown[] = [];
  let position = 0;
  let out: unknown[] = [];
  let oldestOut = 0;
  let busy = true;
  let stopping = false;
  let ran = 0;
  /** The task running now (0: none). */
  let current = 0;
  /** The task whose start was last recorded; whether starts may now go unrecorded, and how many have. */
  let recorded = 0;
  let maySkip = false;
  let unrecorded = 0;
  /** Every start and end is recorded (under `thread`, where a record costs nothing). */
  const exact = init.progressSlack === 0;
  const packed: Packed = { value: undefined, encoded: false, transfer: [] };

  const crash = (error: unknown): void => {
    // Escapes to the runtime's uncaught-exception report, which ends the worker.
    process.nextTick(() => {
      throw error;
    });
  };

  const send = (results: unknown[], transfer?: readonly object[]): void => {
    const message: DoneMessage = { type: 'pool:done', results };
    context.send(message, transfer);
  };

  const flush = (): void => {
    if (out.length === 0) return;
    const results = out;
    out = [];
    try {
      send(results);
    } catch {
      // Under `thread` structured clone checks the batch as it posts it (nothing is sent when it
      // fails): send each result alone, and the one that does not clone becomes its task's CloneError.
      for (let i = 0; i < results.length; i += RESULT_FIELDS) {
        const one = results.slice(i, i + RESULT_FIELDS);
        try {
          send(one);
        } catch (error) {
          send([one[0], STATUS_ERROR | ((one[1] as number) & ASYNC), encodeError(cloneFailure(one[2], error)), one[3]]);
        }
      }
    }
  };

  // A task that ends the worker (process.exit, an uncaught error) does not take the results of the
  // tasks before it along, and the pool learns which task it was: both go out on the way down.
  process.on('exit', () => {
    flush();
    const down: DownMessage = { type: 'pool:down', running: current };
    context.send(down);
  });

  /** `flags` is 0 or ASYNC. */
  const record = (id: number, status: number, value: unknown, runUs: number, flags: number): void => {
    if (out.length === 0) oldestOut = performance.now();
    if (status === STATUS_ERROR || status === STATUS_SKIPPED) {
      out.push(id, status | flags, status === STATUS_ERROR ? encodeError(value) : null, runUs);
      return;
    }
    let packedStatus: number;
    try {
      packedStatus = packResult(value, context.strategy, packed);
    } catch (error) {
      out.push(id, STATUS_ERROR | flags, encodeError(error), runUs);
      return;
    }
    if (packed.transfer.length > 0) {
      // Transferred items travel with exactly one result, in a message of their own.
      flush();
      send([id, packedStatus | flags, packed.value, runUs], packed.transfer);
      return;
    }
    out.push(id, packedStatus | flags, packed.value, runUs);
  };

  const finishTask = (): boolean => {
    ran++;
    if (init.maxTasks > 0 && ran >= init.maxTasks) {
      flush();
      context.exit(0);
      return true;
    }
    return false;
  };

  /** Runs a chunk of `map` (one argument per item) or `starmap` (an argument list per item). */
  const runChunk = (fn: TaskFn, kind: number, items: ArrayLike<unknown>): unknown => {
    const results = new Array<unknown>(items.length);
    let pending = false;
    if (kind === KIND_MAP) {
      for (let i = 0; i < items.length; i++) {
        const value = fn(items[i]);
        if (!pending && isThenable(value)) pending = true;
        results[i] = value;
      }
    } else {
      for (let i = 0; i < items.length; i++) {
        const value = fn(...(items[i] as unknown[]));
        if (!pending && isThenable(value)) pending = true;
        results[i] = value;
      }
    }
    return pending ? Promise.all(results).then((values) => numericChunk(values) ?? values) : (numericChunk(results) ?? results);
  };

  const pump = async (): Promise<void> => {
    busy = true;
    while (position < queue.length) {
      const id = queue[position] as number;
      const fnId = queue[position + 1] as number;
      const kind = queue[position + 2] as number;
      let payload = queue[position + 3];
      position += TASK_FIELDS;
      if (cancelled.delete(id)) {
        record(id, STATUS_SKIPPED, null, 0, 0);
        continue;
      }
      const base = kind & ~ENCODED;
      const key = fnId * 8 + base;
      const start = performance.now();
      if (out.length > 0 && (start - oldestOut > FLUSH_AFTER_MS || !((averageUs[key] ?? FAST_US) < FAST_US))) flush();
      if (maySkip && unrecorded < init.progressSlack) unrecorded++;
      else {
        markProgress(id, STARTED);
        recorded = id;
        unrecorded = 0;
        maySkip = false;
      }
      current = id;
      let value: unknown;
      let status = 0;
      let flags = 0;
      try {
        let fn = functions.get(fnId);
        if (fn === undefined) {
          const ref = refs.get(fnId);
          if (ref === undefined) throw new TargetError(`pool worker: unknown function id ${fnId}`);
          flush();
          fn = await loadFunction(ref);
          functions.set(fnId, fn);
        }
        if ((kind & ENCODED) !== 0) {
          flush();
          const items = transfers.get(id) ?? [];
          transfers.delete(id);
          payload = await decodeValue(payload, reviveContext(context.strategy, items));
        }
        value = base === KIND_MAP || base === KIND_STARMAP ? runChunk(fn, base, payload as ArrayLike<unknown>) : fn(...(payload as unknown[]));
        if (isThenable(value)) {
          flags = ASYNC;
          flush();
          value = await value;
        }
      } catch (error) {
        status = STATUS_ERROR;
        value = error;
      }
      const runUs = Math.round((performance.now() - start) * 1000);
      const average = averageUs[key];
      averageUs[key] = average === undefined ? runUs : average * 0.7 + runUs * 0.3;
      if (exact) markProgress(id, FINISHED);
      else if (runUs < TINY_US) {
        // The cell says this one finished, so the next few starts need not be recorded.
        if (recorded === id) markProgress(id, FINISHED);
        maySkip = true;
      } else maySkip = false;
      current = 0;
      record(id, status, value, runUs, flags);
      if (finishTask()) return;
    }
    flush();
    markProgress(0, IDLE);
    maySkip = false;
    busy = false;
    if (stopping) context.exit(0);
  };

  const start = (): void => {
    if (!busy) pump().catch(crash);
  };

  context.onMessage((raw, transferred) => {
    const message = raw as ParentMessage;
    switch (message.type) {
      case 'pool:run': {
        const defs = message.defs;
        if (defs !== null) for (let i = 0; i < defs.length; i += 2) refs.set(defs[i] as number, defs[i + 1] as TargetRef);
        if (transferred.length > 0) transfers.set(message.tasks[0] as number, transferred);
        if (position >= queue.length) {
          queue = message.tasks as unknown[];
          position = 0;
        } else {
          // A busy worker that keeps receiving tasks drops what it has already read now and then.
          if (position > 8192) {
            queue = queue.slice(position);
            position = 0;
          }
          for (const item of message.tasks) queue.push(item);
        }
        start();
        return;
      }
      case 'pool:cancel':
        for (const id of message.ids) cancelled.add(id);
        return;
      case 'pool:stop':
        stopping = true;
        if (!busy) context.exit(0);
        return;
    }
  });

  const initialize = async (): Promise<void> => {
    if (init.initializer === null) return;
    const initializer = await loadFunction(init.initializer);
    await initializer(...init.initArgs);
  };
  initialize().then(
    () => {
      const ready: ReadyMessage = { type: 'pool:ready' };
      context.send(ready);
      busy = false;
      start();
    },
    (error: unknown) => {
      const failed: InitErrorMessage = { type: 'pool:init-error', error: encodeError(error) };
      context.send(failed);
      context.exit(1);
    },
  );
}

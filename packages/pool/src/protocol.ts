// Wire messages between a pool and its workers. Task lists are flat arrays so a batch of many
// tasks is one message with few objects in it.
import type { TargetRef } from '@parlab/core';
import type { ProgressCell } from './progress.js';

/** Task kinds; `ENCODED` is or-ed in when the payload went through core's codec (handles, errors). */
export const KIND_APPLY = 0;
export const KIND_MAP = 2;
export const KIND_STARMAP = 4;
export const ENCODED = 1;

/** Result statuses. */
export const STATUS_OK = 0;
export const STATUS_OK_ENCODED = 1;
export const STATUS_ERROR = 2;
/** The task was cancelled before it started; the worker did not run it. */
export const STATUS_SKIPPED = 3;
/** The bits of a result's flags that hold its status. */
export const STATUS_MASK = 7;

/**
 * Or-ed into a status when the task returned a promise. Such a task may be waiting for another
 * (a pipeline stage for its neighbour), so the pool never queues two of them in one worker.
 */
export const ASYNC = 8;

/**
 * Or-ed into a status under `process` when the worker serialized the value itself (v8.serialize,
 * as the channel would): the value is those bytes. A value that cannot cross then fails as its own
 * task's CloneError in the worker instead of failing the channel's send of a whole batch.
 */
export const SERIALIZED = 16;

/** Fields per task in `RunMessage.tasks`: id, function id, kind, payload. */
export const TASK_FIELDS = 4;
/** Fields per result in `DoneMessage.results`: id, status, value, run time in µs. */
export const RESULT_FIELDS = 4;

/** The program's input. */
export interface PoolWorkerInit {
  readonly initializer: TargetRef | null;
  readonly initArgs: readonly unknown[];
  /** 0: unlimited. */
  readonly maxTasks: number;
  /** Where the worker records the tasks it starts (see progress.ts). */
  readonly progress: ProgressCell;
  /**
   * Starts that may go unrecorded in a row, each right after a task shorter than TINY_US (0: every
   * start is recorded). Under `process` a record is a system call; under `thread` it is free.
   */
  readonly progressSlack: number;
}

/** Parent → worker: tasks to run in order. `defs` names function ids the worker has not seen. */
export interface RunMessage {
  readonly type: 'pool:run';
  readonly defs: readonly (number | TargetRef)[] | null;
  readonly tasks: readonly unknown[];
}

/** Parent → worker: do not start these tasks (they were aborted while waiting in the worker). */
export interface CancelMessage {
  readonly type: 'pool:cancel';
  readonly ids: readonly number[];
}

/** Parent → worker: no more tasks are coming; exit once idle. */
export interface StopMessage {
  readonly type: 'pool:stop';
}

export type ParentMessage = RunMessage | CancelMessage | StopMessage;

/** Worker → parent: the initializer ran; tasks start now. */
export interface ReadyMessage {
  readonly type: 'pool:ready';
}

/** Worker → parent: the initializer threw; the worker exits next. */
export interface InitErrorMessage {
  readonly type: 'pool:init-error';
  readonly error: unknown;
}

/** Worker → parent: results, in the order the tasks were sent. */
export interface DoneMessage {
  readonly type: 'pool:done';
  readonly results: readonly unknown[];
}

/**
 * Worker → parent, on the way down (process.exit in a task, an uncaught error), after the results
 * it still held: the task it was running (0: none), so that task alone is charged.
 */
export interface DownMessage {
  readonly type: 'pool:down';
  readonly running: number;
}

export type WorkerMessage = ReadyMessage | InitErrorMessage | DoneMessage | DownMessage;

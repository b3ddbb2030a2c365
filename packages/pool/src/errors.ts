// Error classes of the pool; each has a stable `name`, and is a registered target, so it crosses
// between processes as an instance of its class.
import { defineTargets } from '@parlab/core';

/** A call the pool's state does not allow: a task after `close()`, `join()` while running, … */
export class PoolStateError extends Error {
  override readonly name = 'PoolStateError';
}

/** A worker's initializer threw; the pool stops, it does not respawn. */
export class InitializerError extends Error {
  override readonly name = 'InitializerError';
}

/** Workers kept ending before they were ready (killed while starting, exiting in their initializer); the pool stops. */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
}

/** `terminate()` ended the pool while this task was queued or running. */
export class PoolTerminatedError extends Error {
  override readonly name = 'PoolTerminatedError';
  constructor() {
    super('the pool was terminated before the task finished');
  }
}

/** The queue already holds `maxQueue` tasks; wait for the `drain` event (or `whenDrained()`). */
export class QueueFullError extends Error {
  override readonly name = 'QueueFullError';
  readonly maxQueue: number;
  constructor(maxQueue: number) {
    super(
      maxQueue === 0
        ? "no worker is free and the pool queues nothing (maxQueue 0); wait for 'drain' or whenDrained() before submitting more"
        : `the pool's queue is full (maxQueue ${maxQueue}); wait for 'drain' or whenDrained() before submitting more`,
    );
    this.maxQueue = maxQueue;
  }
}

defineTargets(import.meta.url, { PoolStateError, InitializerError, WorkerStartError, PoolTerminatedError, QueueFullError });

// Error classes of the pool; each has a stable `name` that survives a trip between processes.

/** A call the pool's state does not allow: a task after `close()`, `join()` while running, … */
export class PoolStateError extends Error {
  override readonly name = 'PoolStateError';
}

/** A worker's initializer threw (or the worker died while starting); the pool stops, it does not respawn. */
export class InitializerError extends Error {
  override readonly name = 'InitializerError';
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
    super(`the pool's queue is full (maxQueue ${maxQueue}); wait for 'drain' or whenDrained() before submitting more`);
    this.maxQueue = maxQueue;
  }
}

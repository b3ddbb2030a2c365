// Error classes of the barrier package; each has a stable `name` that survives a trip between processes.

/** The barrier was broken (timeout, abort, reset, failed action or a party that died) while waiting. */
export class BrokenBarrierError extends Error {
  override readonly name = 'BrokenBarrierError';
}

/**
 * A lock, semaphore or condition was used against its rules: releasing an unlocked lock, an RLock
 * released by a non-owner, a BoundedSemaphore released too many times, a Condition used without
 * holding its lock.
 */
export class SyncStateError extends Error {
  override readonly name = 'SyncStateError';
}

/** The process that created a primitive (and coordinates it under `process`) is gone. */
export class CoordinatorLostError extends Error {
  override readonly name = 'CoordinatorLostError';
}

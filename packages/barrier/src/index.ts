// @parlab/barrier: Barrier, Lock, RLock, Semaphore, BoundedSemaphore, Event and Condition for both strategies.
export { Barrier } from './barrier.js';
export { Lock, RLock } from './lock.js';
export type { AnyLock } from './lock.js';
export { Semaphore, BoundedSemaphore } from './semaphore.js';
export { Event } from './event.js';
export { Condition } from './condition.js';
export { BrokenBarrierError, CoordinatorLostError, SyncStateError } from './errors.js';
export type { AcquireResult, BarrierOptions, SemaphoreOptions, SyncOptions, WaitOptions } from './types.js';

// @parlab/queue: Python's Queue, JoinableQueue and SimpleQueue over either strategy.
export { JoinableQueue, Queue, SimpleQueue, reviveQueue } from './queue.js';
export { Empty, Full, QueueStateError } from './errors.js';
export type { WaitOptions } from './types.js';

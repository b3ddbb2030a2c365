// Error classes of the queue package; each has a stable `name` that survives a trip between processes.

/** get without waiting (or whose wait ran out) found the queue empty: Python's queue.Empty. */
export class Empty extends Error {
  override readonly name = 'Empty';
}

/** put without waiting (or whose wait ran out) found the queue full: Python's queue.Full. */
export class Full extends Error {
  override readonly name = 'Full';
}

/** The call does not fit the queue's state: used after close, taskDone called too often, queue gone. */
export class QueueStateError extends Error {
  override readonly name = 'QueueStateError';
}

/** What a holder is told once the queue's creator (which holds the items) has ended. */
export const GONE = 'the queue is gone: the process or thread that created it has ended';

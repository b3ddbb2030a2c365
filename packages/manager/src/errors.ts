// Error classes of the manager package; each has a stable `name` that survives a trip between processes.

/** A proxy call failed for a reason other than the shared object throwing (refused, not exposed, bad reply). */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';
}

/** The other side did not prove it knows the authkey (or the handshake was not followed). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

/** The manager's server is gone (shut down, killed or unreachable); its proxies no longer work. */
export class ManagerLostError extends Error {
  override readonly name = 'ManagerLostError';
}

/** A missing key (Python's KeyError), thrown by a shared dict. */
export class KeyError extends Error {
  override readonly name = 'KeyError';
}

/** An index out of range (Python's IndexError), thrown by a shared list. */
export class IndexError extends Error {
  override readonly name = 'IndexError';
}

/** get() on an empty shared queue gave up (Python's queue.Empty). */
export class EmptyError extends Error {
  override readonly name = 'EmptyError';
}

/** put() on a full shared queue gave up (Python's queue.Full). */
export class FullError extends Error {
  override readonly name = 'FullError';
}

/** A shared barrier was broken while waiting (as @parlab/barrier's BrokenBarrierError). */
export class BrokenBarrierError extends Error {
  override readonly name = 'BrokenBarrierError';
}

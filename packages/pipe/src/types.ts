// Public options and the Connection interface that both strategies implement.
import type { StrategyName } from '@parlab/core';

export interface PipeOptions {
  /** Both ends send and receive (default); with false the first end only receives, the second only sends. */
  readonly duplex?: boolean;
  /** `thread` (shared memory, ends go to worker threads) or `process` (Unix sockets); defaults to core's default strategy. */
  readonly strategy?: StrategyName;
  /** Thread strategy: bytes of shared ring buffer per direction, a power of two (default 1 MiB). Bigger messages stream through it. */
  readonly bufferBytes?: number;
}

/** Bounds for a wait: every receive takes a timeout and an AbortSignal. */
export interface RecvOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface RecvBytesOptions extends RecvOptions {
  /** Refuse (with a RangeError, leaving the message unread) a message longer than this. */
  readonly maxLength?: number;
}

/** Bytes that `sendBytes` accepts. */
export type BytesLike = ArrayBuffer | SharedArrayBuffer | ArrayBufferView;

/** One end of a pipe: Python's `multiprocessing.connection.Connection`. */
export interface Connection {
  readonly strategy: StrategyName;
  readonly readable: boolean;
  readonly writable: boolean;
  /** True after `close()`, or once the end was passed to another process or thread. */
  readonly closed: boolean;
  /** Sends a value (structured-clone semantics; errors keep their class). Resolves once it is handed over. */
  send(value: unknown): Promise<void>;
  /** The next value; EOFError once the other end is gone and everything it sent was read. */
  recv(options?: RecvOptions): Promise<unknown>;
  /** Sends `size` bytes of `data` from `offset` (both in bytes), as one message. */
  sendBytes(data: BytesLike, offset?: number, size?: number): Promise<void>;
  /** The next message sent with `sendBytes`, as a Buffer. */
  recvBytes(options?: RecvBytesOptions): Promise<Buffer>;
  /**
   * Reads the next bytes message into `buffer` at byte `offset`; resolves with its length.
   * BufferTooShortError (holding the message) when it does not fit.
   */
  recvBytesInto(buffer: ArrayBufferView | ArrayBuffer, offset?: number, options?: RecvOptions): Promise<number>;
  /** Whether a message (or end of stream) is ready, waiting up to `timeoutMs` (default 0). */
  poll(timeoutMs?: number, options?: { readonly signal?: AbortSignal }): Promise<boolean>;
  /** Closes this end; the other end's receives end with EOFError once drained. Idempotent. */
  close(): void;
}

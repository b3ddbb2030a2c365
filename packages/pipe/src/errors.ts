// Error classes of the pipe package; each has a stable `name` that survives a trip between processes.

/** The other end is closed (or its process or thread ended) and everything it sent has been read. */
export class EOFError extends Error {
  override readonly name = 'EOFError';
}

/** A send found the receiving end closed or gone. */
export class BrokenPipeError extends Error {
  override readonly name = 'BrokenPipeError';
}

/** The message did not fit the buffer given to `recvBytesInto`; `data` holds the whole message. */
export class BufferTooShortError extends Error {
  override readonly name = 'BufferTooShortError';
  readonly data: Buffer;
  constructor(message: string, data: Buffer) {
    super(message);
    this.data = data;
  }
}

/** The connection cannot do this: it is closed, was sent elsewhere, or only sends (or only receives). */
export class ConnectionStateError extends Error {
  override readonly name = 'ConnectionStateError';
}

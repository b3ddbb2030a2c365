// What both strategies' connections share: argument checks, state, locking, values and bytes on top of frames.
import { checkSignal, checkTimeout, type StrategyName } from '@parlab/core';
import { BufferTooShortError, ConnectionStateError, EOFError } from './errors.js';
import { FRAME_BYTES, FRAME_VALUE, type FrameHeader, type FrameKind } from './frames.js';
import { Mutex } from './mutex.js';
import type { BytesLike, Connection, RecvBytesOptions, RecvOptions } from './types.js';
import { deserializeValue, serializeValue } from './values.js';

/** How long a receive may wait: a performance.now() deadline plus what to say when it passes. */
export interface WaitBound {
  readonly deadline: number;
  readonly what: string;
  readonly timeoutMs: number | undefined;
  readonly signal: AbortSignal | undefined;
}

/** The moving part under a connection: frames in and out over shared memory or a socket. */
export interface Transport {
  /** The next message's header without consuming it; null at end of stream. */
  header(bound: WaitBound): Promise<FrameHeader | null>;
  /**
   * Consumes the message `header()` returned and resolves with its bytes; with `into` (room for exactly
   * those bytes) a transport may put them straight there and resolve with a view of it.
   */
  payload(header: FrameHeader, bound: WaitBound, into?: Uint8Array): Promise<Buffer>;
  /** Sends one message; BrokenPipeError when the receiver is gone. */
  write(kind: FrameKind, payload: Uint8Array): Promise<void>;
  close(): void;
}

type State = 'open' | 'closed' | 'moved';

function asBytes(data: BytesLike, what: string): Uint8Array {
  if (data instanceof ArrayBuffer || data instanceof SharedArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`${what} must be an ArrayBuffer, SharedArrayBuffer, TypedArray, DataView or Buffer`);
}

function checkCount(value: unknown, name: string, limit: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > limit) {
    throw new RangeError(`${name} must be an integer between 0 and ${limit}, got ${String(value)}`);
  }
  return value;
}

export abstract class BaseConnection implements Connection {
  abstract readonly strategy: StrategyName;
  readonly readable: boolean;
  readonly writable: boolean;
  #state: State = 'open';
  readonly #receiving = new Mutex();
  readonly #sending = new Mutex();

  constructor(readable: boolean, writable: boolean) {
    this.readable = readable;
    this.writable = writable;
  }

  protected abstract readonly transport: Transport;

  get closed(): boolean {
    return this.#state !== 'open';
  }

  /** Called when the end is handed to another process or thread: this copy stops working. */
  protected markMoved(): void {
    this.#checkOpen();
    this.#state = 'moved';
  }

  #checkOpen(): void {
    if (this.#state === 'closed') throw new ConnectionStateError('connection is closed');
    if (this.#state === 'moved') throw new ConnectionStateError('connection was passed to another process or thread and can no longer be used here');
  }

  #checkReadable(): void {
    this.#checkOpen();
    if (!this.readable) throw new ConnectionStateError('connection is write-only');
  }

  #checkWritable(): void {
    this.#checkOpen();
    if (!this.writable) throw new ConnectionStateError('connection is read-only');
  }

  async #exclusive<T>(mutex: Mutex, work: () => Promise<T>): Promise<T> {
    const waiting = mutex.acquire();
    if (waiting !== null) await waiting;
    try {
      return await work();
    } finally {
      mutex.release();
    }
  }

  #bound(what: string, options: RecvOptions | undefined): WaitBound {
    const timeoutMs = checkTimeout(options?.timeoutMs, 'options.timeoutMs');
    const signal = checkSignal(options?.signal, 'options.signal');
    signal?.throwIfAborted();
    return { deadline: timeoutMs === undefined ? Infinity : performance.now() + timeoutMs, what, timeoutMs, signal };
  }

  async #next(bound: WaitBound, kind: FrameKind): Promise<FrameHeader> {
    const header = await this.transport.header(bound);
    if (header === null) throw new EOFError('the other end of the pipe is closed and everything it sent has been read');
    if (header.kind !== kind) {
      throw new ConnectionStateError(
        kind === FRAME_VALUE
          ? 'the next message was sent with sendBytes: receive it with recvBytes or recvBytesInto'
          : 'the next message was sent with send: receive it with recv',
      );
    }
    return header;
  }

  async send(value: unknown): Promise<void> {
    this.#checkWritable();
    const payload = serializeValue(value, this.strategy);
    return this.#exclusive(this.#sending, () => this.transport.write(FRAME_VALUE, payload));
  }

  async sendBytes(data: BytesLike, offset = 0, size?: number): Promise<void> {
    this.#checkWritable();
    const bytes = asBytes(data, 'data');
    checkCount(offset, 'offset', bytes.length);
    const length = size === undefined ? bytes.length - offset : checkCount(size, 'size', bytes.length - offset);
    const payload = bytes.subarray(offset, offset + length);
    return this.#exclusive(this.#sending, () => this.transport.write(FRAME_BYTES, payload));
  }

  async recv(options?: RecvOptions): Promise<unknown> {
    this.#checkReadable();
    const bound = this.#bound('recv', options);
    return this.#exclusive(this.#receiving, async () => {
      const header = await this.#next(bound, FRAME_VALUE);
      return deserializeValue(await this.transport.payload(header, bound), this.strategy);
    });
  }

  async recvBytes(options?: RecvBytesOptions): Promise<Buffer> {
    this.#checkReadable();
    const maxLength = options?.maxLength === undefined ? undefined : checkCount(options.maxLength, 'options.maxLength', Number.MAX_SAFE_INTEGER);
    const bound = this.#bound('recvBytes', options);
    return this.#exclusive(this.#receiving, async () => {
      const header = await this.#next(bound, FRAME_BYTES);
      if (maxLength !== undefined && header.length > maxLength) {
        throw new RangeError(`message of ${header.length} bytes is longer than maxLength ${maxLength}; it is left unread`);
      }
      return this.transport.payload(header, bound);
    });
  }

  async recvBytesInto(buffer: ArrayBufferView | ArrayBuffer, offset = 0, options?: RecvOptions): Promise<number> {
    this.#checkReadable();
    const target = asBytes(buffer, 'buffer');
    checkCount(offset, 'offset', target.length);
    const bound = this.#bound('recvBytesInto', options);
    return this.#exclusive(this.#receiving, async () => {
      const header = await this.#next(bound, FRAME_BYTES);
      if (header.length > target.length - offset) {
        const data = await this.transport.payload(header, bound);
        throw new BufferTooShortError(`message of ${data.length} bytes does not fit in ${target.length - offset} bytes of buffer`, data);
      }
      const into = target.subarray(offset, offset + header.length);
      const data = await this.transport.payload(header, bound, into);
      if (data.buffer !== into.buffer || data.byteOffset !== into.byteOffset) into.set(data);
      return header.length;
    });
  }

  async poll(timeoutMs = 0, options?: { readonly signal?: AbortSignal }): Promise<boolean> {
    this.#checkReadable();
    const bound = this.#bound('poll', { timeoutMs, ...(options?.signal !== undefined ? { signal: options.signal } : {}) });
    try {
      await this.transport.header(bound);
      return true;
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return false;
      throw error;
    }
  }

  close(): void {
    if (this.#state !== 'open') {
      this.#state = 'closed';
      return;
    }
    this.#state = 'closed';
    this.transport.close();
  }
}

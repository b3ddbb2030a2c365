// What both strategies' connections share: argument checks, state, locking, values and bytes on top of frames.
import { checkSignal, waitTimeout, type StrategyName } from '@parlab/core';
import { BufferTooShortError, ConnectionStateError, EOFError } from './errors.js';
import { FRAME_BYTES, FRAME_JSON, FRAME_VALUE, type FrameHeader, type FrameKind } from './frames.js';
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

/** A message's bytes; a FRAME_JSON message may come already decoded to its text. */
export type Payload = Buffer | string;

/**
 * The moving part under a connection: frames in and out over shared memory or a socket. Each call
 * answers synchronously when it can (the common case on a busy pipe) and with a promise when it must wait.
 */
export interface Transport {
  /**
   * The next message's header without consuming it; null at end of stream. `room` (from recvBytesInto) is
   * where the caller will want the bytes of a bytes message: a transport may read it straight there.
   */
  header(bound: WaitBound, room?: Uint8Array): FrameHeader | null | Promise<FrameHeader | null>;
  /**
   * Consumes the message `header()` returned and gives its bytes; with `into` (room for exactly
   * those bytes) a transport may put them straight there and give a view of it.
   */
  payload(header: FrameHeader, bound: WaitBound, into?: Uint8Array): Payload | Promise<Payload>;
  /**
   * Sends one message: undefined once it is handed over at once, else a promise; BrokenPipeError when the
   * receiver is gone. `framed`, when given, holds `payload` after FRAME_HEADER_BYTES of room for the header.
   */
  write(kind: FrameKind, payload: Uint8Array, framed?: Buffer | null): Promise<void> | undefined;
  close(): void;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return value instanceof Promise;
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

  /** Runs `work` holding `mutex` (first come, first served); stays synchronous while nobody waits and `work` does not. */
  #exclusive<T>(mutex: Mutex, work: () => T | Promise<T>): Promise<T> {
    const waiting = mutex.acquire();
    if (waiting !== null) return waiting.then(() => this.#holding(mutex, work));
    return this.#holding(mutex, work);
  }

  #holding<T>(mutex: Mutex, work: () => T | Promise<T>): Promise<T> {
    try {
      const result = this.#run(mutex, work);
      return isPromise(result) ? result : Promise.resolve(result);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** Runs `work` while `mutex` is held, releasing it when `work` throws or once its result is settled (at once for a value). */
  #run<T>(mutex: Mutex, work: () => T | Promise<T>): T | Promise<T> {
    let result: T | Promise<T>;
    try {
      result = work();
    } catch (error) {
      mutex.release();
      throw error;
    }
    if (!isPromise(result)) {
      mutex.release();
      return result;
    }
    return result.then(
      (value) => {
        mutex.release();
        return value;
      },
      (error: unknown) => {
        mutex.release();
        throw error;
      },
    );
  }

  /**
   * Takes the next message holding the receive lock: `take` gets its checked header. A message already
   * there is taken synchronously; one that must be waited for costs one promise step from the transport's
   * wake-up to the caller (each step is a turn of the microtask queue on a round trip measured in µs).
   */
  #receive<T>(bound: WaitBound, wanted: typeof FRAME_VALUE | typeof FRAME_BYTES, take: (header: FrameHeader) => T | Promise<T>, room?: Uint8Array): Promise<T> {
    const mutex = this.#receiving;
    const waiting = mutex.acquire();
    if (waiting !== null) return waiting.then(() => this.#receiveHolding(bound, wanted, take, room));
    return this.#receiveHolding(bound, wanted, take, room);
  }

  #receiveHolding<T>(bound: WaitBound, wanted: typeof FRAME_VALUE | typeof FRAME_BYTES, take: (header: FrameHeader) => T | Promise<T>, room: Uint8Array | undefined): Promise<T> {
    const mutex = this.#receiving;
    let header: FrameHeader | null | Promise<FrameHeader | null>;
    try {
      header = this.transport.header(bound, room);
    } catch (error) {
      mutex.release();
      return Promise.reject(error as Error);
    }
    if (!isPromise(header)) return this.#holding(mutex, () => take(this.#expect(header, wanted)));
    return header.then(
      (ready) => this.#run(mutex, () => take(this.#expect(ready, wanted))),
      (error: unknown) => {
        mutex.release();
        throw error;
      },
    );
  }

  #bound(what: string, options: RecvOptions | undefined): WaitBound {
    // Negative is 0, as Python's Connection.poll(-1) returns at once.
    const timeoutMs = waitTimeout(options?.timeoutMs, 'options.timeoutMs');
    const signal = checkSignal(options?.signal, 'options.signal');
    signal?.throwIfAborted();
    return { deadline: timeoutMs === undefined ? Infinity : performance.now() + timeoutMs, what, timeoutMs, signal };
  }

  /** Checks the next message's kind against what the caller receives with. */
  #expect(header: FrameHeader | null, wanted: typeof FRAME_VALUE | typeof FRAME_BYTES): FrameHeader {
    if (header === null) throw new EOFError('the other end of the pipe is closed and everything it sent has been read');
    const isValue = header.kind === FRAME_VALUE || header.kind === FRAME_JSON;
    if (isValue !== (wanted === FRAME_VALUE)) {
      throw new ConnectionStateError(
        wanted === FRAME_VALUE
          ? 'the next message was sent with sendBytes: receive it with recvBytes or recvBytesInto'
          : 'the next message was sent with send: receive it with recv',
      );
    }
    return header;
  }

  /** A bytes message's payload: only FRAME_JSON messages ever come as text, and #expect let only FRAME_BYTES through. */
  #bytes(header: FrameHeader, bound: WaitBound, into?: Uint8Array): Buffer | Promise<Buffer> {
    return this.transport.payload(header, bound, into) as Buffer | Promise<Buffer>;
  }

  send(value: unknown): Promise<void> {
    try {
      this.#checkWritable();
      const { kind, payload, framed } = serializeValue(value, this.strategy);
      return this.#exclusive(this.#sending, () => this.transport.write(kind, payload, framed));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  sendBytes(data: BytesLike, offset = 0, size?: number): Promise<void> {
    try {
      this.#checkWritable();
      const bytes = asBytes(data, 'data');
      checkCount(offset, 'offset', bytes.length);
      const length = size === undefined ? bytes.length - offset : checkCount(size, 'size', bytes.length - offset);
      const payload = bytes.subarray(offset, offset + length);
      return this.#exclusive(this.#sending, () => this.transport.write(FRAME_BYTES, payload));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  recv(options?: RecvOptions): Promise<unknown> {
    try {
      this.#checkReadable();
      const bound = this.#bound('recv', options);
      return this.#receive(bound, FRAME_VALUE, (header) => {
        const bytes = this.transport.payload(header, bound);
        return isPromise(bytes) ? bytes.then((ready) => deserializeValue(header.kind, ready, this.strategy)) : deserializeValue(header.kind, bytes, this.strategy);
      });
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  recvBytes(options?: RecvBytesOptions): Promise<Buffer> {
    try {
      this.#checkReadable();
      const maxLength = options?.maxLength === undefined ? undefined : checkCount(options.maxLength, 'options.maxLength', Number.MAX_SAFE_INTEGER);
      const bound = this.#bound('recvBytes', options);
      return this.#receive(bound, FRAME_BYTES, (header) => {
        if (maxLength !== undefined && header.length > maxLength) {
          throw new RangeError(`message of ${header.length} bytes is longer than maxLength ${maxLength}; it is left unread`);
        }
        return this.#bytes(header, bound);
      });
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  recvBytesInto(buffer: ArrayBufferView | ArrayBuffer, offset = 0, options?: RecvOptions): Promise<number> {
    try {
      this.#checkReadable();
      const target = asBytes(buffer, 'buffer');
      checkCount(offset, 'offset', target.length);
      const bound = this.#bound('recvBytesInto', options);
      return this.#receive(
        bound,
        FRAME_BYTES,
        (header) => {
          if (header.length > target.length - offset) {
            const settle = (data: Buffer): never => {
              throw new BufferTooShortError(`message of ${data.length} bytes does not fit in ${target.length - offset} bytes of buffer`, data);
            };
            const data = this.#bytes(header, bound);
            return isPromise(data) ? data.then(settle) : settle(data);
          }
          const into = target.subarray(offset, offset + header.length);
          const place = (data: Buffer): number => {
            if (data.buffer !== into.buffer || data.byteOffset !== into.byteOffset) into.set(data);
            return header.length;
          };
          const data = this.#bytes(header, bound, into);
          return isPromise(data) ? data.then(place) : place(data);
        },
        target.subarray(offset),
      );
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  async poll(timeoutMs = 0, options?: { readonly signal?: AbortSignal }): Promise<boolean> {
    this.#checkReadable();
    const bound = this.#bound('poll', { timeoutMs, ...(options?.signal !== undefined ? { signal: options.signal } : {}) });
    try {
      const header = this.transport.header(bound);
      if (isPromise(header)) await header;
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

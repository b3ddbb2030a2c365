// A one-way byte stream in a SharedArrayBuffer between two threads, with event counters to wait on.
import { TimeoutError } from '@parlab/core';

const WRITE = 0; // bytes written so far (wraps at 2^32)
const READ = 1; // bytes read so far (wraps at 2^32)
const WRITER_CLOSED = 2;
const READER_CLOSED = 3;
/** Bumped whenever data arrives or the writer goes; the reader waits on it. */
export const DATA_EVENT = 4;
/** Bumped whenever space frees or the reader goes; the writer waits on it. */
export const SPACE_EVENT = 5;
const HEADER_BYTES = 64;
const MAX_TIMER_MS = 2 ** 31 - 1;
const noop = (): void => {};

/** Polls this many times before sleeping: a reply from a busy peer usually comes sooner than a wake-up. */
const SPIN_ROUNDS = 4000;

type WaitAsyncResult = { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
/** Atomics.waitAsync (V8 ships it; TypeScript's ES2023 library does not declare it). */
const waitAsync = (Atomics as unknown as { waitAsync(typed: Int32Array, index: number, value: number, timeoutMs?: number): WaitAsyncResult }).waitAsync;

export class Ring {
  readonly sab: SharedArrayBuffer;
  readonly capacity: number;
  readonly #header: Int32Array;
  readonly #data: Uint8Array;

  constructor(sab: SharedArrayBuffer) {
    this.sab = sab;
    this.capacity = sab.byteLength - HEADER_BYTES;
    this.#header = new Int32Array(sab, 0, HEADER_BYTES / 4);
    this.#data = new Uint8Array(sab, HEADER_BYTES);
  }

  static create(capacity: number): Ring {
    if (!Number.isInteger(capacity) || capacity < 4096 || capacity > 2 ** 30 || (capacity & (capacity - 1)) !== 0) {
      throw new RangeError(`bufferBytes must be a power of two between 4096 and 2^30, got ${String(capacity)}`);
    }
    return new Ring(new SharedArrayBuffer(HEADER_BYTES + capacity));
  }

  /** Bytes written and not yet read. */
  available(): number {
    return (Atomics.load(this.#header, WRITE) - Atomics.load(this.#header, READ)) | 0;
  }

  space(): number {
    return this.capacity - this.available();
  }

  /** Copies `source` in after the unpublished bytes already staged (`staged` of them); publish with commitWrite. */
  stage(source: Uint8Array, staged: number): void {
    const start = ((Atomics.load(this.#header, WRITE) >>> 0) + staged) % this.capacity;
    const first = Math.min(source.length, this.capacity - start);
    this.#data.set(first === source.length ? source : source.subarray(0, first), start);
    if (first < source.length) this.#data.set(source.subarray(first), 0);
  }

  commitWrite(length: number): void {
    Atomics.add(this.#header, WRITE, length);
    this.signal(DATA_EVENT);
  }

  /** Copies `length` readable bytes starting `skip` bytes in into `target` at `offset`, without consuming them. */
  peek(target: Uint8Array, offset: number, length: number, skip = 0): void {
    const start = ((Atomics.load(this.#header, READ) >>> 0) + skip) % this.capacity;
    const first = Math.min(length, this.capacity - start);
    target.set(this.#data.subarray(start, start + first), offset);
    if (first < length) target.set(this.#data.subarray(0, length - first), offset + first);
  }

  commitRead(length: number): void {
    Atomics.add(this.#header, READ, length);
    this.signal(SPACE_EVENT);
  }

  closeWriter(): void {
    Atomics.store(this.#header, WRITER_CLOSED, 1);
    this.signal(DATA_EVENT);
  }

  closeReader(): void {
    Atomics.store(this.#header, READER_CLOSED, 1);
    this.signal(SPACE_EVENT);
  }

  writerClosed(): boolean {
    return Atomics.load(this.#header, WRITER_CLOSED) !== 0;
  }

  readerClosed(): boolean {
    return Atomics.load(this.#header, READER_CLOSED) !== 0;
  }

  /** The event counter's value now; take it before checking the state, then wait on it. */
  seen(event: number): number {
    return Atomics.load(this.#header, event);
  }

  signal(event: number): void {
    Atomics.add(this.#header, event, 1);
    Atomics.notify(this.#header, event);
  }

  /**
   * Waits until `event` moves on from `seen`: spins briefly, then sleeps with Atomics.waitAsync.
   * Rejects with TimeoutError once `deadline` (a performance.now() time) passes, or the signal's reason.
   */
  async wait(event: number, seen: number, deadline: number, what: string, timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<void> {
    const header = this.#header;
    for (let i = 0; i < SPIN_ROUNDS; i++) {
      if (Atomics.load(header, event) !== seen) return;
    }
    signal?.throwIfAborted();
    const remaining = deadline - performance.now();
    if (remaining <= 0) throw new TimeoutError(what, timeoutMs ?? 0);
    const result = waitAsync(header, event, seen, Number.isFinite(remaining) ? remaining : undefined);
    if (!result.async) return;
    // waitAsync cannot be cancelled: an abort wakes it (and any peer waiting on the same counter, harmlessly).
    const onAbort = (): void => void Atomics.notify(header, event);
    signal?.addEventListener('abort', onAbort, { once: true });
    // A pending waitAsync does not keep Node's event loop alive; a timer does, for as long as the wait.
    const keepAlive = setInterval(noop, MAX_TIMER_MS);
    try {
      await result.value;
    } finally {
      clearInterval(keepAlive);
      signal?.removeEventListener('abort', onAbort);
    }
    signal?.throwIfAborted();
  }
}

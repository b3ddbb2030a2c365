// Process strategy: the two ends are the two sides of a Unix socket; an end moves to a child with its socket.
import { createServer, connect, Socket } from 'node:net';
import { TimeoutError, targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import { BaseConnection, type Transport, type WaitBound } from './connection.js';
import { BrokenPipeError, ConnectionStateError, EOFError } from './errors.js';
import { FrameReader, frameHeader, FRAME_BYTES, FRAME_HEADER_BYTES, writeFrameHeader, type Assembly, type Frame, type FrameHeader, type FrameKind } from './frames.js';
import { freshSocketPath } from './socket-path.js';

interface ProcessEndState {
  readonly socket: number;
  readonly readable: boolean;
  readonly writable: boolean;
}

const REVIVER = targetRef(import.meta.url, 'reviveProcessConnection');
/** Stop reading from the socket while this much received data waits to be taken (back-pressure). */
const HIGH_WATER_BYTES = 64 * 1024 * 1024;
/** Small messages go out as one write of header + bytes. */
const COALESCE_BYTES = 64 * 1024;
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Each read takes up to this much from the socket (Node's default is 64 KiB): more than a Unix socket
 * holds, so one read empties it; a big message's bytes are read straight into the buffer that holds it.
 */
const STAGING_BYTES = 256 * 1024;
/**
 * A buffer of a message read with recvBytesInto (copied out, so no longer needed) is kept for the next
 * big message: fresh memory costs a page fault per 4 KiB on first touch, more than the copy itself.
 */
const RECYCLE_MIN_BYTES = 64 * 1024;
const RECYCLE_MAX_BYTES = 16 * 1024 * 1024;

/** A message whose bytes are arriving; `direct` when they land in the caller's own buffer. */
interface Gathering extends Assembly {
  /** The reusable buffer `payload` lies in, if it is one. */
  backing: Buffer | null;
  direct: boolean;
}

/** A received message, with the buffer its payload lives in when that can be reused. */
interface HeldFrame extends FrameHeader {
  readonly payload: Buffer;
  readonly text: string | undefined;
  readonly backing: Buffer | null;
}

/**
 * Re-wraps a fresh socket's handle in a Socket that reads into buffers this transport gives it
 * (net's `onread` mode), instead of the stream's 64 KiB chunks that would then be copied again.
 * Bytes the old wrapper had already read (a socket that came from a parent starts reading at once) are returned.
 */
function adopt(socket: Socket, onread: { buffer: () => Uint8Array; callback: (n: number, buffer: Uint8Array) => boolean }): { socket: Socket; early: Buffer | null } {
  socket.pause();
  const handle = (socket as unknown as { _handle?: object | null })._handle;
  if (handle === undefined || handle === null || socket.destroyed) return { socket, early: null };
  let early: Buffer | null = null;
  if (socket.readableLength > 0) early = socket.read() as Buffer | null;
  const adopted = new Socket({ handle, readable: true, writable: true, pauseOnCreate: true, onread } as ConstructorParameters<typeof Socket>[0]);
  return { socket: adopted, early };
}

/** A receive waiting for the next frame. */
interface Waiter {
  readonly deadline: number;
  readonly bound: WaitBound;
  settle(error: Error | null): void;
}

class SocketTransport implements Transport {
  readonly #socket: Socket;
  readonly #frames: HeldFrame[] = [];
  #queuedBytes = 0;
  #ended = false;
  #failed: Error | null = null;
  #started = false;
  #waiter: Waiter | null = null;
  /** A big buffer free for the next big message. */
  #spare: Buffer | null = null;
  /**
   * One timer for every wait's deadline, left armed between waits: a busy pipe waits thousands of
   * times a second, and a fresh timer per wait would cost more than the message. When it fires early
   * (its wait ended, a later one began), it re-arms for the wait in progress.
   */
  #timer: NodeJS.Timeout | null = null;
  #timerAt = Infinity;
  /** Where reads land between messages; frames are copied out of it. */
  #staging: Buffer | null = null;
  /** Cuts the reads into messages; a message whose bytes are still arriving has reads go straight into its buffer. */
  readonly #reader = new FrameReader<Gathering>({ copyOut: true, decodeText: true, start: (header) => this.#assembly(header) });
  readonly #onFrame = (frame: Frame, gathering: Gathering | null): void => {
    if (gathering !== null && frame.length >= RECYCLE_MIN_BYTES) this.#headerNext = true;
    this.#frames.push({ kind: frame.kind, length: frame.length, payload: frame.payload, text: frame.text, backing: gathering === null ? null : gathering.backing });
    this.#queuedBytes += frame.length;
  };
  /** Where the waiting recvBytesInto wants its bytes (the caller's buffer), while it waits. */
  #room: Uint8Array | null = null;
  /** Whether reading is stopped because too much waits to be taken. */
  #throttled = false;
  /** Whether the next read should take only a frame header (set when a big message has just been read). */
  #headerNext = false;
  /** Whether the read under way lands in the current message's buffer (else in #staging). */
  #readingPayload = false;
  /** Whether a read under way can be re-aimed (Node's stream handle offers useUserBuffer), which reading into a caller's buffer needs. */
  readonly #canRedirect: boolean;

  constructor(socket: Socket) {
    const { socket: adopted, early } = adopt(socket, {
      buffer: () => this.#readBuffer(),
      callback: (n, buffer) => this.#onRead(n, buffer),
    });
    this.#socket = adopted;
    this.#canRedirect = adopted !== socket && typeof (adopted as unknown as { _handle?: { useUserBuffer?: unknown } })._handle?.useUserBuffer === 'function';
    if (early !== null && early.length > 0) this.#reader.each(early, this.#onFrame);
    if (adopted === socket) {
      // Not re-wrapped (no handle to take over): read the stream's chunks instead.
      adopted.on('data', (chunk: Buffer) => {
        if (!this.#onRead(chunk.length, chunk)) adopted.pause();
      });
    }
    adopted.on('error', (error) => {
      this.#failed = error;
      this.#finish();
    });
    adopted.on('end', () => this.#finish());
    adopted.on('close', () => this.#finish());
    adopted.unref();
  }

  /** The socket to hand to another process with this end. */
  get socket(): Socket {
    return this.#socket;
  }

  /** Whether this end has begun reading (after which its socket can no longer move safely). */
  get started(): boolean {
    return this.#started;
  }

  #finish(): void {
    this.#ended = true;
    this.#wake(null);
  }

  #wake(error: Error | null): void {
    const waiter = this.#waiter;
    if (waiter === null) return;
    this.#waiter = null;
    this.#room = null;
    // The caller gives up (or the stream ended) in the middle of a message read into its buffer: move the
    // message to a buffer of ours, so that nothing more is written into the caller's after its call ended.
    this.#evacuate();
    // A pending receive keeps the program alive; an idle connection does not.
    this.#socket.unref();
    waiter.settle(error);
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#socket.resume();
  }

  #readBuffer(): Uint8Array {
    const current = this.#reader.current;
    this.#readingPayload = current !== null;
    if (current !== null) return current.payload.subarray(current.filled);
    this.#staging ??= Buffer.allocUnsafe(STAGING_BYTES);
    if (this.#headerNext) {
      // After a big message, read just the next header: if that message is big too, all its bytes are then
      // read straight into its buffer instead of the first read's share being copied out of the staging buffer.
      this.#headerNext = false;
      return this.#staging.subarray(0, FRAME_HEADER_BYTES);
    }
    return this.#staging;
  }

  /** `n` bytes arrived in `buffer` (the one #readBuffer gave); false stops reading for now. */
  #onRead(n: number, buffer: Uint8Array): boolean {
    if (this.#readingPayload && this.#reader.current !== null) this.#reader.advance(n, this.#onFrame);
    else this.#reader.each((buffer as Buffer).subarray(0, n), this.#onFrame);
    if (this.#frames.length > 0) this.#wake(null);
    if (this.#queuedBytes > HIGH_WATER_BYTES) {
      this.#throttled = true;
      return false;
    }
    return true;
  }

  #evacuate(): void {
    const current = this.#reader.current;
    if (current === null || !current.direct) return;
    const { payload, backing } = this.#space(current.payload.length);
    current.payload.copy(payload, 0, 0, current.filled);
    current.payload = payload;
    current.backing = backing;
    current.direct = false;
    // The read under way was aimed at the caller's buffer; aim it at ours.
    if (this.#readingPayload) (this.#socket as unknown as { _handle: { useUserBuffer(buffer: Buffer): void } })._handle.useUserBuffer(payload.subarray(current.filled));
  }

  /** Room for a message's bytes: the spare buffer when it fits. */
  #space(length: number): { payload: Buffer; backing: Buffer | null } {
    if (length < RECYCLE_MIN_BYTES || length > RECYCLE_MAX_BYTES) return { payload: Buffer.allocUnsafe(length), backing: null };
    const spare = this.#spare;
    if (spare !== null && spare.length >= length) {
      this.#spare = null;
      return { payload: spare.subarray(0, length), backing: spare };
    }
    const backing = Buffer.allocUnsafe(length);
    return { payload: backing, backing };
  }

  /** Where a new message's bytes go: the waiting caller's buffer when this is the message it waits for, else ours. */
  #assembly(header: FrameHeader): Gathering {
    const room = this.#room;
    if (
      room !== null &&
      header.kind === FRAME_BYTES &&
      header.length >= RECYCLE_MIN_BYTES &&
      header.length <= room.length &&
      this.#frames.length === 0 &&
      this.#canRedirect
    ) {
      return { kind: header.kind, payload: Buffer.from(room.buffer, room.byteOffset, header.length), filled: 0, backing: null, direct: true };
    }
    const { payload, backing } = this.#space(header.length);
    return { kind: header.kind, payload, filled: 0, backing, direct: false };
  }

  #armTimer(deadline: number): void {
    if (this.#timer !== null && this.#timerAt <= deadline) return;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timerAt = deadline;
    this.#timer = setTimeout(() => this.#onTimer(), Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(deadline - performance.now()))));
    this.#timer.unref();
  }

  #onTimer(): void {
    this.#timer = null;
    this.#timerAt = Infinity;
    const waiter = this.#waiter;
    if (waiter === null || !Number.isFinite(waiter.deadline)) return;
    if (performance.now() >= waiter.deadline) this.#wake(new TimeoutError(waiter.bound.what, waiter.bound.timeoutMs ?? 0));
    else this.#armTimer(waiter.deadline);
  }

  header(bound: WaitBound, room?: Uint8Array): FrameHeader | null | Promise<FrameHeader | null> {
    this.#start();
    const frame = this.#frames[0];
    if (frame !== undefined) return frame;
    if (this.#ended) return null;
    return this.#waitHeader(bound, room);
  }

  /** Waits for the next frame: resolves with it (null at end of stream) straight from the read that brings it. */
  #waitHeader(bound: WaitBound, room: Uint8Array | undefined): Promise<FrameHeader | null> {
    if (performance.now() >= bound.deadline) return Promise.reject(new TimeoutError(bound.what, bound.timeoutMs ?? 0));
    const signal = bound.signal;
    if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
    return new Promise<FrameHeader | null>((resolve, reject) => {
      const onAbort = signal === undefined ? null : (): void => this.#wake(signal.reason as Error);
      this.#waiter = {
        deadline: bound.deadline,
        bound,
        settle: (error) => {
          if (onAbort !== null) signal?.removeEventListener('abort', onAbort);
          // Woken without an error means a frame arrived or the stream ended.
          if (error === null) resolve(this.#frames[0] ?? null);
          else reject(error);
        },
      };
      this.#room = room ?? null;
      this.#socket.ref();
      if (Number.isFinite(bound.deadline)) this.#armTimer(bound.deadline);
      if (onAbort !== null) signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  payload(header: FrameHeader, _bound: WaitBound, into?: Uint8Array): Buffer | string {
    const frame = this.#frames.shift();
    if (frame === undefined || frame !== header) throw new EOFError('no message to read');
    if (frame.text !== undefined) {
      this.#release(frame.length);
      return frame.text;
    }
    if (into !== undefined && frame.backing !== null) {
      // Copied out to the caller's buffer: the message's own buffer is free for the next one.
      into.set(frame.payload);
      this.#spare = frame.backing;
      this.#release(frame.length);
      return Buffer.from(into.buffer, into.byteOffset, into.byteLength);
    }
    this.#release(frame.length);
    return frame.payload;
  }

  #release(length: number): void {
    this.#queuedBytes -= length;
    if (this.#throttled && this.#queuedBytes <= HIGH_WATER_BYTES / 2) {
      this.#throttled = false;
      this.#socket.resume();
    }
  }

  write(kind: FrameKind, payload: Uint8Array, framed?: Buffer | null): Promise<void> | undefined {
    const socket = this.#socket;
    if (socket.destroyed || !socket.writable) {
      throw new BrokenPipeError('the receiving end of the pipe is closed', this.#failed === null ? {} : { cause: this.#failed });
    }
    let settle: ((error?: Error | null) => void) | null = null;
    const written = (error?: Error | null): void => settle?.(error);
    if (framed != null) {
      writeFrameHeader(framed, 0, kind, payload.length);
      socket.write(framed, written);
    } else if (payload.length <= COALESCE_BYTES) {
      const message = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length);
      writeFrameHeader(message, 0, kind, payload.length);
      message.set(payload, FRAME_HEADER_BYTES);
      socket.write(message, written);
    } else {
      socket.cork();
      socket.write(frameHeader(kind, payload.length));
      socket.write(payload, written);
      socket.uncork();
    }
    // Written at once (the usual case): the kernel has the bytes, and a program that exits now loses nothing.
    if (socket.writableLength === 0 && socket.errored === null) return undefined;
    // Else resolve once it has them.
    return new Promise<void>((resolve, reject) => {
      settle = (error) => {
        if (error == null) resolve();
        else reject(new BrokenPipeError('the receiving end of the pipe is closed', { cause: error }));
      };
    });
  }

  close(): void {
    const socket = this.#socket;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    // end() sends what is buffered, then the end-of-stream; destroy() once that is done frees the descriptor.
    socket.end(() => socket.destroy());
    socket.unref();
  }
}

export class ProcessConnection extends BaseConnection {
  readonly strategy = 'process' as const;
  protected readonly transport: SocketTransport;
  constructor(socket: Socket, readable: boolean, writable: boolean) {
    super(readable, writable);
    this.transport = new SocketTransport(socket);
  }

  [toHandle](context: EncodeContext): HandleDescriptor {
    if (context.strategy !== 'process') {
      throw new ConnectionStateError("a process-strategy pipe end cannot go to a worker thread; create the pipe with { strategy: 'thread' }");
    }
    if (this.transport.started) {
      throw new ConnectionStateError('this end has already received here, so it cannot move to another process; pass ends on before using them');
    }
    this.markMoved();
    const state: ProcessEndState = { socket: context.transfer(this.transport.socket), readable: this.readable, writable: this.writable };
    return { reviver: REVIVER, state };
  }
}

/** Rebuilds a process end from the socket that came with it (named by the handle; not for direct use). */
export function reviveProcessConnection(state: unknown, context: ReviveContext): ProcessConnection {
  const { socket, readable, writable } = state as ProcessEndState;
  const received = context.transferred(socket) as Socket;
  // Hold what arrives in the socket until this end is first read.
  received.pause();
  return new ProcessConnection(received, readable, writable);
}

/** Two connected process ends over a Unix socket made through a short-lived listener. */
export async function processPipe(duplex: boolean): Promise<[ProcessConnection, ProcessConnection]> {
  const path = freshSocketPath('pipe');
  // pauseOnConnect keeps the accepted side from reading, so nothing is buffered here before an end moves.
  const server = createServer({ pauseOnConnect: true });
  try {
    const accepted = new Promise<Socket>((resolve, reject) => {
      server.once('connection', resolve);
      server.once('error', reject);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, resolve);
    });
    const client = connect(path);
    client.pause();
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('error', reject);
    });
    const other = await accepted;
    // Python's order: with duplex false the first end receives, the second sends.
    return [new ProcessConnection(other, true, duplex), new ProcessConnection(client, duplex, true)];
  } finally {
    server.close();
  }
}

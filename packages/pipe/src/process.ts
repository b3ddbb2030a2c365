// Process strategy: the two ends are the two sides of a Unix socket; an end moves to a child with its socket.
import { createServer, connect, type Socket } from 'node:net';
import { TimeoutError, targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import { BaseConnection, type Transport, type WaitBound } from './connection.js';
import { BrokenPipeError, ConnectionStateError, EOFError } from './errors.js';
import { FrameReader, frameHeader, FRAME_HEADER_BYTES, writeFrameHeader, type Frame, type FrameHeader, type FrameKind } from './frames.js';
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

/** A receive waiting for the next frame. */
interface Waiter {
  readonly deadline: number;
  readonly bound: WaitBound;
  settle(error: Error | null): void;
}

class SocketTransport implements Transport {
  readonly #socket: Socket;
  readonly #reader = new FrameReader();
  readonly #frames: Frame[] = [];
  #queuedBytes = 0;
  #ended = false;
  #failed: Error | null = null;
  #started = false;
  #waiter: Waiter | null = null;
  /**
   * One timer for every wait's deadline, left armed between waits: a busy pipe waits thousands of
   * times a second, and a fresh timer per wait would cost more than the message. When it fires early
   * (its wait ended, a later one began), it re-arms for the wait in progress.
   */
  #timer: NodeJS.Timeout | null = null;
  #timerAt = Infinity;
  readonly #onFrame = (frame: Frame): void => {
    this.#frames.push(frame);
    this.#queuedBytes += frame.length;
  };

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('error', (error) => {
      this.#failed = error;
      this.#finish();
    });
    socket.on('end', () => this.#finish());
    socket.on('close', () => this.#finish());
    socket.unref();
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
    // A pending receive keeps the program alive; an idle connection does not.
    this.#socket.unref();
    waiter.settle(error);
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#socket.on('data', (chunk: Buffer) => {
      this.#reader.each(chunk, this.#onFrame);
      if (this.#queuedBytes > HIGH_WATER_BYTES) this.#socket.pause();
      if (this.#frames.length > 0) this.#wake(null);
    });
    this.#socket.resume();
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

  header(bound: WaitBound): FrameHeader | null | Promise<FrameHeader | null> {
    this.#start();
    const frame = this.#frames[0];
    if (frame !== undefined) return frame;
    if (this.#ended) return null;
    return this.#waitHeader(bound);
  }

  async #waitHeader(bound: WaitBound): Promise<FrameHeader | null> {
    for (;;) {
      const frame = this.#frames[0];
      if (frame !== undefined) return frame;
      if (this.#ended) return null;
      if (performance.now() >= bound.deadline) throw new TimeoutError(bound.what, bound.timeoutMs ?? 0);
      await this.#wait(bound);
    }
  }

  #wait(bound: WaitBound): Promise<void> {
    const signal = bound.signal;
    signal?.throwIfAborted();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => this.#wake(signal?.reason as Error);
      this.#waiter = {
        deadline: bound.deadline,
        bound,
        settle: (error) => {
          signal?.removeEventListener('abort', onAbort);
          if (error === null) resolve();
          else reject(error);
        },
      };
      this.#socket.ref();
      if (Number.isFinite(bound.deadline)) this.#armTimer(bound.deadline);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  payload(header: FrameHeader): Buffer {
    const frame = this.#frames.shift();
    if (frame === undefined || frame !== header) throw new EOFError('no message to read');
    this.#queuedBytes -= frame.length;
    if (this.#queuedBytes <= HIGH_WATER_BYTES / 2 && this.#socket.isPaused()) this.#socket.resume();
    return frame.payload;
  }

  write(kind: FrameKind, payload: Uint8Array): Promise<void> | undefined {
    const socket = this.#socket;
    if (socket.destroyed || !socket.writable) {
      throw new BrokenPipeError('the receiving end of the pipe is closed', this.#failed === null ? {} : { cause: this.#failed });
    }
    let settle: ((error?: Error | null) => void) | null = null;
    const written = (error?: Error | null): void => settle?.(error);
    if (payload.length <= COALESCE_BYTES) {
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
  readonly #socket: Socket;

  constructor(socket: Socket, readable: boolean, writable: boolean) {
    super(readable, writable);
    this.#socket = socket;
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
    const state: ProcessEndState = { socket: context.transfer(this.#socket), readable: this.readable, writable: this.writable };
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

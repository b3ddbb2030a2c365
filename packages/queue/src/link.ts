// A message link between a holder and the broker: a MessagePort (threads) or a Unix socket of v8 frames (processes).
import { writeSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { deserialize, serialize } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import { FrameReader, FRAME_HEADER_BYTES, FRAME_VALUE, writeFrameHeader } from '@parlab/pipe';
import { GONE, QueueStateError } from './errors.js';

export interface Link {
  /**
   * Sends a message; null when it has already left this program (posted, or in the kernel's socket
   * buffer), else a promise that settles once it has, so that a program may end right after.
   */
  send(message: unknown): Promise<void> | null;
  /** Resolves once everything sent so far has left this program. */
  drained(): Promise<void>;
  /**
   * Sends from a process 'exit' handler, where nothing asynchronous runs any more: a port posts as
   * usual; a socket writes synchronously, unless earlier bytes still wait in its buffer (then it cannot).
   */
  sendAtExit(message: unknown): boolean;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the other side is gone (closed, or its process or thread ended). */
  onClose(listener: () => void): void;
  /** Whether the link keeps the program alive (while a request waits on it). */
  hold(held: boolean): void;
  close(): void;
}

export class PortLink implements Link {
  readonly #port: MessagePort;
  constructor(port: MessagePort) {
    this.#port = port;
    port.unref();
  }
  send(message: unknown): null {
    // A posted message is already in the receiving port's queue: it outlives this thread.
    this.#port.postMessage(message);
    return null;
  }
  drained(): Promise<void> {
    return Promise.resolve();
  }
  sendAtExit(message: unknown): boolean {
    this.#port.postMessage(message);
    return true;
  }
  onMessage(listener: (message: unknown) => void): void {
    this.#port.on('message', listener);
    this.#port.unref();
  }
  onClose(listener: () => void): void {
    this.#port.once('close', listener);
  }
  hold(held: boolean): void {
    if (held) this.#port.ref();
    else this.#port.unref();
  }
  close(): void {
    this.#port.close();
  }
}

/** How long an exit handler keeps trying to write into a full socket before it gives up. */
const EXIT_WRITE_MS = 5_000;

export class SocketLink implements Link {
  readonly #socket: Socket;
  readonly #reader = new FrameReader();
  #closed = false;
  readonly #closeListeners: (() => void)[] = [];
  #held = false;
  /** Writes still in this program's buffers; the socket keeps the program alive until they are out. */
  #unwritten = 0;
  #drainWaiters: (() => void)[] = [];

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.setNoDelay?.(true);
    const gone = (): void => {
      if (this.#closed) return;
      this.#closed = true;
      for (const waiter of this.#drainWaiters.splice(0)) waiter();
      for (const listener of this.#closeListeners) listener();
    };
    socket.on('close', gone);
    socket.on('error', gone);
    socket.unref();
  }

  /** A link to the broker listening at `path`; messages sent before it connects wait in the socket. */
  static connect(path: string): SocketLink {
    return new SocketLink(connect(path));
  }

  static #frame(message: unknown): Buffer {
    const body = serialize(message);
    const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
    writeFrameHeader(frame, 0, FRAME_VALUE, body.length);
    frame.set(body, FRAME_HEADER_BYTES);
    return frame;
  }

  send(message: unknown): Promise<void> | null {
    if (this.#closed) return Promise.reject(new QueueStateError(GONE));
    const frame = SocketLink.#frame(message);
    let settle: ((error: Error | null | undefined) => void) | null = null;
    this.#socket.write(frame, (error) => settle?.(error));
    // Written at once (the usual case): the kernel has the bytes, even if this program exits now.
    if (this.#socket.writableLength === 0 && this.#socket.errored === null) return null;
    this.#unwritten++;
    this.#ref();
    return new Promise<void>((resolve, reject) => {
      settle = (error) => {
        this.#unwritten--;
        this.#ref();
        if (this.#unwritten === 0) {
          const waiters = this.#drainWaiters;
          this.#drainWaiters = [];
          for (const waiter of waiters) waiter();
        }
        if (error == null) resolve();
        else reject(new QueueStateError(GONE, { cause: error }));
      };
    });
  }

  drained(): Promise<void> {
    if (this.#unwritten === 0 || this.#closed) return Promise.resolve();
    return new Promise((resolve) => this.#drainWaiters.push(resolve));
  }

  sendAtExit(message: unknown): boolean {
    const socket = this.#socket;
    // Bytes still queued in the socket would be overtaken (and a frame cut in two): only write into an empty queue.
    if (this.#closed || socket.destroyed || socket.writableLength > 0) return false;
    const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
    if (typeof fd !== 'number' || fd < 0) return false;
    const frame = SocketLink.#frame(message);
    const giveUpAt = performance.now() + EXIT_WRITE_MS;
    let written = 0;
    while (written < frame.length) {
      try {
        written += writeSync(fd, frame, written);
      } catch (error) {
        // The socket is non-blocking: a full kernel buffer says EAGAIN until the reader catches up.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || performance.now() > giveUpAt) return false;
      }
    }
    return true;
  }

  #ref(): void {
    if (this.#held || this.#unwritten > 0) this.#socket.ref();
    else this.#socket.unref();
  }

  onMessage(listener: (message: unknown) => void): void {
    this.#socket.on('data', (chunk: Buffer) => {
      for (const frame of this.#reader.push(chunk)) listener(deserialize(frame.payload));
    });
  }

  onClose(listener: () => void): void {
    this.#closeListeners.push(listener);
  }

  hold(held: boolean): void {
    this.#held = held;
    this.#ref();
  }

  close(): void {
    this.#socket.end(() => this.#socket.destroy());
  }
}

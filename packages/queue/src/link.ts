// A message link between a holder and the broker: a MessagePort (threads) or a Unix socket of v8 frames (processes).
import { connect, type Socket } from 'node:net';
import { deserialize, serialize } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import { FrameReader, FRAME_HEADER_BYTES, FRAME_VALUE, writeFrameHeader } from '@parlab/pipe';
import { GONE, QueueStateError } from './errors.js';

export interface Link {
  /** Whether send hands a message over at once, even from a process 'exit' handler (a port does; a socket does not). */
  readonly handsOver: boolean;
  /**
   * Sends a message; null when it has already left this program (posted, or in the kernel's socket
   * buffer), else a promise that settles once it has, so that a program may end right after.
   */
  send(message: unknown): Promise<void> | null;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the other side is gone (closed, or its process or thread ended). */
  onClose(listener: () => void): void;
  /** Whether the link keeps the program alive (while a request waits on it). */
  hold(held: boolean): void;
  close(): void;
}

export class PortLink implements Link {
  readonly handsOver = true;
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

export class SocketLink implements Link {
  readonly handsOver = false;
  readonly #socket: Socket;
  readonly #reader = new FrameReader();
  #closed = false;
  readonly #closeListeners: (() => void)[] = [];
  #held = false;
  /** Writes still in this program's buffers; the socket keeps the program alive until they are out. */
  #unwritten = 0;

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.setNoDelay?.(true);
    const gone = (): void => {
      if (this.#closed) return;
      this.#closed = true;
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

  send(message: unknown): Promise<void> | null {
    if (this.#closed) return Promise.reject(new QueueStateError(GONE));
    const body = serialize(message);
    const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
    writeFrameHeader(frame, 0, FRAME_VALUE, body.length);
    frame.set(body, FRAME_HEADER_BYTES);
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
        if (error == null) resolve();
        else reject(new QueueStateError(GONE, { cause: error }));
      };
    });
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

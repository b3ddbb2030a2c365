// A socket that speaks frames: awaitable frames for the handshake, then a listener; writes batched per tick.
import type { Socket } from 'node:net';
import { FrameError, FrameReader, frame, frames } from './framing.js';

export class FramedSocket {
  readonly socket: Socket;
  readonly #reader: FrameReader;
  #waiter: ((frame: Buffer | Error) => void) | null = null;
  #listener: ((frame: Buffer) => void) | null = null;
  /** Frames written this tick; they leave together in one write. */
  #outgoing: (Buffer | Uint8Array)[] = [];
  #closed: Error | null = null;
  readonly #onClose: ((reason: Error) => void)[] = [];

  constructor(socket: Socket, maxFrameBytes: number) {
    this.socket = socket;
    this.#reader = new FrameReader(maxFrameBytes);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.#reader.append(chunk);
      this.#pump();
    });
    socket.on('error', (error) => this.close(error));
    socket.on('close', () => this.close(new Error('the connection closed')));
  }

  set maxFrameBytes(value: number) {
    this.#reader.maxFrameBytes = value;
  }

  get closed(): boolean {
    return this.#closed !== null;
  }

  /** Hands out whole frames while someone wants them; the rest stays buffered (a handshake takes one at a time). */
  #pump(): void {
    while (this.#closed === null && (this.#listener !== null || this.#waiter !== null)) {
      let f: Buffer | null;
      try {
        f = this.#reader.pull();
      } catch (error) {
        this.close(error as FrameError);
        return;
      }
      if (f === null) return;
      if (this.#listener !== null) this.#listener(f);
      else {
        const waiter = this.#waiter as (frame: Buffer | Error) => void;
        this.#waiter = null;
        waiter(f);
      }
    }
  }

  /** The next frame (handshake only); rejects if the connection closes or `timeoutMs` passes. */
  next(timeoutMs: number): Promise<Buffer> {
    if (this.#closed !== null) return Promise.reject(this.#closed);
    const frame = new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiter = null;
        reject(new FrameError(`no frame within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiter = (f) => {
        clearTimeout(timer);
        if (f instanceof Error) reject(f);
        else resolve(f);
      };
    });
    this.#pump();
    return frame;
  }

  /** From now on every frame goes to `listener`. */
  listen(listener: (frame: Buffer) => void): void {
    this.#listener = listener;
    this.#pump();
  }

  onClose(listener: (reason: Error) => void): void {
    if (this.#closed !== null) listener(this.#closed);
    else this.#onClose.push(listener);
  }

  send(payload: Buffer | Uint8Array): void {
    if (this.#closed !== null) return;
    // Frames sent in the same tick leave in one write: pipelined calls and replies batch.
    if (this.#outgoing.length === 0) process.nextTick(() => this.#flush());
    this.#outgoing.push(payload);
  }

  #flush(): void {
    const payloads = this.#outgoing;
    this.#outgoing = [];
    if (this.#closed !== null || payloads.length === 0) return;
    this.socket.write(payloads.length === 1 ? frame(payloads[0] as Buffer) : frames(payloads));
  }

  /** Sends what is queued, then closes the sending side (the peer reads everything first). */
  end(): void {
    this.#flush();
    this.socket.end();
  }

  /** Closes the connection (idempotent); `reason` reaches the close listeners. */
  close(reason: Error): void {
    if (this.#closed !== null) return;
    this.#closed = reason;
    this.socket.destroy();
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.(reason);
    for (const listener of this.#onClose.splice(0)) listener(reason);
  }
}

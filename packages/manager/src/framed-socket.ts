// A socket that speaks frames: awaitable frames for the handshake, then a listener; writes batched per tick.
import type { Socket } from 'node:net';
import { FrameError, FrameReader, frame } from './framing.js';

/** How long end() waits for its last frames to leave before destroying the socket anyway. */
const LINGER_MS = 1000;

export class FramedSocket {
  readonly socket: Socket;
  readonly #reader: FrameReader;
  /** Until authenticated(): the most bytes held unread; a peer that sends more is cut off. */
  #maxUnauthenticatedBytes: number;
  #waiter: ((frame: Buffer | Error) => void) | null = null;
  #listener: ((frame: Buffer) => void) | null = null;
  /** Frames (header included) written this tick; they leave together in one write. */
  #outgoing: Buffer[] = [];
  /** Whether received frames are being handed out: what they answer leaves in one write when they are all handled. */
  #pumping = false;
  #closed: Error | null = null;
  readonly #onClose: ((reason: Error) => void)[] = [];

  constructor(socket: Socket, maxFrameBytes: number, maxUnauthenticatedBytes = Infinity) {
    this.socket = socket;
    this.#reader = new FrameReader(maxFrameBytes);
    this.#maxUnauthenticatedBytes = maxUnauthenticatedBytes;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      if (this.#closed !== null) return;
      this.#reader.append(chunk);
      this.#pump();
      if (this.#closed === null && this.#reader.bufferedBytes > this.#maxUnauthenticatedBytes) {
        this.close(new FrameError(`more than ${this.#maxUnauthenticatedBytes} bytes arrived before the handshake was done`));
      }
    });
    socket.on('error', (error) => this.close(error));
    socket.on('close', () => this.close(new Error('the connection closed')));
  }

  /** The handshake is done: frames up to `maxFrameBytes` are accepted and the unread-bytes cap is lifted. */
  authenticated(maxFrameBytes: number): void {
    this.#reader.maxFrameBytes = maxFrameBytes;
    this.#maxUnauthenticatedBytes = Infinity;
  }

  get closed(): boolean {
    return this.#closed !== null;
  }

  /**
   * Hands out whole frames while someone wants them; the rest stays buffered (a handshake takes
   * one at a time). While nobody wants frames the socket is paused, so a peer cannot make this
   * side buffer more than a read's worth (TCP then holds the sender back).
   */
  #pump(): void {
    this.#pumping = true;
    try {
      this.#handOut();
    } finally {
      this.#pumping = false;
      // The answers to this read's frames, all at once (no tick to wait for); none is left unsent if a listener threw.
      this.#flush();
    }
    if (this.#closed !== null) return;
    const wanted = this.#listener !== null || this.#waiter !== null;
    if (wanted && this.socket.isPaused()) this.socket.resume();
    else if (!wanted && !this.socket.isPaused()) this.socket.pause();
  }

  #handOut(): void {
    while (this.#closed === null && (this.#listener !== null || this.#waiter !== null)) {
      let f: Buffer | null;
      try {
        f = this.#reader.pull();
      } catch (error) {
        this.close(error as FrameError);
        return;
      }
      if (f === null) break;
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

  /** Sends one frame's payload (the header is added). */
  send(payload: Buffer | Uint8Array): void {
    this.sendFrame(frame(payload));
  }

  /**
   * Sends a whole frame, header included (codec's encodeFrame). Frames sent while received ones are
   * handed out leave together once they all are; others sent in the same tick leave together on the
   * next one: pipelined calls and replies batch. `alone`: nothing else is expected in this tick (a
   * client's only call in flight), so the frame leaves at once if none waits before it.
   */
  sendFrame(framed: Buffer, alone = false): void {
    if (this.#closed !== null) return;
    if (this.#outgoing.length === 0 && !this.#pumping) {
      if (alone) {
        if (!this.socket.destroyed) this.socket.write(framed);
        return;
      }
      process.nextTick(this.#flush);
    }
    this.#outgoing.push(framed);
  }

  readonly #flush = (): void => {
    const out = this.#outgoing;
    if (out.length === 0) return;
    this.#outgoing = [];
    if (this.socket.destroyed) return;
    this.socket.write(out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out));
  };

  /**
   * Closes the connection after sending what is queued (a handshake's FAILURE): nothing more is
   * read, and the socket is destroyed once the frames have left, or after LINGER_MS if the peer
   * does not take them. A peer that keeps sending gets a reset rather than a half-open socket.
   */
  end(reason: Error): void {
    if (this.#closed !== null) return;
    this.#flush();
    const socket = this.socket;
    this.#close(reason);
    socket.pause();
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    linger.unref();
    socket.once('close', () => clearTimeout(linger));
    socket.end(() => socket.destroy());
  }

  /** Closes the connection at once (idempotent); `reason` reaches the close listeners. */
  close(reason: Error): void {
    if (this.#closed !== null) return;
    this.#close(reason);
    this.socket.destroy();
  }

  #close(reason: Error): void {
    this.#closed = reason;
    this.#outgoing = [];
    this.#reader.clear();
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.(reason);
    for (const listener of this.#onClose.splice(0)) listener(reason);
  }
}

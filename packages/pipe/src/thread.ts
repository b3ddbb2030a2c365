// Thread strategy: each direction is a ring buffer in shared memory; a MessagePort pair tells each end when the other is gone.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import { BaseConnection, type Transport, type WaitBound } from './connection.js';
import { BrokenPipeError, ConnectionStateError, EOFError } from './errors.js';
import { FRAME_HEADER_BYTES, readFrameHeader, writeFrameHeader, type FrameHeader, type FrameKind } from './frames.js';
import { DATA_EVENT, Ring, SPACE_EVENT } from './ring.js';

/** What crosses when an end is passed to a worker thread. */
interface ThreadEndState {
  readonly inbound: SharedArrayBuffer | null;
  readonly outbound: SharedArrayBuffer | null;
  /** Travels in the state itself: core's thread strategy delivers transferred items inside the message. */
  readonly port: MessagePort;
}

const REVIVER = targetRef(import.meta.url, 'reviveThreadConnection');

class RingTransport implements Transport {
  readonly #inbound: Ring | null;
  readonly #outbound: Ring | null;
  readonly #header = new Uint8Array(FRAME_HEADER_BYTES);
  /** A message whose header was consumed but whose bytes are still arriving (it is bigger than the ring). */
  #partial: { header: FrameHeader; data: Buffer; filled: number } | null = null;

  constructor(inbound: Ring | null, outbound: Ring | null) {
    this.#inbound = inbound;
    this.#outbound = outbound;
  }

  async header(bound: WaitBound): Promise<FrameHeader | null> {
    if (this.#partial !== null) return this.#partial.header;
    const ring = this.#inbound as Ring;
    for (;;) {
      const seen = ring.seen(DATA_EVENT);
      // Closed is read before the data so that everything written before the close is seen.
      const closed = ring.writerClosed();
      if (ring.available() >= FRAME_HEADER_BYTES) {
        ring.peek(this.#header, 0, FRAME_HEADER_BYTES);
        return readFrameHeader(this.#header, 0);
      }
      if (closed) return null;
      await ring.wait(DATA_EVENT, seen, bound.deadline, bound.what, bound.timeoutMs, bound.signal);
    }
  }

  async payload(header: FrameHeader, bound: WaitBound, into?: Uint8Array): Promise<Buffer> {
    const ring = this.#inbound as Ring;
    let partial = this.#partial;
    if (partial === null) {
      const total = FRAME_HEADER_BYTES + header.length;
      if (ring.available() >= total) {
        // Straight from the ring into the caller's buffer (recvBytesInto): one copy instead of two. Only
        // for a whole message: a partial one outlives this call if it times out, and must not write there later.
        const data = into === undefined ? Buffer.allocUnsafe(header.length) : Buffer.from(into.buffer, into.byteOffset, into.byteLength);
        ring.peek(data, 0, header.length, FRAME_HEADER_BYTES);
        ring.commitRead(total);
        return data;
      }
      ring.commitRead(FRAME_HEADER_BYTES);
      partial = { header, data: Buffer.allocUnsafe(header.length), filled: 0 };
      this.#partial = partial;
    }
    for (;;) {
      const seen = ring.seen(DATA_EVENT);
      const closed = ring.writerClosed();
      const n = Math.min(ring.available(), header.length - partial.filled);
      if (n > 0) {
        ring.peek(partial.data, partial.filled, n);
        ring.commitRead(n);
        partial.filled += n;
        if (partial.filled === header.length) {
          this.#partial = null;
          return partial.data;
        }
        continue;
      }
      if (closed) {
        this.#partial = null;
        throw new EOFError(`the other end went away in the middle of a ${header.length}-byte message`);
      }
      await ring.wait(DATA_EVENT, seen, bound.deadline, bound.what, bound.timeoutMs, bound.signal);
    }
  }

  async write(kind: FrameKind, payload: Uint8Array): Promise<void> {
    const ring = this.#outbound as Ring;
    writeFrameHeader(this.#header, 0, kind, payload.length);
    const total = FRAME_HEADER_BYTES + payload.length;
    if (ring.readerClosed()) throw new BrokenPipeError('the receiving end of the pipe is closed');
    if (ring.space() >= total) {
      ring.stage(this.#header, 0);
      ring.stage(payload, FRAME_HEADER_BYTES);
      ring.commitWrite(total);
      return;
    }
    // Bigger than the free space: stream it through as the reader frees room.
    const header = this.#header.slice();
    let sent = 0;
    while (sent < total) {
      const seen = ring.seen(SPACE_EVENT);
      if (ring.readerClosed()) throw new BrokenPipeError('the receiving end of the pipe closed while a message was being sent');
      const space = ring.space();
      if (sent < FRAME_HEADER_BYTES) {
        if (space >= FRAME_HEADER_BYTES) {
          ring.stage(header, 0);
          ring.commitWrite(FRAME_HEADER_BYTES);
          sent = FRAME_HEADER_BYTES;
          continue;
        }
      } else if (space > 0) {
        const from = sent - FRAME_HEADER_BYTES;
        const n = Math.min(space, payload.length - from);
        ring.stage(payload.subarray(from, from + n), 0);
        ring.commitWrite(n);
        sent += n;
        continue;
      }
      await ring.wait(SPACE_EVENT, seen, Infinity, 'send', undefined, undefined);
    }
  }

  /** This end is done (closed, or its peer noticed it is gone). */
  shut(): void {
    this.#inbound?.closeReader();
    this.#outbound?.closeWriter();
  }

  /** The peer is gone: nothing more will come, nothing more can go. */
  peerGone(): void {
    this.#inbound?.closeWriter();
    this.#outbound?.closeReader();
  }

  close(): void {
    this.shut();
  }
}

export class ThreadConnection extends BaseConnection {
  readonly strategy = 'thread' as const;
  protected readonly transport: RingTransport;
  readonly #inbound: Ring | null;
  readonly #outbound: Ring | null;
  readonly #port: MessagePort;

  constructor(inbound: Ring | null, outbound: Ring | null, port: MessagePort) {
    super(inbound !== null, outbound !== null);
    this.#inbound = inbound;
    this.#outbound = outbound;
    this.#port = port;
    this.transport = new RingTransport(inbound, outbound);
    // The peer's port closes when it closes its end or its thread ends, however it ends. This
    // port also reports 'close' when it moves away with this end; that says nothing of the peer.
    port.on('close', () => {
      if (!this.closed) this.transport.peerGone();
    });
    port.unref();
  }

  [toHandle](context: EncodeContext): HandleDescriptor {
    if (context.strategy !== 'thread') {
      throw new ConnectionStateError("a thread-strategy pipe end cannot go to a child process; create the pipe with { strategy: 'process' }");
    }
    this.markMoved();
    context.transfer(this.#port);
    const state: ThreadEndState = { inbound: this.#inbound?.sab ?? null, outbound: this.#outbound?.sab ?? null, port: this.#port };
    return { reviver: REVIVER, state };
  }

  override close(): void {
    const open = !this.closed;
    super.close();
    if (open) this.#port.close();
  }
}

/** Rebuilds a thread end on the receiving thread (named by the handle; not for direct use). */
export function reviveThreadConnection(state: unknown, _context: ReviveContext): ThreadConnection {
  const { inbound, outbound, port } = state as ThreadEndState;
  return new ThreadConnection(inbound === null ? null : new Ring(inbound), outbound === null ? null : new Ring(outbound), port);
}

/** Two thread ends; with duplex false the first only receives and the second only sends. */
export function threadPipe(duplex: boolean, bufferBytes: number): [ThreadConnection, ThreadConnection] {
  const forward = Ring.create(bufferBytes);
  const backward = duplex ? Ring.create(bufferBytes) : null;
  const { port1, port2 } = new MessageChannel();
  return [new ThreadConnection(forward, backward, port1), new ThreadConnection(backward, forward, port2)];
}

// Length-prefixed frames on a stream socket: [u32 length][payload], with a size limit checked before buffering.

/** A frame that cannot be accepted; the connection that sent it is closed. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

export const HEADER_BYTES = 4;

/**
 * Splits a byte stream into frames, one at a time, so that the limit in force (which grows after
 * the handshake) applies to each frame when it is taken. Throws FrameError on a frame larger than
 * `maxFrameBytes`, before buffering it. Chunks are kept as they arrive and each byte is copied at
 * most once (when a frame spans chunks), so framing costs time linear in the bytes received.
 */
export class FrameReader {
  readonly #chunks: Buffer[] = [];
  /** Bytes of #chunks[0] already taken. */
  #offset = 0;
  #buffered = 0;
  maxFrameBytes: number;

  constructor(maxFrameBytes: number) {
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Bytes received and not yet taken as frames. */
  get bufferedBytes(): number {
    return this.#buffered;
  }

  append(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
  }

  /** Drops everything buffered (a closed connection's bytes). */
  clear(): void {
    this.#chunks.length = 0;
    this.#offset = 0;
    this.#buffered = 0;
  }

  /** The next whole frame, or null until more bytes arrive. */
  pull(): Buffer | null {
    if (this.#buffered < HEADER_BYTES) return null;
    const length = this.#length();
    if (length > this.maxFrameBytes) throw new FrameError(`frame of ${length} bytes exceeds the limit of ${this.maxFrameBytes}`);
    if (this.#buffered < HEADER_BYTES + length) return null;
    this.#take(HEADER_BYTES);
    return this.#take(length);
  }

  /** The header's length field, read across chunks when it is split. */
  #length(): number {
    const first = this.#chunks[0] as Buffer;
    if (first.length - this.#offset >= HEADER_BYTES) return first.readUInt32LE(this.#offset);
    let length = 0;
    let chunk = 0;
    let at = this.#offset;
    for (let i = 0; i < HEADER_BYTES; i++) {
      while (at === (this.#chunks[chunk] as Buffer).length) {
        chunk++;
        at = 0;
      }
      length += ((this.#chunks[chunk] as Buffer)[at++] as number) * 2 ** (8 * i);
    }
    return length;
  }

  /** Removes `bytes` from the front: a view when they lie in one chunk, one copy otherwise. */
  #take(bytes: number): Buffer {
    this.#buffered -= bytes;
    const first = this.#chunks[0];
    if (first === undefined) return Buffer.alloc(0);
    if (first.length - this.#offset >= bytes) {
      const out = first.subarray(this.#offset, this.#offset + bytes);
      this.#offset += bytes;
      if (this.#offset === first.length) this.#advance();
      return out;
    }
    const parts: Buffer[] = [];
    let left = bytes;
    while (left > 0) {
      const chunk = this.#chunks[0] as Buffer;
      const part = chunk.subarray(this.#offset, this.#offset + left);
      parts.push(part);
      left -= part.length;
      this.#offset += part.length;
      if (this.#offset === chunk.length) this.#advance();
    }
    return Buffer.concat(parts, bytes);
  }

  #advance(): void {
    this.#chunks.shift();
    this.#offset = 0;
  }
}

/** The header and payload of one frame, ready for socket.write (one write: a frame is never split by writers). */
export function frame(payload: Buffer | Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.set(payload, HEADER_BYTES);
  return out;
}

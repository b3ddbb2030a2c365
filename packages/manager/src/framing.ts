// Length-prefixed frames on a stream socket: [u32 length][payload], with a size limit checked before buffering.

/** A frame that cannot be accepted; the connection that sent it is closed. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

export const HEADER_BYTES = 4;

/**
 * Splits a byte stream into frames, one at a time, so that the limit in force (which grows after
 * the handshake) applies to each frame when it is taken. Throws FrameError on a frame larger than
 * `maxFrameBytes`, before buffering it.
 */
export class FrameReader {
  #buffered: Buffer = Buffer.alloc(0);
  maxFrameBytes: number;

  constructor(maxFrameBytes: number) {
    this.maxFrameBytes = maxFrameBytes;
  }

  append(chunk: Buffer): void {
    this.#buffered = this.#buffered.length === 0 ? chunk : Buffer.concat([this.#buffered, chunk]);
  }

  /** The next whole frame, or null until more bytes arrive. */
  pull(): Buffer | null {
    if (this.#buffered.length < HEADER_BYTES) return null;
    const length = this.#buffered.readUInt32LE(0);
    if (length > this.maxFrameBytes) throw new FrameError(`frame of ${length} bytes exceeds the limit of ${this.maxFrameBytes}`);
    if (this.#buffered.length < HEADER_BYTES + length) return null;
    const payload = this.#buffered.subarray(HEADER_BYTES, HEADER_BYTES + length);
    this.#buffered = this.#buffered.subarray(HEADER_BYTES + length);
    return payload;
  }
}

/** The header and payload of one frame, ready for socket.write (one write: a frame is never split by writers). */
export function frame(payload: Buffer | Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.set(payload, HEADER_BYTES);
  return out;
}

/** Several frames in one buffer. */
export function frames(payloads: readonly (Buffer | Uint8Array)[]): Buffer {
  let total = 0;
  for (const payload of payloads) total += HEADER_BYTES + payload.length;
  const out = Buffer.allocUnsafe(total);
  let offset = 0;
  for (const payload of payloads) {
    out.writeUInt32LE(payload.length, offset);
    out.set(payload, offset + HEADER_BYTES);
    offset += HEADER_BYTES + payload.length;
  }
  return out;
}

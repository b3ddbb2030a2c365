// Length-prefixed frames: a 16-byte header (kind, 53-bit length) before each message's bytes.

/** A message made with `send`: v8-serialized (FRAME_VALUE) or, for plain data, JSON text (FRAME_JSON); or with `sendBytes` (FRAME_BYTES). */
export const FRAME_VALUE = 1;
export const FRAME_BYTES = 2;
export const FRAME_JSON = 3;
export type FrameKind = typeof FRAME_VALUE | typeof FRAME_BYTES | typeof FRAME_JSON;

export const FRAME_HEADER_BYTES = 16;
const TWO_32 = 2 ** 32;

export interface FrameHeader {
  readonly kind: FrameKind;
  readonly length: number;
}

export interface Frame extends FrameHeader {
  readonly payload: Buffer;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Writes a header at `offset` of `target`; lengths up to 2^53 − 1 (a 64-bit field, little-endian). */
export function writeFrameHeader(target: Uint8Array, offset: number, kind: FrameKind, length: number): void {
  if (offset < 0 || offset + FRAME_HEADER_BYTES > target.length) throw new RangeError('no room for a frame header');
  const low = length % TWO_32;
  const high = Math.floor(length / TWO_32);
  target[offset] = kind;
  target.fill(0, offset + 1, offset + 8);
  target[offset + 8] = low & 0xff;
  target[offset + 9] = (low >>> 8) & 0xff;
  target[offset + 10] = (low >>> 16) & 0xff;
  target[offset + 11] = low >>> 24;
  target[offset + 12] = high & 0xff;
  target[offset + 13] = (high >>> 8) & 0xff;
  target[offset + 14] = (high >>> 16) & 0xff;
  target[offset + 15] = high >>> 24;
}

export function frameHeader(kind: FrameKind, length: number): Buffer {
  const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  writeFrameHeader(header, 0, kind, length);
  return header;
}

/** Reads a header; throws on a kind it does not know, which means the stream is corrupt. */
export function readFrameHeader(source: Uint8Array, offset: number): FrameHeader {
  const buffer = asBuffer(source);
  const kind = buffer.readUInt32LE(offset);
  if (kind !== FRAME_VALUE && kind !== FRAME_BYTES && kind !== FRAME_JSON) throw new Error(`corrupt frame: unknown kind ${kind}`);
  return { kind, length: buffer.readUInt32LE(offset + 8) + buffer.readUInt32LE(offset + 12) * TWO_32 };
}

const NO_BYTES = Buffer.alloc(0);

/** Cuts a byte stream (socket chunks) into frames; a big payload is gathered into one buffer without re-concatenating. */
export class FrameReader {
  #head: Buffer = NO_BYTES;
  #current: { header: FrameHeader; payload: Buffer; filled: number } | null = null;

  /** Feeds one chunk; returns the frames it completed, in order. */
  push(chunk: Buffer): Frame[] {
    const frames: Frame[] = [];
    this.each(chunk, (frame) => frames.push(frame));
    return frames;
  }

  /** Feeds one chunk; calls `onFrame` for each frame it completes, in order. */
  each(chunk: Buffer, onFrame: (frame: Frame) => void): void {
    let data = chunk;
    if (this.#head.length > 0) {
      data = Buffer.concat([this.#head, chunk]);
      this.#head = NO_BYTES;
    }
    let offset = 0;
    while (offset < data.length) {
      const current = this.#current;
      if (current !== null) {
        const n = Math.min(current.header.length - current.filled, data.length - offset);
        data.copy(current.payload, current.filled, offset, offset + n);
        current.filled += n;
        offset += n;
        if (current.filled === current.header.length) {
          this.#current = null;
          onFrame({ kind: current.header.kind, length: current.header.length, payload: current.payload });
        }
        continue;
      }
      if (data.length - offset < FRAME_HEADER_BYTES) {
        this.#head = Buffer.from(data.subarray(offset));
        break;
      }
      const header = readFrameHeader(data, offset);
      offset += FRAME_HEADER_BYTES;
      if (data.length - offset >= header.length) {
        // Whole frame in this chunk: hand out a view rather than a copy.
        const end = offset + header.length;
        onFrame({ kind: header.kind, length: header.length, payload: data.subarray(offset, end) });
        offset = end;
      } else {
        this.#current = { header, payload: Buffer.allocUnsafe(header.length), filled: 0 };
      }
    }
  }
}

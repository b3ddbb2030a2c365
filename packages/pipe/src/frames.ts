// Length-prefixed frames: a 16-byte header (kind, 53-bit length) before each message's bytes.

/** A message made with `send` (v8-serialized value) or with `sendBytes` (raw bytes). */
export const FRAME_VALUE = 1;
export const FRAME_BYTES = 2;
export type FrameKind = typeof FRAME_VALUE | typeof FRAME_BYTES;

export const FRAME_HEADER_BYTES = 16;
const TWO_32 = 2 ** 32;

export interface FrameHeader {
  readonly kind: FrameKind;
  readonly length: number;
}

export interface Frame extends FrameHeader {
  readonly payload: Buffer;
}

/** Writes a header at `offset` of `target`; lengths up to 2^53 − 1 (a 64-bit field, little-endian). */
export function writeFrameHeader(target: Uint8Array, offset: number, kind: FrameKind, length: number): void {
  const view = new DataView(target.buffer, target.byteOffset + offset, FRAME_HEADER_BYTES);
  view.setUint32(0, kind, true);
  view.setUint32(4, 0, true);
  view.setUint32(8, length % TWO_32, true);
  view.setUint32(12, Math.floor(length / TWO_32), true);
}

export function frameHeader(kind: FrameKind, length: number): Buffer {
  const header = Buffer.allocUnsafe(FRAME_HEADER_BYTES);
  writeFrameHeader(header, 0, kind, length);
  return header;
}

/** Reads a header; throws on a kind it does not know, which means the stream is corrupt. */
export function readFrameHeader(source: Uint8Array, offset: number): FrameHeader {
  const view = new DataView(source.buffer, source.byteOffset + offset, FRAME_HEADER_BYTES);
  const kind = view.getUint32(0, true);
  if (kind !== FRAME_VALUE && kind !== FRAME_BYTES) throw new Error(`corrupt frame: unknown kind ${kind}`);
  return { kind, length: view.getUint32(8, true) + view.getUint32(12, true) * TWO_32 };
}

/** Cuts a byte stream (socket chunks) into frames; a big payload is gathered into one buffer without re-concatenating. */
export class FrameReader {
  #head: Buffer = Buffer.alloc(0);
  #current: { header: FrameHeader; payload: Buffer; filled: number } | null = null;

  /** Feeds one chunk; returns the frames it completed, in order. */
  push(chunk: Buffer): Frame[] {
    const frames: Frame[] = [];
    const data = this.#head.length > 0 ? Buffer.concat([this.#head, chunk]) : chunk;
    this.#head = Buffer.alloc(0);
    let offset = 0;
    while (offset < data.length) {
      const current = this.#current;
      if (current !== null) {
        const n = Math.min(current.header.length - current.filled, data.length - offset);
        data.copy(current.payload, current.filled, offset, offset + n);
        current.filled += n;
        offset += n;
        if (current.filled === current.header.length) {
          frames.push({ ...current.header, payload: current.payload });
          this.#current = null;
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
        frames.push({ ...header, payload: data.subarray(offset, offset + header.length) });
        offset += header.length;
      } else {
        this.#current = { header, payload: Buffer.allocUnsafe(header.length), filled: 0 };
      }
    }
    return frames;
  }
}

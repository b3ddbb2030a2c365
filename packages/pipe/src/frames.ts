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
  /** A FRAME_JSON message decoded as it was cut out of a read (FrameReader's `decodeText`); `payload` is then empty. */
  readonly text?: string;
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
  // Byte by byte: fill() costs more than seven stores on a path taken for every message.
  target[offset + 1] = 0;
  target[offset + 2] = 0;
  target[offset + 3] = 0;
  target[offset + 4] = 0;
  target[offset + 5] = 0;
  target[offset + 6] = 0;
  target[offset + 7] = 0;
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
/** With `copyOut`, whole messages below this size are copied out of a chunk in one step; bigger ones are assembled. */
const SMALL_BYTES = 64 * 1024;

/** A message whose bytes are arriving into `payload` (`filled` of them so far). */
export interface Assembly {
  readonly kind: FrameKind;
  payload: Buffer;
  filled: number;
}

export interface FrameReaderOptions<A extends Assembly> {
  /** Where a message's bytes go, given its header (default: a fresh buffer). */
  readonly start?: (header: FrameHeader) => A;
  /** Chunks are reused after each call (a read buffer): copy whole messages out instead of handing out views. */
  readonly copyOut?: boolean;
  /** A FRAME_JSON message that arrives whole in a chunk is decoded to text straight from it (no copy of its bytes). */
  readonly decodeText?: boolean;
}

/** Called for each whole message, with the assembly it was gathered in (null for one taken whole from a chunk). */
export type OnFrame<A extends Assembly> = (frame: Frame, assembly: A | null) => void;

/** Cuts a byte stream (socket chunks) into frames; a big payload is gathered into one buffer without re-concatenating. */
export class FrameReader<A extends Assembly = Assembly> {
  #head: Buffer = NO_BYTES;
  #current: A | null = null;
  readonly #start: (header: FrameHeader) => A;
  readonly #copyOut: boolean;
  readonly #decodeText: boolean;

  constructor(options: FrameReaderOptions<A> = {}) {
    this.#start = options.start ?? ((header) => ({ kind: header.kind, payload: Buffer.allocUnsafe(header.length), filled: 0 }) as A);
    this.#copyOut = options.copyOut ?? false;
    this.#decodeText = options.decodeText ?? false;
  }

  /** The message being assembled, if one is: its next bytes may be read straight into `payload` at `filled` (then call advance). */
  get current(): A | null {
    return this.#current;
  }

  /** Feeds one chunk; returns the frames it completed, in order. */
  push(chunk: Buffer): Frame[] {
    const frames: Frame[] = [];
    this.each(chunk, (frame) => frames.push(frame));
    return frames;
  }

  /** `n` bytes were read straight into the current message's buffer. */
  advance(n: number, onFrame: OnFrame<A>): void {
    const current = this.#current;
    if (current === null) throw new Error('no message is being assembled');
    current.filled += n;
    if (current.filled === current.payload.length) this.#finish(current, onFrame);
  }

  #finish(current: A, onFrame: OnFrame<A>): void {
    this.#current = null;
    onFrame({ kind: current.kind, length: current.payload.length, payload: current.payload }, current);
  }

  /** Feeds one chunk; calls `onFrame` for each frame it completes, in order. */
  each(chunk: Buffer, onFrame: OnFrame<A>): void {
    let data = chunk;
    if (this.#head.length > 0) {
      data = Buffer.concat([this.#head, chunk]);
      this.#head = NO_BYTES;
    }
    let offset = 0;
    while (offset < data.length) {
      const current = this.#current;
      if (current !== null) {
        const n = Math.min(current.payload.length - current.filled, data.length - offset);
        data.copy(current.payload, current.filled, offset, offset + n);
        current.filled += n;
        offset += n;
        if (current.filled === current.payload.length) this.#finish(current, onFrame);
        continue;
      }
      if (data.length - offset < FRAME_HEADER_BYTES) {
        this.#head = Buffer.from(data.subarray(offset));
        break;
      }
      const header = readFrameHeader(data, offset);
      offset += FRAME_HEADER_BYTES;
      const end = offset + header.length;
      if (end <= data.length && header.kind === FRAME_JSON && this.#decodeText) {
        onFrame({ kind: header.kind, length: header.length, payload: NO_BYTES, text: data.toString('utf8', offset, end) }, null);
        offset = end;
        continue;
      }
      if (end <= data.length && !(this.#copyOut && header.length >= SMALL_BYTES)) {
        // Whole in this chunk: a view of it, or a copy when the chunk's memory is reused.
        const payload = this.#copyOut ? Buffer.from(data.subarray(offset, end)) : data.subarray(offset, end);
        onFrame({ kind: header.kind, length: header.length, payload }, null);
        offset = end;
        continue;
      }
      const started = this.#start(header);
      this.#current = started;
      if (header.length === 0) this.#finish(started, onFrame);
    }
  }
}

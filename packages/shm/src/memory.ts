// A block of shared memory, whatever holds it: its bytes when they are mapped, and reads and writes always.
import { closeSync, readSync, writeSync } from 'node:fs';
import { SharedMemoryError } from './errors.js';

export interface Memory {
  readonly size: number;
  /**
   * The bytes themselves when they are mapped here (a SharedArrayBuffer under `thread`, an mmap
   * under the native backend); null when only read() and write() reach them (the file fallback).
   */
  readonly bytes: Uint8Array | null;
  /** A copy of `length` bytes from `offset`. */
  read(offset: number, length: number): Uint8Array;
  write(offset: number, data: Uint8Array): void;
  /** The part of this memory from `offset`, `size` bytes long. */
  sub(offset: number, size: number): Memory;
}

function checkRange(offset: number, length: number, size: number): void {
  if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new RangeError(`bytes ${offset}..${offset + length} are outside this memory of ${size} bytes`);
  }
}

/** Memory mapped into this thread: reads and writes are plain copies. */
export class MappedMemory implements Memory {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  get size(): number {
    return this.bytes.byteLength;
  }

  read(offset: number, length: number): Uint8Array {
    checkRange(offset, length, this.size);
    return this.bytes.slice(offset, offset + length);
  }

  write(offset: number, data: Uint8Array): void {
    checkRange(offset, data.byteLength, this.size);
    this.bytes.set(data, offset);
  }

  sub(offset: number, size: number): Memory {
    checkRange(offset, size, this.size);
    return new MappedMemory(this.bytes.subarray(offset, offset + size));
  }
}

/** Closes the descriptor of an OpenFile that nothing refers to any more. */
const unreachable = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * An open file, shared by the segment and the FileMemory views on it; closed once, by close() or
 * when nothing holds it — a view may outlive its segment object (a Value keeps only its block).
 */
export class OpenFile {
  #fd: number;
  constructor(fd: number) {
    this.#fd = fd;
    unreachable.register(this, fd, this);
  }

  get fd(): number {
    if (this.#fd < 0) throw new SharedMemoryError('this shared memory was closed');
    return this.#fd;
  }

  close(): void {
    if (this.#fd < 0) return;
    unreachable.unregister(this);
    closeSync(this.#fd);
    this.#fd = -1;
  }
}

/**
 * The fallback's memory: a file in /dev/shm reached by pread/pwrite. Every process that opens the
 * file sees the same page cache, so a write here is read there, as with real shared memory; only
 * atomicity is missing, which the coordinator's locks provide.
 */
export class FileMemory implements Memory {
  readonly bytes = null;
  readonly #file: OpenFile;
  readonly #base: number;
  readonly size: number;
  constructor(file: OpenFile, base: number, size: number) {
    this.#file = file;
    this.#base = base;
    this.size = size;
  }

  read(offset: number, length: number): Uint8Array {
    checkRange(offset, length, this.size);
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.#file.fd, out, done, length - done, this.#base + offset + done);
      if (n === 0) break;
      done += n;
    }
    return out;
  }

  write(offset: number, data: Uint8Array): void {
    checkRange(offset, data.byteLength, this.size);
    let done = 0;
    while (done < data.byteLength) done += writeSync(this.#file.fd, data, done, data.byteLength - done, this.#base + offset + done);
  }

  sub(offset: number, size: number): Memory {
    checkRange(offset, size, this.size);
    return new FileMemory(this.#file, this.#base + offset, size);
  }
}

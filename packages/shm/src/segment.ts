// Named segments of each kind: POSIX shared memory (native), a file reached by syscalls (the fallback), a SharedArrayBuffer (thread).
import { randomBytes } from 'node:crypto';
import { fstatSync, ftruncateSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { FileNotFoundError, SharedMemoryError, segmentError } from './errors.js';
import { FileMemory, MappedMemory, OpenFile, type Memory } from './memory.js';
import { requireAddon, sharedMemoryBackend } from './native.js';
import { segmentPath } from './names.js';
import { hold, lookup, release } from './thread-registry.js';
import { track, untrack } from './tracker.js';

/** `native`: shm_open + mmap; `file`: a file in /dev/shm read and written by syscalls; `thread`: a SharedArrayBuffer. */
export type SegmentKind = 'native' | 'file' | 'thread';

/** The kind the process strategy uses here: native memory when the addon is in use, else files. */
export function processKind(): 'native' | 'file' {
  return sharedMemoryBackend() === 'native' ? 'native' : 'file';
}

/** How long attaching a thread segment by name waits for a thread that holds it to answer. */
const THREAD_LOOKUP_MS = 5_000;

/** Where a name's file is: the segment itself (native on Linux, file), or the marker that reserves a thread segment's name. */
export function pathOf(kind: SegmentKind, name: string): string {
  return segmentPath(kind === 'thread' ? `parlab-thread-${process.pid}-${name}` : name);
}

/** A named block of shared memory, created or attached here. */
export class Segment {
  readonly kind: SegmentKind;
  readonly name: string;
  readonly size: number;
  /** A thread segment's generation: tells its buffer from a later one created under the same name. */
  readonly id: string;
  #memory: Memory | null;
  readonly #file: OpenFile | null;
  readonly #buffer: SharedArrayBuffer | null;

  /** @internal */
  constructor(kind: SegmentKind, name: string, memory: Memory, options: { file?: OpenFile; buffer?: SharedArrayBuffer; id?: string } = {}) {
    this.kind = kind;
    this.name = name;
    this.size = memory.size;
    this.#memory = memory;
    this.#file = options.file ?? null;
    this.#buffer = options.buffer ?? null;
    this.id = options.id ?? '';
  }

  /** The memory (throws after close()). */
  get memory(): Memory {
    if (this.#memory === null) throw new SharedMemoryError(`shared memory '${this.name}' was closed`);
    return this.#memory;
  }

  /** A thread segment's buffer, which crosses to other threads as itself. */
  get buffer(): SharedArrayBuffer | null {
    return this.#buffer;
  }

  get closed(): boolean {
    return this.#memory === null;
  }

  /**
   * This process stops using the segment (Python's close()): the segment itself stays until
   * unlinked. A mapping is released when nothing here refers to its bytes any more (unmapping
   * memory that a view still points at would crash the process), a file is closed at once.
   */
  close(): void {
    this.#memory = null;
    this.#file?.close();
  }
}

function openFile(kind: 'file', name: string, file: OpenFile): Segment {
  return new Segment(kind, name, new FileMemory(file, 0, fstatSync(file.fd).size), { file });
}

/** Creates segment `name` of `size` bytes, owned by this process (unlinked when it ends); FileExistsError if the name is taken. */
export function createSegment(kind: SegmentKind, name: string, size: number): Segment {
  if (!Number.isSafeInteger(size) || size <= 0) throw new RangeError(`size must be a positive integer number of bytes, got ${String(size)}`);
  const path = pathOf(kind, name);
  let segment: Segment;
  try {
    switch (kind) {
      case 'native':
        segment = new Segment(kind, name, new MappedMemory(new Uint8Array(requireAddon().create(name, size))));
        break;
      case 'file': {
        const file = new OpenFile(openSync(path, 'wx+', 0o600));
        try {
          ftruncateSync(file.fd, size);
        } catch (error) {
          file.close();
          unlinkSync(path);
          throw error;
        }
        segment = openFile(kind, name, file);
        break;
      }
      case 'thread': {
        const id = randomBytes(8).toString('hex');
        writeFileSync(path, `${id}\n`, { flag: 'wx', mode: 0o600 });
        const buffer = new SharedArrayBuffer(size);
        hold(name, id, buffer);
        segment = new Segment(kind, name, new MappedMemory(new Uint8Array(buffer)), { buffer, id });
        break;
      }
    }
  } catch (error) {
    throw segmentError(error, name);
  }
  track(path);
  return segment;
}

/** Attaches to segment `name` at its own size; FileNotFoundError if there is none. */
export function attachSegment(kind: SegmentKind, name: string): Segment {
  const path = pathOf(kind, name);
  try {
    switch (kind) {
      case 'native':
        return new Segment(kind, name, new MappedMemory(new Uint8Array(requireAddon().attach(name))));
      case 'file':
        return openFile(kind, name, new OpenFile(openSync(path, 'r+')));
      case 'thread': {
        const id = readFileSync(path, 'utf8').trim();
        return adoptThreadSegment(name, id, lookup(name, id, THREAD_LOOKUP_MS));
      }
    }
  } catch (error) {
    throw segmentError(error, name);
  }
}

/** A thread segment that arrived as an argument: this thread holds it too, and answers lookups for it. */
export function adoptThreadSegment(name: string, id: string, buffer: SharedArrayBuffer): Segment {
  hold(name, id, buffer);
  return new Segment('thread', name, new MappedMemory(new Uint8Array(buffer)), { buffer, id });
}

/** Removes the name (Python's unlink()): attaching by it fails from now on; those attached keep their memory. */
export function unlinkSegment(kind: SegmentKind, name: string): void {
  const path = pathOf(kind, name);
  try {
    if (kind === 'native') requireAddon().unlink(name);
    else if (kind === 'thread') {
      const id = readFileSync(path, 'utf8').trim();
      unlinkSync(path);
      release(name, id);
    } else unlinkSync(path);
  } catch (error) {
    const mapped = segmentError(error, name);
    throw mapped instanceof FileNotFoundError ? new FileNotFoundError(`shared memory '${name}' is not there to unlink (unlinked already?)`, { cause: error }) : mapped;
  }
  untrack(path);
}

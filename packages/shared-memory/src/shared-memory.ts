// SharedMemory: Python's named blocks of shared memory, which another process (or thread) attaches to by name.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext, type StrategyName } from '@parlab/core';
import {
  FileExistsError,
  SharedMemoryError,
  adoptThreadSegment,
  attachSegment,
  checkName,
  createSegment,
  processKind,
  randomName,
  unlinkSegment,
  type Segment,
  type SegmentKind,
} from '@parlab/shm';
import { strategyOf, type SharedOptions } from './options.js';

export interface SharedMemoryOptions extends SharedOptions {
  /** The block's name; a random `psm_…` one when creating without it. */
  readonly name?: string | null;
  /** Make a new block (its name must be free) instead of attaching to one. */
  readonly create?: boolean;
  /** Bytes, when creating (required, > 0); ignored when attaching, as in Python. */
  readonly size?: number;
}

type SharedMemoryWire =
  | { readonly kind: 'thread'; readonly name: string; readonly id: string; readonly buffer: SharedArrayBuffer }
  | { readonly kind: 'native' | 'file'; readonly name: string };

const REVIVE = Symbol('revive');

function kindFor(strategy: StrategyName): SegmentKind {
  return strategy === 'thread' ? 'thread' : processKind();
}

/**
 * Python's multiprocessing.shared_memory.SharedMemory. Under `thread` the block is a
 * SharedArrayBuffer, named within this process; under `process` it is POSIX shared memory (native
 * backend) or a file in /dev/shm (the fallback), named machine-wide. The process that created it
 * owns it: the name is unlinked when that process ends (SIGKILL included) unless unlink() came first.
 */
export class SharedMemory {
  readonly #segment: Segment;
  readonly strategy: StrategyName;

  constructor(name: string, options?: Omit<SharedMemoryOptions, 'name'>);
  constructor(options?: SharedMemoryOptions);
  /** @internal */
  constructor(name: typeof REVIVE, segment: Segment, strategy: StrategyName);
  constructor(first?: string | SharedMemoryOptions | typeof REVIVE, second?: Omit<SharedMemoryOptions, 'name'> | Segment, third?: StrategyName) {
    if (first === REVIVE) {
      this.#segment = second as Segment;
      this.strategy = third as StrategyName;
      return;
    }
    const options: SharedMemoryOptions = typeof first === 'string' ? { ...(second as SharedMemoryOptions | undefined), name: first } : (first ?? {});
    this.strategy = strategyOf(options);
    const kind = kindFor(this.strategy);
    const size = options.size ?? 0;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new RangeError(`size must be a positive integer, got ${String(size)}`);
    if (options.create === true) {
      if (size === 0) throw new RangeError("size must be a positive number of bytes when creating (Python: 'size' must be a positive number different from zero)");
      this.#segment = options.name == null ? createFresh(kind, size) : createSegment(kind, checkName(options.name), size);
    } else {
      if (options.name == null) throw new TypeError('name is required when attaching (create: false)');
      this.#segment = attachSegment(kind, checkName(options.name));
    }
  }

  get name(): string {
    return this.#segment.name;
  }

  /** Bytes (the block's own size when attaching). */
  get size(): number {
    return this.#segment.size;
  }

  /** How the block is held: 'thread' (SharedArrayBuffer), 'native' (mmap) or 'file' (the fallback). */
  get kind(): SegmentKind {
    return this.#segment.kind;
  }

  /**
   * The bytes themselves (Python's buf). Not under the file fallback, which has no mapping: use
   * read() and write() there (they work under every backend).
   */
  get buf(): Uint8Array {
    const bytes = this.#segment.memory.bytes;
    if (bytes === null) {
      throw new SharedMemoryError("SharedMemory.buf needs mapped memory, which the 'coordinator' backend (no native addon) has not: use read() and write()");
    }
    return bytes;
  }

  /** A copy of `length` bytes from `offset` (default: to the end). */
  read(offset = 0, length = this.size - offset): Uint8Array {
    return this.#segment.memory.read(offset, length);
  }

  write(data: Uint8Array, offset = 0): void {
    if (!(data instanceof Uint8Array)) throw new TypeError('data must be a Uint8Array (a Buffer is one)');
    this.#segment.memory.write(offset, data);
  }

  /** This side stops using the block (Python's close()); the block stays until unlink(). */
  close(): void {
    this.#segment.close();
  }

  /** Removes the name (Python's unlink()); whoever is attached keeps the memory. FileNotFoundError when it is gone already. */
  unlink(): void {
    unlinkSegment(this.#segment.kind, this.#segment.name);
  }

  toString(): string {
    return `SharedMemory('${this.name}', size=${this.size})`;
  }

  [toHandle](context: EncodeContext): HandleDescriptor {
    const segment = this.#segment;
    let wire: SharedMemoryWire;
    if (segment.kind === 'thread') {
      if (context.strategy !== 'thread') {
        throw new TypeError("a SharedMemory created with strategy 'thread' is a SharedArrayBuffer and cannot reach a child process; create it with { strategy: 'process' }");
      }
      wire = { kind: 'thread', name: segment.name, id: segment.id, buffer: segment.buffer as SharedArrayBuffer };
    } else wire = { kind: segment.kind, name: segment.name };
    return { reviver: targetRef(new URL(import.meta.url), 'reviveSharedMemory'), state: wire };
  }
}

/** A new block under a random name, retrying in the unlikely case that the name is taken. */
function createFresh(kind: SegmentKind, size: number): Segment {
  for (;;) {
    try {
      return createSegment(kind, randomName(), size);
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
    }
  }
}

export function reviveSharedMemory(state: unknown, _context: ReviveContext): SharedMemory {
  const wire = state as SharedMemoryWire;
  if (wire.kind === 'thread') return new SharedMemory(REVIVE, adoptThreadSegment(wire.name, wire.id, wire.buffer), 'thread');
  // A native block opens as a file where this process has no addon: both name the same file on Linux.
  const kind = wire.kind === 'native' && processKind() !== 'native' ? 'file' : wire.kind;
  return new SharedMemory(REVIVE, attachSegment(kind, wire.name), 'process');
}

// Small blocks of process-strategy shared memory (a Value, a lock's words) carved out of a few arena segments per process, as Python's heap does.
import { randomBytes } from 'node:crypto';
import type { Memory } from './memory.js';
import { attachSegment, createSegment, processKind, type Segment } from './segment.js';

/** Where a block lives: enough for another process to attach to it. */
export interface RegionRef {
  readonly kind: 'native' | 'file';
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

export interface Region {
  readonly ref: RegionRef;
  readonly memory: Memory;
}

const ARENA_BYTES = 64 * 1024;
/** Blocks above this get a segment of their own. */
const DEDICATED_ABOVE = 16 * 1024;
const ALIGN = 8;

let arena: { segment: Segment; used: number } | null = null;

/** Segments attached here, by kind and name; weakly, so a mapping goes once nothing uses it. */
const attached = new Map<string, WeakRef<Segment>>();
const forget = new FinalizationRegistry<string>((key) => {
  if (attached.get(key)?.deref() === undefined) attached.delete(key);
});

function remember(segment: Segment): Segment {
  const key = `${segment.kind}:${segment.name}`;
  attached.set(key, new WeakRef(segment));
  forget.register(segment, key);
  return segment;
}

const newName = (): string => `parlab_${process.pid}_${randomBytes(6).toString('hex')}`;

/** A zeroed block of `bytes` bytes, 8-byte aligned, owned by this process (its segment is unlinked when the process ends). */
export function allocateRegion(bytes: number): Region {
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new RangeError(`a shared block needs a positive size, got ${String(bytes)}`);
  const kind = processKind();
  if (bytes > DEDICATED_ABOVE) {
    const segment = remember(createSegment(kind, newName(), bytes));
    return { ref: { kind, name: segment.name, offset: 0, length: bytes }, memory: segment.memory };
  }
  if (arena === null || arena.segment.kind !== kind || arena.used + bytes > ARENA_BYTES) {
    arena = { segment: remember(createSegment(kind, newName(), ARENA_BYTES)), used: 0 };
  }
  const offset = arena.used;
  arena.used += Math.ceil(bytes / ALIGN) * ALIGN;
  return { ref: { kind, name: arena.segment.name, offset, length: bytes }, memory: arena.segment.memory.sub(offset, bytes) };
}

/**
 * The block `ref` names, mapped here. A native block is opened as a file where this process does not
 * use the addon (on Linux both name the same file in /dev/shm), so the two backends interoperate.
 */
export function attachRegion(ref: RegionRef): Memory {
  const kind = ref.kind === 'native' && processKind() === 'native' ? 'native' : 'file';
  const key = `${kind}:${ref.name}`;
  const segment = attached.get(key)?.deref() ?? remember(attachSegment(kind, ref.name));
  return segment.memory.sub(ref.offset, ref.length);
}

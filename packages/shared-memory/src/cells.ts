// The elements of a Value or an Array: where they live for each strategy, how they are read and written, and how they cross.
import type { EncodeContext, StrategyName } from '@parlab/core';
import { MappedMemory, allocateRegion, attachRegion, type Memory, type RegionRef } from '@parlab/shm';
import type { Scalar, TypeInfo } from './typecodes.js';

/** The elements as they cross: the buffer itself to a thread, a block's name and place to a process. */
export type CellsWire = { readonly kind: 'thread'; readonly buffer: SharedArrayBuffer } | { readonly kind: 'region'; readonly ref: RegionRef };

type View = ReturnType<TypeInfo['view']>;

/** `length` elements of one type in shared memory. */
export class Cells {
  readonly type: TypeInfo;
  readonly length: number;
  readonly #memory: Memory;
  readonly #view: View | null;
  readonly #wire: CellsWire;

  constructor(type: TypeInfo, length: number, memory: Memory, wire: CellsWire) {
    this.type = type;
    this.length = length;
    this.#memory = memory;
    this.#wire = wire;
    const bytes = memory.bytes;
    this.#view = bytes === null ? null : type.view(bytes.buffer, bytes.byteOffset, length);
  }

  /** A typed array over the elements themselves, or null where the memory is reached by syscalls (the file fallback). */
  get view(): View | null {
    return this.#view;
  }

  get(index: number): Scalar {
    const view = this.#view;
    if (view !== null) return this.type.load(view[index] as number | bigint);
    const size = this.type.bytes;
    const copy = this.#memory.read(index * size, size);
    return this.type.load(this.type.read(new DataView(copy.buffer), 0));
  }

  /** Stores a value already checked by `type.store`. */
  put(index: number, raw: number | bigint): void {
    const view = this.#view;
    if (view !== null) {
      (view as unknown as (number | bigint)[])[index] = raw;
      return;
    }
    const size = this.type.bytes;
    const scratch = new Uint8Array(size);
    this.type.write(new DataView(scratch.buffer), 0, raw);
    this.#memory.write(index * size, scratch);
  }

  /** The raw bytes, copied. */
  bytes(): Uint8Array {
    return this.#memory.read(0, this.length * this.type.bytes);
  }

  writeBytes(data: Uint8Array, offset = 0): void {
    this.#memory.write(offset, data);
  }

  /** How the elements cross to `context`'s side; a thread's buffer cannot reach a process. */
  toWire(context: EncodeContext, what: string): CellsWire {
    if (this.#wire.kind === 'thread' && context.strategy !== 'thread') {
      throw new TypeError(`a ${what} created with strategy 'thread' lives in a SharedArrayBuffer and cannot reach a child process; create it with { strategy: 'process' }`);
    }
    return this.#wire;
  }
}

/** Fresh, zeroed elements for `strategy`. */
export function newCells(strategy: StrategyName, type: TypeInfo, length: number): Cells {
  // A zero-length array still gets a few bytes: every block has a place.
  const bytes = Math.max(length * type.bytes, 8);
  if (strategy === 'thread') {
    const buffer = new SharedArrayBuffer(bytes);
    return new Cells(type, length, new MappedMemory(new Uint8Array(buffer)), { kind: 'thread', buffer });
  }
  const region = allocateRegion(bytes);
  return new Cells(type, length, region.memory, { kind: 'region', ref: region.ref });
}

export function cellsFromWire(wire: CellsWire, type: TypeInfo, length: number): Cells {
  return new Cells(type, length, wire.kind === 'thread' ? new MappedMemory(new Uint8Array(wire.buffer)) : attachRegion(wire.ref), wire);
}

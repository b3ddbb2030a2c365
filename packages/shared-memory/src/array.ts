// RawArray and SharedArray (Python's Array): fixed-length arrays of one typecode in shared memory, with or without a lock.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import type { AcquireResult, AnyLock, WaitOptions } from '@parlab/barrier';
import { Cells, cellsFromWire, newCells, type CellsWire } from './cells.js';
import { indexOf, lockOf, strategyOf, type SharedOptions, type SynchronizedOptions } from './options.js';
import { typeInfo, type Scalar, type Typecode } from './typecodes.js';

const REVIVE = Symbol('revive');

interface RawArrayWire {
  readonly typecode: Typecode;
  readonly length: number;
  readonly cells: CellsWire;
}

interface ArrayWire {
  readonly raw: RawArray;
  readonly lock: AnyLock | null;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Python's multiprocessing.RawArray(typecode, sizeOrInitializer): no lock. */
export class RawArray implements Iterable<Scalar> {
  readonly typecode: Typecode;
  readonly #cells: Cells;

  constructor(typecode: Typecode, sizeOrInitializer: number | Iterable<Scalar>, options?: SharedOptions);
  /** @internal */
  constructor(typecode: typeof REVIVE, cells: Cells);
  constructor(typecode: Typecode | typeof REVIVE, sizeOrInitializer: number | Iterable<Scalar> | Cells, options?: SharedOptions) {
    if (typecode === REVIVE) {
      this.#cells = sizeOrInitializer as Cells;
      this.typecode = this.#cells.type.code;
      return;
    }
    const type = typeInfo(typecode);
    this.typecode = type.code;
    let initial: Scalar[] | string | null = null;
    let length: number;
    if (typeof sizeOrInitializer === 'number') {
      if (!Number.isSafeInteger(sizeOrInitializer) || sizeOrInitializer < 0) throw new RangeError(`size must be an integer ≥ 0, got ${sizeOrInitializer}`);
      length = sizeOrInitializer;
    } else if (typeof sizeOrInitializer === 'string' && type.code === 'c') {
      initial = sizeOrInitializer;
      length = sizeOrInitializer.length;
    } else if (sizeOrInitializer !== null && typeof sizeOrInitializer === 'object' && Symbol.iterator in sizeOrInitializer) {
      initial = [...(sizeOrInitializer as Iterable<Scalar>)];
      length = initial.length;
    } else throw new TypeError('sizeOrInitializer must be a size or an iterable of initial values');
    // Checked before any memory is taken.
    const raws = initial === null ? [] : [...initial].map((value, i) => type.store(value, `${this.constructor.name}('${type.code}')[${i}]`));
    this.#cells = newCells(strategyOf(options), type, length);
    raws.forEach((raw, i) => this.#cells.put(i, raw));
  }

  get #what(): string {
    return `${this.constructor.name}('${this.typecode}')`;
  }

  get length(): number {
    return this.#cells.length;
  }

  /** Element `index` (negative counts from the end, as in Python). */
  get(index: number): Scalar {
    return this.#cells.get(indexOf(index, this.length, this.#what));
  }

  set(index: number, value: Scalar): void {
    this.#cells.put(indexOf(index, this.length, this.#what), this.#cells.type.store(value, this.#what));
  }

  /** A copy of elements `start` to `end` (Python's arr[start:end]; negatives count from the end). */
  slice(start = 0, end = this.length): Scalar[] {
    const from = clamp(start, this.length);
    const to = clamp(end, this.length);
    const out: Scalar[] = [];
    for (let i = from; i < to; i++) out.push(this.#cells.get(i));
    return out;
  }

  /** Writes `values` from `start` on (Python's arr[start:start+n] = values); they must fit. */
  setSlice(start: number, values: Iterable<Scalar>): void {
    const from = clamp(start, this.length);
    const list = [...values];
    if (from + list.length > this.length) throw new RangeError(`${this.#what}: ${list.length} values from ${from} do not fit in length ${this.length}`);
    const raws = list.map((value) => this.#cells.type.store(value, this.#what));
    raws.forEach((raw, i) => this.#cells.put(from + i, raw));
  }

  /** Every element, copied (Python's arr[:]). */
  toArray(): Scalar[] {
    return this.slice();
  }

  [Symbol.iterator](): Iterator<Scalar> {
    return this.toArray()[Symbol.iterator]();
  }

  /**
   * A typed array over the elements themselves (fast for numeric work), or null under the file
   * fallback, where get/set reach the memory by syscalls.
   */
  get view(): ReturnType<Cells['type']['view']> | null {
    return this.#cells.view;
  }

  /** For 'c' arrays: the bytes up to the first NUL, as a latin1 string (Python's .value). */
  get value(): string {
    const raw = this.raw;
    const end = raw.indexOf(0);
    return latin1(end < 0 ? raw : raw.subarray(0, end));
  }

  set value(text: string) {
    this.#charsOnly('value');
    if (typeof text !== 'string') throw new TypeError(`${this.#what}.value takes a string`);
    const bytes = Buffer.from(text, 'latin1');
    if (bytes.length > this.length) throw new RangeError(`${this.#what}: a string of ${bytes.length} bytes is too long for length ${this.length}`);
    // As ctypes does: NUL-terminated when there is room.
    this.#cells.writeBytes(bytes.length < this.length ? Buffer.concat([bytes, Buffer.alloc(1)]) : bytes);
  }

  /** For 'c' arrays: all the bytes, copied (Python's .raw). */
  get raw(): Uint8Array {
    this.#charsOnly('raw');
    return this.#cells.bytes();
  }

  set raw(bytes: Uint8Array) {
    this.#charsOnly('raw');
    if (!(bytes instanceof Uint8Array) || bytes.length > this.length) throw new RangeError(`${this.#what}.raw takes a Uint8Array of at most ${this.length} bytes`);
    this.#cells.writeBytes(bytes);
  }

  #charsOnly(member: string): void {
    if (this.typecode !== 'c') throw new TypeError(`${this.#what}.${member} exists for typecode 'c' only`);
  }

  /** @internal */
  get cells(): Cells {
    return this.#cells;
  }

  toString(): string {
    return `${this.constructor.name}('${this.typecode}', [${this.toArray().map(String).join(', ')}])`;
  }

  [toHandle](context: EncodeContext): HandleDescriptor {
    const wire: RawArrayWire = { typecode: this.typecode, length: this.length, cells: this.#cells.toWire(context, this.constructor.name) };
    return { reviver: targetRef(new URL(import.meta.url), 'reviveRawArray'), state: wire };
  }
}

function clamp(index: number, length: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) throw new TypeError(`a slice bound must be an integer, got ${String(index)}`);
  return Math.min(Math.max(index < 0 ? index + length : index, 0), length);
}

/**
 * Python's multiprocessing.Array: a RawArray with a lock (a new Lock unless you give one, or none
 * with `lock: false`). Element access does not take the lock; hold it around what must be atomic.
 */
export class SharedArray extends RawArray {
  readonly #lock: AnyLock | null;

  constructor(typecode: Typecode, sizeOrInitializer: number | Iterable<Scalar>, options?: SynchronizedOptions);
  /** @internal */
  constructor(typecode: typeof REVIVE, cells: Cells, lock: AnyLock | null);
  constructor(typecode: Typecode | typeof REVIVE, sizeOrInitializer: number | Iterable<Scalar> | Cells, options?: SynchronizedOptions | AnyLock | null) {
    if (typecode === REVIVE) {
      super(REVIVE, sizeOrInitializer as Cells);
      this.#lock = options as AnyLock | null;
      return;
    }
    const opts = options as SynchronizedOptions | undefined;
    super(typecode, sizeOrInitializer as number | Iterable<Scalar>, opts);
    this.#lock = lockOf(opts?.lock, strategyOf(opts));
  }

  /** The lock that guards this array (Python's get_lock()). */
  getLock(): AnyLock {
    if (this.#lock === null) throw new TypeError('this Array was created with lock: false and has no lock');
    return this.#lock;
  }

  /** The array without its lock (Python's get_obj()): a RawArray over the same memory. */
  getObj(): RawArray {
    return new RawArray(REVIVE, this.cells);
  }

  acquire(options?: WaitOptions): Promise<AcquireResult> {
    return this.getLock().acquire(options);
  }

  release(): Promise<void> {
    return this.getLock().release();
  }

  /** The raw part crosses as its own handle (and refuses a thread's memory to a process). */
  override [toHandle](_context: EncodeContext): HandleDescriptor {
    const wire: ArrayWire = { raw: this.getObj(), lock: this.#lock };
    return { reviver: targetRef(new URL(import.meta.url), 'reviveArray'), state: wire };
  }
}

export function reviveRawArray(state: unknown, _context: ReviveContext): RawArray {
  const wire = state as RawArrayWire;
  return new RawArray(REVIVE, cellsFromWire(wire.cells, typeInfo(wire.typecode), wire.length));
}

export function reviveArray(state: unknown, _context: ReviveContext): SharedArray {
  const wire = state as ArrayWire;
  return new SharedArray(REVIVE, wire.raw.cells, wire.lock);
}

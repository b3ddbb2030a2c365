// RawValue and Value: one number (or byte) in shared memory, with or without a lock, as multiprocessing's sharedctypes.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import type { AnyLock, WaitOptions, AcquireResult } from '@parlab/barrier';
import { Cells, cellsFromWire, newCells, type CellsWire } from './cells.js';
import { lockOf, strategyOf, type SharedOptions, type SynchronizedOptions } from './options.js';
import { typeInfo, type Scalar, type Typecode } from './typecodes.js';

const REVIVE = Symbol('revive');

interface RawValueWire {
  readonly typecode: Typecode;
  readonly cells: CellsWire;
}

interface ValueWire {
  readonly raw: RawValue;
  readonly lock: AnyLock | null;
}

/** Python's multiprocessing.RawValue: one element, no lock. `value` reads and writes it. */
export class RawValue {
  readonly typecode: Typecode;
  readonly #cells: Cells;

  constructor(typecode: Typecode, value?: Scalar, options?: SharedOptions);
  /** @internal */
  constructor(typecode: typeof REVIVE, cells: Cells);
  constructor(typecode: Typecode | typeof REVIVE, value?: Scalar | Cells, options?: SharedOptions) {
    if (typecode === REVIVE) {
      this.#cells = value as Cells;
      this.typecode = this.#cells.type.code;
      return;
    }
    const type = typeInfo(typecode);
    this.typecode = type.code;
    const raw = value === undefined ? undefined : type.store(value, this.#what);
    this.#cells = newCells(strategyOf(options), type, 1);
    if (raw !== undefined) this.#cells.put(0, raw);
  }

  get #what(): string {
    return `${this.constructor.name}('${this.typecode}')`;
  }

  /** The element: a number, a bigint for 'l', 'L', 'q', 'Q', a one-character string for 'c'. */
  get value(): Scalar {
    return this.#cells.get(0);
  }

  set value(value: Scalar) {
    this.#cells.put(0, this.#cells.type.store(value, this.#what));
  }

  /** @internal The elements, for a Value's getObj(). */
  get cells(): Cells {
    return this.#cells;
  }

  toString(): string {
    return `${this.constructor.name}('${this.typecode}', ${String(this.value)})`;
  }

  [toHandle](context: EncodeContext): HandleDescriptor {
    const wire: RawValueWire = { typecode: this.typecode, cells: this.#cells.toWire(context, this.constructor.name) };
    return { reviver: targetRef(new URL(import.meta.url), 'reviveRawValue'), state: wire };
  }
}

/**
 * Python's multiprocessing.Value: a RawValue with a lock (a new Lock unless you give one, or none
 * with `lock: false`). Reading and writing `value` does not take the lock — under `process` taking
 * it is asynchronous — so guard a read-modify-write yourself: `await v.acquire(); v.value += 1;
 * await v.release()`.
 */
export class Value extends RawValue {
  readonly #lock: AnyLock | null;

  constructor(typecode: Typecode, value?: Scalar, options?: SynchronizedOptions);
  /** @internal */
  constructor(typecode: typeof REVIVE, cells: Cells, lock: AnyLock | null);
  constructor(typecode: Typecode | typeof REVIVE, value?: Scalar | Cells, options?: SynchronizedOptions | AnyLock | null) {
    if (typecode === REVIVE) {
      super(REVIVE, value as Cells);
      this.#lock = options as AnyLock | null;
      return;
    }
    const opts = options as SynchronizedOptions | undefined;
    super(typecode, value as Scalar | undefined, opts);
    this.#lock = lockOf(opts?.lock, strategyOf(opts));
  }

  /** The lock that guards this value (Python's get_lock()). */
  getLock(): AnyLock {
    if (this.#lock === null) throw new TypeError('this Value was created with lock: false and has no lock');
    return this.#lock;
  }

  /** The value without its lock (Python's get_obj()): a RawValue over the same memory. */
  getObj(): RawValue {
    return new RawValue(REVIVE, this.cells);
  }

  acquire(options?: WaitOptions): Promise<AcquireResult> {
    return this.getLock().acquire(options);
  }

  release(): Promise<void> {
    return this.getLock().release();
  }

  /** The raw part crosses as its own handle (and refuses a thread's memory to a process). */
  override [toHandle](_context: EncodeContext): HandleDescriptor {
    const wire: ValueWire = { raw: this.getObj(), lock: this.#lock };
    return { reviver: targetRef(new URL(import.meta.url), 'reviveValue'), state: wire };
  }
}

export function reviveRawValue(state: unknown, _context: ReviveContext): RawValue {
  const wire = state as RawValueWire;
  return new RawValue(REVIVE, cellsFromWire(wire.cells, typeInfo(wire.typecode), 1));
}

export function reviveValue(state: unknown, _context: ReviveContext): Value {
  const wire = state as ValueWire;
  return new Value(REVIVE, wire.raw.cells, wire.lock);
}

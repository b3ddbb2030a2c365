// The shared objects a manager's server holds for its built-in types (dict, list, namespace, value, queue, lock, event, barrier).
import { BrokenBarrierError, EmptyError, FullError, IndexError, KeyError } from './errors.js';
import { Waiters, connectionClosed, timeoutOf, waitUntil, type CallContext, type ConnectionAware } from './waiters.js';

/** Python's dict, as a Map: keys compare as Map keys do (primitives by value). */
export class SharedDict {
  readonly #map: Map<unknown, unknown>;

  constructor(entries?: Iterable<readonly [unknown, unknown]> | Record<string, unknown>) {
    this.#map = new Map(entries === undefined ? [] : Symbol.iterator in Object(entries) ? (entries as Iterable<[unknown, unknown]>) : Object.entries(entries));
  }

  /** The value, or `fallback` when the key is missing (Python's d.get). */
  get(key: unknown, fallback?: unknown): unknown {
    return this.#map.has(key) ? this.#map.get(key) : fallback;
  }

  /** The value; KeyError when missing (Python's d[key]). */
  getItem(key: unknown): unknown {
    if (!this.#map.has(key)) throw new KeyError(String(key));
    return this.#map.get(key);
  }

  set(key: unknown, value: unknown): void {
    this.#map.set(key, value);
  }

  has(key: unknown): boolean {
    return this.#map.has(key);
  }

  delete(key: unknown): boolean {
    return this.#map.delete(key);
  }

  pop(key: unknown, ...fallback: unknown[]): unknown {
    if (!this.#map.has(key)) {
      if (fallback.length > 0) return fallback[0];
      throw new KeyError(String(key));
    }
    const value = this.#map.get(key);
    this.#map.delete(key);
    return value;
  }

  setdefault(key: unknown, value?: unknown): unknown {
    if (!this.#map.has(key)) this.#map.set(key, value);
    return this.#map.get(key);
  }

  update(entries: Iterable<readonly [unknown, unknown]> | Record<string, unknown>): void {
    for (const [k, v] of new SharedDict(entries).entries()) this.#map.set(k, v);
  }

  keys(): unknown[] {
    return [...this.#map.keys()];
  }

  values(): unknown[] {
    return [...this.#map.values()];
  }

  entries(): [unknown, unknown][] {
    return [...this.#map.entries()];
  }

  /** A copy of the whole dict as a Map. */
  copy(): Map<unknown, unknown> {
    return new Map(this.#map);
  }

  size(): number {
    return this.#map.size;
  }

  clear(): void {
    this.#map.clear();
  }
}

/** Python's list; negative indices count from the end. */
export class SharedList {
  readonly #items: unknown[];

  constructor(items: Iterable<unknown> = []) {
    this.#items = [...items];
  }

  #index(index: unknown, forInsert = false): number {
    if (typeof index !== 'number' || !Number.isInteger(index)) throw new TypeError(`list index must be an integer, got ${String(index)}`);
    const length = this.#items.length;
    const i = index < 0 ? index + length : index;
    if (forInsert) return Math.min(Math.max(i, 0), length);
    if (i < 0 || i >= length) throw new IndexError(`list index ${index} out of range (length ${length})`);
    return i;
  }

  get(index: number): unknown {
    return this.#items[this.#index(index)];
  }

  set(index: number, value: unknown): void {
    this.#items[this.#index(index)] = value;
  }

  append(value: unknown): void {
    this.#items.push(value);
  }

  extend(values: unknown[]): void {
    if (!Array.isArray(values)) throw new TypeError('extend() takes an array');
    this.#items.push(...values);
  }

  insert(index: number, value: unknown): void {
    this.#items.splice(this.#index(index, true), 0, value);
  }

  pop(index = -1): unknown {
    if (this.#items.length === 0) throw new IndexError('pop from empty list');
    return this.#items.splice(this.#index(index), 1)[0];
  }

  remove(value: unknown): void {
    const i = this.#items.indexOf(value);
    if (i < 0) throw new RangeError(`list.remove(x): x not in list`);
    this.#items.splice(i, 1);
  }

  index(value: unknown): number {
    const i = this.#items.indexOf(value);
    if (i < 0) throw new RangeError(`${String(value)} is not in list`);
    return i;
  }

  count(value: unknown): number {
    return this.#items.filter((item) => item === value).length;
  }

  length(): number {
    return this.#items.length;
  }

  slice(start?: number, end?: number): unknown[] {
    return this.#items.slice(start, end);
  }

  toArray(): unknown[] {
    return [...this.#items];
  }

  reverse(): void {
    this.#items.reverse();
  }

  /** Sorts numbers numerically and everything else as strings (no comparator can cross). */
  sort(): void {
    this.#items.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
  }

  clear(): void {
    this.#items.length = 0;
  }
}

/** Python's Namespace: named attributes. */
export class SharedNamespace {
  readonly #fields = new Map<string, unknown>();

  constructor(fields: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(fields)) this.#fields.set(k, v);
  }

  get(name: string): unknown {
    if (!this.#fields.has(name)) throw new KeyError(`namespace has no attribute '${name}'`);
    return this.#fields.get(name);
  }

  set(name: string, value: unknown): void {
    if (typeof name !== 'string') throw new TypeError('attribute name must be a string');
    this.#fields.set(name, value);
  }

  delete(name: string): boolean {
    return this.#fields.delete(name);
  }

  toObject(): Record<string, unknown> {
    return Object.fromEntries(this.#fields);
  }
}

/** Python's Value proxy: one value; `add` updates it in one step (no lost updates between clients). */
export class SharedValue {
  #value: unknown;

  constructor(value?: unknown) {
    this.#value = value;
  }

  get(): unknown {
    return this.#value;
  }

  set(value: unknown): void {
    this.#value = value;
  }

  /** Adds `delta` to a numeric value and returns the new value. */
  add(delta: number): number {
    if (typeof this.#value !== 'number' || typeof delta !== 'number') throw new TypeError('add() needs a numeric value and delta');
    this.#value += delta;
    return this.#value;
  }
}

/** Python's queue.Queue, with blocking put/get that take `{ timeoutMs }`. */
export class SharedQueue {
  readonly #items: unknown[] = [];
  readonly #maxsize: number;
  readonly #notEmpty = new Waiters();
  readonly #notFull = new Waiters();

  constructor(maxsize = 0) {
    if (!Number.isInteger(maxsize) || maxsize < 0) throw new RangeError(`maxsize must be an integer ≥ 0, got ${String(maxsize)}`);
    this.#maxsize = maxsize;
  }

  #full(): boolean {
    return this.#maxsize > 0 && this.#items.length >= this.#maxsize;
  }

  async put(item: unknown, options: unknown, context: CallContext): Promise<void> {
    if (!(await waitUntil(this.#notFull, () => !this.#full(), timeoutOf(options), context.signal))) throw new FullError('queue is full');
    this.#items.push(item);
    this.#notEmpty.wakeOne();
  }

  async get(options: unknown, context: CallContext): Promise<unknown> {
    if (!(await waitUntil(this.#notEmpty, () => this.#items.length > 0, timeoutOf(options), context.signal))) throw new EmptyError('queue is empty');
    const item = this.#items.shift();
    this.#notFull.wakeOne();
    return item;
  }

  qsize(): number {
    return this.#items.length;
  }

  empty(): boolean {
    return this.#items.length === 0;
  }

  full(): boolean {
    return this.#full();
  }
}

/** A lock owned by a connection; if that connection ends while holding it, the next acquirer is told. */
export class SharedLock implements ConnectionAware {
  #owner: number | null = null;
  #died = false;
  readonly #waiters = new Waiters();

  async acquire(options: unknown, context: CallContext): Promise<{ acquired: boolean; ownerDied: boolean }> {
    const acquired = await waitUntil(this.#waiters, () => this.#owner === null, timeoutOf(options), context.signal);
    if (!acquired) return { acquired, ownerDied: false };
    this.#owner = context.connection;
    const ownerDied = this.#died;
    this.#died = false;
    return { acquired, ownerDied };
  }

  release(): void {
    if (this.#owner === null) throw new RangeError('cannot release an unlocked Lock');
    this.#owner = null;
    this.#waiters.wakeOne();
  }

  locked(): boolean {
    return this.#owner !== null;
  }

  [connectionClosed](connection: number): void {
    if (this.#owner !== connection) return;
    this.#died = true;
    this.release();
  }
}

export class SharedEvent {
  #set = false;
  readonly #waiters = new Waiters();

  set(): void {
    this.#set = true;
    this.#waiters.wakeAll();
  }

  clear(): void {
    this.#set = false;
  }

  isSet(): boolean {
    return this.#set;
  }

  async wait(options: unknown, context: CallContext): Promise<boolean> {
    return waitUntil(this.#waiters, () => this.#set, timeoutOf(options), context.signal);
  }
}

/** Python's Barrier inside the server; a waiting connection that goes away cancels its wait, which breaks it. */
export class SharedBarrier {
  readonly #parties: number;
  readonly #defaultTimeoutMs: number | undefined;
  #count = 0;
  #broken = false;
  /** The outcome of each round that has waiters: resolved on release, rejected on break. */
  #release: { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } | null = null;

  constructor(parties: number, options?: { timeoutMs?: number }) {
    if (!Number.isInteger(parties) || parties < 1) throw new RangeError(`parties must be an integer ≥ 1, got ${String(parties)}`);
    this.#parties = parties;
    this.#defaultTimeoutMs = timeoutOf(options);
  }

  async wait(options: unknown, context: CallContext): Promise<number> {
    if (this.#broken) throw new BrokenBarrierError('the barrier is broken');
    const index = this.#count++;
    if (index + 1 === this.#parties) {
      this.#count = 0;
      this.#release?.resolve();
      this.#release = null;
      return index;
    }
    if (this.#release === null) {
      let resolve!: () => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => {});
      this.#release = { promise, resolve, reject };
    }
    const release = this.#release.promise;
    const timeoutMs = timeoutOf(options) ?? this.#defaultTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => this.#break();
    context.signal.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) timer = setTimeout(() => this.#break(), timeoutMs);
    try {
      await release;
      return index;
    } catch {
      throw new BrokenBarrierError('the barrier was broken while waiting');
    } finally {
      clearTimeout(timer);
      context.signal.removeEventListener('abort', onAbort);
    }
  }

  #break(): void {
    this.#broken = true;
    this.#fail();
  }

  #fail(): void {
    this.#count = 0;
    this.#release?.reject(new BrokenBarrierError('the barrier was broken'));
    this.#release = null;
  }

  abort(): void {
    this.#break();
  }

  reset(): void {
    this.#fail();
    this.#broken = false;
  }

  parties(): number {
    return this.#parties;
  }

  nWaiting(): number {
    return this.#count;
  }

  broken(): boolean {
    return this.#broken;
  }
}

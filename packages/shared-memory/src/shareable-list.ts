// ShareableList: Python's fixed-length list of numbers, booleans, strings, bytes and nulls in a SharedMemory, in Python's own byte layout.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import { SharedMemory } from './shared-memory.js';
import type { SharedOptions } from './options.js';

/** What an item can be: Python's int (a safe integer, or a bigint), float, bool, str, bytes and None. */
export type ShareableItem = number | bigint | boolean | string | Uint8Array | null;

export interface ShareableListOptions extends SharedOptions {
  /** Attach to (no sequence) or create (with a sequence) the block of this name. */
  readonly name?: string | null;
}

const ALIGN = 8;
/** Python's back-transform codes: 0 int/float/bool, 1 str, 2 bytes, 3 None. */
const Code = { plain: 0, str: 1, bytes: 2, none: 3 } as const;
const REVIVE = Symbol('revive');

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function formatOf(item: ShareableItem, what: string): string {
  if (typeof item === 'bigint') {
    if (BigInt.asIntN(64, item) !== item) throw new RangeError(`${what}: ${item} does not fit in 64 bits`);
    return 'q';
  }
  if (typeof item === 'number') return Number.isSafeInteger(item) ? 'q' : 'd';
  if (typeof item === 'boolean') return 'xxxxxxx?';
  if (item === null) return 'xxxxxx?x';
  if (typeof item === 'string' || item instanceof Uint8Array) {
    // Python sizes a slot by the item's length (code points for a str), rounded up past a multiple of 8.
    const length = typeof item === 'string' ? [...item].length : item.length;
    return `${ALIGN * (Math.floor(length / ALIGN) + 1)}s`;
  }
  throw new TypeError(`${what}: a ShareableList holds numbers, bigints, booleans, strings, Uint8Arrays and null, got ${typeof item}`);
}

function codeOf(item: ShareableItem): number {
  if (typeof item === 'string') return Code.str;
  if (item instanceof Uint8Array) return Code.bytes;
  return item === null ? Code.none : Code.plain;
}

function same(a: ShareableItem, b: ShareableItem): boolean {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
  const numeric = (v: ShareableItem): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';
  // Loose equality compares a bigint with a number by value, as Python compares ints.
  return numeric(a) && numeric(b) ? a == b : a === b;
}

/**
 * Python's multiprocessing.shared_memory.ShareableList: its length is fixed; each item may be
 * replaced by one of any type that fits its slot (strings and bytes up to the slot's size). Items
 * are read and written with SharedMemory.read/write, so it works under every backend.
 */
export class ShareableList implements Iterable<ShareableItem> {
  /** The block that holds the list (Python's .shm). */
  readonly shm: SharedMemory;
  readonly #length: number;
  readonly #offsets: number[];

  constructor(sequence?: Iterable<ShareableItem> | null, options?: ShareableListOptions);
  /** @internal */
  constructor(sequence: typeof REVIVE, shm: SharedMemory);
  constructor(sequence?: Iterable<ShareableItem> | null | typeof REVIVE, options: ShareableListOptions | SharedMemory = {}) {
    if (sequence === REVIVE || ((sequence === undefined || sequence === null) && !(options instanceof SharedMemory) && options.name != null)) {
      this.shm = sequence === REVIVE ? (options as SharedMemory) : new SharedMemory({ ...(options as ShareableListOptions), name: (options as ShareableListOptions).name as string });
      const head = new DataView(this.shm.read(0, 8).buffer);
      this.#length = Number(head.getBigInt64(0, true));
      const offsets = new DataView(this.shm.read(8, (this.#length + 1) * 8).buffer);
      this.#offsets = Array.from({ length: this.#length + 1 }, (_, i) => Number(offsets.getBigInt64(i * 8, true)));
      return;
    }
    const opts = options as ShareableListOptions;
    const items = [...(sequence ?? [])];
    const formats = items.map((item, i) => formatOf(item, `item ${i}`));
    this.#length = items.length;
    this.#offsets = [0];
    for (const format of formats) this.#offsets.push((this.#offsets.at(-1) as number) + (format.endsWith('s') ? Number.parseInt(format, 10) : ALIGN));
    const size = this.#dataStart + (this.#offsets.at(-1) as number) + this.#length * 8 + this.#length;
    this.shm = new SharedMemory({ ...opts, name: opts.name ?? null, create: true, size });
    const head = new DataView(new ArrayBuffer((this.#length + 2) * 8));
    head.setBigInt64(0, BigInt(this.#length), true);
    this.#offsets.forEach((offset, i) => head.setBigInt64((i + 1) * 8, BigInt(offset), true));
    this.shm.write(new Uint8Array(head.buffer), 0);
    items.forEach((item, i) => this.#store(i, item, formats[i] as string));
  }

  get #dataStart(): number {
    return (this.#length + 2) * 8;
  }

  get #formatsStart(): number {
    return this.#dataStart + (this.#offsets.at(-1) as number);
  }

  get length(): number {
    return this.#length;
  }

  #position(index: number, what: string): number {
    if (typeof index !== 'number' || !Number.isInteger(index)) throw new TypeError(`${what} index must be an integer`);
    const at = index < 0 ? index + this.#length : index;
    if (at < 0 || at >= this.#length) throw new RangeError(`${what} index ${index} is out of range (length ${this.#length})`);
    return at;
  }

  #formatAt(position: number): string {
    const raw = this.shm.read(this.#formatsStart + position * 8, 8);
    const end = raw.indexOf(0);
    return fromUtf8.decode(end < 0 ? raw : raw.subarray(0, end));
  }

  get(index: number): ShareableItem {
    const position = this.#position(index, 'ShareableList');
    const format = this.#formatAt(position);
    const offset = this.#dataStart + (this.#offsets[position] as number);
    const code = this.shm.read(this.#formatsStart + this.#length * 8 + position, 1)[0];
    if (format.endsWith('s')) {
      const raw = this.shm.read(offset, Number.parseInt(format, 10));
      let end = raw.length;
      while (end > 0 && raw[end - 1] === 0) end--;
      return code === Code.bytes ? raw.slice(0, end) : fromUtf8.decode(raw.subarray(0, end));
    }
    const data = new DataView(this.shm.read(offset, 8).buffer);
    switch (format) {
      case 'q': {
        const value = data.getBigInt64(0, true);
        return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
      }
      case 'd':
        return data.getFloat64(0, true);
      case 'xxxxxxx?':
        return data.getUint8(7) !== 0;
      default:
        return null;
    }
  }

  /** Replaces item `index`; a string or bytes must fit the slot the list was made with ("exceeds available storage"). */
  set(index: number, item: ShareableItem): void {
    const position = this.#position(index, 'ShareableList assignment');
    let format = formatOf(item, `item ${position}`);
    if (format.endsWith('s')) {
      const allocated = (this.#offsets[position + 1] as number) - (this.#offsets[position] as number);
      const encoded = typeof item === 'string' ? utf8.encode(item) : (item as Uint8Array);
      if (encoded.length > allocated) throw new RangeError(`bytes/str item exceeds available storage (${encoded.length} bytes, the slot has ${allocated})`);
      format = `${allocated}s`;
    }
    this.#store(position, item, format);
  }

  #store(position: number, item: ShareableItem, format: string): void {
    const offset = this.#dataStart + (this.#offsets[position] as number);
    let data: Uint8Array;
    if (format.endsWith('s')) {
      data = new Uint8Array(Number.parseInt(format, 10));
      data.set(typeof item === 'string' ? utf8.encode(item) : (item as Uint8Array));
    } else {
      const view = new DataView(new ArrayBuffer(8));
      if (format === 'q') view.setBigInt64(0, BigInt(item as number | bigint), true);
      else if (format === 'd') view.setFloat64(0, item as number, true);
      else if (format === 'xxxxxxx?') view.setUint8(7, item === true ? 1 : 0);
      data = new Uint8Array(view.buffer);
    }
    const formatBytes = new Uint8Array(8);
    formatBytes.set(utf8.encode(format));
    this.shm.write(formatBytes, this.#formatsStart + position * 8);
    this.shm.write(Uint8Array.of(codeOf(item)), this.#formatsStart + this.#length * 8 + position);
    this.shm.write(data, offset);
  }

  /** Every item's struct format, joined (Python's .format). */
  get format(): string {
    return Array.from({ length: this.#length }, (_, i) => this.#formatAt(i)).join('');
  }

  count(item: ShareableItem): number {
    return this.toArray().filter((entry) => same(entry, item)).length;
  }

  /** The first index of `item`; RangeError when it is not there (Python's ValueError). */
  index(item: ShareableItem): number {
    const at = this.toArray().findIndex((entry) => same(entry, item));
    if (at < 0) throw new RangeError(`${String(item)} is not in this ShareableList`);
    return at;
  }

  toArray(): ShareableItem[] {
    return Array.from({ length: this.#length }, (_, i) => this.get(i));
  }

  [Symbol.iterator](): Iterator<ShareableItem> {
    return this.toArray()[Symbol.iterator]();
  }

  toString(): string {
    return `ShareableList(${JSON.stringify(this.toArray(), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? `b'${Buffer.from(v).toString('latin1')}'` : v))}, name='${this.shm.name}')`;
  }

  [toHandle](_context: EncodeContext): HandleDescriptor {
    return { reviver: targetRef(new URL(import.meta.url), 'reviveShareableList'), state: this.shm };
  }
}

export function reviveShareableList(state: unknown, _context: ReviveContext): ShareableList {
  return new ShareableList(REVIVE, state as SharedMemory);
}

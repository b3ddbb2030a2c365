// A first-in first-out list with O(1) push, shift and unshift that lets go of what it hands out,
// so a list that never empties (a busy worker's tasks, a busy pool's queue) does not hold old items.

const MIN_CAPACITY = 16;
/**
 * It shrinks only from above this many slots (512 KiB of them), and only once it is an eighth full:
 * a queue that fills and empties with every burst of tasks does not copy itself back and forth.
 */
const SHRINK_ABOVE = 65_536;

export class Deque<T> {
  /** A ring: `#size` items from `#head`, wrapping around; capacity is a power of two. */
  #items: (T | undefined)[] = new Array<T | undefined>(MIN_CAPACITY);
  #head = 0;
  #size = 0;

  get length(): number {
    return this.#size;
  }

  /** Slots held: grows with the most items held at once, and shrinks (when large) once far fewer are. */
  get capacity(): number {
    return this.#items.length;
  }

  push(item: T): void {
    if (this.#size === this.#items.length) this.#grow();
    this.#items[(this.#head + this.#size) & (this.#items.length - 1)] = item;
    this.#size++;
  }

  unshift(item: T): void {
    if (this.#size === this.#items.length) this.#grow();
    this.#head = (this.#head - 1) & (this.#items.length - 1);
    this.#items[this.#head] = item;
    this.#size++;
  }

  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) & (this.#items.length - 1);
    this.#size--;
    if (this.#items.length > SHRINK_ABOVE && this.#size < this.#items.length >> 3) this.#store(this.toArray(), this.#items.length >> 1);
    return item;
  }

  /** The first item, left in place. */
  peek(): T | undefined {
    return this.#size === 0 ? undefined : this.#items[this.#head];
  }

  /** The first index where `match` holds, or -1. */
  findIndex(match: (item: T) => boolean): number {
    for (let i = 0; i < this.#size; i++) if (match(this.#items[(this.#head + i) & (this.#items.length - 1)] as T)) return i;
    return -1;
  }

  /** Removes the item at `index` (O(n): for the rare path). */
  removeAt(index: number): void {
    if (index < 0 || index >= this.#size) return;
    const items = this.toArray();
    items.splice(index, 1);
    this.#store(items);
  }

  /** Every item, front first, and the list emptied. */
  drain(): T[] {
    const items = this.toArray();
    this.#store([]);
    return items;
  }

  toArray(): T[] {
    const out = new Array<T>(this.#size);
    for (let i = 0; i < this.#size; i++) out[i] = this.#items[(this.#head + i) & (this.#items.length - 1)] as T;
    return out;
  }

  /** Twice the slots, the items moved to the front of them. */
  #grow(): void {
    const old = this.#items;
    const items = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this.#size; i++) items[i] = old[(this.#head + i) & (old.length - 1)];
    this.#items = items;
    this.#head = 0;
  }

  /** Holds exactly `items`, front first, in `capacity` slots (the smallest power of two that fits, by default). */
  #store(items: readonly T[], capacity = MIN_CAPACITY): void {
    while (capacity < items.length) capacity *= 2;
    this.#items = new Array<T | undefined>(capacity);
    for (let i = 0; i < items.length; i++) this.#items[i] = items[i];
    this.#head = 0;
    this.#size = items.length;
  }
}

// Splitting map input into chunks, with Python's default chunk size.

/** Python's heuristic for `map`: about four chunks per worker, so stragglers even out. */
export function defaultChunksize(items: number, workers: number): number {
  return Math.ceil(items / (4 * workers));
}

export function checkChunksize(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`chunksize must be an integer ≥ 1, got ${String(value)}`);
  }
  return value;
}

/** The input as an array (an array is used as is, not copied). */
export function toList<T>(items: Iterable<T>, name: string): readonly T[] {
  if (Array.isArray(items)) return items as readonly T[];
  if (items === null || typeof items !== 'object' || typeof (items as Partial<Iterable<T>>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`${name} must be an iterable`);
  }
  return Array.from(items);
}

// What the workers of merge-sort run, and the merge sort the serial reference shares with them.
import { defineTargets } from '@parlab/core';
import type { Connection } from '@parlab/pipe';

/** Merges sorted runs a[lo, mid) and a[mid, hi) into out[lo, hi). */
function mergeRuns(a: Float64Array, out: Float64Array, lo: number, mid: number, hi: number): void {
  let i = lo;
  let j = mid;
  for (let k = lo; k < hi; k++) {
    if (i < mid && (j >= hi || (a[i] as number) <= (a[j] as number))) out[k] = a[i++] as number;
    else out[k] = a[j++] as number;
  }
}

/** Bottom-up merge sort (a plain JS loop on purpose: the work is what is measured). Returns a new array. */
export function mergeSort(input: Float64Array): Float64Array {
  let a = Float64Array.from(input);
  let b = new Float64Array(a.length);
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      mergeRuns(a, b, lo, Math.min(lo + width, a.length), Math.min(lo + 2 * width, a.length));
    }
    [a, b] = [b, a];
  }
  return a;
}

/** Merges two sorted arrays into one. */
export function merge(left: Float64Array, right: Float64Array): Float64Array {
  const both = new Float64Array(left.length + right.length);
  both.set(left);
  both.set(right, left.length);
  const out = new Float64Array(both.length);
  mergeRuns(both, out, 0, left.length, both.length);
  return out;
}

/** Deterministic values in [0, 1) (a linear congruential generator). */
export function makeValues(count: number): Float64Array {
  const values = new Float64Array(count);
  let x = 12345;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    values[i] = x / 4294967296;
  }
  return values;
}

/** A worker: receives one chunk through its pipe end, sorts it, sends it back. */
export async function sortStage(connection: Connection): Promise<void> {
  const chunk = (await connection.recv({ timeoutMs: 60_000 })) as Float64Array;
  await connection.send(mergeSort(chunk));
  connection.close();
}

defineTargets(import.meta.url, { sortStage });

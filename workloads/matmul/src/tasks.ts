// What the workers of matmul run; the serial reference runs the same loop on the main thread.
import { defineTargets } from '@parlab/core';
import type { RawArray } from '@parlab/shared-memory';

/**
 * C[rows] = A[rows] × B for rows [rowStart, rowEnd) of n×n row-major matrices. `a` and `c` hold
 * rows from `rowOffset` on, so the same loop serves whole matrices and copied row blocks, and
 * every element sums in the same order (the results are bit-identical).
 */
export function multiplyInto(a: Float64Array, b: Float64Array, c: Float64Array, n: number, rowStart: number, rowEnd: number, rowOffset: number): void {
  for (let i = rowStart; i < rowEnd; i++) {
    const row = (i - rowOffset) * n;
    for (let j = 0; j < n; j++) c[row + j] = 0;
    for (let k = 0; k < n; k++) {
      const aik = a[row + k] as number;
      const bk = k * n;
      for (let j = 0; j < n; j++) c[row + j] = (c[row + j] as number) + aik * (b[bk + j] as number);
    }
  }
}

/** `thread`: A, B and C live in SharedArrayBuffers; the worker writes its rows of C in place. */
export function multiplyShared(a: Float64Array, b: Float64Array, c: Float64Array, n: number, rowStart: number, rowEnd: number): null {
  multiplyInto(a, b, c, n, rowStart, rowEnd, 0);
  return null;
}

/** `process`: no shared memory, so the rows of A and all of B arrive as copies and the rows of C go back as one. */
export function multiplyCopied(aRows: Float64Array, b: Float64Array, n: number, rowStart: number, rowEnd: number): Float64Array {
  const c = new Float64Array((rowEnd - rowStart) * n);
  multiplyInto(aRows, b, c, n, rowStart, rowEnd, rowStart);
  return c;
}

/** `process` with shared memory: A, B and C are RawArrays over POSIX shared memory; the worker writes its rows of C in place. */
export function multiplyRaw(a: RawArray, b: RawArray, c: RawArray, n: number, rowStart: number, rowEnd: number): null {
  multiplyInto(viewOf(a), viewOf(b), viewOf(c), n, rowStart, rowEnd, 0);
  return null;
}

function viewOf(array: RawArray): Float64Array {
  const view = array.view;
  if (!(view instanceof Float64Array)) throw new TypeError('matmul needs shared memory mapped here (the native backend)');
  return view;
}

defineTargets(import.meta.url, { multiplyShared, multiplyCopied, multiplyRaw });

// What the workers of mandelbrot run; the serial reference runs the same function on the main thread.
import { defineTargets } from '@parlab/core';

/** Escape-time iteration counts of one image row; rows through the set cost far more than rows outside it. */
export function renderRow(y: number, width: number, height: number, maxIterations: number): { y: number; iterations: Uint16Array } {
  const iterations = new Uint16Array(width);
  const ci = (y / height) * 2.4 - 1.2;
  for (let x = 0; x < width; x++) {
    const cr = (x / width) * 3.2 - 2.2;
    let zr = 0;
    let zi = 0;
    let i = 0;
    while (i < maxIterations && zr * zr + zi * zi <= 4) {
      const next = zr * zr - zi * zi + cr;
      zi = 2 * zr * zi + ci;
      zr = next;
      i++;
    }
    iterations[x] = i;
  }
  return { y, iterations };
}

/** One row, from a single argument: what imapUnordered passes. */
export function renderRowTask(args: readonly [number, number, number, number]): { y: number; iterations: Uint16Array } {
  return renderRow(...args);
}

defineTargets(import.meta.url, { renderRowTask });

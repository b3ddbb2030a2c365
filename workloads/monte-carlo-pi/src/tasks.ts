// What the workers of monte-carlo-pi run; the serial reference runs the same function on the main thread.
import { defineTargets } from '@parlab/core';

/** mulberry32: a tiny seeded generator, so every run (and every split) draws the same numbers. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `samples` random points of the unit square fall inside the quarter circle. */
export function countHits(seed: number, samples: number): number {
  const random = mulberry32(seed);
  let hits = 0;
  for (let i = 0; i < samples; i++) {
    const x = random();
    const y = random();
    if (x * x + y * y <= 1) hits++;
  }
  return hits;
}

defineTargets(import.meta.url, { countHits });

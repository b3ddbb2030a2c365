// What the workers of heat-diffusion run, and the stencil the serial reference shares with them.
import { defineTargets } from '@parlab/core';
import type { Barrier } from '@parlab/barrier';
import type { Connection } from '@parlab/pipe';
import type { RawArray } from '@parlab/shared-memory';

/** Diffusion number of the explicit scheme (stable for ≤ 0.5). */
const R = 0.25;
const EXCHANGE_TIMEOUT_MS = 60_000;

/** One explicit step for cells [lo, hi) of `cur` into `next`; the rod's two ends stay at 0. */
export function stepCells(cur: Float64Array, next: Float64Array, lo: number, hi: number, offset: number, length: number): void {
  for (let i = lo; i < hi; i++) {
    const global = i + offset;
    if (global === 0 || global === length - 1) next[i] = 0;
    else next[i] = (cur[i] as number) + R * ((cur[i - 1] as number) - 2 * (cur[i] as number) + (cur[i + 1] as number));
  }
}

/** The rod's starting temperatures: a few hot spots. */
export function initialRod(cells: number): Float64Array {
  const rod = new Float64Array(cells);
  for (let i = 1; i < cells - 1; i++) rod[i] = 100 * Math.abs(Math.sin((i * 7) / cells) * Math.sin((i * 3) / cells));
  return rod;
}

/**
 * `thread`: the rod lives in two SharedArrayBuffers; each worker updates its cells and waits at
 * the Barrier, so no one reads a step before every neighbour has finished writing it.
 */
export async function sharedStage(a: Float64Array, b: Float64Array, lo: number, hi: number, steps: number, barrier: Barrier): Promise<void> {
  let cur = a;
  let next = b;
  for (let s = 0; s < steps; s++) {
    stepCells(cur, next, lo, hi, 0, a.length);
    await barrier.wait({ timeoutMs: EXCHANGE_TIMEOUT_MS });
    [cur, next] = [next, cur];
  }
}

/**
 * `process`: no shared memory, so each worker keeps its own cells plus one ghost cell per side and
 * trades edge cells with its neighbours through Pipes every step (the exchange is the barrier).
 */
export async function haloStage(parent: Connection, left: Connection | null, right: Connection | null, offset: number, length: number, steps: number): Promise<void> {
  const own = (await parent.recv({ timeoutMs: EXCHANGE_TIMEOUT_MS })) as Float64Array;
  const n = own.length;
  let cur = new Float64Array(n + 2);
  let next = new Float64Array(n + 2);
  cur.set(own, 1);
  for (let s = 0; s < steps; s++) {
    await Promise.all([left?.send(cur[1]), right?.send(cur[n])]);
    const [fromLeft, fromRight] = await Promise.all([left?.recv({ timeoutMs: EXCHANGE_TIMEOUT_MS }), right?.recv({ timeoutMs: EXCHANGE_TIMEOUT_MS })]);
    cur[0] = (fromLeft as number | undefined) ?? 0;
    cur[n + 1] = (fromRight as number | undefined) ?? 0;
    stepCells(cur, next, 1, n + 1, offset - 1, length);
    [cur, next] = [next, cur];
  }
  await parent.send(cur.slice(1, n + 1));
  for (const connection of [parent, left, right]) connection?.close();
}

/**
 * `process` with shared memory: the rod lives in two RawArrays over POSIX shared memory, as under
 * `thread`; the Barrier (process strategy, on shared words) waits blocking, which a child may do.
 */
export function sharedMemoryStage(a: RawArray, b: RawArray, lo: number, hi: number, steps: number, barrier: Barrier): void {
  let cur = a.view as Float64Array;
  let next = b.view as Float64Array;
  for (let s = 0; s < steps; s++) {
    stepCells(cur, next, lo, hi, 0, cur.length);
    barrier.waitSync({ timeoutMs: EXCHANGE_TIMEOUT_MS });
    [cur, next] = [next, cur];
  }
}

defineTargets(import.meta.url, { sharedStage, haloStage, sharedMemoryStage });

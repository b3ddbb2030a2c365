// What the barrier benchmark runs in its children: parlab and raw barriers, timed where the round ends.
import { writeFileSync } from 'node:fs';
import { defineTargets, type ProgramContext } from '@parlab/core';
import type { Barrier } from '../src/barrier.js';
import type { Lock } from '../src/lock.js';

/** How one side of a timed barrier run behaves: warm-up rounds, then `samples` batches of `rounds`. */
export interface RoundPlan {
  readonly warmup: number;
  readonly samples: number;
  readonly rounds: number;
}

/** Times batches of rounds of `round()`; µs per round for each batch. */
export function timeRounds(plan: RoundPlan, round: () => void): number[] {
  for (let i = 0; i < plan.warmup; i++) round();
  const out: number[] = [];
  for (let s = 0; s < plan.samples; s++) {
    const start = performance.now();
    for (let i = 0; i < plan.rounds; i++) round();
    out.push(((performance.now() - start) * 1000) / plan.rounds);
  }
  return out;
}

export async function timeRoundsAsync(plan: RoundPlan, round: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < plan.warmup; i++) await round();
  const out: number[] = [];
  for (let s = 0; s < plan.samples; s++) {
    const start = performance.now();
    for (let i = 0; i < plan.rounds; i++) await round();
    out.push(((performance.now() - start) * 1000) / plan.rounds);
  }
  return out;
}

/** The raw baseline: a two-word generation barrier with Atomics.wait, no checks, no timeouts. */
function rawRound(words: Int32Array, parties: number): void {
  const gen = Atomics.load(words, 1);
  if (Atomics.add(words, 0, 1) + 1 === parties) {
    Atomics.store(words, 0, 0);
    Atomics.add(words, 1, 1);
    Atomics.notify(words, 1);
  } else {
    while (Atomics.load(words, 1) === gen) Atomics.wait(words, 1, gen);
  }
}

/**
 * One party of a blocking round: parlab's waitSync (a worker thread, or a child process under the
 * native backend) or the raw barrier (threads); party 0 reports its samples into a shared array
 * (threads) or a JSON file (processes).
 */
export function blockingParty(kind: 'parlab' | 'raw', barrier: Barrier | null, words: Int32Array | null, plan: RoundPlan, out: Float64Array | string | null): void {
  const round = kind === 'parlab' ? (): void => void (barrier as Barrier).waitSync() : (): void => rawRound(words as Int32Array, 2);
  const samples = timeRounds(plan, round);
  if (out instanceof Float64Array) out.set(samples);
  else if (typeof out === 'string') writeFileSync(out, JSON.stringify(samples));
}

/** The child's side of an async round (parlab, either strategy). */
export async function asyncParty(barrier: Barrier, plan: RoundPlan): Promise<void> {
  await timeRoundsAsync(plan, () => barrier.wait());
}

/** How a child takes a lock pair: blocking, awaited, or the awaits alone on settled promises (the floor of an awaited pair). */
export type LockMode = 'blocking' | 'async' | 'floor';

const SETTLED = Promise.resolve();

/** Uncontended acquire + release from a child (or, for 'floor', two awaits of settled promises in the same loop); writes µs per pair. */
export async function lockPairs(lock: Lock | null, plan: RoundPlan, path: string, mode: LockMode): Promise<void> {
  const held = lock as Lock;
  let samples: number[];
  if (mode === 'blocking') {
    samples = timeRounds(plan, () => {
      held.acquireSync();
      held.releaseSync();
    });
  } else if (mode === 'async') {
    samples = await timeRoundsAsync(plan, async () => {
      await held.acquire();
      await held.release();
    });
  } else {
    samples = await timeRoundsAsync(plan, async () => {
      await SETTLED;
      await SETTLED;
    });
  }
  writeFileSync(path, JSON.stringify(samples));
}

/** The raw IPC coordinator's child: arrive, wait for "go", as many rounds as the parent asks. */
export function rawIpcParty(context: ProgramContext): void {
  context.onMessage((message) => {
    if (message === 'go') context.send('arrive');
    else if (message === 'stop') context.exit(0);
  });
  context.send('arrive');
}

defineTargets(import.meta.url, { blockingParty, asyncParty, lockPairs, rawIpcParty });

// Interleaved sampling: one sample of every contender per round, so machine drift hits all alike.
import { performance } from 'node:perf_hooks';

/** Something measured: one timed call per round; `after` checks its result outside the timing. */
export interface Contender<R = unknown> {
  readonly key: string;
  run(): Promise<R> | R;
  /** Throws when the result is wrong; runs after the clock stopped. */
  after?(result: R): void;
}

export interface InterleaveOptions {
  /** Rounds whose samples are kept, at most. */
  readonly rounds: number;
  /** Stop after this many kept rounds once another round would overrun `budgetMs`. */
  readonly minRounds?: number;
  /** Time the kept rounds may take, in ms; a slow machine gets fewer rounds (never under `minRounds`). */
  readonly budgetMs?: number;
  /** Untimed rounds first (JIT, caches, lazy worker start). */
  readonly warmupRounds: number;
  readonly signal: AbortSignal;
  /** Called before each run with the round (0-based, warm-ups negative) and the contender's key. */
  onRun?(round: number, key: string): void;
}

export interface InterleaveResult {
  /** Wall times in ms, indexed by round; a contender that failed has fewer. */
  readonly samples: Map<string, number[]>;
  readonly errors: Map<string, Error>;
}

/**
 * Runs up to `rounds` rounds over the contenders (fewer when `budgetMs` would be overrun),
 * starting each round one place further along so no contender always runs right after the same one. A contender that throws is dropped and its
 * error kept; the others go on. Stops early (without error) when `signal` aborts.
 */
export async function interleave(contenders: readonly Contender[], options: InterleaveOptions): Promise<InterleaveResult> {
  const samples = new Map<string, number[]>(contenders.map((c) => [c.key, []]));
  const errors = new Map<string, Error>();
  const total = options.warmupRounds + options.rounds;
  let keptSince = 0;
  for (let r = 0; r < total; r++) {
    const round = r - options.warmupRounds;
    if (round === 0) keptSince = performance.now();
    if (round > 0 && options.budgetMs !== undefined && round >= (options.minRounds ?? 1)) {
      const elapsed = performance.now() - keptSince;
      if (elapsed + elapsed / round > options.budgetMs) break;
    }
    for (let i = 0; i < contenders.length; i++) {
      if (options.signal.aborted) return { samples, errors };
      const contender = contenders[(i + Math.max(0, round)) % contenders.length] as Contender;
      if (errors.has(contender.key)) continue;
      options.onRun?.(round, contender.key);
      try {
        const started = performance.now();
        const result = await contender.run();
        const elapsed = performance.now() - started;
        contender.after?.(result);
        if (round >= 0) samples.get(contender.key)?.push(elapsed);
      } catch (error) {
        if (options.signal.aborted) return { samples, errors };
        errors.set(contender.key, error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
  return { samples, errors };
}

/** Per-round ratios `reference[i] / other[i]` over the rounds both completed. */
export function pairedRatios(reference: readonly number[], other: readonly number[]): number[] {
  const n = Math.min(reference.length, other.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) ratios.push((reference[i] as number) / (other[i] as number));
  return ratios;
}

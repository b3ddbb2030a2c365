// Adaptive, paired sampling of a serial reference against parallel contenders (the workloads suite's method).
//
// Why this shape: the host drifts within seconds, so a parallel sample is paired with a serial sample
// taken right next to it (never a round apart); the order of contenders is shuffled every round, so
// none always follows the same neighbour; a contender whose run is short is timed over several runs
// (calibrated in the warm-up) so a sample is long against the timer; and rounds go on until every
// point's interval is within the precision target, or the point's share of the time budget is spent.
import { performance } from 'node:perf_hooks';
import { seededRandom, summarize } from '@parlab/bench-kit';

/** Something measured: `run` is timed; `after` checks its result outside the timing. */
export interface Contender<R = unknown> {
  readonly key: string;
  run(): Promise<R> | R;
  /** Throws when the result is wrong; runs after the clock stopped. */
  after?(result: R): void;
}

export interface SamplerOptions {
  /** Rounds before the precision is first judged (6 gives a 95 % interval of a median). */
  readonly minRounds: number;
  /** Rounds at most. */
  readonly maxRounds: number;
  /** Time the kept rounds may take, in ms; no round starts that would overrun it (after `minRounds`). */
  readonly budgetMs: number;
  /** Untimed rounds first (JIT, caches, lazy worker start); the last one calibrates iterations. */
  readonly warmupRounds: number;
  /** A sample runs a contender enough times to last about this long. */
  readonly targetSampleMs: number;
  /** Most runs in one sample. */
  readonly maxIterations?: number;
  /** Stop once every interval's half-width is within this percentage of its median. */
  readonly targetPercent: number;
  /** Seeds the shuffles, so a run's order can be replayed. */
  readonly seed: number;
  readonly signal: AbortSignal;
  /** The clock samples are read from (performance.now); tests give a simulated one. */
  readonly clock?: () => number;
  /** Before each run: the round (0-based; warm-ups negative) and the contender's key. */
  onRun?(round: number, key: string): void;
  /** Before each kept round (e.g. to read the host's speed). */
  onRound?(round: number): void;
}

export interface SamplerResult {
  /** The reference's samples, ms per run, in the order taken. */
  readonly reference: number[];
  /** Each contender's samples, ms per run, one per round. */
  readonly samples: Map<string, number[]>;
  /** Each contender's paired ratios reference ÷ contender (a speedup), one per round. */
  readonly ratios: Map<string, number[]>;
  /** Runs per sample, by key (the reference included). */
  readonly iterations: Map<string, number>;
  readonly rounds: number;
  /** Every interval within the target when sampling stopped. */
  readonly converged: boolean;
  /** Contenders that threw (their samples stop there); the reference's error stops everything. */
  readonly errors: Map<string, Error>;
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A stable 32-bit seed from a text (FNV-1a), e.g. a workload id. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * The order of one round: the reference, then contenders two at a time with the reference between
 * each two ("R a b R c d R …"). `pairs[i]` says which reference run contender i is paired with:
 * the one just before it (even positions) or just after it (odd positions), so each contender is
 * timed next to its reference and each side of it equally often across shuffles.
 */
export function roundPlan(count: number, startWithReference: boolean): { steps: ('R' | number)[]; endsWithReference: boolean } {
  const steps: ('R' | number)[] = startWithReference ? ['R'] : [];
  for (let i = 0; i < count; i++) {
    steps.push(i);
    if (i % 2 === 1) steps.push('R');
  }
  return { steps, endsWithReference: steps[steps.length - 1] === 'R' };
}

function precisionMet(values: readonly number[], targetPercent: number): boolean {
  return values.length > 1 && summarize(values).rme <= targetPercent;
}

/**
 * Samples `reference` against `contenders` until every point (the reference's time, each
 * contender's time and each paired ratio) is within `targetPercent`, or the budget is spent.
 */
export async function sampleAgainstReference(reference: Contender, contenders: readonly Contender[], options: SamplerOptions): Promise<SamplerResult> {
  const random = seededRandom(options.seed);
  const now = options.clock ?? (() => performance.now());
  const maxIterations = options.maxIterations ?? 20;
  const iterations = new Map<string, number>([[reference.key, 1], ...contenders.map((c) => [c.key, 1] as const)]);
  const referenceSamples: number[] = [];
  const samples = new Map<string, number[]>(contenders.map((c) => [c.key, []]));
  const ratios = new Map<string, number[]>(contenders.map((c) => [c.key, []]));
  const errors = new Map<string, Error>();
  const lastMs = new Map<string, number>();
  let rounds = 0;
  let converged = false;

  /** Times `iterations` runs of a contender; ms per run, or an Error. */
  const time = async (contender: Contender, round: number): Promise<number | Error> => {
    const runs = iterations.get(contender.key) ?? 1;
    options.onRun?.(round, contender.key);
    try {
      let total = 0;
      for (let i = 0; i < runs; i++) {
        const started = now();
        const result = await contender.run();
        total += now() - started;
        contender.after?.(result);
      }
      return total / runs;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };

  const live = (): Contender[] => contenders.filter((c) => !errors.has(c.key));
  let previousReference: number | undefined;
  let endedWithReference = false;
  let keptStarted = 0;

  for (let r = -options.warmupRounds; r < options.maxRounds; r++) {
    if (options.signal.aborted) break;
    const keep = r >= 0;
    if (r === 0) {
      keptStarted = now();
      // Calibrate from the last warm-up: a short run is repeated until a sample lasts targetSampleMs.
      for (const [key, ms] of lastMs) iterations.set(key, Math.max(1, Math.min(maxIterations, Math.round(options.targetSampleMs / Math.max(ms, 1e-3)))));
      previousReference = undefined;
      endedWithReference = false;
    }
    if (keep && r >= options.minRounds) {
      const elapsed = now() - keptStarted;
      if (elapsed + elapsed / r > options.budgetMs) break;
    }
    if (keep) options.onRound?.(r);
    const order = shuffled(live(), random);
    const plan = roundPlan(order.length, !endedWithReference);
    // Odd positions wait for the reference run after them; even ones take the one before.
    const pending: { contender: Contender; ms: number }[] = [];
    let lastReference = endedWithReference ? previousReference : undefined;
    for (const step of plan.steps) {
      if (options.signal.aborted) break;
      if (step === 'R') {
        const ms = await time(reference, r);
        if (ms instanceof Error) {
          errors.set(reference.key, ms);
          return { reference: referenceSamples, samples, ratios, iterations, rounds, converged: false, errors };
        }
        lastMs.set(reference.key, ms);
        if (keep) referenceSamples.push(ms);
        // Odd positions waiting for the reference after them.
        for (const { contender, ms: own } of pending.splice(0)) if (keep) ratios.get(contender.key)?.push(ms / own);
        lastReference = ms;
        continue;
      }
      const contender = order[step] as Contender;
      const ms = await time(contender, r);
      if (ms instanceof Error) {
        if (options.signal.aborted) break;
        errors.set(contender.key, ms);
        continue;
      }
      lastMs.set(contender.key, ms);
      if (!keep) continue;
      samples.get(contender.key)?.push(ms);
      if (step % 2 === 0 && lastReference !== undefined) ratios.get(contender.key)?.push(lastReference / ms);
      else pending.push({ contender, ms });
    }
    // Odd positions are always followed by a reference run, so nothing is left waiting here.
    endedWithReference = plan.endsWithReference;
    previousReference = lastReference;
    if (!keep || options.signal.aborted) continue;
    rounds = r + 1;
    if (rounds >= options.minRounds) {
      const all = [referenceSamples, ...live().flatMap((c) => [samples.get(c.key) ?? [], ratios.get(c.key) ?? []])];
      converged = all.every((values) => precisionMet(values, options.targetPercent));
      if (converged) break;
    }
  }
  return { reference: referenceSamples, samples, ratios, iterations, rounds, converged, errors };
}

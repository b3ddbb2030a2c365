// Who wins each workload, decided once from the intervals: the summary table, the charts, the page and the Markdown all read it.
import { pairedRatios, ratioOfMedians, summarize, verdictOf, type RatioEstimate, type Verdict } from '@parlab/bench-kit';
import { okPoints, workloadSubjects } from './results-query.js';
import type { OkPoint, ResultsFile, Suite } from './schema.js';

/**
 * A workload's outcome: `process` / `thread` (that strategy is significantly faster than the other
 * and than serial), `parallel` (parallel beats serial, but processes and threads tie), `serial`
 * (every parallel run is significantly slower), or `tie` (nothing is significant).
 */
export type WinnerKind = 'process' | 'thread' | 'parallel' | 'serial' | 'tie';

export interface WorkloadVerdict {
  readonly subject: string;
  readonly serial: OkPoint | undefined;
  /** Each strategy's speedup point with the highest median, measurement faults (`aboveCeiling`) left out. */
  readonly best: { readonly process: OkPoint | undefined; readonly thread: OkPoint | undefined };
  /** Best parallel run against serial: above (faster), below (slower) or tie. */
  readonly vsSerial: Verdict;
  /** Threads' best speed ÷ processes' best speed, with its interval; absent without both. */
  readonly threadOverProcess: RatioEstimate | undefined;
  readonly strategies: Verdict;
  readonly winner: WinnerKind;
  /** Worker count of the winning point, for `process` and `thread`. */
  readonly workers: number | undefined;
}

/** A strategy's highest speedup. A speedup above its ceiling is a measurement fault: it names no winner. */
function bestSpeedup(results: ResultsFile, suite: Suite, subject: string, strategy: 'process' | 'thread'): OkPoint | undefined {
  const points = okPoints(results, { suite, subject, implementation: suite === 'python' ? 'python' : 'parlab', strategy, metric: 'speedup' }).filter(
    (p) => !p.flags.includes('aboveCeiling'),
  );
  return points.reduce<OkPoint | undefined>((best, p) => (best === undefined || p.median > best.median ? p : best), undefined);
}

/**
 * The ratio of two speedup points. Samples the runner took in the same rounds are paired round by
 * round (drift cancels); otherwise the medians are compared by a seeded bootstrap.
 */
export function speedupRatio(numerator: OkPoint, denominator: OkPoint): RatioEstimate {
  if (numerator.samples.length === denominator.samples.length && numerator.samples.length > 1) {
    const s = summarize(pairedRatios(numerator.samples, denominator.samples));
    return { median: s.median, low: s.ciLow, high: s.ciHigh, level: s.ciLevel };
  }
  return ratioOfMedians(numerator.samples, denominator.samples);
}

const intervalOf = (p: OkPoint): { low: number; high: number } => ({ low: p.ciLow, high: p.ciHigh });

/** The verdict for one subject of a suite that has serial and parallel speedup points. */
export function subjectVerdict(results: ResultsFile, suite: Suite, subject: string): WorkloadVerdict {
  const serial = okPoints(results, { suite, subject, strategy: 'serial', metric: 'wall_ms' })[0];
  const process = bestSpeedup(results, suite, subject, 'process');
  const thread = bestSpeedup(results, suite, subject, 'thread');
  const candidates = [process, thread].filter((p): p is OkPoint => p !== undefined);
  const allParallel = okPoints(results, { suite, subject, metric: 'speedup' });
  let vsSerial: Verdict = 'tie';
  if (candidates.some((p) => verdictOf(intervalOf(p)) === 'above')) vsSerial = 'above';
  else if (allParallel.length > 0 && allParallel.every((p) => verdictOf(intervalOf(p)) === 'below')) vsSerial = 'below';
  const threadOverProcess = process !== undefined && thread !== undefined ? speedupRatio(thread, process) : undefined;
  const strategies: Verdict = threadOverProcess === undefined ? 'tie' : verdictOf(threadOverProcess);
  let winner: WinnerKind;
  let workers: number | undefined;
  if (vsSerial === 'below') winner = 'serial';
  else if (vsSerial === 'tie') winner = 'tie';
  else if (strategies === 'above' && thread !== undefined && verdictOf(intervalOf(thread)) === 'above') {
    winner = 'thread';
    workers = thread.workers;
  } else if (strategies === 'below' && process !== undefined && verdictOf(intervalOf(process)) === 'above') {
    winner = 'process';
    workers = process.workers;
  } else if (candidates.length === 1 && strategies === 'tie' && threadOverProcess === undefined) {
    // Only one strategy was measured: it wins if it beats serial.
    const only = candidates[0] as OkPoint;
    winner = only.strategy as 'process' | 'thread';
    workers = only.workers;
  } else winner = 'parallel';
  return { subject, serial, best: { process, thread }, vsSerial, threadOverProcess, strategies, winner, workers };
}

/** One verdict per workload of the `workloads` suite, in run order. */
export function workloadVerdicts(results: ResultsFile): WorkloadVerdict[] {
  return workloadSubjects(results).map((subject) => subjectVerdict(results, 'workloads', subject));
}

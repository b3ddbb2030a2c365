// Public types of the runner: the results records (schema 2), suites, profiles, options.

import type { Lang, MachineInfo, ResultPoint, ResultsFile, Strategy, Suite } from '@parlab/report';
import { LANGS, STRATEGIES, SUITES } from '@parlab/report';

// The results schema is @parlab/bench-kit's (re-exported by @parlab/report): the runner writes what the report validates.
export { LANGS, SUITES };
export type { Lang, MachineInfo };
export type { Metric, PointStats, Unit } from '@parlab/report';
export type SuiteName = Suite;

export const PROFILES = ['quick', 'full'] as const;
export type Profile = (typeof PROFILES)[number];

/** `serial` is the reference each parallel sample is paired with. */
export const RUN_STRATEGIES = STRATEGIES;
export type RunStrategy = Strategy;

/** One record of results.json. */
export type BenchRecord = ResultPoint;

/** The whole results.json document. */
export type ResultsDocument = ResultsFile;

/** Options every package's `runBenchmarks` takes (the convention the preamble sets). */
export interface PackageBenchOptions {
  profile: Profile;
  signal?: AbortSignal;
  onProgress?: (label: string) => void;
}

/** What the runner was asked to do, after the command line was checked. */
export interface RunPlan {
  profile: Profile;
  suites: SuiteName[];
  /** Workload ids, in run order. */
  workloads: string[];
  strategies: RunStrategy[];
  workers: number[];
  /** Folder that receives `<run-id>/results.json` and `latest`. */
  outDir: string;
  lang: Lang;
  json: boolean;
  /** Render the report after the run (off with --no-report). */
  report: boolean;
}

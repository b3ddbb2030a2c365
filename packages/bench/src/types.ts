// Public types of the runner: the results records (DESIGN.md schema 1), suites, profiles, options.

/** The four suites `pnpm bench` runs. */
export const SUITES = ['workloads', 'primitives', 'peers', 'python'] as const;
export type SuiteName = (typeof SUITES)[number];

export const PROFILES = ['quick', 'full'] as const;
export type Profile = (typeof PROFILES)[number];

/** `serial` is the reference each parallel sample is paired with. */
export const RUN_STRATEGIES = ['serial', 'process', 'thread'] as const;
export type RunStrategy = (typeof RUN_STRATEGIES)[number];

export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export type Metric =
  | 'wall_ms'
  | 'tasks_per_s'
  | 'items_per_s'
  | 'msgs_per_s'
  | 'bytes_per_s'
  | 'round_trip_us'
  | 'spawn_ms'
  | 'rss_bytes'
  | 'speedup';
export type Unit = 'ms' | '1/s' | 'B/s' | 'us' | 'B' | 'x';

/** Summary statistics of one point, in its unit; `rme` is the relative margin of error in percent. */
export interface PointStats {
  median: number;
  mean: number;
  min: number;
  max: number;
  p75: number;
  p99: number;
  rme: number;
  /** Raw samples, so readers can recompute anything. */
  samples: number[];
}

/** One record of results.json (structurally the same as @parlab/report's ResultPoint). */
export interface BenchRecord extends Partial<PointStats> {
  suite: SuiteName;
  /** Kebab-case and stable: a workload id, a primitive scenario, a peer scenario. */
  subject: string;
  /** `parlab`, `raw`, `python`, or a peer library's name. */
  implementation: string;
  strategy: RunStrategy;
  /** 1 for serial. */
  workers: number;
  metric: Metric;
  unit: Unit;
  better: 'lower' | 'higher';
  status: 'ok' | 'failed' | 'skipped';
  /** Why a point failed or was skipped. */
  error?: string;
}

/** The machine a run was measured on. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  python: string | null;
}

/** The whole results.json document. */
export interface ResultsDocument {
  schema: 1;
  runId: string;
  createdAt: string;
  machine: MachineInfo;
  options: Record<string, unknown>;
  points: BenchRecord[];
}

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

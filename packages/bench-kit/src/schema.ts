// The results.json contract (schema 2) as TypeScript types; schema/results-v2.schema.json is the same contract as JSON Schema.

/** Version written in `schema`; bump it when a field changes meaning or shape. */
export const SCHEMA_VERSION = 2;

export const SUITES = ['workloads', 'primitives', 'peers', 'python'] as const;
export const STRATEGIES = ['serial', 'process', 'thread'] as const;
export const METRICS = [
  'wall_ms',
  'tasks_per_s',
  'items_per_s',
  'msgs_per_s',
  'bytes_per_s',
  'round_trip_us',
  'spawn_ms',
  'rss_bytes',
  'speedup',
] as const;
export const UNITS = ['ms', '1/s', 'B/s', 'us', 'B', 'x'] as const;
export const STATUSES = ['ok', 'failed', 'skipped'] as const;
/**
 * What a point may be flagged with: `noisy` (its interval stayed wider than the precision target),
 * `fewSamples` (too few samples for a 95 % interval), `aboveCeiling` (a speedup whose whole interval
 * lies above min(workers, available cores): a measurement fault), `hostDrift` (the host's speed
 * moved by more than 10 % while it was measured).
 */
export const FLAGS = ['noisy', 'fewSamples', 'aboveCeiling', 'hostDrift'] as const;
/** Implementations the runner knows today; the schema accepts any other kebab-case name too. */
export const KNOWN_IMPLEMENTATIONS = ['parlab', 'raw', 'python', 'piscina', 'tinypool', 'poolifier', 'worker-farm', 'workerpool'] as const;
/** Host warnings: another load, CPU steal, an unstable reference loop at the start, drift during the run. */
export const HOST_WARNINGS = ['busy', 'steal', 'unstable', 'drift'] as const;

export type Suite = (typeof SUITES)[number];
export type Strategy = (typeof STRATEGIES)[number];
export type Metric = (typeof METRICS)[number];
export type Unit = (typeof UNITS)[number];
export type PointStatus = (typeof STATUSES)[number];
export type PointFlag = (typeof FLAGS)[number];
export type HostWarningCode = (typeof HOST_WARNINGS)[number];
/** A known implementation, or another kebab-case name (a new peer library). */
export type Implementation = (typeof KNOWN_IMPLEMENTATIONS)[number] | (string & {});

/** The machine the run was measured on. */
export interface MachineInfo {
  /** CPU model as the OS reports it. */
  cpuModel: string;
  /** Logical CPUs the OS reports. */
  cores: number;
  /** CPUs the run may use (os.availableParallelism(), lowered by a cgroup quota): the ceiling of every speedup. */
  availableCores: number;
  /** The cgroup CPU quota in CPUs, or null when there is none. */
  cpuQuota: number | null;
  /** Total memory in bytes. */
  memoryBytes: number;
  /** Operating system name and release. */
  os: string;
  /** Node.js version, e.g. `v20.20.2`. */
  node: string;
  /** Python version, or null when Python was not found. */
  python: string | null;
  /** The process strategy's shared memory: the native addon, or the coordinator fallback, and why. */
  sharedMemory?: { backend: 'native' | 'coordinator'; reason: string };
}

/** The host's state over a short window. */
export interface HostState {
  /** 1, 5 and 15 minute load averages. */
  loadAverage: [number, number, number];
  /** Share of all CPUs busy with other work while the runner sat idle; null where /proc/stat is missing. */
  busyShare: number | null;
  /** Share of CPU time the hypervisor took (steal) over the same window; null where unknown. */
  stealShare: number | null;
}

/** One reading of the host's speed: the reference loop's start time divided by its time now. */
export interface SpeedSample {
  /** Milliseconds since the run started. */
  atMs: number;
  /** 1 = as fast as at the start; 0.8 = the same loop took 25 % longer. */
  index: number;
}

export interface HostWarning {
  code: HostWarningCode;
  /** The warning in English; the report words it in its language from `code` and `value`. */
  message: string;
  /** busy, steal: a share of CPU (0–1); unstable: the loop's precision in percent; drift: the index furthest from 1. */
  value?: number;
}

/** How the host behaved through the run. */
export interface HostInfo {
  /** Median time of the fixed reference loop at the start, in ms. */
  referenceMs: number;
  speedIndex: { median: number; min: number; max: number; samples: SpeedSample[] };
  start: HostState;
  /** null when the run was interrupted before it could look. */
  end: HostState | null;
  warnings: HostWarning[];
}

/** Run options; the known fields are typed, anything else the runner adds is kept as is. */
export interface RunOptions {
  profile?: string;
  suites?: string[];
  workers?: number[];
  [key: string]: unknown;
}

/** Tukey's fences: beyond 1.5 IQR of the quartiles (low, high); of those, beyond 3 IQR (severe). */
export interface OutlierCounts {
  low: number;
  high: number;
  severe: number;
}

/** Statistics of one measured point, in the point's `unit`. */
export interface PointStats {
  n: number;
  median: number;
  mean: number;
  min: number;
  max: number;
  p75: number;
  p99: number;
  /** Distribution-free interval of the median. */
  ciLow: number;
  ciHigh: number;
  /** Coverage of [ciLow, ciHigh]: 0.95 or more from 6 samples on. */
  ciLevel: number;
  /** Half the interval's width in percent of the median: the precision reached. */
  rme: number;
  outliers: OutlierCounts;
  /** Raw samples in the order taken; for a speedup, the paired ratios. */
  samples: number[];
  flags: PointFlag[];
  /** Speedup points: min(workers, available cores). */
  ceiling?: number;
  /** Median host speed index while the point was measured. */
  hostIndex?: number;
  /** Runs timed together in one sample. */
  iterations?: number;
}

/** What identifies a point: two points with the same identity measure the same thing. */
export interface PointIdentity {
  suite: Suite;
  /** Kebab-case, stable: a workload id, a primitive scenario or a peer scenario. */
  subject: string;
  implementation: Implementation;
  strategy: Strategy;
  /** Worker count; 1 for serial. */
  workers: number;
  metric: Metric;
}

export interface PointMeta extends PointIdentity {
  unit: Unit;
  /** Which direction is an improvement. */
  better: 'lower' | 'higher';
}

/** A point that was measured. */
export interface OkPoint extends PointMeta, PointStats {
  status: 'ok';
  error?: undefined;
}

/** A point that failed or was skipped: statistics may be missing, `error` says why. */
export interface NotOkPoint extends PointMeta, Partial<PointStats> {
  status: 'failed' | 'skipped';
  error: string;
}

/** One row of results.json; a tagged union on `status`. */
export type ResultPoint = OkPoint | NotOkPoint;

/** A text in the two languages the course is taught in. */
export interface Localized {
  en: string;
  es: string;
}

/** What a subject (a workload) is, for the report's titles and captions. */
export interface SubjectInfo {
  title: Localized;
  description?: Localized;
  /** Other parallel versions measured as contenders of their own, by implementation (`parlab-<variant>`). */
  variants?: Record<string, { title: Localized; description?: Localized }>;
}

/** The whole results.json document. */
export interface ResultsFile {
  schema: typeof SCHEMA_VERSION;
  /** Set when the file was written as schema 1 and upgraded on reading. */
  upgradedFrom?: 1;
  runId: string;
  /** ISO 8601 time the run started. */
  createdAt: string;
  machine: MachineInfo;
  /** Absent in files upgraded from schema 1. */
  host?: HostInfo;
  /** Titles of the subjects measured, by subject id (workloads); absent in files upgraded from schema 1. */
  subjects?: Record<string, SubjectInfo>;
  options: RunOptions;
  points: ResultPoint[];
}

// The results.json contract (schema 1): its TypeScript types and a dependency-free validator.

import { ResultsSchemaError } from './errors.js';

/** Version written in `schema`; bump it when a field changes meaning or shape. */
export const SCHEMA_VERSION = 1;

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
/** Implementations the runner knows today; the validator accepts any other kebab-case name too. */
export const KNOWN_IMPLEMENTATIONS = [
  'parlab',
  'raw',
  'python',
  'piscina',
  'tinypool',
  'poolifier',
  'worker-farm',
  'workerpool',
] as const;

export type Suite = (typeof SUITES)[number];
export type Strategy = (typeof STRATEGIES)[number];
export type Metric = (typeof METRICS)[number];
export type Unit = (typeof UNITS)[number];
export type PointStatus = (typeof STATUSES)[number];
/** A known implementation, or another kebab-case name (a new peer library). */
export type Implementation = (typeof KNOWN_IMPLEMENTATIONS)[number] | (string & {});

/** The machine the run was measured on. */
export interface MachineInfo {
  /** CPU model as the OS reports it. */
  cpuModel: string;
  /** Logical cores available to the run. */
  cores: number;
  /** Total memory in bytes. */
  memoryBytes: number;
  /** Operating system name and release. */
  os: string;
  /** Node.js version, e.g. `v20.20.2`. */
  node: string;
  /** Python version, or null when Python was not found. */
  python: string | null;
}

/** Run options; the known fields are typed, anything else the runner adds is kept as is. */
export interface RunOptions {
  profile?: string;
  suites?: string[];
  workers?: number[];
  [key: string]: unknown;
}

/** Summary statistics of one measured point, in the point's `unit`. */
export interface PointStats {
  median: number;
  mean: number;
  min: number;
  max: number;
  p75: number;
  p99: number;
  /** Relative margin of error, in percent. */
  rme: number;
  /** Raw samples, so readers can recompute anything. */
  samples: number[];
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

interface PointMeta extends PointIdentity {
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
  error?: string;
}

/** One row of results.json; a tagged union on `status`. */
export type ResultPoint = OkPoint | NotOkPoint;

/** The whole results.json document. */
export interface ResultsFile {
  schema: typeof SCHEMA_VERSION;
  runId: string;
  /** ISO 8601 time the run started. */
  createdAt: string;
  machine: MachineInfo;
  options: RunOptions;
  points: ResultPoint[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

// The offending value is a rest element so that "no value given" differs from `undefined`.
function fail(path: string, problem: string, ...value: [unknown?]): never {
  const got = value.length > 0 ? ` (got ${describe(value[0])})` : '';
  throw new ResultsSchemaError(path, `${problem}${got}`);
}

function objectAt(json: Json, key: string, path: string): Json {
  const value = json[key];
  if (!isObject(value)) fail(path, 'must be an object', value);
  return value;
}

function stringAt(json: Json, key: string, path: string): string {
  const value = json[key];
  if (typeof value !== 'string') fail(path, 'must be a string', value);
  return value;
}

function numberAt(json: Json, key: string, path: string): number {
  const value = json[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'must be a number', value);
  return value;
}

function oneOf<T extends string>(json: Json, key: string, path: string, allowed: readonly T[]): T {
  const value = json[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `must be one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

function numbersAt(json: Json, key: string, path: string): number[] {
  const value = json[key];
  if (!Array.isArray(value)) fail(path, 'must be an array of numbers', value);
  value.forEach((item, i) => {
    if (typeof item !== 'number' || !Number.isFinite(item)) fail(`${path}[${i}]`, 'must be a number', item);
  });
  return value as number[];
}

const STAT_KEYS = ['median', 'mean', 'min', 'max', 'p75', 'p99', 'rme'] as const;

function validateMachine(json: Json): MachineInfo {
  const m = objectAt(json, 'machine', 'machine');
  const python = m['python'];
  if (python !== null && typeof python !== 'string') fail('machine.python', 'must be a string or null', python);
  return {
    cpuModel: stringAt(m, 'cpuModel', 'machine.cpuModel'),
    cores: numberAt(m, 'cores', 'machine.cores'),
    memoryBytes: numberAt(m, 'memoryBytes', 'machine.memoryBytes'),
    os: stringAt(m, 'os', 'machine.os'),
    node: stringAt(m, 'node', 'machine.node'),
    python,
  };
}

function validatePoint(json: unknown, path: string): ResultPoint {
  if (!isObject(json)) fail(path, 'must be an object', json);
  const implementation = stringAt(json, 'implementation', `${path}.implementation`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(implementation)) {
    fail(`${path}.implementation`, 'must be a kebab-case name', implementation);
  }
  const meta: PointMeta = {
    suite: oneOf(json, 'suite', `${path}.suite`, SUITES),
    subject: stringAt(json, 'subject', `${path}.subject`),
    implementation,
    strategy: oneOf(json, 'strategy', `${path}.strategy`, STRATEGIES),
    workers: numberAt(json, 'workers', `${path}.workers`),
    metric: oneOf(json, 'metric', `${path}.metric`, METRICS),
    unit: oneOf(json, 'unit', `${path}.unit`, UNITS),
    better: oneOf(json, 'better', `${path}.better`, ['lower', 'higher'] as const),
  };
  if (meta.subject === '') fail(`${path}.subject`, 'must not be empty');
  if (!Number.isInteger(meta.workers) || meta.workers < 1) {
    fail(`${path}.workers`, 'must be a whole number of at least 1', meta.workers);
  }
  const status = oneOf(json, 'status', `${path}.status`, STATUSES);
  if (status === 'ok') {
    const stats: PointStats = {
      median: 0, mean: 0, min: 0, max: 0, p75: 0, p99: 0, rme: 0,
      samples: numbersAt(json, 'samples', `${path}.samples`),
    };
    for (const key of STAT_KEYS) stats[key] = numberAt(json, key, `${path}.${key}`);
    return { ...meta, ...stats, status };
  }
  // A failed point may carry partial statistics, or none; only what is there is checked.
  const point: NotOkPoint = { ...meta, status };
  const error = json['error'];
  if (error !== undefined) {
    if (typeof error !== 'string') fail(`${path}.error`, 'must be a string', error);
    point.error = error;
  }
  for (const key of STAT_KEYS) {
    if (json[key] !== undefined && json[key] !== null) point[key] = numberAt(json, key, `${path}.${key}`);
  }
  if (json['samples'] !== undefined && json['samples'] !== null) {
    point.samples = numbersAt(json, 'samples', `${path}.samples`);
  }
  return point;
}

/**
 * Checks parsed JSON against schema 1 and returns it typed. Unknown extra fields are dropped,
 * except inside `options`, which is kept whole.
 * @throws ResultsSchemaError naming the first field that is wrong.
 */
export function validateResults(json: unknown): ResultsFile {
  if (!isObject(json)) fail('', 'must be a JSON object', json);
  const schema = json['schema'];
  if (schema !== SCHEMA_VERSION) {
    fail('schema', `must be ${SCHEMA_VERSION}; this file was written by another version of parlab bench`, schema);
  }
  const points = json['points'];
  if (!Array.isArray(points)) fail('points', 'must be an array', points);
  return {
    schema: SCHEMA_VERSION,
    runId: stringAt(json, 'runId', 'runId'),
    createdAt: stringAt(json, 'createdAt', 'createdAt'),
    machine: validateMachine(json),
    options: objectAt(json, 'options', 'options') as RunOptions,
    points: points.map((p, i) => validatePoint(p, `points[${i}]`)),
  };
}

// @parlab/pool: Python's multiprocessing.Pool for both strategies.
export { Pool } from './pool.js';
export { AsyncResult } from './async-result.js';
export { InitializerError, PoolStateError, PoolTerminatedError, QueueFullError, WorkerStartError } from './errors.js';
export type {
  CallbackOptions,
  HistogramSummary,
  MapOptions,
  PoolOptions,
  PoolStats,
  PoolWorkerInfo,
  TaskFunction,
  TaskOptions,
  WorkerErrorEvent,
} from './types.js';

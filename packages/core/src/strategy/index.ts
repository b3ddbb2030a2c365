// Picks a strategy by name; the rest of parlab never touches child_process or worker_threads.
import type { StrategyName } from '../types.js';
import { spawnProcess } from './process.js';
import { spawnThread } from './thread.js';
import type { SpawnOptions, StrategyWorker } from './types.js';

export { currentThreadId } from './thread.js';
export type { ExitInfo, ParentChannel, SpawnOptions, StrategyWorker } from './types.js';

export function spawnWorker(strategy: StrategyName, options: SpawnOptions): StrategyWorker {
  return strategy === 'process' ? spawnProcess(options) : spawnThread(options);
}

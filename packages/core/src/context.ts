// Who this process or thread is: current_process(), parent_process() and cpu_count() for parlab.
import { availableParallelism } from 'node:os';
import { currentThreadId } from './strategy/index.js';
import type { ProcessInfo, StrategyName } from './types.js';

/** What a child is told about itself when it boots. */
export interface Identity {
  readonly name: string;
  readonly daemon: boolean;
  readonly strategy: StrategyName;
  /** Python's `_identity`: the path of child numbers from the main process (names `Process-1:2`). */
  readonly path: readonly number[];
  readonly parent: ProcessInfo;
}

let current: ProcessInfo = { name: 'MainProcess', pid: process.pid, threadId: currentThreadId(), daemon: false, strategy: null };
let parent: ProcessInfo | null = null;
let path: readonly number[] = [];
let childCount = 0;

/** Called once by the child runtime when it boots. */
export function setIdentity(identity: Identity): void {
  current = {
    name: identity.name,
    pid: process.pid,
    threadId: currentThreadId(),
    daemon: identity.daemon,
    strategy: identity.strategy,
  };
  parent = identity.parent;
  path = identity.path;
  childCount = 0;
}

/** The process (or thread) this code runs in: name, pid, threadId, daemon, strategy. */
export function currentProcess(): ProcessInfo {
  return current;
}

/** The process that started this one, or null in the program's main process. */
export function parentProcess(): ProcessInfo | null {
  return parent;
}

/** The number of logical CPUs this process may use. */
export function cpuCount(): number {
  return availableParallelism();
}

/** The identity path and default name of the next child started from here. */
export function nextChild(): { path: readonly number[]; defaultName: string } {
  childCount++;
  const childPath = [...path, childCount];
  return { path: childPath, defaultName: `Process-${childPath.join(':')}` };
}

// Public types shared by every parlab package.

/** The two ways parlab runs code in parallel: child processes or worker threads. */
export type StrategyName = 'process' | 'thread';

/** Both strategies, in the order tests and benchmarks list them. */
export const STRATEGIES: readonly StrategyName[] = ['process', 'thread'];

/** A function or class named the way pickle names it: the module that exports it and the export's name. */
export interface TargetRef {
  /** `file:` URL (or absolute path) of a built ES module. */
  readonly module: string;
  /** Name of the export. */
  readonly export: string;
}

/** Memory limits for a worker. Under `process` they become `--max-old-space-size`. */
export interface ResourceLimits {
  /** Old-generation heap size in MiB. */
  readonly maxOldGenerationSizeMb?: number;
  /** Young-generation heap size in MiB (thread strategy only). */
  readonly maxYoungGenerationSizeMb?: number;
}

/** What identifies a running process or thread, as Python's `current_process()` reports it. */
export interface ProcessInfo {
  /** `MainProcess` in the program's main process, else the name its parent gave it. */
  readonly name: string;
  /** OS process id (a thread shares its process's pid). */
  readonly pid: number;
  /** Worker thread id; 0 on the main thread of a process. */
  readonly threadId: number;
  /** Whether it ends when its parent ends. */
  readonly daemon: boolean;
  /** How it was started, or null for the program's main process. */
  readonly strategy: StrategyName | null;
}

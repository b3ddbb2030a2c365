// Starts a child (process or thread) running a named program; used by Process, Pool and Manager.
import { CloneError, ProcessStateError } from './errors.js';
import { encodeValue, transferCollector } from './codec.js';
import { currentProcess, type Identity } from './context.js';
import { checkNotBootstrapping } from './main-module.js';
import type { BootMessage } from './protocol.js';
import { spawnWorker, type StrategyWorker } from './strategy/index.js';
import type { ResourceLimits, StrategyName, TargetRef } from './types.js';

export interface StartWorkerOptions {
  readonly strategy: StrategyName;
  /** Exported function `(context: ProgramContext) => void | Promise<void>` that the child runs. */
  readonly program: TargetRef;
  /** Input for the program; crosses like an argument (handles allowed). */
  readonly init?: unknown;
  /** How `init` is named in errors (e.g. `args`). */
  readonly initName?: string;
  readonly name: string;
  readonly daemon: boolean;
  /** Identity path for child naming; defaults to none. */
  readonly path?: readonly number[];
  readonly env?: NodeJS.ProcessEnv;
  readonly execArgv?: readonly string[];
  readonly resourceLimits?: ResourceLimits;
}

const entries: Record<StrategyName, URL> = {
  process: new URL('./runtime/entry-process.js', import.meta.url),
  thread: new URL('./runtime/entry-thread.js', import.meta.url),
};

/** Finds the part of `value` that structured clone rejects, for an error that names it. */
export function locateCloneFailure(value: unknown, path: string): string {
  try {
    structuredClone(value);
  } catch {
    if (typeof value === 'object' && value !== null) {
      const entries: [string, unknown][] =
        value instanceof Map
          ? [...value].map(([k, v]) => [`.get(${String(k)})`, v])
          : value instanceof Set
            ? [...value].map((v, i) => [`.item(${i})`, v])
            : Array.isArray(value)
              ? value.map((v, i) => [`[${i}]`, v])
              : Object.entries(value).map(([k, v]) => [`.${k}`, v]);
      for (const [suffix, item] of entries) {
        const inner = locateCloneFailure(item, `${path}${suffix}`);
        if (inner !== '') return inner;
      }
      return path;
    }
    return path;
  }
  return '';
}

/**
 * Encodes `init` (throwing CloneError before anything starts if it cannot cross), spawns the
 * child and sends it the boot message. A daemon child may not start children (ProcessStateError).
 */
export function startWorker(options: StartWorkerOptions): StrategyWorker {
  checkNotBootstrapping(options.name);
  const parent = currentProcess();
  // Python's rule (BaseProcess.start): a daemon is ended with its parent, so it must leave nothing behind.
  if (parent.daemon) throw new ProcessStateError(`daemonic processes are not allowed to have children (${parent.name} is a daemon; cannot start ${options.name})`);
  const collector = transferCollector(options.strategy);
  const initName = options.initName ?? 'init';
  const init = encodeValue(options.init, collector, initName);
  const identity: Identity = {
    name: options.name,
    daemon: options.daemon,
    strategy: options.strategy,
    path: options.path ?? [],
    parent,
  };
  const boot: BootMessage = { type: 'parlab:boot', identity, program: options.program, init };
  const worker = spawnWorker(options.strategy, {
    entry: entries[options.strategy],
    daemon: options.daemon,
    name: options.name,
    ...(options.env !== undefined ? { env: options.env } : {}),
    ...(options.execArgv !== undefined ? { execArgv: options.execArgv } : {}),
    ...(options.resourceLimits !== undefined ? { resourceLimits: options.resourceLimits } : {}),
  });
  try {
    worker.send(boot, collector.items);
  } catch (error) {
    worker.signal('SIGKILL');
    const where = locateCloneFailure(options.init, initName);
    throw new CloneError(where === '' ? initName : where, (error as Error).message, { cause: error });
  }
  return worker;
}

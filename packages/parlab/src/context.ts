// getContext(strategy): one factory per primitive, all bound to one strategy (Python's contexts).
import {
  activeChildren,
  checkStrategy,
  cpuCount,
  currentProcess,
  parentProcess,
  Process,
  type ProcessOptions,
  type StrategyName,
} from '@parlab/core';
import {
  Barrier,
  BoundedSemaphore,
  Condition,
  Event,
  Lock,
  RLock,
  Semaphore,
  type AnyLock,
  type BarrierOptions,
  type SemaphoreOptions,
} from '@parlab/barrier';
import { Manager, type ManagerOptions } from '@parlab/manager';
import {
  RawArray,
  RawValue,
  ShareableList,
  SharedArray,
  SharedMemory,
  Value,
  sharedMemoryBackend,
  type Scalar,
  type ShareableItem,
  type ShareableListOptions,
  type SharedMemoryOptions,
  type SynchronizedOptions,
  type Typecode,
} from '@parlab/shared-memory';
import { Pipe, type Connection, type PipeOptions } from '@parlab/pipe';
import { Pool, type PoolOptions } from '@parlab/pool';
import { JoinableQueue, Queue, SimpleQueue } from '@parlab/queue';

type Without<T> = Omit<T, 'strategy'>;

/** Everything parlab offers, for one strategy: what changes between the two is only this object. */
export interface Context {
  readonly strategy: StrategyName;
  /** A Process class whose instances use this context's strategy. */
  readonly Process: new (options?: Without<ProcessOptions>) => Process;
  Pool(options?: Without<PoolOptions>): Pool;
  Queue(maxsize?: number): Queue;
  JoinableQueue(maxsize?: number): JoinableQueue;
  SimpleQueue(): SimpleQueue;
  Pipe(options?: Without<PipeOptions>): Promise<[Connection, Connection]>;
  Barrier(parties: number, options?: Without<BarrierOptions>): Barrier;
  Lock(): Lock;
  RLock(): RLock;
  Semaphore(options?: Without<SemaphoreOptions>): Semaphore;
  BoundedSemaphore(options?: Without<SemaphoreOptions>): BoundedSemaphore;
  Event(): Event;
  Condition(lock?: AnyLock): Condition;
  /** Starts a manager server (a child process or a worker thread, by strategy). */
  Manager(options?: Without<ManagerOptions>): Promise<Manager>;
  /** Shared memory: a SharedArrayBuffer under `thread`, native shared memory (or its fallback) under `process`. */
  Value(typecode: Typecode, value?: Scalar, options?: Without<SynchronizedOptions>): Value;
  Array(typecode: Typecode, sizeOrInitializer: number | Iterable<Scalar>, options?: Without<SynchronizedOptions>): SharedArray;
  RawValue(typecode: Typecode, value?: Scalar): RawValue;
  RawArray(typecode: Typecode, sizeOrInitializer: number | Iterable<Scalar>): RawArray;
  SharedMemory(name: string, options?: Without<Omit<SharedMemoryOptions, 'name'>>): SharedMemory;
  SharedMemory(options?: Without<SharedMemoryOptions>): SharedMemory;
  ShareableList(sequence?: Iterable<ShareableItem> | null, options?: Without<ShareableListOptions>): ShareableList;
  /** Which shared memory backend the process strategy uses here: 'native' or 'coordinator'. */
  sharedMemoryBackend: typeof sharedMemoryBackend;
  currentProcess: typeof currentProcess;
  parentProcess: typeof parentProcess;
  activeChildren: typeof activeChildren;
  cpuCount: typeof cpuCount;
}

const contexts = new Map<StrategyName, Context>();

function makeContext(strategy: StrategyName): Context {
  class ContextProcess extends Process {
    constructor(options: Without<ProcessOptions> = {}) {
      super({ ...options, strategy });
    }
  }
  return Object.freeze({
    strategy,
    Process: ContextProcess,
    Pool: (options = {}) => new Pool({ ...options, strategy }),
    Queue: (maxsize = 0) => new Queue(maxsize),
    JoinableQueue: (maxsize = 0) => new JoinableQueue(maxsize),
    SimpleQueue: () => new SimpleQueue(),
    Pipe: (options = {}) => Pipe({ ...options, strategy }),
    Barrier: (parties, options = {}) => new Barrier(parties, { ...options, strategy }),
    Lock: () => new Lock({ strategy }),
    RLock: () => new RLock({ strategy }),
    Semaphore: (options = {}) => new Semaphore({ ...options, strategy }),
    BoundedSemaphore: (options = {}) => new BoundedSemaphore({ ...options, strategy }),
    Event: () => new Event({ strategy }),
    Condition: (lock) => new Condition(lock, { strategy }),
    Manager: (options = {}) => Manager.start({ ...options, strategy }),
    Value: (typecode, value, options = {}) => new Value(typecode, value, { ...options, strategy }),
    Array: (typecode, sizeOrInitializer, options = {}) => new SharedArray(typecode, sizeOrInitializer, { ...options, strategy }),
    RawValue: (typecode, value) => new RawValue(typecode, value, { strategy }),
    RawArray: (typecode, sizeOrInitializer) => new RawArray(typecode, sizeOrInitializer, { strategy }),
    SharedMemory: (nameOrOptions?: string | Without<SharedMemoryOptions>, options: Without<SharedMemoryOptions> = {}) =>
      typeof nameOrOptions === 'string' ? new SharedMemory(nameOrOptions, { ...options, strategy }) : new SharedMemory({ ...nameOrOptions, strategy }),
    ShareableList: (sequence, options = {}) => new ShareableList(sequence, { ...options, strategy }),
    sharedMemoryBackend,
    currentProcess,
    parentProcess,
    activeChildren,
    cpuCount,
  } satisfies Context);
}

/** The context for `strategy` (`'process'` or `'thread'`), as Python's `get_context(method)`. */
export function getContext(strategy: StrategyName): Context {
  checkStrategy(strategy);
  let context = contexts.get(strategy);
  if (context === undefined) {
    context = makeContext(strategy);
    contexts.set(strategy, context);
  }
  return context;
}

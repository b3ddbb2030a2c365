// parlab: the umbrella package — getContext(strategy) and every primitive by name.
export { getContext } from './context.js';
export type { Context } from './context.js';
export * from '@parlab/core';
export * from '@parlab/pool';
export { Queue, JoinableQueue, SimpleQueue, Empty, Full, QueueStateError } from '@parlab/queue';
export { Pipe, EOFError, BrokenPipeError, BufferTooShortError, ConnectionStateError } from '@parlab/pipe';
export type { Connection, PipeOptions } from '@parlab/pipe';
export { Barrier, Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, BrokenBarrierError, CoordinatorLostError, SyncStateError } from '@parlab/barrier';
export type { AcquireResult, AnyLock, BarrierOptions, SemaphoreOptions, SyncOptions } from '@parlab/barrier';
export { Manager, ManagerClient, AuthenticationError, RemoteError, ManagerLostError } from '@parlab/manager';
export type { ManagerOptions, DictProxy, ListProxy, NamespaceProxy, ValueProxy } from '@parlab/manager';
export { RawArray, RawValue, ShareableList, SharedArray, SharedMemory, Value, FileExistsError, FileNotFoundError, SharedMemoryError, backendInfo, sharedMemoryBackend } from '@parlab/shared-memory';
export type { Backend, BackendInfo, Scalar, ShareableItem, ShareableListOptions, SharedMemoryOptions, SharedOptions, SynchronizedOptions, Typecode } from '@parlab/shared-memory';

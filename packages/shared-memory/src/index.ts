// @parlab/shared-memory: Python's Value, Array, RawValue, RawArray, SharedMemory and ShareableList for both strategies.
export { RawValue, Value } from './value.js';
export { RawArray, SharedArray, SharedArray as Array } from './array.js';
export { SharedMemory } from './shared-memory.js';
export type { SharedMemoryOptions } from './shared-memory.js';
export { ShareableList } from './shareable-list.js';
export type { ShareableItem, ShareableListOptions } from './shareable-list.js';
export type { SharedOptions, SynchronizedOptions } from './options.js';
export type { Scalar, Typecode } from './typecodes.js';
export { BACKEND_ENV, FileExistsError, FileNotFoundError, SharedMemoryError, backendInfo, sharedMemoryBackend } from '@parlab/shm';
export type { Backend, BackendInfo } from '@parlab/shm';

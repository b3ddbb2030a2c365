// @parlab/shm: shared memory segments for both strategies — native, the file fallback, thread buffers — and the tracker.
export { ADDON_ENV, ADDON_PATH, BACKEND_ENV, backendInfo, nativeAddon, sharedMemoryBackend } from './native.js';
export type { Backend, BackendInfo } from './native.js';
export { FileExistsError, FileNotFoundError, SharedMemoryError } from './errors.js';
export { MappedMemory } from './memory.js';
export type { Memory } from './memory.js';
export { checkName, randomName } from './names.js';
export { Segment, adoptThreadSegment, attachSegment, createSegment, pathOf, processKind, unlinkSegment } from './segment.js';
export type { SegmentKind } from './segment.js';
export { allocateRegion, attachRegion } from './region.js';
export type { Region, RegionRef } from './region.js';
export { NativeWords, allocateWords, attachWords, waitWord, waitWordSync, wakeWord } from './futex.js';
export type { PendingWordWait, WordWaitOutcome } from './futex.js';
export { OWNER_FLAG, ownerTag } from './tracker.js';

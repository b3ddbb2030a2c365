// Loads the native addon (built by scripts/build-addon.mjs) and says which backend the process strategy uses, and why.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** `native`: POSIX shared memory and futexes; `coordinator`: files for memory, the coordinator for waiting. */
export type Backend = 'native' | 'coordinator';

/** Set to `coordinator` to force the fallback (`native` to insist on the addon); read once per process. */
export const BACKEND_ENV = 'PARLAB_SHARED_MEMORY';
/** Another addon file to load (tests point it at a missing one to see the fallback). */
export const ADDON_ENV = 'PARLAB_SHM_ADDON';
/** Where scripts/build-addon.mjs writes the addon. */
export const ADDON_PATH = fileURLToPath(new URL('../../native/build/parlab_shm.node', import.meta.url));

/** The addon's functions (native/parlab_shm.c). Outcomes of waits: 0 woken, 1 not equal, 2 timed out. */
export interface NativeAddon {
  create(name: string, size: number): ArrayBuffer;
  attach(name: string): ArrayBuffer;
  unlink(name: string): void;
  wake(words: Int32Array, index: number, count: number): number;
  /** Blocks the calling thread. */
  wait(words: Int32Array, index: number, expected: number, timeoutMs: number): number;
  /** A number when the word already differs, else the outcome's promise and the wait's id (for cancel). */
  waitAsync(words: Int32Array, index: number, expected: number, timeoutMs: number): number | [Promise<number>, number];
  cancel(id: number): void;
  connect(address: string, hello: Buffer): number;
}

export interface BackendInfo {
  readonly backend: Backend;
  /** Why: forced by the environment, the addon missing or failing to load (with its error), or loaded from where. */
  readonly reason: string;
}

let loaded: { readonly addon: NativeAddon | null; readonly info: BackendInfo } | null = null;

function load(): { readonly addon: NativeAddon | null; readonly info: BackendInfo } {
  const wanted = process.env[BACKEND_ENV] ?? '';
  if (wanted !== '' && wanted !== 'native' && wanted !== 'coordinator') {
    throw new RangeError(`${BACKEND_ENV} must be 'native', 'coordinator' or unset, got '${wanted}'`);
  }
  const fallback = (reason: string): { addon: null; info: BackendInfo } => {
    if (wanted === 'native') throw new Error(`${BACKEND_ENV}=native, but ${reason}`);
    return { addon: null, info: { backend: 'coordinator', reason } };
  };
  if (wanted === 'coordinator') return fallback(`forced by ${BACKEND_ENV}=coordinator`);
  if (process.platform !== 'linux') return fallback(`native shared memory needs Linux (futex, /dev/shm); this is ${process.platform}`);
  const path = process.env[ADDON_ENV] || ADDON_PATH;
  if (!existsSync(path)) return fallback(`the native addon is not built (${path} is missing; scripts/setup builds it)`);
  try {
    const addon = createRequire(import.meta.url)(path) as NativeAddon;
    return { addon, info: { backend: 'native', reason: `the native addon is loaded from ${path}` } };
  } catch (error) {
    return fallback(`the native addon did not load: ${(error as Error).message}`);
  }
}

function state(): { readonly addon: NativeAddon | null; readonly info: BackendInfo } {
  loaded ??= load();
  return loaded;
}

/** Which backend the process strategy uses in this process: 'native' or 'coordinator'. */
export function sharedMemoryBackend(): Backend {
  return state().info.backend;
}

/** The backend and the reason for it (for a bench or a report to record). */
export function backendInfo(): BackendInfo {
  return state().info;
}

/** The addon, or null under the fallback. */
export function nativeAddon(): NativeAddon | null {
  return state().addon;
}

/** The addon, for code that only runs under the native backend. */
export function requireAddon(): NativeAddon {
  const addon = state().addon;
  if (addon === null) throw new Error(`the native shared memory addon is not in use: ${state().info.reason}`);
  return addon;
}

// Public options and proxy types of the manager package.
import type { Shareable, StrategyName, TargetRef } from '@parlab/core';
import type { ListenAddress } from './protocol.js';

export type { ListenAddress };

/** Where a manager listens: a Unix socket path, or a TCP port (host defaults to loopback). */
export type AddressOption = { readonly path: string } | { readonly port: number; readonly host?: string };

export interface ManagerOptions {
  /** `process`: the server is a child process; `thread`: a worker thread. Defaults to getDefaultStrategy(). */
  readonly strategy?: StrategyName;
  /**
   * Network mode: listen here so other programs can connect with `Manager.connect()`. Without it
   * the server listens on a private Unix socket (Linux abstract namespace) only this program's
   * children learn of, through the proxies they are given.
   */
  readonly address?: AddressOption;
  /** The shared secret for the HMAC handshake; random (32 bytes) when not given. */
  readonly authkey?: string | Uint8Array;
  /** The largest frame an authenticated connection may send, in bytes (default 64 MiB); a bigger one closes it. */
  readonly maxFrameBytes?: number;
  /** Print refused connections (bad frames, wrong keys) on stderr, at most 10 lines a second; default true. */
  readonly log?: boolean;
  /** How long start() and this program's own handshakes may take (default 15 000 ms). */
  readonly timeoutMs?: number;
  /** The server destroys a connection that has not completed the handshake within this (default 10 000 ms). */
  readonly handshakeTimeoutMs?: number;
  /** Connections that may wait for their handshake at once (default 128); past it the oldest waiting one is destroyed. */
  readonly maxUnauthenticatedConnections?: number;
  /**
   * Bytes an unauthenticated connection may have sent beyond what the handshake has read (default
   * 64 KiB, at least 1024); more destroys it. Reading pauses between handshake frames, so this is
   * what arrives with them: an honest client's first calls can come in the same read (up to 64 KiB).
   */
  readonly maxUnauthenticatedBytes?: number;
}

export interface ConnectOptions {
  readonly address: AddressOption;
  readonly authkey: string | Uint8Array;
  readonly maxFrameBytes?: number;
  readonly timeoutMs?: number;
}

export interface RegisterOptions {
  /** Method names proxies may call; default: every public method (not starting with `_`). */
  readonly exposed?: readonly string[];
}

/** A factory for register(): an exported function or class registered with defineTargets, or a TargetRef. */
export type Factory = ((...args: never[]) => object) | (abstract new (...args: never[]) => object) | TargetRef;

/** Options for a blocking proxy call: a timeout (sent to the server) and a signal (kept here). */
export interface CallOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** Every proxy: it can be passed to a Process or pool task, and names its object. */
export interface ProxyBase extends Shareable {}

/** A proxy for a custom type: each method of T, called remotely and awaited. */
export type Remote<T> = ProxyBase & {
  readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

export interface DictProxy<K = unknown, V = unknown> extends ProxyBase {
  /** The value, or `fallback` (default undefined) when missing. */
  get(key: K, fallback?: V): Promise<V | undefined>;
  /** The value; rejects with KeyError when missing (Python's d[key]). */
  getItem(key: K): Promise<V>;
  set(key: K, value: V): Promise<void>;
  has(key: K): Promise<boolean>;
  delete(key: K): Promise<boolean>;
  pop(key: K, fallback?: V): Promise<V>;
  setdefault(key: K, value: V): Promise<V>;
  update(entries: Iterable<readonly [K, V]> | Record<string, V>): Promise<void>;
  keys(): Promise<K[]>;
  values(): Promise<V[]>;
  entries(): Promise<[K, V][]>;
  copy(): Promise<Map<K, V>>;
  size(): Promise<number>;
  clear(): Promise<void>;
}

export interface ListProxy<T = unknown> extends ProxyBase {
  /** Negative indices count from the end; IndexError when out of range. */
  get(index: number): Promise<T>;
  set(index: number, value: T): Promise<void>;
  append(value: T): Promise<void>;
  extend(values: T[]): Promise<void>;
  insert(index: number, value: T): Promise<void>;
  pop(index?: number): Promise<T>;
  remove(value: T): Promise<void>;
  index(value: T): Promise<number>;
  count(value: T): Promise<number>;
  length(): Promise<number>;
  slice(start?: number, end?: number): Promise<T[]>;
  toArray(): Promise<T[]>;
  reverse(): Promise<void>;
  sort(): Promise<void>;
  clear(): Promise<void>;
}

export interface NamespaceProxy extends ProxyBase {
  /** KeyError when the attribute is missing. */
  get<T = unknown>(name: string): Promise<T>;
  set(name: string, value: unknown): Promise<void>;
  delete(name: string): Promise<boolean>;
  toObject(): Promise<Record<string, unknown>>;
}

export interface ValueProxy<T = unknown> extends ProxyBase {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Adds in one step on the server (no update lost between clients); resolves the new value. */
  add(delta: number): Promise<number>;
}

export interface QueueProxy<T = unknown> extends ProxyBase {
  /** Rejects with FullError when the queue stays full past `timeoutMs` (0: do not wait). */
  put(item: T, options?: CallOptions): Promise<void>;
  /** Rejects with EmptyError when the queue stays empty past `timeoutMs` (0: do not wait). */
  get(options?: CallOptions): Promise<T>;
  qsize(): Promise<number>;
  empty(): Promise<boolean>;
  full(): Promise<boolean>;
}

export interface LockProxy extends ProxyBase {
  /** `ownerDied`: the previous holder's connection ended while it held the lock. */
  acquire(options?: CallOptions): Promise<{ acquired: boolean; ownerDied: boolean }>;
  release(): Promise<void>;
  locked(): Promise<boolean>;
}

export interface EventProxy extends ProxyBase {
  set(): Promise<void>;
  clear(): Promise<void>;
  isSet(): Promise<boolean>;
  wait(options?: CallOptions): Promise<boolean>;
}

export interface BarrierProxy extends ProxyBase {
  /** Resolves the arrival index; BrokenBarrierError on timeout, abort or reset (Python's rules). */
  wait(options?: CallOptions): Promise<number>;
  abort(): Promise<void>;
  reset(): Promise<void>;
  parties(): Promise<number>;
  nWaiting(): Promise<number>;
  broken(): Promise<boolean>;
}

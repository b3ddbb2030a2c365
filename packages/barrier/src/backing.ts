// Where a primitive's state lives (shared words under `thread`, native shared memory or a coordinator under `process`) and how it crosses.
import { checkSignal, checkStrategy, getDefaultStrategy, waitTimeout, type EncodeContext, type ReviveContext, type StrategyName } from '@parlab/core';
import { allocateWords, attachWords, sharedMemoryBackend, backendInfo, type RegionRef } from '@parlab/shm';
import { threadId, type MessagePort } from 'node:worker_threads';
import { channelTo, localChannel, type Channel } from './channel.js';
import { localCoordinator, type Definition } from './coordinator.js';
import { CoordinatorLostError, SyncStateError } from './errors.js';
import { announceSelf, watchReceiver } from './liveness.js';
import { Op, Status, type OpCode, type Reply } from './protocol.js';
import { SELF, newWords } from './shared-memory.js';
import type { WaitOptions } from './types.js';

export interface ThreadBacking {
  readonly strategy: 'thread';
  readonly words: Int32Array;
  /** Names the primitive across threads (the words' buffer is a new object in each thread). */
  readonly id: string;
  /** The caller's owner token (its thread). */
  readonly self: number;
  readonly lost: undefined;
}

/**
 * The fast path: the state in native shared memory, changed with Atomics by every party and slept
 * on with futexes; the coordinator only learns who holds it, to free a dead holder's lock and to
 * break a barrier whose party died.
 */
export interface NativeBacking {
  readonly strategy: 'process';
  readonly words: Int32Array;
  readonly ref: RegionRef;
  readonly channel: Channel;
  readonly id: number;
  /** The caller's owner token (its channel's, unique for this coordinator). */
  readonly self: number;
  /** Aborts when the coordinator is gone (undefined in the creating process, which is the coordinator). */
  readonly lost: AbortSignal | undefined;
}

/** The fallback: the state inside the coordinator, reached by a request per operation. */
export interface CoordinatorBacking {
  readonly strategy: 'process';
  readonly words: null;
  readonly channel: Channel;
  readonly id: number;
}

export type Backing = ThreadBacking | NativeBacking | CoordinatorBacking;
/** A backing whose state is in shared words: the algorithms of shared-memory.ts run on it. */
export type WordsBacking = ThreadBacking | NativeBacking;
export type ProcessBacking = NativeBacking | CoordinatorBacking;

/** A backing as it crosses: shared words (and a liveness port), or a coordinator address and object id (and the native words, if any). */
export type WireBacking =
  | { readonly strategy: 'thread'; readonly words: Int32Array; readonly id: string; readonly port: number | null }
  | { readonly strategy: 'process'; readonly address: string; readonly id: number; readonly native: NativeWire | null };

interface NativeWire {
  readonly ref: RegionRef;
  /** The coordinator's token counter, from which a new channel takes its token. */
  readonly control: RegionRef;
}

export function strategyOption(value: unknown): StrategyName {
  return value === undefined ? getDefaultStrategy() : checkStrategy(value, 'options.strategy');
}

let created = 0;

/** A new thread backing: fresh shared words and an id unique across the process. */
export function threadBacking(words: number): ThreadBacking {
  return { strategy: 'thread', words: newWords(words), id: `${process.pid}:${threadId}:${++created}`, self: SELF, lost: undefined };
}

function nativeBacking(channel: Channel, id: number, ref: RegionRef, words: Int32Array): NativeBacking {
  return { strategy: 'process', words, ref, channel, id, self: channel.token, lost: channel.lost };
}

/** A backing for a new primitive: shared words under `thread`, native words or the coordinator under `process` (by the backend in use). */
export function createBacking(strategy: StrategyName, count: number, definition: Definition): Backing {
  if (strategy === 'thread') return threadBacking(count);
  const coordinator = localCoordinator();
  if (sharedMemoryBackend() === 'native') {
    const { ref, words } = allocateWords(count);
    return nativeBacking(localChannel(), coordinator.defineNative(definition, words), ref, words);
  }
  return { strategy, words: null, channel: localChannel(), id: coordinator.define(definition) };
}

/** The backing's shared words, when its state is in shared memory (thread, or native process). */
export function hasWords(backing: Backing): backing is WordsBacking {
  return backing.words !== null;
}

/**
 * The backing ready to cross. A shared-memory primitive can only reach threads of this process;
 * `onDeath`, when given, runs here when the receiving thread ends.
 */
export function backingToWire(backing: Backing, context: EncodeContext, what: string, onDeath?: (token: number) => void): WireBacking {
  if (backing.strategy === 'process') {
    const native = backing.words === null ? null : { ref: backing.ref, control: localCoordinator().control() };
    return { strategy: 'process', address: backing.channel.address(), id: backing.id, native };
  }
  if (context.strategy !== 'thread') {
    throw new TypeError(`a ${what} created with strategy 'thread' lives in shared memory and cannot reach a child process; create it with { strategy: 'process' }`);
  }
  return { strategy: 'thread', words: backing.words, id: backing.id, port: onDeath === undefined ? null : watchReceiver(context, onDeath) };
}

export function backingFromWire(wire: WireBacking, context: ReviveContext): Backing {
  if (wire.strategy === 'thread') {
    if (wire.port !== null) announceSelf(context.transferred(wire.port) as MessagePort, wire.id);
    return { strategy: 'thread', words: wire.words, id: wire.id, self: SELF, lost: undefined };
  }
  if (wire.native !== null && sharedMemoryBackend() !== 'native') {
    throw new TypeError(`this primitive keeps its state in native shared memory, which this process cannot use: ${backendInfo().reason}`);
  }
  const channel = channelTo(wire.address, wire.native?.control ?? null);
  channel.post(Op.attach, wire.id, 0);
  return wire.native === null ? { strategy: 'process', words: null, channel, id: wire.id } : nativeBacking(channel, wire.id, wire.native.ref, attachWords(wire.native.ref));
}

/** No limit and no signal, shared: an uncontended call without options allocates nothing for them. */
const NO_WAIT_OPTIONS = Object.freeze({ timeoutMs: undefined, signal: undefined });

/**
 * Checks a wait's options (rejecting an already aborted signal), with `fallbackMs` as the timeout when
 * none is given. A negative timeout is 0 (try once), as multiprocessing's SemLock reads it.
 */
export function waitOptions(options: WaitOptions | undefined, fallbackMs?: number): { readonly timeoutMs: number | undefined; readonly signal: AbortSignal | undefined } {
  if (options === undefined && fallbackMs === undefined) return NO_WAIT_OPTIONS;
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new TypeError('options must be an object');
  const checked = { timeoutMs: waitTimeout(options?.timeoutMs ?? fallbackMs), signal: checkSignal(options?.signal) };
  checked.signal?.throwIfAborted();
  return checked;
}

/** Throws CoordinatorLostError when a native primitive's coordinator is gone, as every request would under the fallback. */
export function live(backing: WordsBacking): Int32Array {
  if (backing.lost?.aborted === true) throw backing.lost.reason;
  return backing.words;
}

/**
 * The backing for a blocking method (`method` names it): shared words under `thread`, native shared
 * memory under `process`; under the coordinator fallback there is nothing to block on.
 */
export function syncBacking(backing: Backing, what: string, method: string): WordsBacking {
  if (backing.words !== null) {
    live(backing);
    return backing;
  }
  throw new TypeError(
    `${what}.${method}() exists only under the thread strategy, or under 'process' with native shared memory (here: ${backendInfo().reason}); use the async method`,
  );
}

/** Turns an error status into the error the caller sees; `what` names the primitive. */
export function statusError(reply: Reply, what: string): Error {
  switch (reply.status) {
    case Status.notLocked:
      return new SyncStateError(`cannot release an unlocked ${what}`);
    case Status.notOwner:
      return new SyncStateError(`${what}: the caller does not hold the lock`);
    case Status.overRelease:
      return new SyncStateError(`${what} released too many times (value ${reply.value})`);
    default:
      return new CoordinatorLostError(`${what}: the coordinator does not know this object (status ${reply.status})`);
  }
}

/** A request that must succeed (release, set, notify…): resolves on OK, else throws the status's error. */
export async function command(backing: CoordinatorBacking, op: OpCode, arg: number, what: string): Promise<Reply> {
  const reply = await backing.channel.call(op, backing.id, arg, undefined);
  if (reply.status !== Status.ok) throw statusError(reply, what);
  return reply;
}

// Where a primitive's state lives (shared words under `thread`, a coordinator under `process`) and how it crosses.
import { checkSignal, checkStrategy, getDefaultStrategy, waitTimeout, type EncodeContext, type ReviveContext, type StrategyName } from '@parlab/core';
import { threadId, type MessagePort } from 'node:worker_threads';
import { channelTo, localChannel, type Channel } from './channel.js';
import { localCoordinator, type Definition } from './coordinator.js';
import { CoordinatorLostError, SyncStateError } from './errors.js';
import { announceSelf, watchReceiver } from './liveness.js';
import { Op, Status, type OpCode, type Reply } from './protocol.js';
import { newWords } from './shared-memory.js';
import type { WaitOptions } from './types.js';

export interface ThreadBacking {
  readonly strategy: 'thread';
  readonly words: Int32Array;
  /** Names the primitive across threads (the words' buffer is a new object in each thread). */
  readonly id: string;
}

export interface ProcessBacking {
  readonly strategy: 'process';
  readonly channel: Channel;
  readonly id: number;
}

export type Backing = ThreadBacking | ProcessBacking;

/** A backing as it crosses: shared words (and a liveness port) or a coordinator address and object id. */
export type WireBacking =
  | { readonly strategy: 'thread'; readonly words: Int32Array; readonly id: string; readonly port: number | null }
  | { readonly strategy: 'process'; readonly address: string; readonly id: number };

export function strategyOption(value: unknown): StrategyName {
  return value === undefined ? getDefaultStrategy() : checkStrategy(value, 'options.strategy');
}

let created = 0;

/** A new thread backing: fresh shared words and an id unique across the process. */
export function threadBacking(words: number): ThreadBacking {
  return { strategy: 'thread', words: newWords(words), id: `${process.pid}:${threadId}:${++created}` };
}

export function createBacking(strategy: StrategyName, words: number, definition: Definition): Backing {
  if (strategy === 'thread') return threadBacking(words);
  return { strategy, channel: localChannel(), id: localCoordinator().define(definition) };
}

/**
 * The backing ready to cross. A shared-memory primitive can only reach threads of this process;
 * `onDeath`, when given, runs here when the receiving thread ends.
 */
export function backingToWire(backing: Backing, context: EncodeContext, what: string, onDeath?: (token: number) => void): WireBacking {
  if (backing.strategy === 'process') return { strategy: 'process', address: backing.channel.address(), id: backing.id };
  if (context.strategy !== 'thread') {
    throw new TypeError(`a ${what} created with strategy 'thread' lives in shared memory and cannot reach a child process; create it with { strategy: 'process' }`);
  }
  return { strategy: 'thread', words: backing.words, id: backing.id, port: onDeath === undefined ? null : watchReceiver(context, onDeath) };
}

export function backingFromWire(wire: WireBacking, context: ReviveContext): Backing {
  if (wire.strategy === 'thread') {
    if (wire.port !== null) announceSelf(context.transferred(wire.port) as MessagePort, wire.id);
    return { strategy: 'thread', words: wire.words, id: wire.id };
  }
  const channel = channelTo(wire.address);
  channel.post(Op.attach, wire.id, 0);
  return { strategy: 'process', channel, id: wire.id };
}

/**
 * Checks a wait's options (rejecting an already aborted signal), with `fallbackMs` as the timeout when
 * none is given. A negative timeout is 0 (try once), as multiprocessing's SemLock reads it.
 */
export function waitOptions(options: WaitOptions | undefined, fallbackMs?: number): { timeoutMs: number | undefined; signal: AbortSignal | undefined } {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new TypeError('options must be an object');
  const checked = { timeoutMs: waitTimeout(options?.timeoutMs ?? fallbackMs), signal: checkSignal(options?.signal) };
  checked.signal?.throwIfAborted();
  return checked;
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
export async function command(backing: ProcessBacking, op: OpCode, arg: number, what: string): Promise<Reply> {
  const reply = await backing.channel.call(op, backing.id, arg, undefined);
  if (reply.status !== Status.ok) throw statusError(reply, what);
  return reply;
}

// Condition: waiting for a change announced by notify, with a lock held around the check.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import { deadlineOf, runAsync } from './atomics.js';
import { backingFromWire, backingToWire, command, createBacking, live, statusError, strategyOption, threadBacking, waitOptions, type Backing, type WireBacking } from './backing.js';
import { localChannel } from './channel.js';
import { localCoordinator } from './coordinator.js';
import { SyncStateError } from './errors.js';
import { RLock, type AnyLock } from './lock.js';
import { Op, Status } from './protocol.js';
import { CONDITION_WORDS, conditionNotify, conditionWait } from './shared-memory.js';
import type { SyncOptions, WaitOptions } from './types.js';

const REVIVE = Symbol('revive');

interface ConditionWire {
  readonly lock: AnyLock;
  readonly backing: WireBacking;
}

function checkLock(lock: unknown): AnyLock {
  if (typeof lock !== 'object' || lock === null || !('backing' in lock) || typeof (lock as AnyLock).acquire !== 'function') {
    throw new TypeError('lock must be a Lock or an RLock');
  }
  return lock as AnyLock;
}

/** Python's multiprocessing.Condition; its lock defaults to a new RLock. */
export class Condition {
  readonly #lock: AnyLock;
  readonly #backing: Backing;

  constructor(lock?: AnyLock, options?: SyncOptions);
  /** @internal */
  constructor(lock: AnyLock, options: typeof REVIVE, backing: Backing);
  constructor(lock?: AnyLock, options: SyncOptions | typeof REVIVE = {}, backing?: Backing) {
    if (options === REVIVE && lock !== undefined && backing !== undefined) {
      this.#lock = lock;
      this.#backing = backing;
      return;
    }
    if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
    this.#lock = lock === undefined ? new RLock({ strategy: strategyOption(options.strategy) }) : checkLock(lock);
    const lockBacking = this.#lock.backing;
    if (options.strategy !== undefined && strategyOption(options.strategy) !== lockBacking.strategy) {
      throw new TypeError(`options.strategy is '${options.strategy}' but the lock was created for '${lockBacking.strategy}'`);
    }
    if (lockBacking.strategy === 'thread') {
      this.#backing = threadBacking(CONDITION_WORDS);
    } else {
      if (lockBacking.channel !== localChannel()) throw new TypeError('create a Condition in the process that created its lock');
      // Its words, like its lock's, are in native shared memory when the lock's are; else the coordinator keeps both.
      this.#backing =
        lockBacking.words !== null
          ? createBacking('process', CONDITION_WORDS, { kind: 'condition', lock: lockBacking.id })
          : { strategy: 'process', words: null, channel: lockBacking.channel, id: localCoordinator().define({ kind: 'condition', lock: lockBacking.id }) };
    }
  }

  get lock(): AnyLock {
    return this.#lock;
  }

  acquire(options?: WaitOptions): ReturnType<AnyLock['acquire']> {
    return this.#lock.acquire(options);
  }

  release(): Promise<void> {
    return this.#lock.release();
  }

  /**
   * Releases the lock, waits for a notify (or `timeoutMs`), and takes the lock back before it
   * settles, whatever happened. Resolves true when notified, false on timeout; an error when the
   * caller does not hold the lock.
   */
  async wait(options?: WaitOptions): Promise<boolean> {
    const { timeoutMs, signal } = waitOptions(options);
    const backing = this.#backing;
    if (backing.words !== null) {
      const lock = this.#lock.backing;
      if (lock.words === null || !this.#lock.heldBySelf()) throw new SyncStateError('Condition.wait() needs its lock held');
      return runAsync(conditionWait(live(backing), lock.words, timeoutMs !== 0, lock.self), deadlineOf(timeoutMs), signal, backing.lost);
    }
    const reply = await backing.channel.call(Op.conditionWait, backing.id, 0, timeoutMs, signal);
    if (reply.status === Status.notOwner) throw new SyncStateError('Condition.wait() needs its lock held');
    if (reply.status === Status.cancelled || signal?.aborted === true) throw signal?.reason;
    if (reply.status !== Status.ok) throw statusError(reply, 'Condition');
    return reply.value === 1;
  }

  /** Waits until `predicate()` is truthy (checked with the lock held) or `timeoutMs` passes; resolves its last result. */
  async waitFor<T>(predicate: () => T | Promise<T>, options?: WaitOptions): Promise<T> {
    if (typeof predicate !== 'function') throw new TypeError('predicate must be a function');
    const { timeoutMs, signal } = waitOptions(options);
    const deadline = deadlineOf(timeoutMs);
    let result = await predicate();
    while (!result) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      await this.wait({ ...(deadline === Infinity ? {} : { timeoutMs: left }), ...(signal !== undefined ? { signal } : {}) });
      result = await predicate();
    }
    return result;
  }

  /** Wakes up to `n` waiters; the caller must hold the lock. */
  async notify(n = 1): Promise<void> {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer ≥ 0, got ${String(n)}`);
    const backing = this.#backing;
    if (backing.words !== null) {
      if (!this.#lock.heldBySelf()) throw new SyncStateError('Condition.notify() needs its lock held');
      return conditionNotify(live(backing), n);
    }
    await command(backing, Op.conditionNotify, n, 'Condition');
  }

  notifyAll(): Promise<void> {
    return this.notify(0x7fff_ffff);
  }

  [toHandle](context: EncodeContext): HandleDescriptor {
    const wire: ConditionWire = { lock: this.#lock, backing: backingToWire(this.#backing, context, 'Condition') };
    return { reviver: targetRef(new URL(import.meta.url), 'reviveCondition'), state: wire };
  }
}

export function reviveCondition(state: unknown, context: ReviveContext): Condition {
  const wire = state as ConditionWire;
  return new Condition(wire.lock, REVIVE, backingFromWire(wire.backing, context));
}

// Lock and RLock: mutual exclusion across processes or threads, robust when a holder dies.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import { checkMayBlock, deadlineOf, runAsync, runSync } from './atomics.js';
import {
  backingFromWire,
  backingToWire,
  command,
  createBacking,
  live,
  strategyOption,
  syncBacking,
  waitOptions,
  type Backing,
  type WireBacking,
} from './backing.js';
import { Flag, Op, Status } from './protocol.js';
import { LOCK_WORDS, lockAcquire, lockHeldBySelf, lockLocked, lockOwnerDied, lockRelease, lockTry } from './shared-memory.js';
import type { AcquireResult, SyncOptions, WaitOptions } from './types.js';

const REVIVE = Symbol('revive');
/** What an uncontended acquire and a release on shared words resolve to: settled once, shared by every call. */
const ACQUIRED: Promise<AcquireResult> = Promise.resolve(Object.freeze({ acquired: true, ownerDied: false }));
const RELEASED: Promise<void> = Promise.resolve();

interface LockWire {
  readonly reentrant: boolean;
  readonly backing: WireBacking;
}

/** What Lock and RLock share; they differ only in re-entry and who may release. */
abstract class LockBase {
  readonly #backing: Backing;
  readonly #reentrant: boolean;

  constructor(reentrant: boolean, options: SyncOptions | typeof REVIVE = {}, revived?: Backing) {
    this.#reentrant = reentrant;
    if (options === REVIVE && revived !== undefined) this.#backing = revived;
    else {
      if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
      this.#backing = createBacking(strategyOption(options.strategy), LOCK_WORDS, { kind: 'lock', reentrant });
    }
  }

  /** @internal The state Condition builds on. */
  get backing(): Backing {
    return this.#backing;
  }

  get #what(): string {
    return this.#reentrant ? 'RLock' : 'Lock';
  }

  /**
   * Takes the lock, waiting up to `timeoutMs` (0: just try). Resolves `{ acquired }`; `ownerDied`
   * is true when the previous holder ended while holding it. An abort rejects with its reason.
   */
  acquire(options?: WaitOptions): Promise<AcquireResult> {
    const backing = this.#backing;
    if (backing.words !== null) {
      // An uncontended acquire on shared words is one compare-and-swap and an already settled promise.
      try {
        waitOptions(options);
        const tried = lockTry(live(backing), this.#reentrant, backing.self);
        if (typeof tried !== 'number') return tried.ownerDied ? Promise.resolve(tried) : ACQUIRED;
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#acquire(options);
  }

  async #acquire(options: WaitOptions | undefined): Promise<AcquireResult> {
    const { timeoutMs, signal } = waitOptions(options);
    const backing = this.#backing;
    if (backing.words !== null) {
      return runAsync(lockAcquire(backing.words, this.#reentrant, timeoutMs !== 0, backing.self), deadlineOf(timeoutMs), signal, backing.lost);
    }
    const reply = await backing.channel.call(Op.lockAcquire, backing.id, 0, timeoutMs, signal);
    if (signal?.aborted === true) {
      // The grant may have crossed the cancel: hand the lock straight back.
      if (reply.status === Status.ok) await this.release();
      throw signal.reason;
    }
    return { acquired: reply.status === Status.ok, ownerDied: (reply.flags & Flag.ownerDied) !== 0 };
  }

  /**
   * Blocking acquire (Atomics.wait under `thread`, a futex under `process` with native shared memory), for
   * worker threads and child processes; no signal, as the thread cannot see one while it sleeps.
   */
  acquireSync(options?: { readonly timeoutMs?: number }): AcquireResult {
    const { timeoutMs } = waitOptions(options);
    const backing = syncBacking(this.#backing, this.#what, 'acquireSync');
    checkMayBlock(backing.strategy);
    const tried = lockTry(backing.words, this.#reentrant, backing.self);
    if (typeof tried !== 'number') return tried;
    return runSync(lockAcquire(backing.words, this.#reentrant, timeoutMs !== 0, backing.self), deadlineOf(timeoutMs), backing.strategy);
  }

  /** Lets the lock go. A Lock may be released by anyone but not twice; an RLock only by its holder. */
  release(): Promise<void> {
    const backing = this.#backing;
    if (backing.words !== null) {
      try {
        lockRelease(live(backing), this.#reentrant, backing.self);
        return RELEASED;
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return command(backing, Op.lockRelease, 0, this.#what).then(() => undefined);
  }

  releaseSync(): void {
    const backing = syncBacking(this.#backing, this.#what, 'releaseSync');
    lockRelease(backing.words, this.#reentrant, backing.self);
  }

  /** Whether someone holds it now. */
  async locked(): Promise<boolean> {
    const backing = this.#backing;
    if (backing.words !== null) return lockLocked(live(backing));
    return (await command(backing, Op.lockState, 0, this.#what)).value === 1;
  }

  /** @internal Whether the caller holds it (shared words; the coordinator checks for itself). */
  heldBySelf(): boolean {
    const backing = this.#backing;
    return backing.words !== null && lockHeldBySelf(backing.words, backing.self);
  }


  [toHandle](context: EncodeContext): HandleDescriptor {
    const backing = this.#backing;
    const words = backing.strategy === 'thread' ? backing.words : null;
    const wire: LockWire = {
      reentrant: this.#reentrant,
      backing: backingToWire(backing, context, this.#what, words === null ? undefined : (token) => lockOwnerDied(words, token)),
    };
    return { reviver: targetRef(new URL(import.meta.url), 'reviveLock'), state: wire };
  }
}

/** Python's multiprocessing.Lock: not re-entrant; anyone may release it, once. */
export class Lock extends LockBase {
  constructor(options?: SyncOptions);
  /** @internal */
  constructor(options: typeof REVIVE, backing: Backing);
  constructor(options: SyncOptions | typeof REVIVE = {}, backing?: Backing) {
    super(false, options, backing);
  }
}

/** Python's multiprocessing.RLock: its holder may take it again; only the holder releases it. */
export class RLock extends LockBase {
  constructor(options?: SyncOptions);
  /** @internal */
  constructor(options: typeof REVIVE, backing: Backing);
  constructor(options: SyncOptions | typeof REVIVE = {}, backing?: Backing) {
    super(true, options, backing);
  }
}

export type AnyLock = Lock | RLock;

/** Rebuilds a Lock or RLock received as an argument. */
export function reviveLock(state: unknown, context: ReviveContext): AnyLock {
  const wire = state as LockWire;
  const backing = backingFromWire(wire.backing, context);
  return wire.reentrant ? new RLock(REVIVE, backing) : new Lock(REVIVE, backing);
}

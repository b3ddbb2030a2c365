// Lock and RLock: mutual exclusion across processes or threads, robust when a holder dies.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import { deadlineOf, runAsync, runSync } from './atomics.js';
import {
  backingFromWire,
  backingToWire,
  command,
  createBacking,
  strategyOption,
  waitOptions,
  type Backing,
  type WireBacking,
} from './backing.js';
import { Flag, Op, Status } from './protocol.js';
import { LOCK_WORDS, lockAcquire, lockHeldBySelf, lockLocked, lockOwnerDied, lockRelease } from './shared-memory.js';
import type { AcquireResult, SyncOptions, WaitOptions } from './types.js';

const REVIVE = Symbol('revive');

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
  async acquire(options?: WaitOptions): Promise<AcquireResult> {
    const { timeoutMs, signal } = waitOptions(options);
    const backing = this.#backing;
    if (backing.strategy === 'thread') {
      return runAsync(lockAcquire(backing.words, this.#reentrant, timeoutMs !== 0), deadlineOf(timeoutMs), signal);
    }
    const reply = await backing.channel.call(Op.lockAcquire, backing.id, 0, timeoutMs, signal);
    if (signal?.aborted === true) {
      // The grant may have crossed the cancel: hand the lock straight back.
      if (reply.status === Status.ok) await this.release();
      throw signal.reason;
    }
    return { acquired: reply.status === Status.ok, ownerDied: (reply.flags & Flag.ownerDied) !== 0 };
  }

  /** Blocking acquire for worker threads under `thread` (Atomics.wait); no signal, as the thread cannot see one while it sleeps. */
  acquireSync(options?: { readonly timeoutMs?: number }): AcquireResult {
    const { timeoutMs } = waitOptions(options);
    return runSync(lockAcquire(this.#threadWords('acquireSync'), this.#reentrant, timeoutMs !== 0), deadlineOf(timeoutMs));
  }

  /** Lets the lock go. A Lock may be released by anyone but not twice; an RLock only by its holder. */
  async release(): Promise<void> {
    const backing = this.#backing;
    if (backing.strategy === 'thread') return lockRelease(backing.words, this.#reentrant);
    await command(backing, Op.lockRelease, 0, this.#what);
  }

  releaseSync(): void {
    lockRelease(this.#threadWords('releaseSync'), this.#reentrant);
  }

  /** Whether someone holds it now. */
  async locked(): Promise<boolean> {
    const backing = this.#backing;
    if (backing.strategy === 'thread') return lockLocked(backing.words);
    return (await command(backing, Op.lockState, 0, this.#what)).value === 1;
  }

  /** @internal Whether the caller holds it (thread strategy; the coordinator checks for itself). */
  heldBySelf(): boolean {
    return this.#backing.strategy === 'thread' && lockHeldBySelf(this.#backing.words);
  }

  #threadWords(method: string): Int32Array {
    if (this.#backing.strategy !== 'thread') throw new TypeError(`${this.#what}.${method}() exists only under the thread strategy; use the async method`);
    return this.#backing.words;
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

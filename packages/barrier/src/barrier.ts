// Barrier: parties wait until all have arrived, then go on together; Python's rules for breaking it.
import { loadTarget, refOf, targetRef, toHandle, toTargetRef, type EncodeContext, type HandleDescriptor, type ReviveContext, type TargetRef } from '@parlab/core';
import { deadlineOf, runAsync, runSync } from './atomics.js';
import { backingFromWire, backingToWire, command, createBacking, live, strategyOption, syncBacking, waitOptions, type Backing, type WireBacking } from './backing.js';
import { BrokenBarrierError, SyncStateError } from './errors.js';
import { Flag, Op, Status } from './protocol.js';
import {
  BARRIER_WORDS,
  MAX_PARTIES,
  barrierActionFailed,
  barrierArrive,
  barrierBreak,
  barrierBreakIfWaiting,
  barrierBroken,
  barrierFinish,
  barrierReset,
  barrierWaiting,
} from './shared-memory.js';
import type { BarrierOptions, WaitOptions } from './types.js';

const REVIVE = Symbol('revive');

type Action = () => unknown;

interface BarrierWire {
  readonly parties: number;
  readonly action: TargetRef | null;
  readonly timeoutMs: number | undefined;
  readonly backing: WireBacking;
}

interface Revived {
  readonly wire: BarrierWire;
  readonly backing: Backing;
}

/** Python's multiprocessing.Barrier. */
export class Barrier {
  readonly #parties: number;
  readonly #backing: Backing;
  readonly #actionRef: TargetRef | null;
  readonly #timeoutMs: number | undefined;
  #action: Action | null = null;
  #actionLoading: Promise<void> | null = null;

  constructor(parties: number, options?: BarrierOptions);
  /** @internal */
  constructor(parties: typeof REVIVE, options: Revived);
  constructor(parties: number | typeof REVIVE, options: BarrierOptions | Revived = {}) {
    if (parties === REVIVE) {
      const { wire, backing } = options as Revived;
      this.#parties = wire.parties;
      this.#actionRef = wire.action;
      this.#timeoutMs = wire.timeoutMs;
      this.#backing = backing;
      // Start loading now, so that a blocking waitSync() finds the action ready.
      if (this.#actionRef !== null) void this.#loadAction().catch(() => {});
      return;
    }
    if (typeof parties !== 'number' || !Number.isInteger(parties) || parties < 1 || parties > MAX_PARTIES) {
      throw new RangeError(`parties must be an integer from 1 to ${MAX_PARTIES}, got ${String(parties)}`);
    }
    if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
    const opts = options as BarrierOptions;
    this.#parties = parties;
    this.#timeoutMs = waitOptions({ ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}) }).timeoutMs;
    if (opts.action === undefined) this.#actionRef = null;
    else if (typeof opts.action === 'function' && refOf(opts.action) === null) {
      throw new TypeError(`options.action '${opts.action.name || 'anonymous'}' must be exported and registered with defineTargets, so every party can run it`);
    } else {
      this.#actionRef = toTargetRef(opts.action, 'options.action');
      if (typeof opts.action === 'function') this.#action = opts.action as Action;
    }
    this.#backing = createBacking(strategyOption(opts.strategy), BARRIER_WORDS, { kind: 'barrier', parties, hasAction: this.#actionRef !== null });
  }

  /** How many parties each round needs. */
  get parties(): number {
    return this.#parties;
  }

  #loadAction(): Promise<void> {
    this.#actionLoading ??= loadTarget(this.#actionRef as TargetRef).then((loaded) => {
      if (typeof loaded !== 'function') throw new TypeError(`barrier action ${(this.#actionRef as TargetRef).export} is not a function`);
      this.#action = loaded as Action;
    });
    return this.#actionLoading;
  }

  /**
   * Waits until all parties have called wait(); resolves this party's arrival index (0 … parties-1;
   * the last one ran the action). Rejects with BrokenBarrierError when the barrier is or becomes
   * broken: timeout (which breaks it), abort(), reset() while waiting, a failed action, or a party
   * that ended while others waited. An aborted signal breaks it as a timeout does, and rejects with
   * the signal's reason.
   */
  async wait(options?: WaitOptions): Promise<number> {
    const { timeoutMs, signal } = waitOptions(options, this.#timeoutMs);
    if (this.#actionRef !== null && this.#action === null) await this.#loadAction();
    const backing = this.#backing;
    if (backing.words !== null) {
      const words = live(backing);
      const deadline = deadlineOf(timeoutMs);
      const arrival = await runAsync(barrierArrive(words, this.#parties), deadline, signal, backing.lost);
      if (arrival.last) await this.#runAction(() => barrierActionFailed(words, arrival));
      return runAsync(barrierFinish(words, arrival), deadline, signal, backing.lost);
    }
    let reply = await backing.channel.call(Op.barrierWait, backing.id, 0, timeoutMs, signal);
    if (reply.status === Status.runAction) {
      const id = reply.id;
      await this.#runAction(() => void backing.channel.resume(id, Op.barrierActionDone, backing.id, 1).catch(() => {}));
      reply = await backing.channel.resume(id, Op.barrierActionDone, backing.id, 0);
    }
    if (signal?.aborted === true) throw signal.reason;
    if (reply.status === Status.broken) throw new BrokenBarrierError('the barrier is broken');
    return reply.value;
  }

  /** Runs the action (last party only); if it throws, `fail` breaks the round and the error reaches this caller. */
  async #runAction(fail: () => void): Promise<void> {
    if (this.#action === null) return;
    try {
      await this.#action();
    } catch (error) {
      fail();
      throw error;
    }
  }

  /**
   * Blocking wait (Atomics.wait under `thread`, a futex under `process` with native shared memory), for worker
   * threads and child processes: the fastest round; a synchronous action only.
   */
  waitSync(options?: { readonly timeoutMs?: number }): number {
    const { timeoutMs } = waitOptions(options, this.#timeoutMs);
    const backing = syncBacking(this.#backing, 'Barrier', 'waitSync');
    if (this.#actionRef !== null && this.#action === null) throw new SyncStateError('the barrier action is still loading; call wait() once first');
    const deadline = deadlineOf(timeoutMs);
    const arrival = runSync(barrierArrive(backing.words, this.#parties), deadline, backing.strategy);
    if (arrival.last && this.#action !== null) {
      try {
        this.#action();
      } catch (error) {
        barrierActionFailed(backing.words, arrival);
        throw error;
      }
    }
    return runSync(barrierFinish(backing.words, arrival), deadline, backing.strategy);
  }

  /** Breaks the barrier: current and future waiters get BrokenBarrierError until reset(). */
  async abort(): Promise<void> {
    const backing = this.#backing;
    if (backing.words !== null) return barrierBreak(live(backing));
    await command(backing, Op.barrierAbort, 0, 'Barrier');
  }

  /** Back to the empty state; parties waiting now get BrokenBarrierError. */
  async reset(): Promise<void> {
    const backing = this.#backing;
    if (backing.words !== null) return barrierReset(live(backing));
    await command(backing, Op.barrierReset, 0, 'Barrier');
  }

  /** How many parties are waiting now (async: under `process` the count lives in the coordinator). */
  async nWaiting(): Promise<number> {
    const backing = this.#backing;
    if (backing.words !== null) return barrierWaiting(live(backing), this.#parties);
    return (await command(backing, Op.barrierState, 0, 'Barrier')).value;
  }

  /** Whether the barrier is broken. */
  async broken(): Promise<boolean> {
    const backing = this.#backing;
    if (backing.words !== null) return barrierBroken(live(backing));
    return ((await command(backing, Op.barrierState, 0, 'Barrier')).flags & Flag.broken) !== 0;
  }

  [toHandle](context: EncodeContext): HandleDescriptor {
    const backing = this.#backing;
    const words = backing.strategy === 'thread' ? backing.words : null;
    const wire: BarrierWire = {
      parties: this.#parties,
      action: this.#actionRef,
      timeoutMs: this.#timeoutMs,
      backing: backingToWire(backing, context, 'Barrier', words === null ? undefined : () => barrierBreakIfWaiting(words)),
    };
    return { reviver: targetRef(new URL(import.meta.url), 'reviveBarrier'), state: wire };
  }
}

export function reviveBarrier(state: unknown, context: ReviveContext): Barrier {
  const wire = state as BarrierWire;
  return new Barrier(REVIVE, { wire, backing: backingFromWire(wire.backing, context) });
}

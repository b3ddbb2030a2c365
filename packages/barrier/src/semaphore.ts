// Semaphore and BoundedSemaphore: a counter that acquire takes from and release gives back.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import { deadlineOf, runAsync, runSync } from './atomics.js';
import { backingFromWire, backingToWire, command, createBacking, live, strategyOption, syncBacking, waitOptions, type Backing, type WireBacking } from './backing.js';
import { Op, Status } from './protocol.js';
import { SEMAPHORE_WORDS, semaphoreAcquire, semaphoreRelease } from './shared-memory.js';
import type { SemaphoreOptions, WaitOptions } from './types.js';

const REVIVE = Symbol('revive');
/** An unbounded semaphore is bounded by the word that holds it. */
const UNBOUNDED = 0x7fff_ffff;

interface SemaphoreWire {
  readonly max: number;
  readonly backing: WireBacking;
}

function checkCount(value: unknown, name: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > UNBOUNDED) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

/** Python's multiprocessing.Semaphore. */
export class Semaphore {
  readonly #backing: Backing;
  readonly #max: number;

  constructor(options?: SemaphoreOptions);
  /** @internal */
  constructor(options: typeof REVIVE, backing: Backing, max: number);
  constructor(options: SemaphoreOptions | typeof REVIVE = {}, backing?: Backing, max?: number) {
    if (options === REVIVE && backing !== undefined && max !== undefined) {
      this.#backing = backing;
      this.#max = max;
      return;
    }
    if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
    const value = checkCount(options.value ?? 1, 'options.value', 0);
    this.#max = new.target === BoundedSemaphore ? value : UNBOUNDED;
    this.#backing = createBacking(strategyOption(options.strategy), SEMAPHORE_WORDS, { kind: 'semaphore', value, max: this.#max });
    if (this.#backing.words !== null) Atomics.store(this.#backing.words, 0, value);
  }

  get #what(): string {
    return this.#max === UNBOUNDED ? 'Semaphore' : 'BoundedSemaphore';
  }

  /** Takes one unit, waiting up to `timeoutMs` (0: just try); resolves whether it did. */
  async acquire(options?: WaitOptions): Promise<boolean> {
    const { timeoutMs, signal } = waitOptions(options);
    const backing = this.#backing;
    if (backing.words !== null) return runAsync(semaphoreAcquire(live(backing), timeoutMs !== 0), deadlineOf(timeoutMs), signal, backing.lost);
    const reply = await backing.channel.call(Op.semaphoreAcquire, backing.id, 0, timeoutMs, signal);
    if (signal?.aborted === true) {
      if (reply.status === Status.ok) await this.release();
      throw signal.reason;
    }
    return reply.status === Status.ok;
  }

  /** Blocking acquire, for worker threads (and child processes under `process` with native shared memory). */
  acquireSync(options?: { readonly timeoutMs?: number }): boolean {
    const { timeoutMs } = waitOptions(options);
    const backing = syncBacking(this.#backing, this.#what, 'acquireSync');
    return runSync(semaphoreAcquire(backing.words, timeoutMs !== 0), deadlineOf(timeoutMs), backing.strategy);
  }

  /** Gives back `n` units; a BoundedSemaphore refuses to go above its initial value. */
  async release(n = 1): Promise<void> {
    checkCount(n, 'n', 1);
    const backing = this.#backing;
    if (backing.words !== null) return semaphoreRelease(live(backing), n, this.#max);
    await command(backing, Op.semaphoreRelease, n, this.#what);
  }

  releaseSync(n = 1): void {
    checkCount(n, 'n', 1);
    semaphoreRelease(syncBacking(this.#backing, this.#what, 'releaseSync').words, n, this.#max);
  }

  /** The current value (Python's get_value). */
  async value(): Promise<number> {
    const backing = this.#backing;
    if (backing.words !== null) return Atomics.load(live(backing), 0);
    return (await command(backing, Op.semaphoreValue, 0, this.#what)).value;
  }


  [toHandle](context: EncodeContext): HandleDescriptor {
    const wire: SemaphoreWire = { max: this.#max, backing: backingToWire(this.#backing, context, this.#what) };
    return { reviver: targetRef(new URL(import.meta.url), 'reviveSemaphore'), state: wire };
  }
}

/** Python's multiprocessing.BoundedSemaphore: releasing above the initial value is an error. */
export class BoundedSemaphore extends Semaphore {}

export function reviveSemaphore(state: unknown, context: ReviveContext): Semaphore {
  const wire = state as SemaphoreWire;
  const backing = backingFromWire(wire.backing, context);
  return wire.max === UNBOUNDED ? new Semaphore(REVIVE, backing, wire.max) : new BoundedSemaphore(REVIVE, backing, wire.max);
}

// Event: a flag that parties wait for.
import { targetRef, toHandle, type EncodeContext, type HandleDescriptor, type ReviveContext } from '@parlab/core';
import { deadlineOf, runAsync, runSync } from './atomics.js';
import { backingFromWire, backingToWire, command, createBacking, live, strategyOption, syncBacking, waitOptions, type Backing, type WireBacking } from './backing.js';
import { Op, Status } from './protocol.js';
import { EVENT_WORDS, eventIsSet, eventSet, eventWait } from './shared-memory.js';
import type { SyncOptions, WaitOptions } from './types.js';

const REVIVE = Symbol('revive');

/** Python's multiprocessing.Event. */
export class Event {
  readonly #backing: Backing;

  constructor(options?: SyncOptions);
  /** @internal */
  constructor(options: typeof REVIVE, backing: Backing);
  constructor(options: SyncOptions | typeof REVIVE = {}, backing?: Backing) {
    if (options === REVIVE && backing !== undefined) {
      this.#backing = backing;
      return;
    }
    if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
    this.#backing = createBacking(strategyOption(options.strategy), EVENT_WORDS, { kind: 'event' });
  }

  async set(): Promise<void> {
    const backing = this.#backing;
    if (backing.words !== null) return eventSet(live(backing), true);
    await command(backing, Op.eventSet, 0, 'Event');
  }

  async clear(): Promise<void> {
    const backing = this.#backing;
    if (backing.words !== null) return eventSet(live(backing), false);
    await command(backing, Op.eventClear, 0, 'Event');
  }

  async isSet(): Promise<boolean> {
    const backing = this.#backing;
    if (backing.words !== null) return eventIsSet(live(backing));
    return (await command(backing, Op.eventIsSet, 0, 'Event')).value === 1;
  }

  /** Waits until the flag is set; resolves true if it was set before or during the wait (even if cleared since), false after `timeoutMs`. */
  async wait(options?: WaitOptions): Promise<boolean> {
    const { timeoutMs, signal } = waitOptions(options);
    const backing = this.#backing;
    if (backing.words !== null) return runAsync(eventWait(live(backing), timeoutMs !== 0), deadlineOf(timeoutMs), signal, backing.lost);
    const reply = await backing.channel.call(Op.eventWait, backing.id, 0, timeoutMs, signal);
    if (signal?.aborted === true) throw signal.reason;
    return reply.status === Status.ok;
  }

  /** Blocking wait, for worker threads (and child processes under `process` with native shared memory). */
  waitSync(options?: { readonly timeoutMs?: number }): boolean {
    const { timeoutMs } = waitOptions(options);
    const backing = syncBacking(this.#backing, 'Event', 'waitSync');
    return runSync(eventWait(backing.words, timeoutMs !== 0), deadlineOf(timeoutMs), backing.strategy);
  }

  [toHandle](context: EncodeContext): HandleDescriptor {
    return { reviver: targetRef(new URL(import.meta.url), 'reviveEvent'), state: backingToWire(this.#backing, context, 'Event') };
  }
}

export function reviveEvent(state: unknown, context: ReviveContext): Event {
  return new Event(REVIVE, backingFromWire(state as WireBacking, context));
}

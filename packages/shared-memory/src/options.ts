// Options shared by the Values and Arrays: the strategy, and the lock that guards them.
import { checkStrategy, getDefaultStrategy, type StrategyName } from '@parlab/core';
import { Lock, RLock, type AnyLock } from '@parlab/barrier';

export interface SharedOptions {
  /** `thread`: a SharedArrayBuffer (threads of this process); `process`: shared memory other processes attach to. Default getDefaultStrategy(). */
  readonly strategy?: StrategyName;
}

export interface SynchronizedOptions extends SharedOptions {
  /**
   * Python's `lock`: true (or omitted, or null) makes a new Lock of the same strategy; a Lock or
   * RLock of yours is used as it is; false means no lock (`getLock()` then throws). Python makes an
   * RLock, because its `.value` takes the lock again inside a `with get_lock()`; here `.value` takes
   * no lock, and an RLock's owner is a thread, which two async tasks of one thread (a pool worker's,
   * say) share, so an RLock would let both in at once where a Lock keeps them apart.
   */
  readonly lock?: boolean | null | AnyLock;
}

export function strategyOf(options: SharedOptions | undefined): StrategyName {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new TypeError('options must be an object');
  return options?.strategy === undefined ? getDefaultStrategy() : checkStrategy(options.strategy, 'options.strategy');
}

export function lockOf(option: SynchronizedOptions['lock'], strategy: StrategyName): AnyLock | null {
  if (option === false) return null;
  if (option === true || option === undefined || option === null) return new Lock({ strategy });
  if (option instanceof Lock || option instanceof RLock) return option;
  throw new TypeError('options.lock must be true, false, or a Lock or RLock');
}

/** Python's index rules: negative counts from the end; outside the array is an error naming it. */
export function indexOf(index: unknown, length: number, what: string): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) throw new TypeError(`${what} index must be an integer, got ${String(index)}`);
  const at = index < 0 ? index + length : index;
  if (at < 0 || at >= length) throw new RangeError(`${what} index ${index} is out of range (length ${length})`);
  return at;
}

// The protocol by which primitive objects (queues, pipe ends, locks, proxies) cross to a child.
import type { StrategyName, TargetRef } from './types.js';

/** An object with this method can be passed as an argument and is rebuilt on the other side. */
export const toHandle = Symbol.for('parlab.toHandle');

/** What a shareable object gets when it is being sent. */
export interface EncodeContext {
  /** The strategy of the receiving side. */
  readonly strategy: StrategyName;
  /**
   * Moves `item` with the message: a MessagePort or ArrayBuffer under `thread`, a net.Socket or
   * net.Server under `process`. Returns the index the receiver passes to `transferred()`.
   */
  transfer(item: object): number;
}

/** What the reviver gets on the receiving side. */
export interface ReviveContext {
  readonly strategy: StrategyName;
  /** The item that the sender moved with `transfer()`, by its index. */
  transferred(index: number): object;
}

/**
 * How to rebuild the object: `reviver` names an exported function `(state, context) => object`,
 * and `state` is any value that can cross (it may itself hold shareable objects).
 */
export interface HandleDescriptor {
  readonly reviver: TargetRef;
  readonly state: unknown;
}

export interface Shareable {
  [toHandle](context: EncodeContext): HandleDescriptor;
}

export type Reviver = (state: unknown, context: ReviveContext) => unknown;

export function isShareable(value: object): value is Shareable {
  return typeof (value as Partial<Shareable>)[toHandle] === 'function';
}

// How items travel: plain data as it is (structured clone copies it), anything else through core's encoding.
import { decodeValue, encodeValue, reviveContext, type EncodeContext, type StrategyName } from '@parlab/core';
import { QueueStateError } from './errors.js';

/** Marks an item that went through core's encoding (errors, handles, maps, class instances …). */
const ENCODED = '\u0000parlab-queue-encoded';
/** Beyond this many objects the check stops paying for itself (and cycles end it): encode instead. */
const PLAIN_CHECK_LIMIT = 256;

const itemContext: EncodeContext = {
  strategy: 'process',
  transfer() {
    throw new QueueStateError('this item holds an object that must be moved with it; pass it to a Process or task as an argument instead');
  },
};

/** Whether `value` is made of primitives, plain objects, arrays and Dates only; `budget` counts objects left. */
function isPlain(value: unknown, budget: { left: number }): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function' && typeof value !== 'symbol';
  if (--budget.left < 0) return false;
  if (value instanceof Date) return true;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!isPlain(item, budget)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!isPlain((value as Record<string, unknown>)[key], budget)) return false;
  return true;
}

/**
 * An item ready to travel. Core's encoding walks and copies every item, which costs as much as the clone
 * itself; the common case (plain data) skips it, which is what lets a batch of puts go at clone speed.
 */
export function encodeItem(item: unknown): unknown {
  if (isPlain(item, { left: PLAIN_CHECK_LIMIT }) && !(typeof item === 'object' && item !== null && ENCODED in item)) return item;
  return { [ENCODED]: encodeValue(item, itemContext, 'item') };
}

/** The item as the receiver sees it (it already is a copy: it crossed by structured clone or v8 serialization). */
export function decodeItem(travelled: unknown, strategy: StrategyName): unknown {
  if (typeof travelled !== 'object' || travelled === null || !(ENCODED in travelled)) return travelled;
  return decodeValue((travelled as Record<string, unknown>)[ENCODED], reviveContext(strategy, []));
}

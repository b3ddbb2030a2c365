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

/** Arrays longer than this are left to structured clone: v8 serializes long arrays (of numbers) faster than JSON. */
const JSON_ARRAY_LIMIT = 256;

/** What jsonCopy returns for an item that JSON would not carry exactly. */
export const NOT_JSON: unique symbol = Symbol('not JSON');

/**
 * A copy of `value` when JSON carries it exactly as structured clone would: strings, booleans, null,
 * finite numbers other than -0, and plain objects and arrays of those (no undefined, no holes, no
 * named properties on arrays, no "__proto__" key); else NOT_JSON. Plain data is the common case, and
 * JSON is two to three times cheaper than v8 serialization on both sides of a batch.
 */
export function jsonCopy(value: unknown, budget = { left: PLAIN_CHECK_LIMIT }): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : NOT_JSON;
    case 'object':
      break;
    default:
      return NOT_JSON;
  }
  if (value === null) return null;
  if (--budget.left < 0) return NOT_JSON;
  if (Array.isArray(value)) {
    const length = value.length;
    if (length > JSON_ARRAY_LIMIT || Object.getPrototypeOf(value) !== Array.prototype) return NOT_JSON;
    const copy: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const element: unknown = value[i];
      // A hole reads as undefined too.
      if (element === undefined) return NOT_JSON;
      const inner = jsonCopy(element, budget);
      if (inner === NOT_JSON) return NOT_JSON;
      copy.push(inner);
    }
    return Object.keys(value).length === length ? copy : NOT_JSON;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return NOT_JSON;
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const property = (value as Record<string, unknown>)[key];
    if (property === undefined || key === '__proto__') return NOT_JSON;
    const inner = jsonCopy(property, budget);
    if (inner === NOT_JSON) return NOT_JSON;
    copy[key] = inner;
  }
  return copy;
}

/** The item as the receiver sees it (it already is a copy: it crossed by structured clone or v8 serialization). */
export function decodeItem(travelled: unknown, strategy: StrategyName): unknown {
  if (typeof travelled !== 'object' || travelled === null || !(ENCODED in travelled)) return travelled;
  return decodeValue((travelled as Record<string, unknown>)[ENCODED], reviveContext(strategy, []));
}

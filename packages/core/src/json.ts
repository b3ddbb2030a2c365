// Plain data that JSON carries exactly: the fast lane for values on a queue, a pipe or a manager's wire.
import { toHandle } from './handles.js';

/** Beyond this many objects the check stops paying for itself (and cycles end it). */
const OBJECT_LIMIT = 256;
/** Arrays longer than this are left to v8 serialization, which handles long arrays (of numbers) faster than JSON. */
const ARRAY_LIMIT = 256;

/** What jsonCopy returns for a value that JSON would not carry exactly. */
export const NOT_JSON: unique symbol = Symbol('not JSON');

/** For a primitive (or null), whether JSON carries it exactly; undefined for an object to walk. */
function exactPrimitive(value: unknown): boolean | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      return value === null ? true : undefined;
    default:
      return false;
  }
}

/** Whether an array may be walked: not too long, a plain Array. */
function walkableArray(value: unknown[]): boolean {
  return value.length <= ARRAY_LIMIT && Object.getPrototypeOf(value) === Array.prototype;
}

/** Whether an object may be walked: plain (or null-prototype) and not shareable. */
function walkableObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !(toHandle in value);
}

/**
 * A copy of `value` when JSON carries it exactly as structured clone (or v8 serialization) would:
 * strings, booleans, null, finite numbers other than -0, and plain objects and arrays of those (no
 * undefined, no holes, no named properties on arrays, no "__proto__" key, nothing shareable (with
 * `[toHandle]`), which must go through core's encoding); else NOT_JSON. Plain data is the common case,
 * and JSON is about twice as cheap as v8 serialization on both sides.
 */
export function jsonCopy(value: unknown, budget = { left: OBJECT_LIMIT }): unknown {
  const primitive = exactPrimitive(value);
  if (primitive !== undefined) return primitive ? value : NOT_JSON;
  if (--budget.left < 0) return NOT_JSON;
  if (Array.isArray(value)) {
    if (!walkableArray(value)) return NOT_JSON;
    const length = value.length;
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
  if (!walkableObject(value as object)) return NOT_JSON;
  const copy: Record<string, unknown> = {};
  for (const key in value as object) {
    const property = (value as Record<string, unknown>)[key];
    if (property === undefined || key === '__proto__') return NOT_JSON;
    const inner = jsonCopy(property, budget);
    if (inner === NOT_JSON) return NOT_JSON;
    copy[key] = inner;
  }
  return copy;
}

/** Whether jsonCopy would accept `value`, without copying it (for a value serialized at once). */
export function isJsonExact(value: unknown, budget = { left: OBJECT_LIMIT }): boolean {
  const primitive = exactPrimitive(value);
  if (primitive !== undefined) return primitive;
  if (--budget.left < 0) return false;
  if (Array.isArray(value)) {
    if (!walkableArray(value)) return false;
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (element === undefined || !isJsonExact(element, budget)) return false;
    }
    return Object.keys(value).length === value.length;
  }
  if (!walkableObject(value as object)) return false;
  for (const key in value as object) {
    const property = (value as Record<string, unknown>)[key];
    if (property === undefined || key === '__proto__' || !isJsonExact(property, budget)) return false;
  }
  return true;
}

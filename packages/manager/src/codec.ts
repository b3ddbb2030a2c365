// Message bytes: JSON when the message is plain JSON data (fast), V8's serializer otherwise (Map, Set, Date, BigInt, typed arrays…).
import { deserialize, serialize } from 'node:v8';
import { toHandle } from '@parlab/core';

const JSON_TAG = 0x4a; // 'J'
const V8_TAG = 0x56; // 'V'
const MAX_DEPTH = 32;

/** Whether `value` survives JSON unchanged (finite numbers but -0, no undefined, plain objects and arrays). */
function jsonSafe(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!jsonSafe(value[i], depth + 1)) return false;
        return true;
      }
      // A shareable object (a proxy) must not pass for plain data: V8's serializer refuses it, with a clear error.
      if (Object.getPrototypeOf(value) !== Object.prototype || toHandle in value) return false;
      for (const key in value) if (!jsonSafe((value as Record<string, unknown>)[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** Encodes a message object; a top-level field that is undefined is left out, as JSON does. */
export function encodeMessage(message: Record<string, unknown>): Buffer {
  let json = true;
  for (const key in message) {
    const field = message[key];
    if (field !== undefined && !jsonSafe(field, 0)) {
      json = false;
      break;
    }
  }
  if (json) {
    const text = JSON.stringify(message);
    const out = Buffer.allocUnsafe(1 + Buffer.byteLength(text));
    out[0] = JSON_TAG;
    out.write(text, 1);
    return out;
  }
  const body = serialize(message);
  const out = Buffer.allocUnsafe(1 + body.length);
  out[0] = V8_TAG;
  out.set(body, 1);
  return out;
}

/** Decodes a message; throws on bytes that are neither form. Neither form can carry code. */
export function decodeMessage(payload: Buffer): unknown {
  const body = payload.subarray(1);
  if (payload[0] === JSON_TAG) return JSON.parse(body.toString('utf8'));
  if (payload[0] === V8_TAG) return deserialize(body);
  throw new Error('unknown encoding tag');
}

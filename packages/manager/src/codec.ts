// Message bytes: JSON when the message is plain JSON data (fast), V8's serializer otherwise (Map, Set, Date, BigInt, typed arrays…).
import { deserialize, serialize } from 'node:v8';
import { isJsonExact } from '@parlab/core';

const JSON_TAG = 0x4a; // 'J'
const V8_TAG = 0x56; // 'V'

/** Encodes a message object; a top-level field that is undefined is left out, as JSON does. */
export function encodeMessage(message: Record<string, unknown>): Buffer {
  let json = true;
  for (const key in message) {
    const field = message[key];
    // Plain data that JSON carries exactly (core's check: no -0, undefined, holes, shareable objects …).
    if (field !== undefined && !isJsonExact(field)) {
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

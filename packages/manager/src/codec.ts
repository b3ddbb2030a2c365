// Message bytes: JSON when the message is plain JSON data (fast), V8's serializer otherwise (Map, Set, Date, BigInt, typed arrays…).
import { deserialize, serialize } from 'node:v8';
import { isJsonExact } from '@parlab/core';
import { HEADER_BYTES } from './framing.js';

const JSON_TAG = 0x4a; // 'J'
const V8_TAG = 0x56; // 'V'
/** The frame header and the tag byte before the message's body. */
const PREFIX_BYTES = HEADER_BYTES + 1;

/** Whether JSON carries a message field exactly; strings and small integers (types, ids, names) skip the walk. */
function jsonField(field: unknown): boolean {
  if (typeof field === 'string') return true;
  if (Number.isSafeInteger(field)) return !Object.is(field, -0);
  return isJsonExact(field);
}

/**
 * Encodes a message as a whole frame, `[u32 length][tag][body]`, ready for one socket write (the
 * body is written straight after the header: no second copy). A top-level field that is undefined
 * is left out, as JSON does.
 */
export function encodeFrame(message: Record<string, unknown>): Buffer {
  let json = true;
  for (const key in message) {
    const field = message[key];
    // Plain data that JSON carries exactly (core's check: no -0, undefined, holes, shareable objects …).
    if (field !== undefined && !jsonField(field)) {
      json = false;
      break;
    }
  }
  let out: Buffer;
  if (json) {
    const text = JSON.stringify(message);
    out = Buffer.allocUnsafe(PREFIX_BYTES + Buffer.byteLength(text));
    out.write(text, PREFIX_BYTES);
    out[HEADER_BYTES] = JSON_TAG;
  } else {
    const body = serialize(message);
    out = Buffer.allocUnsafe(PREFIX_BYTES + body.length);
    out.set(body, PREFIX_BYTES);
    out[HEADER_BYTES] = V8_TAG;
  }
  out.writeUInt32LE(out.length - HEADER_BYTES, 0);
  return out;
}

/** Decodes a message (a frame's payload); throws on bytes that are neither form. Neither form can carry code. */
export function decodeMessage(payload: Buffer): unknown {
  // toString with a start offset decodes in place; a subarray would allocate a view first.
  if (payload[0] === JSON_TAG) return JSON.parse(payload.toString('utf8', 1));
  if (payload[0] === V8_TAG) return deserialize(payload.subarray(1));
  throw new Error('unknown encoding tag');
}

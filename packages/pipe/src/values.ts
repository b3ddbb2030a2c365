// Values on a pipe: plain data as JSON text; anything else through core's encoding (errors keep their class) and v8 serialization.
import { deserialize, serialize } from 'node:v8';
import { CloneError, decodeValue, encodeValue, isJsonExact, reviveContext, type EncodeContext, type StrategyName } from '@parlab/core';
import { FRAME_HEADER_BYTES, FRAME_JSON, FRAME_VALUE } from './frames.js';

function noTransfer(strategy: StrategyName): EncodeContext {
  return {
    strategy,
    transfer() {
      throw new CloneError('value', 'it holds an object that must be moved with it; pass it to a Process or task as an argument instead');
    },
  };
}

const contexts: Record<StrategyName, EncodeContext> = { process: noTransfer('process'), thread: noTransfer('thread') };

export interface SerializedValue {
  readonly kind: typeof FRAME_VALUE | typeof FRAME_JSON;
  readonly payload: Buffer;
  /** When set, `payload` sits at FRAME_HEADER_BYTES into this buffer: room for the header, saving a copy. */
  readonly framed: Buffer | null;
}

export function serializeValue(value: unknown, strategy: StrategyName): SerializedValue {
  // JSON carries plain data exactly, at about half the cost of v8 serialization on each side.
  if (isJsonExact(value)) {
    const text = JSON.stringify(value);
    const framed = Buffer.allocUnsafe(FRAME_HEADER_BYTES + Buffer.byteLength(text));
    framed.write(text, FRAME_HEADER_BYTES);
    return { kind: FRAME_JSON, payload: framed.subarray(FRAME_HEADER_BYTES), framed };
  }
  return { kind: FRAME_VALUE, payload: serialize(encodeValue(value, contexts[strategy])), framed: null };
}

/** `bytes` may be a JSON message's text already decoded by the transport. */
export function deserializeValue(kind: number, bytes: Buffer | string, strategy: StrategyName): Promise<unknown> | unknown {
  if (typeof bytes === 'string') return JSON.parse(bytes);
  if (kind === FRAME_JSON) return JSON.parse(bytes.toString());
  const decoded: unknown = deserialize(bytes);
  // Primitives need no walk for handles or errors.
  if (typeof decoded !== 'object' || decoded === null) return decoded;
  return decodeValue(decoded, reviveContext(strategy, []));
}

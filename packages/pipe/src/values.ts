// Values on a pipe: core's encoding (errors keep their class) then v8 serialization, and back.
import { deserialize, serialize } from 'node:v8';
import { CloneError, decodeValue, encodeValue, reviveContext, type EncodeContext, type StrategyName } from '@parlab/core';

function noTransfer(strategy: StrategyName): EncodeContext {
  return {
    strategy,
    transfer() {
      throw new CloneError('value', 'it holds an object that must be moved with it; pass it to a Process or task as an argument instead');
    },
  };
}

const contexts: Record<StrategyName, EncodeContext> = { process: noTransfer('process'), thread: noTransfer('thread') };

export function serializeValue(value: unknown, strategy: StrategyName): Buffer {
  return serialize(encodeValue(value, contexts[strategy]));
}

export function deserializeValue(bytes: Uint8Array, strategy: StrategyName): Promise<unknown> | unknown {
  const decoded: unknown = deserialize(bytes);
  // Primitives need no walk for handles or errors.
  if (typeof decoded !== 'object' || decoded === null) return decoded;
  return decodeValue(decoded, reviveContext(strategy, []));
}

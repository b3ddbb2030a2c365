// The fast path for task data: primitives and arrays of primitives cross as they are; anything
// else goes through core's codec so errors keep their class and handles (queues, locks) revive.
import { CloneError, encodeValue, locateCloneFailure, transferCollector, type StrategyName } from '@parlab/core';
import { serialize } from 'node:v8';
import { SERIALIZED, STATUS_OK, STATUS_OK_ENCODED } from './protocol.js';

const NONE: readonly object[] = [];

/** A value ready to send: whether the receiver must decode it, and what moves with it. */
export interface Packed {
  value: unknown;
  encoded: boolean;
  transfer: readonly object[];
}

function isPrimitive(value: unknown): boolean {
  const type = typeof value;
  return (type !== 'object' || value === null) && type !== 'function' && type !== 'symbol';
}

/** True when every item is a primitive: the common case of `map` over numbers or strings. */
function allPrimitive(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (!isPrimitive(values[i])) return false;
  return true;
}

function isFast(value: unknown): boolean {
  return value instanceof Float64Array || isPrimitive(value) || (Array.isArray(value) && allPrimitive(value));
}

/** A chunk of this many numbers or more crosses as one Float64Array: copied as bytes, not item by item. */
const NUMERIC_CHUNK = 64;

/** The items as a Float64Array when they are all numbers (and enough to pay off), else null. */
export function numericChunk(values: ArrayLike<unknown>): Float64Array | null {
  if (values.length < NUMERIC_CHUNK) return null;
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'number') return null;
  return Float64Array.from(values as ArrayLike<number>);
}

/**
 * Fills `into` with `value` as it should cross. Throws core's CloneError, naming `path`, when
 * part of it cannot cross — so the caller sees the error at the call, not later.
 */
export function pack(value: unknown, strategy: StrategyName, path: string, into: Packed): void {
  if (isFast(value)) {
    into.value = value;
    into.encoded = false;
    into.transfer = NONE;
    return;
  }
  const collector = transferCollector(strategy);
  const encoded = encodeValue(value, collector, path);
  into.value = encoded;
  into.encoded = encoded !== value || collector.items.length > 0;
  into.transfer = collector.items.length > 0 ? collector.items : NONE;
}

/**
 * Packs a task's result in a worker and returns its status (STATUS_OK or STATUS_OK_ENCODED, with
 * SERIALIZED when the value became bytes). Under `process` a value off the fast path is serialized
 * here, as the channel would: one that cannot cross throws CloneError naming the path in it (the
 * task fails alone) rather than failing the send of the batch it would have travelled in.
 */
export function packResult(value: unknown, strategy: StrategyName, into: Packed): number {
  pack(value, strategy, 'result', into);
  const status = into.encoded ? STATUS_OK_ENCODED : STATUS_OK;
  if (strategy !== 'process' || isFast(into.value)) return status;
  try {
    into.value = serialize(into.value);
  } catch (error) {
    throw cloneFailure(value, error);
  }
  return status | SERIALIZED;
}

/** The CloneError for a result that structured clone rejected with `error`. */
export function cloneFailure(value: unknown, error: unknown): CloneError {
  const where = locateCloneFailure(value, 'result');
  return new CloneError(where === '' ? 'result' : where, (error as Error).message, { cause: error });
}

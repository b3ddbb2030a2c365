// Encodes values for the trip to another process or thread, and back: errors keep their class,
// stack, cause and own fields; shareable objects become handles; what cannot cross is named.
import { CloneError, ProcessStateError, TargetError, TimeoutError, WorkerExitError } from './errors.js';
import { isShareable, toHandle, type EncodeContext, type ReviveContext, type Reviver } from './handles.js';
import { defineTargets, loadTarget, refOf } from './target.js';
import type { StrategyName, TargetRef } from './types.js';

/** Key that marks an encoded error or handle inside a message. */
const TAG = '\u0000parlab';

interface EncodedError {
  [TAG]: 'error';
  /** The nearest registered class in the error's chain: the receiver rebuilds an instance of it. */
  class?: TargetRef;
  name: string;
  message: string;
  stack: string | undefined;
  cause?: unknown;
  errors?: unknown[];
  props: Record<string, unknown>;
}

interface EncodedHandle {
  [TAG]: 'handle';
  reviver: TargetRef;
  state: unknown;
}

type Encoded = EncodedError | EncodedHandle;

function tagOf(value: object): Encoded[typeof TAG] | undefined {
  return (value as Partial<Encoded>)[TAG];
}

function describe(value: unknown): string {
  if (typeof value === 'function') return `a function (${value.name || 'anonymous'})`;
  if (typeof value === 'symbol') return 'a symbol';
  return `a ${(value as object).constructor?.name ?? 'object'}`;
}

const UNCLONEABLE: readonly (abstract new (...args: never[]) => object)[] = [WeakMap, WeakSet, WeakRef, Promise];

function isPlainContainer(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null || Array.isArray(value);
}

/**
 * Returns `value` ready for postMessage / advanced IPC. The result shares structure with `value`
 * where nothing needed changing, so plain data costs one walk and no copy.
 */
export function encodeValue(value: unknown, context: EncodeContext, path = 'value'): unknown {
  return encode(value, context, path, new Map());
}

function encode(value: unknown, context: EncodeContext, path: string, seen: Map<object, unknown>): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') throw new CloneError(path, `it is ${describe(value)}`);
  if (typeof value !== 'object' || value === null) return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (isShareable(value)) {
    seen.set(value, value);
    const { reviver, state } = value[toHandle](context);
    const encoded: EncodedHandle = { [TAG]: 'handle', reviver, state: encode(state, context, `${path}(state)`, seen) };
    seen.set(value, encoded);
    return encoded;
  }
  if (value instanceof Error) {
    const encoded = encodeErrorWith(value, (v, p) => encode(v, context, `${path}.${p}`, seen));
    seen.set(value, encoded);
    return encoded;
  }
  for (const kind of UNCLONEABLE) {
    if (value instanceof kind) throw new CloneError(path, `it is ${describe(value)}`);
  }
  if (context.strategy === 'process' && value instanceof SharedArrayBuffer) {
    throw new CloneError(path, 'a SharedArrayBuffer cannot be shared with another process (use the thread strategy)');
  }
  // A view would cross as a copy of its bytes: the child would write to memory nobody else sees.
  if (context.strategy === 'process' && ArrayBuffer.isView(value) && value.buffer instanceof SharedArrayBuffer) {
    throw new CloneError(path, `${describe(value)} over a SharedArrayBuffer cannot share its memory with another process (it would arrive as a copy; use the thread strategy)`);
  }
  if (value instanceof Map) {
    let copy: Map<unknown, unknown> | null = null;
    seen.set(value, value);
    let index = 0;
    for (const [k, v] of value) {
      const ek = encode(k, context, `${path}.key(${index})`, seen);
      const ev = encode(v, context, `${path}.get(${String(k)})`, seen);
      if (copy === null && (ek !== k || ev !== v)) {
        copy = new Map();
        for (const [k2, v2] of value) {
          if (k2 === k) break;
          copy.set(k2, v2);
        }
      }
      copy?.set(ek, ev);
      index++;
    }
    if (copy !== null) seen.set(value, copy);
    return copy ?? value;
  }
  if (value instanceof Set) {
    let copy: Set<unknown> | null = null;
    seen.set(value, value);
    let index = 0;
    const items = [...value];
    for (const item of items) {
      const e = encode(item, context, `${path}.item(${index})`, seen);
      if (copy === null && e !== item) copy = new Set(items.slice(0, index));
      copy?.add(e);
      index++;
    }
    if (copy !== null) seen.set(value, copy);
    return copy ?? value;
  }
  if (!isPlainContainer(value)) return value;
  seen.set(value, value);
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const e = encode(item, context, `${path}[${i}]`, seen);
      if (copy === null && e !== item) {
        copy = value.slice(0, i);
        seen.set(value, copy);
      }
      if (copy !== null) copy[i] = e;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | null = null;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = record[key];
    const e = encode(item, context, `${path}.${key}`, seen);
    if (copy === null && e !== item) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j] as string] = record[keys[j] as string];
      seen.set(value, copy);
    }
    if (copy !== null) copy[key] = e;
  }
  return copy ?? value;
}

function encodeErrorWith(error: Error, encodePart: (value: unknown, path: string) => unknown): EncodedError {
  const props: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    if (key === 'name' || key === 'message' || key === 'stack' || key === 'cause') continue;
    const item = (error as unknown as Record<string, unknown>)[key];
    if (typeof item === 'function' || typeof item === 'symbol') continue;
    props[key] = encodePart(item, key);
  }
  const encoded: EncodedError = { [TAG]: 'error', name: error.name, message: error.message, stack: error.stack, props };
  const registered = classRef(error);
  if (registered !== null) encoded.class = registered;
  if ('cause' in error) encoded.cause = encodePart(error.cause, 'cause');
  if (error instanceof AggregateError) encoded.errors = error.errors.map((e, i) => encodePart(e, `errors[${i}]`));
  return encoded;
}

const noTransfer: EncodeContext = {
  strategy: 'process',
  transfer() {
    throw new Error('nothing can be transferred with an error');
  },
};

/** An error ready to cross; anything in it that cannot cross is dropped rather than failing the report. */
export function encodeError(error: unknown): unknown {
  const asError = error instanceof Error ? error : new Error(`non-error thrown: ${safeString(error)}`);
  return encodeErrorWith(asError, (value) => {
    try {
      return encode(value, noTransfer, 'error', new Map());
    } catch {
      return safeString(value);
    }
  });
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const ERROR_CLASSES: Record<string, ErrorConstructor> = {
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Registered error classes by target key: core's own from the start, others once a decodeValue
 * has loaded their module (null: it could not be loaded, the error is rebuilt by name only).
 */
const errorClasses = new Map<string, ErrorClass | null>();

// Core's errors are registered targets like any user class, so they arrive as instances of it.
const coreErrors = defineTargets(new URL('./errors.js', import.meta.url), {
  CloneError,
  ProcessStateError,
  TargetError,
  TimeoutError,
  WorkerExitError,
});
for (const errorClass of Object.values(coreErrors)) {
  const ref = refOf(errorClass);
  if (ref !== null) errorClasses.set(targetKey(ref), errorClass);
}

/** The nearest class in the error's prototype chain registered with defineTargets, or null. */
function classRef(error: Error): TargetRef | null {
  const constructor: unknown = (Object.getPrototypeOf(error) as { constructor?: unknown } | null)?.constructor;
  // A subclass inherits its parent's static tag: refOf finds the nearest registered ancestor.
  return typeof constructor === 'function' ? refOf(constructor) : null;
}

async function loadErrorClass(key: string, ref: TargetRef): Promise<void> {
  try {
    const exported = await loadTarget(ref);
    const isErrorClass = typeof exported === 'function' && (exported as { prototype?: unknown }).prototype instanceof Error;
    errorClasses.set(key, isErrorClass ? (exported as ErrorClass) : null);
  } catch {
    errorClasses.set(key, null);
  }
}

/**
 * An instance of `errorClass` made without running its constructor (whose parameters are its
 * own business): the native error constructor it extends builds it, with the class's prototype.
 */
function constructRegistered(errorClass: ErrorClass, encoded: EncodedError, revive: (value: unknown) => unknown): Error {
  for (let proto: object | null = errorClass.prototype as object; proto !== null; proto = Object.getPrototypeOf(proto) as object | null) {
    if (proto === AggregateError.prototype) {
      return Reflect.construct(AggregateError, [(encoded.errors ?? []).map(revive), encoded.message], errorClass) as Error;
    }
    const native = Object.values(ERROR_CLASSES).find((candidate) => candidate.prototype === proto);
    if (native !== undefined) return Reflect.construct(native, [encoded.message], errorClass) as Error;
  }
  return Reflect.construct(Error, [encoded.message], errorClass) as Error;
}

function reviveError(encoded: EncodedError, revive: (value: unknown) => unknown): Error {
  let error: Error;
  const registered = encoded.class === undefined ? undefined : errorClasses.get(targetKey(encoded.class));
  if (registered !== undefined && registered !== null) {
    error = constructRegistered(registered, encoded, revive);
    if (error.name !== encoded.name) {
      Object.defineProperty(error, 'name', { value: encoded.name, configurable: true, writable: true, enumerable: false });
    }
  } else if (encoded.name === 'AggregateError') {
    error = new AggregateError((encoded.errors ?? []).map(revive), encoded.message);
  } else {
    const ErrorClass = ERROR_CLASSES[encoded.name] ?? Error;
    error = new ErrorClass(encoded.message);
    if (!(encoded.name in ERROR_CLASSES)) {
      Object.defineProperty(error, 'name', { value: encoded.name, configurable: true, writable: true, enumerable: false });
    }
  }
  if (encoded.stack !== undefined) {
    Object.defineProperty(error, 'stack', { value: encoded.stack, configurable: true, writable: true, enumerable: false });
  }
  if ('cause' in encoded) {
    Object.defineProperty(error, 'cause', { value: revive(encoded.cause), configurable: true, writable: true, enumerable: false });
  }
  for (const [key, item] of Object.entries(encoded.props)) (error as unknown as Record<string, unknown>)[key] = revive(item);
  return error;
}

/**
 * Rebuilds an error sent with `encodeError` (or any thrown value that crossed as is). Synchronous:
 * a registered class is used when it is core's own or a decodeValue has loaded it already; else
 * the error keeps its name on a plain Error (use decodeValue to have the class loaded).
 */
export function decodeError(value: unknown): Error {
  const revived = decodeSync(value, null);
  return revived instanceof Error ? revived : new Error(`non-error thrown: ${safeString(revived)}`);
}

const revivers = new Map<string, Reviver>();

function targetKey(ref: TargetRef): string {
  return `${ref.module}#${ref.export}`;
}

/** Modules a value needs loaded before it can be decoded: handle revivers and error classes not seen yet. */
interface Missing {
  readonly revivers: Map<string, TargetRef>;
  readonly errorClasses: Map<string, TargetRef>;
}

function collectMissing(value: unknown, missing: Missing, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  const tag = tagOf(value);
  if (tag === 'handle') {
    const handle = value as EncodedHandle;
    const key = targetKey(handle.reviver);
    if (!revivers.has(key)) missing.revivers.set(key, handle.reviver);
    collectMissing(handle.state, missing, seen);
    return;
  }
  if (tag === 'error') {
    const errorClass = (value as EncodedError).class;
    if (errorClass !== undefined && !errorClasses.has(targetKey(errorClass))) missing.errorClasses.set(targetKey(errorClass), errorClass);
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      collectMissing(k, missing, seen);
      collectMissing(v, missing, seen);
    }
  } else if (value instanceof Set) {
    for (const item of value) collectMissing(item, missing, seen);
  } else if (isPlainContainer(value)) {
    for (const item of Array.isArray(value) ? value : Object.values(value)) collectMissing(item, missing, seen);
  }
}

/**
 * Rebuilds a value sent with `encodeValue` (or an error sent with `encodeError`), loading the
 * revivers of any handles in it and the registered classes of any errors.
 */
export async function decodeValue(value: unknown, context: ReviveContext): Promise<unknown> {
  if (typeof value !== 'object' || value === null) return value;
  const missing: Missing = { revivers: new Map(), errorClasses: new Map() };
  collectMissing(value, missing, new Set());
  for (const [key, ref] of missing.revivers) {
    const reviver = await loadTarget(ref);
    if (typeof reviver !== 'function') throw new TargetError(`handle reviver ${key} is not a function`);
    revivers.set(key, reviver as Reviver);
  }
  for (const [key, ref] of missing.errorClasses) await loadErrorClass(key, ref);
  return decodeSync(value, context);
}

/** Like decodeValue, for values that hold no handles (or whose revivers are already loaded). */
export function decodeSync(value: unknown, context: ReviveContext | null): unknown {
  return decode(value, context, new Map());
}

function decode(value: unknown, context: ReviveContext | null, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  const revive = (item: unknown): unknown => decode(item, context, seen);
  const tag = tagOf(value);
  if (tag === 'error') {
    const error = reviveError(value as EncodedError, revive);
    seen.set(value, error);
    return error;
  }
  if (tag === 'handle') {
    const handle = value as EncodedHandle;
    const reviver = revivers.get(targetKey(handle.reviver));
    if (reviver === undefined || context === null) {
      throw new TargetError(`no reviver loaded for handle ${targetKey(handle.reviver)}`);
    }
    const revived = reviver(revive(handle.state), context);
    seen.set(value, revived);
    return revived;
  }
  seen.set(value, value);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      const dk = revive(k);
      const dv = revive(v);
      if (dk !== k) {
        value.delete(k);
        value.set(dk, dv);
      } else if (dv !== v) value.set(k, dv);
    }
    return value;
  }
  if (value instanceof Set) {
    for (const item of [...value]) {
      const d = revive(item);
      if (d !== item) {
        value.delete(item);
        value.add(d);
      }
    }
    return value;
  }
  if (!isPlainContainer(value)) return value;
  // A received message is ours to change in place.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) value[i] = revive(item);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'object' && item !== null) record[key] = revive(item);
  }
  return value;
}

/** An EncodeContext that collects transferred items into an array, for one message. */
export function transferCollector(strategy: StrategyName): EncodeContext & { readonly items: object[] } {
  const items: object[] = [];
  return {
    strategy,
    items,
    transfer(item: object): number {
      items.push(item);
      return items.length - 1;
    },
  };
}

/** The ReviveContext for a message whose transferred items arrived as `items`. */
export function reviveContext(strategy: StrategyName, items: readonly object[]): ReviveContext {
  return {
    strategy,
    transferred(index: number): object {
      const item = items[index];
      if (item === undefined) throw new Error(`transferred item ${index} is missing from the message`);
      return item;
    },
  };
}

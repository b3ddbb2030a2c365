// The types a manager can create: the built-ins, and those registered with register(typeId, factory, { exposed }).
import { loadTarget, type TargetRef } from '@parlab/core';
import { SharedBarrier, SharedDict, SharedEvent, SharedList, SharedLock, SharedNamespace, SharedQueue, SharedValue } from './shared-objects.js';

export interface TypeSpec {
  readonly create: (args: unknown[]) => object;
  /** Methods a proxy may call; null (custom types registered without `exposed`): every public method of the created object. */
  readonly exposed: readonly string[] | null;
  /** Methods that also get the caller's CallContext (connection and cancel signal) as a last argument. */
  readonly contextual: ReadonlySet<string>;
}

/** A custom type as it travels to the server: the factory is named, as a target is. */
export interface CustomType {
  readonly typeId: string;
  readonly factory: TargetRef;
  readonly exposed: readonly string[] | null;
}

type Constructor = new (...args: never[]) => object;

/**
 * A built-in type: its proxies may call exactly `exposed` (Python's managers list `exposed` the
 * same way), never a server-side helper that merely happens to be a public method.
 */
function builtin(Class: Constructor, exposed: readonly string[], contextual: readonly string[] = []): TypeSpec {
  return {
    create: (args) => Reflect.construct(Class, args) as object,
    exposed,
    contextual: new Set(contextual),
  };
}

export const BUILTIN_TYPES: ReadonlyMap<string, TypeSpec> = new Map([
  ['dict', builtin(SharedDict, ['get', 'getItem', 'set', 'has', 'delete', 'pop', 'setdefault', 'update', 'keys', 'values', 'entries', 'copy', 'size', 'clear'])],
  [
    'list',
    builtin(SharedList, ['get', 'set', 'append', 'extend', 'insert', 'pop', 'remove', 'index', 'count', 'length', 'slice', 'toArray', 'reverse', 'sort', 'clear']),
  ],
  ['namespace', builtin(SharedNamespace, ['get', 'set', 'delete', 'toObject'])],
  ['value', builtin(SharedValue, ['get', 'set', 'add'])],
  ['queue', builtin(SharedQueue, ['put', 'get', 'qsize', 'empty', 'full'], ['put', 'get'])],
  ['lock', builtin(SharedLock, ['acquire', 'release', 'locked'], ['acquire'])],
  ['event', builtin(SharedEvent, ['set', 'clear', 'isSet', 'wait'], ['wait'])],
  ['barrier', builtin(SharedBarrier, ['wait', 'abort', 'reset', 'parties', 'nWaiting', 'broken'], ['wait'])],
]);

function isClass(value: (...args: never[]) => unknown): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(value));
}

/** Loads the custom factories (server side) and returns every type the server can create. */
export async function loadTypes(custom: readonly CustomType[]): Promise<Map<string, TypeSpec>> {
  const types = new Map(BUILTIN_TYPES);
  for (const type of custom) {
    const factory = await loadTarget(type.factory);
    if (typeof factory !== 'function') throw new TypeError(`factory of type '${type.typeId}' is not a function or class`);
    const make = factory as (...args: unknown[]) => unknown;
    types.set(type.typeId, {
      create: (args) => {
        const made = isClass(make) ? (Reflect.construct(make, args) as unknown) : make(...args);
        if (typeof made !== 'object' || made === null) throw new TypeError(`factory of type '${type.typeId}' did not return an object`);
        return made;
      },
      exposed: type.exposed,
      contextual: new Set(),
    });
  }
  return types;
}

/** The public methods of `target`: functions on it or its prototypes, not the constructor, not `_private`. */
export function publicMethods(target: object): string[] {
  const names = new Set<string>();
  for (let proto: object | null = target; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || name.startsWith('_')) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (typeof descriptor?.value === 'function') names.add(name);
    }
  }
  return [...names].sort();
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonExact, jsonCopy, NOT_JSON, toHandle } from '../dist/src/index.js';

// What a consumer gets when an item travels as JSON: the copy, stringified and parsed.
function viaJson(item: unknown): unknown {
  const copy = jsonCopy(item);
  return copy === NOT_JSON ? NOT_JSON : JSON.parse(JSON.stringify(copy));
}

/** Deep equality that also tells -0 from 0, a hole from undefined, and compares key order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.length !== keysB.length || keysA.some((key, i) => key !== keysB[i])) return false;
  return keysA.every((key) => same((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key]));
}

describe('values that travel as JSON (queue items, pipe values)', () => {
  it('arrive exactly as structured clone would deliver them, or are left to structured clone', () => {
    let asJson = 0;
    fc.assert(
      fc.property(fc.anything({ withDate: true, withMap: true, withSet: true, withBigInt: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }), (item) => {
        const travelled = viaJson(item);
        expect(isJsonExact(item)).toBe(travelled !== NOT_JSON);
        if (travelled === NOT_JSON) return;
        asJson++;
        expect(same(travelled, structuredClone(item))).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // The property must have been tested on JSON items, not only on ones left aside.
    expect(asJson).toBeGreaterThan(100);
  });

  it('leave aside what JSON would change', () => {
    const named = Object.assign([1, 2], { extra: true });
    const withProto = JSON.parse('{"__proto__": 1}') as unknown;
    const shareable = { [toHandle]: () => ({ reviver: { module: 'm', export: 'e' }, state: null }), plain: 1 };
    // eslint-disable-next-line no-sparse-arrays
    for (const item of [-0, NaN, Infinity, undefined, 1n, { a: undefined }, [1, , 3], [undefined], named, withProto, shareable, { inner: shareable }, new Date(0), new Map(), Symbol('s'), () => 1]) {
      expect(jsonCopy(item)).toBe(NOT_JSON);
      expect(isJsonExact(item)).toBe(false);
    }
  });

  it('copy, so that changing the item after put changes nothing', () => {
    const item = { a: [1, { b: 'c' }], d: { e: 2 } };
    const copy = jsonCopy(item) as typeof item;
    item.a.push(3);
    (item.a[1] as { b: string }).b = 'changed';
    item.d.e = 3;
    expect(copy).toEqual({ a: [1, { b: 'c' }], d: { e: 2 } });
  });

  it('stop walking deep or large items early and leave them to structured clone', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 300; i++) deep = [deep];
    expect(jsonCopy(deep)).toBe(NOT_JSON);
    expect(jsonCopy(Array.from({ length: 1000 }, (_, i) => i))).toBe(NOT_JSON);
  });
});

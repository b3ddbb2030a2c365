// Value, RawValue, Array and RawArray under both strategies: CPython's _TestValue, _TestArray and _TestSharedCTypes, and locked increments from children.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { Barrier, Lock, RLock } from '@parlab/barrier';
import { RawArray, RawValue, SharedArray, Value, type Scalar, type Typecode } from '../dist/src/index.js';
import { Pool } from '@parlab/pool';
import { addTask, addUnderLock, doubleAll, prefixSum, setValues } from '../dist/test/fixtures/targets.js';
import { backend, cleanup, killAll, start } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

// CPython's codes_values: ('i', 4343, 24234), ('d', 3.625, -4.25), ('h', -232, 234), ('q', 2**33, 2**34), ('c', b'x', b'y').
const CODES: readonly [Typecode, Scalar, Scalar][] = [
  ['i', 4343, 24234],
  ['d', 3.625, -4.25],
  ['h', -232, 234],
  ['q', 2n ** 33n, 2n ** 34n],
  ['c', 'x', 'y'],
];

describe.each(STRATEGIES)(`Value and Array (%s, backend ${backend})`, (strategy) => {
  it.each([
    ['Value', false],
    ['RawValue', true],
  ])('test_value / test_rawvalue: %s values set in a child are seen here', async (_name, raw) => {
    const values = CODES.map(([code, first]) => (raw ? new RawValue(code, first, { strategy }) : new Value(code, first, { strategy })));
    values.forEach((value, i) => expect(value.value).toBe(CODES[i]?.[1]));
    const child = start(strategy, setValues, [values, CODES.map(([, , next]) => next)]);
    expect(await child.join(20_000)).toBe(0);
    values.forEach((value, i) => expect(value.value).toBe(CODES[i]?.[2]));
  });

  it('test_getobj_getlock: a new Lock by default (Python: an RLock), the lock given, none with lock: false', async () => {
    const value = new Value('i', 5, { strategy });
    expect(value.getLock()).toBeInstanceOf(Lock);
    expect(value.getObj()).toBeInstanceOf(RawValue);
    value.getObj().value = 6;
    expect(value.value).toBe(6);
    expect(new Value('i', 5, { strategy, lock: null }).getLock()).toBeInstanceOf(Lock);
    const rlock = new RLock({ strategy });
    expect(new Value('i', 5, { strategy, lock: rlock }).getLock()).toBe(rlock);
    const lock = new Lock({ strategy });
    expect(new Value('i', 5, { strategy, lock }).getLock()).toBe(lock);
    expect(() => new Value('i', 5, { strategy, lock: false }).getLock()).toThrow(/lock: false/);
    expect(() => new Value('i', 5, { strategy, lock: 'navalue' as never })).toThrow(/options.lock/);
    expect('getLock' in new RawValue('i', 5, { strategy })).toBe(false);
    const array = new SharedArray('i', [0, 1, 2], { strategy, lock });
    expect(array.getLock()).toBe(lock);
    expect(array.getObj().toArray()).toEqual([0, 1, 2]);
    expect(() => new SharedArray('i', 3, { strategy, lock: false }).getLock()).toThrow(/lock: false/);
  });

  it.each([
    ['Array', false],
    ['RawArray', true],
  ])('test_array / test_rawarray: %s indexing, slices, and a running sum computed in a child', async (_name, raw) => {
    const seq = [680, 626, 934, 821, 150, 233, 548, 982, 714, 831];
    const array = raw ? new RawArray('i', seq, { strategy }) : new SharedArray('i', seq, { strategy });
    expect(array.length).toBe(seq.length);
    expect(array.get(3)).toBe(seq[3]);
    expect(array.get(-1)).toBe(seq[9]);
    expect(array.slice(2, 7)).toEqual(seq.slice(2, 7));
    array.setSlice(4, [1, 2, 3, 4]);
    seq.splice(4, 4, 1, 2, 3, 4);
    expect(array.toArray()).toEqual(seq);
    for (let i = 1; i < seq.length; i++) seq[i] = (seq[i] as number) + (seq[i - 1] as number);
    const child = start(strategy, prefixSum, [array]);
    expect(await child.join(20_000)).toBe(0);
    expect([...array]).toEqual(seq);
    expect(() => array.get(10)).toThrow(RangeError);
    expect(() => array.setSlice(8, [1, 2, 3])).toThrow(/do not fit/);
  });

  it('test_array_from_size: a new array of a size is zeroed, every time', () => {
    for (let round = 0; round < 3; round++) {
      const array = new SharedArray('i', 10, { strategy });
      expect(array.length).toBe(10);
      expect([...array]).toEqual(Array<number>(10).fill(0));
      array.setSlice(0, Array.from({ length: 10 }, (_, i) => i));
      expect([...array]).toEqual(Array.from({ length: 10 }, (_, i) => i));
    }
  });

  it.each([false, true])('test_sharedctypes (lock %s): a child doubles values, doubles and a char array', async (locked) => {
    const x = new Value('i', 7, { strategy, lock: locked });
    const y = new Value('d', 1 / 3, { strategy, lock: locked });
    const z = new Value('q', 2n ** 33n, { strategy, lock: locked });
    const array = new SharedArray('d', Array.from({ length: 10 }, (_, i) => i), { strategy, lock: locked });
    const text = new SharedArray('c', 20, { strategy, lock: locked });
    text.value = 'hello';
    const child = start(strategy, doubleAll, [x, y, z, array, text]);
    expect(await child.join(20_000)).toBe(0);
    expect(x.value).toBe(14);
    expect(y.value).toBeCloseTo(2 / 3);
    expect(z.value).toBe(2n ** 34n);
    for (let i = 0; i < 10; i++) expect(array.get(i)).toBeCloseTo(i * 2);
    expect(text.value).toBe('hellohello');
    expect(text.raw.subarray(0, 11)).toEqual(new Uint8Array([...Buffer.from('hellohello'), 0]));
  });

  it('concurrent increments under the lock from three children give the exact total', async () => {
    const counter = new Value('i', 0, { strategy });
    const cells = new SharedArray('d', 4, { strategy, lock: false });
    const times = 200;
    const together = new Barrier(3, { strategy });
    const children = [0, 1, 2].map(() => start(strategy, addUnderLock, [counter, cells, times, together]));
    expect(await Promise.all(children.map((child) => child.join(30_000)))).toEqual([0, 0, 0]);
    expect(counter.value).toBe(3 * times);
    expect(cells.toArray()).toEqual(Array<number>(4).fill(3 * times));
  });

  it('a Value is a Pool task argument like any primitive: 40 locked additions from 3 workers', async () => {
    const counter = new Value('i', 0, { strategy });
    const pool = new Pool({ workers: 3, strategy });
    try {
      await pool.starmap(addTask, Array.from({ length: 40 }, (_, i) => [counter, i + 1]));
    } finally {
      pool.close();
      await pool.join();
    }
    expect(counter.value).toBe((40 * 41) / 2);
  });

  it('typecodes: sizes and wrapping as in C, 64-bit integers as bigints, clear errors for the wrong kind of value', () => {
    expect(new Value('b', 300, { strategy }).value).toBe(44);
    expect(new Value('B', -1, { strategy }).value).toBe(255);
    expect(new Value('H', 65_536 + 7, { strategy }).value).toBe(7);
    expect(new Value('I', -1, { strategy }).value).toBe(4_294_967_295);
    expect(new Value('l', 5, { strategy }).value).toBe(5n);
    expect(new Value('Q', -1n, { strategy }).value).toBe(2n ** 64n - 1n);
    expect(new Value('f', 0.1, { strategy }).value).toBeCloseTo(0.1, 6);
    expect(new Value('i', undefined, { strategy }).value).toBe(0);
    expect(new Value('c', undefined, { strategy }).value).toBe('\0');
    expect(() => new Value('i', 1.5, { strategy })).toThrow(/holds integers/);
    expect(() => new Value('q', 1.5, { strategy })).toThrow(/64-bit/);
    expect(() => new Value('c', 'ab', { strategy })).toThrow(/one byte/);
    expect(() => new Value('z' as Typecode, 0, { strategy })).toThrow(/typecode must be one of/);
    expect(() => new RawArray('i', -1, { strategy })).toThrow(RangeError);
    expect(() => new RawArray('i', [1, 'x'], { strategy })).toThrow(/\[1\].*holds integers/);
    expect(() => new RawArray('i', 3, { strategy }).value).toThrow(/typecode 'c' only/);
    expect(String(new RawValue('i', 3, { strategy }))).toBe("RawValue('i', 3)");
  });

  it(`the elements are ${strategy === 'thread' || backend === 'native' ? 'mapped: view is a typed array over them' : 'reached by syscalls under the coordinator backend: view is null'}`, () => {
    const array = new RawArray('d', [1, 2, 3], { strategy });
    if (strategy === 'thread' || backend === 'native') {
      expect(array.view).toBeInstanceOf(Float64Array);
      (array.view as Float64Array)[1] = 20;
      expect(array.get(1)).toBe(20);
    } else expect(array.view).toBeNull();
  });

  if (strategy === 'thread') {
    it('a Value made for threads cannot be sent to a child process', () => {
      expect(() => start('process', setValues, [[new Value('i', 1, { strategy: 'thread' })], [2]])).toThrow(/strategy: 'process'/);
    });
  } else {
    it('a process Value also works from a thread child', async () => {
      const value = new Value('i', 1, { strategy: 'process' });
      const child = start('thread', setValues, [[value], [2]]);
      expect(await child.join(20_000)).toBe(0);
      expect(value.value).toBe(2);
    });
  }
});

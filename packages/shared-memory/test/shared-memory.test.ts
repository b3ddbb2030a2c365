// SharedMemory and ShareableList under both strategies: CPython's _TestSharedMemory cases, attaching by name from a child, and cleanup when the owner dies.
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { pathOf } from '@parlab/shm';
import { FileExistsError, FileNotFoundError, SharedMemory, SharedMemoryError, ShareableList } from '../dist/src/index.js';
import { attachThenWrite, createAndHang, editList } from '../dist/test/fixtures/targets.js';
import { backend, cleanup, exists, killAll, read, start, tmp, trackersOf, until } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));
const text = (data: Uint8Array): string => Buffer.from(data).toString();
let serial = 0;
const nameFor = (prefix: string): string => `${prefix}_${process.pid}_${serial++}`;

describe.each(STRATEGIES)(`SharedMemory (%s, backend ${backend})`, (strategy) => {
  const mapped = strategy === 'thread' || backend === 'native';

  it('test_shared_memory_basics: name, size, attach by name, FileExistsError, FileNotFoundError, one unlink', () => {
    const name = nameFor('test01_tsmb');
    const sms = new SharedMemory(name, { create: true, size: 512, strategy });
    try {
      expect(sms.name).toBe(name);
      expect(sms.size).toBe(512);
      expect(String(sms)).toContain(name);
      expect(String(sms)).toContain('512');
      sms.write(Uint8Array.of(42));
      expect(sms.read(0, 1)[0]).toBe(42);
      if (mapped) {
        expect(sms.buf.length).toBe(512);
        sms.buf[1] = 43;
        expect(sms.read(1, 1)[0]).toBe(43);
      } else expect(() => sms.buf).toThrow(SharedMemoryError);
      const also = new SharedMemory(name, { strategy });
      expect(also.read(0, 1)[0]).toBe(42);
      also.close();
      expect(() => also.read(0, 1)).toThrow(SharedMemoryError);
      // A size given when attaching is ignored.
      const same = new SharedMemory(name, { size: 20 * 512, strategy });
      expect(same.size).toBe(512);
      same.close();
      expect(() => new SharedMemory({ create: true, size: -2, strategy })).toThrow(RangeError);
      expect(() => new SharedMemory({ create: true, size: 0, strategy })).toThrow(RangeError);
      expect(() => new SharedMemory({ create: true, strategy })).toThrow(RangeError);
      expect(() => new SharedMemory({ strategy })).toThrow(/name is required/);
      expect(() => new SharedMemory(name, { create: true, size: 512, strategy })).toThrow(FileExistsError);
      expect(() => new SharedMemory(nameFor('test01_notthere'), { strategy })).toThrow(FileNotFoundError);
      expect(() => new SharedMemory('bad/name', { strategy })).toThrow(/letters, digits/);
      // Python names may start with '/', as POSIX ones do.
      expect(new SharedMemory(`/${name}`, { strategy }).name).toBe(name);

      const once = new SharedMemory(nameFor('test01_dblunlink'), { create: true, size: 5000, strategy });
      new SharedMemory(once.name, { strategy }).unlink();
      expect(() => once.unlink()).toThrow(FileNotFoundError);
      expect(() => new SharedMemory(once.name, { strategy })).toThrow(FileNotFoundError);
      // Those attached keep the memory after the unlink.
      once.write(bytes('kept'));
      expect(text(once.read(0, 4))).toBe('kept');
    } finally {
      sms.unlink();
    }
  });

  it('a block created without a name gets a fresh psm_ name; pickling (a handle) reaches the same memory', async () => {
    const sms = new SharedMemory({ create: true, size: 512, strategy });
    try {
      expect(sms.name).toMatch(/^psm_[0-9a-f]{16}$/);
      sms.write(bytes('pickle'));
      const child = start(strategy, attachThenWrite, [sms, bytes('HELLO'), strategy]);
      expect(await child.join(20_000)).toBe(0);
      expect(text(sms.read(0, 6))).toBe('HELLOe');
    } finally {
      sms.unlink();
    }
  });

  it('test_shared_memory_across_processes: a child attaches by name and writes', async () => {
    const sms = new SharedMemory({ create: true, size: 512, strategy });
    try {
      const child = start(strategy, attachThenWrite, [sms.name, bytes('howdy'), strategy]);
      expect(await child.join(20_000)).toBe(0);
      expect(text(sms.read(0, 5))).toBe('howdy');
      if (mapped) expect(text(sms.buf.subarray(0, 5))).toBe('howdy');
    } finally {
      sms.unlink();
    }
  });

  it('test_shared_memory_pickle_unpickle_dead_object: attaching by name after unlink fails', async () => {
    const sms = new SharedMemory({ create: true, size: 512, strategy });
    sms.close();
    sms.unlink();
    const child = start(strategy, attachThenWrite, [sms.name, bytes('x'), strategy]);
    expect(await child.join(20_000)).toBe(1);
    expect(child.error?.name).toBe('FileNotFoundError');
  });

  it('test_shared_memory_ShareableList_basics: Python layout and formats, slots that fit, count, index', () => {
    const sl = new ShareableList(['howdy', bytes('HoWdY'), -273.154, 100, null, true, 42], { strategy });
    try {
      expect(String(sl)).toContain(sl.shm.name);
      expect(() => sl.get(7)).toThrow(RangeError);
      expect(() => sl.set(7, 2)).toThrow(RangeError);
      sl.set(0, 'howdy');
      expect(sl.format).toBe('8s8sdqxxxxxx?xxxxxxxx?q');
      expect(sl.length).toBe(7);
      expect(() => sl.index('100')).toThrow(RangeError);
      expect(sl.index(100)).toBe(3);
      expect(sl.get(0)).toBe('howdy');
      expect(sl.get(-2)).toBe(true);
      expect([...sl]).toEqual(['howdy', bytes('HoWdY'), -273.154, 100, null, true, 42]);
      sl.set(3, 42);
      expect(sl.get(3)).toBe(42);
      sl.set(4, 'some');
      expect(sl.get(4)).toBe('some');
      expect(sl.format).toBe('8s8sdq8sxxxxxxx?q');
      expect(() => sl.set(4, 'far too many')).toThrow(/exceeds available storage/);
      expect(sl.get(4)).toBe('some');
      sl.set(0, 'encodés'); // exactly 8 bytes of UTF-8
      expect(sl.get(0)).toBe('encodés');
      expect(sl.get(1)).toEqual(bytes('HoWdY'));
      expect(() => sl.set(0, 'encodées')).toThrow(/exceeds available storage/);
      expect(() => sl.set(1, bytes('123456789'))).toThrow(/exceeds available storage/);
      expect(sl.get(1)).toEqual(bytes('HoWdY'));
      expect(sl.count(42)).toBe(2);
      expect(sl.count(bytes('HoWdY'))).toBe(1);
      expect(sl.count(bytes('adios'))).toBe(0);

      const duplicate = nameFor('test03_duplicate');
      const copy = new ShareableList(sl, { name: duplicate, strategy });
      try {
        expect(copy.shm.name).toBe(duplicate);
        expect([...copy]).toEqual([...sl]);
        expect(copy.format).toBe(sl.format);
        copy.set(-1, 77);
        expect(copy.get(-1)).toBe(77);
        expect(sl.get(-1)).not.toBe(77);
      } finally {
        copy.shm.unlink();
      }
      const tethered = new ShareableList(null, { name: sl.shm.name, strategy });
      tethered.set(-1, 880);
      expect(sl.get(-1)).toBe(880);
      tethered.shm.close();
      expect(sl.get(5)).toBe(true);
      sl.set(5, 2n ** 60n);
      expect(sl.get(5)).toBe(2n ** 60n);
    } finally {
      sl.shm.unlink();
    }
    const empty = new ShareableList(undefined, { strategy });
    try {
      expect(empty.length).toBe(0);
      expect(empty.format).toBe('');
      expect(empty.count('any')).toBe(0);
      expect(() => empty.index(null)).toThrow(RangeError);
    } finally {
      empty.shm.unlink();
    }
  });

  it('test_shared_memory_ShareableList_pickling: a child changes the list this side sees', async () => {
    const sl = new ShareableList(Array.from({ length: 10 }, (_, i) => i), { strategy });
    try {
      const child = start(strategy, editList, [sl, 4, 'changed']);
      expect(await child.join(20_000)).toBe(0);
      expect(sl.get(4)).toBe('changed');
      expect(sl.get(-1)).toBe(9);
    } finally {
      sl.shm.unlink();
    }
  });

  it(`test_shared_memory_cleaned_after_process_termination: what the owner made is unlinked when it is ${strategy === 'process' ? 'SIGKILLed' : 'stopped'}, and its tracker ends`, async () => {
    const file = tmp();
    const child = start(strategy, createAndHang, [strategy, file]);
    await until(() => exists(file));
    const { name, file: path, owner } = read<{ name: string; file: string; owner: string; value: number }>(file);
    expect(exists(path)).toBe(true);
    await until(() => trackersOf(owner).length === 1);
    const arenas = (): string[] => (strategy === 'process' ? readdirSync('/dev/shm').filter((f) => f.startsWith(`parlab_${child.pid}_`)) : []);
    if (strategy === 'process') expect(arenas().length).toBeGreaterThan(0);
    // SIGKILL for a process; a thread is stopped.
    child.kill();
    await child.join(20_000);
    await until(() => !exists(path) && arenas().length === 0);
    expect(() => new SharedMemory(name, { strategy })).toThrow(FileNotFoundError);
    await until(() => trackersOf(owner).length === 0);
  });

  it('a block this process made and never unlinked is unlinked when this process ends normally', async () => {
    // The child is a process or thread that ends on its own; the marker or segment goes with it.
    const sms = new SharedMemory({ create: true, size: 64, strategy });
    expect(exists(pathOf(sms.kind, sms.name))).toBe(true);
    sms.unlink();
    expect(exists(pathOf(sms.kind, sms.name))).toBe(false);
  });
});

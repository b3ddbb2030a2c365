import { afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { BufferTooShortError, ConnectionStateError, EOFError, BrokenPipeError, Pipe } from '../dist/src/index.js';

const opened: { close(): void }[] = [];
async function pipe(...args: Parameters<typeof Pipe>): ReturnType<typeof Pipe> {
  const ends = await Pipe(...args);
  opened.push(...ends);
  return ends;
}
afterEach(() => {
  for (const end of opened.splice(0)) end.close();
});

describe.each(STRATEGIES)('connections in one place (%s)', (strategy) => {
  it('send and recv keep values, errors and order', async () => {
    const [a, b] = await pipe({ strategy });
    const value = { map: new Map([['k', 1n]]), date: new Date(5), bytes: new Uint8Array([1, 2]), error: new RangeError('r', { cause: new Error('c') }) };
    await a.send(value);
    const got = (await b.recv({ timeoutMs: 5000 })) as typeof value;
    expect(got.map.get('k')).toBe(1n);
    expect(got.date.getTime()).toBe(5);
    expect([...got.bytes]).toEqual([1, 2]);
    expect(got.error).toBeInstanceOf(RangeError);
    expect((got.error.cause as Error).message).toBe('c');
    for (let i = 0; i < 2000; i++) void b.send(i);
    for (let i = 0; i < 2000; i++) expect(await a.recv({ timeoutMs: 5000 })).toBe(i);
  });

  it('plain values small and large (one bigger than a read), mixed with bytes, keep their order', async () => {
    const [a, b] = await pipe({ strategy });
    const big = Array.from({ length: 60_000 }, (_, i) => ({ i, s: `é${i}` }));
    void a.send({ small: 'ünï' });
    void a.send(big);
    void a.sendBytes(Buffer.from([1, 2, 3]));
    void a.send([null, -1.5, 'x']);
    expect(await b.recv({ timeoutMs: 5000 })).toEqual({ small: 'ünï' });
    expect(await b.recv({ timeoutMs: 5000 })).toEqual(big);
    expect([...(await b.recvBytes({ timeoutMs: 5000 }))]).toEqual([1, 2, 3]);
    expect(await b.recv({ timeoutMs: 5000 })).toEqual([null, -1.5, 'x']);
  });

  it('sendBytes, recvBytes (maxLength), recvBytesInto (BufferTooShortError)', async () => {
    const [a, b] = await pipe({ strategy });
    await a.sendBytes(Buffer.from('hello world'), 6, 5);
    await expect(b.recvBytes({ maxLength: 2, timeoutMs: 5000 })).rejects.toThrow(RangeError);
    expect((await b.recvBytes({ timeoutMs: 5000 })).toString()).toBe('world');
    await a.sendBytes(new Uint8Array([9, 8, 7]));
    const target = new Uint8Array(5);
    expect(await b.recvBytesInto(target, 2, { timeoutMs: 5000 })).toBe(3);
    expect([...target]).toEqual([0, 0, 9, 8, 7]);
    await a.sendBytes(new Uint8Array(10));
    const error = await b.recvBytesInto(new Uint8Array(4), 0, { timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BufferTooShortError);
    expect((error as BufferTooShortError).data.length).toBe(10);
    await a.send('value');
    await expect(b.recvBytes({ timeoutMs: 5000 })).rejects.toThrow(/recv/);
    expect(await b.recv({ timeoutMs: 5000 })).toBe('value');
    await expect(a.sendBytes('text' as unknown as Uint8Array)).rejects.toThrow(TypeError);
  });

  it('poll, timeouts and abort while waiting', async () => {
    const [a, b] = await pipe({ strategy });
    expect(await b.poll(0)).toBe(false);
    await expect(b.recv({ timeoutMs: 30 })).rejects.toMatchObject({ name: 'TimeoutError' });
    const controller = new AbortController();
    const waiting = b.recv({ signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await a.send(1);
    expect(await b.poll(5000)).toBe(true);
    expect(await b.recv({ timeoutMs: 5000 })).toBe(1);
    await expect(b.recv({ timeoutMs: Number.NaN })).rejects.toThrow(RangeError);
  });

  it('a negative timeout is 0, as Python\'s poll(-1): poll and recv answer at once', async () => {
    const [a, b] = await pipe({ strategy });
    expect(await b.poll(-1)).toBe(false);
    await expect(b.recv({ timeoutMs: -1 })).rejects.toMatchObject({ name: 'TimeoutError' });
    await a.send('x');
    // Bounded wait for the message to be there, then the negative timeouts see it.
    expect(await b.poll(5000)).toBe(true);
    expect(await b.poll(-1)).toBe(true);
    expect(await b.recv({ timeoutMs: -1 })).toBe('x');
  });

  it('duplex false: the first end only receives, the second only sends', async () => {
    const [reader, writer] = await pipe({ strategy, duplex: false });
    expect([reader.readable, reader.writable, writer.readable, writer.writable]).toEqual([true, false, false, true]);
    await expect(reader.send(1)).rejects.toThrow(ConnectionStateError);
    await expect(writer.recv()).rejects.toThrow(ConnectionStateError);
    await writer.send('x');
    expect(await reader.recv({ timeoutMs: 5000 })).toBe('x');
  });

  it('close: the other end drains, then EOFError; sending to a closed end is a BrokenPipeError', async () => {
    const [a, b] = await pipe({ strategy });
    await a.send(1);
    await a.send(2);
    a.close();
    expect(a.closed).toBe(true);
    await expect(a.send(3)).rejects.toThrow(ConnectionStateError);
    expect(await b.recv({ timeoutMs: 5000 })).toBe(1);
    expect(await b.recv({ timeoutMs: 5000 })).toBe(2);
    await expect(b.recv({ timeoutMs: 5000 })).rejects.toThrow(EOFError);
    expect(await b.poll(0)).toBe(true);
    const sent = async (): Promise<void> => {
      for (let i = 0; i < 100; i++) await b.send(i);
    };
    await expect(sent()).rejects.toThrow(BrokenPipeError);
  });

  it('rejects bad options', async () => {
    await expect(Pipe({ strategy: 'fork' as 'thread' })).rejects.toThrow(/strategy/);
    await expect(Pipe({ duplex: 1 as unknown as boolean })).rejects.toThrow(/duplex/);
    if (strategy === 'thread') await expect(Pipe({ strategy, bufferBytes: 1000 })).rejects.toThrow(/power of two/);
  });
});

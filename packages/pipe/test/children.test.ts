import { afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { ConnectionStateError, EOFError, Pipe } from '../dist/src/index.js';
import { consume, echo, measureBytes, produce, sendPattern, sendThenHang } from '../dist/test/fixtures/targets.js';
import { reapAll, spawn } from './helpers.js';

afterEach(reapAll);

describe.each(STRATEGIES)('pipe ends in children (%s)', (strategy) => {
  it('an end passed to a child works there, and the copy left here is unusable', async () => {
    const [here, there] = await Pipe({ strategy });
    const child = spawn({ target: echo, args: [there], strategy });
    await expect(there.send(1)).rejects.toThrow(ConnectionStateError);
    for (let i = 0; i < 50; i++) {
      await here.send({ i });
      expect(await here.recv({ timeoutMs: 10_000 })).toEqual({ i });
    }
    here.close();
    expect(await child.join(10_000)).toBe(0);
  });

  it('two children talk directly; many small messages keep their order', async () => {
    const [reader, writer] = await Pipe({ strategy, duplex: false });
    const [result, report] = await Pipe({ strategy, duplex: false });
    const consumer = spawn({ target: consume, args: [reader, report], strategy });
    const producer = spawn({ target: produce, args: [writer, 5000], strategy });
    expect(await result.recv({ timeoutMs: 20_000 })).toEqual({ count: 5000, ordered: true });
    expect(await producer.join(10_000)).toBe(0);
    expect(await consumer.join(10_000)).toBe(0);
    result.close();
  });

  it('recv drains what a killed peer sent, then fails with EOFError', async () => {
    const [here, there] = await Pipe({ strategy });
    const [signalled, signal] = await Pipe({ strategy, duplex: false });
    const child = spawn({ target: sendThenHang, args: [there, signal], strategy });
    expect(await signalled.recv({ timeoutMs: 10_000 })).toBe('sent');
    child.kill();
    expect(await child.join(10_000)).toBe(-9);
    for (const value of ['a', 'b', 'c']) expect(await here.recv({ timeoutMs: 10_000 })).toBe(value);
    await expect(here.recv({ timeoutMs: 10_000 })).rejects.toThrow(EOFError);
    await expect(signalled.recv({ timeoutMs: 10_000 })).rejects.toThrow(EOFError);
    here.close();
    signalled.close();
  });

  it('a 256 MiB message arrives whole', async () => {
    const [here, there] = await Pipe({ strategy });
    const child = spawn({ target: measureBytes, args: [there], strategy });
    const size = 256 * 1024 * 1024;
    const data = Buffer.alloc(size);
    let sum = 0;
    for (let i = 0; i < size; i += 4093) {
      data[i] = i % 251;
      sum = (sum + (i % 251)) % 1_000_003;
    }
    await here.sendBytes(data);
    expect(await here.recv({ timeoutMs: 25_000 })).toEqual({ length: size, sum });
    expect(await child.join(10_000)).toBe(0);
    here.close();
  });

  it('recvBytesInto given up in the middle of a message writes nothing more into the buffer; the message stays whole', async () => {
    const [here, there] = await Pipe({ strategy });
    const size = 64 * 1024 * 1024;
    const child = spawn({ target: sendPattern, args: [there, size], strategy });
    const target = Buffer.alloc(size);
    const controller = new AbortController();
    const receiving = here.recvBytesInto(target, 0, { signal: controller.signal }).then(
      (n) => ({ n }),
      (error: unknown) => ({ error }),
    );
    // The process strategy reads a big message straight into the caller's buffer: give up once its first
    // bytes are there (or after a while, for a strategy that copies a whole message in at the end).
    const giveUpAt = performance.now() + (strategy === 'process' ? 10_000 : 500);
    while (target[1] === 0 && performance.now() < giveUpAt) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('gave up'));
    const outcome = await receiving;
    if ('n' in outcome) {
      // It had all arrived before the abort: then the buffer holds the whole message.
      expect(outcome.n).toBe(size);
      for (let i = 0; i < size; i += 4093) expect(target[i]).toBe(i % 251);
    } else {
      expect((outcome.error as Error).message).toBe('gave up');
      const snapshot = Buffer.from(target);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(target.equals(snapshot)).toBe(true);
      const whole = await here.recvBytes({ timeoutMs: 20_000 });
      expect(whole.length).toBe(size);
      for (let i = 0; i < size; i += 4093) expect(whole[i]).toBe(i % 251);
      expect(whole[size - 1]).toBe((size - 1) % 251);
    }
    here.close();
    expect(await child.join(10_000)).toBe(0);
  });
});

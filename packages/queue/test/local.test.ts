import { describe, expect, it } from 'vitest';
import { Empty, Full, JoinableQueue, Queue, QueueStateError, SimpleQueue } from '../dist/src/index.js';

// The calls below run where the queue was made; children.test.ts covers every call from a child, per strategy.
describe('a queue used where it was made', () => {
  it('put and get keep FIFO order and copy items', async () => {
    const queue = new Queue();
    const item = { n: 1, when: new Date(3), error: new TypeError('t') };
    await queue.put(item);
    item.n = 2;
    await queue.put('second');
    const got = (await queue.get({ timeoutMs: 1000 })) as typeof item;
    expect(got.n).toBe(1);
    expect(got.when.getTime()).toBe(3);
    expect(got.error).toBeInstanceOf(TypeError);
    expect(await queue.get({ timeoutMs: 1000 })).toBe('second');
    expect(await queue.empty()).toBe(true);
  });

  it('Empty and Full, without waiting and after a timeout', async () => {
    const queue = new Queue(2);
    await expect(queue.getNowait()).rejects.toThrow(Empty);
    await expect(queue.get({ timeoutMs: 20 })).rejects.toThrow(Empty);
    await queue.putNowait(1);
    await queue.put(2);
    expect(await queue.full()).toBe(true);
    expect(await queue.qsize()).toBe(2);
    await expect(queue.putNowait(3)).rejects.toThrow(Full);
    await expect(queue.put(3, { timeoutMs: 20 })).rejects.toThrow(Full);
    const waiting = queue.put(3);
    expect(await queue.getNowait()).toBe(1);
    await waiting;
    expect([await queue.get(), await queue.get()]).toEqual([2, 3]);
  });

  it('an abort ends a wait, and the withdrawn wait takes nothing', async () => {
    const queue = new Queue();
    const controller = new AbortController();
    const waiting = queue.get({ signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await queue.put('kept');
    expect(await queue.get({ timeoutMs: 1000 })).toBe('kept');
  });

  it('close: this handle stops; bad arguments are named', async () => {
    const queue = new Queue();
    queue.close();
    await expect(queue.put(1)).rejects.toThrow(QueueStateError);
    await expect(queue.get()).rejects.toThrow(QueueStateError);
    expect(() => new Queue(-1)).toThrow(/maxsize/);
    await expect(new Queue().get({ timeoutMs: Number.NaN })).rejects.toThrow(/timeoutMs/);
    await expect(new Queue().put(() => 1)).rejects.toThrow(/function/);
  });

  it('JoinableQueue: join waits for taskDone per item; too many taskDone is an error', async () => {
    const queue = new JoinableQueue();
    await queue.join({ timeoutMs: 1000 });
    await queue.put('a');
    await queue.put('b');
    await expect(queue.join({ timeoutMs: 20 })).rejects.toMatchObject({ name: 'TimeoutError' });
    await queue.get();
    await queue.taskDone();
    const joined = queue.join({ timeoutMs: 5000 });
    await queue.get();
    await queue.taskDone();
    await joined;
    await expect(queue.taskDone()).rejects.toThrow(QueueStateError);
  });

  it('a negative timeout is 0, as in multiprocessing: get raises Empty, put Full, join TimeoutError at once', async () => {
    const queue = new JoinableQueue(1);
    await expect(queue.get({ timeoutMs: -5 })).rejects.toThrow(Empty);
    await queue.put('a', { timeoutMs: -1 });
    await expect(queue.put('b', { timeoutMs: -1 })).rejects.toThrow(Full);
    await expect(queue.join({ timeoutMs: -1 })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(await queue.get({ timeoutMs: -1 })).toBe('a');
    await queue.taskDone();
    await queue.join({ timeoutMs: -1 });
  });

  it('SimpleQueue: put, get, empty, close', async () => {
    const queue = new SimpleQueue();
    expect(await queue.empty()).toBe(true);
    await queue.put(1);
    expect(await queue.empty()).toBe(false);
    expect(await queue.get({ timeoutMs: 1000 })).toBe(1);
    queue.close();
    await expect(queue.put(2)).rejects.toThrow(QueueStateError);
  });
});

import type { StrategyWorker } from '@parlab/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Slot } from '../dist/src/slot.js';
import type { Task } from '../dist/src/task.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A worker that is never started: the slot only keeps its handle. */
const idleWorker = { ref() {}, unref() {} } as unknown as StrategyWorker;

function task(id: number): Task {
  return { id } as Task;
}

describe("Pool bookkeeping: a worker's in-flight list does not grow with answered tasks", () => {
  it('keeps its size to the tasks in flight over a million answered ones (2,000 always in flight)', () => {
    const slot = new Slot(idleWorker, 'w', { memory: null, file: null, index: 0 }, () => ({ id: 0, phase: 0 }));
    let next = 1;
    for (; next <= 2000; next++) slot.push(task(next));
    let inOrder = true;
    for (let answered = 1; answered <= 1_000_000; answered++) {
      if (slot.shift()?.id !== answered) inOrder = false;
      slot.push(task(next++));
    }
    expect(inOrder).toBe(true);
    expect(slot.running).toBe(2000);
    expect(slot.capacity).toBeLessThanOrEqual(4096);
  });

  it('lets answered tasks be collected while others are still in flight', async () => {
    const slot = new Slot(idleWorker, 'w', { memory: null, file: null, index: 0 }, () => ({ id: 0, phase: 0 }));
    const answered: WeakRef<Task>[] = [];
    for (let id = 1; id <= 2000; id++) slot.push(task(id));
    for (let i = 0; i < 1000; i++) answered.push(new WeakRef(slot.shift() as Task));
    // WeakRef targets stay alive until the job that made them ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(answered.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    expect(slot.running).toBe(1000);
  });
});

// A child's channel to its parent: a send refused at once (a value that cannot cross) does not keep the child from ending.
import { describe, expect, it } from 'vitest';
import { refOf, startWorker, STRATEGIES, withDeadline } from '../dist/src/index.js';
import { sendUncloneableThenExit } from '../dist/test/fixtures/targets.js';

describe.each(STRATEGIES)('under %s', (strategy) => {
  it('a child whose send throws still exits when it says so', async () => {
    const program = refOf(sendUncloneableThenExit);
    if (program === null) throw new Error('fixture not registered');
    const worker = startWorker({ strategy, program, name: 'sender', daemon: false });
    const messages: unknown[] = [];
    worker.onMessage((message) => messages.push(message));
    const exit = await withDeadline(new Promise<{ code: number | null }>((resolve) => worker.onExit(resolve)), 'the child exiting', { timeoutMs: 10_000 }, () => worker.signal('SIGKILL'));
    expect(exit.code).toBe(0);
    expect(messages).toEqual([{ refused: true }]);
  });
});

// A child's channels to its parent: a send refused at once, or a stderr someone else holds open, does not keep the child from ending.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Process, refOf, startWorker, STRATEGIES, withDeadline } from '../dist/src/index.js';
import { leaveStderrHolder, sendUncloneableThenExit } from '../dist/test/fixtures/targets.js';
import { tempDir } from './helpers.js';

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

describe('a process child whose stderr outlives it', () => {
  it('is reported as ended soon after it exits, even while a grandchild holds its stderr open', async () => {
    const dir = tempDir();
    const pidFile = dir.path('holder.pid');
    const child = new Process({ target: leaveStderrHolder, args: [pidFile], strategy: 'process' });
    child.start();
    try {
      // The holder sleeps 30 s; the exit must not wait for it.
      expect(await child.join(10_000)).toBe(0);
    } finally {
      const holder = Number(readFileSync(pidFile, 'utf8'));
      if (Number.isInteger(holder) && holder > 0) process.kill(holder, 'SIGKILL');
      dir.remove();
    }
  });
});

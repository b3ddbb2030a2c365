// Ctrl-C mid-run: the runner stops its workers, saves the points so far, and leaves no process behind.
import { rmSync } from 'node:fs';
import { STRATEGIES } from '@parlab/core';
import { validateResults } from '@parlab/report';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTROL, groupGone, readResults, scratch, startCli, type CliRun } from './helpers.js';

let running: CliRun | null = null;
let dir = '';

afterEach(() => {
  // Whatever happened, nothing of the run may outlive the test.
  if (running?.child.pid !== undefined && running.child.exitCode === null) process.kill(-running.child.pid, 'SIGKILL');
  running = null;
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe.each(STRATEGIES)('Ctrl-C under %s', (strategy) => {
  it('exits 130 with a valid partial results file and no process left', async () => {
    const place = scratch({ spin: 'spin-workload.js' });
    dir = place.dir;
    running = startCli(['--suite', 'workloads', '--strategies', strategy, '--workers', '1,2', '--out', place.out, '--no-report'], place.workloads);
    const pid = running.child.pid as number;
    // The first sample line: pools are up and a run is in flight.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no progress line within 20 s')), 20_000);
      running?.child.stderr?.on('data', (chunk: Buffer) => {
        if (/round 1\b/.test(chunk.toString())) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    process.kill(pid, 'SIGINT');
    const exit = await Promise.race([
      running.exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the CLI did not exit within 15 s of SIGINT')), 15_000)),
    ]);
    expect(exit.code).toBe(130);
    expect(exit.stderr).toMatch(/SIGINT received, stopping workers/);
    expect(exit.stderr).not.toMatch(CONTROL);
    const results = validateResults(readResults(place.out));
    expect(results.options['interrupted']).toBe(true);
    expect(results.points.every((p) => p.suite === 'workloads')).toBe(true);
    expect(await groupGone(pid, 5_000)).toEqual([]);
  });
});

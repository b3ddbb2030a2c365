// When whatever started the bench dies (pnpm does not pass SIGTERM on), the run stops and leaves nothing behind.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { validateResults } from '@parlab/report';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, allGone, descendants, readResults, scratch, waitForLine } from './helpers.js';

const cleanup: (() => void)[] = [];

afterEach(() => {
  for (const step of cleanup.splice(0)) step();
});

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

describe('the bench and its parent', () => {
  it('stops, saving what it measured, when the process that started it is killed', async () => {
    const place = scratch({ spin: 'spin-workload.js' });
    cleanup.push(() => rmSync(place.dir, { recursive: true, force: true }));
    // A parent that starts the bench and then does nothing: the stand-in for pnpm.
    const parentScript = `const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, ${JSON.stringify([CLI, '--suite', 'workloads', '--workers', '1', '--out', place.out, '--no-report'])},
        { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PARLAB_BENCH_WORKLOADS_DIR: ${JSON.stringify(place.workloads)} } });
      console.log(c.pid); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    cleanup.push(() => killGroup(parent.pid));
    const benchPid = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the stand-in parent printed no pid within 10 s')), 10_000);
      parent.stdout?.once('data', (chunk: Buffer) => {
        clearTimeout(timer);
        resolve(Number(chunk.toString().trim()));
      });
    });
    await waitForLine(parent, /round 1\b/, 20_000);
    const below = [benchPid, ...descendants(benchPid)];
    process.kill(parent.pid as number, 'SIGKILL');
    expect(await allGone(below, 15_000)).toEqual([]);
    const results = validateResults(readResults(place.out));
    expect(results.options['interrupted']).toBe(true);
  });
});

// A workload that throws or returns a wrong result is recorded as failed, and the run goes on.
import { rmSync } from 'node:fs';
import { STRATEGIES } from '@parlab/core';
import { validateResults } from '@parlab/report';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTROL, readResults, scratch, startCli } from './helpers.js';

const place = scratch({ spin: 'spin-workload.js', throwing: 'throwing-workload.js', wrong: 'wrong-workload.js' });

afterAll(() => rmSync(place.dir, { recursive: true, force: true }));

describe.each(STRATEGIES)('a run under %s with broken workloads', (strategy) => {
  it('records them as failed, measures the rest, and prints plain lines', async () => {
    const { code, stdout, stderr } = await startCli(
      ['--suite', 'workloads', '--strategies', strategy, '--workers', '2', '--out', place.out, '--no-report'],
      place.workloads,
    ).exited;
    expect(code).toBe(0);
    const points = validateResults(readResults(place.out)).points;
    const of = (subject: string) => points.filter((p) => p.subject === subject);
    expect(of('throwing').length).toBeGreaterThan(0);
    expect(of('throwing').every((p) => p.status === 'failed' && /RangeError: the throwing fixture always throws/.test(p.error ?? ''))).toBe(true);
    const wrong = of('wrong').find((p) => p.strategy === strategy && p.metric === 'wall_ms');
    expect(wrong?.status).toBe('failed');
    expect(wrong?.error).toMatch(/WrongResultError: .*got 2, expected 1/);
    const spin = of('spin').filter((p) => p.status === 'ok').map((p) => `${p.strategy}/${p.workers}/${p.metric}`);
    expect(spin.sort()).toEqual([`${strategy}/2/speedup`, `${strategy}/2/wall_ms`, 'serial/1/wall_ms'].sort());
    expect(points.some((p) => p.subject === 'pool-startup' && p.strategy === strategy && p.status === 'ok')).toBe(true);
    // Not a terminal: plain progress lines, no escape sequences or carriage returns anywhere.
    expect(stderr).toMatch(/\[\s*\d+%\] workloads · spin/);
    expect(stderr + stdout).not.toMatch(CONTROL);
    expect(stdout).toMatch(/spin\s+\d/);
  });
});

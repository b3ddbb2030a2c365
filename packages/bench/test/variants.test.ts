// A workload's variants are measured as contenders of their own (implementation parlab-<variant>), or skipped saying why.
import { rmSync } from 'node:fs';
import { validateResults } from '@parlab/report';
import { afterAll, describe, expect, it } from 'vitest';
import { readResults, scratch, startCli } from './helpers.js';

const place = scratch({ variant: 'variant-workload.js' });
afterAll(() => rmSync(place.dir, { recursive: true, force: true }));

describe('workload variants', () => {
  it('get points of their own beside parlab, under their strategies, and skipped ones say why', async () => {
    const { code } = await startCli(['--suite', 'workloads', '--strategies', 'thread', '--workers', '1', '--out', place.out, '--no-report'], place.workloads).exited;
    expect(code).toBe(0);
    const results = validateResults(readResults(place.out));
    const points = results.points.filter((p) => p.subject === 'variant');
    const row = (implementation: string, metric: string) => points.find((p) => p.implementation === implementation && p.metric === metric && p.strategy === 'thread');
    expect(row('parlab', 'speedup')?.status).toBe('ok');
    expect(row('parlab-one-by-one', 'speedup')).toMatchObject({ status: 'ok', workers: 1, ceiling: 1 });
    expect(row('parlab-one-by-one', 'wall_ms')?.status).toBe('ok');
    expect(row('parlab-never', 'speedup')).toMatchObject({ status: 'skipped', error: 'needs hardware this machine lacks' });
    // Only the strategies asked for: no process points at all.
    expect(points.filter((p) => p.strategy === 'process')).toEqual([]);
    expect(results.subjects?.['variant']?.variants?.['parlab-one-by-one']?.title.es).toBe('Una tarea cada vez');
  }, 60_000);
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure, notOkRecord, okRecord, runPython, runPythonFigures, type Identity } from '../dist/src/index.js';

const identity: Identity = { subject: 'barrier-round', implementation: 'parlab', strategy: 'thread', workers: 2, metric: 'round_trip_us', unit: 'us', better: 'lower' };

describe('records', () => {
  it('summarises samples: n, median with its interval, quartiles, extremes, outliers and flags', () => {
    const record = okRecord(identity, [4, 1, 3, 2, 5]);
    expect(record).toMatchObject({ suite: 'primitives', status: 'ok', n: 5, median: 3, mean: 3, min: 1, max: 5, p75: 4, ciLow: 1, ciHigh: 5 });
    // Five samples cannot give a 95 % interval of the median: [min, max] covers 1 − 2/32, and says so.
    expect(record.ciLevel).toBeCloseTo(0.9375, 12);
    expect(record.flags).toEqual(['noisy', 'fewSamples']);
    expect(record.rme).toBeCloseTo((2 / 3) * 100, 10);
    expect(record.p99).toBeCloseTo(4.96, 10);
    expect(record.samples).toEqual([4, 1, 3, 2, 5]);
  });

  it('turns a failing measurement into a failed record instead of throwing', async () => {
    const failed = await measure(identity, { profile: 'quick' }, () => Promise.reject(new Error('coordinator lost')));
    expect(failed).toEqual({ ...notOkRecord(identity, 'failed', 'coordinator lost') });
    const ok = await measure(identity, { profile: 'quick' }, () => Promise.resolve([2, 2]));
    expect(ok).toMatchObject({ status: 'ok', median: 2, rme: 0, n: 2 });
  });

  it('stops before measuring when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    await expect(measure(identity, { profile: 'quick', signal: controller.signal }, () => Promise.resolve([1]))).rejects.toThrow('interrupted');
  });
});

describe('Python twins', () => {
  it('read the figure lists a twin prints, and refuse a twin without the list asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parlab-bench-kit-'));
    try {
      const script = join(dir, 'twin.py');
      writeFileSync(script, 'import json, sys\nn = int(sys.argv[1])\nprint(json.dumps({"round_trip_us": [1.5] * n, "bytes_per_s": [2e9]}))\n');
      expect(await runPythonFigures(script, ['3'])).toEqual({ round_trip_us: [1.5, 1.5, 1.5], bytes_per_s: [2e9] });
      await expect(runPython(script, ['1'])).rejects.toThrow('printed no "samples" list');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

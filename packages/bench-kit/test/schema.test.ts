// The results JSON Schema: what it accepts, the one-line errors it gives, and schema 1 files upgraded on reading.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { okRecord, notOkRecord, ResultsSchemaError, schemaPath, validateResults, type ResultsFile } from '../dist/src/index.js';

const wall = { suite: 'workloads', subject: 'primes', implementation: 'parlab', strategy: 'serial', workers: 1, metric: 'wall_ms', unit: 'ms', better: 'lower' } as const;
const speedup = { ...wall, strategy: 'thread', workers: 4, metric: 'speedup', unit: 'x', better: 'higher' } as const;

function document(): ResultsFile {
  return {
    schema: 2,
    runId: '2026-12-02T01-00-00Z-lab',
    createdAt: '2026-12-02T01:00:00.000Z',
    machine: { cpuModel: 'cpu', cores: 2, availableCores: 2, cpuQuota: null, memoryBytes: 1e9, os: 'linux', node: 'v20.20.2', python: null },
    host: {
      referenceMs: 5,
      speedIndex: { median: 1, min: 0.95, max: 1.02, samples: [{ atMs: 0, index: 1 }] },
      start: { loadAverage: [0.1, 0.2, 0.3], busyShare: 0.01, stealShare: 0 },
      end: null,
      warnings: [],
    },
    options: { profile: 'quick' },
    points: [okRecord(wall, [100, 101, 99, 102, 98, 100]), okRecord(speedup, [1.9, 1.95, 1.92, 1.88, 1.91, 1.93], { ceiling: 2 }), notOkRecord(wall, 'failed', new Error('boom'))],
  };
}

function errorOf(json: unknown): ResultsSchemaError {
  try {
    validateResults(json);
  } catch (error) {
    if (error instanceof ResultsSchemaError) return error;
    throw error;
  }
  throw new Error('validateResults accepted the document');
}

describe('the results schema', () => {
  it('is a JSON Schema file in the package, and accepts what the records module writes', () => {
    const schema = JSON.parse(readFileSync(schemaPath(2), 'utf8')) as { properties: { schema: { const: number } } };
    expect(schema.properties.schema.const).toBe(2);
    expect(validateResults(document()).points).toHaveLength(3);
  });

  it('names the first wrong field in one line', () => {
    const bad = document() as unknown as { points: Record<string, unknown>[] };
    (bad.points[0] as Record<string, unknown>)['median'] = 'fast';
    expect(errorOf(bad).message).toBe('points[0].median must be a number (got "fast")');
    const missing = document() as unknown as { points: Record<string, unknown>[] };
    delete (missing.points[1] as Record<string, unknown>)['ciLow'];
    expect(errorOf(missing).message).toBe('points[1].ciLow is missing (got undefined)');
    const flag = document() as unknown as { points: Record<string, unknown>[] };
    (flag.points[1] as Record<string, unknown>)['flags'] = ['shaky'];
    expect(errorOf(flag).path).toBe('points[1].flags[0]');
    expect(errorOf({ ...document(), schema: 3 }).message).toMatch(/^schema must be 1 or 2; .* \(got 3\)$/);
    expect(errorOf([]).message).toBe('must be a JSON object (got an array)');
  });

  it('reads a schema 1 file and upgrades it: intervals, outliers and flags from its samples', () => {
    const v1 = {
      schema: 1,
      runId: 'old',
      createdAt: '2026-11-28T00:00:00.000Z',
      machine: { cpuModel: 'cpu', cores: 2, memoryBytes: 1, os: 'linux', node: 'v20', python: null },
      options: {},
      points: [
        { ...speedup, workers: 2, status: 'ok', median: 2.3, mean: 2.3, min: 2.2, max: 2.4, p75: 2.35, p99: 2.4, rme: 1, samples: [2.2, 2.3, 2.4, 2.25, 2.35, 2.3] },
        { ...wall, status: 'skipped' },
      ],
    };
    const upgraded = validateResults(v1);
    expect(upgraded).toMatchObject({ schema: 2, upgradedFrom: 1, machine: { availableCores: 2, cpuQuota: null } });
    const [first, second] = upgraded.points;
    expect(first).toMatchObject({ n: 6, ciLow: 2.2, ciHigh: 2.4, ceiling: 2, flags: ['aboveCeiling'] });
    expect(second).toMatchObject({ status: 'skipped', error: 'no reason was recorded' });
  });
});

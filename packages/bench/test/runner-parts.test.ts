// The runner's pure parts: paired ratios, interleaving order, default worker counts, arguments.
import { describe, expect, it } from 'vitest';
import { UsageError, interleave, pairedRatios } from '../dist/src/index.js';
import { defaultWorkers, parseCommandLine } from '../dist/src/args.js';

describe('interleave', () => {
  it('runs one sample of each contender per round, rotating the order, and keeps failures apart', async () => {
    const order: string[] = [];
    const make = (key: string, fail = false) => ({
      key,
      run: () => {
        order.push(key);
        if (fail) throw new Error(`${key} broke`);
        return key;
      },
    });
    const result = await interleave([make('a'), make('b'), make('c', true)], { rounds: 2, warmupRounds: 1, signal: new AbortController().signal });
    expect(order).toEqual(['a', 'b', 'c', 'a', 'b', 'b', 'a']);
    expect(result.samples.get('a')).toHaveLength(2);
    expect(result.errors.get('c')?.message).toBe('c broke');
  });

  it('stops at minRounds when the budget is spent', async () => {
    let runs = 0;
    const result = await interleave([{ key: 'a', run: () => runs++ }], { rounds: 10, minRounds: 2, budgetMs: 0, warmupRounds: 1, signal: new AbortController().signal });
    expect(result.samples.get('a')).toHaveLength(2);
    expect(runs).toBe(3);
  });

  it('pairs ratios round by round', () => {
    expect(pairedRatios([10, 20, 30], [5, 10])).toEqual([2, 2]);
  });
});

describe('command line', () => {
  const context = { workloadIds: ['primes', 'matmul'], cores: 2, defaultOut: '/tmp/reports' };

  it('defaults to powers of two up to the cores, plus twice the cores', () => {
    expect(defaultWorkers(2)).toEqual([1, 2, 4]);
    expect(defaultWorkers(6)).toEqual([1, 2, 4, 6, 12]);
  });

  it('adds serial whenever a parallel strategy is asked for', () => {
    const plan = parseCommandLine(['--strategies', 'thread', '--workers', '3,1,3'], context);
    expect(plan).toMatchObject({ strategies: ['serial', 'thread'], workers: [1, 3], profile: 'quick', lang: 'en' });
  });

  it('throws UsageError naming the valid values', () => {
    expect(() => parseCommandLine(['--workloads', 'prime'], context)).toThrow(new UsageError("unknown workload 'prime'; valid values: primes, matmul"));
  });
});

describe('suites that cannot run here', () => {
  it('record the python twins as skipped, with a note, when python3 is missing', async () => {
    const { runPythonSuite } = await import('../dist/src/suites/python.js');
    const records = await runPythonSuite({ profile: 'quick', python: null, workers: [1], strategies: ['serial'], signal: new AbortController().signal, onProgress: () => {} });
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.suite === 'python' && r.status === 'skipped' && /python3 was not found/.test(r.error ?? ''))).toBe(true);
  });

  it("record a package whose benchmark is not exported as skipped, naming what was tried", async () => {
    const { runPackageBench } = await import('../dist/src/suites/package-bench.js');
    const [record, ...rest] = await runPackageBench('no-such-package', 'primitives', { profile: 'quick', signal: new AbortController().signal });
    expect(rest).toEqual([]);
    expect(record).toMatchObject({ suite: 'primitives', subject: 'no-such-package', status: 'skipped' });
    expect(record?.error).toMatch(/@parlab\/no-such-package\/bench/);
  });
});

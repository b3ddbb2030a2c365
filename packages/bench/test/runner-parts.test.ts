// The runner's pure parts: paired sampling against a simulated host, default worker counts, arguments.
import { describe, expect, it } from 'vitest';
import { pairedRatios } from '@parlab/bench-kit';
import { UsageError, roundPlan, sampleAgainstReference } from '../dist/src/index.js';
import { defaultWorkers, parseCommandLine } from '../dist/src/args.js';

/** A simulated host: each run advances the clock by its cost times the host's slowness at that moment. */
function simulatedHost(slowness: (step: number) => number) {
  let clock = 0;
  let step = 0;
  const log: string[] = [];
  const contender = (key: string, costMs: number | ((run: number) => number), fail = false) => {
    let runs = 0;
    return {
      key,
      run: () => {
        log.push(key);
        if (fail) throw new Error(`${key} broke`);
        const cost = typeof costMs === 'number' ? costMs : costMs(runs);
        runs++;
        clock += cost * slowness(step++);
        return key;
      },
    };
  };
  return { clock: () => clock, log, contender };
}

const base = { minRounds: 6, maxRounds: 6, budgetMs: 1e9, warmupRounds: 1, targetSampleMs: 1, targetPercent: 5, seed: 7, signal: new AbortController().signal };

describe('paired sampling', () => {
  it('plans a round as R a b R c d R …: every contender next to a reference run', () => {
    expect(roundPlan(6, true).steps).toEqual(['R', 0, 1, 'R', 2, 3, 'R', 4, 5, 'R']);
    expect(roundPlan(5, false)).toEqual({ steps: [0, 1, 'R', 2, 3, 'R', 4], endsWithReference: false });
  });

  it('pairs each sample with the reference run beside it, so a drifting host cancels out', async () => {
    // The host slows by 3 % per run: samples a whole round apart would be off by up to 30 %.
    const host = simulatedHost((step) => 1.03 ** step);
    const configs = ['p1', 'p2', 't1', 't2', 't4', 'p4'].map((k) => host.contender(k, 50));
    const result = await sampleAgainstReference(host.contender('serial', 100), configs, { ...base, clock: host.clock });
    for (const c of configs) {
      const ratios = result.ratios.get(c.key) ?? [];
      expect(ratios).toHaveLength(6);
      // Neighbours differ by one step of drift: the true 2× stays within 3 %.
      for (const r of ratios) expect(Math.abs(r / 2 - 1)).toBeLessThan(0.031);
    }
  });

  it('shuffles the order every round, so no contender always follows the same one', async () => {
    const host = simulatedHost(() => 1);
    const configs = ['a', 'b', 'c', 'd'].map((k) => host.contender(k, 10));
    await sampleAgainstReference(host.contender('R', 10), configs, { ...base, maxRounds: 12, minRounds: 12, clock: host.clock });
    const predecessors = new Set<string>();
    host.log.forEach((key, i) => {
      if (key === 'a' && i > 0) predecessors.add(host.log[i - 1] as string);
    });
    expect(predecessors.size).toBeGreaterThan(2);
  });

  it('times a short contender over several runs, calibrated in the warm-up', async () => {
    const host = simulatedHost(() => 1);
    const result = await sampleAgainstReference(host.contender('serial', 100), [host.contender('fast', 10)], { ...base, targetSampleMs: 50, clock: host.clock });
    expect(result.iterations.get('fast')).toBe(5);
    expect(result.iterations.get('serial')).toBe(1);
    expect(result.samples.get('fast')?.every((ms) => ms === 10)).toBe(true);
  });

  it('stops as soon as every interval is within the target, and goes on while one is not', async () => {
    const quiet = simulatedHost(() => 1);
    const calm = await sampleAgainstReference(quiet.contender('serial', 100), [quiet.contender('a', 50)], { ...base, maxRounds: 30, clock: quiet.clock });
    expect(calm).toMatchObject({ rounds: 6, converged: true });
    const noisy = simulatedHost(() => 1);
    // One contender alternates between 50 and 80 ms: its interval never narrows to ±5 %.
    const jumpy = await sampleAgainstReference(noisy.contender('serial', 100), [noisy.contender('a', (run) => (run % 2 === 0 ? 50 : 80))], {
      ...base,
      maxRounds: 30,
      clock: noisy.clock,
    });
    expect(jumpy).toMatchObject({ rounds: 30, converged: false });
  });

  it('stops at minRounds when the budget is spent', async () => {
    const host = simulatedHost(() => 1);
    const result = await sampleAgainstReference(host.contender('serial', 10), [host.contender('a', (run) => 10 + (run % 3))], { ...base, maxRounds: 50, budgetMs: 0, clock: host.clock });
    expect(result.rounds).toBe(6);
  });

  it('drops a contender that throws, keeps its error, and goes on with the others', async () => {
    const host = simulatedHost(() => 1);
    const result = await sampleAgainstReference(host.contender('serial', 10), [host.contender('a', 5), host.contender('b', 5, true)], { ...base, clock: host.clock });
    expect(result.errors.get('b')?.message).toBe('b broke');
    expect(result.samples.get('a')).toHaveLength(6);
    expect(result.samples.get('b')).toHaveLength(0);
  });

  it('pairs ratios index by index', () => {
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
    expect(() => parseCommandLine(['--workloads', 'prime'], context)).toThrow(
      new UsageError("'prime' is not valid for --workloads <list>: unknown workload 'prime'; valid: primes, matmul (did you mean 'primes'?)"),
    );
  });
});

describe('suites that cannot run here', () => {
  it('record the python twins as skipped, with a note, when python3 is missing', async () => {
    const { runPythonSuite } = await import('../dist/src/suites/python.js');
    const records = await runPythonSuite({ profile: 'quick', python: null, workers: [1], strategies: ['serial'], signal: new AbortController().signal, machine: { availableCores: 2, cpuQuota: null }, onProgress: () => {} });
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.suite === 'python' && r.status === 'skipped' && /python3 was not found/.test(r.error ?? ''))).toBe(true);
  });

  it('record a package without a built benchmark as skipped, naming the file looked for', async () => {
    const { runPackageBench } = await import('../dist/src/suites/package-bench.js');
    const [record, ...rest] = await runPackageBench('no-such-package', 'primitives', { profile: 'quick', signal: new AbortController().signal });
    expect(rest).toEqual([]);
    expect(record).toMatchObject({ suite: 'primitives', subject: 'no-such-package', status: 'skipped' });
    expect(record?.error).toMatch(/@parlab\/no-such-package has no built benchmark \(.*packages\/no-such-package\/dist\/bench\/bench\.js/);
  });
});

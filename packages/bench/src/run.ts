// Runs the suites a plan asks for, feeding records to the store and progress to the display.
import type { WorkloadEntry } from './discover.js';
import type { HostMonitor } from './host.js';
import type { Progress } from './progress.js';
import { withHostIndices } from './records.js';
import type { ResultsStore } from './results-store.js';
import { PACKAGE_BENCHES, runPackageBench } from './suites/package-bench.js';
import { runPythonSuite } from './suites/python.js';
import { runSpawnBenchmarks } from './suites/spawn.js';
import { runWorkloadsSuite } from './suites/workloads.js';
import type { BenchRecord, MachineInfo, RunPlan, SuiteName } from './types.js';

export interface RunContext {
  readonly plan: RunPlan;
  readonly entries: readonly WorkloadEntry[];
  readonly python: string | null;
  readonly store: ResultsStore;
  readonly progress: Progress;
  readonly signal: AbortSignal;
  readonly machine: MachineInfo;
  /** Read around every step, so each point knows how fast the host was while it was measured. */
  readonly host: HostMonitor;
}

/** Rough seconds each step takes in the quick profile; only used to weigh the progress bar. */
const WEIGHT = { workload: 6, spawn: 6, packageBench: 12, python: 12 };

function suiteWeight(suite: SuiteName, context: RunContext): number {
  const packages = Object.values(PACKAGE_BENCHES).filter((s) => s === suite).length;
  switch (suite) {
    case 'workloads':
      return Math.max(1, context.entries.length) * WEIGHT.workload;
    case 'primitives':
      return WEIGHT.spawn + packages * WEIGHT.packageBench;
    case 'peers':
      return packages * WEIGHT.packageBench;
    case 'python':
      return WEIGHT.python;
  }
}

export async function runSuites(context: RunContext): Promise<void> {
  const { plan, store, progress, signal, host, machine } = context;
  const weights = plan.suites.map((suite) => suiteWeight(suite, context));
  const total = weights.reduce((a, b) => a + b, 0);
  let done = 0;
  const save = (records: BenchRecord[]): void => store.add(records);
  for (const [index, suite] of plan.suites.entries()) {
    if (signal.aborted) return;
    const weight = weights[index] ?? 0;
    const at = (fraction: number): number => (done + fraction * weight) / total;
    if (suite === 'workloads') {
      await runWorkloadsSuite({
        profile: plan.profile,
        entries: context.entries,
        strategies: plan.strategies,
        workers: plan.workers,
        signal,
        machine,
        host,
        onSubject: (id, info) => store.setSubject(id, info),
        onRecords: save,
        onProgress: (label, fraction) => progress.update(label, at(fraction)),
        onFailure: (line) => progress.log(`failed: ${line}`),
      });
    } else if (suite === 'python') {
      save(
        await runPythonSuite({
          profile: plan.profile,
          python: context.python,
          workers: plan.workers,
          strategies: plan.strategies,
          signal,
          machine,
          onProgress: (label) => progress.update(label, at(0.5)),
        }),
      );
    } else {
      const packages = Object.entries(PACKAGE_BENCHES).filter(([, s]) => s === suite);
      const steps = packages.length + (suite === 'primitives' ? 1 : 0);
      let step = 0;
      if (suite === 'primitives') {
        const before = host.reading();
        const records = await runSpawnBenchmarks(plan.profile, signal, (label) => progress.update(label, at(0)));
        const indices = [before, host.reading()];
        save(records.map((r) => withHostIndices(r, indices)));
        step++;
      }
      for (const [pkg] of packages) {
        if (signal.aborted) return;
        // A package reports labels, not fractions: advance by the time it is expected to take.
        const begun = Date.now();
        const fraction = (): number => at((step + Math.min(0.9, (Date.now() - begun) / 1000 / WEIGHT.packageBench)) / steps);
        progress.update(`${suite} · @parlab/${pkg}`, fraction());
        const before = host.reading();
        const records = await runPackageBench(pkg, suite, {
          profile: plan.profile,
          signal,
          onProgress: (label) => progress.update(`${suite} · ${pkg} · ${label}`, fraction()),
        });
        const indices = [before, host.reading()];
        save(records.map((r) => withHostIndices(r, indices)));
        step++;
      }
    }
    done += weight;
  }
}

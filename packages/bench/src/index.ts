// @parlab/bench: the workload contract and the runner's building blocks (the CLI is src/cli.ts).
export { defineWorkload } from './workload.js';
export type { CheckOutcome, Localized, ParallelOptions, PrimitiveName, Workload, WorkloadSizes, WorkloadVariant } from './workload.js';
export { contractProblem, findWorkloads, loadWorkload, workloadsRoot } from './discover.js';
export type { WorkloadEntry } from './discover.js';
export { closePool, openPool } from './pools.js';
export { roundPlan, sampleAgainstReference, seedOf, shuffled } from './sampler.js';
export type { Contender, SamplerOptions, SamplerResult } from './sampler.js';
export { UsageError, WorkloadLoadError, WrongResultError } from './errors.js';
export { LANGS, PROFILES, RUN_STRATEGIES, SUITES } from './types.js';
export type { BenchRecord, Lang, MachineInfo, Metric, PackageBenchOptions, PointStats, Profile, ResultsDocument, RunPlan, RunStrategy, SuiteName, Unit } from './types.js';
export { ProcessGroup } from './process-group.js';
export type { ProcessGroupOptions } from './process-group.js';

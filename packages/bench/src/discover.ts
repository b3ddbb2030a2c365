// Finds the workloads: every folder under workloads/ with a package.json, loaded from its dist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkloadLoadError } from './errors.js';
import { repoRoot } from './repo.js';
import type { Workload, WorkloadVariant } from './workload.js';

/** A workload folder, found but not yet imported. */
export interface WorkloadEntry {
  readonly id: string;
  readonly dir: string;
}

/** workloads/ of the repo; PARLAB_BENCH_WORKLOADS_DIR points elsewhere (tests, out-of-tree workloads). */
export function workloadsRoot(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['PARLAB_BENCH_WORKLOADS_DIR'];
  return override !== undefined && override !== '' ? resolve(override) : join(repoRoot(), 'workloads');
}

/** The workload folders, sorted by id. */
export function findWorkloads(root = workloadsRoot()): WorkloadEntry[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'package.json')))
    .map((entry) => ({ id: entry.name, dir: join(root, entry.name) }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function isLocalized(value: unknown): boolean {
  const text = value as { en?: unknown; es?: unknown } | null;
  return typeof text === 'object' && text !== null && typeof text.en === 'string' && typeof text.es === 'string';
}

/** Checks the shape of an exported workload; returns what is wrong, or null. */
export function contractProblem(value: unknown, id: string): string | null {
  if (typeof value !== 'object' || value === null) return 'it does not export `workload`';
  const w = value as Partial<Record<keyof Workload, unknown>>;
  if (w.id !== id) return `workload.id is ${JSON.stringify(w.id)}, expected the folder name "${id}"`;
  if (!isLocalized(w.title)) return 'workload.title must be { en, es }';
  if (!isLocalized(w.description)) return 'workload.description must be { en, es }';
  if (!Array.isArray(w.primitives)) return 'workload.primitives must be an array';
  const sizes = w.sizes as Record<string, unknown> | undefined;
  if (typeof sizes !== 'object' || sizes === null || !['test', 'quick', 'full'].every((k) => k in sizes)) {
    return 'workload.sizes must have test, quick and full';
  }
  for (const fn of ['serial', 'parallel', 'check'] as const) {
    if (typeof w[fn] !== 'function') return `workload.${fn} must be a function`;
  }
  if (w.variants !== undefined) {
    if (!Array.isArray(w.variants)) return 'workload.variants must be an array';
    for (const [i, v] of (w.variants as Partial<Record<keyof WorkloadVariant, unknown>>[]).entries()) {
      if (typeof v.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.id)) return `workload.variants[${i}].id must be kebab-case`;
      if (!isLocalized(v.title) || !isLocalized(v.description)) return `workload.variants[${i}] needs a title and a description, { en, es }`;
      if (!Array.isArray(v.strategies) || v.strategies.length === 0) return `workload.variants[${i}].strategies must list the strategies it runs under`;
      if (typeof v.parallel !== 'function') return `workload.variants[${i}].parallel must be a function`;
    }
  }
  return null;
}

interface PackageJson {
  main?: string;
  exports?: { '.'?: { default?: string } };
}

/** The built entry its package.json names (exports["."].default, else main). */
function entryFile(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  return resolve(dir, pkg.exports?.['.']?.default ?? pkg.main ?? 'dist/src/index.js');
}

/** Imports a workload from its built entry. */
export async function loadWorkload(entry: WorkloadEntry): Promise<Workload> {
  const file = entryFile(entry.dir);
  if (!existsSync(file)) {
    throw new WorkloadLoadError(`workload '${entry.id}' is not built (${file} is missing): run pnpm build`);
  }
  let module: { workload?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { workload?: unknown };
  } catch (error) {
    throw new WorkloadLoadError(`workload '${entry.id}' failed to load: ${(error as Error).message}`, { cause: error });
  }
  const problem = contractProblem(module.workload, entry.id);
  if (problem !== null) throw new WorkloadLoadError(`workload '${entry.id}': ${problem}`);
  return module.workload as Workload;
}

// Naming functions and classes by module URL + export name, as pickle names Python functions.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TargetError } from './errors.js';
import { importingTarget } from './main-module.js';
import type { TargetRef } from './types.js';

const TARGET = Symbol.for('parlab.target');

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Exported = Function;

interface Tagged {
  [TARGET]?: TargetRef;
}

function moduleHref(moduleUrl: string | URL): string {
  if (moduleUrl instanceof URL) return moduleUrl.href;
  if (moduleUrl.startsWith('file:')) return new URL(moduleUrl).href;
  if (moduleUrl.startsWith('/')) return pathToFileURL(moduleUrl).href;
  throw new TargetError(`module must be a file: URL or an absolute path (use import.meta.url), got '${moduleUrl}'`);
}

/** A reference to `exportName` of the module at `moduleUrl`. */
export function targetRef(moduleUrl: string | URL, exportName: string): TargetRef {
  if (typeof exportName !== 'string' || exportName === '') throw new TargetError('export name must be a non-empty string');
  return { module: moduleHref(moduleUrl), export: exportName };
}

/**
 * Declares that a module exports these functions or classes under these names, so they can be
 * passed as `target` (or subclassed from Process) directly:
 *
 *   export function work(n: number) { … }
 *   defineTargets(import.meta.url, { work });
 */
export function defineTargets<T extends Record<string, Exported>>(moduleUrl: string | URL, exports: T): T {
  const module = moduleHref(moduleUrl);
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== 'function') throw new TargetError(`defineTargets: '${name}' is not a function or class`);
    Object.defineProperty(value, TARGET, { value: { module, export: name }, configurable: true });
  }
  return exports;
}

/** The reference a function or class was registered under, or null. */
export function refOf(value: Exported): TargetRef | null {
  return (value as Tagged)[TARGET] ?? null;
}

function isRef(value: unknown): value is TargetRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TargetRef).module === 'string' &&
    typeof (value as TargetRef).export === 'string'
  );
}

/** Turns a function or a {module, export} pair into a checked TargetRef; `what` names it in errors. */
export function toTargetRef(target: unknown, what = 'target'): TargetRef {
  let ref: TargetRef;
  if (typeof target === 'function') {
    const tagged = refOf(target);
    if (tagged === null) {
      const name = target.name || 'anonymous';
      throw new TargetError(
        `${what} '${name}' is not registered: export it and call defineTargets(import.meta.url, { ${name} }) in its module, ` +
          `or pass targetRef(moduleUrl, '${name}')`,
      );
    }
    ref = tagged;
  } else if (isRef(target)) {
    ref = targetRef(target.module, target.export);
  } else {
    throw new TargetError(`${what} must be a registered function or { module, export }, got ${typeof target}`);
  }
  if (ref.module.startsWith('file:') && !existsSync(fileURLToPath(ref.module))) {
    throw new TargetError(`${what} module not found: ${fileURLToPath(ref.module)}`);
  }
  return ref;
}

/** Imports the module and returns the named export (child side: inside the bootstrapping phase). */
export async function loadTarget(ref: TargetRef): Promise<unknown> {
  let module: Record<string, unknown>;
  try {
    module = (await importingTarget(ref.module, () => import(ref.module))) as Record<string, unknown>;
  } catch (error) {
    throw new TargetError(`cannot import target module ${ref.module}: ${(error as Error).message}`, { cause: error });
  }
  if (!(ref.export in module)) {
    throw new TargetError(`module ${ref.module} has no export '${ref.export}'`);
  }
  return module[ref.export];
}

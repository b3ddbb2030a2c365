// Python's `if __name__ == '__main__':` for parlab: which module is the program's entry, and the
// bootstrapping rule that keeps a child from re-running it (a child imports the module that defines
// its target, and with it that module's top-level code).
import { AsyncLocalStorage } from 'node:async_hooks';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentProcess } from './context.js';
import { ProcessStateError } from './errors.js';

/** Set while a child imports a target's module: the module URL being imported. */
const importing = new AsyncLocalStorage<string>();

function realPath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/**
 * True when `moduleUrl` (pass `import.meta.url`) is the program's entry module in the program's
 * own process — false in every child parlab starts, whatever the strategy. The analogue of
 * Python's `if __name__ == '__main__':`: a single-file program puts the code that starts
 * processes under it, because each child imports the file to find its target.
 */
export function isMain(moduleUrl: string): boolean {
  if (parentProcess() !== null) return false;
  const entry = process.argv[1];
  if (entry === undefined || !moduleUrl.startsWith('file:')) return false;
  const self = realPath(fileURLToPath(moduleUrl));
  if (self === null) return false;
  // `node dist/work` finds dist/work.js, as the CommonJS resolver does for the entry.
  return ['', '.js', '.mjs', '.cjs'].some((ext) => realPath(`${entry}${ext}`) === self);
}

/** Runs `load` (a child importing a target's module) inside the bootstrapping phase. */
export function importingTarget<T>(moduleUrl: string, load: () => Promise<T>): Promise<T> {
  return parentProcess() === null ? load() : importing.run(moduleUrl, load);
}

/**
 * Throws what Python raises when a child starts a process "before the current process has finished
 * its bootstrapping phase": here, while the module that defines its target is being imported —
 * the module's top-level code is starting children in every child, recursively.
 */
export function checkNotBootstrapping(what: string): void {
  const module = importing.getStore();
  if (module === undefined) return;
  throw new ProcessStateError(
    `cannot start ${what} while a child imports ${module} to find its target: that module's top-level code runs again in every child. ` +
      'Put the code that starts processes under `if (isMain(import.meta.url)) { … }` (see "A single-file program" in @parlab/core\'s README), or move the target into a module of its own',
  );
}

#!/usr/bin/env node
// Builds every workspace package with one `tsc -b` (TypeScript's build mode): one compiler process for
// the whole workspace, in dependency order, incremental (a build with nothing changed takes about a
// second). The order comes from the packages' own dependencies, so a new workload needs no listing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Folders of the workspace's packages that have a tsconfig.json (pnpm-workspace.yaml's globs: `dir/*` or `dir`). */
function workspaceDirs() {
  const globs = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
    .split('\n')
    .map((line) => /^\s*-\s*['"]?([^'"#]+?)['"]?\s*$/.exec(line)?.[1])
    .filter((glob) => glob !== undefined);
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [join(root, glob)];
    const base = join(root, glob.slice(0, -2));
    return existsSync(base) ? readdirSync(base).map((name) => join(base, name)) : [];
  }).filter((dir) => existsSync(join(dir, 'tsconfig.json')) && existsSync(join(dir, 'package.json')));
}

/** Packages before the packages that depend on them. */
function inDependencyOrder(dirs) {
  const byName = new Map();
  for (const dir of dirs) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    byName.set(manifest.name, { dir, deps: Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }) });
  }
  const order = [];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    for (const dep of byName.get(name).deps) visit(dep);
    order.push(byName.get(name).dir);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return order;
}

const projects = inDependencyOrder(workspaceDirs()).map((dir) => relative(root, dir));
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const result = spawnSync(tsc, ['-b', ...projects, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (result.error !== undefined) {
  process.stderr.write(`build: tsc could not start (${result.error.message}); run scripts/setup first\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);

// The packages as npm users get them: packed with pnpm, installed with npm into an empty folder outside
// the workspace, imported, and running a Process and a Pool under both strategies.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Manifest {
  name: string;
  private?: boolean;
  files?: string[];
  dependencies?: Record<string, string>;
}

/** The workspace packages that are published (no `private` flag), by folder. */
function publishable(): { dir: string; manifest: Manifest }[] {
  return readdirSync(join(ROOT, 'packages'))
    .map((name) => join(ROOT, 'packages', name))
    .flatMap((dir) => {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
        return manifest.private === true ? [] : [{ dir, manifest }];
      } catch {
        return [];
      }
    });
}

const packages = publishable();
const work = mkdtempSync(join(tmpdir(), 'parlab-pack-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');

afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  for (const { dir } of packages) execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir, stdio: 'pipe' });
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'parlab-user', private: true, type: 'module' }));
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  // Every tarball in one install: their dependencies on each other resolve to these, not to the registry.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', ...files], { cwd: app, stdio: 'pipe', timeout: 120_000 });
}, 180_000);

describe('the published packages', () => {
  it('are the libraries, with a license, an engines field and only their build in the tarball', () => {
    expect(packages.map((p) => p.manifest.name).sort()).toEqual(
      expect.arrayContaining(['@parlab/barrier', '@parlab/core', '@parlab/manager', '@parlab/pipe', '@parlab/pool', '@parlab/queue', 'parlab']),
    );
    for (const { manifest } of packages) {
      expect(manifest).toMatchObject({ license: 'MIT', engines: { node: '>=20.9' } });
      // A library's users get no benchmark, no peer library, no bench-kit.
      expect(Object.keys(manifest.dependencies ?? {}).filter((d) => !d.startsWith('@parlab/') || d === '@parlab/bench-kit')).toEqual([]);
    }
    const listing = (name: string): string[] =>
      execFileSync('tar', ['-tzf', join(tarballs, readdirSync(tarballs).find((f) => f.startsWith(name)) as string)], { encoding: 'utf8' }).split('\n');
    const pool = listing('parlab-pool-');
    expect(pool).toContain('package/dist/src/index.js');
    expect(pool).toContain('package/LICENSE');
    expect(pool.filter((f) => f.includes('/bench') || f.includes('/test/'))).toEqual([]);
  });

  it('install from npm, import, and run a Process and a Pool under both strategies', () => {
    writeFileSync(
      join(app, 'tasks.mjs'),
      `import { defineTargets } from '@parlab/core';
export function square(x) { return x * x; }
export function hello(strategy) { console.log('hello from a child under ' + strategy); }
defineTargets(import.meta.url, { square, hello });
`,
    );
    writeFileSync(
      join(app, 'main.mjs'),
      `import { Process, STRATEGIES } from '@parlab/core';
import { Pool } from '@parlab/pool';
import { Queue } from '@parlab/queue';
import { Pipe } from '@parlab/pipe';
import { Lock } from '@parlab/barrier';
import { Manager } from '@parlab/manager';
import { getContext } from 'parlab';
import { hello, square } from './tasks.mjs';

for (const strategy of STRATEGIES) {
  const child = new Process({ target: hello, args: [strategy], strategy });
  child.start();
  await child.join(20000);
  const pool = new Pool({ strategy, workers: 2 });
  const squares = await pool.map(square, [1, 2, 3]);
  pool.close();
  await pool.join({ timeoutMs: 20000 });
  console.log(strategy, 'exit', child.exitCode, 'squares', squares.join(','));
}
const ctx = getContext('thread');
console.log('umbrella', typeof ctx.Pool, typeof Queue, typeof Pipe, typeof Lock, typeof Manager);
`,
    );
    const run = spawnSync(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain('hello from a child under process');
    expect(lines).toContain('hello from a child under thread');
    expect(lines).toContain('process exit 0 squares 1,4,9');
    expect(lines).toContain('thread exit 0 squares 1,4,9');
    expect(lines).toContain('umbrella function function function function function');
    // Installed from the tarballs, not linked to the workspace.
    expect(realpathSync(join(app, 'node_modules', '@parlab', 'core')).startsWith(realpathSync(app))).toBe(true);
  });
});

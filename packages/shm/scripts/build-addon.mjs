#!/usr/bin/env node
// Builds the native shared memory addon from native/parlab_shm.c with the machine's C compiler, or
// says what is missing; parlab falls back to its coordinator without it, so a miss is not an error.
// Usage: node scripts/build-addon.mjs [--require] [--out PATH]   (CC picks the compiler)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'native', 'parlab_shm.c');
const args = process.argv.slice(2);
const required = args.includes('--require');
const outAt = args.indexOf('--out');
const out = outAt >= 0 && args[outAt + 1] !== undefined ? resolve(args[outAt + 1]) : join(root, 'native', 'build', 'parlab_shm.node');
const say = (line) => console.log(`    ${line}`);

function notBuilt(what) {
  say(`native shared memory addon not built: ${what}`);
  say("parlab's process strategy will use its coordinator fallback (PARLAB_SHARED_MEMORY=coordinator behaves the same)");
  process.exit(required ? 1 : 0);
}

function runs(command) {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? (probe.stdout.split('\n')[0] ?? command) : null;
}

if (process.platform !== 'linux') notBuilt(`it needs Linux (futex, /dev/shm); this is ${process.platform}`);

const headerDirs = [
  process.env.npm_config_nodedir && join(process.env.npm_config_nodedir, 'include', 'node'),
  join(dirname(process.execPath), '..', 'include', 'node'),
  '/usr/include/node',
  '/usr/local/include/node',
].filter(Boolean);
const headers = headerDirs.find((dir) => existsSync(join(dir, 'node_api.h')));
if (headers === undefined) notBuilt(`Node's headers (node_api.h) were not found in ${headerDirs.join(', ')}; install Node's development headers`);

const candidates = process.env.CC ? [process.env.CC] : ['cc', 'gcc', 'clang'];
let compiler = null;
let version = null;
for (const candidate of candidates) {
  version = runs(candidate);
  if (version !== null) {
    compiler = candidate;
    break;
  }
}
if (compiler === null) notBuilt(`no C compiler (looked for ${candidates.join(', ')}${process.env.CC ? ' from CC' : ''}); install gcc or clang (Debian: apt-get install gcc)`);

if (existsSync(out) && statSync(out).mtimeMs >= statSync(source).mtimeMs && loads(out)) {
  say(`native shared memory addon up to date: ${out}`);
  process.exit(0);
}

function loads(path) {
  const check = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path)})`], { encoding: 'utf8' });
  return check.status === 0;
}

mkdirSync(dirname(out), { recursive: true });
// Built beside the target and renamed into place: a half-written addon is never loaded.
const partial = join(dirname(out), `.partial-${process.pid}.node`);
const started = Date.now();
const compile = spawnSync(compiler, ['-O2', '-Wall', '-std=gnu11', '-shared', '-fPIC', `-I${headers}`, '-o', partial, source, '-lpthread'], { encoding: 'utf8' });
if (compile.status !== 0) {
  rmSync(partial, { force: true });
  process.stdout.write((compile.stderr ?? '') + (compile.error ? `${compile.error.message}\n` : ''));
  notBuilt(`${compiler} failed (its output is above)`);
}
if (!loads(partial)) {
  rmSync(partial, { force: true });
  notBuilt('the built addon does not load in this Node.js');
}
renameSync(partial, out);
say(`native shared memory addon built with ${version} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${out}`);

#!/usr/bin/env node
// `pnpm bench`: checks the command line, builds what the run needs (quietly: stdout stays the run's),
// then runs the bench in this same process, so a signal to it, or its parent's death, reaches the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = join(root, 'packages', 'bench', 'dist', 'src', 'main.js');
const argv = process.argv.slice(2);

// A mistyped flag is answered before anything is built, when a build exists to check it with.
if (existsSync(built)) {
  const { checkCommandLine } = await import(pathToFileURL(built).href);
  const early = checkCommandLine(argv);
  if (early !== null) process.exit(early);
}

// The build's own output would corrupt `--json` on stdout: it is kept, and shown only on failure.
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  process.stderr.write(`bench: the build failed (${build.error?.message ?? `exit code ${String(build.status)}`}); fix it and run pnpm bench again\n`);
  process.exit(1);
}

const { runCli } = await import(pathToFileURL(built).href);
await runCli(argv);

#!/usr/bin/env node
// Runs turbo for the root scripts (build, typecheck, test) without its telemetry notice, and without
// colour codes when the output is not a terminal (CI logs, pipes): turbo hands its tasks a colour
// setting of its own, so NO_COLOR is what reaches vitest and tsc.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' };
if (!process.stdout.isTTY) {
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
}
const args = [...process.argv.slice(2), ...(process.stdout.isTTY ? [] : ['--no-color'])];
const child = spawn(join(root, 'node_modules', '.bin', 'turbo'), args, { cwd: root, env, stdio: 'inherit' });
// Ctrl-C reaches turbo through the terminal's process group; a SIGTERM to us alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128 + 15)));
child.on('error', (error) => {
  process.stderr.write(`turbo could not start (${error.message}): run scripts/setup first\n`);
  process.exit(1);
});

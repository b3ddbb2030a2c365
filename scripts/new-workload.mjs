#!/usr/bin/env node
// `pnpm new:workload <id>`: the scaffold lives in @parlab/bench (built by scripts/setup); this only starts it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = join(dirname(dirname(fileURLToPath(import.meta.url))), 'packages', 'bench', 'dist', 'src', 'scaffold', 'new-workload.js');
if (!existsSync(built)) {
  process.stderr.write('new:workload: parlab is not built yet; run scripts/setup first\n');
  process.exit(1);
}
const { newWorkloadCli } = await import(pathToFileURL(built).href);
process.exitCode = await newWorkloadCli(process.argv.slice(2));

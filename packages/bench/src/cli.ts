#!/usr/bin/env node
// `node packages/bench/dist/src/cli.js …`: the bench without the build step (`pnpm bench` builds first, see scripts/bench.mjs).
import { runCli } from './main.js';

await runCli(process.argv.slice(2));

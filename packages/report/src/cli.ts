// The `report` command: parses arguments, renders a report or a comparison, and maps errors to exit codes.

import { isAbsolute, relative, resolve } from 'node:path';
import { EXIT, UsageError, detectLang, printUsageError } from '@parlab/cli';
import { parseCliArgs } from './cli-args.js';
import type { CliRequest } from './cli-args.js';
import { compareReports } from './compare-reports.js';
import { ResultsNotFoundError, ResultsSchemaError } from './errors.js';
import { renderReport } from './render-report.js';
import { reproducibilityLine } from './reproducibility.js';
import { differenceText } from './run-differences.js';

/** Exit codes: 1 for unusable results, 2 for a wrong command line (every parlab command's). */
const EXIT_BAD_RESULTS = EXIT.failed;

// pnpm runs root scripts from the repo root and keeps the caller's folder in INIT_CWD.
const base = process.env['INIT_CWD'] ?? process.cwd();

function shown(path: string): string {
  const rel = relative(base, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

async function run(request: Exclude<CliRequest, { kind: 'help' }>): Promise<void> {
  const out = request.out === undefined ? undefined : resolve(base, request.out);
  if (request.kind === 'compare') {
    const done = await compareReports({ a: resolve(base, request.a), b: resolve(base, request.b), outDir: out, lang: request.lang });
    // Runs that are not like for like get a warning a script can see, not only a banner on the page.
    for (const d of done.differences) console.error(`report: warning: ${differenceText(request.lang, d).replaceAll('`', '')}`);
    console.log(`report: compared ${done.ratios.length} matching points\n  ${shown(done.htmlPath)}\n  ${shown(done.markdownPath)}`);
    console.log(`report: ${reproducibilityLine(done.reproducibility, request.lang)}`);
    return;
  }
  const target = resolve(base, request.target ?? 'reports/latest/results.json');
  const done = await renderReport({ resultsPath: target, outDir: out, lang: request.lang });
  console.log(`report: ${done.pngPaths.length} charts\n  ${shown(done.htmlPath)}\n  ${shown(done.markdownPath)}`);
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const lang = detectLang(argv);
  let request: CliRequest;
  try {
    request = parseCliArgs(argv, lang);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    printUsageError('report', error.message, lang);
    return EXIT.usage;
  }
  if (request.kind === 'help') return EXIT.ok;
  try {
    await run(request);
    return 0;
  } catch (error) {
    // One line a reader can act on, never a stack trace.
    if (error instanceof ResultsSchemaError) {
      const where = error.path === '' ? error.problem : `${error.path} ${error.problem}`;
      console.error(error.file === undefined ? where : `${shown(error.file)}: ${where}`);
    } else if (error instanceof ResultsNotFoundError) {
      console.error(`report: ${error.message}`);
    } else {
      console.error(`report: failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return EXIT_BAD_RESULTS;
  }
}

process.exitCode = await main();

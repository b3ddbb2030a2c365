// What `pnpm bench` does once built: parses the command line, runs the suites, saves results.json, prints the summary, renders the report.
import { join } from 'node:path';
import { activeChildren, cpuCount, withDeadline } from '@parlab/core';
import { EXIT as CLI_EXIT, detectLang, printUsageError } from '@parlab/cli';
import { parseCommandLine } from './args.js';
import { findWorkloads, type WorkloadEntry } from './discover.js';
import { biasNotes, machineInfo, pythonVersion } from './environment.js';
import { UsageError } from './errors.js';
import { HostMonitor } from './host.js';
import { createProgress, formatDuration } from './progress.js';
import { renderReportStep, type ReportOutcome } from './report-step.js';
import { ResultsStore } from './results-store.js';
import { runSuites } from './run.js';
import { flagReport, summaryTable } from './summary-table.js';
import { repoRoot } from './repo.js';
import { watchParents } from './parent-watch.js';
import type { RunPlan } from './types.js';

/** Exit codes: 0 done, 1 a step failed, 2 a usage error, 130 interrupted (as shells report Ctrl-C). */
const EXIT = CLI_EXIT;
/** How long a stopping run may take to close its workers before it exits anyway. */
const STOP_GRACE_MS = 5_000;
/** How long rendering the report may take (charts, page, Markdown) before the run gives up on it. */
const REPORT_TIMEOUT_MS = 60_000;

function exit(code: number): void {
  // Let stdout drain (a large --json document) before leaving.
  process.stdout.write('', () => process.exit(code));
}

type Parsed = { plan: RunPlan; entries: WorkloadEntry[] } | { code: number };

function parse(argv: readonly string[]): Parsed {
  const entries = findWorkloads();
  const lang = detectLang(argv);
  try {
    const plan = parseCommandLine(argv, { workloadIds: entries.map((e) => e.id), cores: cpuCount(), defaultOut: join(repoRoot(), 'reports') }, lang);
    return plan === 'help' ? { code: EXIT.ok } : { plan, entries };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    printUsageError('bench', error.message, lang);
    return { code: EXIT.usage };
  }
}

/**
 * Checks the command line without running anything: the exit code to leave with at once (help
 * printed, or a usage error), or null when the run should go on.
 */
export function checkCommandLine(argv: readonly string[]): number | null {
  const parsed = parse(argv);
  return 'code' in parsed ? parsed.code : null;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parse(argv);
  if ('code' in parsed) return parsed.code;
  const { plan, entries } = parsed;
  const log = (line: string): boolean => process.stderr.write(`${line}\n`);
  const python = plan.suites.includes('python') ? pythonVersion() : null;
  const biases = biasNotes();
  const machine = machineInfo(python);
  const started = Date.now();
  const store = new ResultsStore(plan.outDir, machine, {
    profile: plan.profile,
    suites: plan.suites,
    workloads: plan.workloads,
    strategies: plan.strategies,
    workers: plan.workers,
    lang: plan.lang,
    environment: Object.fromEntries(biases.map((b) => [b.name, b.value])),
    biases: biases.map((b) => ({ name: b.name, value: b.value, effect: b.effect })),
  });
  log(`parlab bench · ${plan.profile} · ${plan.suites.join(', ')} · workers ${plan.workers.join(',')} · ${machine.cores} cores · node ${machine.node}${python === null ? '' : ` · python ${python}`}`);
  if (machine.sharedMemory !== undefined) log(`shared memory for processes: ${machine.sharedMemory.backend} (${machine.sharedMemory.reason})`);
  for (const bias of biases) log(`note: ${bias.name}=${bias.value} biases the comparison: ${bias.effect[plan.lang]}`);
  log(`results: ${store.path}`);
  // The host is measured too: a busy or unstable machine is said at once, not discovered in the charts.
  const host = new HostMonitor();
  const warnings = await host.begin();
  for (const warning of warnings) log(`warning: ${warning.message}: the benchmark result may be unstable`);
  store.setHost(host.info());

  const controller = new AbortController();
  let interrupted = false;
  let grace: NodeJS.Timeout | undefined;
  const stop = (why: string): void => {
    if (interrupted) {
      log(`bench: ${why} again, leaving now`);
      process.exit(EXIT.interrupted);
    }
    interrupted = true;
    log(`\nbench: ${why}, stopping workers and saving the points measured so far…`);
    controller.abort(new Error(`interrupted: ${why}`));
    // Whatever does not close in time is killed with us (core's guardian stops orphaned children).
    grace = setTimeout(() => process.exit(EXIT.interrupted), STOP_GRACE_MS);
    grace.unref();
  };
  const onSignal = (signal: NodeJS.Signals): void => stop(`${signal} received`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // pnpm does not pass SIGTERM on to its script: when the parent goes, the run stops as on a signal.
  const unwatch = watchParents(() => stop('the process that started the bench is gone'));

  const progress = createProgress(process.stderr);
  const selected = entries.filter((e) => plan.workloads.includes(e.id));
  try {
    await runSuites({ plan, entries: selected, python, store, progress, signal: controller.signal, machine, host });
  } finally {
    progress.finish();
    for (const child of activeChildren()) child.kill();
  }
  // The workers are stopped: what is left (the summary, the report of the points so far) has its own bound.
  clearTimeout(grace);
  store.setHost(interrupted ? host.info() : await host.finish());
  unwatch();
  const durationMs = Date.now() - started;
  store.setOptions({ durationMs, interrupted });
  const out = plan.json ? process.stderr : process.stdout;
  const table = summaryTable(store.document, plan.lang);
  if (table !== '') out.write(`\n${table}\n`);
  for (const line of flagReport(store.points)) out.write(`${line}\n`);
  for (const warning of store.document.host?.warnings ?? []) if (warning.code === 'drift') out.write(`warning: ${warning.message}\n`);
  const failed = store.points.filter((p) => p.status === 'failed').length;
  const skipped = store.points.filter((p) => p.status === 'skipped');
  out.write(`\n${store.points.length} points (${failed} failed, ${skipped.length} skipped) in ${formatDuration(durationMs)} → ${store.path}\n`);
  for (const note of new Set(skipped.map((p) => `skipped ${p.suite}/${p.subject}: ${p.error ?? ''}`))) out.write(`${note}\n`);
  if (plan.json) process.stdout.write(`${JSON.stringify(store.points, null, 2)}\n`);
  if (!plan.report) {
    // `latest` keeps pointing at the newest run that has a report.
    out.write(`no report (--no-report): render it with pnpm report ${store.runDir}\n`);
    return interrupted ? EXIT.interrupted : EXIT.ok;
  }
  // English beside results.json; with --lang es the Spanish one too, in es/ (as reports/sample).
  // An interrupted run is reported too: its charts show the points it measured.
  const langs = plan.lang === 'en' ? (['en'] as const) : (['en', plan.lang] as const);
  for (const lang of langs) {
    const report = await withDeadline(renderReportStep(store.path, lang), 'rendering the report', { timeoutMs: REPORT_TIMEOUT_MS }).catch(
      (error: unknown): ReportOutcome => ({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    if (report.status === 'done') out.write(`report${interrupted ? ' (partial: the run was interrupted)' : ''}: ${report.htmlPath}\n`);
    else if (report.status === 'unavailable') out.write(`report step unavailable: ${report.reason}\n`);
    else {
      process.stderr.write(`report failed: ${report.error.message}\n`);
      return interrupted ? EXIT.interrupted : EXIT.failed;
    }
  }
  store.pointLatest();
  return interrupted ? EXIT.interrupted : EXIT.ok;
}

/** Runs the bench with `argv` and leaves the process with its exit code. */
export async function runCli(argv: readonly string[]): Promise<void> {
  await main(argv).then(exit, (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exit(EXIT.failed);
  });
}

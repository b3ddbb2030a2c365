// The command line of `pnpm bench`: parsing, checking against what exists, and the help text.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { LANGS, PROFILES, RUN_STRATEGIES, SUITES, type Lang, type Profile, type RunPlan, type RunStrategy, type SuiteName } from './types.js';

const FLAGS = {
  profile: { type: 'string' },
  suite: { type: 'string' },
  workloads: { type: 'string' },
  strategies: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  'no-report': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FLAG_LIST = Object.keys(FLAGS).map((name) => `--${name}`).join(', ');

/** 1, 2, 4, … up to `cores`, then `cores` itself and twice `cores` (oversubscribed). */
export function defaultWorkers(cores: number): number[] {
  const counts = new Set<number>();
  for (let n = 1; n <= cores; n *= 2) counts.add(n);
  counts.add(cores);
  counts.add(cores * 2);
  return [...counts].sort((a, b) => a - b);
}

export function helpText(workloadIds: readonly string[], cores: number): string {
  return [
    'Usage: pnpm bench [options]',
    '',
    'Runs CPU-bound workloads serially and under the `process` and `thread` strategies, measures',
    "parlab's primitives, compares pools with their peers and Python, then writes",
    'reports/<run-id>/results.json and renders the report.',
    '',
    'Options:',
    `  --profile quick|full     how long to measure (default quick, about 3 minutes on 2 cores)`,
    `  --suite LIST             comma-separated: ${SUITES.join(', ')} (default all)`,
    `  --workloads LIST         comma-separated workload ids (default all): ${workloadIds.join(', ') || '(none found)'}`,
    `  --strategies LIST        comma-separated: ${RUN_STRATEGIES.join(', ')} (default all; serial is`,
    '                           always measured when a parallel strategy is, to pair speedups with)',
    `  --workers LIST           comma-separated worker counts (default ${defaultWorkers(cores).join(',')} here)`,
    '  --out DIR                folder for <run-id>/results.json and `latest` (default reports/)',
    `  --lang ${LANGS.join('|')}             language of the report (default en)`,
    '  --json                   print the records as JSON on stdout (progress stays on stderr)',
    '  --no-report              write results.json but do not render the report',
    '  -h, --help               this text',
    '',
    'Ctrl-C stops the run: workers are stopped and the points measured so far are saved.',
  ].join('\n');
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function pick<T extends string>(flag: string, items: string[] | undefined, valid: readonly T[], fallback: readonly T[]): T[] {
  if (items === undefined) return [...fallback];
  if (items.length === 0) throw new UsageError(`--${flag} is empty; valid values: ${valid.join(', ')}`);
  const unknown = items.filter((item) => !(valid as readonly string[]).includes(item));
  if (unknown.length > 0) {
    throw new UsageError(`unknown ${flag} ${unknown.map((u) => `'${u}'`).join(', ')}; valid values: ${valid.join(', ') || '(none found)'}`);
  }
  return [...new Set(items)] as T[];
}

function one<T extends string>(flag: string, value: string | undefined, valid: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(valid as readonly string[]).includes(value)) {
    throw new UsageError(`unknown ${flag} '${value}'; valid values: ${valid.join(', ')}`);
  }
  return value as T;
}

function workerCounts(items: string[] | undefined, cores: number): number[] {
  if (items === undefined) return defaultWorkers(cores);
  if (items.length === 0) throw new UsageError('--workers is empty; give comma-separated whole numbers, e.g. 1,2,4');
  const counts = items.map((item) => {
    const n = Number(item);
    if (!/^\d+$/.test(item) || n < 1 || n > 256) {
      throw new UsageError(`--workers: '${item}' is not a worker count; give whole numbers from 1 to 256, e.g. 1,2,4`);
    }
    return n;
  });
  return [...new Set(counts)].sort((a, b) => a - b);
}

/** What the command line asks for, or `help`. Throws UsageError on anything mistyped. */
export function parseCommandLine(
  argv: readonly string[],
  context: { workloadIds: readonly string[]; cores: number; defaultOut: string },
): RunPlan | 'help' {
  let values: { [K in keyof typeof FLAGS]?: (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : string };
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message.split('\n')[0] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`${message}; valid flags: ${FLAG_LIST}`);
    }
    throw new UsageError(`${message}; see --help`);
  }
  if (values.help === true) return 'help';
  const strategies = pick<RunStrategy>('strategy', list(values.strategies), RUN_STRATEGIES, RUN_STRATEGIES);
  if (!strategies.includes('serial')) strategies.unshift('serial');
  return {
    profile: one<Profile>('profile', values.profile, PROFILES, 'quick'),
    suites: pick<SuiteName>('suite', list(values.suite), SUITES, SUITES),
    workloads: pick('workload', list(values.workloads), context.workloadIds, context.workloadIds),
    strategies: RUN_STRATEGIES.filter((s) => strategies.includes(s)),
    workers: workerCounts(list(values.workers), context.cores),
    outDir: resolve(values.out ?? context.defaultOut),
    lang: one<Lang>('lang', values.lang, LANGS, 'en'),
    json: values.json === true,
    report: values['no-report'] !== true,
  };
}

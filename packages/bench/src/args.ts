// The command line of `pnpm bench`, in the style every parlab command shares (@parlab/cli on commander).
import { resolve } from 'node:path';
import { Option } from 'commander';
import { choice, choices, createProgram, list, parseCommand, wholeNumber, type Lang, type ProgramSpec } from '@parlab/cli';
import { LANGS, PROFILES, RUN_STRATEGIES, SUITES, type Profile, type RunPlan, type RunStrategy, type SuiteName } from './types.js';

/** 1, 2, 4, … up to `cores`, then `cores` itself and twice `cores` (oversubscribed). */
export function defaultWorkers(cores: number): number[] {
  const counts = new Set<number>();
  for (let n = 1; n <= cores; n *= 2) counts.add(n);
  counts.add(cores);
  counts.add(cores * 2);
  return [...counts].sort((a, b) => a - b);
}

export const BENCH_SPEC: ProgramSpec = {
  name: 'bench',
  summary: {
    en: "Runs CPU-bound workloads serially and under the process and thread strategies, measures parlab's primitives, compares pools with their peers and Python, then writes reports/<run-id>/results.json and renders the report. Ctrl-C stops the run and keeps the points measured so far.",
    es: 'Ejecuta cargas de trabajo de CPU en serie y con las estrategias process y thread, mide las primitivas de parlab, compara los pools con sus pares y con Python, escribe reports/<run-id>/results.json y genera el informe. Ctrl-C detiene la ejecución y guarda los puntos ya medidos.',
  },
  examples: [
    { command: 'pnpm bench', what: { en: 'every suite, quick profile (under 3 minutes on 2 cores)', es: 'todas las suites, perfil rápido (menos de 3 minutos con 2 núcleos)' } },
    { command: 'pnpm bench --suite workloads --workloads primes,matmul --workers 1,2', what: { en: 'two workloads at 1 and 2 workers', es: 'dos cargas con 1 y 2 trabajadores' } },
    { command: 'pnpm bench --profile full --lang es', what: { en: 'the long run, report in Spanish', es: 'la ejecución larga, informe en español' } },
    { command: 'pnpm bench --json > records.json', what: { en: 'records as JSON on stdout, progress on stderr', es: 'los registros en JSON por stdout, el progreso por stderr' } },
  ],
};

export interface ArgsContext {
  readonly workloadIds: readonly string[];
  readonly cores: number;
  readonly defaultOut: string;
}

interface Parsed {
  profile: Profile;
  suite: SuiteName[];
  workloads?: string[];
  strategies: RunStrategy[];
  workers?: number[];
  out: string;
  lang: Lang;
  json?: boolean;
  report: boolean;
}

const H = {
  profile: { en: 'how long to measure', es: 'cuánto tiempo medir' },
  suite: { en: 'comma-separated suites', es: 'suites separadas por comas' },
  workloads: { en: 'comma-separated workload ids (default: all): {ids}', es: 'cargas separadas por comas (por defecto, todas): {ids}' },
  strategies: {
    en: 'comma-separated; serial is always measured with a parallel strategy, to pair speedups with',
    es: 'separadas por comas; serial se mide siempre junto a una estrategia paralela, para emparejar las aceleraciones',
  },
  workers: { en: 'comma-separated worker counts (default here: {workers})', es: 'números de trabajadores separados por comas (aquí, por defecto: {workers})' },
  out: { en: 'folder for <run-id>/results.json and latest', es: 'carpeta para <run-id>/results.json y latest' },
  lang: { en: 'language of the report and the messages', es: 'idioma del informe y de los mensajes' },
  json: { en: 'print the records as JSON on stdout (everything else goes to stderr)', es: 'escribe los registros en JSON por stdout (todo lo demás va a stderr)' },
  noReport: { en: 'write results.json but do not render the report', es: 'escribe results.json pero no genera el informe' },
} as const;

/** The commander program of `pnpm bench`; `onPlan` receives what the command line asks for. */
export function benchProgram(context: ArgsContext, lang: Lang, onPlan: (plan: RunPlan) => void): ReturnType<typeof createProgram> {
  const ids = context.workloadIds;
  const program = createProgram(BENCH_SPEC, lang)
    .addOption(new Option('--profile <profile>', H.profile[lang]).argParser(choice(PROFILES, lang)).default('quick'))
    .addOption(new Option('--suite <list>', H.suite[lang]).argParser(choices(SUITES, 'suite', lang)).default([...SUITES], SUITES.join(',')))
    .addOption(new Option('--workloads <list>', H.workloads[lang].replace('{ids}', ids.join(', ') || '—')).argParser(choices(ids, 'workload', lang)))
    .addOption(new Option('--strategies <list>', H.strategies[lang]).argParser(choices(RUN_STRATEGIES, 'strategy', lang)).default([...RUN_STRATEGIES], RUN_STRATEGIES.join(',')))
    .addOption(new Option('--workers <list>', H.workers[lang].replace('{workers}', defaultWorkers(context.cores).join(','))).argParser(list(wholeNumber(1, 256, lang), lang)))
    .addOption(new Option('--out <dir>', H.out[lang]).default(context.defaultOut, 'reports/'))
    .addOption(new Option('--lang <lang>', H.lang[lang]).argParser(choice(LANGS, lang)).default('en'))
    .addOption(new Option('--json', H.json[lang]))
    .addOption(new Option('--no-report', H.noReport[lang]))
    .action((options: Parsed) => {
      const strategies = options.strategies.includes('serial') ? options.strategies : ['serial' as const, ...options.strategies];
      onPlan({
        profile: options.profile,
        suites: SUITES.filter((s) => options.suite.includes(s)),
        workloads: options.workloads ?? [...ids],
        strategies: RUN_STRATEGIES.filter((s) => strategies.includes(s)),
        workers: [...(options.workers ?? defaultWorkers(context.cores))].sort((a, b) => a - b),
        outDir: resolve(options.out),
        lang: options.lang,
        json: options.json === true,
        report: options.report,
      });
    });
  return program;
}

/** What the command line asks for, or `help` (already printed). Throws UsageError (one line, in `lang`). */
export function parseCommandLine(argv: readonly string[], context: ArgsContext, lang: Lang = 'en'): RunPlan | 'help' {
  let plan: RunPlan | undefined;
  const outcome = parseCommand(benchProgram(context, lang, (p) => (plan = p)), argv, lang);
  if (outcome === 'help' || plan === undefined) return 'help';
  return plan;
}

// The command line of `pnpm report`, in the style every parlab command shares (@parlab/cli on commander): help, one report, or a comparison.
import { Option } from 'commander';
import { UsageError, choice, createProgram, parseCommand, type ProgramSpec } from '@parlab/cli';
import type { Lang } from './i18n.js';
import { LANGS } from './i18n.js';

export const REPORT_SPEC: ProgramSpec = {
  name: 'report',
  summary: {
    en: "Renders a run's results.json as PNG charts, an offline index.html and a README.md (in English beside results.json, in Spanish in its es/ folder), or compares two runs side by side.",
    es: 'Convierte el results.json de una ejecución en gráficos PNG, un index.html que se abre sin conexión y un README.md (en inglés junto a results.json, en español en su carpeta es/), o compara dos ejecuciones lado a lado.',
  },
  examples: [
    { command: 'pnpm report', what: { en: 'the newest run (reports/latest)', es: 'la ejecución más reciente (reports/latest)' } },
    { command: 'pnpm report reports/latest --lang es', what: { en: 'the same in Spanish, into reports/latest/es/', es: 'lo mismo en español, en reports/latest/es/' } },
    { command: 'pnpm report --compare reports/sample reports/latest', what: { en: 'two runs side by side, with what changed significantly', es: 'dos ejecuciones lado a lado, con lo que cambió de forma significativa' } },
  ],
};

export type CliRequest =
  | { kind: 'help' }
  | { kind: 'report'; target: string | undefined; out: string | undefined; lang: Lang }
  | { kind: 'compare'; a: string; b: string; out: string | undefined; lang: Lang };

const H = {
  run: { en: 'a results.json or the run folder holding it (default: reports/latest)', es: 'un results.json o la carpeta de la ejecución (por defecto: reports/latest)' },
  out: {
    en: "write there instead of the run's folder (English) or its es/ folder (Spanish)",
    es: 'escribe ahí en lugar de la carpeta de la ejecución (inglés) o su carpeta es/ (español)',
  },
  lang: { en: 'language of every title, label and explanation', es: 'idioma de cada título, etiqueta y explicación' },
  compare: { en: 'compare two runs (folders or results.json files); writes reports/compare-<A>-vs-<B> unless --out is given', es: 'compara dos ejecuciones (carpetas o results.json); escribe reports/compare-<A>-vs-<B> salvo que se dé --out' },
  twoRuns: { en: '--compare needs two runs (A B), got {n}', es: '--compare necesita dos ejecuciones (A B), hay {n}' },
  both: { en: '--compare takes its two runs itself; unexpected {extra}', es: '--compare lleva sus dos ejecuciones; sobra {extra}' },
} as const;

/**
 * What the command line asks for.
 * @throws UsageError (from @parlab/cli) with a one-line message in `lang`.
 */
export function parseCliArgs(argv: readonly string[], lang: Lang = 'en'): CliRequest {
  // pnpm may pass a lone `--` before the script's own arguments.
  const args = argv.filter((arg) => arg !== '--');
  let request: CliRequest | undefined;
  const program = createProgram(REPORT_SPEC, lang)
    .argument('[run]', H.run[lang])
    .addOption(new Option('--out <dir>', H.out[lang]))
    .addOption(new Option('--lang <lang>', H.lang[lang]).argParser(choice(LANGS, lang)).default('en'))
    .addOption(new Option('--compare <runs...>', H.compare[lang]))
    .action((run: string | undefined, options: { out?: string; lang: Lang; compare?: string[] }) => {
      if (options.compare !== undefined) {
        // `--compare A B` may also leave B as the positional argument.
        const runs = [...options.compare, ...(run === undefined ? [] : [run])];
        if (options.compare.length > 2 || (options.compare.length === 2 && run !== undefined)) throw new UsageError(H.both[lang].replace('{extra}', run ?? options.compare.slice(2).join(' ')));
        if (runs.length !== 2) throw new UsageError(H.twoRuns[lang].replace('{n}', String(runs.length)));
        request = { kind: 'compare', a: runs[0] as string, b: runs[1] as string, out: options.out, lang: options.lang };
      } else request = { kind: 'report', target: run, out: options.out, lang: options.lang };
    });
  return parseCommand(program, args, lang) === 'help' || request === undefined ? { kind: 'help' } : request;
}

// Parses the report command line into one of three requests: help, one report, or a comparison.

import { ReportUsageError } from './errors.js';
import type { Lang } from './i18n.js';
import { LANGS, isLang } from './i18n.js';

export const USAGE = `usage: report [results.json|run-dir] [--out DIR] [--lang en|es] [--compare A B] [--help]

  results.json|run-dir  the run to report on (default: reports/latest/results.json)
  --out DIR             write there instead of the run's folder
  --lang en|es          language of every title, label and explanation (default: en)
  --compare A B         compare two runs (folders or results.json files) side by side;
                        writes reports/compare-<idA>-vs-<idB> unless --out is given
  --help                show this help`;

const VALID_FLAGS = '--out DIR, --lang en|es, --compare A B, --help';

export type CliRequest =
  | { kind: 'help' }
  | { kind: 'report'; target: string | undefined; out: string | undefined; lang: Lang }
  | { kind: 'compare'; a: string; b: string; out: string | undefined; lang: Lang };

/**
 * @param argv arguments after the script name.
 * @throws ReportUsageError with a message that says what is wrong and what is valid.
 */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  const positional: string[] = [];
  let out: string | undefined;
  let lang: Lang = 'en';
  let compare: [string, string] | undefined;
  // `--flag=value` is split so both spellings go through one path.
  const args = argv.flatMap((arg) => (/^--[a-z-]+=/.test(arg) ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  const valueAfter = (i: number, flag: string, what: string): string => {
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new ReportUsageError(`${flag} needs ${what}`);
    return value;
  };
  // Help wins over everything else on the line, even over mistakes.
  if (args.some((arg) => arg === '--help' || arg === '-h')) return { kind: 'help' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') continue; // pnpm may pass it through before the script's own arguments.
    if (arg === '--out') {
      out = valueAfter(i++, arg, 'a folder');
    } else if (arg === '--lang') {
      const value = valueAfter(i++, arg, `a language (${LANGS.join(' or ')})`);
      if (!isLang(value)) throw new ReportUsageError(`--lang must be ${LANGS.join(' or ')} (got "${value}")`);
      lang = value;
    } else if (arg === '--compare') {
      const a = valueAfter(i++, arg, 'two runs (A B)');
      const b = valueAfter(i++, arg, 'two runs (A B)');
      compare = [a, b];
    } else if (arg.startsWith('-')) {
      throw new ReportUsageError(`unknown option ${arg}; valid options: ${VALID_FLAGS}`);
    } else {
      positional.push(arg);
    }
  }
  if (compare !== undefined) {
    if (positional.length > 0) throw new ReportUsageError(`--compare takes its two runs itself; unexpected ${positional.join(' ')}`);
    return { kind: 'compare', a: compare[0], b: compare[1], out, lang };
  }
  if (positional.length > 1) throw new ReportUsageError(`expected one results.json or run folder, got ${positional.length}: ${positional.join(' ')}`);
  return { kind: 'report', target: positional[0], out, lang };
}

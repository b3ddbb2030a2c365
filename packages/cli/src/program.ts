// One command-line style for `pnpm lesson`, `pnpm exercise`, `pnpm bench`, `pnpm report` and `pnpm new:workload`, built on commander.
import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { LANGS, type Lang, type Localized } from './lang.js';

/** Exit codes every parlab command uses. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** A usage error of ours (a value that parsed but makes no sense), worded in the user's language. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ProgramSpec {
  /** The pnpm script, e.g. `lesson` (help says `pnpm lesson`). */
  readonly name: string;
  readonly summary: Localized;
  /** Example lines for the help, each with what it does. */
  readonly examples: readonly { readonly command: string; readonly what: Localized }[];
  /** More help text after the examples (e.g. the list of lessons). */
  readonly epilogue?: (lang: Lang) => string;
}

const WORDS: Record<Lang, Record<string, string>> = {
  en: {},
  es: {
    'Usage:': 'Uso:',
    '[options]': '[opciones]',
    'Options:': 'Opciones:',
    'Arguments:': 'Argumentos:',
    'Commands:': 'Órdenes:',
    'display help for command': 'muestra esta ayuda',
    'default:': 'por defecto:',
  },
};

const SEE_HELP: Localized = { en: 'see pnpm {name} --help', es: 'mira pnpm {name} --help' };
const EXAMPLES: Localized = { en: 'Examples:', es: 'Ejemplos:' };

/** commander's English messages, by error code, reworded for each language. */
function reword(error: CommanderError, lang: Lang): string {
  const text = error.message.replace(/^error:\s*/, '').replace(/\n/g, ' ').trim();
  if (error.code === 'commander.invalidArgument') {
    // "option '--x <v>' argument 'y' is invalid. <our reason>" / "command-argument value 'y' is invalid for argument 'n'. <reason>"
    const option = /option '([^']+)' argument '([^']*)' is invalid\.\s*(.*)$/.exec(text);
    const positional = /command-argument value '([^']*)' is invalid for argument '([^']+)'\.\s*(.*)$/.exec(text);
    const [flag, value, reason] = option !== null ? [option[1], option[2], option[3]] : positional !== null ? [`<${positional[2] ?? ''}>`, positional[1], positional[3]] : [];
    if (flag !== undefined) return lang === 'es' ? `'${value ?? ''}' no vale para ${flag}: ${reason ?? ''}` : `'${value ?? ''}' is not valid for ${flag}: ${reason ?? ''}`;
  }
  if (lang === 'en') return text.replace(/\(Did you mean (.+?)\?\)/, '(did you mean $1?)');
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(text)?.[1];
  const did = suggestion === undefined ? '' : ` (¿querías decir ${suggestion}?)`;
  let match: RegExpExecArray | null;
  switch (error.code) {
    case 'commander.unknownOption':
      match = /unknown option '([^']+)'/.exec(text);
      return `opción desconocida '${match?.[1] ?? '?'}'${did}`;
    case 'commander.unknownCommand':
      match = /unknown command '([^']+)'/.exec(text);
      return `orden desconocida '${match?.[1] ?? '?'}'${did}`;
    case 'commander.missingArgument':
      match = /missing required argument '([^']+)'/.exec(text);
      return `falta el argumento '${match?.[1] ?? '?'}'`;
    case 'commander.optionMissingArgument':
      match = /option '([^']+)' argument missing/.exec(text);
      return `falta el valor de la opción '${match?.[1] ?? '?'}'`;
    case 'commander.excessArguments':
      match = /Expected (\d+) arguments? but got (\d+)/.exec(text);
      return `demasiados argumentos: se esperaba${match?.[1] === '1' ? '' : 'n'} ${match?.[1] ?? '?'} y hay ${match?.[2] ?? '?'}`;
    default:
      return text;
  }
}

/** The language asked for on the command line (`--lang es`, `--lang=es`, `-l es`), else PARLAB_LANG, else English. */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = arg.startsWith('--lang=') ? arg.slice(7) : arg === '--lang' || arg === '-l' ? argv[i + 1] : undefined;
    if (value !== undefined && (LANGS as readonly string[]).includes(value)) return value as Lang;
  }
  const fromEnv = env['PARLAB_LANG'];
  return fromEnv !== undefined && (LANGS as readonly string[]).includes(fromEnv) ? (fromEnv as Lang) : 'en';
}

/**
 * A commander program in parlab's style: `pnpm <name>` in its usage, suggestions after a typo,
 * help with defaults and examples in the user's language, and errors that throw (see `runProgram`)
 * instead of exiting from inside commander.
 */
export function createProgram(spec: ProgramSpec, lang: Lang): Command {
  const program = new Command(`pnpm ${spec.name}`);
  program
    .description(spec.summary[lang])
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .helpOption('-h, --help', lang === 'es' ? 'muestra esta ayuda' : 'show this help')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} })
    .configureHelp({
      formatHelp: (cmd: Command, helper: Help): string => {
        let text = Help.prototype.formatHelp.call(helper, cmd, helper);
        for (const [from, to] of Object.entries(WORDS[lang])) text = text.split(from).join(to);
        return text;
      },
    });
  const width = Math.max(...spec.examples.map((e) => e.command.length));
  const examples = spec.examples.map((e) => `  ${e.command.padEnd(width)}  # ${e.what[lang]}`).join('\n');
  program.addHelpText('after', () => `\n${EXAMPLES[lang]}\n${examples}${spec.epilogue === undefined ? '' : `\n\n${spec.epilogue(lang)}`}`);
  return program;
}

/**
 * Parses `argv` (and runs the program's action). Returns the exit code: 0 after help, 2 after a
 * usage error — printed as one line on stderr, `<name>: <what was wrong>; see pnpm <name> --help` —
 * or what `action` returned. Other errors propagate.
 */
export async function runProgram(program: Command, spec: Pick<ProgramSpec, 'name'>, argv: readonly string[], lang: Lang): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    const returned = (program as Command & { parlabExitCode?: number }).parlabExitCode;
    if (typeof returned === 'number') code = returned;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return EXIT.ok;
      printUsageError(spec.name, reword(error, lang), lang);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      printUsageError(spec.name, error.message, lang);
      return EXIT.usage;
    }
    throw error;
  }
  return code;
}

/**
 * Parses `argv` synchronously (running a synchronous action): `'help'` when help was shown, else
 * `'parsed'`. A usage error throws UsageError with the one-line message, in `lang`.
 */
export function parseCommand(program: Command, argv: readonly string[], lang: Lang): 'parsed' | 'help' {
  try {
    program.parse([...argv], { from: 'user' });
    return 'parsed';
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 'help';
      throw new UsageError(reword(error, lang));
    }
    throw error;
  }
}

/** Records what an action wants the process to exit with (commander's action result is not returned). */
export function setExitCode(program: Command, code: number): void {
  (program as Command & { parlabExitCode?: number }).parlabExitCode = code;
}

/** `<name>: <message>; see pnpm <name> --help`, one line on stderr. */
export function printUsageError(name: string, message: string, lang: Lang): void {
  process.stderr.write(`${name}: ${message.replace(/\s*\n\s*/g, ' ')}; ${SEE_HELP[lang].replace('{name}', name)}\n`);
}

/** Throws commander's InvalidArgumentError, so the message names the option and the bad value. */
export function invalid(message: string): never {
  throw new InvalidArgumentError(message);
}

// The shared command-line style: help with defaults and examples, one-line errors with suggestions, in English and Spanish.
import { Option } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT, UsageError, choice, choices, createProgram, detectLang, runProgram, setExitCode, wholeNumber, type Lang } from '../dist/src/index.js';

const spec = {
  name: 'lesson',
  summary: { en: 'Runs a lesson.', es: 'Ejecuta una lección.' },
  examples: [{ command: 'pnpm lesson 1 --strategy thread', what: { en: 'lesson 1 with threads', es: 'la lección 1 con hilos' } }],
};

function demo(lang: Lang) {
  const seen: { n?: number; strategy?: string; workers?: string[] } = {};
  const program = createProgram(spec, lang)
    .argument('<n>', lang === 'es' ? 'número de lección' : 'lesson number', wholeNumber(1, 10, lang))
    .addOption(new Option('-s, --strategy <name>', lang === 'es' ? 'estrategia' : 'strategy').argParser(choice(['process', 'thread'], lang)).default('process'))
    .option('--workloads <list>', 'workloads', choices(['primes', 'matmul'], 'workload', lang))
    .action((n: number, options: { strategy: string; workloads?: string[] }) => {
      seen.n = n;
      seen.strategy = options.strategy;
      if (options.workloads !== undefined) seen.workers = options.workloads;
      if (n === 9) throw new UsageError(lang === 'es' ? 'la lección 9 necesita red' : 'lesson 9 needs a network');
      setExitCode(program, n === 7 ? 1 : 0);
    });
  return { program, seen };
}

let written = '';
afterEach(() => {
  vi.restoreAllMocks();
  written = '';
});
function capture(): void {
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
}

async function run(lang: Lang, argv: string[]): Promise<{ code: number; out: string; seen: ReturnType<typeof demo>['seen'] }> {
  const { program, seen } = demo(lang);
  written = '';
  capture();
  const code = await runProgram(program, spec, argv, lang);
  vi.restoreAllMocks();
  return { code, out: written, seen };
}

describe('a parlab command line', () => {
  it('parses arguments, applies defaults and returns the action’s exit code', async () => {
    expect(await run('en', ['3'])).toMatchObject({ code: EXIT.ok, seen: { n: 3, strategy: 'process' } });
    expect(await run('en', ['7', '--strategy', 'thread'])).toMatchObject({ code: 1, seen: { n: 7, strategy: 'thread' } });
  });

  it('answers a typo in one line, with a suggestion, exit code 2', async () => {
    const { code, out } = await run('en', ['1', '--strategi', 'thread']);
    expect(code).toBe(EXIT.usage);
    expect(out).toBe("lesson: unknown option '--strategi' (did you mean --strategy?); see pnpm lesson --help\n");
  });

  it('answers in Spanish when the user works in Spanish', async () => {
    const typo = await run('es', ['1', '--strategi', 'thread', '--lang', 'es']);
    expect(typo.out).toBe("lesson: opción desconocida '--strategi' (¿querías decir --strategy?); mira pnpm lesson --help\n");
    const bad = await run('es', ['1', '--strategy', 'fork']);
    expect(bad).toMatchObject({ code: EXIT.usage });
    expect(bad.out).toBe("lesson: 'fork' no vale para -s, --strategy <name>: debe ser uno de process, thread; mira pnpm lesson --help\n");
    expect((await run('es', [])).out).toBe("lesson: falta el argumento 'n'; mira pnpm lesson --help\n");
  });

  it('names the option and the bad value, and lists what is valid', async () => {
    expect((await run('en', ['11'])).out).toBe("lesson: '11' is not valid for <n>: must be a whole number from 1 to 10; see pnpm lesson --help\n");
    expect((await run('en', ['1', '--workloads', 'primes,fft'])).out).toMatch(/unknown workload 'fft'; valid: primes, matmul;/);
    expect((await run('en', ['1', '--workloads', 'prime'])).out).toMatch(/unknown workload 'prime'; valid: primes, matmul \(did you mean 'primes'\?\);/);
    expect((await run('es', ['1', '--strategy', 'thred'])).out).toMatch(/debe ser uno de process, thread \(¿querías decir 'thread'\?\);/);
    expect((await run('en', ['1', '2'])).out).toMatch(/^lesson: too many arguments\. Expected 1 argument but got 2\.; see/);
  });

  it('turns a UsageError from the action into the same one-line answer', async () => {
    expect(await run('en', ['9'])).toMatchObject({ code: EXIT.usage, out: 'lesson: lesson 9 needs a network; see pnpm lesson --help\n' });
  });

  it('prints help with the defaults and the examples, exit 0, in the user’s language', async () => {
    const en = await run('en', ['--help']);
    expect(en.code).toBe(EXIT.ok);
    expect(en.out).toContain('Usage: pnpm lesson [options] <n>');
    expect(en.out).toContain('(default: "process")');
    expect(en.out).toContain('pnpm lesson 1 --strategy thread  # lesson 1 with threads');
    const es = await run('es', ['--help']);
    expect(es.out).toContain('Uso: pnpm lesson [opciones] <n>');
    expect(es.out).toContain('(por defecto: "process")');
    expect(es.out).toContain('# la lección 1 con hilos');
    expect(es.out).not.toMatch(/Usage:|Options:|display help/);
  });

  it('reads the language before parsing: --lang, --lang=, -l, then PARLAB_LANG', () => {
    expect(detectLang(['1', '--lang', 'es'], {})).toBe('es');
    expect(detectLang(['--lang=es'], {})).toBe('es');
    expect(detectLang(['-l', 'es'], {})).toBe('es');
    expect(detectLang([], { PARLAB_LANG: 'es' })).toBe('es');
    expect(detectLang(['--lang', 'fr'], {})).toBe('en');
  });
});

describe('parseCommand', () => {
  it('parses synchronously, says when help was shown, and throws UsageError with the one-line message', async () => {
    const { parseCommand } = await import('../dist/src/index.js');
    const { program, seen } = demo('en');
    expect(parseCommand(program, ['4'], 'en')).toBe('parsed');
    expect(seen.n).toBe(4);
    expect(() => parseCommand(demo('en').program, ['4', '--strategi'], 'en')).toThrow(new UsageError("unknown option '--strategi' (did you mean --strategy?)"));
    capture();
    const shown = parseCommand(demo('es').program, ['--help'], 'es');
    vi.restoreAllMocks();
    expect(shown).toBe('help');
  });
});

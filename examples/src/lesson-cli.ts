// `pnpm lesson N [--strategy process|thread] [--lang en|es] [--size normal|small]`: runs one lesson of the course unit.
import { Argument, Option } from 'commander';
import { choice, createProgram, detectLang, EXIT, runProgram, setExitCode, wholeNumber, type ProgramSpec } from '@parlab/cli';
import { setDefaultStrategy, STRATEGIES, type StrategyName } from '@parlab/core';
import { loadLessons, type LessonEntry } from './catalog.js';
import { SIZES, type LessonContext, type Size } from './lesson.js';
import { langOption } from './options.js';
import { narrate, tell, writeLine } from './transcript.js';
import { fill, render, type Lang } from './text.js';

const TEXT = {
  header: { en: 'Lesson {n}: {title} (strategy: {strategy})', es: 'Lección {n}: {title} (estrategia: {strategy})' },
  source: { en: 'Code: {source} · the unit’s notebook: {notebooks}', es: 'Código: {source} · cuaderno de la unidad: {notebooks}' },
  names: { en: 'Python ↔ parlab:', es: 'Python ↔ parlab:' },
  failed: { en: 'lesson {n} failed: {message}', es: 'la lección {n} falló: {message}' },
} as const;

function spec(lessons: Map<number, LessonEntry>): ProgramSpec {
  return {
    name: 'lesson',
    summary: {
      en: 'Runs one lesson of the course unit (Unidad 8: Multiprocessing), printing what it shows; each line says which process or thread printed it.',
      es: 'Ejecuta una lección de la unidad del curso (Unidad 8: Multiprocessing) y muestra lo que enseña; cada línea dice qué proceso o hilo la escribió.',
    },
    examples: [
      { command: 'pnpm lesson 1', what: { en: 'lesson 1 with child processes (the default strategy)', es: 'la lección 1 con procesos hijos (la estrategia por defecto)' } },
      { command: 'pnpm lesson 6 --strategy thread --lang es', what: { en: 'lesson 6 with worker threads, in Spanish', es: 'la lección 6 con hilos, en español' } },
      { command: 'pnpm lesson 11 --size small', what: { en: 'the advantages and disadvantages, with small jobs', es: 'las ventajas y desventajas, con tareas pequeñas' } },
    ],
    epilogue: (lang) =>
      [lang === 'es' ? 'Lecciones:' : 'Lessons:', ...[...lessons.values()].map(({ lesson }) => `  ${String(lesson.number).padStart(2)}  ${lesson.title[lang]}`)].join('\n'),
  };
}

function printHeader(entry: LessonEntry, lang: Lang, strategy: StrategyName): void {
  const { lesson, source } = entry;
  narrate(lang, TEXT.header, { n: lesson.number, title: lesson.title[lang], strategy });
  // In English, the unit's own words under the translation.
  if (lang === 'en') writeLine(`The unit asks: «${lesson.title.es}»`);
  narrate(lang, TEXT.source, { source, notebooks: lesson.notebooks.map((name) => `«${name}»`).join(', ') });
  const width = Math.max(...lesson.python.map(([python]) => python.length));
  narrate(lang, TEXT.names);
  for (const [python, parlab] of lesson.python) narrate(lang, { en: '  {python}  ↔  {parlab}', es: '  {python}  ↔  {parlab}' }, { python: python.padEnd(width), parlab });
  narrate(lang, { en: '', es: '' });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const lang = detectLang(argv);
  const lessons = await loadLessons();
  const program = createProgram(spec(lessons), lang);
  const numbers = [...lessons.keys()];
  program
    .addArgument(
      new Argument('<N>', lang === 'es' ? `el número de la lección, de ${Math.min(...numbers)} a ${Math.max(...numbers)}` : `the lesson's number, ${Math.min(...numbers)} to ${Math.max(...numbers)}`).argParser(
        wholeNumber(Math.min(...numbers), Math.max(...numbers), lang),
      ),
    )
    .addOption(
      new Option('-s, --strategy <name>', lang === 'es' ? 'process (procesos hijos) o thread (hilos); opcional' : 'process (child processes) or thread (worker threads); optional')
        .argParser(choice(STRATEGIES, lang))
        .default('process'),
    )
    .addOption(langOption(lang))
    .addOption(
      new Option('--size <size>', lang === 'es' ? 'normal, o small: tareas y esperas más cortas (para pruebas y máquinas lentas)' : 'normal, or small: shorter jobs and waits (for tests and slow machines)')
        .argParser(choice(SIZES, lang))
        .default('normal'),
    )
    .action(async (n: number, options: { strategy: StrategyName; lang: Lang; size: Size }) => {
      const entry = lessons.get(n) as LessonEntry;
      const { strategy, size } = options;
      const l = options.lang;
      setDefaultStrategy(strategy);
      const context: LessonContext = {
        strategy,
        lang: l,
        size,
        say: (text, values) => narrate(l, text, values),
        tell: (text, values) => tell(l, text, values),
        t: (text, values) => render(l, text, values),
      };
      printHeader(entry, l, strategy);
      try {
        await entry.lesson.run(context);
      } catch (error) {
        // An expected failure (a child that could not start, a wait that ran out) is one line, not a stack.
        process.stderr.write(`lesson: ${fill(TEXT.failed[l], { n, message: (error as Error).message })}\n`);
        setExitCode(program, EXIT.failed);
      }
    });
  return runProgram(program, { name: 'lesson' }, argv, lang);
}

// No process.exit here: as in Python, the program ends when its non-daemon children have ended (lesson 3).
process.exitCode = await main();

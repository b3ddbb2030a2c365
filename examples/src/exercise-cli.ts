// `pnpm exercise N [--strategy both|process|thread] [--lang en|es] [--file F | --reference] [--reset]`: the unit's workshop, one exercise per lesson 1–10.
import { isAbsolute, resolve } from 'node:path';
import { Argument, Option } from 'commander';
import { choice, createProgram, detectLang, runProgram, setExitCode, wholeNumber, type ProgramSpec } from '@parlab/cli';
import { STRATEGIES, type StrategyName } from '@parlab/core';
import { question, WORKSHOP_TITLE } from './course.js';
import { EXERCISES, referenceFile, studentFile } from './exercises/catalog.js';
import type { Exercise } from './exercises/exercise.js';
import { runExercise } from './exercises/run.js';
import { langOption } from './options.js';
import type { Lang } from './text.js';

const spec: ProgramSpec = {
  name: 'exercise',
  summary: {
    en: `The unit's workshop (${WORKSHOP_TITLE.es}): exercise N practises lesson N. The first run copies the starting point to examples/exercises/mine/; complete the function it names, then run the command again: it checks your code under both strategies and explains what failed.`,
    es: `El taller de la unidad (${WORKSHOP_TITLE.es}): el ejercicio N practica la lección N. La primera vez copia el punto de partida en examples/exercises/mine/; completa la función que indica y vuelve a ejecutar la orden: comprueba tu código con las dos estrategias y explica lo que falló.`,
  },
  examples: [
    { command: 'pnpm exercise 6', what: { en: 'check your exercise 6 under both strategies', es: 'comprueba tu ejercicio 6 con las dos estrategias' } },
    { command: 'pnpm exercise 6 --lang es --strategy thread', what: { en: 'only with threads, in Spanish', es: 'solo con hilos, en español' } },
    { command: 'pnpm exercise 6 --reference', what: { en: 'check the teacher’s solution', es: 'comprueba la solución del profesor' } },
    { command: 'pnpm exercise 6 --reset', what: { en: 'start again from the starting point (your file is kept as .bak)', es: 'empieza de nuevo desde el punto de partida (tu archivo queda como .bak)' } },
  ],
  epilogue: (lang) => [lang === 'es' ? 'Ejercicios:' : 'Exercises:', ...[...EXERCISES.values()].map((e) => `  ${String(e.number).padStart(2)}  ${question(e.number).title[lang]}`)].join('\n'),
};

type StrategyChoice = StrategyName | 'both';

interface Options {
  strategy: StrategyChoice;
  lang: Lang;
  file?: string;
  reference: boolean;
  reset: boolean;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const lang = detectLang(argv);
  const es = lang === 'es';
  const program = createProgram(spec, lang)
    .addArgument(new Argument('<N>', es ? 'el número del ejercicio, de 1 a 10' : 'the exercise’s number, 1 to 10').argParser(wholeNumber(1, EXERCISES.size, lang)))
    .addOption(new Option('-s, --strategy <name>', es ? 'both (las dos), process o thread' : 'both, process or thread').argParser(choice([...STRATEGIES, 'both'] as const, lang)).default('both'))
    .addOption(langOption(lang))
    .addOption(new Option('--file <path>', es ? 'comprueba este archivo en vez de tu copia' : 'check this file instead of your copy').conflicts('reference'))
    .addOption(new Option('--reference', es ? 'comprueba la solución del profesor' : 'check the teacher’s solution').default(false))
    .addOption(new Option('--reset', es ? 'vuelve a copiar el punto de partida en tu archivo (guarda el tuyo como .bak)' : 'copy the starting point over your file again (keeps yours as .bak)').default(false).conflicts(['file', 'reference']))
    .action(async (n: number, options: Options) => {
      const exercise = EXERCISES.get(n) as Exercise;
      // pnpm runs the script at the repository root; a relative --file means relative to where the user typed it.
      const cwd = process.env['INIT_CWD'] ?? process.cwd();
      const file = options.file !== undefined ? (isAbsolute(options.file) ? options.file : resolve(cwd, options.file)) : options.reference ? referenceFile(exercise) : studentFile(exercise);
      const code = await runExercise({
        exercise,
        lang: options.lang,
        strategies: options.strategy === 'both' ? STRATEGIES : [options.strategy],
        file,
        studentCopy: options.file === undefined && !options.reference,
        reset: options.reset,
      });
      setExitCode(program, code);
    });
  return runProgram(program, spec, argv, lang);
}

// A student's code can leave a queue or a pipe end open: once everything printed is out, end here.
const code = await main();
process.stdout.write('', () => process.exit(code));

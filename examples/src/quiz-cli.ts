// `pnpm quiz N [--answers b,a,c] [--lang en|es]`: the quiz of lesson N in the terminal, each answer explained.
import { Argument, Option } from 'commander';
import { createProgram, detectLang, EXIT, runProgram, setExitCode, UsageError, wholeNumber, type ProgramSpec } from '@parlab/cli';
import { PROS_AND_CONS_TITLE, QUESTIONS, WORKSHOP_TITLE } from './course.js';
import { QUIZZES } from './quiz/questions.js';
import { LETTERS, runQuiz } from './quiz/run.js';
import { langOption } from './options.js';
import type { Lang, Text } from './text.js';

const titleOf = (n: number): Text => QUESTIONS.find((q) => q.number === n)?.title ?? PROS_AND_CONS_TITLE;

const spec: ProgramSpec = {
  name: 'quiz',
  summary: {
    en: `A short quiz on lesson N (the unit's ${WORKSHOP_TITLE.es}): a few multiple-choice questions, each answer explained. Answer at the keyboard, or give every answer at once with --answers.`,
    es: `Un quiz corto sobre la lección N (el ${WORKSHOP_TITLE.es} de la unidad): unas pocas preguntas de opción múltiple, con cada respuesta explicada. Contesta con el teclado, o da todas las respuestas de una vez con --answers.`,
  },
  examples: [
    { command: 'pnpm quiz 6', what: { en: 'the quiz of lesson 6, at the keyboard', es: 'el quiz de la lección 6, con el teclado' } },
    { command: 'pnpm quiz 6 --lang es --answers b,c,a', what: { en: 'in Spanish, with the answers given up front', es: 'en español, con las respuestas dadas de antemano' } },
  ],
  epilogue: (lang) => [lang === 'es' ? 'Un quiz por lección:' : 'One quiz per lesson:', ...[...QUIZZES.keys()].map((n) => `  ${String(n).padStart(2)}  ${titleOf(n)[lang]}`)].join('\n'),
};

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const lang = detectLang(argv);
  const es = lang === 'es';
  const last = Math.max(...QUIZZES.keys());
  const program = createProgram(spec, lang)
    .addArgument(new Argument('<N>', es ? `el número de la lección, de 1 a ${last}` : `the lesson's number, 1 to ${last}`).argParser(wholeNumber(1, last, lang)))
    .addOption(langOption(lang))
    .addOption(new Option('--answers <letters>', es ? 'todas las respuestas, separadas por comas (p. ej. b,c,a); sin ella, pregunta una a una' : 'every answer, comma-separated (e.g. b,c,a); without it, asks one at a time'))
    .action(async (n: number, options: { lang: Lang; answers?: string }) => {
      const questions = QUIZZES.get(n) ?? [];
      let letters: string[] | undefined;
      if (options.answers !== undefined) {
        letters = options.answers.split(',').map((a) => a.trim().toLowerCase());
        const bad = letters.find((a, i) => !LETTERS.slice(0, questions[i]?.options.length ?? 0).includes(a) || a.length !== 1);
        if (letters.length !== questions.length || bad !== undefined) {
          throw new UsageError(
            es
              ? `--answers necesita ${questions.length} letras separadas por comas, una por pregunta (a, b o c); se dio '${options.answers}'`
              : `--answers needs ${questions.length} comma-separated letters, one per question (a, b or c); got '${options.answers}'`,
          );
        }
      }
      const right = await runQuiz({ number: n, title: titleOf(n), questions, lang: options.lang, answers: letters === undefined ? { kind: 'read' } : { kind: 'given', letters }, hasExercise: n <= 10 });
      setExitCode(program, right === null ? EXIT.failed : EXIT.ok);
    });
  return runProgram(program, spec, argv, lang);
}

process.exitCode = await main();

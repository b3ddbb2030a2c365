// Asks a lesson's quiz in the terminal — from the keyboard, piped lines, or answers given up front — and explains each answer.
import { createInterface } from 'node:readline';
import { render, type Lang, type Text } from '../text.js';
import { narrate, write } from '../transcript.js';
import type { Question } from './questions.js';

export const LETTERS = 'abcd';

const TEXT = {
  header: { en: 'Quiz for lesson {n}: {title}', es: 'Quiz de la lección {n}: {title}' },
  intro: { en: 'Answer with the letter of an option.', es: 'Contesta con la letra de una opción.' },
  question: { en: '\n{i}. {prompt}', es: '\n{i}. {prompt}' },
  prompt: { en: 'Your answer ({letters}): ', es: 'Tu respuesta ({letters}): ' },
  again: { en: 'Type one of the letters {letters}.', es: 'Escribe una de las letras {letters}.' },
  right: { en: '✓ Right.', es: '✓ Correcto.' },
  wrong: { en: '✗ Not quite: the answer is {letter}) {option}.', es: '✗ No: la respuesta es {letter}) {option}.' },
  why: { en: '  Why: {why}', es: '  Por qué: {why}' },
  score: { en: '\nScore: {right} of {total}. Lesson {n} again: pnpm lesson {n}; its exercise: pnpm exercise {n}.', es: '\nPuntuación: {right} de {total}. Para repasar: pnpm lesson {n}; su ejercicio: pnpm exercise {n}.' },
  scoreNoExercise: { en: '\nScore: {right} of {total}. Lesson {n} again: pnpm lesson {n}.', es: '\nPuntuación: {right} de {total}. Para repasar: pnpm lesson {n}.' },
  ended: { en: 'The input ended before the last question; {right} of {answered} answered right.', es: 'La entrada terminó antes de la última pregunta; {right} de {answered} contestadas bien.' },
} as const satisfies Record<string, Text>;

/** Where the answers come from: a list given up front, or lines read one at a time (keyboard or pipe). */
export type Answers = { readonly kind: 'given'; readonly letters: readonly string[] } | { readonly kind: 'read' };

export interface QuizRun {
  readonly number: number;
  readonly title: Text;
  readonly questions: readonly Question[];
  readonly lang: Lang;
  readonly answers: Answers;
  readonly hasExercise: boolean;
}

/** Runs the quiz; resolves the number of right answers, or null when the input ended first. */
export async function runQuiz(run: QuizRun): Promise<number | null> {
  const { lang, questions } = run;
  const letters = LETTERS.slice(0, Math.max(...questions.map((q) => q.options.length)));
  const say = (text: Text, values?: Record<string, string | number>): void => narrate(lang, text, values);
  say(TEXT.header, { n: run.number, title: run.title[lang] });
  say(TEXT.intro);

  const lines = run.answers.kind === 'read' ? createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]() : null;
  const echo = run.answers.kind === 'given' || !process.stdin.isTTY;
  let right = 0;
  try {
    for (const [i, question] of questions.entries()) {
      const valid = LETTERS.slice(0, question.options.length);
      say(TEXT.question, { i: i + 1, prompt: question.prompt[lang] });
      question.options.forEach((option, k) => say({ en: '   {letter}) {option}', es: '   {letter}) {option}' }, { letter: LETTERS[k] as string, option: option[lang] }));
      let choice: number | null = null;
      while (choice === null) {
        write(render(lang, TEXT.prompt, { letters: valid.split('').join(', ') }));
        let typed: string;
        if (run.answers.kind === 'given') {
          typed = run.answers.letters[i] ?? '';
        } else {
          const next = await (lines as AsyncIterator<string>).next();
          if (next.done === true) {
            write('\n');
            say(TEXT.ended, { right, answered: i });
            return null;
          }
          typed = next.value;
        }
        const letter = typed.trim().toLowerCase();
        // Typed on a keyboard, the answer is on screen already; given or piped, show it.
        if (echo) write(letter);
        write('\n');
        const k = valid.indexOf(letter);
        if (letter.length === 1 && k >= 0) choice = k;
        else say(TEXT.again, { letters: valid.split('').join(', ') });
      }
      if (choice === question.answer) {
        right++;
        say(TEXT.right);
      } else {
        say(TEXT.wrong, { letter: LETTERS[question.answer] as string, option: (question.options[question.answer] as Text)[lang] });
      }
      say(TEXT.why, { why: question.why[lang] });
    }
  } finally {
    await lines?.return?.();
  }
  say(run.hasExercise ? TEXT.score : TEXT.scoreNoExercise, { right, total: questions.length, n: run.number });
  return right;
}

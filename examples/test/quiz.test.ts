// pnpm quiz N: every lesson's quiz runs with its answers given up front (each answer explained), the interactive path reads piped lines, and the Spanish quiz speaks Spanish.
import { describe, expect, it } from 'vitest';
import { QUIZZES } from '../src/quiz/questions.js';
import { englishWords, vocabularyOf } from './english.js';
import { inBatches, runCli, type Run } from './run-cli.js';

const LETTERS = 'abcd';
const numbers = [...QUIZZES.keys()];
const rightAnswers = (n: number): string[] => (QUIZZES.get(n) ?? []).map((q) => LETTERS[q.answer] as string);

describe('pnpm quiz', () => {
  it('has a quiz for each of lessons 1 to 11, each question with a valid answer and its explanation in both languages', () => {
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const questions of QUIZZES.values()) {
      expect(questions.length).toBeGreaterThanOrEqual(3);
      for (const q of questions) {
        expect(q.answer).toBeLessThan(q.options.length);
        for (const text of [q.prompt, q.why, ...q.options]) expect(text.en !== '' && text.es !== '').toBe(true);
      }
    }
  });

  it('with the right answers given up front, every quiz scores full marks and explains each answer, in both languages', async () => {
    const runs = await inBatches(
      numbers.flatMap((n) => (['en', 'es'] as const).map((lang) => () => runCli('quiz-cli', [String(n), '--lang', lang, '--answers', rightAnswers(n).join(',')]))),
      4,
    );
    const english = vocabularyOf(runs.filter((_, i) => i % 2 === 0).map((r) => r.stdout), /^$/);
    runs.forEach((run, i) => {
      const n = numbers[Math.floor(i / 2)] as number;
      const total = rightAnswers(n).length;
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      if (i % 2 === 0) {
        expect(run.stdout.match(/^✓ Right\.$/gm)).toHaveLength(total);
        expect(run.stdout.match(/^ {2}Why: /gm)).toHaveLength(total);
        expect(run.stdout).toContain(`Score: ${total} of ${total}.`);
      } else {
        expect(run.stdout.match(/^✓ Correcto\.$/gm)).toHaveLength(total);
        expect(run.stdout.match(/^ {2}Por qué: /gm)).toHaveLength(total);
        expect(run.stdout).toContain(`Puntuación: ${total} de ${total}.`);
        expect(englishWords(run.stdout, english), `quiz ${n}`).toEqual([]);
      }
    });
  });

  it('a wrong answer is corrected: the right letter and option, then why', async () => {
    const right = rightAnswers(4);
    const wrong = right.map((letter) => (letter === 'a' ? 'b' : 'a'));
    const run = await runCli('quiz-cli', ['4', '--lang', 'es', '--answers', wrong.join(',')]);
    const first = QUIZZES.get(4)?.[0];
    expect(run.stdout).toContain(`✗ No: la respuesta es ${right[0]}) ${first?.options[first.answer]?.es}.\n  Por qué: ${first?.why.es}`);
    expect(run.stdout).toContain(`Puntuación: 0 de ${right.length}.`);
  });

  it('asks one question at a time from stdin (piped here), asks again after a letter that is not an option, and stops cleanly when the input ends', async () => {
    const right = rightAnswers(6);
    const run: Run = await runCli('quiz-cli', ['6'], { input: `z\n${right[0]}\n${right[1]}\n` });
    expect(run.stdout).toContain('Your answer (a, b, c): z\nType one of the letters a, b, c.\nYour answer (a, b, c): ');
    expect(run.stdout.match(/^✓ Right\.$/gm)).toHaveLength(2);
    expect(run.stdout).toContain('The input ended before the last question; 2 of 2 answered right.');
    expect(run.code).toBe(1);
  });

  it('rejects answers that do not fit with one line and exit code 2', async () => {
    const [few, bad] = await Promise.all([runCli('quiz-cli', ['6', '--answers', 'a,b']), runCli('quiz-cli', ['6', '--lang', 'es', '--answers', 'a,b,x'])]);
    expect(few?.stderr).toBe("quiz: --answers needs 3 comma-separated letters, one per question (a, b or c); got 'a,b'; see pnpm quiz --help\n");
    expect(bad?.stderr).toBe("quiz: --answers necesita 3 letras separadas por comas, una por pregunta (a, b o c); se dio 'a,b,x'; mira pnpm quiz --help\n");
    expect([few?.code, bad?.code]).toEqual([2, 2]);
  });
});

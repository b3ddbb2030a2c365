// pnpm lesson N: every lesson, under both strategies and in both languages, runs, leaves nothing behind, prints in causal order, and the Spanish runs speak Spanish.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROS_AND_CONS_TITLE, QUESTIONS } from '../src/course.js';
import { causalProblems } from './causal.js';
import { englishWords, vocabularyOf } from './english.js';
import { inBatches, runCli, type Run } from './run-cli.js';

const numbers = readdirSync(new URL('../dist/src/lessons/', import.meta.url))
  .filter((name) => /^\d\d-.*\.js$/.test(name))
  .map((name) => Number(name.slice(0, 2)))
  .sort((a, b) => a - b);
const strategies = ['process', 'thread'] as const;
const langs = ['en', 'es'] as const;
const combos = numbers.flatMap((n) => strategies.flatMap((strategy) => langs.map((lang) => ({ n, strategy, lang }))));
const runs = new Map<string, Run>();
const key = (n: number, strategy: string, lang: string): string => `${n}/${strategy}/${lang}`;

// The 44 runs happen once, three at a time (each is mostly waiting on its children); the tests below read them.
beforeAll(async () => {
  const results = await inBatches(
    combos.map(({ n, strategy, lang }) => () => runCli('lesson-cli', [String(n), '--strategy', strategy, '--lang', lang, '--size', 'small'])),
    3,
  );
  combos.forEach(({ n, strategy, lang }, i) => runs.set(key(n, strategy, lang), results[i] as Run));
}, 240_000);

describe('pnpm lesson', () => {
  it('has lessons 1 to 11: the unit’s ten questions and its advantages and disadvantages', () => {
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  describe.each(strategies)('--strategy %s', (strategy) => {
    describe.each(langs)('--lang %s', (lang) => {
      it.each(numbers)('lesson %i exits 0, prints nothing on stderr and leaves no process behind', (n) => {
        const run = runs.get(key(n, strategy, lang)) as Run;
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        // The title is the unit's question word for word (its translation in English, with the original under it).
        const title = (QUESTIONS.find((q) => q.number === n)?.title ?? PROS_AND_CONS_TITLE)[lang];
        const source = `examples/src/lessons/${String(n).padStart(2, '0')}-`;
        expect(run.stdout.startsWith(lang === 'es' ? `Lección ${n}: ${title} (estrategia: ${strategy})\nCódigo: ${source}` : `Lesson ${n}: ${title} (strategy: ${strategy})\nThe unit asks: «`)).toBe(true);
        expect(run.leftovers).toEqual([]);
      });

      it.each(numbers)('lesson %i prints in causal order: who printed what, and every effect after its cause', (n) => {
        expect(causalProblems(n, strategy, (runs.get(key(n, strategy, lang)) as Run).stdout)).toEqual([]);
      });
    });

    it.each(numbers)('lesson %i in Spanish has no English word outside code names', (n) => {
      const english = vocabularyOf(numbers.flatMap((m) => strategies.map((s) => (runs.get(key(m, s, 'en')) as Run).stdout)), /^The unit asks: «/);
      expect(englishWords((runs.get(key(n, strategy, 'es')) as Run).stdout, english)).toEqual([]);
    });
  });
});

// The root README's lesson table shows the unit's questions word for word, with the translations the lessons use.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROS_AND_CONS_TITLE, QUESTIONS } from '../src/course.js';

describe('the course’s words', () => {
  it('the README’s Lessons table has each lesson’s title, in Spanish and English, as the lessons print it', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const rows = new Map(
      [...readme.matchAll(/^\| (\d+) \| (.+?) \| (.+?) \|$/gm)].map((m) => [Number(m[1]), { es: m[2], en: m[3] }]),
    );
    const expected = [...QUESTIONS.map((q) => [q.number, q.title] as const), [11, PROS_AND_CONS_TITLE] as const];
    for (const [n, title] of expected) expect(rows.get(n), `lesson ${n}`).toEqual({ es: title.es, en: title.en });
  });
});

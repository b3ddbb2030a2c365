// `pnpm lesson N --strategy process|thread [--lang en|es]`: runs one lesson of the course unit.
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setDefaultStrategy, type StrategyName } from '@parlab/core';
import { fill, type Lang, type Lesson, type LessonContext } from './lesson.js';

const lessonsDir = new URL('./lessons/', import.meta.url);

async function loadLessons(): Promise<Map<number, Lesson>> {
  const lessons = new Map<number, Lesson>();
  for (const file of readdirSync(lessonsDir).filter((name) => /^\d\d-.*\.js$/.test(name)).sort()) {
    const module = (await import(new URL(file, lessonsDir).href)) as { lesson?: Lesson };
    if (module.lesson !== undefined) lessons.set(module.lesson.number, module.lesson);
  }
  return lessons;
}

function usage(lessons: Map<number, Lesson>): string {
  const list = [...lessons.values()].map((l) => `  ${String(l.number).padStart(2)}  ${l.title.en} / ${l.title.es}`).join('\n');
  return `usage: pnpm lesson N [--strategy process|thread] [--lang en|es]\n\nlessons:\n${list}`;
}

function fail(message: string, lessons: Map<number, Lesson>): never {
  console.error(`lesson: ${message}\n\n${usage(lessons)}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const lessons = await loadLessons();
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        strategy: { type: 'string', short: 's', default: 'process' },
        lang: { type: 'string', short: 'l', default: 'en' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail((error as Error).message, lessons);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage(lessons));
    return;
  }
  const strategy = values.strategy;
  if (strategy !== 'process' && strategy !== 'thread') fail(`--strategy must be process or thread, got '${strategy}'`, lessons);
  const lang = values.lang;
  if (lang !== 'en' && lang !== 'es') fail(`--lang must be en or es, got '${lang}'`, lessons);
  if (positionals.length !== 1) fail('give exactly one lesson number', lessons);
  const number = Number(positionals[0]);
  const lesson = lessons.get(number);
  if (lesson === undefined) fail(`no lesson '${positionals[0]}'`, lessons);

  setDefaultStrategy(strategy as StrategyName);
  const context: LessonContext = {
    strategy: strategy as StrategyName,
    lang: lang as Lang,
    t: (text, vals) => fill(text[lang as Lang], vals),
    say: (text, vals) => console.log(fill(text[lang as Lang], vals)),
  };
  const header = { en: 'Lesson {n}: {title} (strategy: {strategy})', es: 'Lección {n}: {title} (estrategia: {strategy})' };
  context.say(header, { n: lesson.number, title: lesson.title[lang as Lang], strategy });
  console.log('');
  await lesson.run(context);
  // No process.exit here: as in Python, the program ends when its non-daemon children have ended.
}

await main();

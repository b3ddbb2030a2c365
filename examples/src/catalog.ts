// The lessons, found by file name in lessons/ (NN-topic.js), with the source file each one comes from.
import { readdirSync } from 'node:fs';
import type { Lesson } from './lesson.js';

const lessonsDir = new URL('./lessons/', import.meta.url);

export interface LessonEntry {
  readonly lesson: Lesson;
  /** The lesson's TypeScript source, relative to the repository root. */
  readonly source: string;
}

/** Every lesson, by number. */
export async function loadLessons(): Promise<Map<number, LessonEntry>> {
  const lessons = new Map<number, LessonEntry>();
  for (const file of readdirSync(lessonsDir).filter((name) => /^\d\d-.*\.js$/.test(name)).sort()) {
    const module = (await import(new URL(file, lessonsDir).href)) as { lesson?: Lesson };
    if (module.lesson !== undefined) {
      lessons.set(module.lesson.number, { lesson: module.lesson, source: `examples/src/lessons/${file.replace(/\.js$/, '.ts')}` });
    }
  }
  return lessons;
}

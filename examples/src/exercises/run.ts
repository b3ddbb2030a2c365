// Checks a student's file for one exercise under each strategy and explains, in the student's language, what failed.
import { existsSync, copyFileSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { reapChildren, setDefaultStrategy, type StrategyName } from '@parlab/core';
import { question } from '../course.js';
import { formatCount } from '../format.js';
import { narrate } from '../transcript.js';
import { render, type Lang, type Text, type Values } from '../text.js';
import { compile, lineOf, type Compiled } from './compile.js';
import { REPO_ROOT, starterFile } from './catalog.js';
import type { Exercise, Verdict } from './exercise.js';
import { ChildExit } from './checks/support.js';

/** A whole check under one strategy may take this long; a student's code that hangs is stopped then. */
const CHECK_MS = 60_000;

const TEXT = {
  header: { en: 'Exercise {n}: {title}', es: 'Ejercicio {n}: {title}' },
  file: { en: 'File: {file}', es: 'Archivo: {file}' },
  task: { en: 'Task: {task}', es: 'Tarea: {task}' },
  lesson: { en: 'See it done in lesson {n}: pnpm lesson {n} ({source})', es: 'Lo verás hecho en la lección {n}: pnpm lesson {n} ({source})' },
  copied: { en: 'I copied the starting point to {file}: edit it there, then run pnpm exercise {n} again.', es: 'Copié el punto de partida en {file}: edítalo ahí y vuelve a ejecutar pnpm exercise {n}.' },
  reset: { en: 'I put the starting point back in {file} (your previous version is in {backup}).', es: 'Volví a poner el punto de partida en {file} (tu versión anterior está en {backup}).' },
  missing: { en: 'There is no file {file}.', es: 'No existe el archivo {file}.' },
  noCompile: { en: 'Your file does not compile:', es: 'Tu archivo no compila:' },
  noImport: { en: 'Your file could not be loaded: {why}', es: 'No se pudo cargar tu archivo: {why}' },
  noExport: { en: 'your file does not export {name}: keep `export` in front of it', es: 'tu archivo no exporta {name}: deja `export` delante' },
  ok: { en: 'right', es: 'bien' },
  todo: { en: 'not done yet: {where} still throws the starter’s TODO. Replace it with your code.', es: 'todavía sin hacer: {where} sigue lanzando el TODO del punto de partida. Cámbialo por tu código.' },
  todoLines: { en: 'line {lines}', es: 'la línea {lines}' },
  moreTodos: { en: ' More TODOs wait at line {lines}.', es: ' Quedan más TODO en la línea {lines}.' },
  threw: { en: 'your code threw {name}: {message}{where}', es: 'tu código lanzó {name}: {message}{where}' },
  atLine: { en: ' (line {line})', es: ' (línea {line})' },
  childExit: { en: 'the child {child} ended with exitCode {code} without an error of its own', es: 'el hijo {child} terminó con exitCode {code} sin un error propio' },
  tooLong: { en: 'the check did not finish within {s} s: is something waiting forever (a get() with nothing to get, a join() of a process that never ends)?', es: 'la comprobación no terminó en {s} s: ¿algo espera para siempre (un get() sin nada que sacar, un join() de un proceso que nunca termina)?' },
  passed: { en: 'Result: right under {n} of {total}. Exercise done!', es: 'Resultado: bien con {n} de {total}. ¡Ejercicio superado!' },
  failed: { en: 'Result: right under {n} of {total}. Fix what is said above and run pnpm exercise {number} again.', es: 'Resultado: bien con {n} de {total}. Corrige lo que se dice arriba y vuelve a ejecutar pnpm exercise {number}.' },
} as const satisfies Record<string, Text>;

export interface ExerciseRun {
  readonly exercise: Exercise;
  readonly lang: Lang;
  readonly strategies: readonly StrategyName[];
  /** The file to check; the student's copy is made from the starter when it does not exist yet. */
  readonly file: string;
  /** Whether `file` is the student's own copy (made from the starter if missing; `reset` puts the starter back). */
  readonly studentCopy: boolean;
  readonly reset: boolean;
}

/** A path as the student sees it: relative to the repository when it is inside it. */
function shown(file: string): string {
  const inside = relative(REPO_ROOT, file);
  return inside === '' || inside.startsWith('..') ? file : inside;
}

/** The lines of `source` that still throw the starter's TODO. */
function todoLines(source: string): number[] {
  return source.split('\n').flatMap((line, i) => (/throw new Error\(['"]TODO/.test(line) ? [i + 1] : []));
}

function isTodo(error: unknown): boolean {
  return error instanceof Error && /^TODO\b/.test(error.message);
}

/** What went wrong, for the student: the TODO still there, a child's error, or an error with its line. */
function explain(error: unknown, source: string, compiled: Compiled, lang: Lang): string {
  const say = (text: Text, values?: Values): string => render(lang, text, values);
  if (isTodo(error)) {
    const at = lineOf(error, compiled);
    const others = todoLines(source).filter((line) => line !== at);
    const where = at !== null ? say(TEXT.todoLines, { lines: at }) : say(TEXT.todoLines, { lines: others.join(', ') });
    return say(TEXT.todo, { where }) + (at !== null && others.length > 0 ? say(TEXT.moreTodos, { lines: others.join(', ') }) : '');
  }
  if (error instanceof ChildExit) return say(TEXT.childExit, { child: error.child, code: String(error.exitCode) });
  const line = lineOf(error, compiled);
  const e = error instanceof Error ? error : new Error(String(error));
  return say(TEXT.threw, { name: e.name, message: e.message.split('\n')[0] ?? '', where: line === null ? '' : say(TEXT.atLine, { line }) });
}

async function bounded(check: Promise<Verdict>): Promise<Verdict> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Verdict>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, why: TEXT.tooLong, values: { s: CHECK_MS / 1000 } }), CHECK_MS);
  });
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Makes the student's copy from the starter if it is missing (or `reset` asks for it); says what it did. */
function prepare(run: ExerciseRun): boolean {
  const { exercise, file, lang } = run;
  if (!run.studentCopy) {
    if (existsSync(file)) return true;
    narrate(lang, TEXT.missing, { file: shown(file) });
    return false;
  }
  if (existsSync(file) && !run.reset) return true;
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) {
    const backup = `${file}.bak`;
    renameSync(file, backup);
    copyFileSync(starterFile(exercise), file);
    narrate(lang, TEXT.reset, { file: shown(file), backup: shown(backup) });
  } else {
    copyFileSync(starterFile(exercise), file);
    narrate(lang, TEXT.copied, { file: shown(file), n: exercise.number });
  }
  return true;
}

/** Runs the exercise's check on `run.file` under each strategy; resolves the exit code (0: right everywhere). */
export async function runExercise(run: ExerciseRun): Promise<number> {
  const { exercise, lang } = run;
  const n = exercise.number;
  narrate(lang, TEXT.header, { n, title: question(n).title[lang] });
  if (!prepare(run)) return 1;
  narrate(lang, TEXT.file, { file: shown(run.file) });
  narrate(lang, TEXT.task, { task: exercise.task[lang] });
  narrate(lang, TEXT.lesson, { n, source: `examples/src/lessons/${exercise.stem}.ts` });
  narrate(lang, { en: '', es: '' });

  const source = readFileSync(run.file, 'utf8');
  const built = await compile(run.file, source, lang);
  if ('problems' in built) {
    narrate(lang, TEXT.noCompile);
    for (const p of built.problems) narrate(lang, { en: '  {file}:{line}:{column}: {message}', es: '  {file}:{line}:{column}: {message}' }, { file: shown(run.file), line: p.line, column: p.column, message: p.message });
    return 1;
  }
  const { compiled } = built;
  let module: Record<string, unknown>;
  try {
    module = (await import(compiled.url)) as Record<string, unknown>;
  } catch (error) {
    narrate(lang, TEXT.noImport, { why: explain(error, source, compiled, lang) });
    return 1;
  }

  let right = 0;
  // The checker explains what a child threw (mapped to the student's line): the children's own
  // tracebacks would only bury that explanation under stacks.
  process.env['PARLAB_CHILD_ERRORS'] = 'quiet';
  for (const strategy of run.strategies) {
    setDefaultStrategy(strategy);
    const missing = exercise.exports.filter((name) => !(name in module));
    let verdict: Verdict;
    if (missing.length > 0) {
      verdict = { ok: false, why: TEXT.noExport, values: { name: missing.join(', ') } };
    } else {
      try {
        verdict = await bounded(exercise.check({ strategy, lang, module, moduleUrl: compiled.url }));
      } catch (error) {
        verdict = { ok: false, why: { en: explain(error, source, compiled, 'en'), es: explain(error, source, compiled, 'es') } };
      }
    }
    // Whatever the student's code left running ends here, before the next strategy.
    await reapChildren(5_000);
    if (verdict.ok) right++;
    const mark = verdict.ok ? '✓' : '✗';
    const what = verdict.ok ? render(lang, verdict.note ?? TEXT.ok, verdict.values) : render(lang, verdict.why, verdict.values);
    narrate(lang, { en: '  {strategy}: {mark} {what}', es: '  {strategy}: {mark} {what}' }, { strategy: strategy.padEnd(7), mark, what });
  }
  narrate(lang, { en: '', es: '' });
  const all = right === run.strategies.length;
  const total = formatCount(lang, run.strategies.length, { one: { en: 'strategy', es: 'estrategia' }, other: { en: 'strategies', es: 'estrategias' } });
  narrate(lang, all ? TEXT.passed : TEXT.failed, { n: right, total, number: n });
  return all ? 0 : 1;
}

// pnpm exercise N: every reference solution passes under both strategies, every untouched starter fails saying what to do, and a wrong or broken file is explained.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords, vocabularyOf } from './english.js';
import { inBatches, runCli, type Run } from './run-cli.js';

const exercisesDir = fileURLToPath(new URL('../exercises/', import.meta.url));
const stems = ['01-parallel', '02-names', '03-daemon', '04-kill', '05-subclass', '06-queue', '07-pipe', '08-barrier', '09-manager', '10-pool'];
const numbers = stems.map((_, i) => i + 1);
const scratch = mkdtempSync(join(tmpdir(), 'parlab-exercise-'));
const reference = new Map<number, Run>();
const starter = new Map<number, Run>();

// Reference solutions in Spanish, starters in English (odd) and Spanish (even): 20 runs, three at a time.
beforeAll(async () => {
  const jobs = numbers.flatMap((n) => [
    async () => reference.set(n, await runCli('exercise-cli', [String(n), '--reference', '--lang', 'es'])),
    async () => starter.set(n, await runCli('exercise-cli', [String(n), '--file', `${exercisesDir}starters/${stems[n - 1]}.ts`, '--lang', n % 2 === 1 ? 'en' : 'es'])),
  ]);
  await inBatches(jobs, 3);
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pnpm exercise', () => {
  it.each(numbers)('exercise %i: the reference solution is right under both strategies (exit 0, nothing left behind)', (n) => {
    const run = reference.get(n) as Run;
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ {2}process: ✓ bien$/m);
    expect(run.stdout).toMatch(/^ {2}thread : ✓ bien$/m);
    expect(run.stdout).toContain('¡Ejercicio superado!');
    expect(run.code).toBe(0);
    expect(run.leftovers).toEqual([]);
  });

  it.each(numbers)('exercise %i: the untouched starter fails under both strategies, pointing at the line of its TODO', (n) => {
    const run = starter.get(n) as Run;
    const source = readFileSync(`${exercisesDir}starters/${stems[n - 1]}.ts`, 'utf8').split('\n');
    const todo = source.findIndex((line) => line.includes("throw new Error('TODO')")) + 1;
    expect(todo).toBeGreaterThan(0);
    const line = n % 2 === 1 ? /^ {2}(process|thread ): ✗ not done yet: line (\d+) still throws the starter’s TODO\. Replace it with your code\./gm : /^ {2}(process|thread ): ✗ todavía sin hacer: la línea (\d+) sigue lanzando el TODO del punto de partida\. Cámbialo por tu código\./gm;
    const found = [...run.stdout.matchAll(line)];
    expect(found.map((m) => m[1])).toEqual(['process', 'thread ']);
    // The line named is one that throws the TODO (the function the check calls first).
    for (const m of found) expect(source[Number(m[2]) - 1]).toContain("throw new Error('TODO')");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.leftovers).toEqual([]);
  });

  it('Spanish output has no English word outside code names', () => {
    const english = vocabularyOf(numbers.filter((n) => n % 2 === 1).map((n) => (starter.get(n) as Run).stdout), /^$/);
    for (const n of numbers) {
      expect(englishWords((reference.get(n) as Run).stdout, english), `exercise ${n}, reference`).toEqual([]);
      if (n % 2 === 0) expect(englishWords((starter.get(n) as Run).stdout, english), `exercise ${n}, starter`).toEqual([]);
    }
  });

  it('the first run copies the starting point where the student edits it, and says so', async () => {
    const dir = join(scratch, 'mine');
    const run = await runCli('exercise-cli', ['3', '--strategy', 'process'], { env: { PARLAB_EXERCISES_DIR: dir } });
    expect(run.stdout).toContain(`I copied the starting point to ${dir}/03-daemon.ts: edit it there, then run pnpm exercise 3 again.`);
    expect(readFileSync(join(dir, '03-daemon.ts'), 'utf8')).toBe(readFileSync(`${exercisesDir}starters/03-daemon.ts`, 'utf8'));
    expect(run.code).toBe(1);
  });

  it('a wrong solution is explained: kill() where terminate() is asked for', async () => {
    const file = join(scratch, 'kill.ts');
    writeFileSync(file, readFileSync(`${exercisesDir}reference/04-kill.ts`, 'utf8').replace('p.terminate();', 'p.kill();'));
    const run = await runCli('exercise-cli', ['4', '--file', file, '--strategy', 'thread', '--lang', 'es']);
    expect(run.stdout).toContain('thread : ✗ p terminó con exitCode -9: eso es kill() (SIGKILL). Aquí se pide terminate() (SIGTERM, exitCode -15)');
    expect(run.code).toBe(1);
  });

  it('a file that does not compile gets TypeScript’s message with its line and column, in the user’s language', async () => {
    const file = join(scratch, 'broken.ts');
    copyFileSync(`${exercisesDir}reference/06-queue.ts`, file);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nexport function broken( {\n`);
    const run = await runCli('exercise-cli', ['6', '--file', file, '--lang', 'es']);
    expect(run.stdout).toMatch(new RegExp(`Tu archivo no compila:\\n {2}${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: Se esperaba`));
    expect(run.code).toBe(1);
  });

  it('usage errors are one line, exit 2, in the user’s language', async () => {
    const runs = await Promise.all([runCli('exercise-cli', ['11']), runCli('exercise-cli', ['2', '--strategi', 'thread', '--lang', 'es']), runCli('exercise-cli', ['2', '--file', join(scratch, 'nope.ts')])]);
    expect(runs[0]?.stderr).toBe("exercise: '11' is not valid for <N>: must be a whole number from 1 to 10; see pnpm exercise --help\n");
    expect(runs[1]?.stderr).toBe("exercise: opción desconocida '--strategi' (¿querías decir --strategy?); mira pnpm exercise --help\n");
    expect(runs.slice(0, 2).map((r) => r.code)).toEqual([2, 2]);
    expect(runs[2]?.stdout).toContain(`There is no file ${join(scratch, 'nope.ts')}.`);
    expect(runs[2]?.code).toBe(1);
    expect(existsSync(join(scratch, 'nope.ts'))).toBe(false);
  });
});

import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const lessonsDir = new URL('../dist/src/lessons/', import.meta.url);
const numbers = readdirSync(lessonsDir)
  .filter((name) => /^\d\d-.*\.js$/.test(name))
  .map((name) => Number(name.slice(0, 2)))
  .sort((a, b) => a - b);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  leftovers: string[];
}

/** Processes still in the lesson's process group once the lesson has exited. */
function groupMembers(pgid: number): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => Number(cols[1]) === pgid)
    .map((cols) => cols.join(' '));
}

async function runLesson(args: string[]): Promise<Run> {
  // Its own process group, so that anything the lesson leaves behind can be found.
  const child = spawn(process.execPath, [cli, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  let leftovers = groupMembers(child.pid as number);
  for (let i = 0; i < 100 && leftovers.length > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    leftovers = groupMembers(child.pid as number);
  }
  if (leftovers.length > 0) process.kill(-(child.pid as number), 'SIGKILL');
  return { code, stdout, stderr, leftovers };
}

describe('pnpm lesson', () => {
  it('finds lessons 1 to 5 at least', () => {
    expect(numbers).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
  });

  // The four runs of a lesson go side by side: each is mostly waiting on its children.
  describe.concurrent.each(numbers)('lesson %i', (n) => {
    it.each([
      ['process', 'en'],
      ['thread', 'es'],
      ['thread', 'en'],
      ['process', 'es'],
    ])('runs under --strategy %s --lang %s, exits 0 and leaves no process behind', async (strategy, lang) => {
      const run = await runLesson([String(n), '--strategy', strategy, '--lang', lang]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(lang === 'es' ? new RegExp(`^Lección ${n}: .*\\(estrategia: ${strategy}\\)`) : new RegExp(`^Lesson ${n}: .*\\(strategy: ${strategy}\\)`));
      expect(run.leftovers).toEqual([]);
    });
  });

  it('rejects a bad strategy, language or lesson with exit code 2 and the usage', async () => {
    for (const args of [['1', '--strategy', 'fork'], ['1', '--lang', 'fr'], ['99'], ['1', '--bogus']]) {
      const run = await runLesson(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/usage: pnpm lesson N/);
    }
  });
});

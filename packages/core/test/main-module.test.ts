// A single-file program: isMain() keeps children from re-running its top-level code, and without it a child refuses to start children (Python's bootstrapping rule) instead of recursing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMain, STRATEGIES } from '../dist/src/index.js';

const program = fileURLToPath(new URL('../dist/test/fixtures/single-file.js', import.meta.url));

function run(strategy: string, guard: 'on' | 'off'): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [program], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, PARLAB_FIXTURE_STRATEGY: strategy, PARLAB_FIXTURE_GUARD: guard },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('isMain', () => {
  it('is false for a module that is not the entry of the running program', () => {
    expect(isMain(import.meta.url)).toBe(false);
    expect(isMain('not-a-file-url')).toBe(false);
  });
});

describe.each(STRATEGIES)('a single-file program under %s', (strategy) => {
  it('with the isMain guard: the parent is main, the children are not, and each runs its target once', () => {
    const { status, stdout } = run(strategy, 'on');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('parent: isMain=true');
    expect(lines.filter((l) => l.startsWith('child')).sort()).toEqual(['child 1: isMain=false', 'child 2: isMain=false']);
    expect(lines.at(-1)).toBe('exit codes 0,0');
  });

  it('without it: the children refuse to start children while they import the module, say why, and the program ends', () => {
    const { status, stdout, stderr } = run(strategy, 'off');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toBe('exit codes 1,1');
    expect(stdout).not.toContain('child 1');
    // As a Python child prints its traceback: the reason, naming the fix.
    expect(stderr).toContain('Process Process-1:');
    expect(stderr).toMatch(/cannot start Process-\d:\d while a child imports .*single-file\.js to find its target/);
    expect(stderr).toContain('isMain(import.meta.url)');
  });
});

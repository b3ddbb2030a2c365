// `pnpm new:workload`: the files it writes, their sizes calibrated on a simulated machine, and its command line.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrateLimits, FULL_TARGET_MS, QUICK_TARGET_MS } from '../dist/src/scaffold/calibrate.js';
import { PROVISIONAL, titleFromId, withSizes, workloadFiles } from '../dist/src/scaffold/template.js';

const LAUNCHER = fileURLToPath(new URL('../../../scripts/new-workload.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'parlab-scaffold-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the scaffold', () => {
  it('titles a workload from its id, in both languages, with no TODO left', () => {
    expect(titleFromId('n-queens')).toBe('N queens');
    const files = workloadFiles({ id: 'n-queens', title: { en: 'N queens', es: 'N reinas' }, limits: PROVISIONAL, sizesNote: 'are provisional' });
    expect(Object.keys(files).sort()).toEqual(['README.md', 'package.json', 'src/index.ts', 'src/tasks.ts', 'test/contract.test.ts', 'tsconfig.json', 'tsconfig.test.json', 'vitest.config.ts']);
    expect(files['src/index.ts']).toContain("title: { en: 'N queens', es: 'N reinas' }");
    expect(files['README.md']).toMatch(/^# N queens \(`n-queens`\)\n\nN reinas/);
    expect(Object.values(files).join('\n')).not.toMatch(/TODO/);
  });

  it('rewrites only the sizes block when it calibrates', () => {
    const source = workloadFiles({ id: 'x', title: { en: 'X', es: 'X' }, limits: PROVISIONAL, sizesNote: '' })['src/index.ts'] as string;
    const rewritten = withSizes(source, { test: 20_000, quick: 96_000, full: 720_000 });
    expect(rewritten).toContain('quick: { limit: 96_000, chunks: 32 }');
    expect(rewritten).toContain('full: { limit: 720_000, chunks: 64 }');
    expect(rewritten.replace(/limit: [\d_]+/g, '')).toBe(source.replace(/limit: [\d_]+/g, ''));
  });

  it(`sizes quick at about ${QUICK_TARGET_MS} ms and full at about ${FULL_TARGET_MS} ms on the machine it runs on`, async () => {
    // A simulated machine on which a run costs 2 µs per unit of limit, plus 1 ms.
    for (const perUnitMs of [0.002, 0.0005]) {
      let clock = 0;
      const serialAt = (limit: number): void => {
        clock += 1 + limit * perUnitMs;
      };
      const limits = await calibrateLimits(serialAt, { testLimit: 20_000, clock: () => clock });
      const cost = (limit: number): number => 1 + limit * perUnitMs;
      expect(cost(limits.quick) / QUICK_TARGET_MS).toBeGreaterThan(0.9);
      expect(cost(limits.quick) / QUICK_TARGET_MS).toBeLessThan(1.1);
      expect(cost(limits.full) / FULL_TARGET_MS).toBeGreaterThan(0.85);
      expect(cost(limits.full) / FULL_TARGET_MS).toBeLessThan(1.15);
      expect(limits.test).toBe(20_000);
    }
  });

  it('writes the folder, says what it wrote and leaves the sizes provisional with --no-install', () => {
    const out = execFileSync(process.execPath, [LAUNCHER, 'n-queens', '--dir', dir, '--no-install', '--title-es', 'N reinas'], { encoding: 'utf8' });
    expect(out).toMatch(/^created .*n-queens \(@parlab\/workload-n-queens\):/);
    expect(out).toContain('  README.md');
    expect(out).toContain('sizes left provisional');
    expect(existsSync(join(dir, 'n-queens', 'src', 'index.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'n-queens', 'package.json'), 'utf8')).toContain('"name": "@parlab/workload-n-queens"');
  });

  it.each([
    [['Bad_Id', '--no-install'], /^new:workload: 'Bad_Id' is not a kebab-case id .*; see pnpm new:workload --help$/],
    [['n-queens', '--dir', 'DIR', '--no-install'], /^new:workload: .*n-queens already exists; see pnpm new:workload --help$/],
    [['x', '--no-instal'], /^new:workload: unknown option '--no-instal' \(did you mean --no-install\?\); see pnpm new:workload --help$/],
    [[], /^new:workload: missing required argument 'id'; see pnpm new:workload --help$/],
    [['x', '--lang', 'es', '--bogus'], /^new:workload: opción desconocida '--bogus'; mira pnpm new:workload --help$/],
  ])('answers %j in one line with exit code 2', (args, message) => {
    const result = spawnSync(process.execPath, [LAUNCHER, ...args.map((a) => (a === 'DIR' ? dir : a))], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints help with its options and examples', () => {
    const result = spawnSync(process.execPath, [LAUNCHER, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: pnpm new:workload [options] <id>');
    expect(result.stdout).toContain('--no-install');
    expect(result.stdout).toContain('pnpm new:workload n-queens');
  });
});

// A mistyped flag, suite, workload or value gets a message listing the valid ones and exit code 2.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTROL, scratch, startCli } from './helpers.js';

const { dir, workloads, out } = scratch({ spin: 'spin-workload.js', wrong: 'wrong-workload.js' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return startCli(args, workloads).exited;
}

describe('the command line', () => {
  it.each([
    [['--bogus'], /^bench: unknown option '--bogus'; see pnpm bench --help$/],
    [['--profle', 'full'], /^bench: unknown option '--profle' \(did you mean --profile\?\); see pnpm bench --help$/],
    [['--suite', 'workloads,primitivs'], /unknown suite 'primitivs'; valid: workloads, primitives, peers, python \(did you mean 'primitives'\?\)/],
    [['--workloads', 'spin,primes-typo'], /unknown workload 'primes-typo'; valid: spin, wrong/],
    [['--strategies', 'fork'], /unknown strategy 'fork'; valid: serial, process, thread/],
    [['--profile', 'slow'], /'slow' is not valid for --profile <profile>: must be one of quick, full/],
    [['--lang', 'fr'], /'fr' is not valid for --lang <lang>: must be one of en, es/],
    [['--workers', '2,zero'], /'2,zero' is not valid for --workers <list>: must be a whole number from 1 to 256/],
    [['--workers', '-2'], /'-2' is not valid for --workers <list>: must be a whole number from 1 to 256/],
    [['extra'], /^bench: too many arguments\. Expected 0 arguments but got 1\.; see pnpm bench --help$/],
    [['--lang', 'es', '--profile', 'lento'], /^bench: 'lento' no vale para --profile <profile>: debe ser uno de quick, full; mira pnpm bench --help$/],
  ])('rejects %j with exit code 2 and the valid choices', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    // One line, the reason and where to look.
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
    expect(stderr).not.toMatch(CONTROL);
  });

  it('prints help listing every flag with its default, the workloads found and examples', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--profile', '--suite', '--workloads', '--strategies', '--workers', '--out', '--lang', '--json', '--no-report', '--help']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('spin, wrong');
    expect(stdout).toContain('(default: "quick")');
    expect(stdout).toMatch(/Examples:\n {2}pnpm bench /);
    expect(stdout).not.toMatch(CONTROL);
  });

  it('prints only the records as JSON on stdout with --json', async () => {
    const { code, stdout, stderr } = await run(['--json', '--suite', 'workloads', '--workloads', 'spin', '--strategies', 'thread', '--workers', '1', '--out', out, '--no-report']);
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as { subject: string; status: string }[];
    expect(records.filter((r) => r.subject === 'spin').map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(stderr).toMatch(/workload\s+serial ms/);
  });
});

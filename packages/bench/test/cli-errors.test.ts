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
    [['--bogus'], /Unknown option '--bogus'.*valid flags: --profile, --suite, --workloads, --strategies, --workers, --out, --lang, --json, --no-report, --help/],
    [['--suite', 'workloads,primitivs'], /unknown suite 'primitivs'; valid values: workloads, primitives, peers, python/],
    [['--workloads', 'spin,primes-typo'], /unknown workload 'primes-typo'; valid values: spin, wrong/],
    [['--strategies', 'fork'], /unknown strategy 'fork'; valid values: serial, process, thread/],
    [['--profile', 'slow'], /unknown profile 'slow'; valid values: quick, full/],
    [['--lang', 'fr'], /unknown lang 'fr'; valid values: en, es/],
    [['--workers', '2,zero'], /--workers: 'zero' is not a worker count/],
    [['--workers', '0'], /--workers: '0' is not a worker count/],
    [['extra'], /Unexpected argument 'extra'.*valid flags/],
  ])('rejects %j with exit code 2 and the valid choices', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/pnpm bench --help/);
    expect(stderr).not.toMatch(CONTROL);
  });

  it('prints help listing every flag and the workloads found', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--profile', '--suite', '--workloads', '--strategies', '--workers', '--out', '--lang', '--json', '--no-report', '--help']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('spin, wrong');
  });

  it('prints only the records as JSON on stdout with --json', async () => {
    const { code, stdout, stderr } = await run(['--json', '--suite', 'workloads', '--workloads', 'spin', '--strategies', 'thread', '--workers', '1', '--out', out, '--no-report']);
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as { subject: string; status: string }[];
    expect(records.filter((r) => r.subject === 'spin').map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(stderr).toMatch(/workload\s+serial ms/);
  });
});

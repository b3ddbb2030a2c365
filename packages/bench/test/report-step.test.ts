// The report at the end of a run: English beside results.json, Spanish in es/, `latest` moved only to a run that has one, and a partial report after Ctrl-C.
import { existsSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResults, scratch, startCli, waitForLine } from './helpers.js';

const place = scratch({ spin: 'spin-workload.js' });
afterAll(() => rmSync(place.dir, { recursive: true, force: true }));

const quick = ['--suite', 'workloads', '--strategies', 'thread', '--workers', '1', '--out', place.out];
const runDirOf = (): string => join(place.out, (readResults(place.out) as { runId: string }).runId);

describe('the report step', () => {
  it('writes the English report beside results.json and the Spanish one in es/, then points latest at the run', async () => {
    const { code, stdout } = await startCli([...quick, '--lang', 'es'], place.workloads).exited;
    expect(code).toBe(0);
    const run = runDirOf();
    expect(readFileSync(join(run, 'index.html'), 'utf8')).toContain('lang="en"');
    expect(readFileSync(join(run, 'es', 'index.html'), 'utf8')).toContain('lang="es"');
    expect(existsSync(join(run, 'es', 'README.md'))).toBe(true);
    expect(readlinkSync(join(place.out, 'latest'))).toBe(run.split('/').at(-1));
    expect(stdout).toContain(join(run, 'es', 'index.html'));
  }, 90_000);

  it('leaves latest where it was after a --no-report run, and says how to render it', async () => {
    const before = readlinkSync(join(place.out, 'latest'));
    const { code, stdout } = await startCli([...quick, '--no-report'], place.workloads).exited;
    expect(code).toBe(0);
    expect(readlinkSync(join(place.out, 'latest'))).toBe(before);
    expect(stdout).toMatch(/no report \(--no-report\): render it with pnpm report .*reports\/\d{4}-/);
    expect(existsSync(join(runDirOf(), 'index.html'))).toBe(false);
  }, 90_000);

  it('renders the points measured so far when the run is interrupted', async () => {
    const run = startCli([...quick, '--workers', '1,2'], place.workloads);
    await waitForLine(run.child, /round 2\b/, 30_000);
    process.kill(run.child.pid as number, 'SIGINT');
    const exit = await run.exited;
    expect(exit.code).toBe(130);
    expect(exit.stdout).toMatch(/report \(partial: the run was interrupted\): /);
    expect(existsSync(join(runDirOf(), 'index.html'))).toBe(true);
  }, 90_000);
});

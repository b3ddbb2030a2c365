// Bad or old-schema results give one clear line naming the field, and the CLI exits 1 (2 for a bad command line).

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultsSchemaError, validateResults } from '../src/index.js';
import { makeResults } from './fixtures/make-results.js';
import { BUILT_CLI, FIXTURE, FIXTURE_V1 } from './support/paths.js';

function withPoint(index: number, change: (point: Record<string, unknown>) => void): unknown {
  const json = JSON.parse(JSON.stringify(makeResults())) as { points: Record<string, unknown>[] };
  const point = json.points[index];
  if (point === undefined) throw new Error(`fixture has no point ${index}`);
  change(point);
  return json;
}

function schemaError(json: unknown): ResultsSchemaError {
  try {
    validateResults(json);
  } catch (error) {
    if (error instanceof ResultsSchemaError) return error;
    throw error;
  }
  throw new Error('validateResults accepted the document');
}

describe('validateResults', () => {
  it('accepts the fixture, failed points without statistics included', () => {
    const results = validateResults(makeResults());
    expect(results.points.filter((p) => p.status !== 'ok')).toHaveLength(3);
  });

  it('reads a schema 1 file, upgrading it to schema 2', async () => {
    const results = validateResults(JSON.parse(await readFile(FIXTURE_V1, 'utf8')));
    expect(results).toMatchObject({ schema: 2, upgradedFrom: 1 });
    const ok = results.points.find((p) => p.status === 'ok');
    expect(ok).toMatchObject({ n: 12, flags: [] });
  });

  it('names the field path and what is wrong', () => {
    const error = schemaError(withPoint(3, (p) => { p['median'] = 'fast'; }));
    expect(error.name).toBe('ResultsSchemaError');
    expect(error.path).toBe('points[3].median');
    expect(error.message).toBe('points[3].median must be a number (got "fast")');
  });

  it('rejects another schema version', () => {
    expect(schemaError({ ...makeResults(), schema: 0 }).message).toMatch(/^schema must be 1 or 2; .* \(got 0\)$/);
    expect(schemaError({ points: [] }).path).toBe('schema');
  });

  it('rejects missing fields and wrong kinds', () => {
    const { machine, ...noMachine } = makeResults();
    expect(machine.cores).toBe(2);
    expect(schemaError(noMachine).message).toBe('machine is missing (got undefined)');
    expect(schemaError(withPoint(0, (p) => { delete p['strategy']; })).message).toBe(
      'points[0].strategy is missing (got undefined)',
    );
    expect(schemaError(withPoint(0, (p) => { p['strategy'] = 'cluster'; })).message).toBe(
      'points[0].strategy must be one of serial, process, thread (got "cluster")',
    );
    expect(schemaError(withPoint(1, (p) => { p['workers'] = 0; })).path).toBe('points[1].workers');
    expect(schemaError(withPoint(2, (p) => { p['samples'] = [1, 'x']; })).path).toBe('points[2].samples[1]');
    expect(schemaError([]).message).toBe('must be a JSON object (got an array)');
  });
});

describe('report CLI', () => {
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: build first (npx tsc -p tsconfig.json)`);
    dir = await mkdtemp(join(tmpdir(), 'parlab-cli-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function cli(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
    try {
      const stdout = execFileSync(process.execPath, [BUILT_CLI, ...args], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 20_000,
        env: { ...process.env, INIT_CWD: dir, ...env },
      });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const e = error as { status: number | null; stdout: string; stderr: string };
      return { code: e.status ?? -1, stdout: e.stdout, stderr: e.stderr };
    }
  }

  async function writeJson(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it('reports text that is not JSON in one line, exit 1', async () => {
    await writeJson('not-json.json', 'results: {\n  oops');
    const { code, stderr } = cli(['not-json.json']);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^not-json\.json: is not valid JSON \(.+\)$/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports an old schema, exit 1, no stack trace', async () => {
    await writeJson('old.json', JSON.stringify({ ...makeResults(), schema: 0 }));
    const { code, stderr } = cli(['old.json']);
    expect(code).toBe(1);
    expect(stderr).toContain('old.json: schema must be 1 or 2');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing field with its path, exit 1', async () => {
    await writeJson('missing.json', JSON.stringify(withPoint(3, (p) => { delete p['median']; })));
    const { code, stderr } = cli(['missing.json']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('missing.json: points[3].median is missing (got undefined)');
  });

  it('says what to do when there is no reports/latest/results.json, exit 1', () => {
    const { code, stderr } = cli([]);
    expect(code).toBe(1);
    expect(stderr).toContain(join('reports', 'latest', 'results.json'));
    expect(stderr).toContain('pnpm bench');
  });

  it('rejects an unknown flag listing the valid ones, exit 2', () => {
    const { code, stderr } = cli(['--colour', 'red']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("report: unknown option '--colour'; see pnpm report --help");
    expect(cli(['--lang', 'fr']).code).toBe(2);
  });

  it('prints help, exit 0', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: pnpm report [options] [run]');
    expect(stdout).toContain('pnpm report --compare reports/sample reports/latest');
  });

  it('renders a run folder given relative to INIT_CWD, the Spanish report in its es/ folder beside the English one', async () => {
    await mkdir(join(dir, 'reports', 'latest'), { recursive: true });
    // A few points keep the child's rendering short; what is tested is where it reads and writes.
    const fixture = JSON.parse(await readFile(FIXTURE, 'utf8')) as { points: { suite: string; subject: string }[] };
    fixture.points = fixture.points.filter((p) => p.suite === 'workloads' && p.subject === 'primes');
    await writeFile(join(dir, 'reports', 'latest', 'results.json'), JSON.stringify(fixture));
    const english = cli([], { INIT_CWD: dir });
    expect(english.code).toBe(0);
    const { code, stdout } = cli(['--lang', 'es'], { INIT_CWD: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(join('reports', 'latest', 'es', 'index.html'));
    expect(await readFile(join(dir, 'reports', 'latest', 'es', 'index.html'), 'utf8')).toContain('lang="es"');
    expect(existsSync(join(dir, 'reports', 'latest', 'es', 'README.md'))).toBe(true);
    // The English report is still there, untouched by the Spanish one.
    expect(await readFile(join(dir, 'reports', 'latest', 'index.html'), 'utf8')).toContain('lang="en"');
  });
});

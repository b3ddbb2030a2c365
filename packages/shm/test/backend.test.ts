// Which backend runs and why: the addon built or missing, the environment forcing the fallback, the build script saying what is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ADDON_PATH, allocateWords, backendInfo, sharedMemoryBackend, waitWord, wakeWord } from '../dist/src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const index = join(root, 'dist/src/index.js');
const work = mkdtempSync(join(tmpdir(), 'parlab-shm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What another Node process sees: the backend and its reason, with `env` added. */
function infoWith(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const code = `import(${JSON.stringify(index)}).then((m) => console.log(JSON.stringify(m.backendInfo())))`;
  const run = spawnSync(process.execPath, ['-e', code], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const forced = process.env['PARLAB_SHARED_MEMORY'] === 'coordinator';

describe(`backend selection (this run: ${sharedMemoryBackend()})`, () => {
  it('native where the addon is built, unless PARLAB_SHARED_MEMORY=coordinator forces the fallback', () => {
    const expected = forced || !existsSync(ADDON_PATH) ? 'coordinator' : 'native';
    expect(sharedMemoryBackend()).toBe(expected);
    expect(backendInfo().reason).toMatch(forced ? /forced by PARLAB_SHARED_MEMORY=coordinator/ : expected === 'native' ? /loaded from/ : /not built/);
  });

  it('falls back, saying so, when the addon is missing; insists only when told to; rejects an unknown setting', () => {
    const missing = infoWith({ PARLAB_SHARED_MEMORY: '', PARLAB_SHM_ADDON: join(work, 'absent.node') });
    expect(JSON.parse(missing.stdout)).toMatchObject({ backend: 'coordinator', reason: expect.stringMatching(/not built .*absent\.node is missing/) });
    const insisted = infoWith({ PARLAB_SHARED_MEMORY: 'native', PARLAB_SHM_ADDON: join(work, 'absent.node') });
    expect(insisted.status).not.toBe(0);
    expect(insisted.stderr).toMatch(/PARLAB_SHARED_MEMORY=native, but the native addon is not built/);
    const unknown = infoWith({ PARLAB_SHARED_MEMORY: 'fast' });
    expect(unknown.stderr).toMatch(/PARLAB_SHARED_MEMORY must be 'native', 'coordinator' or unset, got 'fast'/);
  });
});

describe('scripts/build-addon.mjs', () => {
  const script = join(root, 'scripts/build-addon.mjs');

  it('without a compiler it says what is missing and that parlab falls back, and fails only with --require', () => {
    const out = join(work, 'none.node');
    const run = spawnSync(process.execPath, [script, '--out', out], { env: { ...process.env, CC: join(work, 'no-such-cc') }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/not built: no C compiler \(looked for .*no-such-cc from CC\)/);
    expect(run.stdout).toMatch(/coordinator fallback/);
    expect(existsSync(out)).toBe(false);
    const required = spawnSync(process.execPath, [script, '--out', out, '--require'], { env: { ...process.env, CC: join(work, 'no-such-cc') }, encoding: 'utf8' });
    expect(required.status).toBe(1);
  });

  const compiler = ['cc', 'gcc', 'clang'].some((cc) => spawnSync(cc, ['--version']).status === 0);
  it.skipIf(!compiler)('with a compiler it builds an addon that this Node loads, and says so', () => {
    const out = join(work, 'built.node');
    const run = spawnSync(process.execPath, [script, '--out', out], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/addon built with .* in [\d.]+ s/);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(infoWith({ PARLAB_SHARED_MEMORY: '', PARLAB_SHM_ADDON: out }).stdout)).toMatchObject({ backend: 'native' });
  });
});

describe('the owner of a segment', () => {
  const owner = fileURLToPath(new URL('../dist/test/fixtures/owner.js', import.meta.url));

  it('unlinks it at once when it exits normally', () => {
    const run = spawnSync(process.execPath, [owner], { encoding: 'utf8' });
    const path = run.stdout.trim();
    expect(path).toMatch(/^\/dev\/shm\/psm_/);
    expect(existsSync(path)).toBe(false);
  });

  it('leaves it to its tracker when SIGKILLed, which unlinks it', async () => {
    const child = spawn(process.execPath, [owner, 'hang'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const path = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
    expect(existsSync(path)).toBe(true);
    child.kill('SIGKILL');
    const end = Date.now() + 15_000;
    while (existsSync(path) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(existsSync(path)).toBe(false);
  });
});

describe('a block in use', () => {
  it('stays readable after its segment object is collected (only the block is kept)', () => {
    const script = fileURLToPath(new URL('../dist/test/fixtures/read-after-gc.js', import.meta.url));
    const run = spawnSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('7');
  });
});

describe.skipIf(sharedMemoryBackend() !== 'native')('futex words (native)', () => {
  it('a wait is not-equal at once, times out, is woken, and a cancel ends it even before its helper thread sleeps', async () => {
    const { words } = allocateWords(1);
    expect(waitWord(words, 0, 1, 1000)).toBe('not-equal');
    const timed = waitWord(words, 0, 0, 20);
    expect(typeof timed).toBe('object');
    expect(await (timed as Exclude<typeof timed, string>).outcome).toBe('timed-out');
    const woken = waitWord(words, 0, 0, 20_000) as Exclude<ReturnType<typeof waitWord>, string>;
    Atomics.store(words, 0, 1);
    wakeWord(words, 0);
    expect(['ok', 'not-equal']).toContain(await woken.outcome);
    Atomics.store(words, 0, 0);
    // A cancel changes no word: without waking until the thread has left, one not yet asleep would sleep for ever.
    for (let i = 0; i < 200; i++) {
      const pending = waitWord(words, 0, 0, undefined) as Exclude<ReturnType<typeof waitWord>, string>;
      pending.cancel();
      expect(await pending.outcome).toBe('ok');
    }
    expect(Atomics.load(words, words.length - 1)).toBe(0);
  });
});

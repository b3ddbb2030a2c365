import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activeChildren,
  CloneError,
  cpuCount,
  currentProcess,
  parentProcess,
  Process,
  ProcessStateError,
  reapChildren,
  STRATEGIES,
  TargetError,
  targetRef,
} from '../dist/src/index.js';
import * as fx from '../dist/test/fixtures/targets.js';
import { pidAlive, pollUntil, readJson, tempDir } from './helpers.js';

const parentScript = fileURLToPath(new URL('../dist/test/fixtures/parent.js', import.meta.url));

interface Who {
  current: { name: string; pid: number; threadId: number; daemon: boolean; strategy: string };
  parent: { name: string; pid: number } | null;
  args: string[];
}

afterAll(async () => {
  await reapChildren();
  expect(activeChildren()).toEqual([]);
});

describe('the main process', () => {
  it('is MainProcess, with no parent and at least one CPU', () => {
    expect(currentProcess()).toMatchObject({ name: 'MainProcess', pid: process.pid, daemon: false, strategy: null });
    expect(parentProcess()).toBeNull();
    expect(cpuCount()).toBeGreaterThanOrEqual(1);
  });
});

describe.each(STRATEGIES)('Process (%s)', (strategy) => {
  let dir: ReturnType<typeof tempDir>;
  const started: Process[] = [];
  const make = (options: ConstructorParameters<typeof Process>[0]): Process => {
    const p = new Process({ strategy, ...options });
    started.push(p);
    return p;
  };

  beforeEach(() => {
    dir = tempDir();
  });

  afterEach(async () => {
    for (const p of started.splice(0)) {
      try {
        if (p.isAlive()) {
          p.kill();
          await p.join(5000);
        }
      } catch {
        // closed already
      }
    }
    dir.remove();
  });

  it('runs the target in a child with its arguments, and knows who it is there', async () => {
    const out = dir.path('who.json');
    const p = make({ target: fx.whoAmI, args: [out, new Map(), 12n, new Date(0)] });
    expect(p.pid).toBeNull();
    expect(p.exitCode).toBeNull();
    expect(p.isAlive()).toBe(false);
    p.start();
    expect(p.isAlive()).toBe(true);
    expect(activeChildren()).toContain(p);
    expect(await p.join(10_000)).toBe(0);
    expect(p.isAlive()).toBe(false);
    expect(activeChildren()).not.toContain(p);
    const who = readJson<Who>(out);
    expect(who.current).toMatchObject({ name: p.name, pid: p.pid, daemon: false, strategy });
    expect(who.parent).toMatchObject({ name: 'MainProcess', pid: process.pid });
    expect(who.args).toEqual(['[object Map]', '[object BigInt]', '[object Date]']);
    if (strategy === 'process') {
      expect(p.pid).not.toBe(process.pid);
      expect(p.threadId).toBe(0);
    } else {
      expect(p.pid).toBe(process.pid);
      expect(p.threadId).toBeGreaterThan(0);
      expect(who.current.threadId).toBe(p.threadId);
    }
  });

  it('passes Map, Set, Date, BigInt, typed arrays and errors with cause intact', async () => {
    const out = dir.path('values.json');
    const error = Object.assign(new RangeError('outer', { cause: new Error('inner') }), { code: 'E_X' });
    const values = { map: new Map([['big', 2n ** 70n]]), set: new Set([1, 2, 3]), date: new Date(86_400_000), bytes: new Uint8Array([0, 0, 7]), error };
    const p = make({ target: fx.checkValues, args: [out, values] });
    p.start();
    expect(await p.join(10_000)).toBe(0);
    expect(readJson(out)).toEqual({ map: true, set: true, date: true, bytes: true, error: true, code: 'E_X' });
  });

  it('awaits an async target', async () => {
    const out = dir.path('async.json');
    const p = make({ target: fx.asyncWrite, args: [out, 'later'] });
    p.start();
    expect(await p.join(10_000)).toBe(0);
    expect(readJson(out)).toEqual({ value: 'later' });
  });

  it('runs onProgramEnd flushes after the target ends, before the child exits, whether it returned or threw', async () => {
    for (const fail of [false, true]) {
      const out = dir.path(`flush-${String(fail)}.json`);
      const p = make({ target: fx.flushAtEnd, args: [out, 200, fail] });
      p.start();
      expect(await p.join(10_000)).toBe(fail ? 1 : 0);
      expect(readJson(out)).toEqual({ flushed: true });
    }
  });

  it('accepts a { module, export } reference as target', async () => {
    const out = dir.path('ref.json');
    const p = make({ target: targetRef(new URL('../dist/test/fixtures/targets.js', import.meta.url), 'whoAmI'), args: [out] });
    p.start();
    expect(await p.join(10_000)).toBe(0);
    expect(readJson<Who>(out).current.name).toBe(p.name);
  });

  it('names processes Process-N by default and lets the caller name them', () => {
    const a = make({ target: fx.whoAmI });
    const b = make({ target: fx.whoAmI, name: 'worker-b' });
    expect(a.name).toMatch(/^Process-\d+$/);
    expect(b.name).toBe('worker-b');
    const next = make({ target: fx.whoAmI });
    expect(Number(next.name.slice('Process-'.length))).toBe(Number(a.name.slice('Process-'.length)) + 2);
    a.name = 'renamed';
    expect(a.name).toBe('renamed');
    expect(() => {
      (a as { name: unknown }).name = 3;
    }).toThrow(TypeError);
  });

  it('names a child’s children Process-N:M and reports their parent', async () => {
    const out = dir.path('grandchild.json');
    const p = make({ target: fx.startGrandchild, args: [out, strategy] });
    p.start();
    expect(await p.join(15_000)).toBe(0);
    const who = readJson<Who>(out);
    expect(who.current.name).toBe(`${p.name}:1`);
    expect(who.parent?.name).toBe(p.name);
  });

  it('refuses to start twice or to join before start', async () => {
    const p = make({ target: fx.whoAmI, args: [dir.path('twice.json')] });
    await expect(p.join()).rejects.toThrow(ProcessStateError);
    await expect(p.join()).rejects.toThrow(/can only join a started process/);
    p.start();
    expect(() => p.start()).toThrow(ProcessStateError);
    expect(() => p.start()).toThrow(/cannot start a process twice/);
    await p.join(10_000);
    expect(() => p.start()).toThrow(ProcessStateError);
  });

  it('fails at the call site when an argument cannot cross, naming it', () => {
    const before = activeChildren().length;
    expect(() => make({ target: fx.whoAmI, args: ['x', () => 1] }).start()).toThrow(CloneError);
    try {
      make({ target: fx.whoAmI, args: [{ nested: { callback: function cb() {} } }] }).start();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CloneError);
      expect((error as CloneError).path).toBe('args[0].nested.callback');
      expect((error as Error).message).toMatch(/args\[0\]\.nested\.callback.*function \(cb\)/);
    }
    expect(() => make({ target: fx.whoAmI, args: [Symbol('s')] }).start()).toThrow(/args\[0\]/);
    expect(() => make({ target: fx.whoAmI, args: [new WeakMap()] }).start()).toThrow(/args\[0\].*WeakMap/);
    // Memory a process cannot share is refused, not silently copied; threads share it.
    const shared = new Int32Array(new SharedArrayBuffer(8));
    if (strategy === 'process') {
      expect(() => make({ target: fx.whoAmI, args: ['x', { cells: shared }] }).start()).toThrow(/args\[1\]\.cells.*over a SharedArrayBuffer cannot share its memory with another process/);
    }
    expect(activeChildren().length).toBe(before);
  });

  it('rejects a missing module, an unregistered function, and reports a missing export', async () => {
    expect(() => make({ target: { module: '/nonexistent/parlab/module.js', export: 'x' } })).toThrow(TargetError);
    expect(() => make({ target: { module: '/nonexistent/parlab/module.js', export: 'x' } })).toThrow(/module not found: \/nonexistent/);
    function local(): void {}
    expect(() => make({ target: local })).toThrow(/'local' is not registered.*defineTargets/);
    expect(() => make({ target: 'whoAmI' as never })).toThrow(TargetError);
    const missing = make({ target: targetRef(new URL('../dist/test/fixtures/targets.js', import.meta.url), 'noSuchExport') });
    missing.start();
    expect(await missing.join(10_000)).toBe(1);
    expect(missing.error).toBeInstanceOf(Error);
    expect(missing.error?.name).toBe('TargetError');
    expect(missing.error?.message).toMatch(/has no export 'noSuchExport'/);
  });

  it('exits with the code given to process.exit', async () => {
    const p = make({ target: fx.exitWith, args: [7] });
    p.start();
    expect(await p.join(10_000)).toBe(7);
    expect(p.exitCode).toBe(7);
    expect(p.error).toBeNull();
  });

  it('exits with 1 when the target throws, keeping the error, its stack and cause', async () => {
    const p = make({ target: fx.throwTypeError });
    p.start();
    expect(await p.join(10_000)).toBe(1);
    const error = p.error as TypeError & { code?: string };
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('bad thing');
    expect(error.code).toBe('E_BAD');
    expect(error.stack).toMatch(/throwTypeError .*targets\.js/);
    expect((error.cause as Error).message).toBe('root cause');
  });

  it('exits with 1 when an async target rejects', async () => {
    const p = make({ target: fx.rejectLater });
    p.start();
    expect(await p.join(10_000)).toBe(1);
    expect(p.error).toBeInstanceOf(RangeError);
  });

  it.each([
    ['terminate', -15],
    ['kill', -9],
  ] as const)('%s() ends a running process with exit code %i', async (method, code) => {
    const out = dir.path('hang.json');
    const p = make({ target: fx.hang, args: [out] });
    p.start();
    await pollUntil(() => existsSync(out), 10_000);
    expect(p.isAlive()).toBe(true);
    p[method]();
    expect(await p.join(10_000)).toBe(code);
    expect(p.isAlive()).toBe(false);
    expect(p.exitCode).toBe(code);
  });

  it('ends a busy process that never yields', async () => {
    const out = dir.path('spin.json');
    const p = make({ target: fx.spin, args: [out] });
    p.start();
    await pollUntil(() => existsSync(out), 10_000);
    p.terminate();
    expect(await p.join(10_000)).toBe(-15);
  });

  it('join(timeoutMs) returns null while the process runs, and honours an AbortSignal', async () => {
    const p = make({ target: fx.hang });
    p.start();
    expect(await p.join(50)).toBeNull();
    expect(p.isAlive()).toBe(true);
    const controller = new AbortController();
    const joining = p.join({ signal: controller.signal });
    controller.abort();
    expect(await joining).toBeNull();
    // Python's join(-1) returns at once, as join(0) does.
    expect(await p.join(-1)).toBeNull();
    expect(await p.join({ timeoutMs: -5 })).toBeNull();
    await expect(p.join({ timeoutMs: Number.NaN })).rejects.toThrow(/timeoutMs/);
    p.kill();
    expect(await p.join(10_000)).toBe(-9);
  });

  it.each([
    ['returned', false, 0],
    ['threw', true, 1],
  ])('lets the work the target left pending finish before the child exits (target %s)', async (_how, fail, code) => {
    const out = dir.path('pending.json');
    const p = make({ target: fx.leavePending, args: [out, fail] });
    p.start();
    expect(await p.join(10_000)).toBe(code);
    // Written by a timer the target left behind, after the target had ended.
    expect(readJson(out)).toEqual({ wrote: true });
  });

  it('exits with the process.exitCode the target set', async () => {
    const p = make({ target: fx.setExitCode, args: [5] });
    p.start();
    expect(await p.join(10_000)).toBe(5);
    expect(p.error).toBeNull();
  });

  it('a child kept alive by its own pending work still ends on terminate()', async () => {
    const p = make({ target: fx.leaveInterval });
    p.start();
    // Its target has returned; the interval it left holds it, as a non-daemon thread holds a Python child.
    expect(await p.join(300)).toBeNull();
    expect(p.isAlive()).toBe(true);
    p.terminate();
    expect(await p.join(10_000)).toBe(-15);
  });

  it('a daemon child may not start children (Python: "daemonic processes are not allowed to have children")', async () => {
    const out = dir.path('grandchild.json');
    const p = make({ target: fx.startGrandchild, args: [out, strategy], daemon: true });
    p.start();
    expect(await p.join(10_000)).toBe(1);
    // By name: rebuilding core's error classes across the boundary is codec work, not this test's.
    expect(p.error).toMatchObject({ name: 'ProcessStateError', message: expect.stringMatching(/^daemonic processes are not allowed to have children/) as unknown });
    expect(existsSync(out)).toBe(false);
  });

  it('close() refuses while running, then makes the object unusable', async () => {
    const p = make({ target: fx.hang });
    p.start();
    expect(() => p.close()).toThrow(/still running/);
    p.kill();
    await p.join(10_000);
    p.close();
    expect(() => p.isAlive()).toThrow(/closed/);
    expect(() => p.pid).toThrow(/closed/);
    expect(() => p.start()).toThrow(ProcessStateError);
  });

  it('reapChildren kills the children still running and waits for each', async () => {
    const a = make({ target: fx.hang });
    const b = make({ target: fx.hang, daemon: true });
    a.start();
    b.start();
    expect(activeChildren()).toEqual(expect.arrayContaining([a, b]));
    await reapChildren(10_000);
    expect([a.exitCode, b.exitCode]).toEqual([-9, -9]);
    expect(activeChildren()).toEqual([]);
  });

  it('daemon can be set before start only', () => {
    const p = make({ target: fx.hang, daemon: true });
    expect(p.daemon).toBe(true);
    p.daemon = false;
    p.start();
    expect(() => {
      p.daemon = true;
    }).toThrow(/active process/);
  });

  it('runs a subclass’s run() in the child with its constructor’s fields', async () => {
    const out = dir.path('greeter.json');
    const g = new fx.Greeter('hola', out, strategy);
    started.push(g);
    g.start();
    expect(await g.join(10_000)).toBe(0);
    expect(readJson(out)).toEqual({ greeting: 'hola, greeter', extra: 42, isProcess: true, current: 'greeter' });
  });

  it('refuses a subclass that was not registered', () => {
    const u = new fx.Unregistered({ strategy });
    expect(() => u.start()).toThrow(/subclass 'Unregistered' is not registered/);
  });

  it('keeps the parent program running until a non-daemon child ends', async () => {
    const out = dir.path('non-daemon.json');
    const parent = spawn(process.execPath, [parentScript, 'non-daemon', strategy, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    const code = await new Promise<number | null>((resolve) => parent.on('exit', resolve));
    expect(code).toBe(0);
    // The child wrote its file only after 600 ms; the parent waited for it.
    expect(existsSync(out)).toBe(true);
  });

  it('ends a daemon child when the parent program ends', async () => {
    const out = dir.path('daemon.json');
    const parent = spawn(process.execPath, [parentScript, 'daemon', strategy, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    parent.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => parent.on('exit', resolve));
    expect(code).toBe(0);
    const { pid } = JSON.parse(stdout) as { pid: number };
    expect(await pollUntil(() => !pidAlive(pid), 5000)).not.toBeNull();
    expect(existsSync(out)).toBe(false);
  });

  it.each(['spin', 'hang'])('leaves no orphan when the parent is SIGKILLed (%s child)', async (mode) => {
    const out = dir.path(`${mode}.json`);
    const parent = spawn(process.execPath, [parentScript, mode, strategy, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<void>((resolve) => parent.on('exit', () => resolve()));
    expect(await pollUntil(() => existsSync(out), 10_000)).not.toBeNull();
    const { pid } = readJson<{ pid: number }>(out);
    expect(pidAlive(pid)).toBe(true);
    parent.kill('SIGKILL');
    await exited;
    // The issue asks for children gone within a second of the parent's death.
    expect(await pollUntil(() => !pidAlive(pid), 1000)).not.toBeNull();
  });
});

// A Python twin and its multiprocessing workers die with the Node process that started them, even by SIGKILL.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const INDEX = fileURLToPath(new URL('../dist/src/index.js', import.meta.url));
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0)) step();
});

function python3(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((row): row is [number, number] => row.length === 2);
  const found: number[] = [];
  for (let i = -1; i < found.length; i++) {
    const parent = i < 0 ? pid : (found[i] as number);
    for (const [child, ppid] of rows) if (ppid === parent) found.push(child);
  }
  return found;
}

/** Running, not just a zombie waiting for whoever adopted it to reap it. */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe.skipIf(!python3() || process.platform !== 'linux')('Python twins', () => {
  it('are killed with their pool workers within two seconds of the parent dying by SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parlab-twin-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const script = join(dir, 'sleeper.py');
    // Busy elsewhere and silent: nothing it writes would tell it that the parent is gone.
    writeFileSync(script, "import multiprocessing as mp, time\nif __name__ == '__main__':\n    with mp.Pool(2) as pool:\n        pool.map(abs, [1, 2])\n        print('ready', flush=True)\n        time.sleep(60)\n");
    const parentScript = `import(${JSON.stringify(INDEX)}).then(({ spawnPythonTwin }) => {
      const twin = spawnPythonTwin(${JSON.stringify(script)}, [], { timeoutMs: 60000 });
      twin.stdout.on('data', (d) => process.stdout.write(d));
    });`;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanup.push(() => parent.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the twin did not start its pool within 20 s')), 20_000);
      parent.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const twins = descendants(parent.pid as number);
    // python3 and its two pool workers.
    expect(twins.length).toBeGreaterThanOrEqual(3);
    cleanup.push(() => twins.forEach((pid) => alive(pid) && process.kill(pid, 'SIGKILL')));
    parent.kill('SIGKILL');
    const deadline = Date.now() + 2_000;
    while (twins.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(twins.filter(alive)).toEqual([]);
  });
});

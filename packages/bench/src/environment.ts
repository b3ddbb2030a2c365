// The machine and the environment settings that bias a comparison of the two strategies.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, platform, release, totalmem } from 'node:os';
import { backendInfo } from '@parlab/shm';
import type { Lang, MachineInfo } from './types.js';

/** An environment setting found set, and why it matters. */
export interface BiasNote {
  readonly name: string;
  readonly value: string;
  readonly effect: Record<Lang, string>;
}

const KNOWN_BIASES: Record<string, Record<Lang, string>> = {
  NODE_EXTRA_CA_CERTS: {
    en: 'read by every new Node process at start-up (about 75 ms measured here), not by a new Worker: it slows `process` start-up only',
    es: 'lo lee cada proceso Node nuevo al arrancar (unos 75 ms medidos aquí), no un Worker nuevo: solo frena el arranque de `process`',
  },
  NODE_OPTIONS: {
    en: 'applies to the runner and to every child process (and worker thread), changing what both strategies measure',
    es: 'se aplica al runner y a cada proceso hijo (y hilo), y cambia lo que miden ambas estrategias',
  },
  NODE_V8_COVERAGE: {
    en: 'coverage collection slows every process and thread',
    es: 'recoger cobertura frena cada proceso e hilo',
  },
  NODE_COMPILE_CACHE: {
    en: 'a compile cache speeds up the start of new processes',
    es: 'una caché de compilación acelera el arranque de procesos nuevos',
  },
  UV_THREADPOOL_SIZE: {
    en: "changes libuv's thread pool, shared by crypto, zlib and fs work",
    es: 'cambia el pool de hilos de libuv, que comparten crypto, zlib y fs',
  },
  NODE_DEBUG: { en: 'debug logging slows I/O', es: 'el registro de depuración frena la E/S' },
};

/** The settings of KNOWN_BIASES that are set now, plus any runtime flags of the runner. */
export function biasNotes(env: NodeJS.ProcessEnv = process.env): BiasNote[] {
  const notes: BiasNote[] = [];
  for (const [name, effect] of Object.entries(KNOWN_BIASES)) {
    const value = env[name];
    if (value !== undefined && value !== '') notes.push({ name, value, effect });
  }
  if (process.execArgv.length > 0) {
    notes.push({
      name: 'execArgv',
      value: process.execArgv.join(' '),
      effect: { en: 'runtime flags of the runner itself', es: 'opciones de arranque del propio runner' },
    });
  }
  return notes;
}

/** `3.11.7`, or null when python3 is not on the PATH. */
export function pythonVersion(): string | null {
  try {
    const out = execFileSync('python3', ['--version'], { encoding: 'utf8', timeout: 5_000, stdio: ['ignore', 'pipe', 'pipe'] });
    return out.trim().replace(/^Python\s+/, '') || null;
  } catch {
    return null;
  }
}

function readNumbers(path: string): number[] | null {
  try {
    return readFileSync(path, 'utf8').trim().split(/\s+/).map(Number);
  } catch {
    return null;
  }
}

/** The cgroup CPU quota in CPUs (v2 `cpu.max`, else v1 `cfs_quota_us`), or null when none is set. */
export function cpuQuota(): number | null {
  const v2 = readNumbers('/sys/fs/cgroup/cpu.max');
  if (v2 !== null) {
    const [quota, period] = v2;
    return quota !== undefined && period !== undefined && Number.isFinite(quota) && period > 0 ? quota / period : null;
  }
  const quota = readNumbers('/sys/fs/cgroup/cpu/cpu.cfs_quota_us')?.[0];
  const period = readNumbers('/sys/fs/cgroup/cpu/cpu.cfs_period_us')?.[0];
  return quota !== undefined && period !== undefined && quota > 0 && period > 0 ? quota / period : null;
}

/** CPUs the run may use: what Node says it may use, lowered by a cgroup quota. */
export function availableCores(quota = cpuQuota()): number {
  const parallelism = availableParallelism();
  return quota === null ? parallelism : Math.max(1, Math.min(parallelism, Math.ceil(quota)));
}

/** The most a speedup with `workers` workers can physically be here. */
export function speedupCeiling(workers: number, machine: Pick<MachineInfo, 'availableCores' | 'cpuQuota'>): number {
  return Math.min(workers, machine.availableCores, machine.cpuQuota ?? Number.POSITIVE_INFINITY);
}

export function machineInfo(python: string | null): MachineInfo {
  const quota = cpuQuota();
  const { backend, reason } = backendInfo();
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    availableCores: availableCores(quota),
    cpuQuota: quota,
    memoryBytes: totalmem(),
    os: `${platform()} ${release()}`,
    node: process.version,
    python,
    sharedMemory: { backend, reason },
  };
}

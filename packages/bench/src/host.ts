// The host measured beside the benchmarks: a fixed reference loop's speed through the run, and load and CPU steal at start and end.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { summarize } from '@parlab/bench-kit';
import type { HostInfo, HostState, HostWarning, SpeedSample } from '@parlab/report';

/** Other work using more than this share of all CPUs at the start makes the host "busy". */
const BUSY_SHARE = 0.1;
/** Steal above this share of CPU time: the hypervisor is taking the CPUs away. */
const STEAL_SHARE = 0.05;
/** The reference loop's own spread (interval half-width, % of its median) above this is "unstable". */
const UNSTABLE_PERCENT = 5;
/** The speed index leaving [1 − d, 1 + d] during the run is "drift". */
const DRIFT = 0.1;
/** How long one reference reading aims to take, in ms. */
const READING_MS = 4;

interface CpuTimes {
  readonly total: number;
  readonly idle: number;
  readonly steal: number;
}

/** The `cpu` line of /proc/stat, or null where there is none (not Linux). */
function readCpuTimes(): CpuTimes | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return { total: user + nice + system + idle + iowait + irq + softirq + steal, idle: idle + iowait, steal };
  } catch {
    return null;
  }
}

/** A fixed, allocation-free integer loop: its time tracks the host's speed for one core. */
function referenceLoop(iterations: number): number {
  let x = 0x9e3779b9;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  return x;
}

let sink = 0;

function timeLoop(iterations: number): number {
  const started = performance.now();
  sink ^= referenceLoop(iterations);
  return performance.now() - started;
}

/** Watches the host through a run; `reading()` is cheap (about 12 ms) and may be called often. */
export class HostMonitor {
  readonly #startedAt = performance.now();
  #iterations = 1;
  #referenceMs = 0;
  #start: HostState | null = null;
  #end: HostState | null = null;
  readonly #samples: SpeedSample[] = [];
  readonly #warnings: HostWarning[] = [];

  /** Calibrates the loop, looks at the host over a short idle window and warns when it is busy or unstable. */
  async begin(windowMs = 400): Promise<readonly HostWarning[]> {
    // Grow the loop until one run takes READING_MS (the first runs also warm the JIT).
    while (timeLoop(this.#iterations) < READING_MS && this.#iterations < 2 ** 30) this.#iterations *= 2;
    const state = await this.#state(windowMs);
    this.#start = state;
    const calibration: number[] = [];
    for (let i = 0; i < 15; i++) calibration.push(timeLoop(this.#iterations));
    const summary = summarize(calibration);
    this.#referenceMs = summary.median;
    this.#samples.push({ atMs: 0, index: 1 });
    if (state.busyShare !== null && state.busyShare > BUSY_SHARE) {
      this.#warn('busy', `other work kept ${percent(state.busyShare)} of the CPUs busy when the run started`, state.busyShare);
    }
    if (state.stealShare !== null && state.stealShare > STEAL_SHARE) {
      this.#warn('steal', `the hypervisor took ${percent(state.stealShare)} of CPU time (steal) when the run started`, state.stealShare);
    }
    if (summary.rme > UNSTABLE_PERCENT) {
      this.#warn('unstable', `a fixed loop's time varied by ±${summary.rme.toFixed(0)} % at the start`, summary.rme);
    }
    return [...this.#warnings];
  }

  /** The host's speed now, relative to the start (1 = as fast), recorded with its time. */
  reading(): number {
    if (this.#referenceMs === 0) throw new Error('HostMonitor.reading() before begin()');
    const times = [timeLoop(this.#iterations), timeLoop(this.#iterations), timeLoop(this.#iterations)].sort((a, b) => a - b);
    const index = this.#referenceMs / (times[1] as number);
    this.#samples.push({ atMs: Math.round(performance.now() - this.#startedAt), index: Number(index.toFixed(4)) });
    return index;
  }

  /** Looks at the host once more and adds a drift warning when its speed moved during the run. */
  async finish(windowMs = 300): Promise<HostInfo> {
    this.reading();
    this.#end = await this.#state(windowMs);
    const indices = this.#samples.map((s) => s.index);
    const low = Math.min(...indices);
    const high = Math.max(...indices);
    if (low < 1 - DRIFT || high > 1 + DRIFT) {
      this.#warn('drift', `the host's speed moved between ${low.toFixed(2)}× and ${high.toFixed(2)}× its speed at the start`, 1 - low > high - 1 ? low : high);
    }
    return this.info();
  }

  /** What is known so far (an interrupted run saves this without the end state). */
  info(): HostInfo {
    const indices = this.#samples.map((s) => s.index);
    return {
      referenceMs: Number(this.#referenceMs.toFixed(4)),
      speedIndex: { median: summarize(indices).median, min: Math.min(...indices), max: Math.max(...indices), samples: [...this.#samples] },
      start: this.#start ?? { loadAverage: triple(loadavg()), busyShare: null, stealShare: null },
      end: this.#end,
      warnings: [...this.#warnings],
    };
  }

  #warn(code: HostWarning['code'], message: string, value: number): void {
    this.#warnings.push({ code, message, value: Number(value.toFixed(4)) });
  }

  async #state(windowMs: number): Promise<HostState> {
    const before = readCpuTimes();
    await sleep(windowMs);
    const after = readCpuTimes();
    const load = triple(loadavg());
    if (before === null || after === null || after.total <= before.total) return { loadAverage: load, busyShare: null, stealShare: null };
    const total = after.total - before.total;
    return {
      loadAverage: load,
      busyShare: Number(Math.max(0, 1 - (after.idle - before.idle) / total).toFixed(4)),
      stealShare: Number(((after.steal - before.steal) / total).toFixed(4)),
    };
  }
}

function triple(values: number[]): [number, number, number] {
  return [values[0] ?? 0, values[1] ?? 0, values[2] ?? 0].map((v) => Number(v.toFixed(2))) as [number, number, number];
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)} %`;
}

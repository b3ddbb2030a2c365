// The implementations the peers benchmark compares: parlab's Pool under both strategies, the
// popular Node pools, and a hand-rolled pool (one message per task) as the floor.
import type { StrategyName } from '@parlab/core';
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { noop, primes } from './bench-tasks.js';
import { Pool } from '../src/pool.js';

export interface PrimeRange {
  readonly lo: number;
  readonly hi: number;
}

/** One running pool, driven the same way for every implementation. */
export interface Runner {
  /** Runs `count` no-op tasks, one call each, and waits for all. */
  dispatch(count: number): Promise<void>;
  /** Maps a no-op over `items`, or null where the pool has no map. */
  readonly map: ((items: readonly number[]) => Promise<unknown[]>) | null;
  /** Runs one `primes` task per range and waits for all. */
  primes(ranges: readonly PrimeRange[]): Promise<unknown[]>;
  /**
   * parlab only: `count` no-op tasks with `inFlight` always in flight; resolves with this
   * process's RSS in bytes after every `every` of them.
   */
  readonly sustained?: (count: number, inFlight: number, every: number) => Promise<number[]>;
  /** Stops the pool the way it is meant to be stopped. */
  close(): Promise<void>;
  /**
   * Ends its workers at once (terminates threads, SIGKILLs processes): for a pool that did not
   * close in time or hung. The pool's own stop is started first (not waited for) so that it does
   * not replace the workers it sees die.
   */
  kill(): void;
}

export interface Peer {
  readonly implementation: string;
  readonly strategy: StrategyName;
  start(workers: number): Promise<Runner>;
}

const fixture = (name: string): string => fileURLToPath(new URL(`../../bench-fixtures/${name}`, import.meta.url));
const require = createRequire(import.meta.url);

/** SIGKILLs a child process unless it is already gone. */
function killChild(child: { exitCode: number | null; signalCode: string | null; kill(signal: NodeJS.Signals): boolean }): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function times<T>(count: number, make: (index: number) => T): T[] {
  const out = new Array<T>(count);
  for (let i = 0; i < count; i++) out[i] = make(i);
  return out;
}

function parlab(strategy: StrategyName): Peer {
  return {
    implementation: 'parlab',
    strategy,
    async start(workers) {
      const pool = new Pool({ strategy, workers });
      return {
        dispatch: async (count) => {
          await Promise.all(times(count, (i) => pool.applyAsync(noop, [i])));
        },
        map: (items) => pool.map(noop, items),
        primes: (ranges) => Promise.all(ranges.map((range) => pool.applyAsync(primes, [range]))),
        sustained: (count, inFlight, every) =>
          new Promise((resolve, reject) => {
            const rss: number[] = [];
            let submitted = 0;
            let done = 0;
            const submit = (): void => {
              submitted++;
              pool.applyAsync(noop, [submitted], { callback: finished, errorCallback: reject });
            };
            const finished = (): void => {
              done++;
              if (done % every === 0) rss.push(process.memoryUsage.rss());
              if (submitted < count) submit();
              else if (done === count) resolve(rss);
            };
            for (let i = 0; i < Math.min(inFlight, count); i++) submit();
          }),
        close: async () => {
          pool.terminate();
          await pool.join({ timeoutMs: 10_000 });
        },
        kill: () => {
          const pids = strategy === 'process' ? pool.workers.map((worker) => worker.pid) : [];
          pool.terminate();
          for (const pid of pids) killPid(pid);
        },
      };
    },
  };
}

/** piscina and tinypool share one API: `run(argument, { name })` on a file of named exports. */
interface NamedRunPool {
  run(argument: unknown, options: { name: string }): Promise<unknown>;
  destroy(): Promise<void>;
  readonly threads: readonly { terminate(): Promise<unknown> }[];
}

function namedRunPeer(implementation: 'piscina' | 'tinypool', create: (workers: number) => Promise<NamedRunPool>): Peer {
  return {
    implementation,
    strategy: 'thread',
    async start(workers) {
      const pool = await create(workers);
      return {
        dispatch: async (count) => {
          await Promise.all(times(count, (i) => pool.run(i, { name: 'noop' })));
        },
        map: null,
        primes: (ranges) => Promise.all(ranges.map((range) => pool.run(range, { name: 'primes' }))),
        close: () => pool.destroy(),
        kill: () => {
          pool.destroy().catch(() => {});
          for (const thread of pool.threads) void thread.terminate();
        },
      };
    },
  };
}

const piscina = namedRunPeer('piscina', async (workers) => {
  const { Piscina } = await import('piscina');
  return new Piscina({ filename: fixture('named-worker.mjs'), minThreads: workers, maxThreads: workers });
});

const tinypool = namedRunPeer('tinypool', async (workers) => {
  const { Tinypool } = await import('tinypool');
  return new Tinypool({ filename: fixture('named-worker.mjs'), minThreads: workers, maxThreads: workers });
});

function poolifier(strategy: StrategyName): Peer {
  return {
    implementation: 'poolifier',
    strategy,
    async start(workers) {
      const { FixedClusterPool, FixedThreadPool } = await import('poolifier');
      const pool =
        strategy === 'thread'
          ? new FixedThreadPool(workers, fixture('poolifier-thread-worker.mjs'))
          : new FixedClusterPool(workers, fixture('poolifier-cluster-worker.cjs'));
      return {
        dispatch: async (count) => {
          await Promise.all(times(count, (i) => pool.execute(i, 'noop')));
        },
        map: null,
        primes: (ranges) => Promise.all(ranges.map((range) => pool.execute(range, 'primes'))),
        close: () => pool.destroy(),
        kill: () => {
          // Its stop then fails to reach workers that are gone: it reports that as an 'error' event.
          pool.emitter?.on('error', () => {});
          pool.destroy().catch(() => {});
          for (const node of pool.workerNodes) {
            const worker = node.worker as { terminate?: () => Promise<number>; kill?: (signal?: string) => void };
            if (worker.terminate !== undefined) void worker.terminate();
            else worker.kill?.('SIGKILL');
          }
        },
      };
    },
  };
}

type Callback = (error: Error | null, value?: unknown) => void;
interface Farm {
  noop(value: unknown, callback: Callback): void;
  primes(value: unknown, callback: Callback): void;
}
interface WorkerFarm {
  (options: { maxConcurrentWorkers: number; onChild: (child: ChildProcess) => void }, path: string, methods: readonly string[]): Farm;
  end(farm: Farm, callback?: () => void): void;
}

function call(method: (value: unknown, callback: Callback) => void, value: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => method(value, (error, result) => (error === null ? resolve(result) : reject(error))));
}

const workerFarm: Peer = {
  implementation: 'worker-farm',
  strategy: 'process',
  async start(workers) {
    const create = require('worker-farm') as WorkerFarm;
    const children: ChildProcess[] = [];
    const farm = create({ maxConcurrentWorkers: workers, onChild: (child) => children.push(child) }, fixture('worker-farm-worker.cjs'), ['noop', 'primes']);
    return {
      dispatch: async (count) => {
        await Promise.all(times(count, (i) => call(farm.noop, i)));
      },
      map: null,
      primes: (ranges) => Promise.all(ranges.map((range) => call(farm.primes, range))),
      close: () => new Promise<void>((resolve) => create.end(farm, resolve)),
      kill: () => {
        create.end(farm);
        for (const child of children) killChild(child);
      },
    };
  },
};

const workerpool: Peer = {
  implementation: 'workerpool',
  strategy: 'process',
  async start(workers) {
    const { pool: create } = await import('workerpool');
    const pool = create(fixture('workerpool-worker.cjs'), { minWorkers: workers, maxWorkers: workers, workerType: 'process' });
    return {
      dispatch: async (count) => {
        await Promise.all(times(count, (i) => pool.exec('noop', [i])));
      },
      map: null,
      primes: (ranges) => Promise.all(ranges.map((range) => pool.exec('primes', [range]))),
      close: async () => {
        await pool.terminate();
      },
      kill: () => {
        pool.terminate(true).catch(() => {});
        // workerpool keeps its handlers in a field its types do not show; each holds its child process.
        const handlers = (pool as unknown as { workers?: readonly { worker?: ChildProcess }[] }).workers ?? [];
        for (const handler of handlers) if (handler.worker !== undefined) killChild(handler.worker);
      },
    };
  },
};

/** A hand-rolled pool: a task goes to the least-busy worker as one message; at most `limit` per worker. */
class RawPool {
  readonly #send: ((message: unknown) => void)[];
  readonly #inflight: number[];
  readonly #pending = new Map<number, (value: unknown) => void>();
  readonly #owner = new Map<number, number>();
  readonly #waiting: [number, string, unknown][] = [];
  #nextId = 0;
  limit = Infinity;

  constructor(endpoints: readonly { send(message: unknown): void; onMessage(listener: (message: unknown) => void): void }[]) {
    this.#send = endpoints.map((endpoint) => (message) => endpoint.send(message));
    this.#inflight = endpoints.map(() => 0);
    endpoints.forEach((endpoint, index) =>
      endpoint.onMessage((message) => {
        const [id, value] = message as [number, unknown];
        this.#inflight[index]!--;
        this.#pending.get(id)?.(value);
        this.#pending.delete(id);
        this.#owner.delete(id);
        const next = this.#waiting.shift();
        if (next !== undefined) this.#post(index, next);
      }),
    );
  }

  #post(index: number, message: [number, string, unknown]): void {
    this.#inflight[index]!++;
    this.#send[index]!(message);
  }

  run(name: string, argument: unknown): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      let best = 0;
      for (let i = 1; i < this.#inflight.length; i++) if (this.#inflight[i]! < this.#inflight[best]!) best = i;
      if (this.#inflight[best]! < this.limit) this.#post(best, [id, name, argument]);
      else this.#waiting.push([id, name, argument]);
    });
  }
}

function rawRunner(pool: RawPool, workers: number, close: () => Promise<void>, kill: () => void): Runner {
  return {
    dispatch: async (count) => {
      pool.limit = Infinity;
      await Promise.all(times(count, (i) => pool.run('noop', i)));
    },
    map: async (items) => {
      pool.limit = Infinity;
      const size = Math.ceil(items.length / (4 * workers));
      const chunks = await Promise.all(times(Math.ceil(items.length / size), (i) => pool.run('mapChunk', items.slice(i * size, (i + 1) * size))));
      return (chunks as unknown[][]).flat();
    },
    primes: (ranges) => {
      // One task per worker at a time, so a long task never waits behind another.
      pool.limit = 1;
      return Promise.all(ranges.map((range) => pool.run('primes', range)));
    },
    close,
    kill,
  };
}

function raw(strategy: StrategyName): Peer {
  return {
    implementation: 'raw',
    strategy,
    async start(workers) {
      if (strategy === 'thread') {
        const threads = times(workers, () => new Worker(fixture('raw-thread-worker.mjs')));
        const pool = new RawPool(threads.map((thread) => ({ send: (m) => thread.postMessage(m), onMessage: (l) => thread.on('message', l) })));
        const stop = async (): Promise<void> => {
          await Promise.all(threads.map((thread) => thread.terminate()));
        };
        return rawRunner(pool, workers, stop, () => void stop());
      }
      const children: ChildProcess[] = times(workers, () => fork(fixture('raw-process-worker.cjs'), [], { serialization: 'advanced' }));
      const pool = new RawPool(children.map((child) => ({ send: (m) => child.send(m as object), onMessage: (l) => child.on('message', l) })));
      const stop = async (): Promise<void> => {
        await Promise.all(
          children.map(
            (child) =>
              new Promise<void>((resolve) => {
                child.once('exit', () => resolve());
                child.kill();
              }),
          ),
        );
      };
      return rawRunner(pool, workers, stop, () => {
        for (const child of children) killChild(child);
      });
    },
  };
}

/** Every implementation, in the order the summary lists them. */
export const PEERS: readonly Peer[] = [
  parlab('thread'),
  piscina,
  tinypool,
  poolifier('thread'),
  raw('thread'),
  parlab('process'),
  workerFarm,
  workerpool,
  poolifier('process'),
  raw('process'),
];

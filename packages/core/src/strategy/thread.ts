// The `thread` strategy: a worker_threads Worker running the same built entry.
import { Worker, parentPort, threadId, type TransferListItem } from 'node:worker_threads';
import type { ExitInfo, ParentChannel, SpawnOptions, StrategyWorker } from './types.js';

/** How long an exit waits for the worker's last output to arrive. */
const STDIO_DRAIN_MS = 1_000;

/** Marks a message that carries transferred items beside its payload. */
const TRANSFER_KEY = '\u0000parlab-transfer';

interface TransferEnvelope {
  readonly [TRANSFER_KEY]: true;
  readonly message: unknown;
  readonly items: readonly object[];
}

function post(target: { postMessage(value: unknown, transferList?: readonly TransferListItem[]): void }, message: unknown, transfer: readonly object[]): void {
  if (transfer.length === 0) target.postMessage(message);
  else {
    const envelope: TransferEnvelope = { [TRANSFER_KEY]: true, message, items: transfer };
    target.postMessage(envelope, transfer as TransferListItem[]);
  }
}

function receive(listener: (message: unknown, transferred: readonly object[]) => void): (message: unknown) => void {
  return (message) => {
    if (typeof message === 'object' && message !== null && TRANSFER_KEY in message) {
      const envelope = message as TransferEnvelope;
      listener(envelope.message, envelope.items);
    } else listener(message, []);
  };
}

class ThreadWorker implements StrategyWorker {
  readonly strategy = 'thread' as const;
  readonly pid = process.pid;
  readonly threadId: number;
  readonly #worker: Worker;
  readonly #daemon: boolean;

  constructor(options: SpawnOptions) {
    const limits = options.resourceLimits;
    this.#worker = new Worker(options.entry, {
      execArgv: [...(options.execArgv ?? [])],
      env: options.env ?? process.env,
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(limits !== undefined
        ? {
            resourceLimits: {
              ...(limits.maxOldGenerationSizeMb !== undefined ? { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb } : {}),
              ...(limits.maxYoungGenerationSizeMb !== undefined
                ? { maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb }
                : {}),
            },
          }
        : {}),
    });
    this.threadId = this.#worker.threadId;
    this.#daemon = options.daemon;
    if (options.daemon) this.#worker.unref();
  }

  send(message: unknown, transfer: readonly object[] = []): void {
    post(this.#worker, message, transfer);
  }

  onMessage(listener: (message: unknown, transferred: readonly object[]) => void): void {
    this.#worker.on('message', receive(listener));
    // A 'message' listener refs the worker's port again; a daemon must stay unreferenced.
    if (this.#daemon) this.#worker.unref();
  }

  onExit(listener: (exit: ExitInfo) => void): void {
    // A worker's stdout and stderr reach ours through our event loop, after its 'exit' event: wait
    // (bounded) until they have ended, so whatever it printed comes before what we print next.
    this.#worker.once('exit', (code) => {
      const streams = [this.#worker.stdout, this.#worker.stderr].filter((s) => !s.readableEnded);
      let left = streams.length;
      let reported = false;
      const report = (): void => {
        if (reported) return;
        reported = true;
        clearTimeout(timer);
        listener({ code, signal: null });
      };
      const timer = setTimeout(report, STDIO_DRAIN_MS);
      timer.unref();
      if (left === 0) report();
      for (const stream of streams) stream.once('end', () => --left === 0 && report());
    });
  }

  onError(listener: (error: Error) => void): void {
    this.#worker.on('error', listener);
  }

  signal(): void {
    void this.#worker.terminate();
  }

  ref(): void {
    if (!this.#daemon) this.#worker.ref();
  }

  unref(): void {
    this.#worker.unref();
  }
}

export function spawnThread(options: SpawnOptions): StrategyWorker {
  return new ThreadWorker(options);
}

/** The child side of a worker's port; only valid inside a thread started by `spawnThread`. */
export function connectToParentThread(): ParentChannel {
  const port = parentPort;
  if (port === null) throw new Error('connectToParentThread() called outside a worker thread');
  return {
    strategy: 'thread',
    send(message, transfer = []) {
      post(port, message, transfer);
    },
    onMessage(listener) {
      port.on('message', receive(listener));
    },
    onDisconnect() {
      // A thread cannot outlive its process; nothing to watch.
    },
    exit(code) {
      process.exit(code);
    },
    release() {
      // What was posted is delivered even after the thread ends; only the port must stop holding it.
      port.unref();
    },
  };
}

/** This thread's id (0 on a process's main thread). */
export function currentThreadId(): number {
  return threadId;
}

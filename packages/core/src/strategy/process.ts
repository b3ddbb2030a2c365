// The `process` strategy: child_process.fork of a built entry, IPC with structured-clone semantics.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { forwardStderr } from './child-stderr.js';
import type { ExitInfo, ParentChannel, SpawnOptions, StrategyWorker } from './types.js';

/** How long an exit waits for the child's stdio and IPC to close before it is reported anyway. */
const CLOSE_AFTER_EXIT_MS = 1_000;

/** Marks an IPC message that carries one transferred handle; the payload follows it. */
const HANDLE_KEY = '\u0000parlab-handle';

type HandleMessage = { [HANDLE_KEY]: true };
type SendHandle = Parameters<ChildProcess['send']>[1];

function isHandleMessage(message: unknown): message is HandleMessage {
  return typeof message === 'object' && message !== null && HANDLE_KEY in message;
}

/**
 * One guardian process per parent kills this parent's children when the parent dies, however it
 * dies (SIGKILL included): it holds the read end of a pipe that only the parent writes to, so the
 * pipe's end tells it the parent is gone. Children doing CPU-bound work cannot notice this
 * themselves, because their event loop is busy.
 */
let guardian: ChildProcess | null = null;

function guard(pid: number): void {
  if (guardian === null) {
    const script = fileURLToPath(new URL('./guardian.js', import.meta.url));
    const started = spawn(process.execPath, [script], { stdio: ['pipe', 'ignore', 'inherit'] });
    started.unref();
    (started.stdin as Socket | null)?.unref();
    const forget = (): void => {
      if (guardian === started) guardian = null;
    };
    started.on('error', forget);
    started.on('exit', forget);
    started.stdin?.on('error', forget);
    guardian = started;
  }
  guardian.stdin?.write(`+${pid}\n`);
}

function unguard(pid: number): void {
  guardian?.stdin?.write(`-${pid}\n`);
}

/** Daemon children alive now: Python terminates these when the parent program ends. */
const daemons = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of daemons) child.kill('SIGTERM');
  });
}

class ProcessWorker implements StrategyWorker {
  readonly strategy = 'process' as const;
  readonly threadId = 0;
  readonly pid: number;
  readonly #child: ChildProcess;
  readonly #daemon: boolean;

  constructor(options: SpawnOptions) {
    const execArgv = [...(options.execArgv ?? [])];
    const heapMb = options.resourceLimits?.maxOldGenerationSizeMb;
    if (heapMb !== undefined) execArgv.push(`--max-old-space-size=${heapMb}`);
    this.#child = fork(fileURLToPath(options.entry), [], {
      serialization: 'advanced',
      // stderr comes through us so that V8's 40-line out-of-memory report reaches the terminal as one
      // line; 'close' (see onExit) waits for it, so what a child printed comes before its exit.
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      execArgv,
      env: options.env ?? process.env,
    });
    if (this.#child.pid === undefined) throw new Error(`could not start a child process for ${options.entry.href}`);
    this.pid = this.#child.pid;
    const name = options.name ?? 'child';
    const pid = this.pid;
    if (this.#child.stderr !== null) forwardStderr(this.#child.stderr, process.stderr, () => `${name} (pid ${pid})`);
    this.#daemon = options.daemon;
    guard(this.pid);
    this.#child.once('exit', () => {
      unguard(this.pid);
      daemons.delete(this.#child);
    });
    if (options.daemon) {
      installExitHook();
      daemons.add(this.#child);
      this.unref();
    }
  }

  send(message: unknown, transfer: readonly object[] = []): void {
    if (!this.#child.connected) return;
    for (const handle of transfer) this.#child.send({ [HANDLE_KEY]: true }, handle as SendHandle);
    this.#child.send(message as object);
  }

  onMessage(listener: (message: unknown, transferred: readonly object[]) => void): void {
    this.#child.on('message', withHandles(listener));
  }

  onExit(listener: (exit: ExitInfo) => void): void {
    // 'close' rather than 'exit': it comes after the last IPC message has been read and the last of
    // stderr passed on. A grandchild that inherited stderr can hold the pipe open past its parent's
    // end (a tracker, a guardian on its way out): a bounded wait after 'exit', then report anyway.
    let reported = false;
    const report = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (reported) return;
      reported = true;
      listener({ code, signal });
    };
    this.#child.once('close', report);
    this.#child.once('exit', (code, signal) => setTimeout(() => report(code, signal), CLOSE_AFTER_EXIT_MS).unref());
  }

  onError(listener: (error: Error) => void): void {
    this.#child.on('error', listener);
  }

  signal(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill(signal);
  }

  ref(): void {
    if (this.#daemon) return;
    this.#child.ref();
    this.#child.channel?.ref();
    (this.#child.stderr as (Readable & { ref?: () => void }) | null)?.ref?.();
  }

  unref(): void {
    this.#child.unref();
    this.#child.channel?.unref();
    // The pipe of its stderr must not hold our event loop either.
    (this.#child.stderr as (Readable & { unref?: () => void }) | null)?.unref?.();
  }
}

/**
 * An IPC 'message' listener for either side: each transferred handle comes in a message of its own,
 * ahead of the message it belongs to; gather them and hand them over with that message.
 */
function withHandles(listener: (message: unknown, transferred: readonly object[]) => void): (message: unknown, handle?: object) => void {
  let handles: object[] = [];
  return (message, handle) => {
    if (isHandleMessage(message)) {
      if (handle !== undefined) handles.push(handle);
      return;
    }
    const transferred = handles;
    if (transferred.length > 0) handles = [];
    listener(message, transferred);
  };
}

export function spawnProcess(options: SpawnOptions): StrategyWorker {
  return new ProcessWorker(options);
}

/** The child side of the IPC channel; only valid in a process started by `spawnProcess`. */
export function connectToParentProcess(): ParentChannel {
  let pendingSends = 0;
  // What exit() or release() does once every send has been handed over (a handle waits for the parent's ack).
  let afterSends: (() => void) | null = null;
  const settle = (): void => {
    if (pendingSends > 0 || afterSends === null) return;
    const then = afterSends;
    afterSends = null;
    then();
  };
  const sent = (): void => {
    pendingSends--;
    settle();
  };
  return {
    strategy: 'process',
    send(message, transfer = []) {
      if (!process.connected || process.send === undefined) return;
      // A send that throws at once (a value the serializer refuses) never calls back: count it
      // only once it is under way, or exit() would wait for it for ever.
      const counted = (start: () => void): void => {
        pendingSends++;
        try {
          start();
        } catch (error) {
          pendingSends--;
          settle();
          throw error;
        }
      };
      for (const handle of transfer) counted(() => process.send?.({ [HANDLE_KEY]: true }, handle as SendHandle, {}, sent));
      counted(() => process.send?.(message as object, undefined, {}, sent));
    },
    onMessage(listener) {
      process.on('message', withHandles(listener));
    },
    onDisconnect(listener) {
      process.on('disconnect', listener);
    },
    exit(code) {
      if (!process.connected) process.exit(code);
      afterSends = () => process.exit(code);
      settle();
    },
    release() {
      // An explicit unref: the channel no longer counts, whatever 'message' listeners it has.
      afterSends = () => process.channel?.unref();
      settle();
    },
  };
}

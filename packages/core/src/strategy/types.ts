// The one interface both strategies implement, parent side and child side.
import type { ResourceLimits, StrategyName } from '../types.js';

/** How a worker ended: an exit code, or the signal that killed it. */
export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface SpawnOptions {
  /** Built JS file that the child runs. */
  readonly entry: URL;
  /** A daemon worker does not keep its parent's event loop alive. */
  readonly daemon: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly execArgv?: readonly string[];
  readonly resourceLimits?: ResourceLimits;
  /** Human-readable name, shown by debuggers and `ps` where the platform allows. */
  readonly name?: string;
}

/** Parent-side view of one child process or worker thread. */
export interface StrategyWorker {
  readonly strategy: StrategyName;
  /** OS pid of the child (the parent's own pid for a thread). */
  readonly pid: number;
  /** Worker thread id; 0 for a child process. */
  readonly threadId: number;
  /**
   * Sends a message. `transfer` holds objects that move rather than copy: MessagePorts and
   * ArrayBuffers under `thread`, net.Socket / net.Server handles under `process`. The receiver
   * gets them, in order, as its listener's second argument.
   */
  send(message: unknown, transfer?: readonly object[]): void;
  onMessage(listener: (message: unknown, transferred: readonly object[]) => void): void;
  /** Called once, when the child is gone. */
  onExit(listener: (exit: ExitInfo) => void): void;
  /** An error the runtime raised outside any message (e.g. a worker that failed to load). */
  onError(listener: (error: Error) => void): void;
  /** SIGTERM ends a process politely; SIGKILL at once. A thread is stopped either way. */
  signal(signal: 'SIGTERM' | 'SIGKILL'): void;
  ref(): void;
  unref(): void;
}

/** Child-side view of the parent. */
export interface ParentChannel {
  readonly strategy: StrategyName;
  send(message: unknown, transfer?: readonly object[]): void;
  onMessage(listener: (message: unknown, transferred: readonly object[]) => void): void;
  /** Called when the parent goes away (its channel closed). */
  onDisconnect(listener: () => void): void;
  /** Ends this child with `code` once the messages already sent are handed over. */
  exit(code: number): void;
  /**
   * Lets this child end by itself: once the messages already sent are handed over, the channel to
   * the parent stops holding the event loop, so the child exits (with `process.exitCode`) when the
   * work its program left behind — timers, sockets, writes — is done.
   */
  release(): void;
}

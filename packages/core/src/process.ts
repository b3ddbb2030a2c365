// Process: Python's multiprocessing.Process over either strategy.
import { constants } from 'node:os';
import { decodeError } from './codec.js';
import { nextChild } from './context.js';
import { CloneError, ProcessStateError, TargetError } from './errors.js';
import { startWorker } from './launcher.js';
import { isMessage, type FatalMessage, type ProcessResultMessage } from './protocol.js';
import type { ExitInfo, StrategyWorker } from './strategy/index.js';
import { refOf, targetRef, toTargetRef } from './target.js';
import type { ResourceLimits, StrategyName, TargetRef } from './types.js';
import { checkSignal, waitTimeout, withDeadline } from './wait.js';

/** A function registered with defineTargets, or a { module, export } reference. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Target = ((...args: any[]) => unknown) | TargetRef;

export interface ProcessOptions {
  /** What the child runs (Python's `target`); omit it in a subclass that overrides `run()`. */
  readonly target?: Target;
  /** Arguments for the target; they cross with structured-clone semantics. */
  readonly args?: readonly unknown[];
  /** Defaults to `Process-N` (`Process-N:M` for a child's children). */
  readonly name?: string;
  /** A daemon ends when its parent ends; a non-daemon keeps the parent's program running. */
  readonly daemon?: boolean;
  /** `process` (a child process) or `thread` (a worker thread); defaults to getDefaultStrategy(). */
  readonly strategy?: StrategyName;
  readonly env?: NodeJS.ProcessEnv;
  readonly execArgv?: readonly string[];
  readonly resourceLimits?: ResourceLimits;
}

export interface JoinOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

function strategyFromEnv(): StrategyName {
  const value = process.env['PARLAB_STRATEGY'];
  return value === 'thread' ? 'thread' : 'process';
}

let defaultStrategy: StrategyName = strategyFromEnv();

/** Sets the strategy used when none is given (Python's `set_start_method`). */
export function setDefaultStrategy(strategy: StrategyName): void {
  checkStrategy(strategy);
  defaultStrategy = strategy;
}

export function getDefaultStrategy(): StrategyName {
  return defaultStrategy;
}

export function checkStrategy(value: unknown, name = 'strategy'): StrategyName {
  if (value !== 'process' && value !== 'thread') {
    throw new TypeError(`${name} must be 'process' or 'thread', got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Internal: builds the object that stands for the current child inside it (subclass runs). */
const CHILD_VIEW = Symbol('parlab.childView');

interface ChildView {
  readonly [CHILD_VIEW]: true;
  readonly name: string;
  readonly daemon: boolean;
  readonly strategy: StrategyName;
}

type State = 'initial' | 'started' | 'exited';

const children = new Set<Process>();

const PROGRAM = targetRef(new URL('./runtime/process-program.js', import.meta.url), 'processProgram');

function signalNumber(signal: string): number {
  return (constants.signals as Record<string, number>)[signal] ?? 0;
}

export class Process {
  readonly #target: TargetRef | null;
  readonly #args: readonly unknown[];
  readonly #strategy: StrategyName;
  readonly #options: ProcessOptions;
  readonly #path: readonly number[];
  #name: string;
  #daemon: boolean;
  #state: State = 'initial';
  #closed = false;
  #worker: StrategyWorker | null = null;
  #exitCode: number | null = null;
  #error: Error | null = null;
  #requestedSignal: 'SIGTERM' | 'SIGKILL' | null = null;
  readonly #exited: Promise<void>;
  #markExited: () => void = () => {};

  constructor(options: ProcessOptions = {}) {
    this.#exited = new Promise<void>((resolve) => {
      this.#markExited = resolve;
    });
    if ((options as Partial<ChildView>)[CHILD_VIEW] === true) {
      const view = options as unknown as ChildView;
      this.#target = null;
      this.#args = [];
      this.#strategy = view.strategy;
      this.#options = {};
      this.#path = [];
      this.#name = view.name;
      this.#daemon = view.daemon;
      this.#state = 'started';
      return;
    }
    if (typeof options !== 'object' || options === null) throw new TypeError('Process options must be an object');
    this.#options = options;
    this.#strategy = checkStrategy(options.strategy ?? defaultStrategy, 'options.strategy');
    this.#target = options.target === undefined ? null : toTargetRef(options.target, 'options.target');
    if (options.args !== undefined && !Array.isArray(options.args)) throw new TypeError('options.args must be an array');
    this.#args = options.args ?? [];
    if (options.name !== undefined && typeof options.name !== 'string') throw new TypeError('options.name must be a string');
    const { path, defaultName } = nextChild();
    this.#path = path;
    this.#name = options.name ?? defaultName;
    this.#daemon = options.daemon ?? false;
    if (typeof this.#daemon !== 'boolean') throw new TypeError('options.daemon must be a boolean');
  }

  /** What the child does. Subclasses override it; it runs in the child, with `this` rebuilt there. */
  run(): unknown {
    throw new ProcessStateError('Process.run() without a target: pass options.target or override run() in a subclass');
  }

  get name(): string {
    return this.#name;
  }

  set name(value: string) {
    if (typeof value !== 'string') throw new TypeError('name must be a string');
    this.#name = value;
  }

  get daemon(): boolean {
    return this.#daemon;
  }

  set daemon(value: boolean) {
    if (this.#state !== 'initial') throw new ProcessStateError('cannot set daemon status of an active process');
    if (typeof value !== 'boolean') throw new TypeError('daemon must be a boolean');
    this.#daemon = value;
  }

  get strategy(): StrategyName {
    return this.#strategy;
  }

  /** OS pid once started (a thread reports its process's pid); null before. */
  get pid(): number | null {
    this.#checkOpen();
    return this.#worker?.pid ?? (this.#isChildView() ? process.pid : null);
  }

  /** Worker thread id under `thread` once started; 0 under `process`; null before start. */
  get threadId(): number | null {
    this.#checkOpen();
    return this.#worker?.threadId ?? null;
  }

  /**
   * null while running; `n` after `process.exit(n)`; 0 after the target returned; 1 when it threw;
   * minus the signal number when ended by a signal (-15 after terminate(), -9 after kill()).
   */
  get exitCode(): number | null {
    this.#checkOpen();
    return this.#exitCode;
  }

  /** The error the target threw (with the child's stack), once the child has exited; else null. */
  get error(): Error | null {
    return this.#error;
  }

  start(): void {
    this.#checkOpen();
    if (this.#state !== 'initial') throw new ProcessStateError(`cannot start a process twice (${this.#name})`);
    const subclassed = this.run !== Process.prototype.run;
    let init: ProcessInit;
    if (subclassed) {
      const ref = refOf(this.constructor);
      if (ref === null) {
        const name = this.constructor.name || 'anonymous';
        throw new TargetError(
          `Process subclass '${name}' is not registered: export it and call defineTargets(import.meta.url, { ${name} }) in its module`,
        );
      }
      init = { kind: 'subclass', ref: toTargetRef(ref, `subclass ${ref.export}`), name: this.#name, daemon: this.#daemon, fields: { ...(this as unknown as Record<string, unknown>) } };
    } else {
      if (this.#target === null) throw new ProcessStateError('Process has no target: pass options.target or override run()');
      init = { kind: 'function', ref: this.#target, args: this.#args };
    }
    let worker: StrategyWorker;
    try {
      worker = startWorker({
        strategy: this.#strategy,
        program: PROGRAM,
        init,
        initName: 'init',
        name: this.#name,
        daemon: this.#daemon,
        path: this.#path,
        ...(this.#options.env !== undefined ? { env: this.#options.env } : {}),
        ...(this.#options.execArgv !== undefined ? { execArgv: this.#options.execArgv } : {}),
        ...(this.#options.resourceLimits !== undefined ? { resourceLimits: this.#options.resourceLimits } : {}),
      });
    } catch (error) {
      if (error instanceof CloneError) {
        // Name the argument as the caller wrote it: args[1].x rather than init.args[1].x.
        const path = error.path.replace(/^init\./, '').replace(/^fields\./, 'this.');
        throw new CloneError(path, error.message.slice(error.message.indexOf(': ') + 2), { cause: error.cause });
      }
      throw error;
    }
    this.#worker = worker;
    this.#state = 'started';
    children.add(this);
    worker.onMessage((message) => {
      if (isMessage<Extract<ProcessResultMessage, { type: 'parlab:error' }>>(message, 'parlab:error')) {
        this.#error = decodeError(message.error);
      } else if (isMessage<FatalMessage>(message, 'parlab:fatal')) {
        this.#error ??= decodeError(message.error);
      }
    });
    worker.onError((error) => {
      this.#error ??= error;
    });
    worker.onExit((exit) => this.#onExit(exit));
  }

  #onExit(exit: ExitInfo): void {
    if (exit.signal !== null) this.#exitCode = -signalNumber(exit.signal);
    else if (this.#strategy === 'thread' && this.#requestedSignal !== null) this.#exitCode = -signalNumber(this.#requestedSignal);
    else this.#exitCode = exit.code ?? 1;
    this.#state = 'exited';
    children.delete(this);
    this.#markExited();
  }

  /**
   * Waits until the process exits, or until `timeoutMs` passes or `signal` aborts (then it just
   * returns; check `exitCode`). Resolves with the exit code, or null if still running. A negative
   * timeout is 0, as in Python.
   */
  async join(options?: number | JoinOptions): Promise<number | null> {
    this.#checkOpen();
    if (this.#isChildView()) throw new ProcessStateError('a process cannot join itself');
    if (this.#state === 'initial') throw new ProcessStateError(`can only join a started process (${this.#name})`);
    const opts: JoinOptions = typeof options === 'number' ? { timeoutMs: options } : (options ?? {});
    const timeoutMs = waitTimeout(opts.timeoutMs, typeof options === 'number' ? 'join timeout' : 'timeoutMs');
    const signal = checkSignal(opts.signal);
    if (this.#state === 'exited') return this.#exitCode;
    await withDeadline(this.#exited, `join ${this.#name}`, { timeoutMs, signal }, undefined, () => undefined).catch(
      (error: unknown) => {
        if (signal?.aborted !== true) throw error;
      },
    );
    return this.#exitCode;
  }

  isAlive(): boolean {
    this.#checkOpen();
    if (this.#isChildView()) return true;
    return this.#state === 'started';
  }

  /** Asks the process to end (SIGTERM; a thread is stopped). exitCode becomes -15. */
  terminate(): void {
    this.#sendSignal('SIGTERM');
  }

  /** Ends the process at once (SIGKILL; a thread is stopped). exitCode becomes -9. */
  kill(): void {
    this.#sendSignal('SIGKILL');
  }

  #sendSignal(signal: 'SIGTERM' | 'SIGKILL'): void {
    this.#checkOpen();
    if (this.#isChildView()) throw new ProcessStateError('use process.exit() to end the current process');
    if (this.#state !== 'started' || this.#worker === null) return;
    this.#requestedSignal ??= signal;
    this.#worker.signal(signal);
  }

  /** Releases the process object; an error while it is still running. Later calls fail. */
  close(): void {
    if (this.#closed) return;
    if (this.#state === 'started') {
      throw new ProcessStateError(`cannot close a process while it is still running (${this.#name}); join or terminate it first`);
    }
    this.#closed = true;
    this.#worker = null;
  }

  toString(): string {
    const status = this.#closed ? 'closed' : this.#state === 'initial' ? 'initial' : this.#state === 'started' ? 'started' : `stopped exitcode=${String(this.#exitCode)}`;
    return `<${this.constructor.name} name='${this.#name}' ${this.#worker !== null ? `pid=${this.#worker.pid} ` : ''}${this.#daemon ? 'daemon ' : ''}${status}>`;
  }

  #isChildView(): boolean {
    return this.#target === null && this.#worker === null && this.#state === 'started';
  }

  #checkOpen(): void {
    if (this.#closed) throw new ProcessStateError(`process object is closed (${this.#name})`);
  }
}

/** The Process objects started from here that are still running (Python's `active_children()`). */
export function activeChildren(): Process[] {
  return [...children];
}

/**
 * Kills every child started here that is still running and waits for each to end (at most `timeoutMs`
 * each): what a test's afterEach or a shutdown path needs so that nothing is left behind.
 */
export async function reapChildren(timeoutMs = 10_000): Promise<void> {
  const live = activeChildren();
  for (const child of live) child.kill();
  await Promise.all(live.map((child) => child.join(timeoutMs)));
}

export type ProcessInit =
  | { readonly kind: 'function'; readonly ref: TargetRef; readonly args: readonly unknown[] }
  | {
      readonly kind: 'subclass';
      readonly ref: TargetRef;
      readonly name: string;
      readonly daemon: boolean;
      readonly fields: Record<string, unknown>;
    };

/** Child side: rebuilds a subclass instance as pickle would, without running its constructor. */
export function childInstance(Subclass: new (...args: never[]) => Process, init: Extract<ProcessInit, { kind: 'subclass' }>, strategy: StrategyName): Process {
  const view: ChildView = { [CHILD_VIEW]: true, name: init.name, daemon: init.daemon, strategy };
  const instance = Reflect.construct(Process, [view], Subclass) as Process;
  Object.assign(instance, init.fields);
  return instance;
}

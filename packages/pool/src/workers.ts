// The pool's workers: starting them, hearing them, their exits, and replacing them — after a
// backoff when they die before they are ready, giving up after several such deaths in a row.
import {
  decodeError,
  isMessage,
  startWorker,
  targetRef,
  WorkerExitError,
  type ExitInfo,
  type FatalMessage,
  type ResourceLimits,
  type StrategyName,
} from '@parlab/core';
import { describeExit, type Dispatch } from './dispatch.js';
import { InitializerError, WorkerStartError } from './errors.js';
import { ProgressBoard } from './progress.js';
import type { PoolWorkerInit, StopMessage, WorkerMessage } from './protocol.js';
import { Slot } from './slot.js';
import type { PoolWorkerInfo, WorkerErrorEvent } from './types.js';

const PROGRAM = targetRef(new URL('./worker-program.js', import.meta.url), 'poolWorker');

/** Rounds of workers in a row that may die before they are ready; then the pool breaks. */
const START_ATTEMPTS = 5;
/** The wait before replacing a worker that died while starting: this, doubled per such death in a row. */
const START_BACKOFF_MS = 25;
/**
 * Under `process` recording a task's start is a system call (about 1 µs), a cost no-op tasks would
 * feel: after a task shorter than 20 µs the next starts may go unrecorded, this many in a row. A
 * death the worker cannot report (SIGKILL, heap exhausted) in such a run charges up to this many
 * tasks after the last recorded one, none of them run again. Under `thread` every start is recorded.
 */
const PROCESS_PROGRESS_SLACK = 16;

export type PoolState = 'running' | 'closed' | 'terminated' | 'broken';

/** What the workers need from the pool. */
export interface WorkersHost {
  state(): PoolState;
  /** Whether work is queued or an imap is still reading its input (workers stay after close). */
  hasWork(): boolean;
  /** The pool cannot go on. */
  break(error: Error): void;
  /** A worker died while it was running no task. */
  workerError(event: WorkerErrorEvent): void;
  /** A worker exited. */
  exited(): void;
}

export interface WorkerSettings {
  readonly strategy: StrategyName;
  readonly size: number;
  readonly name: string;
  readonly init: Omit<PoolWorkerInit, 'progress' | 'progressSlack'>;
  readonly env: NodeJS.ProcessEnv | undefined;
  readonly execArgv: readonly string[] | undefined;
  readonly resourceLimits: ResourceLimits | undefined;
}

export class Workers {
  readonly #settings: WorkerSettings;
  readonly #dispatch: Dispatch;
  readonly #host: WorkersHost;
  readonly #board: ProgressBoard;
  readonly #slack: number;
  #slots: Slot[] = [];
  #number = 0;
  /** Workers in a row that died before they were ready. */
  #startFailures = 0;
  #respawn: NodeJS.Timeout | null = null;
  started = 0;
  lost = 0;

  constructor(settings: WorkerSettings, dispatch: Dispatch, host: WorkersHost) {
    this.#settings = settings;
    this.#dispatch = dispatch;
    this.#host = host;
    this.#board = new ProgressBoard(settings.strategy);
    this.#slack = settings.strategy === 'process' ? PROCESS_PROGRESS_SLACK : 0;
  }

  /** Every worker not yet exited, those on their way out included. */
  get slots(): readonly Slot[] {
    return this.#slots;
  }

  /** No worker is left and none is about to be started. */
  get allGone(): boolean {
    return this.#slots.length === 0 && this.#respawn === null;
  }

  /** The workers that take tasks or finish them (not those being ended). */
  list(): PoolWorkerInfo[] {
    return this.#slots
      .filter((slot) => !slot.ending)
      .map((slot) => ({ name: slot.name, pid: slot.worker.pid, threadId: slot.worker.threadId, running: slot.running, tasksDone: slot.done }));
  }

  /** Starts workers until `size` can take tasks (while the pool has, or may get, work). */
  replace(): void {
    const state = this.#host.state();
    if (state !== 'running' && !(state === 'closed' && this.#host.hasWork())) return;
    if (this.#respawn !== null) return;
    let active = 0;
    for (const slot of this.#slots) if (slot.open) active++;
    try {
      for (; active < this.#settings.size; active++) this.spawn();
    } catch (error) {
      this.#host.break(new WorkerStartError(`a worker could not be started: ${(error as Error).message}`, { cause: error }));
    }
  }

  spawn(): void {
    const settings = this.#settings;
    this.#number++;
    const name = `${settings.name}-Worker-${this.#number}`;
    const progress = this.#board.allocate();
    let slot: Slot;
    try {
      const worker = startWorker({
        strategy: settings.strategy,
        program: PROGRAM,
        init: { ...settings.init, progress, progressSlack: this.#slack } satisfies PoolWorkerInit,
        initName: 'options',
        name,
        daemon: false,
        ...(settings.env !== undefined ? { env: settings.env } : {}),
        ...(settings.execArgv !== undefined ? { execArgv: settings.execArgv } : {}),
        ...(settings.resourceLimits !== undefined ? { resourceLimits: settings.resourceLimits } : {}),
      });
      slot = new Slot(worker, name, progress, () => this.#board.read(progress));
    } catch (error) {
      this.#board.free(progress);
      throw error;
    }
    this.started++;
    this.#slots.push(slot);
    slot.worker.onMessage((message, transferred) => this.#onMessage(slot, message, transferred));
    slot.worker.onError((error) => {
      slot.cause ??= error;
    });
    slot.worker.onExit((exit) => this.#onExit(slot, exit));
    if (this.#host.state() === 'running') slot.setReferenced(false);
    if (this.#dispatch.queued > 0) this.#dispatch.schedule();
  }

  /** `slot` has been given its last task (maxTasksPerChild): it exits by itself, a fresh one joins. */
  retire(slot: Slot): void {
    slot.retiring = true;
    this.replace();
  }

  /** Ends `slot` now (a task it runs was withdrawn); its tasks are sorted out when it has exited. */
  end(slot: Slot): void {
    if (slot.ending || slot.gone) return;
    slot.ending = true;
    this.lost++;
    slot.setReferenced(true);
    slot.worker.signal('SIGKILL');
    this.replace();
  }

  /** After close: idle workers are told to exit (once no work is left). */
  stopIdle(): void {
    if (this.#host.hasWork()) return;
    for (const slot of this.#slots) {
      if (!slot.open || slot.running > 0) continue;
      slot.stopping = true;
      slot.setReferenced(true);
      const stop: StopMessage = { type: 'pool:stop' };
      slot.worker.send(stop);
    }
  }

  /** Ends every worker; no replacements follow (the pool is terminated or broken). */
  signalAll(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (this.#respawn !== null) clearTimeout(this.#respawn);
    this.#respawn = null;
    for (const slot of this.#slots) {
      slot.setReferenced(true);
      slot.worker.signal(signal);
    }
  }

  /** The pool is done with its workers for good (all gone): its progress file goes. */
  release(): void {
    this.#board.close();
  }

  #onMessage(slot: Slot, raw: unknown, transferred: readonly object[]): void {
    // Once the pool is terminated or broken every task has been failed: late answers are void.
    const state = this.#host.state();
    if (slot.gone || state === 'terminated' || state === 'broken') return;
    if (isMessage<FatalMessage>(raw, 'parlab:fatal')) {
      slot.cause = decodeError(raw.error);
      return;
    }
    const message = raw as WorkerMessage;
    switch (message.type) {
      case 'pool:done':
        this.#dispatch.onResults(slot, message.results, transferred);
        return;
      case 'pool:down':
        slot.down = message.running;
        return;
      case 'pool:ready':
        slot.ready = true;
        this.#startFailures = 0;
        return;
      case 'pool:init-error':
        this.#host.break(
          new InitializerError(`the initializer failed in ${slot.name}; the pool stops rather than restart workers in a loop`, {
            cause: decodeError(message.error),
          }),
        );
        return;
    }
  }

  #onExit(slot: Slot, exit: ExitInfo): void {
    this.#slots = this.#slots.filter((other) => other !== slot);
    slot.gone = true;
    const state = this.#host.state();
    if (state === 'running' || state === 'closed') {
      const who = `${slot.name} (${this.#settings.strategy === 'process' ? `pid ${slot.worker.pid}` : `thread ${slot.worker.threadId}`})`;
      const cause = slot.cause ?? undefined;
      const wasRunning = this.#dispatch.workerGone(slot, { who, exit, cause }, this.#slack);
      const expected = slot.ending || slot.stopping || (slot.retiring && exit.code === 0);
      if (!expected) {
        this.lost++;
        if (!slot.ready) this.#startFailed(new WorkerExitError(`${who} ${describeExit(exit)} while starting`, exit.code, exit.signal, { cause }));
        else if (!wasRunning) {
          const error = new WorkerExitError(`${who} ${describeExit(exit)} while idle`, exit.code, exit.signal, { cause });
          this.#host.workerError({ worker: slot.name, exitCode: exit.code, signal: exit.signal, error });
        }
      }
    }
    this.#board.free(slot.progress);
    this.replace();
    this.#host.exited();
  }

  /**
   * A worker died before it was ready: replace it after a backoff, or give up after too many in a
   * row. Workers that die in the same backoff round (all of them, say, at the pool's start) count
   * once: the pool gives up after START_ATTEMPTS rounds, not after one round of a large pool.
   */
  #startFailed(error: WorkerExitError): void {
    if (this.#respawn !== null) return;
    this.#startFailures++;
    if (this.#startFailures >= START_ATTEMPTS) {
      this.#host.break(
        new WorkerStartError(`workers ended before they were ready ${START_ATTEMPTS} times in a row; the pool stops rather than restart them in a loop`, {
          cause: error,
        }),
      );
      return;
    }
    this.#respawn = setTimeout(() => {
      this.#respawn = null;
      this.replace();
      this.#host.exited();
    }, START_BACKOFF_MS * 2 ** (this.#startFailures - 1));
  }
}

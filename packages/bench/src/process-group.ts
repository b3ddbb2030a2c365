// A group of Processes that work on one parallel run: started together, watched, joined or stopped together.
import { Process, type StrategyName, type Target } from '@parlab/core';

const JOIN_TIMEOUT_MS = 120_000;

export interface ProcessGroupOptions {
  readonly strategy: StrategyName;
  /** The run's signal (Ctrl-C); aborting it terminates every member. */
  readonly signal: AbortSignal;
}

/**
 * `count` Processes running `target` with `argsFor(i)`. `signal` aborts when the run is
 * aborted or any member fails, so the parent's own waits (a queue get, a pipe recv) give up
 * instead of waiting for a worker that is gone.
 */
export class ProcessGroup {
  readonly #members: Process[];
  readonly #controller = new AbortController();
  readonly #finished: Promise<void>;

  constructor(target: Target, count: number, argsFor: (index: number) => readonly unknown[], options: ProcessGroupOptions) {
    this.#members = Array.from({ length: count }, (_, i) => new Process({ target, args: argsFor(i), strategy: options.strategy, daemon: true }));
    const onAbort = (): void => this.#stop(options.signal.reason);
    options.signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (const member of this.#members) member.start();
    } catch (error) {
      // One could not start (e.g. an argument that cannot cross): stop the ones that did.
      options.signal.removeEventListener('abort', onAbort);
      for (const member of this.#members) if (member.isAlive()) member.terminate();
      throw error;
    }
    this.#finished = Promise.all(this.#members.map((member) => this.#watch(member))).then(
      () => options.signal.removeEventListener('abort', onAbort),
      (error: unknown) => {
        options.signal.removeEventListener('abort', onAbort);
        throw error;
      },
    );
    // The failure also reaches join(); this keeps an early one from going unhandled meanwhile.
    this.#finished.catch(() => {});
    if (options.signal.aborted) onAbort();
  }

  /** Aborts when the run is aborted or a member failed; pass it to every wait of the parent. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  async #watch(member: Process): Promise<void> {
    const code = await member.join({ timeoutMs: JOIN_TIMEOUT_MS });
    if (code === 0) return;
    const error = member.error ?? new Error(`${member.name} ${code === null ? `did not finish within ${JOIN_TIMEOUT_MS} ms` : `exited with code ${code}`}`);
    this.#stop(error);
    throw error;
  }

  #stop(reason: unknown): void {
    if (!this.#controller.signal.aborted) this.#controller.abort(reason);
    for (const member of this.#members) if (member.isAlive()) member.terminate();
  }

  /** Waits until every member has exited; rejects with the first failure (or the abort reason). */
  async join(): Promise<void> {
    await this.#finished;
    if (this.#controller.signal.aborted) throw this.#controller.signal.reason;
  }

  /** Stops every member (after a failure of the parent's own part) and waits until they are gone. */
  async terminate(reason: unknown = new Error('stopped')): Promise<void> {
    this.#stop(reason);
    await this.#finished.catch(() => {});
  }
}

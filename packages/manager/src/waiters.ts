// Server-side waiting for shared objects: a wake-up list with timeouts and cancellation.
import { checkTimeout } from '@parlab/core';

/** Who is calling a shared object's method: its connection, and a signal aborted by cancel or disconnect. */
export interface CallContext {
  readonly connection: number;
  readonly signal: AbortSignal;
}

/**
 * The hook a shared object implements to hear that a connection ended (a lock it holds is freed).
 * A symbol, so that no method name sent over the wire can reach it.
 */
export const connectionClosed: unique symbol = Symbol('parlab.manager.connectionClosed');

export interface ConnectionAware {
  [connectionClosed](connection: number): void;
}

export const isConnectionAware = (value: object): value is ConnectionAware => typeof (value as Partial<ConnectionAware>)[connectionClosed] === 'function';

/** Options that blocking methods take on the wire (the caller's AbortSignal stays on its side). */
export interface TimeoutOption {
  readonly timeoutMs?: number;
}

export function timeoutOf(options: unknown): number | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  return checkTimeout((options as TimeoutOption).timeoutMs);
}

/**
 * Waits until `ready()` holds, re-checking on every wake-up. Resolves true, or false once
 * `timeoutMs` has passed (0: no waiting); rejects when the call is cancelled.
 */
export async function waitUntil(waiters: Waiters, ready: () => boolean, timeoutMs: number | undefined, signal: AbortSignal): Promise<boolean> {
  const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
  while (!ready()) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await waiters.wait(left, signal);
  }
  return true;
}

export class Waiters {
  readonly #list = new Set<() => void>();

  get size(): number {
    return this.#list.size;
  }

  /** Sleeps until woken or `timeoutMs` passes; rejects when `signal` aborts. */
  wait(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        this.#list.delete(wake);
        if (timer !== undefined) clearTimeout(timer);
        signal.removeEventListener('abort', abort);
      };
      const wake = (): void => {
        done();
        resolve();
      };
      const abort = (): void => {
        done();
        reject(new Error('the call was cancelled'));
      };
      if (signal.aborted) return abort();
      const timer = timeoutMs === Infinity ? undefined : setTimeout(wake, timeoutMs);
      this.#list.add(wake);
      signal.addEventListener('abort', abort, { once: true });
    });
  }

  wakeOne(): void {
    const first = this.#list.values().next();
    if (first.done !== true) first.value();
  }

  wakeAll(): void {
    for (const wake of [...this.#list]) wake();
  }
}

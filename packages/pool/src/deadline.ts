// Per-call abort signal and timeout: one listener and one timer per call, released when it settles.
import { checkSignal, checkTimeout, TimeoutError } from '@parlab/core';
import type { TaskOptions } from './types.js';

/**
 * Calls `cancel(reason)` when `options.signal` aborts or `options.timeoutMs` passes. Returns the
 * function that stops watching, or null when there is nothing to watch. Throws the signal's reason
 * if it has already aborted.
 */
export function watchDeadline(options: TaskOptions | undefined, what: string, cancel: (reason: unknown) => void): (() => void) | null {
  if (options === undefined) return null;
  const signal = checkSignal(options.signal, 'options.signal');
  const timeoutMs = checkTimeout(options.timeoutMs, 'options.timeoutMs');
  if (signal === undefined && timeoutMs === undefined) return null;
  signal?.throwIfAborted();
  let timer: NodeJS.Timeout | undefined;
  const release = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  };
  const onAbort = (): void => {
    release();
    cancel(signal?.reason);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  if (timeoutMs !== undefined) {
    timer = setTimeout(() => {
      release();
      cancel(new TimeoutError(what, timeoutMs));
    }, timeoutMs);
  }
  return release;
}

// Public options of the queue package.

/** Bounds for a blocking call: Python's `timeout`, in milliseconds, plus an AbortSignal. */
export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

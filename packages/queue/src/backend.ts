// The operations a queue handle needs, whether it holds the broker itself or reaches it over a link.

/** How long a call may wait; null means "do not wait" (the *Nowait calls). */
export interface Wait {
  readonly timeoutMs: number | undefined;
  readonly signal: AbortSignal | undefined;
}

export interface Backend {
  /**
   * Puts an item (already a private copy, encoded); `json` says it is plain JSON data, which may travel
   * as JSON text. Full when it may not wait (or its wait ran out).
   */
  put(item: unknown, json: boolean, wait: Wait | null): Promise<void>;
  /** Takes one encoded item; Empty when it may not wait (or its wait ran out). */
  get(wait: Wait | null): Promise<unknown>;
  size(): Promise<number>;
  taskDone(): Promise<void>;
  join(wait: Wait): Promise<void>;
  close(): void;
}

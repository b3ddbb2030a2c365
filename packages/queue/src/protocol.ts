// Wire messages between a queue's holders and its broker (the queue's creator).

/**
 * Sent by a holder. `id` pairs a request with its reply; puts to an unbounded queue need none (id 0).
 * A put's `items` is a list, or the JSON text of one when every item in it is plain JSON data.
 */
export type ClientMessage =
  | { readonly t: 'put'; readonly id: number; readonly items: readonly unknown[] | string; readonly block: boolean }
  | { readonly t: 'get'; readonly id: number; readonly block: boolean }
  | { readonly t: 'got'; readonly id: number }
  | { readonly t: 'cancel'; readonly id: number }
  | { readonly t: 'task-done'; readonly id: number }
  | { readonly t: 'join'; readonly id: number }
  | { readonly t: 'size'; readonly id: number };

/** Sent by the broker, always in reply to a request. */
export type BrokerMessage =
  | { readonly t: 'item'; readonly id: number; readonly item: unknown }
  | { readonly t: 'ok'; readonly id: number }
  | { readonly t: 'empty'; readonly id: number }
  | { readonly t: 'full'; readonly id: number }
  | { readonly t: 'cancelled'; readonly id: number; readonly done: boolean }
  | { readonly t: 'size'; readonly id: number; readonly size: number }
  | { readonly t: 'error'; readonly id: number; readonly message: string };

/** What a queue handle carries to a new holder: how to reach the broker. */
export interface QueueState {
  readonly kind: 'queue' | 'joinable' | 'simple';
  readonly maxsize: number;
  /** Unix socket the broker listens on (any holder can connect). */
  readonly path: string;
  /** Thread holders get a MessagePort to the broker instead (it travels inside the state). */
  readonly port: import('node:worker_threads').MessagePort | null;
}

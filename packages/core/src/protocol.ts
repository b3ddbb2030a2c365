// Wire messages between a parent and the child runtime.
import type { Identity } from './context.js';
import type { TargetRef } from './types.js';

/** First message to every child: who it is and which program to run with which input. */
export interface BootMessage {
  readonly type: 'parlab:boot';
  readonly identity: Identity;
  readonly program: TargetRef;
  /** Encoded with encodeValue; may hold handles. */
  readonly init: unknown;
}

/** Sent by the child runtime when an error escapes the program (it exits with code 1 next). */
export interface FatalMessage {
  readonly type: 'parlab:fatal';
  readonly error: unknown;
}

/** What a Process's child reports before it exits. */
export type ProcessResultMessage = { readonly type: 'parlab:done' } | { readonly type: 'parlab:error'; readonly error: unknown };

export function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}

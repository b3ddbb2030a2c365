// What a program running in a child gets from the runtime.
import type { StrategyName } from '../types.js';

export interface ProgramContext {
  readonly strategy: StrategyName;
  /** The program's input, decoded (handles revived). */
  readonly init: unknown;
  send(message: unknown, transfer?: readonly object[]): void;
  /** Messages after the boot message, with the items transferred alongside. */
  onMessage(listener: (message: unknown, transferred: readonly object[]) => void): void;
  /** Ends this child with `code` once the messages already sent are handed over. */
  exit(code: number): void;
  /**
   * Lets this child end as a Python process does after its target: when the work left behind
   * (timers, sockets, writes) is done, with `process.exitCode`; parlab's channel to the parent does
   * not hold it. Buffered primitives are flushed first, as `exit` does.
   */
  end(): void;
}

export type Program = (context: ProgramContext) => void | Promise<void>;

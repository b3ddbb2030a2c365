// Words that parties sleep on in native shared memory: futex waits (on helper threads, never blocking the event loop) and wakes across processes.
import { requireAddon } from './native.js';
import { allocateRegion, attachRegion, type RegionRef } from './region.js';

/** What a wait reports, as Atomics.wait does. */
export type WordWaitOutcome = 'ok' | 'not-equal' | 'timed-out';
const OUTCOMES: readonly WordWaitOutcome[] = ['ok', 'not-equal', 'timed-out'];

/**
 * A view of synchronization words in native shared memory. Its own class so that a caller tells it
 * from a SharedArrayBuffer's view with one instanceof (reading `.buffer` costs several times more,
 * on every release).
 */
export class NativeWords extends Int32Array {}

/**
 * Words for synchronization: the `count` words an algorithm uses, then one that counts sleepers, so
 * that wakeWord() calls the kernel only when someone sleeps (an uncontended release is a few atomic
 * instructions, no syscall). The returned view is `count + 1` words long.
 */
export function allocateWords(count: number): { readonly ref: RegionRef; readonly words: NativeWords } {
  const region = allocateRegion((count + 1) * Int32Array.BYTES_PER_ELEMENT);
  return { ref: region.ref, words: viewOf(region.memory.bytes) };
}

/** The words `ref` names (allocated by allocateWords in some process), mapped here. */
export function attachWords(ref: RegionRef): NativeWords {
  if (ref.kind !== 'native') throw new TypeError('synchronization words live in native shared memory only');
  return viewOf(attachRegion(ref).bytes);
}

function viewOf(bytes: Uint8Array | null): NativeWords {
  if (bytes === null) throw new TypeError('synchronization words need mapped (native) shared memory');
  // The mapping is an ArrayBuffer (external), never a SharedArrayBuffer.
  return new NativeWords(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / Int32Array.BYTES_PER_ELEMENT);
}

/** A wait in progress on a helper thread. */
export interface PendingWordWait {
  readonly outcome: Promise<WordWaitOutcome>;
  /** Ends the wait early: it resolves 'ok', as if woken, and the caller re-checks why (an abort, say). */
  cancel(): void;
}

/**
 * Sleeps while `words[index] === expected`, on a helper thread: 'not-equal' at once when the word
 * already differs, else the wait in progress. `timeoutMs` undefined waits without a limit.
 */
export function waitWord(words: Int32Array, index: number, expected: number, timeoutMs: number | undefined): WordWaitOutcome | PendingWordWait {
  const sleepers = words.length - 1;
  // Counted before the word is compared, so a waker that changes the word after this sees a sleeper.
  Atomics.add(words, sleepers, 1);
  const addon = requireAddon();
  const result = addon.waitAsync(words, index, expected, timeoutMs === undefined || timeoutMs === Infinity ? -1 : timeoutMs);
  if (typeof result === 'number') {
    Atomics.sub(words, sleepers, 1);
    return OUTCOMES[result] ?? 'ok';
  }
  const [promise, id] = result;
  return {
    outcome: promise.then((outcome) => {
      Atomics.sub(words, sleepers, 1);
      return OUTCOMES[outcome] ?? 'ok';
    }),
    cancel: () => addon.cancel(id),
  };
}

/** Sleeps while `words[index] === expected` on the calling thread (blocking it), at most `timeoutMs` (undefined: no limit). */
export function waitWordSync(words: Int32Array, index: number, expected: number, timeoutMs: number | undefined): WordWaitOutcome {
  const sleepers = words.length - 1;
  Atomics.add(words, sleepers, 1);
  try {
    return OUTCOMES[requireAddon().wait(words, index, expected, timeoutMs === undefined || timeoutMs === Infinity ? -1 : timeoutMs)] ?? 'ok';
  } finally {
    Atomics.sub(words, sleepers, 1);
  }
}

/** Wakes up to `count` sleepers on `words[index]` in any process; a no-op (no syscall) when nobody sleeps on these words. */
export function wakeWord(words: Int32Array, index: number, count = Infinity): void {
  if (Atomics.load(words, words.length - 1) > 0) requireAddon().wake(words, index, count === Infinity ? -1 : count);
}

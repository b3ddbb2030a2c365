// Work a program must finish before it ends: what a primitive has accepted but not yet handed over
// (a queue's buffered puts). Python joins a queue's feeder thread at exit for the same reason.

type Flush = () => Promise<void> | void;

const flushes = new Set<Flush>();

/** How long a child waits for its flushes before it exits anyway (nothing may hang a child's exit). */
export const FLUSH_TIMEOUT_MS = 10_000;

/**
 * Registers `flush`, run (and awaited) when a parlab child's program ends: after a Process target
 * returns or throws, before its result is reported, and before a pool worker or any other program
 * exits. Returns a function that unregisters it.
 */
export function onProgramEnd(flush: Flush): () => void {
  if (typeof flush !== 'function') throw new TypeError('flush must be a function');
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Runs every registered flush; resolves when all have settled or `timeoutMs` has passed, never rejects. */
export async function flushPending(timeoutMs = FLUSH_TIMEOUT_MS): Promise<void> {
  if (flushes.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const work = Promise.allSettled([...flushes].map(async (flush) => flush()));
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      process.emitWarning(`parlab: buffered data was still being handed over after ${timeoutMs} ms; exiting anyway`);
      resolve();
    }, timeoutMs);
  });
  try {
    await Promise.race([work.then(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

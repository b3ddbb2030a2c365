// Keeps this thread's event loop polling for a moment while a reply or the next request is due, instead of sleeping; backs off when that does not pay.

/**
 * How long to keep polling after something becomes due. A call's round trip between two polling
 * loops on two cores takes 20–40 µs; a loop asleep in epoll must be woken by the kernel, which on
 * another core costs tens of µs each way (a virtual machine's idle core is halted).
 */
const SPIN_WINDOW_MS = 0.1;
/** A turn of a polling loop takes a few µs; a longer gap with nothing of ours run in it means this thread lost its core to another. */
const GAP_MS = 0.02;
/** Spins in a row that do not pay before polling stops for a while. */
const MISSES = 3;
/** The first pause after those misses; it doubles with each pause in a row, up to the maximum. */
const MIN_PAUSE_MS = 5;
const MAX_PAUSE_MS = 100;

/**
 * Adaptive spinning on the event loop. While something is due, each turn of the loop is queued with
 * setImmediate, so libuv polls its sockets without blocking and a frame is taken as soon as the
 * kernel has it, with no wake-up. That pays only while the peer runs on another core at the same
 * time. A spin does not pay when the window passes with nothing arriving (a peer doing other work,
 * a call that waits) or when the loop is preempted in the middle of it (its core is wanted: by the
 * peer itself, on the same core, or by another program); after MISSES of those in a row the loop
 * sleeps as usual for a pause that doubles while spinning keeps failing, and anything that arrives
 * during a spin ends the run of misses.
 */
export class Spinner {
  readonly #windowMs: number;
  readonly #gapMs: number;
  readonly #minPauseMs: number;
  /** Calls of this thread whose replies are due (client side). */
  #awaiting = 0;
  /** Whether something became due and has not arrived yet. */
  #due = false;
  /** Poll until then. */
  #until = 0;
  #spinning = false;
  /** When the last turn ran, and whether nothing but turns has run since. */
  #turnAt = 0;
  #quiet = false;
  #misses = 0;
  #pausedUntil = 0;
  #pauseMs: number;

  constructor({ windowMs = SPIN_WINDOW_MS, gapMs = GAP_MS, minPauseMs = MIN_PAUSE_MS }: { windowMs?: number; gapMs?: number; minPauseMs?: number } = {}) {
    this.#windowMs = windowMs;
    this.#gapMs = gapMs;
    this.#minPauseMs = minPauseMs;
    this.#pauseMs = minPauseMs;
  }

  /** Whether the loop is being kept polling. */
  get spinning(): boolean {
    return this.#spinning;
  }

  /** Whether spinning is paused after spins that did not pay. */
  get paused(): boolean {
    return performance.now() < this.#pausedUntil;
  }

  /** Client: a call was sent; its reply is due. */
  sent(): void {
    this.#awaiting++;
    this.#expect();
  }

  /** Client: `count` replies came (`arrived`), or will never come (the connection was lost). */
  replied(count: number, arrived: boolean): void {
    this.#awaiting = Math.max(0, this.#awaiting - count);
    if (arrived) this.#arrived();
    // Nothing more is due here: stop at the next turn (a call sent in this tick starts it again).
    if (this.#awaiting === 0) {
      this.#due = false;
      this.#until = 0;
    } else this.#due = true;
  }

  /** Server: a request came. */
  requested(): void {
    this.#arrived();
  }

  /** Server: a reply left; the client may send its next call at once. */
  answered(): void {
    this.#expect();
  }

  #expect(): void {
    this.#quiet = false;
    this.#due = true;
    const now = performance.now();
    if (now < this.#pausedUntil) return;
    this.#until = now + this.#windowMs;
    if (this.#spinning) return;
    this.#spinning = true;
    setImmediate(this.#turn);
  }

  #arrived(): void {
    this.#quiet = false;
    this.#due = false;
    // What arrives while the loop sleeps says nothing about spinning.
    if (!this.#spinning) return;
    this.#misses = 0;
    this.#pauseMs = this.#minPauseMs;
  }

  #missed(now: number): void {
    if (++this.#misses < MISSES) return;
    this.#misses = 0;
    this.#pausedUntil = now + this.#pauseMs;
    this.#pauseMs = Math.min(Math.max(MAX_PAUSE_MS, this.#minPauseMs), this.#pauseMs * 2);
  }

  readonly #turn = (): void => {
    const now = performance.now();
    const preempted = this.#quiet && now - this.#turnAt > this.#gapMs;
    this.#turnAt = now;
    this.#quiet = true;
    if (now < this.#until && !preempted) {
      setImmediate(this.#turn);
      return;
    }
    this.#spinning = false;
    // With several calls in flight (pipelined) a window that passes before their batch is answered
    // costs little per call and is not held against spinning; a server's requests come in batches
    // that arrive while it spins, and those end its run of misses.
    if (preempted || (this.#due && this.#awaiting <= 1)) this.#missed(now);
  };
}

/** This thread's spinner (each worker thread has its own module instance, hence its own). */
export const spinner = new Spinner();

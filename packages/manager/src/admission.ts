// The connections a manager's server holds before they authenticate: at most a set number at once, each with a deadline.
import { AuthenticationError } from './errors.js';
import type { FramedSocket } from './framed-socket.js';

/**
 * Admits unauthenticated connections. Past `max`, the oldest waiting one is destroyed to make room:
 * a client that holds connections open without a handshake (slowloris) then has to outpace every
 * honest handshake, which takes a few round trips, rather than merely filling the slots once.
 */
export class Admission {
  /** Waiting connections in arrival order (a Map keeps insertion order): the first is the oldest. */
  readonly #waiting = new Map<number, FramedSocket>();
  readonly #max: number;
  readonly #timeoutMs: number;

  constructor(max: number, timeoutMs: number) {
    this.#max = max;
    this.#timeoutMs = timeoutMs;
  }

  get size(): number {
    return this.#waiting.size;
  }

  /** Holds `framed` until its handshake ends; returns what to call once it is authenticated. */
  admit(connection: number, framed: FramedSocket): () => void {
    if (this.#waiting.size >= this.#max) {
      const [oldest, victim] = this.#waiting.entries().next().value as [number, FramedSocket];
      this.#waiting.delete(oldest);
      victim.close(new AuthenticationError(`evicted: ${this.#max} connections were already waiting for a handshake (maxUnauthenticatedConnections)`));
    }
    this.#waiting.set(connection, framed);
    const timer = setTimeout(() => framed.close(new AuthenticationError(`no handshake within ${this.#timeoutMs} ms (handshakeTimeoutMs)`)), this.#timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      this.#waiting.delete(connection);
    };
    framed.onClose(done);
    return done;
  }
}

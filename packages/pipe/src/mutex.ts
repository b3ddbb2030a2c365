// A first-come lock for one end's receives (or sends), so concurrent calls never interleave a message.
export class Mutex {
  #locked = false;
  readonly #waiting: (() => void)[] = [];

  /** Resolves (synchronously returns null when free) once the caller holds the lock; call release() after. */
  acquire(): Promise<void> | null {
    if (!this.#locked) {
      this.#locked = true;
      return null;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#locked = false;
    else next();
  }
}

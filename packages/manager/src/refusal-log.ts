// Why a manager's server closed connections: the latest reasons for connectionLog(), and stderr lines at a bounded rate.

/** How many reasons connectionLog() returns. */
const LOG_LENGTH = 50;
/** At most this many lines a second reach stderr; a flood of refused connections is summed up instead. */
const LINES_PER_SECOND = 10;

export class RefusalLog {
  readonly #reasons: string[] = [];
  readonly #print: boolean;
  #printed = 0;
  #hidden = 0;
  #window: NodeJS.Timeout | null = null;

  constructor(print: boolean) {
    this.#print = print;
  }

  add(line: string): void {
    this.#reasons.push(line);
    if (this.#reasons.length > LOG_LENGTH) this.#reasons.shift();
    if (!this.#print) return;
    if (this.#window === null) {
      this.#window = setTimeout(() => this.#endWindow(), 1000);
      this.#window.unref();
    }
    if (this.#printed < LINES_PER_SECOND) {
      this.#printed++;
      process.stderr.write(`[parlab manager] ${line}\n`);
    } else this.#hidden++;
  }

  #endWindow(): void {
    if (this.#hidden > 0) process.stderr.write(`[parlab manager] ${this.#hidden} more connections closed in the last second (see connectionLog())\n`);
    this.#window = null;
    this.#printed = 0;
    this.#hidden = 0;
  }

  get reasons(): string[] {
    return [...this.#reasons];
  }
}

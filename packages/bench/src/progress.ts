// Progress output: a redrawn bar with the current point and ETA on a terminal, plain lines elsewhere.

/** Where the runner reports what it is doing. */
export interface Progress {
  /** The point being measured now; `fraction` (0..1) is how much of the whole run is done. */
  update(label: string, fraction: number): void;
  /** A line that stays (a note, a failure), printed above the bar. */
  log(line: string): void;
  /** Removes the bar; later output starts on a clean line. */
  finish(): void;
}

interface ProgressStream {
  write(text: string): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** `1m05s`, `42s`, or `?` while nothing is known. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

function eta(startedMs: number, fraction: number): string {
  if (fraction <= 0.02) return '?';
  const elapsed = Date.now() - startedMs;
  return formatDuration((elapsed * (1 - fraction)) / fraction);
}

function percent(fraction: number): string {
  return `${String(Math.floor(Math.min(1, Math.max(0, fraction)) * 100)).padStart(3)}%`;
}

/** Redraws one line in place; only used when the stream is a terminal. */
function terminalProgress(stream: ProgressStream): Progress {
  const started = Date.now();
  let shown = false;
  let last = '';
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  const draw = (line: string): void => {
    // A pseudo-terminal may report 0 columns; assume the usual 80 then.
    const width = Math.max(20, (stream.columns || 80) - 1);
    stream.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    shown = true;
  };
  return {
    update(label, fraction) {
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * 20);
      last = `[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${percent(fraction)} ETA ${eta(started, fraction)}  ${label}`;
      draw(last);
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
      if (last !== '') draw(last);
    },
    finish() {
      clear();
      last = '';
    },
  };
}

/** One plain line per update: CI logs get no control characters. */
function plainProgress(stream: ProgressStream): Progress {
  const started = Date.now();
  return {
    update(label, fraction) {
      stream.write(`[${percent(fraction)}] ${label} (ETA ${eta(started, fraction)})\n`);
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    finish() {},
  };
}

export function createProgress(stream: ProgressStream): Progress {
  return stream.isTTY === true ? terminalProgress(stream) : plainProgress(stream);
}

// Where each pool worker records which task it has reached, readable by the pool even after the
// worker has died: shared memory under `thread`, a small file under `process` (what a killed
// process wrote to a file stays there). It is how a death the worker could not report is charged
// to the task that was running: the tasks before it in that worker had finished, the ones after
// it had not started.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StrategyName } from '@parlab/core';

/** A worker's cell, as the worker receives it. */
export interface ProgressCell {
  /** Under `thread`: the cell's memory (two Int32). */
  readonly memory: SharedArrayBuffer | null;
  /** Under `process`: the pool's progress file; the cell is the two Int32 at `index * 8`. */
  readonly file: string | null;
  readonly index: number;
}

/** What a cell says: the worker is idle. */
export const IDLE = 0;
/** The worker has started task `id`. */
export const STARTED = 1;
/** Task `id` finished; under `process` (where only short tasks record it) the next starts may not be recorded. */
export const FINISHED = 2;

/** A cell's content: a task id (as Int32: `id | 0`) and IDLE, STARTED or FINISHED. */
export interface Progress {
  readonly id: number;
  readonly phase: number;
}

const CELL_BYTES = 8;

/** Files of boards still open, removed if the program exits without closing its pools. */
const openFiles = new Set<string>();
let exitHookInstalled = false;

function removeOpenFiles(): void {
  for (const file of openFiles) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
}

/** The pool's side: one cell per worker, read when a worker dies or a running task is withdrawn. */
export class ProgressBoard {
  readonly #strategy: StrategyName;
  #file: string | null = null;
  #fd = -1;
  readonly #free: number[] = [];
  #cells = 0;
  readonly #scratch = Buffer.alloc(CELL_BYTES);

  constructor(strategy: StrategyName) {
    this.#strategy = strategy;
  }

  /** A fresh cell (reading IDLE). */
  allocate(): ProgressCell {
    if (this.#strategy === 'thread') return { memory: new SharedArrayBuffer(CELL_BYTES), file: null, index: 0 };
    const file = this.#openFile();
    const index = this.#free.pop() ?? this.#cells++;
    this.#scratch.fill(0);
    writeSync(this.#fd, this.#scratch, 0, CELL_BYTES, index * CELL_BYTES);
    return { memory: null, file, index };
  }

  /** What the worker last recorded (read once it is gone: nothing writes it then). */
  read(cell: ProgressCell): Progress {
    if (cell.memory !== null) {
      const view = new Int32Array(cell.memory);
      return { id: view[0] ?? 0, phase: view[1] ?? IDLE };
    }
    if (this.#fd === -1 || readSync(this.#fd, this.#scratch, 0, CELL_BYTES, cell.index * CELL_BYTES) !== CELL_BYTES) return { id: 0, phase: IDLE };
    return { id: this.#scratch.readInt32LE(0), phase: this.#scratch.readInt32LE(4) };
  }

  /** The worker is gone; its cell may be given to another. */
  free(cell: ProgressCell): void {
    if (cell.file !== null) this.#free.push(cell.index);
  }

  /** Every worker is gone: the file goes. */
  close(): void {
    if (this.#file === null) return;
    closeSync(this.#fd);
    try {
      unlinkSync(this.#file);
    } catch {
      // Already gone.
    }
    openFiles.delete(this.#file);
    this.#file = null;
    this.#fd = -1;
    this.#free.length = 0;
    this.#cells = 0;
  }

  #openFile(): string {
    if (this.#file !== null) return this.#file;
    const file = join(tmpdir(), `parlab-pool-${process.pid}-${Math.random().toString(36).slice(2)}.progress`);
    this.#fd = openSync(file, 'wx+');
    this.#file = file;
    openFiles.add(file);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', removeOpenFiles);
    }
    return file;
  }
}

/** The worker's side: returns the function that records where it is. */
export function openCell(cell: ProgressCell): (id: number, phase: number) => void {
  if (cell.memory !== null) {
    // Plain stores: the pool reads the cell only once the thread has ended, which orders them.
    const view = new Int32Array(cell.memory);
    return (id, phase) => {
      view[0] = id;
      view[1] = phase;
    };
  }
  if (cell.file === null) throw new Error('pool worker: progress cell has neither memory nor file');
  const fd = openSync(cell.file, 'r+');
  const buffer = Buffer.alloc(CELL_BYTES);
  const position = cell.index * CELL_BYTES;
  return (id, phase) => {
    buffer.writeInt32LE(id | 0, 0);
    buffer.writeInt32LE(phase, 4);
    writeSync(fd, buffer, 0, CELL_BYTES, position);
  };
}

// The lessons' one output path: each line goes to fd 1 in one synchronous write, from whichever process or thread says it, prefixed with who said it.
//
// Why not console.log: in a worker thread, process.stdout is a pipe to the main thread, emptied
// whenever the main thread's event loop gets to it, so a thread's line can come out after a line
// that the main thread wrote later; and a pipe's stdout may buffer in the main process too. A
// write(2) on fd 1 has neither problem: fd 1 is the same open file in the main program, in its
// threads and in its child processes (they inherit it), and when writeSync returns the line is in
// the kernel's pipe, file or terminal, ahead of every line written after it by anyone. So a lesson
// that prints a line *before* it sends a message, and prints *after* it receives one, produces a
// transcript in which every receipt comes after its sending: the order is guaranteed, not probable.
import { writeSync } from 'node:fs';
import { currentProcess } from '@parlab/core';
import { render, type Lang, type Text, type Values } from './text.js';

/** How long a write may keep finding a full pipe (EAGAIN) before it gives up. */
const STALLED_WRITE_MS = 30_000;
const nap = new Int32Array(new SharedArrayBuffer(4));
let readerGone = false;

/**
 * Writes `line` and a newline to fd 1, whole, before returning. Lines are far below PIPE_BUF
 * (4 KiB), so the kernel never interleaves two writers' lines.
 */
export function writeLine(line: string): void {
  write(`${line}\n`);
}

/** Writes `text` as it is (a prompt, which ends without a newline), by the same path as writeLine. */
export function write(text: string): void {
  if (readerGone) return;
  const bytes = Buffer.from(text);
  let offset = 0;
  const deadline = Date.now() + STALLED_WRITE_MS;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Whoever read the transcript has gone (`pnpm lesson 6 | head`): nobody is left to tell.
      if (code === 'EPIPE') {
        readerGone = true;
        return;
      }
      // Node puts a piped stdout in non-blocking mode, and children share that open file: a full
      // pipe answers EAGAIN until its reader catches up. Wait a millisecond and write again.
      if (code !== 'EAGAIN' || Date.now() > deadline) throw error;
      Atomics.wait(nap, 0, 0, 1);
    }
  }
}

const THREAD: Text = { en: 'thread', es: 'hilo' };

/** Who is speaking: `MainProcess pid 4100`, `Process-1 pid 4107`, `productor-A pid 4100 hilo 3`. */
export function speaker(lang: Lang): string {
  const me = currentProcess();
  const thread = me.threadId === 0 ? '' : ` ${THREAD[lang]} ${me.threadId}`;
  return `${me.name} pid ${me.pid}${thread}`;
}

/** Prints an event, `[who] what`, at the moment it is called, from the process or thread that calls it. */
export function tell(lang: Lang, text: Text, values?: Values): void {
  writeLine(`[${speaker(lang)}] ${render(lang, text, values)}`);
}

/** Prints the lesson's commentary (not an event): the main program explaining what comes next. */
export function narrate(lang: Lang, text: Text, values?: Values): void {
  writeLine(render(lang, text, values));
}

// Unlinks the segments this process owns when it ends: at once on a normal exit, and through a tracker process when it is killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync, unlinkSync } from 'node:fs';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isMainThread, threadId } from 'node:worker_threads';

/**
 * Python's resource tracker, per owner: a small process holding the read end of a pipe that only
 * this process (or worker thread) writes to. It learns each owned file as "+inode path" and each
 * one unlinked early as "-inode path"; when the pipe ends — however this process ended, SIGKILL
 * included — it unlinks what is left, if the path still names the same file (another owner may
 * have made a new one under that name since). Started with the first owned segment.
 *
 * A worker thread's tracker would be left a zombie when the thread ends first (the thread's event
 * loop reaped its children; nothing does once it is gone), so a worker starts it through a relay
 * that starts the real tracker detached and exits: the tracker's parent is then the system's.
 */
let tracker: ChildProcess | null = null;
/** Owned paths and their inodes. */
const owned = new Map<string, number>();
let exitHook = false;

const entry = (path: string, inode: number): string => `${inode} ${path}\n`;

/** The tracker's command line names its owner (for people reading `ps`, and for tests). */
export const OWNER_FLAG = '--owner=';
export const RELAY_FLAG = '--relay';

/** Who owns what this thread tracks: "pid:threadId". */
export function ownerTag(): string {
  return `${process.pid}:${threadId}`;
}

function send(line: string): void {
  if (tracker === null) {
    const script = fileURLToPath(new URL('./tracker-process.js', import.meta.url));
    const args = [script, `${OWNER_FLAG}${ownerTag()}`, ...(isMainThread ? [] : [RELAY_FLAG])];
    const started = spawn(process.execPath, args, { stdio: ['pipe', 'ignore', 'inherit'] });
    started.unref();
    (started.stdin as Socket | null)?.unref();
    const forget = (): void => {
      if (tracker === started) tracker = null;
    };
    started.on('error', forget);
    started.on('exit', forget);
    started.stdin?.on('error', forget);
    tracker = started;
    // A tracker that died is replaced by the next line; tell the new one everything still owned.
    for (const [path, inode] of owned) if (`+${entry(path, inode)}` !== line) started.stdin?.write(`+${entry(path, inode)}`);
  }
  tracker.stdin?.write(line);
}

/** Unlinks `path` if it is still the file `inode` (it may be another owner's by now). */
export function unlinkIfSame(path: string, inode: number): void {
  try {
    if (statSync(path).ino === inode) unlinkSync(path);
  } catch {
    // Gone already.
  }
}

/** This process owns the file at `path` now: it is unlinked when this process ends, unless untracked first. */
export function track(path: string): void {
  const inode = statSync(path).ino;
  owned.set(path, inode);
  if (!exitHook) {
    exitHook = true;
    // A normal exit unlinks at once; the tracker's pass after it finds nothing left.
    process.on('exit', () => {
      for (const [file, ino] of owned) unlinkIfSame(file, ino);
    });
  }
  send(`+${entry(path, inode)}`);
}

/** `path` was unlinked: the tracker forgets it. */
export function untrack(path: string): void {
  const inode = owned.get(path);
  if (inode === undefined) return;
  owned.delete(path);
  send(`-${entry(path, inode)}`);
}

// Notices when the process that started us is gone: pnpm does not forward SIGTERM to its script, and a shell between may die with it.
import { readFileSync } from 'node:fs';

/** The parent of `pid` from /proc (Linux), or null where it cannot be read. */
function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Calls `onGone` once when our parent is gone (we were re-parented), or, when we run as a package
 * script (`npm_lifecycle_event` set), when the package manager above the script's shell is gone.
 * Checks twice a second; the timer never holds the process. Returns a function that stops watching.
 */
export function watchParents(onGone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const watched = [parent];
  if (process.env['npm_lifecycle_event'] !== undefined) {
    const grandparent = parentOf(parent);
    if (grandparent !== null && grandparent !== 1) watched.push(grandparent);
  }
  const timer = setInterval(() => {
    if (process.ppid !== parent || !watched.every(alive)) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

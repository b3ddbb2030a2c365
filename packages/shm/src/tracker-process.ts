// The segment tracker, one per owner: reads "+inode path" / "-inode path" lines and, when the owner's pipe ends, unlinks what is left.
import { spawn } from 'node:child_process';
import { RELAY_FLAG, unlinkIfSame } from './tracker.js';

if (process.argv.includes(RELAY_FLAG)) {
  // Started by a worker thread: start the tracker itself detached, on this same pipe, and go (see tracker.ts).
  const args = process.argv.slice(1).filter((arg) => arg !== RELAY_FLAG);
  spawn(process.execPath, args, { detached: true, stdio: ['inherit', 'ignore', 'inherit'] }).unref();
  process.exit(0);
}

const files = new Map<string, number>();
let buffered = '';

// Ctrl-C reaches the whole process group; the tracker must outlive its owner, not die first.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  buffered += chunk;
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  for (const line of lines) {
    const space = line.indexOf(' ');
    const inode = Number(line.slice(1, space));
    const path = line.slice(space + 1);
    if (space < 0 || !Number.isSafeInteger(inode) || path === '') continue;
    if (line.startsWith('+')) files.set(path, inode);
    else if (line.startsWith('-') && files.get(path) === inode) files.delete(path);
  }
});

const unlinkAll = (): void => {
  for (const [path, inode] of files) unlinkIfSame(path, inode);
  process.exit(0);
};
process.stdin.on('end', unlinkAll);
process.stdin.on('error', unlinkAll);

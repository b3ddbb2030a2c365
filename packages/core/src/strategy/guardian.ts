// Kills the children of a parent that died: reads "+pid" / "-pid" lines until the parent's pipe ends.
const children = new Set<number>();
let buffered = '';

// Ctrl-C reaches the whole process group; the guardian must outlive its parent, not die first.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  buffered += chunk;
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  for (const line of lines) {
    const pid = Number(line.slice(1));
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (line.startsWith('+')) children.add(pid);
    else children.delete(pid);
  }
});

const killAll = (): void => {
  for (const pid of children) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  process.exit(0);
};
process.stdin.on('end', killAll);
process.stdin.on('error', killAll);

// Test helpers: start a Process and remember it, so that afterEach leaves nothing running.
import { Process, type ProcessOptions } from '@parlab/core';

const started: Process[] = [];

export function spawn(options: ProcessOptions): Process {
  const child = new Process(options);
  child.start();
  started.push(child);
  return child;
}

export async function reapAll(): Promise<void> {
  for (const child of started.splice(0)) {
    if (child.isAlive()) child.kill();
    await child.join(10_000);
  }
}

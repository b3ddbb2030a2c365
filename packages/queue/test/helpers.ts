// Test helpers: start a Process; afterEach reaps whatever a test left running (core's reapChildren).
import { Process, reapChildren, type ProcessOptions } from '@parlab/core';

export function spawn(options: ProcessOptions): Process {
  const child = new Process(options);
  child.start();
  return child;
}

export const reapAll = (): Promise<void> => reapChildren();

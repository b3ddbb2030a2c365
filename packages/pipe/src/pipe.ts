// Pipe(): Python's multiprocessing.Pipe for either strategy.
import { checkStrategy, getDefaultStrategy } from '@parlab/core';
import { processPipe } from './process.js';
import { threadPipe } from './thread.js';
import type { Connection, PipeOptions } from './types.js';

const DEFAULT_BUFFER_BYTES = 1024 * 1024;

/**
 * Two connected ends. Async because a Unix socket pair is made by connecting (Node has no
 * socketpair); the thread strategy resolves at once. With `duplex: false` the first end only
 * receives and the second only sends, as in Python.
 */
export async function Pipe(options: PipeOptions = {}): Promise<[Connection, Connection]> {
  if (typeof options !== 'object' || options === null) throw new TypeError('Pipe options must be an object');
  const duplex = options.duplex ?? true;
  if (typeof duplex !== 'boolean') throw new TypeError('options.duplex must be a boolean');
  const strategy = checkStrategy(options.strategy ?? getDefaultStrategy(), 'options.strategy');
  if (strategy === 'thread') return threadPipe(duplex, options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
  if (options.bufferBytes !== undefined) throw new TypeError("options.bufferBytes applies to the 'thread' strategy only");
  return processPipe(duplex);
}

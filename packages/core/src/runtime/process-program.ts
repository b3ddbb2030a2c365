// The program a Process's child runs: load the target (or rebuild the subclass), run it, report, and let the child end by itself.
import { inspect } from 'node:util';
import { encodeError } from '../codec.js';
import { currentProcess } from '../context.js';
import { flushPending } from '../flush.js';
import { TargetError } from '../errors.js';
import { childInstance, Process, type ProcessInit } from '../process.js';
import type { ProcessResultMessage } from '../protocol.js';
import { loadTarget } from '../target.js';
import type { ProgramContext } from './program.js';

export async function processProgram(context: ProgramContext): Promise<void> {
  const init = context.init as ProcessInit;
  let result: ProcessResultMessage;
  try {
    const exported = await loadTarget(init.ref);
    if (init.kind === 'function') {
      if (typeof exported !== 'function') throw new TargetError(`export '${init.ref.export}' of ${init.ref.module} is not a function`);
      await (exported as (...args: unknown[]) => unknown)(...init.args);
    } else {
      if (typeof exported !== 'function' || !(exported.prototype instanceof Process)) {
        throw new TargetError(`export '${init.ref.export}' of ${init.ref.module} is not a Process subclass`);
      }
      await childInstance(exported as new () => Process, init, context.strategy).run();
    }
    result = { type: 'parlab:done' };
  } catch (error) {
    result = { type: 'parlab:error', error: encodeError(error) };
    // As a Python child prints its traceback: the parent's `error` has it too, but a program that
    // never looks must not fail silently. A program that explains its children's errors itself
    // (the exercise checker) sets PARLAB_CHILD_ERRORS=quiet, which its children inherit.
    if (process.env['PARLAB_CHILD_ERRORS'] !== 'quiet') process.stderr.write(`Process ${currentProcess().name}:\n${inspect(error)}\n`);
  }
  // What the target handed to primitives (a queue's buffered puts) is out before the result says it is done.
  await flushPending();
  context.send(result);
  // Python's child waits for its non-daemon threads before it exits; the analogue here is the work the
  // target left on the event loop. A target that threw exits 1; one that returned, with the
  // process.exitCode it set (0 if none).
  if (result.type === 'parlab:error') process.exitCode = 1;
  else process.exitCode ??= 0;
  context.end();
}

// The child runtime shared by both strategies: reads the boot message and runs the named program.
import { decodeValue, encodeError, reviveContext } from '../codec.js';
import { setIdentity } from '../context.js';
import { TargetError } from '../errors.js';
import { flushPending } from '../flush.js';
import { isMessage, type BootMessage, type FatalMessage } from '../protocol.js';
import type { ParentChannel } from '../strategy/index.js';
import { loadTarget } from '../target.js';
import type { Program, ProgramContext } from './program.js';

type Listener = (message: unknown, transferred: readonly object[]) => void;

export function boot(channel: ParentChannel): void {
  let listener: Listener | null = null;
  let backlog: [unknown, readonly object[]][] = [];
  let booted = false;

  const fail = (error: unknown): void => {
    const fatal: FatalMessage = { type: 'parlab:fatal', error: encodeError(error) };
    try {
      channel.send(fatal);
    } finally {
      channel.exit(1);
    }
  };
  process.on('uncaughtException', fail);
  // The parent is gone (its IPC channel closed): nobody is left to report to.
  channel.onDisconnect(() => process.exit(1));

  channel.onMessage((message, transferred) => {
    if (!booted) {
      booted = true;
      if (!isMessage<BootMessage>(message, 'parlab:boot')) {
        fail(new TargetError('child runtime: the first message was not a boot message'));
        return;
      }
      void start(message, transferred).catch(fail);
      return;
    }
    if (listener === null) backlog.push([message, transferred]);
    else listener(message, transferred);
  });

  async function start(message: BootMessage, transferred: readonly object[]): Promise<void> {
    setIdentity(message.identity);
    if (channel.strategy === 'process') process.title = `node parlab:${message.identity.name}`;
    const program = await loadTarget(message.program);
    if (typeof program !== 'function') throw new TargetError(`program ${message.program.export} is not a function`);
    const init = await decodeValue(message.init, reviveContext(channel.strategy, transferred));
    const context: ProgramContext = {
      strategy: channel.strategy,
      init,
      send: (msg, transfer) => channel.send(msg, transfer),
      onMessage(next) {
        listener = next;
        const pending = backlog;
        backlog = [];
        for (const [msg, items] of pending) next(msg, items);
      },
      exit: (code) => void flushPending().then(() => channel.exit(code)),
      end: () => void flushPending().then(() => channel.release()),
    };
    await (program as Program)(context);
  }
}

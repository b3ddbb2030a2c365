// A queue handle away from the broker: requests go over a link; puts to an unbounded queue made together travel together.
import { TimeoutError } from '@parlab/core';
import type { Backend, Wait } from './backend.js';
import { Empty, Full, GONE, QueueStateError } from './errors.js';
import type { Link } from './link.js';
import type { BrokerMessage, ClientMessage } from './protocol.js';

type Pending = (message: BrokerMessage) => void;

/** Puts to an unbounded queue waiting to go out together, and the promise their callers hold. */
interface Batch {
  readonly items: unknown[];
  readonly sent: Promise<void>;
  done(): void;
  fail(error: Error): void;
}

const SENT = Promise.resolve();
/** A long burst goes out in slices of this many items, so that the consumer starts while the producer goes on. */
const BATCH_ITEMS = 256;

/** Batches that wait for the end of this turn; sent from the exit handler if the program ends first. */
const waitingBatches = new Set<() => void>();
process.on('exit', () => {
  for (const flush of waitingBatches) flush();
});

export class RemoteBackend implements Backend {
  readonly #link: Link;
  readonly #bounded: boolean;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #batch: Batch | null = null;
  readonly #flushNow = (): void => this.#flush();
  #gone = false;

  constructor(link: Link, bounded: boolean) {
    this.#link = link;
    this.#bounded = bounded;
    link.onMessage((message) => {
      const reply = message as BrokerMessage;
      this.#pending.get(reply.id)?.(reply);
    });
    link.onClose(() => {
      this.#gone = true;
      const lost: BrokerMessage = { t: 'error', id: 0, message: GONE };
      for (const pending of [...this.#pending.values()]) pending(lost);
    });
  }

  #send(message: ClientMessage): void {
    if (this.#gone) throw new QueueStateError(GONE);
    // Puts made earlier go first: one holder's messages reach the broker in the order it made them.
    this.#flush();
    // A request is answered by a reply; the reply, not the write, is what its caller waits for.
    this.#link.send(message)?.catch(() => {});
  }

  /** Sends the waiting batch; its puts resolve once it has left this program. */
  #flush(): void {
    const batch = this.#batch;
    if (batch === null) return;
    this.#batch = null;
    waitingBatches.delete(this.#flushNow);
    if (this.#gone) {
      batch.fail(new QueueStateError(GONE));
      return;
    }
    const written = this.#link.send({ t: 'put', id: 0, items: batch.items, block: false } satisfies ClientMessage);
    if (written === null) batch.done();
    else written.then(batch.done, batch.fail);
  }

  /**
   * A batch for a link that hands messages over at once (a port): its puts resolve now, it goes out at
   * the end of this turn, or from the exit handler, so a whole burst of awaited puts travels as one message.
   */
  #turnBatch(): Batch {
    waitingBatches.add(this.#flushNow);
    setImmediate(this.#flushNow);
    return { items: [], sent: SENT, done: () => {}, fail: () => {} };
  }

  /** A batch for a socket: sent after this microtask, its puts resolve once its bytes have left this program. */
  #writtenBatch(): Batch {
    let done: () => void = () => {};
    let fail: (error: Error) => void = () => {};
    const sent = new Promise<void>((resolve, reject) => {
      done = resolve;
      fail = reject;
    });
    queueMicrotask(this.#flushNow);
    return { items: [], sent, done, fail };
  }

  /** Sends a request and resolves with the reply that `accept` turns into a value (or throws for). */
  #request<T>(make: (id: number) => ClientMessage, accept: (reply: BrokerMessage) => T, wait: Wait | null, onTimeout: () => Error): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let cancelling = false;
      const finish = (): void => {
        this.#pending.delete(id);
        if (timer !== undefined) clearTimeout(timer);
        wait?.signal?.removeEventListener('abort', onAbort);
        if (this.#pending.size === 0) this.#link.hold(false);
      };
      // A wait given up asks the broker to withdraw the request; what it already did (an item on its way) still counts.
      let giveUpWith: Error | null = null;
      const giveUp = (error: Error): void => {
        if (cancelling) return;
        cancelling = true;
        giveUpWith = error;
        try {
          this.#send({ t: 'cancel', id });
        } catch (sendError) {
          finish();
          reject(sendError as Error);
        }
      };
      const onAbort = (): void => giveUp(wait?.signal?.reason as Error);
      this.#pending.set(id, (reply) => {
        if (reply.t === 'cancelled') {
          if (!reply.done) return; // the real answer is already on its way
          finish();
          reject(giveUpWith as Error);
          return;
        }
        finish();
        if (reply.t === 'error') {
          reject(new QueueStateError(reply.message));
          return;
        }
        try {
          resolve(accept(reply));
        } catch (error) {
          reject(error as Error);
        }
      });
      this.#link.hold(true);
      try {
        this.#send(make(id));
      } catch (error) {
        finish();
        reject(error as Error);
        return;
      }
      if (wait?.timeoutMs !== undefined) timer = setTimeout(() => giveUp(onTimeout()), wait.timeoutMs);
      if (wait?.signal !== undefined) {
        if (wait.signal.aborted) onAbort();
        else wait.signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  }

  put(items: readonly unknown[], wait: Wait | null): Promise<void> {
    if (!this.#bounded) {
      // Unbounded: nothing to wait for but the send, which must not be lost if the producer exits at once.
      if (this.#gone) return Promise.reject(new QueueStateError(GONE));
      this.#batch ??= this.#link.handsOver ? this.#turnBatch() : this.#writtenBatch();
      const batch = this.#batch;
      batch.items.push(...items);
      if (batch.items.length >= BATCH_ITEMS) this.#flush();
      return batch.sent;
    }
    return this.#request(
      (id) => ({ t: 'put', id, items, block: wait !== null }),
      (reply) => {
        if (reply.t === 'full') throw new Full('queue is full');
      },
      wait,
      () => new Full(`queue is still full after ${wait?.timeoutMs ?? 0} ms`),
    );
  }

  get(wait: Wait | null): Promise<unknown> {
    return this.#request(
      (id) => ({ t: 'get', id, block: wait !== null }),
      (reply) => {
        if (reply.t === 'empty') throw new Empty('queue is empty');
        if (reply.t !== 'item') throw new QueueStateError(`unexpected reply ${reply.t}`);
        // Confirm at once, before anyone can see the item: from here on it is ours.
        this.#link.send({ t: 'got', id: reply.id } satisfies ClientMessage)?.catch(() => {});
        return reply.item;
      },
      wait,
      () => new Empty(`queue is still empty after ${wait?.timeoutMs ?? 0} ms`),
    );
  }

  size(): Promise<number> {
    return this.#request(
      (id) => ({ t: 'size', id }),
      (reply) => (reply.t === 'size' ? reply.size : 0),
      null,
      () => new TimeoutError('qsize', 0),
    );
  }

  async taskDone(): Promise<void> {
    await this.#request((id) => ({ t: 'task-done', id }), () => undefined, null, () => new TimeoutError('taskDone', 0));
  }

  join(wait: Wait): Promise<void> {
    return this.#request((id) => ({ t: 'join', id }), () => undefined, wait, () => new TimeoutError('join', wait.timeoutMs ?? 0));
  }

  close(): void {
    // Flush the batch first: close() must not lose items already put.
    this.#flush();
    this.#link.close();
  }
}

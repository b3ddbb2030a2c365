// A queue handle away from the broker: requests go over a link; puts to an unbounded queue made together travel together.
import { onProgramEnd, TimeoutError } from '@parlab/core';
import type { Backend, Wait } from './backend.js';
import { Empty, Full, GONE, QueueStateError } from './errors.js';
import type { Link } from './link.js';
import type { BrokerMessage, ClientMessage } from './protocol.js';

type Pending = (message: BrokerMessage) => void;

const SENT = Promise.resolve();
/** A long burst goes out in slices of this many items, so that the consumer starts while the producer goes on. */
const BATCH_ITEMS = 256;

/**
 * Handles with puts not yet handed over. Like Python's feeder thread, an unbounded put returns once the
 * item is buffered here; the batch goes out at the end of this turn of the event loop. A parlab child
 * waits for it before it reports its end (core's onProgramEnd); a process.exit() sends it from the
 * 'exit' handler.
 */
const unflushed = new Set<RemoteBackend>();
let hooked = false;
function track(backend: RemoteBackend): void {
  unflushed.add(backend);
  if (hooked) return;
  hooked = true;
  onProgramEnd(() => Promise.all([...unflushed].map((waiting) => waiting.drain())).then(() => undefined));
  process.on('exit', () => {
    for (const waiting of unflushed) waiting.flushAtExit();
  });
}

export class RemoteBackend implements Backend {
  readonly #link: Link;
  readonly #bounded: boolean;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Unbounded puts buffered in this turn. */
  #batch: unknown[] | null = null;
  /** Whether an item in the batch is not plain JSON data (then the batch travels by structured clone). */
  #batchStructured = false;
  readonly #flushNow = (): void => this.#flush();
  #gone = false;
  /**
   * A batch went out and no reply from the broker has come since. Leaving this program hands the
   * batch to the link, not to the queue: the broker may read it after the parent has seen this child
   * end (another channel, no order between them) — and after the parent's own later puts, which
   * would break FIFO (a producer's last item behind the consumers' sentinels). A reply to anything
   * sent later means the broker has taken it.
   */
  /**
   * Batches sent, and how many of them the broker is known to have taken. Leaving this program hands
   * a batch to the link, not to the queue: the broker may read it after the parent has seen this
   * child end (another channel, no order between them) — and after the parent's own later puts,
   * which would break FIFO (a producer's last item behind the consumers' sentinels). A reply to any
   * request sent after a batch means the broker has taken it; a child's end waits for one.
   */
  #batchesSent = 0;
  #batchesTaken = 0;

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

  /** Sends the buffered puts as one message. */
  #flush(): void {
    const items = this.#batch;
    if (items === null) return;
    this.#batch = null;
    if (this.#gone) {
      this.#lost(items.length, null);
      this.#untrack();
      return;
    }
    this.#link.send(this.#batchMessage(items))?.catch((error: unknown) => this.#lost(items.length, error));
    this.#batchesSent++;
  }

  /** Nothing of this handle's waits to be handed over or confirmed any more: the exit paths can forget it. */
  #untrack(): void {
    if (this.#batch === null && this.#batchesTaken === this.#batchesSent) unflushed.delete(this);
  }

  #batchMessage(items: unknown[]): ClientMessage {
    const structured = this.#batchStructured;
    this.#batchStructured = false;
    // One JSON text for the whole batch: far cheaper than a structured copy of each item, on both sides.
    return { t: 'put', id: 0, items: structured ? items : JSON.stringify(items), block: false };
  }

  /** Puts already resolved cannot reject any more: a batch that cannot go out is reported, not dropped silently. */
  #lost(count: number, cause: unknown): void {
    process.emitWarning(`parlab queue: ${count} item(s) put here could not be delivered: ${GONE}`, { code: 'PARLAB_QUEUE_LOST', detail: cause instanceof Error ? cause.message : undefined });
  }

  /** Sends what is buffered and resolves once the broker has taken it (a reply to a later request says so). */
  async drain(): Promise<void> {
    this.#flush();
    await this.#link.drained();
    if (this.#batchesTaken < this.#batchesSent && !this.#gone) await this.size().catch(() => undefined);
    this.#untrack();
  }

  /** From the 'exit' handler: hands over what is still buffered, synchronously where the link can. */
  flushAtExit(): void {
    const items = this.#batch;
    this.#batch = null;
    if (items === null) return;
    if (this.#gone || !this.#link.sendAtExit(this.#batchMessage(items))) {
      process.stderr.write(`parlab queue: ${items.length} item(s) put just before process.exit() could not be handed over\n`);
    }
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
      // Set once the request is sent (its send flushes the batch first): the batches it follows.
      let follows = 0;
      this.#pending.set(id, (reply) => {
        // The broker answers in order: the batches sent before this request are in the queue.
        if (follows > this.#batchesTaken) {
          this.#batchesTaken = follows;
          this.#untrack();
        }
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
        follows = this.#batchesSent;
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

  put(item: unknown, json: boolean, wait: Wait | null): Promise<void> {
    if (!this.#bounded) {
      // Unbounded: buffered and sent at the end of this turn; the program waits for it before it ends.
      if (this.#gone) return Promise.reject(new QueueStateError(GONE));
      let batch = this.#batch;
      if (batch === null) {
        batch = this.#batch = [];
        track(this);
        setImmediate(this.#flushNow);
      }
      batch.push(item);
      if (!json) this.#batchStructured = true;
      if (batch.length >= BATCH_ITEMS) this.#flush();
      return SENT;
    }
    return this.#request(
      (id) => ({ t: 'put', id, items: [item], block: wait !== null }),
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
    // Flush the batch first: close() must not lose items already put (the socket sends it before its end).
    this.#flush();
    this.#link.close();
  }
}

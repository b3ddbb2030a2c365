// The broker: the queue's items live in its creator; holders elsewhere reach it over links, and an item
// only leaves the broker's books when the holder that asked for it says it has it.
import { createServer, type Server } from 'node:net';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { withDeadline } from '@parlab/core';
import { freshSocketPath } from '@parlab/pipe';
import type { Backend, Wait } from './backend.js';
import { Empty, Full, QueueStateError } from './errors.js';
import { PortLink, SocketLink, type Link } from './link.js';
import type { BrokerMessage, ClientMessage } from './protocol.js';

/** Someone waiting for an item; `give` returns false when it no longer wants one. */
interface Taker {
  give(item: unknown): void;
}

/** A put waiting for room. */
interface Giver {
  readonly items: readonly unknown[];
  accept(): void;
}

const TIMED_OUT = Symbol('timed out');
/** What takeNow returns when there is no item. */
export const EMPTY: unique symbol = Symbol('empty');

/** Listeners to close (removing their socket files) when this program exits; one exit hook for all. */
const listening = new Set<Server>();
process.once('exit', () => {
  for (const server of listening) server.close();
});

/** FIFO with O(1) removal at the front, also used for waiters. */
class Fifo<T> {
  #items: T[] = [];
  #head = 0;
  get length(): number {
    return this.#items.length - this.#head;
  }
  push(item: T): void {
    this.#items.push(item);
  }
  unshift(items: readonly T[]): void {
    this.#items = [...items, ...this.#items.slice(this.#head)];
    this.#head = 0;
  }
  shift(): T | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const item = this.#items[this.#head] as T;
    this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
  remove(item: T): boolean {
    const index = this.#items.indexOf(item, this.#head);
    if (index < 0) return false;
    this.#items.splice(index, 1);
    return true;
  }
}

export class Broker implements Backend {
  readonly maxsize: number;
  readonly #items = new Fifo<unknown>();
  readonly #takers = new Fifo<Taker>();
  readonly #givers = new Fifo<Giver>();
  #unfinished = 0;
  readonly #joiners = new Set<() => void>();
  #path: string | null = null;

  constructor(maxsize: number) {
    this.maxsize = maxsize;
  }

  #full(extra = 1): boolean {
    return this.maxsize > 0 && this.#items.length + extra > this.maxsize;
  }

  /** Takes items in: straight to a waiting taker, else onto the queue. */
  #accept(items: readonly unknown[]): void {
    for (const item of items) {
      this.#unfinished++;
      const taker = this.#takers.shift();
      if (taker !== undefined) taker.give(item);
      else this.#items.push(item);
    }
  }

  /** Room was made: let waiting puts in, in order. */
  #admit(): void {
    for (;;) {
      const giver = this.#givers.shift();
      if (giver === undefined) return;
      if (this.#full(giver.items.length) && this.#items.length > 0) {
        this.#givers.unshift([giver]);
        return;
      }
      this.#accept(giver.items);
      giver.accept();
    }
  }

  #take(): unknown {
    const item = this.#items.shift();
    this.#admit();
    return item;
  }

  /** Puts `items`; `onWait` runs when it has to wait, with a withdraw function, for the link protocol. */
  offer(items: readonly unknown[], block: boolean, accepted: () => void, refused: () => void): (() => boolean) | null {
    if (!this.#full(items.length) || (this.#items.length === 0 && this.#givers.length === 0)) {
      this.#accept(items);
      accepted();
      return null;
    }
    if (!block) {
      refused();
      return null;
    }
    const giver: Giver = { items, accept: accepted };
    this.#givers.push(giver);
    return () => this.#givers.remove(giver);
  }

  /** The oldest item, or EMPTY; never waits. */
  takeNow(): unknown {
    return this.#items.length > 0 ? this.#take() : EMPTY;
  }

  /** Asks for an item; returns a withdraw function when it has to wait. */
  request(block: boolean, give: (item: unknown) => void, empty: () => void): (() => boolean) | null {
    if (this.#items.length > 0) {
      give(this.#take());
      return null;
    }
    if (!block) {
      empty();
      return null;
    }
    const taker: Taker = { give };
    this.#takers.push(taker);
    return () => this.#takers.remove(taker);
  }

  /** An item given out but never received goes back to the front, ahead of later items. */
  giveBack(items: readonly unknown[]): void {
    for (let i = items.length - 1; i >= 0; i--) {
      const taker = this.#takers.shift();
      if (taker !== undefined) taker.give(items[i]);
      else this.#items.unshift([items[i]]);
    }
  }

  #settle<T>(start: (resolve: (value: T) => void, reject: (error: Error) => void) => (() => boolean) | null, wait: Wait | null, what: string, onTimeout: () => Error): Promise<T> {
    let withdraw: (() => boolean) | null = null;
    const settled = new Promise<T>((resolve, reject) => {
      withdraw = start(resolve, reject);
    });
    if (withdraw === null || wait === null) return settled;
    const cancel = withdraw as () => boolean;
    return withDeadline<T | typeof TIMED_OUT>(settled, what, wait, () => cancel(), () => TIMED_OUT).then((value) => {
      if (value === TIMED_OUT) throw onTimeout();
      return value;
    });
  }

  put(item: unknown, _json: boolean, wait: Wait | null): Promise<void> {
    return this.#settle<void>(
      (resolve, reject) => this.offer([item], wait !== null, () => resolve(), () => reject(new Full('queue is full'))),
      wait,
      'put',
      () => new Full(`queue is still full after ${wait?.timeoutMs ?? 0} ms`),
    );
  }

  get(wait: Wait | null): Promise<unknown> {
    return this.#settle<unknown>(
      (resolve, reject) => this.request(wait !== null, resolve, () => reject(new Empty('queue is empty'))),
      wait,
      'get',
      () => new Empty(`queue is still empty after ${wait?.timeoutMs ?? 0} ms`),
    );
  }

  async size(): Promise<number> {
    return this.#items.length;
  }

  taskDoneNow(): void {
    if (this.#unfinished <= 0) throw new QueueStateError('taskDone() called more times than there were items');
    this.#unfinished--;
    if (this.#unfinished === 0) {
      for (const joiner of this.#joiners) joiner();
      this.#joiners.clear();
    }
  }

  async taskDone(): Promise<void> {
    this.taskDoneNow();
  }

  whenJoined(done: () => void): () => boolean {
    if (this.#unfinished === 0) {
      done();
      return () => false;
    }
    this.#joiners.add(done);
    return () => this.#joiners.delete(done);
  }

  join(wait: Wait): Promise<void> {
    let withdraw: () => boolean = () => false;
    const joined = new Promise<void>((resolve) => {
      withdraw = this.whenJoined(resolve);
    });
    return withDeadline(joined, 'join', wait, () => withdraw());
  }

  close(): void {
    // The broker serves the other holders for as long as this program runs; only this handle stops.
  }

  /** The socket path holders connect to; the listener starts with the first handle made. */
  path(): string {
    if (this.#path === null) {
      const path = freshSocketPath('queue');
      const server = createServer((socket) => this.serve(new SocketLink(socket)));
      server.listen(path);
      server.unref();
      listening.add(server);
      this.#path = path;
    }
    return this.#path;
  }

  /** A new MessagePort to this broker, for a holder in a worker thread. */
  port(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    this.serve(new PortLink(port1));
    return port2;
  }

  /** Answers one holder's requests for as long as its link lives. */
  serve(link: Link): void {
    /** Items sent to this holder that it has not yet confirmed. */
    const delivered = new Map<number, unknown>();
    const waiting = new Map<number, () => boolean>();
    // A holder that is gone gets nothing more; its link's close gives back what it had not confirmed.
    const reply = (message: BrokerMessage): void => void link.send(message)?.catch(() => {});
    link.onMessage((raw) => {
      const message = raw as ClientMessage;
      switch (message.t) {
        case 'put': {
          const withdraw = this.offer(
            typeof message.items === 'string' ? (JSON.parse(message.items) as unknown[]) : message.items,
            message.block,
            () => {
              waiting.delete(message.id);
              if (message.id !== 0) reply({ t: 'ok', id: message.id });
            },
            () => reply({ t: 'full', id: message.id }),
          );
          if (withdraw !== null) waiting.set(message.id, withdraw);
          break;
        }
        case 'get': {
          const withdraw = this.request(
            message.block,
            (item) => {
              waiting.delete(message.id);
              delivered.set(message.id, item);
              reply({ t: 'item', id: message.id, item });
            },
            () => reply({ t: 'empty', id: message.id }),
          );
          if (withdraw !== null) waiting.set(message.id, withdraw);
          break;
        }
        case 'got':
          delivered.delete(message.id);
          break;
        case 'cancel': {
          const withdraw = waiting.get(message.id);
          waiting.delete(message.id);
          reply({ t: 'cancelled', id: message.id, done: withdraw?.() ?? false });
          break;
        }
        case 'task-done':
          try {
            this.taskDoneNow();
            reply({ t: 'ok', id: message.id });
          } catch (error) {
            reply({ t: 'error', id: message.id, message: (error as Error).message });
          }
          break;
        case 'join':
          waiting.set(message.id, this.whenJoined(() => reply({ t: 'ok', id: message.id })));
          break;
        case 'size':
          reply({ t: 'size', id: message.id, size: this.#items.length });
          break;
      }
    });
    link.onClose(() => {
      for (const withdraw of waiting.values()) withdraw();
      waiting.clear();
      this.giveBack([...delivered.values()]);
      delivered.clear();
    });
  }
}

// Queue, JoinableQueue and SimpleQueue: Python's multiprocessing queues over either strategy.
import {
  checkSignal,
  currentProcess,
  targetRef,
  toHandle,
  type EncodeContext,
  type HandleDescriptor,
  type StrategyName,
  waitTimeout,
} from '@parlab/core';
import type { Backend, Wait } from './backend.js';
import { Broker, EMPTY } from './broker.js';
import { jsonCopy, NOT_JSON } from '@parlab/core';
import { decodeItem, encodeItem } from './items.js';
import { QueueStateError } from './errors.js';
import { PortLink, SocketLink } from './link.js';
import type { QueueState } from './protocol.js';
import { RemoteBackend } from './remote.js';
import type { WaitOptions } from './types.js';

const REVIVER = targetRef(import.meta.url, 'reviveQueue');

function localStrategy(): StrategyName {
  return currentProcess().strategy ?? 'process';
}

function toWait(options: WaitOptions | undefined): Wait {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new TypeError('options must be an object');
  // Negative is 0, as multiprocessing.Queue.get(timeout=-1) raises Empty at once.
  const timeoutMs = waitTimeout(options?.timeoutMs, 'options.timeoutMs');
  const signal = checkSignal(options?.signal, 'options.signal');
  signal?.throwIfAborted();
  return { timeoutMs, signal };
}

function checkMaxsize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`maxsize must be an integer ≥ 0 (0 means unbounded), got ${String(value)}`);
  }
  return value;
}

/** Set while a reviver builds a handle, so the constructor attaches to the broker instead of making one. */
let reviving: { backend: Backend; state: QueueState } | null = null;

/** What the three queues share: put, get, empty, close, and passing to a Process or task. */
abstract class QueueBase {
  protected readonly backend: Backend;
  readonly #broker: Broker | null;
  readonly #maxsize: number;
  /** How a revived handle reaches the broker, to pass on to further holders. */
  readonly #state: QueueState | null;
  #closed = false;
  protected abstract readonly kind: QueueState['kind'];

  constructor(maxsize: number) {
    if (reviving !== null) {
      this.backend = reviving.backend;
      this.#state = reviving.state;
      this.#broker = null;
      this.#maxsize = reviving.state.maxsize;
      reviving = null;
      return;
    }
    this.#maxsize = checkMaxsize(maxsize);
    this.#broker = new Broker(this.#maxsize);
    this.backend = this.#broker;
    this.#state = null;
  }

  /** 0 for an unbounded queue. */
  get maxsize(): number {
    return this.#maxsize;
  }

  get closed(): boolean {
    return this.#closed;
  }

  protected checkOpen(): void {
    if (this.#closed) throw new QueueStateError('queue is closed');
  }

  /** Adds an item (a copy, with structured-clone semantics), waiting for room when the queue is bounded and full. */
  put(item: unknown, options?: WaitOptions): Promise<void> {
    // Not an async function: returning the backend's promise from one would cost extra turns per put.
    try {
      this.checkOpen();
      return this.#put(item, toWait(options));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  #put(item: unknown, wait: Wait | null): Promise<void> {
    const copy = jsonCopy(item);
    return copy !== NOT_JSON ? this.backend.put(copy, true, wait) : this.backend.put(this.#encode(item), false, wait);
  }

  /** Removes and returns the oldest item, waiting for one; Empty when `timeoutMs` passes first. */
  async get(options?: WaitOptions): Promise<unknown> {
    this.checkOpen();
    const wait = toWait(options);
    // Where the items live and one is there, take it without the machinery of waiting.
    const ready = this.#broker === null ? EMPTY : this.#broker.takeNow();
    return this.#decode(ready !== EMPTY ? ready : await this.backend.get(wait));
  }

  /** Whether the queue holds no items right now (it may change at once). */
  async empty(): Promise<boolean> {
    this.checkOpen();
    return (await this.backend.size()) === 0;
  }

  /** This handle will put and get no more; items it put are not lost. Other holders are unaffected. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.backend.close();
  }

  protected putNow(item: unknown): Promise<void> {
    try {
      this.checkOpen();
      return this.#put(item, null);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  protected async getNow(): Promise<unknown> {
    this.checkOpen();
    return this.#decode(await this.backend.get(null));
  }

  /** An item that is not plain JSON data, copied now: held in a broker or a batch, it must not change when the caller changes theirs. */
  #encode(item: unknown): unknown {
    const encoded = encodeItem(item);
    return typeof encoded === 'object' && encoded !== null ? structuredClone(encoded) : encoded;
  }

  #decode(travelled: unknown): unknown {
    return decodeItem(travelled, localStrategy());
  }

  [toHandle](context: EncodeContext): HandleDescriptor {
    this.checkOpen();
    let path: string;
    let port: QueueState['port'] = null;
    if (this.#broker !== null) {
      path = this.#broker.path();
      if (context.strategy === 'thread') port = this.#broker.port();
    } else {
      path = (this.#state as QueueState).path;
    }
    if (port !== null) context.transfer(port);
    const state: QueueState = { kind: this.kind, maxsize: this.#maxsize, path, port };
    return { reviver: REVIVER, state };
  }
}

/** Python's multiprocessing.Queue: FIFO per producer, any mix of holders; bounded when maxsize > 0. */
export class Queue extends QueueBase {
  protected readonly kind: QueueState['kind'] = 'queue';

  constructor(maxsize = 0) {
    super(maxsize);
  }

  /** put without waiting: Full at once when there is no room. */
  putNowait(item: unknown): Promise<void> {
    return this.putNow(item);
  }

  /** get without waiting: Empty at once when there is nothing. */
  async getNowait(): Promise<unknown> {
    return this.getNow();
  }

  /** The number of items in the queue now. */
  async qsize(): Promise<number> {
    this.checkOpen();
    return this.backend.size();
  }

  async full(): Promise<boolean> {
    return this.maxsize > 0 && (await this.qsize()) >= this.maxsize;
  }
}

/** A Queue whose consumers call taskDone() per item, so that join() can wait until all are processed. */
export class JoinableQueue extends Queue {
  protected override readonly kind: QueueState['kind'] = 'joinable';

  /** Marks one item got earlier as processed; QueueStateError when called more often than items were put. */
  async taskDone(): Promise<void> {
    this.checkOpen();
    return this.backend.taskDone();
  }

  /** Resolves once every item put so far has been marked done. */
  async join(options?: WaitOptions): Promise<void> {
    this.checkOpen();
    return this.backend.join(toWait(options));
  }
}

/** Python's SimpleQueue: unbounded; put, get, empty and close only. */
export class SimpleQueue extends QueueBase {
  protected readonly kind: QueueState['kind'] = 'simple';

  constructor() {
    super(0);
  }
}

const CLASSES = { queue: Queue, joinable: JoinableQueue, simple: SimpleQueue } as const;

/** Rebuilds a queue handle on the receiving side (named by the handle; not for direct use). */
export function reviveQueue(state: unknown): QueueBase {
  const queueState = state as QueueState;
  const link = queueState.port !== null ? new PortLink(queueState.port) : SocketLink.connect(queueState.path);
  reviving = { backend: new RemoteBackend(link, queueState.maxsize > 0), state: { ...queueState, port: null } };
  return new CLASSES[queueState.kind]();
}

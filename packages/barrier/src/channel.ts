// How a primitive under `process` reaches its coordinator: directly in the creating process, over a Unix socket elsewhere.
import { connect, Socket } from 'node:net';
import { attachWords, nativeAddon, type RegionRef } from '@parlab/shm';
import { CoordinatorLostError } from './errors.js';
import { LOCAL_TOKEN, localCoordinator, type Peer } from './coordinator.js';
import { Op, REPLY_BYTES, REQUEST_BYTES, Status, decodeReply, encodeRequest, type OpCode, type Reply } from './protocol.js';

/** Remote channels take tokens from this one on: 0 means a free lock, and LOCAL_TOKEN is the creating process's. */
const FIRST_REMOTE_TOKEN = LOCAL_TOKEN + 1;

export interface Channel {
  /** Where other processes reach the coordinator (starts it listening when needed). */
  address(): string;
  /**
   * This side's owner token in native shared memory (0 on a channel without one): which lock is
   * whose, so that the coordinator frees the locks of a channel that closes.
   */
  readonly token: number;
  /** Aborts, with CoordinatorLostError, when the coordinator is gone; undefined for this process's own, never lost. */
  readonly lost: AbortSignal | undefined;
  /** Sends a request and resolves with its final reply; an abort sends `cancel` and still waits for that reply. */
  call(op: OpCode, object: number, arg: number, timeoutMs: number | undefined, signal?: AbortSignal): Promise<Reply>;
  /** Sends a request that has no reply. */
  post(op: OpCode, object: number, arg: number): void;
  /** Sends a follow-up under request `id` (after RUN_ACTION) and resolves with that request's final reply. */
  resume(id: number, op: OpCode, object: number, arg: number): Promise<Reply>;
}

type Settle = (reply: Reply | Error) => void;

/** Keeps request ids and resolvers; both channel kinds share it. */
class Requests {
  #nextId = 1;
  readonly #waiting = new Map<number, Settle>();

  get size(): number {
    return this.#waiting.size;
  }

  open(resolve: Settle): number {
    const id = this.#nextId;
    this.#nextId = (this.#nextId % 0xffff_fffe) + 1;
    this.#waiting.set(id, resolve);
    return id;
  }

  /** A reply arrived; RUN_ACTION is not final, so the request stays open for its second reply. */
  settle(reply: Reply): void {
    const resolve = this.#waiting.get(reply.id);
    if (resolve === undefined) return;
    if (reply.status !== Status.runAction) this.#waiting.delete(reply.id);
    resolve(reply);
  }

  /** Waits for the next reply of request `id`, which stays open after a RUN_ACTION. */
  resume(id: number): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, (reply) => (reply instanceof Error ? reject(reply) : resolve(reply)));
    });
  }

  failAll(error: Error): void {
    const all = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const settle of all) settle(error);
  }
}

type Sender = (op: OpCode, id: number, object: number, arg: number, timeoutMs: number) => void;

/** Opens a request, sends it, and on abort sends `cancel`; the promise settles with the final reply. */
function callWith(
  requests: Requests,
  send: Sender,
  op: OpCode,
  object: number,
  arg: number,
  timeoutMs: number | undefined,
  signal: AbortSignal | undefined,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const cancel = (): void => send(Op.cancel, 0, 0, id, -1);
    const id = requests.open((reply) => {
      if (reply instanceof Error) reject(reply);
      else resolve(reply);
      if (!(reply instanceof Error) && reply.status === Status.runAction) return;
      signal?.removeEventListener('abort', cancel);
    });
    send(op, id, object, arg, timeoutMs ?? -1);
    if (signal?.aborted === true) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
  });
}

class LocalChannel implements Channel {
  readonly token = LOCAL_TOKEN;
  readonly lost = undefined;
  readonly #requests = new Requests();
  readonly #peer: Peer = {
    id: 0,
    local: true,
    token: LOCAL_TOKEN,
    reply: (reply) => this.#requests.settle(reply),
  };

  address(): string {
    return localCoordinator().address();
  }

  call(op: OpCode, object: number, arg: number, timeoutMs: number | undefined, signal?: AbortSignal): Promise<Reply> {
    return callWith(this.#requests, this.#send, op, object, arg, timeoutMs, signal);
  }

  post(op: OpCode, object: number, arg: number): void {
    this.#send(op, 0, object, arg, -1);
  }

  resume(id: number, op: OpCode, object: number, arg: number): Promise<Reply> {
    const reply = this.#requests.resume(id);
    this.#send(op, id, object, arg, -1);
    return reply;
  }

  readonly #send: Sender = (op, id, object, arg, timeoutMs) => {
    localCoordinator().handle(this.#peer, { op, id, object, arg, timeoutMs });
  };
}

/**
 * One connection per coordinator per process (per thread); it keeps the process alive only while a
 * request waits. Given the coordinator's token counter (`control`), it takes a token and connects
 * through the addon, which has written the hello naming the token before it returns: the
 * coordinator learns of this peer, and later of its end, even if this process dies at once.
 */
class RemoteChannel implements Channel {
  readonly #address: string;
  readonly #socket: Socket;
  readonly #requests = new Requests();
  readonly token: number;
  readonly #lostController = new AbortController();
  #lost: Error | null = null;
  #buffered: Buffer = Buffer.alloc(0);
  readonly #frame = Buffer.allocUnsafe(REQUEST_BYTES);

  constructor(address: string, control: RegionRef | null) {
    this.#address = address;
    const addon = control === null ? null : nativeAddon();
    let failed: Error | null = null;
    if (control !== null && addon !== null) {
      this.token = FIRST_REMOTE_TOKEN + Atomics.add(attachWords(control), 0, 1);
      encodeRequest({ id: 0, op: Op.hello, object: 0, arg: this.token, timeoutMs: -1 }, this.#frame, 0);
      let fd = -1;
      try {
        fd = addon.connect(address, this.#frame);
      } catch (error) {
        failed = error as Error;
      }
      this.#socket = fd < 0 ? new Socket() : new Socket({ fd, readable: true, writable: true });
    } else {
      this.token = 0;
      this.#socket = connect(address);
    }
    this.#socket.setNoDelay(true);
    this.#socket.unref();
    this.#socket.on('data', (chunk: Buffer) => this.#receive(chunk));
    this.#socket.on('error', (error) => this.#lose(error));
    this.#socket.on('close', () => this.#lose(null));
    // The coordinator was gone before this side connected: lost from the start.
    if (failed !== null) this.#lose(failed);
  }

  address(): string {
    return this.#address;
  }

  get lost(): AbortSignal {
    return this.#lostController.signal;
  }

  #lose(cause: Error | null): void {
    if (this.#lost !== null) return;
    this.#lost = new CoordinatorLostError(
      'the process that created this primitive (and coordinates it) is gone',
      cause === null ? undefined : { cause },
    );
    remotes.delete(this.#address);
    this.#requests.failAll(this.#lost);
    this.#lostController.abort(this.#lost);
  }

  #receive(chunk: Buffer): void {
    this.#buffered = this.#buffered.length === 0 ? chunk : Buffer.concat([this.#buffered, chunk]);
    let offset = 0;
    while (this.#buffered.length - offset >= REPLY_BYTES) {
      const reply = decodeReply(this.#buffered, offset);
      offset += REPLY_BYTES;
      this.#requests.settle(reply);
    }
    this.#buffered = offset === this.#buffered.length ? Buffer.alloc(0) : this.#buffered.subarray(offset);
    if (this.#requests.size === 0) this.#socket.unref();
  }

  readonly #send: Sender = (op, id, object, arg, timeoutMs) => {
    if (this.#lost !== null) return;
    encodeRequest({ id, op, object, arg, timeoutMs }, this.#frame, 0);
    this.#socket.write(Buffer.from(this.#frame));
  };

  call(op: OpCode, object: number, arg: number, timeoutMs: number | undefined, signal?: AbortSignal): Promise<Reply> {
    if (this.#lost !== null) return Promise.reject(this.#lost);
    this.#socket.ref();
    return callWith(this.#requests, this.#send, op, object, arg, timeoutMs, signal);
  }

  post(op: OpCode, object: number, arg: number): void {
    this.#send(op, 0, object, arg, -1);
  }

  resume(id: number, op: OpCode, object: number, arg: number): Promise<Reply> {
    if (this.#lost !== null) return Promise.reject(this.#lost);
    const reply = this.#requests.resume(id);
    this.#send(op, id, object, arg, -1);
    return reply;
  }
}

const remotes = new Map<string, RemoteChannel>();
let local: LocalChannel | null = null;

/** The channel of this process's own coordinator. */
export function localChannel(): Channel {
  local ??= new LocalChannel();
  return local;
}

/**
 * The channel to the coordinator at `address` (this process's own when the handle came back home);
 * `control` is the coordinator's token counter when its primitives live in native shared memory.
 */
export function channelTo(address: string, control: RegionRef | null): Channel {
  if (localCoordinator().owns(address)) return localChannel();
  let remote = remotes.get(address);
  if (remote === undefined) {
    remote = new RemoteChannel(address, control);
    remotes.set(address, remote);
  }
  return remote;
}

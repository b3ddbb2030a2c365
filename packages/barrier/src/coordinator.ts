// The `process` strategy's state: every primitive created in this process lives here, served to other processes over a Unix socket.
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { allocateWords, type RegionRef } from '@parlab/shm';
import { barrierBreakIfWaiting, lockOwnerDied } from './shared-memory.js';
import {
  Flag,
  Op,
  REQUEST_BYTES,
  REPLY_BYTES,
  Status,
  decodeRequest,
  encodeReply,
  type Reply,
  type Request,
  type StatusCode,
} from './protocol.js';

/** The owner token of the creating process in native shared memory (remote channels take theirs from the counter). */
export const LOCAL_TOKEN = 1;

/** One side that sends requests: this process itself (id 0) or one connection. */
export interface Peer {
  readonly id: number;
  readonly local: boolean;
  /** Its owner token in native shared memory, from its hello (0 until then, or on a connection without one). */
  token: number;
  reply(reply: Reply): void;
}

interface Pending {
  readonly peer: Peer;
  readonly id: number;
  timer?: NodeJS.Timeout;
}

function answer(pending: Pending, status: StatusCode, value = 0, flags = 0): void {
  if (pending.timer !== undefined) clearTimeout(pending.timer);
  pending.peer.reply({ id: pending.id, status, flags, value });
}

/** Starts the request's timer (if it has one); `onTimeout` runs when it fires. */
function arm(pending: Pending, timeoutMs: number, onTimeout: () => void): void {
  if (timeoutMs < 0) return;
  pending.timer = setTimeout(onTimeout, timeoutMs);
  // A remote waiter keeps its own process alive; only a local wait keeps this one alive.
  if (!pending.peer.local) pending.timer.unref();
}

function removeFrom<T>(list: T[], match: (item: T) => boolean): T[] {
  const removed: T[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i] as T;
    if (match(item)) {
      removed.push(item);
      list.splice(i, 1);
    }
  }
  return removed;
}

interface SyncState {
  handle(pending: Pending, request: Request): void;
  /** Withdraws `peer`'s request `id`, if it is still waiting here. */
  cancel(peer: Peer, id: number): void;
  peerGone(peer: Peer): void;
}

class BarrierState implements SyncState {
  #waiters: Pending[] = [];
  #early: [Pending, Request][] = [];
  #runner: Pending | null = null;
  /** Last parties whose round failed while their action ran: each is answered when it reports back. */
  #failedRunners: Pending[] = [];
  #broken = false;
  readonly #holders = new Set<number>();
  constructor(
    readonly parties: number,
    readonly hasAction: boolean,
  ) {}

  handle(pending: Pending, request: Request): void {
    switch (request.op) {
      case Op.attach:
        this.#holders.add(pending.peer.id);
        return;
      case Op.barrierWait:
        return this.#arrive(pending, request);
      case Op.barrierActionDone:
        if (this.#runner?.peer === pending.peer && this.#runner.id === pending.id) {
          this.#runner = null;
          if (request.arg === 0) this.#release();
          else this.#break();
        } else if (removeFrom(this.#failedRunners, (p) => p.peer === pending.peer && p.id === pending.id).length > 0) {
          answer(pending, Status.broken);
        }
        return;
      case Op.barrierAbort:
        this.#break();
        return answer(pending, Status.ok);
      case Op.barrierReset:
        this.#fail();
        this.#broken = false;
        // Parties that arrived while the action ran belong to the fresh round, as under `thread`.
        this.#replayEarly();
        return answer(pending, Status.ok);
      case Op.barrierState:
        return answer(pending, Status.ok, this.#waiters.length - (this.#runner === null ? 0 : 1), this.#broken ? Flag.broken : 0);
      default:
        return answer(pending, Status.unknownObject);
    }
  }

  #arrive(pending: Pending, request: Request): void {
    this.#holders.add(pending.peer.id);
    if (this.#broken) return answer(pending, Status.broken);
    if (this.#runner !== null) {
      // The last party is running the action: this one belongs to the next round.
      this.#early.push([pending, request]);
      return;
    }
    const index = this.#waiters.length;
    this.#waiters.push(pending);
    if (index + 1 === this.parties) {
      if (this.hasAction) {
        this.#runner = pending;
        pending.peer.reply({ id: pending.id, status: Status.runAction, flags: 0, value: index });
      } else this.#release();
      return;
    }
    arm(pending, request.timeoutMs, () => {
      pending.timer = undefined;
      this.#break();
    });
  }

  #release(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    this.#runner = null;
    waiters.forEach((pending, index) => answer(pending, Status.ok, index));
    this.#replayEarly();
  }

  /** Fails the parties of this round; the barrier stays usable (reset) unless #break marks it. */
  #fail(): void {
    const waiters = this.#waiters;
    const runner = this.#runner;
    this.#waiters = [];
    this.#runner = null;
    // The last party is still running the action and waits for the answer to its report, as under `thread`.
    if (runner !== null) this.#failedRunners.push(runner);
    for (const pending of waiters) if (pending !== runner) answer(pending, Status.broken);
  }

  #break(): void {
    this.#broken = true;
    this.#fail();
    this.#replayEarly();
  }

  #replayEarly(): void {
    const early = this.#early;
    this.#early = [];
    for (const [pending, request] of early) this.#arrive(pending, request);
  }

  cancel(peer: Peer, id: number): void {
    if (this.#waiters.some((p) => p.peer === peer && p.id === id) || this.#early.some(([p]) => p.peer === peer && p.id === id)) {
      // A party that stops waiting would leave the others waiting for ever: break, as a timeout does.
      this.#break();
    }
  }

  peerGone(peer: Peer): void {
    removeFrom(this.#early, ([p]) => p.peer === peer);
    removeFrom(this.#failedRunners, (p) => p.peer === peer);
    const held = this.#holders.delete(peer.id);
    const waiting = this.#waiters.some((p) => p.peer === peer);
    this.#waiters = this.#waiters.filter((p) => p.peer !== peer);
    if ((held || waiting) && this.#waiters.length > 0) this.#break();
    else if (this.#runner?.peer === peer) this.#break();
  }
}

/** A queued acquirer: a plain acquire, or a Condition waiter taking its lock back. */
interface LockEntry {
  readonly pending: Pending;
  /** A Condition waiter taking the lock back: it cannot be cancelled, only served. */
  readonly retake: boolean;
  readonly depth: number;
  readonly status: StatusCode;
  readonly value: number;
}

class LockState implements SyncState {
  owner: number | null = null;
  #depth = 0;
  #died = false;
  #queue: LockEntry[] = [];
  constructor(readonly reentrant: boolean) {}

  handle(pending: Pending, request: Request): void {
    switch (request.op) {
      case Op.attach:
        return;
      case Op.lockAcquire:
        return this.#acquire(pending, request.timeoutMs);
      case Op.lockRelease:
        return answer(pending, this.release(pending.peer.id));
      case Op.lockState:
        return answer(pending, Status.ok, this.owner === null ? 0 : 1);
      default:
        return answer(pending, Status.unknownObject);
    }
  }

  #acquire(pending: Pending, timeoutMs: number): void {
    if (this.owner === null) return this.#grant({ pending, retake: false, depth: 1, status: Status.ok, value: 0 });
    if (this.reentrant && this.owner === pending.peer.id) {
      this.#depth++;
      return answer(pending, Status.ok);
    }
    if (timeoutMs === 0) return answer(pending, Status.no);
    const entry: LockEntry = { pending, retake: false, depth: 1, status: Status.ok, value: 0 };
    this.#queue.push(entry);
    arm(pending, timeoutMs, () => {
      pending.timer = undefined;
      removeFrom(this.#queue, (e) => e === entry);
      answer(pending, Status.no);
    });
  }

  #grant(entry: LockEntry): void {
    this.owner = entry.pending.peer.id;
    this.#depth = entry.depth;
    const flags = this.#died ? Flag.ownerDied : 0;
    this.#died = false;
    answer(entry.pending, entry.status, entry.value, flags);
  }

  #handOn(): void {
    this.owner = null;
    const next = this.#queue.shift();
    if (next !== undefined) this.#grant(next);
  }

  release(peer: number): StatusCode {
    if (this.owner === null) return this.reentrant ? Status.notOwner : Status.notLocked;
    if (this.reentrant && this.owner !== peer) return Status.notOwner;
    if (--this.#depth > 0) return Status.ok;
    this.#handOn();
    return Status.ok;
  }

  /** For Condition.wait: lets the lock go whatever its depth and returns the depth. */
  releaseAll(): number {
    const depth = this.#depth;
    this.#handOn();
    return depth;
  }

  /** For Condition.wait: takes the lock back (queued, without a timeout) and then answers. */
  retake(pending: Pending, depth: number, status: StatusCode, value: number): void {
    const entry: LockEntry = { pending, retake: true, depth, status, value };
    if (this.owner === null) this.#grant(entry);
    else this.#queue.push(entry);
  }

  cancel(peer: Peer, id: number): void {
    for (const entry of removeFrom(this.#queue, (e) => !e.retake && e.pending.peer === peer && e.pending.id === id)) {
      answer(entry.pending, Status.cancelled);
    }
  }

  peerGone(peer: Peer): void {
    for (const entry of removeFrom(this.#queue, (e) => e.pending.peer === peer)) {
      if (entry.pending.timer !== undefined) clearTimeout(entry.pending.timer);
    }
    if (this.owner === peer.id) {
      this.#died = true;
      this.#handOn();
    }
  }
}

class SemaphoreState implements SyncState {
  #queue: Pending[] = [];
  constructor(
    public value: number,
    readonly max: number,
  ) {}

  handle(pending: Pending, request: Request): void {
    switch (request.op) {
      case Op.attach:
        return;
      case Op.semaphoreAcquire:
        if (this.value > 0) {
          this.value--;
          return answer(pending, Status.ok);
        }
        if (request.timeoutMs === 0) return answer(pending, Status.no);
        this.#queue.push(pending);
        return arm(pending, request.timeoutMs, () => {
          pending.timer = undefined;
          removeFrom(this.#queue, (p) => p === pending);
          answer(pending, Status.no);
        });
      case Op.semaphoreRelease: {
        const n = request.arg;
        if (n < 1) return answer(pending, Status.unknownObject);
        if (this.value + n > this.max) return answer(pending, Status.overRelease, this.value);
        this.value += n;
        while (this.value > 0 && this.#queue.length > 0) {
          this.value--;
          answer(this.#queue.shift() as Pending, Status.ok);
        }
        return answer(pending, Status.ok);
      }
      case Op.semaphoreValue:
        return answer(pending, Status.ok, this.value);
      default:
        return answer(pending, Status.unknownObject);
    }
  }

  cancel(peer: Peer, id: number): void {
    for (const p of removeFrom(this.#queue, (q) => q.peer === peer && q.id === id)) answer(p, Status.cancelled);
  }

  peerGone(peer: Peer): void {
    for (const p of removeFrom(this.#queue, (q) => q.peer === peer)) if (p.timer !== undefined) clearTimeout(p.timer);
  }
}

class EventState implements SyncState {
  #set = false;
  #waiters: Pending[] = [];

  handle(pending: Pending, request: Request): void {
    switch (request.op) {
      case Op.attach:
        return;
      case Op.eventSet: {
        this.#set = true;
        const waiters = this.#waiters;
        this.#waiters = [];
        for (const p of waiters) answer(p, Status.ok);
        return answer(pending, Status.ok);
      }
      case Op.eventClear:
        this.#set = false;
        return answer(pending, Status.ok);
      case Op.eventIsSet:
        return answer(pending, Status.ok, this.#set ? 1 : 0);
      case Op.eventWait:
        if (this.#set) return answer(pending, Status.ok);
        if (request.timeoutMs === 0) return answer(pending, Status.no);
        this.#waiters.push(pending);
        return arm(pending, request.timeoutMs, () => {
          pending.timer = undefined;
          removeFrom(this.#waiters, (p) => p === pending);
          answer(pending, Status.no);
        });
      default:
        return answer(pending, Status.unknownObject);
    }
  }

  cancel(peer: Peer, id: number): void {
    for (const p of removeFrom(this.#waiters, (q) => q.peer === peer && q.id === id)) answer(p, Status.cancelled);
  }

  peerGone(peer: Peer): void {
    for (const p of removeFrom(this.#waiters, (q) => q.peer === peer)) if (p.timer !== undefined) clearTimeout(p.timer);
  }
}

interface CondWaiter {
  readonly pending: Pending;
  readonly depth: number;
}

class ConditionState implements SyncState {
  #waiters: CondWaiter[] = [];
  constructor(readonly lock: LockState) {}

  handle(pending: Pending, request: Request): void {
    switch (request.op) {
      case Op.attach:
        return;
      case Op.conditionWait: {
        if (this.lock.owner !== pending.peer.id) return answer(pending, Status.notOwner);
        const waiter: CondWaiter = { pending, depth: this.lock.releaseAll() };
        if (request.timeoutMs === 0) return this.lock.retake(pending, waiter.depth, Status.ok, 0);
        this.#waiters.push(waiter);
        return arm(pending, request.timeoutMs, () => {
          pending.timer = undefined;
          this.#wake(waiter, 0, Status.ok);
        });
      }
      case Op.conditionNotify: {
        if (this.lock.owner !== pending.peer.id) return answer(pending, Status.notOwner);
        const n = request.arg < 0 ? this.#waiters.length : request.arg;
        for (const waiter of this.#waiters.slice(0, n)) this.#wake(waiter, 1, Status.ok);
        return answer(pending, Status.ok);
      }
      default:
        return answer(pending, Status.unknownObject);
    }
  }

  /** Moves a waiter to its lock's queue; it is answered (value 1: notified) once it holds the lock. */
  #wake(waiter: CondWaiter, notified: number, status: StatusCode): void {
    removeFrom(this.#waiters, (w) => w === waiter);
    if (waiter.pending.timer !== undefined) clearTimeout(waiter.pending.timer);
    waiter.pending.timer = undefined;
    this.lock.retake(waiter.pending, waiter.depth, status, notified);
  }

  cancel(peer: Peer, id: number): void {
    const waiter = this.#waiters.find((w) => w.pending.peer === peer && w.pending.id === id);
    if (waiter !== undefined) this.#wake(waiter, 0, Status.cancelled);
  }

  peerGone(peer: Peer): void {
    for (const w of removeFrom(this.#waiters, (x) => x.pending.peer === peer)) if (w.pending.timer !== undefined) clearTimeout(w.pending.timer);
  }
}

/**
 * A primitive of the fast path: its state is in native shared memory, which the parties change
 * themselves; the coordinator only watches who holds it, and on a holder's end does what the
 * thread strategy does when a thread ends (frees its lock, breaks a barrier that others wait at).
 */
class NativeState implements SyncState {
  readonly #holders = new Set<number>();
  constructor(
    readonly kind: Definition['kind'],
    readonly words: Int32Array,
  ) {}

  handle(pending: Pending, request: Request): void {
    if (request.op === Op.attach) this.#holders.add(pending.peer.id);
    else answer(pending, Status.unknownObject);
  }

  cancel(): void {}

  peerGone(peer: Peer): void {
    const held = this.#holders.delete(peer.id);
    if (this.kind === 'lock' && peer.token !== 0) lockOwnerDied(this.words, peer.token);
    else if (this.kind === 'barrier' && held) barrierBreakIfWaiting(this.words);
  }
}

export type Definition =
  | { readonly kind: 'barrier'; readonly parties: number; readonly hasAction: boolean }
  | { readonly kind: 'lock'; readonly reentrant: boolean }
  | { readonly kind: 'semaphore'; readonly value: number; readonly max: number }
  | { readonly kind: 'event' }
  | { readonly kind: 'condition'; readonly lock: number };

/** The coordinator of this process: created on the first primitive, listening from the first handle sent. */
export class Coordinator {
  readonly #objects = new Map<number, SyncState>();
  #nextObject = 1;
  #nextPeer = 1;
  #address: string | null = null;
  #control: RegionRef | null = null;
  #served = 0;

  /** How many requests this coordinator has received, from this process and others (the fast path's tests count them). */
  get served(): number {
    return this.#served;
  }

  /** A fast-path primitive whose state is `words` in native shared memory. */
  defineNative(definition: Definition, words: Int32Array): number {
    const id = this.#nextObject++;
    this.#objects.set(id, new NativeState(definition.kind, words));
    return id;
  }

  /** The token counter that remote channels of the fast path take their tokens from (in native shared memory). */
  control(): RegionRef {
    this.#control ??= allocateWords(1).ref;
    return this.#control;
  }

  define(definition: Definition): number {
    const id = this.#nextObject++;
    let state: SyncState;
    switch (definition.kind) {
      case 'barrier':
        state = new BarrierState(definition.parties, definition.hasAction);
        break;
      case 'lock':
        state = new LockState(definition.reentrant);
        break;
      case 'semaphore':
        state = new SemaphoreState(definition.value, definition.max);
        break;
      case 'event':
        state = new EventState();
        break;
      case 'condition': {
        const lock = this.#objects.get(definition.lock);
        if (!(lock instanceof LockState)) throw new TypeError('a Condition needs a Lock or RLock of the same coordinator');
        state = new ConditionState(lock);
        break;
      }
    }
    this.#objects.set(id, state);
    return id;
  }

  /** Serves one request from `peer`; answers arrive through `peer.reply`. */
  handle(peer: Peer, request: Request): void {
    this.#served++;
    if (request.op === Op.hello) {
      peer.token = request.arg;
      return;
    }
    if (request.op === Op.cancel) {
      for (const state of this.#objects.values()) state.cancel(peer, request.arg);
      return;
    }
    const state = this.#objects.get(request.object);
    const pending: Pending = { peer, id: request.id };
    if (state === undefined) {
      if (request.op !== Op.attach) answer(pending, Status.unknownObject);
      return;
    }
    state.handle(pending, request);
  }

  /** The address clients connect to; starts listening on first use. */
  address(): string {
    if (this.#address !== null) return this.#address;
    const name = `parlab-sync-${process.pid}-${randomBytes(6).toString('hex')}`;
    // Linux's abstract namespace leaves no file behind, even if this process is killed.
    const address = process.platform === 'linux' ? `\0${name}` : join(tmpdir(), `${name}.sock`);
    const server = createServer({ noDelay: true }, (socket) => this.#serve(socket));
    server.listen(address);
    server.unref();
    this.#address = address;
    return address;
  }

  #serve(socket: Socket): void {
    socket.unref();
    const out = Buffer.allocUnsafe(REPLY_BYTES);
    const peer: Peer = {
      id: this.#nextPeer++,
      local: false,
      token: 0,
      reply(reply) {
        if (socket.destroyed) return;
        encodeReply(reply, out, 0);
        socket.write(Buffer.from(out));
      },
    };
    let buffered: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      let offset = 0;
      while (buffered.length - offset >= REQUEST_BYTES) {
        const request = decodeRequest(buffered, offset);
        offset += REQUEST_BYTES;
        if (request === null) {
          socket.destroy();
          return;
        }
        this.handle(peer, request);
      }
      buffered = offset === buffered.length ? Buffer.alloc(0) : buffered.subarray(offset);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      for (const state of this.#objects.values()) state.peerGone(peer);
    });
  }

  /** Whether `address` is this coordinator's own (a handle that came back home). */
  owns(address: string): boolean {
    return this.#address === address;
  }
}

let coordinator: Coordinator | null = null;

export function localCoordinator(): Coordinator {
  coordinator ??= new Coordinator();
  return coordinator;
}

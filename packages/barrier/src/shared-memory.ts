// The algorithms on shared words: each primitive's state in a SharedArrayBuffer (`thread`) or in native shared memory (`process`), changed only with Atomics.
import { threadId } from 'node:worker_threads';
import { notifyWord, type Steps } from './atomics.js';
import { BrokenBarrierError, SyncStateError } from './errors.js';
import type { AcquireResult } from './types.js';

/**
 * This thread's token as a lock owner under `thread` (0 means free, so the main thread's id 0
 * becomes 1). Under `process` a caller's token is its channel's, unique per coordinator.
 */
export const SELF = threadId + 1;
/** The owner word of a lock whose holder died without releasing it. */
const OWNER_DIED = -1;

export function newWords(count: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(count * Int32Array.BYTES_PER_ELEMENT));
}

// ---- Barrier: STATE packs the generation (bits 17-30), a broken flag (bit 16) and this round's
// arrivals (bits 0-15), so that an arrival, a break and a reset each change the barrier in one
// atomic step: an arrival can never slip into a barrier that is broken, or being reset, between
// checking it and arriving.
const B_STATE = 0;
/**
 * Outcome of each generation in a ring, tagged with the generation: (gen << 2) | outcome, first
 * writer wins. The tag means no slot is ever cleared for reuse, so anyone who sees a recorded
 * outcome can finish moving STATE on (`advance`): a party that stops between the two steps (a
 * terminated worker) cannot leave the barrier stuck.
 */
const B_OUTCOME = 1;
const RING = 64;
export const BARRIER_WORDS = B_OUTCOME + RING;
/** Parties must fit the arrival count's 16 bits. */
export const MAX_PARTIES = 0xffff;

const BROKEN = 1 << 16;
const GEN_SHIFT = 17;
/** 14 bits keep STATE a positive int32; the ring size divides 2^14, so slots line up across the wrap. */
const GEN_MASK = 0x3fff;

const OUT_RELEASED = 1;
/** The round failed (reset() while parties waited in it) but the barrier is not broken. */
const OUT_FAILED = 2;
/** The round failed and the barrier stays broken until reset() (abort, timeout, failed action, a party died). */
const OUT_BROKEN = 3;

const genOf = (state: number): number => (state >>> GEN_SHIFT) & GEN_MASK;
const countOf = (state: number): number => state & 0xffff;
const isBroken = (state: number): boolean => (state & BROKEN) !== 0;
const slotOf = (gen: number): number => B_OUTCOME + (gen % RING);

/** The outcome recorded for `gen`, or 0 while it is undecided. */
function outcomeOf(words: Int32Array, gen: number): number {
  const tagged = Atomics.load(words, slotOf(gen));
  return tagged >>> 2 === gen ? tagged & 3 : 0;
}

/** Moves STATE past `gen`, whose outcome is recorded: no arrivals, broken if the outcome breaks it; wakes the sleepers. */
function advance(words: Int32Array, gen: number, outcome: number): void {
  for (;;) {
    const state = Atomics.load(words, B_STATE);
    if (genOf(state) !== gen) return;
    const next = (((gen + 1) & GEN_MASK) << GEN_SHIFT) | (outcome === OUT_BROKEN ? BROKEN : state & BROKEN);
    if (Atomics.compareExchange(words, B_STATE, state, next) === state) {
      notifyWord(words, B_STATE);
      return;
    }
  }
}

/** STATE once any recorded outcome has been applied: its round is undecided. */
function current(words: Int32Array): number {
  for (;;) {
    const state = Atomics.load(words, B_STATE);
    const decided = outcomeOf(words, genOf(state));
    if (decided === 0) return state;
    advance(words, genOf(state), decided);
  }
}

/** Records `outcome` for generation `gen` unless one is recorded already, and moves STATE on; returns the outcome that stands. */
function decide(words: Int32Array, gen: number, outcome: number): number {
  const slot = slotOf(gen);
  for (;;) {
    const tagged = Atomics.load(words, slot);
    if (tagged >>> 2 === gen && (tagged & 3) !== 0) {
      advance(words, gen, tagged & 3);
      return tagged & 3;
    }
    // Decided and moved on long ago, its slot reused by a later generation: the caller's round is over.
    if (genOf(Atomics.load(words, B_STATE)) !== gen) return OUT_FAILED;
    if (Atomics.compareExchange(words, slot, tagged, (gen << 2) | outcome) === tagged) {
      advance(words, gen, outcome);
      return outcome;
    }
  }
}

/** Breaks the barrier (abort): the current round's waiters fail, and it stays broken until reset. */
export function barrierBreak(words: Int32Array): void {
  // A round released (or reset) at this very moment moves on to the next generation: break that one.
  for (;;) {
    const state = current(words);
    if (isBroken(state) || decide(words, genOf(state), OUT_BROKEN) === OUT_BROKEN) return;
  }
}

/** Breaks the round only if parties are waiting in it (a party died: they would wait forever). */
export function barrierBreakIfWaiting(words: Int32Array): void {
  const state = current(words);
  if (countOf(state) > 0) decide(words, genOf(state), OUT_BROKEN);
}

/**
 * Python's reset(): the parties waiting now get BrokenBarrierError, and the barrier is not broken
 * afterwards, so they (and anyone else) can start the next round at once.
 */
export function barrierReset(words: Int32Array): void {
  const state = current(words);
  if (countOf(state) > 0) decide(words, genOf(state), OUT_FAILED);
  for (;;) {
    const now = current(words);
    if (!isBroken(now) || Atomics.compareExchange(words, B_STATE, now, now & ~BROKEN) === now) return;
  }
}

export function barrierWaiting(words: Int32Array, parties: number): number {
  return Math.min(countOf(current(words)), parties - 1);
}

export function barrierBroken(words: Int32Array): boolean {
  return isBroken(current(words));
}

/** What a wait reports: the caller's index, and whether it must run the action before `barrierRelease`. */
export interface Arrival {
  readonly index: number;
  readonly gen: number;
  readonly last: boolean;
}

export function* barrierArrive(words: Int32Array, parties: number): Steps<Arrival> {
  for (;;) {
    const state = current(words);
    if (isBroken(state)) throw new BrokenBarrierError('the barrier is broken');
    const count = countOf(state);
    if (count >= parties) {
      // The last party of this round is running the action: extra parties wait for the next round.
      yield { array: words, index: B_STATE, expected: state, untimed: true };
      continue;
    }
    if (Atomics.compareExchange(words, B_STATE, state, state + 1) === state) return { index: count, gen: genOf(state), last: count + 1 === parties };
  }
}

/** The last party releases the round (after its action); the others wait for the outcome. */
export function* barrierFinish(words: Int32Array, arrival: Arrival): Steps<number> {
  if (arrival.last) {
    if (decide(words, arrival.gen, OUT_RELEASED) !== OUT_RELEASED) throw new BrokenBarrierError('the barrier was broken');
    return arrival.index;
  }
  for (;;) {
    const state = Atomics.load(words, B_STATE);
    if (genOf(state) !== arrival.gen) break;
    const outcome = yield { array: words, index: B_STATE, expected: state };
    if (outcome === 'timed-out') {
      if (decide(words, arrival.gen, OUT_BROKEN) === OUT_RELEASED) return arrival.index;
      throw new BrokenBarrierError('the barrier wait timed out');
    }
  }
  if (outcomeOf(words, arrival.gen) === OUT_RELEASED) return arrival.index;
  throw new BrokenBarrierError('the barrier was broken while waiting');
}

/** The action threw: break the round for everyone. */
export function barrierActionFailed(words: Int32Array, arrival: Arrival): void {
  decide(words, arrival.gen, OUT_BROKEN);
}

// ---- Lock and RLock: OWNER (0 free, -1 owner died, else the holder's token) and the RLock's depth.
const L_OWNER = 0;
const L_DEPTH = 1;
export const LOCK_WORDS = 2;

/**
 * One attempt at the lock for `self`, without waiting (an uncontended acquire is one
 * compare-and-swap): the result when it got the lock, else the owner word it saw.
 */
export function lockTry(words: Int32Array, reentrant: boolean, self: number): AcquireResult | number {
  for (;;) {
    const owner = Atomics.compareExchange(words, L_OWNER, 0, self);
    if (owner === 0) {
      Atomics.store(words, L_DEPTH, 1);
      return { acquired: true, ownerDied: false };
    }
    if (owner === OWNER_DIED) {
      if (Atomics.compareExchange(words, L_OWNER, OWNER_DIED, self) === OWNER_DIED) {
        Atomics.store(words, L_DEPTH, 1);
        return { acquired: true, ownerDied: true };
      }
      continue;
    }
    if (reentrant && owner === self) {
      Atomics.add(words, L_DEPTH, 1);
      return { acquired: true, ownerDied: false };
    }
    return owner;
  }
}

export function* lockAcquire(words: Int32Array, reentrant: boolean, blocking: boolean, self: number): Steps<AcquireResult> {
  for (;;) {
    const tried = lockTry(words, reentrant, self);
    if (typeof tried !== 'number') return tried;
    if (!blocking) return { acquired: false, ownerDied: false };
    const outcome = yield { array: words, index: L_OWNER, expected: tried };
    if (outcome === 'timed-out') return { acquired: false, ownerDied: false };
  }
}

/** Re-takes a lock without a deadline (after a Condition wait), restoring an RLock's depth. */
export function* lockRetake(words: Int32Array, depth: number, self: number): Steps<void> {
  for (;;) {
    const owner = Atomics.compareExchange(words, L_OWNER, 0, self);
    if (owner === 0 || (owner === OWNER_DIED && Atomics.compareExchange(words, L_OWNER, OWNER_DIED, self) === OWNER_DIED)) {
      Atomics.store(words, L_DEPTH, depth);
      return;
    }
    yield { array: words, index: L_OWNER, expected: owner, untimed: true };
  }
}

export function lockRelease(words: Int32Array, reentrant: boolean, self: number): void {
  const owner = Atomics.load(words, L_OWNER);
  if (reentrant) {
    if (owner !== self) throw new SyncStateError('cannot release an RLock that the caller does not hold');
    if (Atomics.sub(words, L_DEPTH, 1) > 1) return;
  } else if (owner === 0 || owner === OWNER_DIED) {
    throw new SyncStateError('cannot release an unlocked Lock');
  }
  Atomics.store(words, L_OWNER, 0);
  notifyWord(words, L_OWNER, 1);
}

/** Releases the lock whatever its depth, returning the depth to restore later (Condition.wait). */
export function lockReleaseAll(words: Int32Array): number {
  const depth = Atomics.load(words, L_DEPTH);
  Atomics.store(words, L_OWNER, 0);
  notifyWord(words, L_OWNER, 1);
  return depth;
}

export function lockHeldBySelf(words: Int32Array, self: number): boolean {
  return Atomics.load(words, L_OWNER) === self;
}

export function lockLocked(words: Int32Array): boolean {
  const owner = Atomics.load(words, L_OWNER);
  return owner !== 0 && owner !== OWNER_DIED;
}

/** The owner whose token is `token` (a thread, or a process's channel) died: hand its lock to the next acquirer, flagged. */
export function lockOwnerDied(words: Int32Array, token: number): void {
  if (Atomics.compareExchange(words, L_OWNER, token, OWNER_DIED) === token) {
    Atomics.store(words, L_DEPTH, 0);
    notifyWord(words, L_OWNER, 1);
  }
}

// ---- Semaphore: VALUE.
export const SEMAPHORE_WORDS = 1;

export function* semaphoreAcquire(words: Int32Array, blocking: boolean): Steps<boolean> {
  for (;;) {
    const value = Atomics.load(words, 0);
    if (value > 0) {
      if (Atomics.compareExchange(words, 0, value, value - 1) === value) return true;
      continue;
    }
    if (!blocking) return false;
    if ((yield { array: words, index: 0, expected: value }) === 'timed-out') return false;
  }
}

export function semaphoreRelease(words: Int32Array, n: number, max: number): void {
  for (;;) {
    const value = Atomics.load(words, 0);
    if (value + n > max) throw new SyncStateError(`BoundedSemaphore released too many times (value ${value} + ${n} > ${max})`);
    if (Atomics.compareExchange(words, 0, value, value + n) === value) break;
  }
  notifyWord(words, 0, n);
}

// ---- Event: FLAG, and SETS, a generation counter bumped by every set(): a waiter that slept
// through a set() followed at once by clear() still sees that it was set (CPython's issue 13502).
const E_FLAG = 0;
const E_SETS = 1;
export const EVENT_WORDS = 2;

export function* eventWait(words: Int32Array, blocking: boolean): Steps<boolean> {
  const sets = Atomics.load(words, E_SETS);
  if (Atomics.load(words, E_FLAG) === 1) return true;
  if (!blocking) return false;
  for (;;) {
    const outcome = yield { array: words, index: E_SETS, expected: sets };
    if (Atomics.load(words, E_SETS) !== sets) return true;
    if (outcome === 'timed-out') return false;
  }
}

export function eventSet(words: Int32Array, value: boolean): void {
  Atomics.store(words, E_FLAG, value ? 1 : 0);
  if (!value) return;
  Atomics.add(words, E_SETS, 1);
  notifyWord(words, E_SETS);
}

export function eventIsSet(words: Int32Array): boolean {
  return Atomics.load(words, E_FLAG) === 1;
}

// ---- Condition: SEQ (bumped by notify), WAITERS, TOKENS (notifications not yet taken).
const C_SEQ = 0;
const C_WAITERS = 1;
const C_TOKENS = 2;
export const CONDITION_WORDS = 3;

/**
 * Waits with `lock` held (checked by the caller): releases it, sleeps until a notify hands out a
 * token, re-takes the lock (always, as Python does) and reports whether it was notified.
 */
export function* conditionWait(words: Int32Array, lock: Int32Array, blocking: boolean, self: number): Steps<boolean> {
  Atomics.add(words, C_WAITERS, 1);
  for (;;) {
    const seq = Atomics.load(words, C_SEQ);
    const depth = lockReleaseAll(lock);
    const outcome = blocking ? yield { array: words, index: C_SEQ, expected: seq } : 'timed-out';
    yield* lockRetake(lock, depth, self);
    const tokens = Atomics.load(words, C_TOKENS);
    if (tokens > 0) {
      Atomics.sub(words, C_TOKENS, 1);
      Atomics.sub(words, C_WAITERS, 1);
      return true;
    }
    if (outcome === 'timed-out') {
      Atomics.sub(words, C_WAITERS, 1);
      return false;
    }
  }
}

/** Hands out up to `n` notifications to waiters that have not got one (lock held, checked by the caller). */
export function conditionNotify(words: Int32Array, n: number): void {
  const waiting = Atomics.load(words, C_WAITERS) - Atomics.load(words, C_TOKENS);
  const give = Math.min(n, waiting);
  if (give <= 0) return;
  Atomics.add(words, C_TOKENS, give);
  Atomics.add(words, C_SEQ, 1);
  notifyWord(words, C_SEQ);
}

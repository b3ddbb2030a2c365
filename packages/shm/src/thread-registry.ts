// Named SharedArrayBuffers under `thread`: the threads that hold a buffer hand it, over a BroadcastChannel, to a thread that attaches by name.
import { BroadcastChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { randomBytes } from 'node:crypto';
import { SharedMemoryError } from './errors.js';

type Message =
  | { readonly kind: 'lookup'; readonly name: string; readonly id: string; readonly request: string; readonly flag: Int32Array }
  | { readonly kind: 'found'; readonly request: string; readonly buffer: SharedArrayBuffer }
  | { readonly kind: 'unlinked'; readonly name: string; readonly id: string };

/** The buffers this thread holds, by name; `id` tells a buffer from a later one of the same name. */
const held = new Map<string, { readonly id: string; readonly buffer: SharedArrayBuffer }>();
let channel: BroadcastChannel | null = null;
/** This thread's lookups in progress, and the answers that came for them (later answers are dropped). */
const pending = new Set<string>();
const answers = new Map<string, SharedArrayBuffer>();

function open(): BroadcastChannel {
  if (channel !== null) return channel;
  channel = new BroadcastChannel('parlab:shm:thread-segments');
  channel.onmessage = (event) => handle((event as { data: Message }).data);
  // Holding buffers must not keep a thread alive.
  channel.unref();
  return channel;
}

function handle(message: Message): void {
  switch (message.kind) {
    case 'lookup': {
      const mine = held.get(message.name);
      if (mine === undefined || mine.id !== message.id) return;
      open().postMessage({ kind: 'found', request: message.request, buffer: mine.buffer } satisfies Message);
      Atomics.store(message.flag, 0, 1);
      Atomics.notify(message.flag, 0);
      return;
    }
    case 'found':
      if (pending.has(message.request)) answers.set(message.request, message.buffer);
      return;
    case 'unlinked':
      if (held.get(message.name)?.id === message.id) held.delete(message.name);
      return;
  }
}

/** This thread holds `buffer` as `name`, and answers other threads' lookups for it. */
export function hold(name: string, id: string, buffer: SharedArrayBuffer): void {
  open();
  held.set(name, { id, buffer });
}

/** The name was unlinked: no thread hands the buffer out any more. */
export function release(name: string, id: string): void {
  if (held.get(name)?.id === id) held.delete(name);
  open().postMessage({ kind: 'unlinked', name, id } satisfies Message);
}

/**
 * The buffer named `name` (generation `id`), from this thread or another that holds it. Blocks the
 * calling thread until a holder answers, at most `timeoutMs`: a holder answers from its event
 * loop, so one busy in a long computation answers when it is done.
 */
export function lookup(name: string, id: string, timeoutMs: number): SharedArrayBuffer {
  const mine = held.get(name);
  if (mine !== undefined && mine.id === id) return mine.buffer;
  const bc = open();
  const request = randomBytes(8).toString('hex');
  const flag = new Int32Array(new SharedArrayBuffer(4));
  bc.postMessage({ kind: 'lookup', name, id, request, flag } satisfies Message);
  pending.add(request);
  try {
    return awaitAnswer(request, name, id, flag, timeoutMs);
  } finally {
    pending.delete(request);
    answers.delete(request);
  }
}

function awaitAnswer(request: string, name: string, id: string, flag: Int32Array, timeoutMs: number): SharedArrayBuffer {
  // receiveMessageOnPort takes a BroadcastChannel too (Node ≥ 15.4); its typings say MessagePort only.
  const port = open() as unknown as MessagePort;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    for (let received = receiveMessageOnPort(port); received !== undefined; received = receiveMessageOnPort(port)) {
      handle(received.message as Message);
    }
    const buffer = answers.get(request);
    if (buffer !== undefined) {
      hold(name, id, buffer);
      return buffer;
    }
    const left = deadline - performance.now();
    if (left <= 0) break;
    // The holder sets the flag after posting its answer; the slice bounds a missed wake.
    Atomics.wait(flag, 0, 0, Math.min(left, 50));
  }
  throw new SharedMemoryError(`no thread holding shared memory '${name}' answered within ${timeoutMs} ms (are the threads that hold it busy, or all gone?)`);
}

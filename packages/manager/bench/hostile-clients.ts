// Clients without the key, for the manager's benchmark and tests: they fail the handshake and stream garbage, or hold connections half-open.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { defineTargets } from '@parlab/core';
import { frame } from '../src/framing.js';
import type { ListenAddress } from '../src/protocol.js';

/** Garbage as the streaming clients write it: 'A's, which also read as an oversized frame header. */
const GARBAGE = Buffer.alloc(64 * 1024, 0x41);

/** A connection that keeps its own side open whatever the server does (allowHalfOpen), as an attacker's would. */
export interface HostileSocket {
  readonly socket: Socket;
  /** Settles when the server ends its side (FIN), resets the connection or the socket closes. */
  readonly ended: Promise<void>;
  /** Settles when the socket is gone: the server reset it, or destroy() was called here. */
  readonly closed: Promise<void>;
}

/** Connects without any handshake; resolves once connected (rejects if the connection fails). */
export function openHostile(address: ListenAddress): Promise<HostileSocket> {
  const socket = 'path' in address ? connect({ path: address.path, allowHalfOpen: true }) : connect({ port: address.port, host: address.host, allowHalfOpen: true });
  // A reset is what a destroyed server socket answers; it is expected, not an error to throw.
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const ended = Promise.race([new Promise<void>((resolve) => socket.once('end', () => resolve())), closed]);
  // Reading on (and dropping what arrives) is what lets this side see the server's FIN or reset.
  socket.on('data', () => {});
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, ended, closed }));
    socket.once('error', reject);
  });
}

/** Resolves when the socket can take more, or has closed. */
function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.once('drain', done);
    socket.once('close', done);
  });
}

export interface StreamResult {
  /** Bytes handed to the socket after the wrong answer (some may never have left this machine's buffers). */
  readonly written: number;
  /** True when the server destroyed the connection before `limitMs` ran out. */
  readonly cutOff: boolean;
}

/**
 * Waits for the server's challenge, answers it with random bytes, then writes up to `bytes` of
 * garbage as fast as the socket takes it. Resolves once the server has destroyed the connection
 * or `limitMs` has passed (then this side destroys it).
 */
export async function failThenStream(address: ListenAddress, bytes: number, limitMs: number): Promise<StreamResult> {
  const hostile = await openHostile(address);
  const { socket } = hostile;
  let cutOff = false;
  void hostile.closed.then(() => (cutOff = true));
  const limit = new Promise<void>((resolve) => setTimeout(resolve, limitMs).unref());
  const challenge = new Promise<void>((resolve) => socket.once('data', () => resolve()));
  await Promise.race([challenge, hostile.closed, limit]);
  let written = 0;
  if (!socket.destroyed) socket.write(frame(randomBytes(32)));
  let timedOut = false;
  void limit.then(() => (timedOut = true));
  while (!cutOff && !timedOut && written < bytes && !socket.destroyed) {
    written += GARBAGE.length;
    if (!socket.write(GARBAGE)) await Promise.race([drained(socket), limit]);
  }
  await Promise.race([hostile.ended, limit]);
  await poke(hostile, limit);
  socket.destroy();
  return { written, cutOff };
}

/**
 * After the server's FIN, sends one more byte and waits (until `limit`) for the socket to close: a
 * server that destroyed its socket answers with a reset, one that only ended its side reads on.
 */
export async function poke(hostile: HostileSocket, limit: Promise<void>): Promise<void> {
  if (!hostile.socket.destroyed) hostile.socket.write(GARBAGE.subarray(0, 1));
  await Promise.race([hostile.closed, limit]);
}

/** Opens `count` connections that start a frame header and never finish it (slowloris); `count` at most 20 at a time. */
export async function openHalfOpen(address: ListenAddress, count: number): Promise<HostileSocket[]> {
  const sockets: HostileSocket[] = [];
  while (sockets.length < count) {
    const batch = await Promise.all(Array.from({ length: Math.min(20, count - sockets.length) }, () => openHostile(address)));
    for (const hostile of batch) hostile.socket.write(Buffer.from([0x20, 0x00]));
    sockets.push(...batch);
  }
  return sockets;
}

/** For the benchmark, in a child process: `clients` at a time fail the handshake and stream garbage until `durationMs` passes. */
export async function streamGarbageFor(address: ListenAddress, clients: number, durationMs: number): Promise<void> {
  const until = Date.now() + durationMs;
  const client = async (): Promise<void> => {
    while (Date.now() < until) await failThenStream(address, Number.MAX_SAFE_INTEGER, Math.max(1, until - Date.now()));
  };
  await Promise.all(Array.from({ length: clients }, client));
}

/**
 * For the benchmark, in a child process: opens `count` half-open connections and holds them until
 * `durationMs` passes; with `reopen`, one the server closes is replaced at once (a sustained attack).
 */
export async function holdHalfOpenFor(address: ListenAddress, count: number, durationMs: number, reopen: boolean): Promise<void> {
  const until = Date.now() + durationMs;
  const end = new Promise<void>((resolve) => setTimeout(resolve, durationMs).unref());
  const hold = async (first: HostileSocket): Promise<void> => {
    let current = first;
    for (;;) {
      await Promise.race([reopen ? current.ended : current.closed, end]);
      current.socket.destroy();
      if (!reopen || Date.now() >= until) return;
      [current] = (await openHalfOpen(address, 1)) as [HostileSocket];
    }
  };
  await Promise.all((await openHalfOpen(address, count)).map(hold));
}

defineTargets(import.meta.url, { streamGarbageFor, holdHalfOpenFor });

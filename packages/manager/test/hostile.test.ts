// Clients without the key on loopback: garbage after a failed handshake, half-open and slowloris connections, the byte and connection caps.
import { readdirSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES, toHandle } from '@parlab/core';
import { Manager, ManagerClient, RemoteError, type LockProxy, type ValueProxy } from '../dist/src/index.js';
import { failThenStream, openHalfOpen, openHostile, poke, type HostileSocket } from '../dist/bench/hostile-clients.js';
import { frame } from '../dist/src/framing.js';
import { parseReply } from '../dist/src/protocol.js';
import { cleanup, killAll, rawClient } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

const AUTHKEY = 'hostile-test-key';
/** Every wait in this file is bounded by this; none is a timing guess. */
const LIMIT_MS = 15_000;

/** Open descriptors of process `pid` (the server; this process under `thread`). */
const fds = (pid: number): number => readdirSync(`/proc/${pid}/fd`).length;

/** Polls `check` until it holds; throws after LIMIT_MS with `what` and the last value. */
async function until<T>(what: string, read: () => T, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + LIMIT_MS;
  for (;;) {
    const value = read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${String(value)} after ${LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves when every promise has settled, or reports how many had not within LIMIT_MS. */
async function allWithin(what: string, promises: readonly Promise<unknown>[]): Promise<void> {
  let settled = 0;
  const each = promises.map((p) => p.then(() => void settled++));
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: ${promises.length - settled} of ${promises.length} still pending after ${LIMIT_MS} ms`)), LIMIT_MS);
  });
  try {
    await Promise.race([Promise.all(each), limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The legitimate client, calling throughout: one call at a time until `stop` settles (at most
 * 100 000 calls). Resolves with the number of calls; any failure rejects.
 */
async function keepCalling(value: ValueProxy<number>, stop: Promise<unknown>): Promise<number> {
  let stopped = false;
  const halt = (): void => void (stopped = true);
  stop.then(halt, halt);
  let calls = 0;
  while (!stopped && calls < 100_000) {
    expect(await value.get()).toBe(42);
    calls++;
  }
  return calls;
}

async function startManager(strategy: (typeof STRATEGIES)[number], options: Record<string, number> = {}) {
  const manager = await Manager.start({ strategy, address: { port: 0 }, authkey: AUTHKEY, log: false, ...options });
  const address = manager.address as { host: string; port: number };
  const client = await ManagerClient.connect({ address, authkey: AUTHKEY });
  const value = await client.value(42);
  return { manager, address, client, value, pid: manager.pid as number };
}

describe('the limits on unauthenticated clients', () => {
  it('are checked when the manager is made, each error naming its option', () => {
    expect(() => new Manager({ handshakeTimeoutMs: 0 })).toThrow(/options.handshakeTimeoutMs must be an integer from 1/);
    expect(() => new Manager({ maxUnauthenticatedConnections: 1.5 })).toThrow(/options.maxUnauthenticatedConnections must be an integer/);
    expect(() => new Manager({ maxUnauthenticatedBytes: 100 })).toThrow(/options.maxUnauthenticatedBytes must be an integer from 1024/);
    expect(() => new Manager({ maxFrameBytes: 10 })).toThrow(/options.maxFrameBytes must be an integer from 1024/);
  });
});

describe.each(STRATEGIES)('Manager against clients without the key (%s)', (strategy) => {
  it('destroys a client that fails the handshake and streams garbage; the good client is answered throughout', async () => {
    const { manager, address, client, value, pid } = await startManager(strategy);
    await using _ = manager;
    const before = fds(pid);
    // 4 clients × 4 MiB: each must be reset by the server, not merely sent a FIN while it keeps reading.
    const streams = Promise.all(Array.from({ length: 4 }, () => failThenStream(address, 4 * 1024 * 1024, LIMIT_MS)));
    const [results, calls] = await Promise.all([streams, keepCalling(value, streams)]);
    expect(results.map((r) => r.cutOff)).toEqual([true, true, true, true]);
    expect(calls).toBeGreaterThan(0);
    await until('server descriptors', () => fds(pid), (n) => n <= before);
    const log = await manager.connectionLog();
    expect(log.filter((line) => /handshake failed: digest received was wrong/.test(line))).toHaveLength(4);
    client.disconnect();
  });

  it('caps the bytes an unauthenticated connection may send with its handshake (maxUnauthenticatedBytes)', async () => {
    const { manager, address, client, value } = await startManager(strategy, { maxUnauthenticatedBytes: 4096 });
    await using _ = manager;
    // Well-formed 32-byte frames, 1 MiB of them in one write: the first is taken as the (wrong) answer, the rest is over the cap.
    const hostile = await Promise.all(Array.from({ length: 3 }, () => openHostile(address)));
    const burst = Buffer.concat(Array.from({ length: (1024 * 1024) / 36 }, () => frame(Buffer.alloc(32, 7))));
    for (const h of hostile) h.socket.write(burst);
    const limit = new Promise<void>((resolve) => setTimeout(resolve, LIMIT_MS).unref());
    await allWithin('hostile sockets reset', hostile.map((h) => h.ended.then(() => poke(h, limit)).then(() => h.closed)));
    const log = await manager.connectionLog();
    expect(log.some((line) => /more than 4096 bytes arrived before the handshake was done/.test(line))).toBe(true);
    expect(await value.get()).toBe(42);
    client.disconnect();
  });

  it('destroys half-open and slowloris connections at the handshake deadline, though the clients keep their sockets', async () => {
    const { manager, address, client, value, pid } = await startManager(strategy, { handshakeTimeoutMs: 300, maxUnauthenticatedConnections: 1000 });
    await using _ = manager;
    const before = fds(pid);
    const count = 200;
    let sockets: HostileSocket[] = [];
    const opened = openHalfOpen(address, count).then((s) => (sockets = s));
    const ended = opened.then((s) => allWithin('server FIN on half-open sockets', s.map((h) => h.ended)));
    const calls = await keepCalling(value, ended);
    await ended;
    expect(calls).toBeGreaterThan(0);
    // The clients still hold their ends (allowHalfOpen): only the server's descriptors may go.
    expect(sockets.filter((h) => !h.socket.destroyed)).toHaveLength(count);
    const mine = pid === process.pid ? count : 0;
    await until('server descriptors', () => fds(pid) - mine, (n) => n <= before);
    expect((await manager.connectionLog()).some((line) => /no handshake within 300 ms/.test(line))).toBe(true);
    for (const h of sockets) h.socket.destroy();
    client.disconnect();
  });

  it('holds at most maxUnauthenticatedConnections waiting connections, evicting the oldest; a new client still gets in', async () => {
    const { manager, address, client, value, pid } = await startManager(strategy, { handshakeTimeoutMs: 60_000, maxUnauthenticatedConnections: 50 });
    await using _ = manager;
    const before = fds(pid);
    const sockets = await openHalfOpen(address, 200);
    let ended = 0;
    for (const h of sockets) void h.ended.then(() => ended++);
    await until('evicted connections', () => ended, (n) => n >= 150);
    expect(await value.get()).toBe(42);
    const mine = pid === process.pid ? sockets.length : 0;
    // The 50 newest wait for their handshake; the server holds nothing for the others.
    await until('server descriptors', () => fds(pid) - mine - before, (n) => n <= 50);
    expect(ended).toBe(150);
    const late = await ManagerClient.connect({ address, authkey: AUTHKEY });
    const list = await late.list([1]);
    expect(await list.toArray()).toEqual([1]);
    expect((await manager.connectionLog()).some((line) => /evicted: 50 connections were already waiting/.test(line))).toBe(true);
    late.disconnect();
    for (const h of sockets) h.socket.destroy();
    client.disconnect();
  });

  it('calls only the public methods of a built-in type: not the lock’s connection-closed hook', async () => {
    await using manager = await Manager.start({ strategy, address: { port: 0 }, authkey: AUTHKEY, log: false });
    const lock = await manager.lock();
    expect((await lock.acquire({ timeoutMs: 0 })).acquired).toBe(true);
    const other = await ManagerClient.connect({ address: manager.address as { host: string; port: number }, authkey: AUTHKEY });
    const theirs = (await other.create<LockProxy>('lock')) as LockProxy & { connectionClosed(connection: number): Promise<void> };
    // Through a proxy: refused on the client side (the server lists what is exposed).
    await expect(theirs.connectionClosed(1)).rejects.toThrow(RemoteError);
    await expect(theirs.connectionClosed(1)).rejects.toThrow(/'connectionClosed' is not exposed by 'lock'/);
    // A raw client naming the method on the held lock: every connection id is refused, with an answer.
    const obj = (lock[toHandle]({} as never) as { state: { obj: number } }).state.obj;
    const raw = await rawClient(manager.address as { host: string; port: number }, Buffer.from(AUTHKEY));
    for (let connection = 0; connection < 5; connection++) {
      raw.send(Buffer.from(`J${JSON.stringify({ t: 'call', id: connection, obj, method: 'connectionClosed', args: [connection] })}`));
      const reply = parseReply(await raw.next(LIMIT_MS));
      expect(reply).toMatchObject({ t: 'error', id: connection, remote: true });
      expect(JSON.stringify(reply)).toMatch(/method 'connectionClosed' is not exposed by 'lock' \(exposed: acquire, release, locked\)/);
    }
    raw.send(Buffer.from(`J${JSON.stringify({ t: 'call', id: 9, obj, method: 'constructor', args: [] })}`));
    expect(JSON.stringify(parseReply(await raw.next(LIMIT_MS)))).toMatch(/'constructor' is not exposed by 'lock'/);
    // Still held by the manager's connection: another connection cannot take it.
    raw.send(Buffer.from(`J${JSON.stringify({ t: 'call', id: 10, obj, method: 'acquire', args: [{ timeoutMs: 0 }] })}`));
    expect(parseReply(await raw.next(LIMIT_MS))).toMatchObject({ t: 'ok', id: 10, value: { acquired: false, ownerDied: false } });
    expect(await lock.locked()).toBe(true);
    raw.close(new Error('test done'));
    other.disconnect();
  });
});

// Shared helpers for the manager tests: temp files, children, and a raw authenticated client for hostile frames.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Process, reapChildren, type StrategyName } from '@parlab/core';
import { answerChallenge, deliverChallenge } from '../dist/src/auth.js';
import { FramedSocket } from '../dist/src/framed-socket.js';
import type { ListenAddress } from '../dist/src/index.js';

export const dir = mkdtempSync(join(tmpdir(), 'parlab-manager-'));
let n = 0;
export const tmp = (): string => join(dir, `out-${n++}.json`);
export const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
export const cleanup = (): void => rmSync(dir, { recursive: true, force: true });

export function start(strategy: StrategyName, target: (...args: never[]) => unknown, args: unknown[]): Process {
  const child = new Process({ target: target as (...a: unknown[]) => unknown, args, strategy });
  child.start();
  return child;
}

/** Kills whatever a test left running (core's reapChildren). */
export const killAll = (): Promise<void> => reapChildren();

/** Opens a connection and does the handshake by hand; `null` key: skip it. */
export async function rawClient(address: ListenAddress, authkey: Buffer | null): Promise<FramedSocket> {
  const socket = 'path' in address ? connect(address.path) : connect(address.port, address.host);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const framed = new FramedSocket(socket, 1 << 20);
  if (authkey !== null) {
    await answerChallenge(framed, authkey, 10_000);
    await deliverChallenge(framed, authkey, 10_000);
    // The WELCOME frame leaves on the next tick; raw writes made after this follow it.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return framed;
}

/** Resolves when the socket has closed (reading, and dropping, what still arrives); rejects after `limitMs` (a bound, not a timing guess). */
export function closed(framed: FramedSocket, limitMs = 10_000): Promise<void> {
  // A FramedSocket that nobody reads from pauses, and a paused socket does not see the peer close.
  framed.listen(() => {});
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the connection did not close in time')), limitMs);
    framed.onClose(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
